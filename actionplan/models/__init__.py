"""The app's models, one module per concern; imported here for Django and callers."""

from actionplan.models.benchmark import (
    BenchmarkIndicator,
    BenchmarkIndicatorQuerySet,
    BenchmarkValue,
    BenchmarkValueQuerySet,
)

__all__ = [
    "BenchmarkIndicator",
    "BenchmarkIndicatorQuerySet",
    "BenchmarkValue",
    "BenchmarkValueQuerySet",
]
