"""Load organisations into the benchmark database, in bulk: 100,000 by default,
a million in minutes.

The rows are made a chunk at a time and go in with COPY into an unlogged
staging table of the chunk's own; an INSERT ... SELECT then computes the
chunk's search vectors inside PostgreSQL (the same expression
`creativecities.lists.search.index` runs, over the same folded text) while
writing the final rows, and drops the staging table. The chunks form a
pipeline: while one connection per core moves chunks into the table, Python
makes and copies the next ones, so the cores stay busy and memory stays that of
a few chunks whatever the count. Secondary indexes are dropped before and built
once after, and the table is vacuumed so that index-only scans work.
"""

from __future__ import annotations

import csv
import datetime
import io
import time
import unicodedata
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any

import psycopg
from django.db import connection
from django.utils import timezone
from django.utils.text import slugify

from bench.corpus import Profile, profiles
from bench.servers import cpu_seconds, embedded_database_pid
from creativecities.lists.search import fold
from directory.models import Organisation

BENCH_DATABASE = "creativecities_bench"
TABLE = "directory_organisation"
M2M = "directory_organisation_sectors"
COLUMNS = [
    "id", "name", "slug", "kind", "primary_sector_id", "municipality_id",
    "short_description", "short_description_it", "short_description_en",
    "description", "description_it", "description_en",
    "logo", "logo_thumbnail", "website", "email", "phone", "address", "postcode",
    "latitude", "longitude", "size", "year_founded", "vat_number", "ateco_code",
    "linkedin", "instagram", "facebook", "open_to_international", "languages",
    "status", "rejection_reason", "created_at", "updated_at", "published_at",
    "confirmed_at", "reminder_sent_at", "lapse_notified_at",
]  # fmt: skip
DOCUMENTS = ["doc_names", "doc_italian", "doc_english"]
NULL = r"\N"
STAGING = "bench_staging_"
# Profiles made and copied at a time: tens of megabytes of CSV.
CHUNK = 50_000
COMBINING = dict.fromkeys(range(0x300, 0x370))


def fast_fold(text: str) -> str:
    """`creativecities.lists.search.fold` at C speed, for the Latin accents of the corpus
    (checked against `fold` on a sample before loading)."""
    return unicodedata.normalize("NFKD", text.lower()).translate(COMBINING)


def connect() -> Any:
    """Another connection to the same database, for work done in parallel."""
    return psycopg.connect(**connection.get_connection_params())


def copy_in(cursor: Any, statement: str, data: io.StringIO, chunk: int = 1 << 20) -> None:
    """Send a CSV buffer through COPY ... FROM STDIN, a megabyte at a time."""
    with cursor.copy(statement) as copy:
        while block := data.read(chunk):
            copy.write(block)


def status_of(number: int, now: datetime.datetime) -> tuple[str, datetime.datetime, str]:
    """Nineteen in twenty published and confirmed; the rest pending, draft,
    archived, rejected or lapsed (published but unconfirmed for 18 months)."""
    slot = number % 100
    recent = now - datetime.timedelta(days=number % 500)
    if slot < 95:
        return "published", recent, ""
    if slot == 95:
        return "published", now - datetime.timedelta(days=600 + number % 300), ""
    if slot in (96, 97):
        return "pending", recent, ""
    if slot == 98:
        return "archived", recent, ""
    return "rejected", recent, "Outside the creative sectors."


