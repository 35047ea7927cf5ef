"""The app's views, one module per audience."""
