"""Reading a public profile, the directory's most visited page, in one cheap query,
and the facts its page and its structured data both show."""

from __future__ import annotations

from functools import cache

from django.core.cache import cache as fragments_cache
from django.db import connection
from django.urls import reverse

from creativecities import pagecache
from directory.models import Municipality, Organisation

PLACE_COLUMNS = ("name", "slug", "kind")


@cache
def _profile_query() -> tuple[str, list[str]]:
    """The SQL and the attribute names of the profile's columns, built once per process
    from the models' own fields and tables."""
    fields = [
        field for field in Organisation._meta.concrete_fields if field.name != "search_vector"
    ]
    quote = connection.ops.quote_name
    table = quote(Organisation._meta.db_table)
    places = quote(Municipality._meta.db_table)
    sectors = quote(Organisation.sectors.through._meta.db_table)
    columns = ", ".join(f"o.{quote(str(field.column))}" for field in fields)
    place = ", ".join(f"p.{quote(name)}" for name in PLACE_COLUMNS)
    sql = (
        f"SELECT {columns}, {place},"  # noqa: S608 (names from the models; the slug is a parameter)
        f" ARRAY(SELECT s.sector_id FROM {sectors} s WHERE s.organisation_id = o.id)"
        f" FROM {table} o JOIN {places} p ON p.id = o.municipality_id WHERE o.slug = %s"
    )
    return sql, [field.attname for field in fields]


def read_profile(slug: str) -> Organisation | None:
    """The organisation with this slug, whatever its status, with its place and the ids
    of all its sectors (`sector_ids`, to look up in `directory.reference`); never the
    stored search vector. None if there is none.

    The ORM spent longer compiling this query (a join and a subquery) than the
    database spent running it; written once from the models' metadata, it costs
    a third. Everything else reads through the ORM.
    """
    sql, names = _profile_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, [slug])
        row = cursor.fetchone()
    if row is None:
        return None
    count = len(names)
    organisation = Organisation.from_db(connection.alias, names, row[:count])
    name, place_slug, kind = row[count : count + len(PLACE_COLUMNS)]
    organisation.municipality = Municipality(
        pk=organisation.municipality_id, name=name, slug=place_slug, kind=kind
    )
    organisation.sector_ids = list(row[-1])  # type: ignore[attr-defined]
    return organisation


# How long a profile read is kept at most: its key follows every edit of the
# directory (see `kept_profile`), so this bounds only what a bulk update escapes.
PROFILE_SECONDS = 60


def kept_profile(slug: str) -> Organisation | None:
    """`read_profile`, kept in the cache under the versions of what a profile shows
    (the organisations, the sectors and places): any save, deletion or change of
    sectors of any organisation, through any process, shows on the next request (a
    bulk update, which sends no signal, within `PROFILE_SECONDS`).
    The profile is kept whatever its status; whether it is public is decided on
    each request (a profile lapses with the clock, not with an edit). A slug that
    finds nothing is not kept, so that made-up addresses fill no cache."""
    key = f"directory:profile:{pagecache.view_version('directory:detail')}:{slug}"
    organisation: Organisation | None = fragments_cache.get(key)
    if organisation is None:
        organisation = read_profile(slug)
        if organisation is not None:
            fragments_cache.set(key, organisation, PROFILE_SECONDS)
    return organisation


def profile_url_affixes() -> tuple[str, str]:
    """What comes before and after the slug in a profile's address, in the active
    language: reversed once for a list of profiles rather than once per row."""
    marker = "slug-marker"
    before, after = reverse("directory:detail", kwargs={"slug": marker}).split(marker)
    return before, after


def social_links(organisation: Organisation) -> list[tuple[str, str]]:
    """The profile's social network pages that are filled in, as (network, URL)."""
    pages = [
        ("LinkedIn", organisation.linkedin),
        ("Instagram", organisation.instagram),
        ("Facebook", organisation.facebook),
    ]
    return [(network, url) for network, url in pages if url]


def language_names(organisation: Organisation) -> list[str]:
    """The languages spoken, named in the active language; unknown codes are skipped."""
    return [
        str(Organisation.Language(code).label)
        for code in organisation.languages
        if code in Organisation.Language.values
    ]
