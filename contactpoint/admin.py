"""Admin screens of this app arrive with its models."""
