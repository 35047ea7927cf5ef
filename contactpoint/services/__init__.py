"""Service functions of the desk, one module per concern."""
