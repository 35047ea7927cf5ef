"""The desk's feeds, one module per concern."""
