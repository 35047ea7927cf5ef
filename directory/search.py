"""The organisations' stored search vector: names, Italian and English texts,
folded and weighted as `creativecities.lists.search` searches them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import connection

from creativecities.lists.search import VECTOR_SQL, fold

if TYPE_CHECKING:
    from directory.models import Organisation


def document(organisation: Organisation) -> tuple[str, str, str]:
    """The folded texts the vector is made of: names, Italian, English."""
    sectors = " ".join(
        f"{sector.name_it} {sector.name_en}"  # type: ignore[attr-defined]
        for sector in organisation.sectors.all()
    )
    names = fold(f"{organisation.name} {organisation.municipality.name}")
    italian = fold(
        f"{organisation.short_description_it or ''} {organisation.description_it or ''} {sectors}"  # type: ignore[attr-defined]
    )
    english = fold(
        f"{organisation.short_description_en or ''} {organisation.description_en or ''} {sectors}"  # type: ignore[attr-defined]
    )
    return names, italian, english


def index_organisations(organisations: Iterable[Organisation]) -> None:
    """Recompute and store the search vector of each organisation given.

    Call it after every write that changes a name, description, sector or place
    (the services do); the vector is stored so that searching never recomputes it.
    """
    rows = [(*document(org), org.pk) for org in organisations]
    if not rows:
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE directory_organisation SET search_vector = {VECTOR_SQL} WHERE id = %s",  # noqa: S608
            rows,
        )
