"""What the desk's benchmark phases share (`bench/desk.py`): the table of
figures, the benchmark database's name and its seeding, the servers' settings
and the saturated measurement with wrk (what every benchmark shares is in
`servers.py`)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from bench.desk_clients import (
    DOMAIN,
    form_data,
)
from bench.saturate import WrkResult, run_wrk
from bench.servers import (
    CONNECTIONS,
    server_environment,
    wait_for_idle_database,
)

DESK_DATABASE = "creativecities_desk_bench"
SETTINGS = "bench.desk_settings"
# Each page is measured right after a bare view, this many times: each share is
# taken against the bare view of the same minute, on a machine others share, and
# the median round is the figure (one window can catch a neighbour's burst: in
# one run the tracking page gave 5.5%, 13.6% and 5.5%, so with three rounds two
# bursts decided the figure; with five it takes three).
ROUNDS = 5
# Submissions are measured this many times, each after a bare view, and the
# median is the figure: a single window of a few seconds on a shared machine
# can catch a neighbour's burst (the same code gave 80 and 147 a second in two
# runs minutes apart).
SUBMISSION_ROUNDS = 5
TRACKED = 200
BARE = "/bench/hello"


@dataclass
class Check:
    figure: str
    target: str
    measured: str
    ok: bool | None  # None: a figure printed without a target


@dataclass
class Checks:
    rows: list[Check] = field(default_factory=list)

    def add(self, figure: str, target: str, measured: str, ok: bool | None) -> None:
        self.rows.append(Check(figure, target, measured, ok))
        mark = "-" if ok is None else ("ok" if ok else "MISSED")
        print(f"  {mark:<6} {figure}: {measured} (target {target})")

    def table(self) -> list[str]:
        widths = [
            max(len(row.figure) for row in self.rows),
            max(len(row.target) for row in self.rows),
            max(len(row.measured) for row in self.rows),
        ]
        lines = [
            f"{'figure':<{widths[0]}}  {'target':<{widths[1]}}  {'measured':<{widths[2]}}  pass",
            f"{'-' * widths[0]}  {'-' * widths[1]}  {'-' * widths[2]}  ----",
        ]
        for row in self.rows:
            mark = "-" if row.ok is None else ("yes" if row.ok else "NO")
            lines.append(
                f"{row.figure:<{widths[0]}}  {row.target:<{widths[1]}}  "
                f"{row.measured:<{widths[2]}}  {mark}"
            )
        return lines

    @property
    def missed(self) -> list[Check]:
        return [row for row in self.rows if row.ok is False]


def empty_desk() -> None:
    """Start from no enquiries, no mail, no queued task and no counter."""
    from django.db import connection

    from contactpoint.models import Enquiry
    from creativecities.models import OutgoingEmail

    tables = [
        Enquiry._meta.db_table,
        OutgoingEmail._meta.db_table,
        "django_tasks_database_dbtaskresult",
        "rate_limit_counters",
    ]
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in tables:
            if table in existing:
                cursor.execute(f"TRUNCATE {connection.ops.quote_name(table)} CASCADE")


def clear_counters() -> None:
    from django.core.cache import caches

    caches["limits"].clear()


def seed_enquiries(count: int, sector: int, topic: str) -> list[str]:
    """`count` enquiries made through the desk's own services, as a submission
    and its acknowledgement make them; their tracking paths."""
    from django.utils import translation

    from contactpoint.forms import AskForm
    from contactpoint.services import enquiries as service
    from directory.reference import reference

    paths = []
    with translation.override("it"):
        sectors = reference().sectors
        for n in range(count):
            form = AskForm(form_data(sector, topic, f"tracked-{n}@{DOMAIN}", n), sectors=sectors)
            if not form.is_valid():
                raise RuntimeError(f"the ask form refused the bench's data: {form.errors}")
            enquiry = service.enquiry_submit(
                data=form.cleaned_data,
                sector_id=form.cleaned_data["sector"],
                organisation_id=None,
                about={},
            )
            # What the worker does after the commit: the token, and its mail.
            token = service.enquiry_acknowledge(enquiry_id=enquiry.pk)
            if token is None:
                raise RuntimeError(f"{enquiry.reference} was acknowledged already")
            paths.append(service.tracking_path(enquiry, token))
    return paths


def settled_count(quiet: float = 1.0, limit: float = 30.0) -> int:
    """The number of enquiries once it stops growing: when wrk ends its run, the
    server is still answering the requests it had in hand, and each of those
    still writes its enquiry, its mail and the mail's task."""
    from django.db import connection

    from contactpoint.models import Enquiry

    deadline = time.monotonic() + limit
    count = Enquiry.objects.count()
    while time.monotonic() < deadline:
        time.sleep(quiet)
        again = Enquiry.objects.count()
        if again == count:
            break
        count = again
    connection.close()
    return count


def server_env(database_url: str, extra: dict[str, str]) -> dict[str, str]:
    """The environment of the desk benchmark's processes (server, worker, this one)."""
    return server_environment(database_url, SETTINGS, extra)


def saturate(port: int, paths: list[str], seconds: float) -> WrkResult:
    wait_for_idle_database()
    run_wrk(port, paths, connections=CONNECTIONS, seconds=1)
    wait_for_idle_database()
    return run_wrk(port, paths, connections=CONNECTIONS, seconds=seconds)


def describe(name: str, result: WrkResult, bare: WrkResult | None) -> str:
    share = f"{result.throughput / bare.throughput:7.1%}" if bare else "    -  "
    return (
        f"  {name:<34} {result.throughput:8.1f} req/s {share}   "
        f"p50 {result.p50 * 1000:6.1f} ms   p95 {result.p95 * 1000:6.1f} ms   "
        f"({result.requests} requests, {result.errors} errors)"
    )
