"""The desk's screens, one module per concern; importing them registers them."""

from directory.admin import accounts, organisations, reference
from directory.survey import admin as survey

__all__ = ["accounts", "organisations", "reference", "survey"]