def chunks(
    count: int,
    sectors: dict[str, tuple[int, str, str]],
    places: list[tuple[int, str, str, str]],
    size: int,
) -> Iterator[tuple[io.StringIO, io.StringIO]]:
    """The staging CSV (profiles and folded documents) and the sectors CSV, `size`
    profiles at a time."""
    by_slug = {slug: (pk, name) for pk, slug, name, _kind in places}
    districts = [slug for _pk, slug, _name, kind in places if kind == "district"]
    others = [slug for _pk, slug, _name, kind in places if kind != "district"]
    sector_order = list(sectors)  # already in the model's order
    now = timezone.now()
    staging, m2m = io.StringIO(), io.StringIO()
    out, links = csv.writer(staging), csv.writer(m2m)
    checked = 0
    for number, profile in enumerate(profiles(count, districts, others), start=1):
        place_id, place_name = by_slug[profile.municipality]
        status, confirmed, reason = status_of(number, now)
        created = now - datetime.timedelta(days=number % 3650, minutes=number % 1440)
        own = sorted(profile.sectors, key=sector_order.index)
        sector_text = " ".join(f"{sectors[slug][1]} {sectors[slug][2]}" for slug in own)
        names = f"{profile.name} {place_name}"
        italian = f"{profile.short_it} {profile.description_it} {sector_text}"
        english = f"{profile.short_en} {profile.description_en} {sector_text}"
        if checked < 200:  # the fast fold must agree with the portal's
            for text in (names, italian, english):
                if fast_fold(text) != fold(text):
                    raise RuntimeError(
                        f"Folding differs from creativecities.lists.search.fold: {text!r}"
                    )
            checked += 1
        out.writerow(
            [
                number, profile.name, f"{slugify(profile.name)}-{number}", profile.kind,
                sectors[profile.primary_sector][0], place_id,
                profile.short_it, profile.short_it, profile.short_en,
                profile.description_it, profile.description_it, profile.description_en,
                logo(profile, number), logo(profile, number, thumb=True),
                profile.website, "", "", "", "",
                NULL if profile.latitude is None else profile.latitude,
                NULL if profile.longitude is None else profile.longitude,
                profile.size, profile.year_founded, "", "", "", "", "",
                "t" if profile.open_to_international else "f",
                "{" + ",".join(profile.languages) + "}",
                status, reason, created.isoformat(), now.isoformat(),
                NULL if status == "pending" else (created + datetime.timedelta(days=2)).isoformat(),
                confirmed.isoformat(), NULL, NULL,
                fast_fold(names), fast_fold(italian), fast_fold(english),
            ]
        )  # fmt: skip
        for slug in own:
            links.writerow([number, sectors[slug][0]])
        if number % size == 0 or number == count:
            staging.seek(0)
            m2m.seek(0)
            yield staging, m2m
            staging, m2m = io.StringIO(), io.StringIO()
            out, links = csv.writer(staging), csv.writer(m2m)


def logo(profile: Profile, number: int, *, thumb: bool = False) -> str:
    if not profile.has_logo:
        return ""
    return f"logos/thumbs/bench-{number}.webp" if thumb else f"logos/bench-{number}.png"


def secondary_indexes(cursor: Any, table: str) -> list[tuple[str, str]]:
    """Indexes that back no constraint: dropped during the load, rebuilt after."""
    cursor.execute(
        """
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.tablename = %s AND i.schemaname = current_schema()
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        """,
        [table],
    )
    return list(cursor.fetchall())


def run_parallel(statements: list[str], workers: int = 2) -> None:
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(execute, statements))


def execute(sql: str) -> None:
    """Run `sql` on a connection of its own (a thread of the pipeline's)."""
    conn = connect()
    try:
        with conn, conn.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '256MB'")
            cursor.execute(sql)
    finally:
        conn.close()


