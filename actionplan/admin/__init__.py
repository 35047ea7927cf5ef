"""The app's admin screens, one module per concern."""

from actionplan.admin import benchmark, people, plans  # noqa: F401
