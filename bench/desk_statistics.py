"""The desk's statistics page at 50,000 enquiries: `make bench-statistics` (or
`.venv/bin/python bench/desk_statistics.py`).

In the checkout's own database (migrated), inside a transaction rolled back at
the end so that nothing stays behind, it loads `--enquiries` enquiries with one
`INSERT ... SELECT generate_series` (three years of them, every topic, sector
and status, answered and closed after a few hours or days) and analyses the
table; then it asks for the admin's statistics page `--requests` times in
process (Django's test client: the whole middleware stack, no network) as a
superuser who gave the second factor, and prints its SQL queries, the median
time and the median CPU time of this process (the database's not counted),
against the target of 150 ms. `--sizes` measures more sizes in the same run,
to show the cost against the number of enquiries. Exit status 1 if the target
is missed at 50,000.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativecities.settings")
os.environ.setdefault("CREATIVECITIES_LOCAL", "true")

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils.translation import override  # noqa: E402

from bench.survey_results import pass_second_factor  # noqa: E402
from contactpoint.models import Enquiry, Topic  # noqa: E402
from directory.models import Sector, User  # noqa: E402

TARGET_MS = 150
TARGET_SIZE = 50_000
STAFF_EMAIL = "bench-statistics@bench.creativecities.example"

# Three years back from now; a fifth still new or assigned, the others answered
# within hours or days, most of those closed a few days later.
ENQUIRIES_SQL = """
INSERT INTO {table} (
    topic, sector_id, subject, message, name, email, phone, language,
    privacy_consent_at, privacy_policy_version, token_hash, status,
    created_at, updated_at, first_answered_at, closed_at
)
SELECT
    (%(topics)s::text[])[1 + n %% array_length(%(topics)s::text[], 1)],
    (%(sectors)s::bigint[])[1 + (n / 7) %% array_length(%(sectors)s::bigint[], 1)],
    'Question ' || n, 'Text of the question.', 'Requester ' || n,
    'requester' || n || '@bench.example', '', 'it',
    created, '2026-01', '', status, created, created, answered,
    CASE WHEN status = 'closed' THEN answered + interval '3 days' END
FROM (
    SELECT n,
        now() - (n %% 1095) * interval '1 day' - (n %% 1440) * interval '1 minute' AS created,
        CASE WHEN n %% 10 = 0 THEN 'new' WHEN n %% 10 = 1 THEN 'assigned'
             WHEN n %% 10 < 5 THEN 'answered' ELSE 'closed' END AS status
    FROM generate_series(1, %(count)s) AS n
) AS made,
LATERAL (
    SELECT CASE WHEN status IN ('new', 'assigned') THEN NULL
                ELSE created + (1 + n %% 97) * interval '1 hour' END AS answered
) AS answer
"""


class Rollback(Exception):
    """Raised to leave the transaction: the enquiries made here never stay."""


def load(count: int) -> None:
    sectors = list(Sector.objects.values_list("pk", flat=True))
    with connection.cursor() as cursor:
        cursor.execute(
            ENQUIRIES_SQL.format(table=connection.ops.quote_name(Enquiry._meta.db_table)),
            {"topics": list(Topic.values), "sectors": sectors, "count": count},
        )
        cursor.execute(f"ANALYZE {connection.ops.quote_name(Enquiry._meta.db_table)}")


def measure(client: Client, url: str, requests: int) -> tuple[int, float, float]:
    """Queries of the last request, median time and median CPU time in ms."""
    times, cpu, queries = [], [], 0
    client.get(url, secure=True)  # templates compiled
    for _ in range(requests):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url, secure=True)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        queries = len(captured)
    return queries, statistics.median(times) * 1000, statistics.median(cpu) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enquiries", type=int, default=TARGET_SIZE)
    parser.add_argument("--sizes", type=int, nargs="*", default=[])
    parser.add_argument("--requests", type=int, default=7)
    options = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    with override("en"):
        url = reverse("admin:contactpoint_enquiry_statistics")
    rows = []
    already = Enquiry.objects.count()
    try:
        with transaction.atomic():
            staff = User.objects.create(email=STAFF_EMAIL, is_staff=True, is_superuser=True)
            client.force_login(staff)
            pass_second_factor(client, staff)
            loaded = 0
            for size in sorted({*options.sizes, options.enquiries}):
                started = time.perf_counter()
                load(size - loaded)
                loaded = size
                print(f"{size:,} enquiries loaded in {time.perf_counter() - started:.1f} s")
                rows.append((already + size, *measure(client, url, options.requests)))
            raise Rollback
    except Rollback:
        pass
    print(f"load average {', '.join(f'{value:.2f}' for value in os.getloadavg())}")
    print(f"{'enquiries':>10} {'queries':>8} {'median':>10} {'CPU':>10}")
    for size, queries, median, cpu in rows:
        print(f"{size:>10,} {queries:>8} {median:>7.1f} ms {cpu:>7.1f} ms")
    at_target = next(median for size, _q, median, _c in rows if size >= TARGET_SIZE)
    met = at_target <= TARGET_MS
    print(
        f"statistics page at {TARGET_SIZE:,}: {at_target:.0f} ms, target <= {TARGET_MS} ms: "
        f"{'met' if met else 'MISSED'}"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
