"""The desk's public pages, one module per concern."""
