"""The app's writes, one module per concern."""
