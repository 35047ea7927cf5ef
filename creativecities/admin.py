"""The core's screens in the desk's admin; importing them registers them."""

from creativecities.mail import admin as mail

__all__ = ["mail"]
