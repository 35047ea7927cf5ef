"""The plan's writes, one module per concern (see actionplan/README.md)."""
