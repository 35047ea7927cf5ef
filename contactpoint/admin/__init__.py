"""The desk's screens, one module per concern; importing them registers them."""

from contactpoint.admin import alerts, calls, desk, enquiries, guides, premises

__all__ = ["alerts", "calls", "desk", "enquiries", "guides", "premises"]
