"""The desk's screens, one module per concern; importing them registers them."""

from contactpoint.admin import alerts, desk, guides

__all__ = ["alerts", "desk", "guides"]
