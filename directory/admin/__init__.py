"""The desk's screens, one module per concern; importing them registers them."""

from directory.admin import accounts, mail, organisations, ratings, reference
from directory.survey import admin as survey

__all__ = ["accounts", "mail", "organisations", "ratings", "reference", "survey"]
