"""The desk's writes, one module per concern."""
