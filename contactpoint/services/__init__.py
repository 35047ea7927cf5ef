"""Writes and computations of the desk, one module per concern."""
