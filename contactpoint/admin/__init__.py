"""The desk's admin screens, one module per concern; importing them registers them."""

from contactpoint.admin import calls, premises  # noqa: F401
