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
from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

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


V = TypeVar("V")


class _per_token(Generic[V]):  # a decorator, named like cached_property
    """A part of the reference data made once per process and token: like
    `cached_property`, but shared by every request that reads under the token."""

    def __init__(self, make: Callable[[Reference], V]) -> None:
        self.make = make
        self.name = make.__name__
        self.__doc__ = make.__doc__

    def __get__(self, reference: Reference, owner: type | None = None) -> V:
        found = reference._kept.get(self.name)
        if found is None:
            found = reference._kept[self.name] = self.make(reference)
        return cast("V", found)


class Reference:
    """One page's view of the reference data: read-only, shared with the
    other requests of the process that read it under the same token."""

    def __init__(self) -> None:
        global _kept
        token = _current_token()
        if _kept[0] != token:
            _kept = (token, {})
        self.token, self._kept = _kept

    @_per_token
    def sectors(self) -> list[Sector]:
        """Every sector, in their order, with their names in both languages."""
        sectors: list[Sector] = cache.get_or_set(  # type: ignore[assignment]
            SECTORS_KEY,
            lambda: list(Sector.objects.only("id", "slug", "name_it", "name_en", "order")),
            TIMEOUT,
        )
        return sectors

    @_per_token
    def places(self) -> list[PlaceRow]:
        """Every place, in their order, as plain rows (a hundred instances add up)."""
        places: list[PlaceRow] = cache.get_or_set(  # type: ignore[assignment]
            PLACES_KEY,
            lambda: list(Municipality.objects.values_list("id", "slug", "name", "kind")),
            TIMEOUT,
        )
        return places

    @_per_token
    def sector_by_slug(self) -> dict[str, Sector]:
        return {sector.slug: sector for sector in self.sectors}

    @_per_token
    def sector_by_id(self) -> dict[int, Sector]:
        return {sector.pk: sector for sector in self.sectors}

    @_per_token
    def place_by_slug(self) -> dict[str, PlaceRow]:
        return {row[1]: row for row in self.places}

    @_per_token
    def _place_rows(self) -> dict[int, PlaceRow]:
        return {row[0]: row for row in self.places}

    @_per_token
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
    cache.delete_many([GENERATION_KEY, SECTORS_KEY, PLACES_KEY])
