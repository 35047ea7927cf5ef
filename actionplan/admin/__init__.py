"""The plan's admin screens, one module per concern."""

from actionplan.admin import people, plans  # noqa: F401
