"""Admin screens of the desk, one module per concern."""

from contactpoint.admin import enquiries  # noqa: F401