def load(count: int = 100_000, workers: int = 2, chunk: int = CHUNK) -> dict[str, float]:
    """Replace every organisation of the benchmark database; return the timings."""
    if connection.settings_dict["NAME"] != BENCH_DATABASE:
        raise RuntimeError(f"Refusing to load into {connection.settings_dict['NAME']!r}.")
    timings: dict[str, float] = {}
    started, started_cpu = time.perf_counter(), time.process_time()
    database = embedded_database_pid()
    database_cpu = cpu_seconds(database)
    conn = connection.connection
    with connection.cursor() as cursor:
        cursor.execute(
            'SELECT slug, id, name_it, name_en FROM directory_sector ORDER BY "order", slug'
        )
        sectors = {slug: (pk, it, en) for slug, pk, it, en in cursor.fetchall()}
        cursor.execute('SELECT id, slug, name, kind FROM directory_municipality ORDER BY "order"')
        places = list(cursor.fetchall())
        cursor.execute(f"TRUNCATE {TABLE} RESTART IDENTITY CASCADE")
        dropped = secondary_indexes(cursor, TABLE) + secondary_indexes(cursor, M2M)
        for name, _definition in dropped:
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("SELECT tablename FROM pg_tables WHERE tablename LIKE %s", [f"{STAGING}%"])
        for (leftover,) in cursor.fetchall():  # from an interrupted load
            cursor.execute(f'DROP TABLE "{leftover}"')

    vector = Organisation.search_document.sql % tuple(DOCUMENTS)
    columns = ", ".join(COLUMNS)
    links = io.StringIO()
    spent = {"make": 0.0, "copy": 0.0}
    waiting: set[Future[None]] = set()
    with ThreadPoolExecutor(workers) as pool:
        made = time.perf_counter()
        for part, (staging, m2m) in enumerate(chunks(count, sectors, places, chunk)):
            spent["make"] += time.perf_counter() - made
            mark = time.perf_counter()
            table = f"{STAGING}{part}"
            with conn.cursor() as cursor:
                cursor.execute(
                    f"CREATE UNLOGGED TABLE {table} (LIKE {TABLE}, "
                    + ", ".join(f"{doc} text" for doc in DOCUMENTS)
                    + ")"
                )
                cursor.execute(f"ALTER TABLE {table} DROP COLUMN search_vector")
                copy_in(
                    cursor,
                    f"COPY {table} ({', '.join(COLUMNS + DOCUMENTS)}) FROM STDIN "
                    r"WITH (FORMAT csv, NULL '\N')",
                    staging,
                )
            links.write(m2m.getvalue())
            spent["copy"] += time.perf_counter() - mark
            waiting.add(
                pool.submit(
                    execute,
                    f"INSERT INTO {TABLE} ({columns}, search_vector) "  # noqa: S608 (constants)
                    f"SELECT {columns}, {vector} FROM {table}; DROP TABLE {table}",
                )
            )
            # Python stays at most one chunk ahead of the connections moving them.
            while len(waiting) > workers:
                done, waiting = wait(waiting, return_when=FIRST_COMPLETED)
                for future in done:
                    future.result()
            made = time.perf_counter()
        for future in waiting:
            future.result()
    links.seek(0)
    with conn.cursor() as cursor:
        copy_in(
            cursor, f"COPY {M2M} (organisation_id, sector_id) FROM STDIN WITH (FORMAT csv)", links
        )
    timings["make profiles (Python)"] = spent["make"]
    timings["copy into staging"] = spent["copy"]
    timings["all rows in, with search vectors"] = time.perf_counter() - started

    mark = time.perf_counter()
    gin = [definition for name, definition in dropped if "USING gin" in definition]
    btree = [definition for name, definition in dropped if "USING gin" not in definition]
    # The GIN index is the long one: it gets a connection of its own.
    run_parallel(gin + [";\n".join(btree)], workers)
    with conn.cursor() as cursor:
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('{TABLE}', 'id'), {count})")
    timings["indexes"] = time.perf_counter() - mark

    mark = time.perf_counter()
    with conn.cursor() as cursor:  # Django's connection is in autocommit mode
        cursor.execute(f"VACUUM ANALYZE {TABLE}")
        cursor.execute(f"VACUUM ANALYZE {M2M}")
    timings["vacuum analyze"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - started
    # What the load cost the cores, whatever else ran beside it: on two idle
    # cores it would take at least half the sum.
    timings["CPU of this process"] = time.process_time() - started_cpu
    if database is not None:
        timings["CPU of PostgreSQL"] = cpu_seconds(database) - database_cpu
    return timings
