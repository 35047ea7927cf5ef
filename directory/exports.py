"""Open data: the published organisations as CSV, JSON and GeoJSON.

Public profile data only, under CC BY 4.0. Rows are read with a server-side
cursor and written as they come, so the export of 100,000 organisations holds
a few thousand rows in memory at a time, in one query. Column names are a
published interface: see `directory/README.md` before changing one.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.core.files.storage import default_storage
from django.db.models import F, OuterRef
from django.urls import reverse
from django.utils import timezone, translation

from creativecities.text import FORMULA_START, export_text, export_value
from directory.models import PROFILE_FIELDS, Organisation, Sector

LICENCE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": "Comune di Genova, Creative Cities",
}
LIST_SEPARATOR = "|"
CHUNK_ROWS = 2000

# The published columns, in order. Never rename one; add new ones at the end.
COLUMNS = (
    "slug",
    *PROFILE_FIELDS,
    "logo_url",
    "profile_url",
    "published_at",
    "confirmed_at",
)

# Columns computed from related rows or URLs; the others are model fields read as they are.
COMPUTED = ("primary_sector", "sectors", "municipality", "logo_url", "profile_url")
PLAIN = [name for name in COLUMNS if name not in COMPUTED]


def profile_url_prefix() -> tuple[str, str]:
    """The profile URL around a slug, found once rather than per row."""
    marker = "slug-marker"
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("directory:detail", kwargs={"slug": marker})
    before, after = path.split(marker)
    return settings.SITE_URL + before, after


def media_url(name: str) -> str:
    url = default_storage.url(name)
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


def rows(*, with_coordinates: bool = False) -> Iterator[dict[str, Any]]:
    """Published organisations as plain values, one query streamed in chunks."""
    organisations = Organisation.objects.published()
    if with_coordinates:
        organisations = organisations.filter(latitude__isnull=False, longitude__isnull=False)
    values = (
        organisations.order_by("pk")
        .values(
            *PLAIN,
            "logo",
            primary_sector_slug=F("primary_sector__slug"),
            municipality_name=F("municipality__name"),
            sector_slugs=ArraySubquery(
                Sector.objects.filter(organisations=OuterRef("pk"))
                .order_by("order", "slug")
                .values("slug")
            ),
        )
        .iterator(chunk_size=CHUNK_ROWS)
    )
    before, after = profile_url_prefix()
    for value in values:
        row = {name: value[name] for name in PLAIN}
        row["primary_sector"] = value["primary_sector_slug"]
        row["sectors"] = value["sector_slugs"]
        row["municipality"] = value["municipality_name"]
        row["logo_url"] = media_url(value["logo"]) if value["logo"] else None
        row["profile_url"] = f"{before}{value['slug']}{after}"
        for name in ("latitude", "longitude"):
            row[name] = float(row[name]) if row[name] is not None else None
        for name in ("published_at", "confirmed_at"):
            row[name] = row[name].isoformat() if row[name] else None
        yield {name: row[name] for name in COLUMNS}


def batched(parts: Iterable[str], size: int = 200) -> Iterator[str]:
    """Join small strings into larger chunks: fewer writes to the socket."""
    batch: list[str] = []
    for part in parts:
        batch.append(part)
        if len(batch) >= size:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


class _Line:
    """A file-like object that hands back what the csv writer writes."""

    def write(self, value: str) -> str:
        return value


# A spreadsheet runs a cell that begins with one of FORMULA_START as a formula
# (OWASP, "CSV injection"), and any text column can begin with one: a name, an
# email `=1+2@x.example`, a phone `+(1)/(2)-3`, a URL, a slug. So every text
# cell of the CSV that does is written with a leading quote, which spreadsheets
# show as text (`creativecities.text.export_text`, which also drops the control
# characters no export may carry). Numbers (a negative longitude) are ours and
# stay numbers; JSON and GeoJSON are not opened by spreadsheets and carry the
# values as they are, but for control characters.
# Every cell is quoted, too: where a spreadsheet splits lines at semicolons, a
# text `x;=1+2` would otherwise start a cell of its own with a formula.


def csv_safe(text: str) -> str:
    """Text a spreadsheet shows rather than runs."""
    return export_text(text, "csv")


def csv_unsafe(text: str) -> str:
    """The text `csv_safe` was given, so that an exported file imports as it was."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


def csv_text(value: Any) -> str:
    """One CSV cell: lists `|`-separated, booleans `true`/`false`, six decimals."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float | Decimal):
        return f"{value:.6f}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return csv_safe(LIST_SEPARATOR.join(str(item) for item in value))
    return csv_safe(str(value))


def as_csv() -> Iterator[str]:
    writer = csv.writer(_Line(), lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    yield writer.writerow(COLUMNS)
    for row in rows():
        yield writer.writerow([csv_text(row[name]) for name in COLUMNS])


def _header(extra: dict[str, Any]) -> str:
    """The opening of a JSON document whose last member is a list still open."""
    head = {
        **extra,
        "licence": LICENCE,
        "source": settings.SITE_URL,
        "generated_at": timezone.now().replace(microsecond=0).isoformat(),
    }
    return json.dumps(head, ensure_ascii=False)[:-1]


def _json_list(items: Iterator[dict[str, Any]]) -> Iterator[str]:
    for index, item in enumerate(items):
        safe = export_value(item, "json")
        yield ("\n" if index == 0 else ",\n") + json.dumps(safe, ensure_ascii=False)


def as_json() -> Iterator[str]:
    yield _header({}) + ', "organisations": ['
    yield from _json_list(rows())
    yield "\n]}\n"


def as_geojson() -> Iterator[str]:
    def features() -> Iterator[dict[str, Any]]:
        for row in rows(with_coordinates=True):
            properties = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
            yield {
                "type": "Feature",
                "id": row["slug"],
                "geometry": {
                    "type": "Point",
                    "coordinates": [row["longitude"], row["latitude"]],
                },
                "properties": properties,
            }

    yield _header({"type": "FeatureCollection"}) + ', "features": ['
    yield from _json_list(features())
    yield "\n]}\n"


FORMATS = {
    "csv": (as_csv, "text/csv; charset=utf-8"),
    "json": (as_json, "application/json"),
    "geojson": (as_geojson, "application/geo+json"),
}
