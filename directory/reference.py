"""Sectors and places as the public pages need them, kept in the cache for a minute.

Every directory page needs them (the filter form lists them all, each card
names its sector and place, a profile its sectors), and they change a few
times a year, by staff. Reading them from the cache saves a query each on
every page; a save or a deletion drops them (`reference_forget`, connected in
`plugs.py`), so a renamed sector shows at once; a change that sends no signal
(a bulk update) shows within `TIMEOUT` seconds. Each part is read only
when a page asks for it, so a profile never reads the places.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.core.cache import cache

from directory.models import Municipality, Sector

TIMEOUT = 60
SECTORS_KEY = "directory:sectors:1"
PLACES_KEY = "directory:places:1"

PlaceRow = tuple[int, str, str, str]  # id, slug, name, kind


class Reference:
    """One page's view of the reference data."""

    @cached_property
    def sectors(self) -> list[Sector]:
        """Every sector, in their order, with their names in both languages."""
        sectors: list[Sector] | None = cache.get(SECTORS_KEY)
        if sectors is None:
            sectors = list(Sector.objects.only("id", "slug", "name_it", "name_en", "order"))
            cache.set(SECTORS_KEY, sectors, TIMEOUT)
        return sectors

    @cached_property
    def places(self) -> list[PlaceRow]:
        """Every place, in their order, as plain rows (a hundred instances add up)."""
        places: list[PlaceRow] | None = cache.get(PLACES_KEY)
        if places is None:
            places = list(Municipality.objects.values_list("id", "slug", "name", "kind"))
            cache.set(PLACES_KEY, places, TIMEOUT)
        return places

    @cached_property
    def sector_by_slug(self) -> dict[str, Sector]:
        return {sector.slug: sector for sector in self.sectors}

    @cached_property
    def sector_by_id(self) -> dict[int, Sector]:
        return {sector.pk: sector for sector in self.sectors}

    @cached_property
    def place_by_slug(self) -> dict[str, PlaceRow]:
        return {row[1]: row for row in self.places}

    @cached_property
    def _place_rows(self) -> dict[int, PlaceRow]:
        return {row[0]: row for row in self.places}

    @cached_property
    def _place_objects(self) -> dict[int, Municipality]:
        return {}

    def sector(self, pk: int) -> Sector:
        """A sector by id; one added in the last minute is read from the database."""
        found = self.sector_by_id.get(pk)
        if found is None:
            found = self.sector_by_id[pk] = Sector.objects.get(pk=pk)
        return found

    def place(self, pk: int) -> Municipality:
        """A place as a model instance, made on demand from its row."""
        found = self._place_objects.get(pk)
        if found is None:
            if pk in self._place_rows:
                _pk, slug, name, kind = self._place_rows[pk]
                found = Municipality(pk=pk, slug=slug, name=name, kind=kind)
            else:  # added in the last minute
                found = Municipality.objects.get(pk=pk)
            self._place_objects[pk] = found
        return found


def reference() -> Reference:
    return Reference()


def reference_forget(**kwargs: Any) -> None:
    """A sector or a place was saved or deleted: the next page reads them afresh."""
    cache.delete_many([SECTORS_KEY, PLACES_KEY])
