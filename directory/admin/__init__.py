"""The desk's screens, one module per concern; importing them registers them."""

from directory.admin import accounts, mail, organisations, reference

__all__ = ["accounts", "mail", "organisations", "reference"]
