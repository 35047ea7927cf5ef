"""The desk's screens, one module per concern; importing them registers them."""

from contactpoint.admin import alerts, desk, enquiries, guides

__all__ = ["alerts", "desk", "enquiries", "guides"]
