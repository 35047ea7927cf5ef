"""Factories for the benchmark, the public pages and following."""

from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from actionplan.models import BenchmarkIndicator, BenchmarkValue
from tests.directory.factories import PartnerFactory


class BenchmarkIndicatorFactory(DjangoModelFactory[BenchmarkIndicator]):
    class Meta:
        model = BenchmarkIndicator
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"indicator-{n}")
    name_it = factory.Sequence(lambda n: f"Indicatore {n}")
    name_en = factory.Sequence(lambda n: f"Indicator {n}")
    definition_it = "Definizione condivisa."
    definition_en = "Shared definition."
    unit_it = "%"
    unit_en = "%"
    source = "Statistics office"
    direction = BenchmarkIndicator.Direction.HIGHER
    order = factory.Sequence(lambda n: n)


class BenchmarkValueFactory(DjangoModelFactory[BenchmarkValue]):
    class Meta:
        model = BenchmarkValue

    indicator = factory.SubFactory(BenchmarkIndicatorFactory)
    partner = factory.SubFactory(PartnerFactory)
    year = 2024
    value = Decimal("12.50")
    source = "Statistics office, yearbook"
