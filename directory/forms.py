"""Forms of the directory."""
