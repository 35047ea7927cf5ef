"""A place on the map, for every model that may have one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from decimal import Decimal

    from django.db.models.expressions import Combinable
    from django_stubs_ext import StrOrPromise

    DegreesField = models.DecimalField[str | float | Decimal | Combinable | None, Decimal | None]


def _degrees(label: StrOrPromise, limit: int) -> DegreesField:
    """An optional angle in degrees, between -limit and limit, to six decimals
    (about ten centimetres on the ground, finer than any address)."""
    return models.DecimalField(
        label,
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-limit), MaxValueValidator(limit)],
    )


class Coordinates(models.Model):
    """Where a thing is, as the maps and GeoJSON read it: both or neither, which
    each model says in a check constraint of its own name."""

    latitude = _degrees(_("latitude"), 90)
    longitude = _degrees(_("longitude"), 180)

    class Meta:
        abstract = True

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None
