"""Views of this app arrive with its first feature."""
