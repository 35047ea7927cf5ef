"""The desk's screens, one module per concern; importing them registers them."""

from directory.admin import accounts, organisations, ratings, reference

__all__ = ["accounts", "organisations", "ratings", "reference"]
