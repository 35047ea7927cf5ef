"""The app's admin screens, one module per concern."""

from actionplan.admin import benchmark as benchmark
