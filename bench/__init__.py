"""Benchmark of the public directory against 100,000 organisations (`make bench`)."""
