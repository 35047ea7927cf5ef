"""Fields translated into every language of the portal (django-modeltranslation),
one module per concern; modeltranslation imports this package at start-up."""

from contactpoint.translation import calls, guides, premises  # noqa: F401
