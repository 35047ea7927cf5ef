"""Date and number formats where the portal writes differently from Django's defaults."""
