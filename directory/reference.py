"""Sectors and places as the public pages need them, kept in the cache for a minute.

Every directory page needs them (the filter form lists them all, each card
names its sector and place, a profile its sectors), and they change a few
times a year, by staff. Reading them from the cache saves a query each on
every page; a save or a deletion drops them (`reference_forget`, connected in
`plugs.py`), so a renamed sector shows at once; a change that sends no signal
(a bulk update) shows within `TIMEOUT` seconds. Each part is read only
when a page asks for it, so a profile never reads the places.

The cache holds a token beside them, renewed whenever they are forgotten or
expire: a process keeps what it read (and the lookups made of it) under the
token it read with, so that a page costs one small read instead of unpickling
every sector and place, while a change still shows on the next request.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.core.cache import cache

from directory.models import Municipality, Sector

TIMEOUT = 60
SECTORS_KEY = "directory:sectors:1"
PLACES_KEY = "directory:places:1"
GENERATION_KEY = "directory:reference-generation:1"

PlaceRow = tuple[int, str, str, str]  # id, slug, name, kind

# What this process read last, and the token it read it under. Replaced whole
# (one assignment) when the token changes; its parts are only ever added.
_kept: tuple[str, dict[str, Any]] = ("", {})


def _current_token() -> str:
    token: str | None = cache.get(GENERATION_KEY)
    if token is None:
        # Expired or forgotten: the data is read afresh with a new token. `add`
        # keeps another process's token if it made one first.
        cache.delete_many([SECTORS_KEY, PLACES_KEY])
        cache.add(GENERATION_KEY, secrets.token_hex(8), TIMEOUT)
        token = cache.get(GENERATION_KEY) or secrets.token_hex(8)
    return token


class Reference:
    """One page's view of the reference data: read-only, shared with the
    other requests of the process that read it under the same token."""

    def __init__(self) -> None:
        global _kept
        token = _current_token()
        if _kept[0] != token:
            _kept = (token, {})
        self.token, self._kept = _kept

    def _part(self, name: str, make: Any) -> Any:
        found = self._kept.get(name)
        if found is None:
            found = self._kept[name] = make()
        return found

    @property
    def sectors(self) -> list[Sector]:
        """Every sector, in their order, with their names in both languages."""

        def read() -> list[Sector]:
            sectors: list[Sector] | None = cache.get(SECTORS_KEY)
            if sectors is None:
                sectors = list(Sector.objects.only("id", "slug", "name_it", "name_en", "order"))
                cache.set(SECTORS_KEY, sectors, TIMEOUT)
            return sectors

        found: list[Sector] = self._part("sectors", read)
        return found

    @property
    def places(self) -> list[PlaceRow]:
        """Every place, in their order, as plain rows (a hundred instances add up)."""

        def read() -> list[PlaceRow]:
            places: list[PlaceRow] | None = cache.get(PLACES_KEY)
            if places is None:
                places = list(Municipality.objects.values_list("id", "slug", "name", "kind"))
                cache.set(PLACES_KEY, places, TIMEOUT)
            return places

        found: list[PlaceRow] = self._part("places", read)
        return found

    @property
    def sector_by_slug(self) -> dict[str, Sector]:
        found: dict[str, Sector] = self._part(
            "sector_by_slug", lambda: {sector.slug: sector for sector in self.sectors}
        )
        return found

    @property
    def sector_by_id(self) -> dict[int, Sector]:
        found: dict[int, Sector] = self._part(
            "sector_by_id", lambda: {sector.pk: sector for sector in self.sectors}
        )
        return found

    @property
    def place_by_slug(self) -> dict[str, PlaceRow]:
        found: dict[str, PlaceRow] = self._part(
            "place_by_slug", lambda: {row[1]: row for row in self.places}
        )
        return found

    @property
    def _place_rows(self) -> dict[int, PlaceRow]:
        found: dict[int, PlaceRow] = self._part(
            "place_rows", lambda: {row[0]: row for row in self.places}
        )
        return found

    @property
    def _place_objects(self) -> dict[int, Municipality]:
        found: dict[int, Municipality] = self._part("place_objects", dict)
        return found

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
    cache.delete_many([GENERATION_KEY, SECTORS_KEY, PLACES_KEY])
