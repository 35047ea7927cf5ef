"""Benchmark of the contact point desk: `make bench-desk` (or `.venv/bin/python bench/desk.py`).

In one run, against gunicorn on 127.0.0.1 with the portal's production settings
(DEBUG off; no HTTPS redirect, secure cookies or HSTS, as there is no TLS; tasks
on django-tasks-db's database backend, mail by SMTP), in a database of its own,
`creativecities_desk_bench`, on the checkout's PostgreSQL:

1. Query counts, in-process with CaptureQueriesContext (`bench/desk_queries.py`):
   the ask form, the tracking page, a submission (the queries of its
   transaction, anything run after it commits, and the rate-limit counters,
   which live in the `limits` cache: a table here, Redis in production).
2. Throughput at saturation: 4 gthread workers x 2 threads, 16 connections from
   wrk; the ask form and the tracking page (200 enquiries), each measured right
   after a bare view, in two rounds, and its share taken of those bare views:
   on a shared machine the bare view's own rate moves by a third within
   minutes, and a share of a figure from another minute says little.
3. Submissions: 4 connections from wrk (`bench/wrk_submit.lua`) POSTing the ask
   form with the CSRF cookie and token of the form page, each enquiry with its
   own subject and address, for the measured seconds: enquiries a second and
   p95 of the POST. A Python client would spend a good part of two cores' CPU.
4. Mail down, then slow: a real SMTP server (aiosmtpd, `bench/mailserver.py`)
   and one task worker (`manage.py db_worker`) on the same database. The SMTP
   server is stopped while clients submit; then it comes back at 2 s a message;
   then at full speed. Every submitter must get its reference, each enquiry be
   stored once, each mail arrive exactly once (counted at the SMTP server, by
   reference and recipient), and the bare view keep at least 80% of its
   throughput while mail is down and slow. The worker's back-off (minutes) is
   brought forward when mail returns, as if the time had passed: the benchmark
   cannot wait for it.
5. Abuse, with the portal's own limits, over two gunicorns on two ports sharing
   the database's limits table, as if behind the reverse proxy (each probe from
   an address of its own in X-Forwarded-For): 50 submissions in 5 s from one
   address, 50 in 5 s to one email address (from 50 addresses), alternately to
   each server; 50 tracking lookups with wrong tokens from one address; and
   POSTs without a CSRF token (403), with every desk URL checked for
   `csrf_exempt`.

Phases 2 to 4 run with every rate limit raised (`BENCH_DESK_RAISED_LIMITS`,
`bench/desk_settings.py`): 4 clients from one address would be refused after ten
enquiries. The output says so. It ends with a table of figure, target, measured
and pass, and exits 1 if a target is missed.

Options: --seconds N (each measurement, default 5), --fresh (drop and recreate
the database first), --skip-faults, --skip-abuse, --only-abuse (phases 1 and 5).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.desk_clients import (  # noqa: E402
    ASK,
    CLIENTS,
    DOMAIN,
    REFERENCE,
    Browser,
    form_data,
    submit_concurrently,
    submit_with_wrk,
)
from bench.desk_queries import count_queries  # noqa: E402
from bench.mailserver import MailServer  # noqa: E402
from bench.run import (  # noqa: E402
    GTHREAD_THREADS,
    GTHREAD_WORKERS,
    free_port,
    hardware,
    load_average,
    server_url,
    start_gunicorn,
    stop,
    stop_on_sigterm,
    warm,
    with_database,
)
from bench.saturate import WrkResult, run_wrk, wrk_path, wrk_version  # noqa: E402

DESK_DATABASE = "creativecities_desk_bench"
SETTINGS = "bench.desk_settings"
CONNECTIONS = 16
# Each page is measured right after a bare view, this many times: the share is
# taken against the bare view of the same minute, on a machine others share.
ROUNDS = 2
TRACKED = 200
BARE = "/bench/hello"
SLOW_SECONDS = 2.0
DELIVERY_LIMIT = 180.0


# --------------------------------------------------------------------- checks


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


# ------------------------------------------------------------------- database


def prepare_database(server: str, *, fresh: bool) -> str:
    import psycopg
    from psycopg import sql

    with psycopg.connect(server, autocommit=True) as conn:
        name = sql.Identifier(DESK_DATABASE)
        if fresh:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DESK_DATABASE])
        if found.fetchone() is None:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(name))
    return with_database(server, DESK_DATABASE)


def empty_desk() -> None:
    """Start from no enquiries, no mail, no queued task and no counter."""
    from django.db import connection

    from contactpoint.models import Enquiry
    from directory.models import OutgoingEmail

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


def wait_for_idle_database(limit: float = 60.0) -> None:
    """No other active query on the bench database (a slow page's leftovers)."""
    import psycopg

    url = os.environ["DATABASE_URL"]
    deadline = time.monotonic() + limit
    with psycopg.connect(url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            row = conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND state = 'active' AND pid <> pg_backend_pid()"
            ).fetchone()
            if row is None or row[0] == 0:
                return
            time.sleep(0.2)


# ------------------------------------------------------------------- seeding


def seed_enquiries(count: int, sector: int, topic: str) -> list[str]:
    """`count` enquiries made through the desk's own service; their tracking paths."""
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
            submitted = service.enquiry_submit(
                data=form.cleaned_data,
                sector_id=form.cleaned_data["sector"],
                organisation_id=None,
                about={},
            )
            paths.append(service.tracking_path(submitted.enquiry, submitted.token))
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


def set_aside_queued_mail() -> None:
    """Drop the tasks of the mail made before the fault phase (seeds, throughput):
    only that phase's mail is to reach the SMTP server."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_tasks_database_dbtaskresult")
    from directory.models import OutgoingEmail

    OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED).update(
        status=OutgoingEmail.Status.FAILED, last_error="set aside by the benchmark"
    )


def bring_retries_forward() -> int:
    """As if the back-off had elapsed: every waiting delivery is due now."""
    from django.db import connection
    from django.utils import timezone

    from directory.models import OutgoingEmail

    OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED).update(
        next_attempt_at=timezone.now()
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE django_tasks_database_dbtaskresult SET run_after = now() "
            "WHERE status = 'READY' AND run_after > now()"
        )
        return int(cursor.rowcount)


def pending_deliveries(first_mail: int) -> int:
    from directory.models import OutgoingEmail

    return (
        OutgoingEmail.objects.filter(pk__gt=first_mail)
        .exclude(status=OutgoingEmail.Status.SENT)
        .count()
    )


# -------------------------------------------------------------------- servers


def server_env(database_url: str, extra: dict[str, str]) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def start_worker(database_url: str, extra: dict[str, str]) -> subprocess.Popen[bytes]:
    """One `manage.py db_worker`, as production runs it (its own session, so
    the terminal's Ctrl-C reaches this script, which stops it)."""
    command = [
        sys.executable, str(ROOT / "manage.py"), "db_worker",
        "--interval", "0.2", "--no-startup-delay", "--no-reload", "--verbosity", "0",
    ]  # fmt: skip
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=server_env(database_url, extra),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
    )


def gthread() -> list[str]:
    return [
        "--worker-class", "gthread",
        "--workers", str(GTHREAD_WORKERS), "--threads", str(GTHREAD_THREADS),
    ]  # fmt: skip


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


# ---------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--skip-faults", action="store_true")
    parser.add_argument("--skip-abuse", action="store_true")
    parser.add_argument("--only-abuse", action="store_true")
    options = parser.parse_args()
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    if wrk_path() is None:
        print("wrk is missing: `make wrk` installs it (Debian's package).")
        return 2

    print("Hardware")
    for line in hardware():
        print(f"  {line}")
    print(f"  {wrk_version()}")

    from creativecities import local_data

    embedded = not os.environ.get("DATABASE_URL")
    started_database = embedded and not (local_data.postgres_dir() / "postmaster.pid").exists()
    processes: list[subprocess.Popen[bytes]] = []
    mail: MailServer | None = None
    try:
        server = server_url()
        database_url = prepare_database(server, fresh=options.fresh)
        smtp_port = free_port()
        production = {
            "DJANGO_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "EMAIL_USE_TLS": "false",
            # Every refusal of the abuse phase would be logged as a warning.
            "DJANGO_LOG_LEVEL": "ERROR",
        }
        os.environ.update(server_env(database_url, production))
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from contactpoint.models import Enquiry, Topic
        from directory.models import OutgoingEmail, Sector

        print(f"\nDatabase {DESK_DATABASE}: migrating")
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        empty_desk()
        sector_obj = Sector.objects.order_by("order").first()
        if sector_obj is None:
            raise RuntimeError("no sector: the migrations seed them")
        sector, topic = sector_obj.pk, str(Topic.values[0])
        tracking = seed_enquiries(TRACKED, sector, topic)
        print(f"  {TRACKED} enquiries made through the desk's service for the tracking page")
        checks = Checks()

        # 1. Query counts, in-process.
        print("\nQueries (in-process, CaptureQueriesContext, production settings)")
        counted = count_queries(tracking[0], sector, topic)
        form, track, submission = counted["form"], counted["tracking"], counted["submission"]
        checks.add("form page queries", "<= 2", str(form.with_control), form.with_control <= 2)
        checks.add(
            "tracking page queries", "<= 3", str(track.with_control), track.with_control <= 3
        )
        checks.add(
            "submission: queries in its transaction",
            "<= 6",
            str(submission.transaction),
            0 < submission.transaction <= 6,
        )
        checks.add(
            "submission: transactions writing the enquiry and its mail",
            "1",
            str(submission.transactions_writing),
            submission.transactions_writing == 1,
        )
        checks.add(
            "submission: queries after its commit (the task is written in it)",
            "-",
            str(submission.after_commit),
            None,
        )
        checks.add(
            "submission: rate-limit counter queries (limits cache)",
            "- (Redis in production)",
            str(submission.counters),
            None,
        )
        checks.add(
            "submission: statements in all (BEGIN/COMMIT too)",
            "-",
            f"{submission.total} ({submission.with_control})",
            None,
        )
        sent_in_request = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT).count()
        checks.add("mail sent inside the request", "0", str(sent_in_request), sent_in_request == 0)
        connection.close()

        # 2 and 3. Throughput at saturation, then submissions; limits raised.
        raised = {**production, "BENCH_DESK_RAISED_LIMITS": "true"}
        if not options.only_abuse:
            port = free_port()
            web = start_gunicorn(
                database_url, port, gthread(), settings_module=SETTINGS,
                ready_path=BARE, extra_env=raised,
            )  # fmt: skip
            processes.append(web)
            print(
                f"\ngunicorn on 127.0.0.1:{port}, {GTHREAD_WORKERS} gthread workers x "
                f"{GTHREAD_THREADS} threads, production settings, rate limits RAISED "
                f"(BENCH_DESK_RAISED_LIMITS) for phases 2-4; load average {load_average()}"
            )
            print(
                f"\nSaturated: {CONNECTIONS} connections from wrk, {options.seconds:.0f} s each; "
                f"each page right after a bare view, {ROUNDS} rounds"
            )
            pages = {"ask form": [ASK], "tracking page": tracking}
            warm(port, {"bare view": [BARE], **pages}, rounds=GTHREAD_WORKERS * GTHREAD_THREADS * 2)
            bares: list[WrkResult] = []
            served: dict[str, list[tuple[WrkResult, WrkResult]]] = {name: [] for name in pages}
            for round_ in range(1, ROUNDS + 1):
                for name, paths in pages.items():
                    bare_now = saturate(port, [BARE], options.seconds)
                    page_now = saturate(port, paths, options.seconds)
                    print(describe(f"bare view, round {round_}", bare_now, None))
                    print(describe(f"{name}, round {round_}", page_now, bare_now))
                    bares.append(bare_now)
                    served[name].append((page_now, bare_now))
            for name, target in (("ask form", 0.15), ("tracking page", 0.10)):
                page_rate = sum(page.throughput for page, _ in served[name]) / ROUNDS
                bare_rate = sum(bare_then.throughput for _, bare_then in served[name]) / ROUNDS
                share = page_rate / bare_rate
                checks.add(
                    f"{name} throughput, share of bare",
                    f">= {target:.0%}",
                    f"{share:.1%} ({page_rate:.0f} of {bare_rate:.0f} req/s, {ROUNDS} rounds)",
                    share >= target and all(page.errors == 0 for page, _ in served[name]),
                )
            rates = sorted(result.throughput for result in bares)
            checks.add(
                "bare view over the phase", "-", f"{rates[0]:.0f} to {rates[-1]:.0f} req/s", None
            )
            bare = sorted(bares, key=lambda result: result.throughput)[len(bares) // 2]

            print(
                f"\nSubmissions: {CLIENTS} connections from wrk POSTing the ask form with the "
                f"CSRF cookie and token of the form page, 1 s warm-up, {options.seconds:.0f} s"
            )
            before = Enquiry.objects.count()
            connection.close()
            wait_for_idle_database()
            submitted = submit_with_wrk(port, sector, topic, options.seconds)
            stored = settled_count() - before
            connection.close()
            refused = submitted.extra.get("not_redirected", 0) + submitted.errors
            print(
                f"  {submitted.throughput:.1f} enquiries/s, p50 {submitted.p50 * 1000:.1f} ms, "
                f"p95 {submitted.p95 * 1000:.1f} ms, p99 {submitted.p99 * 1000:.1f} ms "
                f"({submitted.requests} measured, {refused} not 302; {stored} stored with the "
                "warm-up)"
            )
            checks.add(
                f"submissions, {CLIENTS} clients",
                ">= 150/s",
                f"{submitted.throughput:.0f}/s",
                submitted.throughput >= 150 and refused == 0,
            )
            checks.add(
                "submission p95",
                "< 40 ms",
                f"{submitted.p95 * 1000:.1f} ms",
                submitted.p95 < 0.040,
            )

            # 4. Mail down, then slow, then back.
            if not options.skip_faults:
                mail = MailServer(smtp_port)
                fault_phase(
                    checks, database_url, port, raised, mail, processes, bare, sector, topic,
                    options.seconds,
                )  # fmt: skip
            stop(web)
            processes.remove(web)

        # 5. Abuse over two app processes, real limits.
        if not options.skip_abuse:
            abuse_phase(checks, database_url, production, processes, tracking, sector, topic)

        print("\nFigures")
        for line in checks.table():
            print(f"  {line}")
        print(f"\nload average at the end {load_average()}")
        if checks.missed:
            print("Missed: " + "; ".join(row.figure for row in checks.missed))
            return 1
        print("All targets met.")
        return 0
    finally:
        for process in processes:
            stop(process)
        if mail is not None:
            mail.stop()
        if started_database:
            local_data.stop_database()


def fault_phase(
    checks: Checks,
    database_url: str,
    port: int,
    env: dict[str, str],
    mail: MailServer,
    processes: list[subprocess.Popen[bytes]],
    bare: WrkResult,
    sector: int,
    topic: str,
    seconds: float,
) -> None:
    from django.db import connection
    from django.db.models import Max

    from contactpoint.models import Enquiry
    from directory.models import OutgoingEmail

    print("\nMail down, then slow: aiosmtpd on 127.0.0.1, one db_worker on the same database")
    set_aside_queued_mail()
    first_mail = OutgoingEmail.objects.aggregate(last=Max("pk"))["last"] or 0
    connection.close()
    mail.start()
    worker = start_worker(database_url, env)
    processes.append(worker)

    def fault_data(phase: str) -> Callable[[int, int], dict[str, str]]:
        return lambda i, n: form_data(sector, topic, f"{phase}-{i}-{n}@{DOMAIN}", n)

    # Mail up: the bare view's reference figure with the worker idle.
    up = saturate(port, [BARE], seconds)
    print(describe("bare view, mail up, worker idle", up, bare))

    mail.stop()
    print("  SMTP server stopped")
    _down_result, down_answers = submit_concurrently(
        [port], fault_data("down"), clients=CLIENTS, each=10, follow=True
    )
    down = saturate(port, [BARE], seconds)
    print(describe("bare view, mail down", down, up))

    mail.start(delay=SLOW_SECONDS)
    moved = bring_retries_forward()
    print(f"  SMTP server back at {SLOW_SECONDS:.0f} s a message; {moved} retries brought forward")
    slow_result, slow_answers = submit_concurrently(
        [port], fault_data("slow"), clients=CLIENTS, each=3, follow=True
    )
    slow = saturate(port, [BARE], seconds)
    print(describe("bare view, mail slow", slow, up))
    print(
        f"  submissions while mail is slow: p95 {slow_result.p95 * 1000:.1f} ms "
        f"({slow_result.requests} sent)"
    )

    mail.slow(0.0)
    deadline = time.monotonic() + DELIVERY_LIMIT
    waiting = pending_deliveries(first_mail)
    while waiting and time.monotonic() < deadline:
        bring_retries_forward()
        connection.close()
        time.sleep(0.5)
        waiting = pending_deliveries(first_mail)
    print(f"  mail back at full speed; {waiting} mails undelivered after waiting")
    # Mail up again, all delivered: the reference is the mean of the figures
    # before and after, since the neighbours' load moves within the phase.
    up_again = saturate(port, [BARE], seconds)
    print(describe("bare view, mail up again, worker idle", up_again, up))
    reference_rate = (up.throughput + up_again.throughput) / 2

    answers = down_answers + slow_answers
    references = [reference for _status, reference in answers]
    got = sum(1 for status, reference in answers if status == 302 and reference)
    checks.add(
        "mail down/slow: submitters who got their reference",
        f"all {len(answers)}",
        f"{got}",
        got == len(answers),
    )
    stored = Counter(
        Enquiry.objects.filter(reference__in=references).values_list("reference", flat=True)
    )
    once = sum(1 for reference in set(references) if stored[reference] == 1)
    distinct = len(set(references)) == len(references)
    checks.add(
        "mail down/slow: enquiries stored once",
        f"{len(references)} of {len(references)}",
        f"{once} of {len(references)}" + ("" if distinct else " (a reference given twice)"),
        once == len(references) and distinct,
    )
    records = list(
        OutgoingEmail.objects.filter(pk__gt=first_mail).values_list("to", "subject", "body")
    )
    expected: Counter[tuple[str, str]] = Counter()
    for recipients, subject, body in records:
        found = REFERENCE.search(f"{subject}\n{body}")
        for address in recipients:
            expected[(found.group(0) if found else "", address.lower())] += 1
    delivered: Counter[tuple[str, str]] = Counter()
    for message in mail.handler.messages():
        found = REFERENCE.search(f"{message.subject}\n{message.text}")
        for address in message.recipients:
            delivered[(found.group(0) if found else "", address)] += 1
    exactly_once = sum(1 for key in expected if delivered[key] == expected[key] == 1)
    duplicates = sum(count - 1 for count in delivered.values() if count > 1)
    strays = sum(count for key, count in delivered.items() if key not in expected)
    requesters = sum(1 for reference in references if any(key[0] == reference for key in delivered))
    checks.add(
        "mail down/slow: mails delivered exactly once (counted at SMTP)",
        f"{len(expected)} of {len(expected)}, 0 twice",
        f"{exactly_once} of {len(expected)}, {duplicates} twice, {strays} unexpected, "
        f"{sum(delivered.values())} received",
        exactly_once == len(expected) and duplicates == 0 and strays == 0 and len(expected) > 0,
    )
    checks.add(
        "mail down/slow: enquiries with a mail naming their reference",
        f"{len(references)}",
        f"{requesters}",
        requesters == len(references),
    )
    for name, result in (("down", down), ("slow", slow)):
        share = result.throughput / reference_rate
        checks.add(
            f"bare view while mail is {name}, share of mail up",
            ">= 80%",
            f"{share:.0%} ({result.throughput:.0f} of {reference_rate:.0f} req/s, "
            "mail up before and after)",
            share >= 0.80,
        )
    stop(worker)
    processes.remove(worker)
    mail.stop()
    connection.close()


def abuse_phase(
    checks: Checks,
    database_url: str,
    env: dict[str, str],
    processes: list[subprocess.Popen[bytes]],
    tracking: list[str],
    sector: int,
    topic: str,
) -> None:
    from django.conf import settings
    from django.db import connection
    from django.urls import URLPattern, URLResolver, get_resolver

    clear_counters()
    connection.close()
    proxied = {**env, "DJANGO_BEHIND_PROXY": "true"}
    ports = [free_port(), free_port()]
    for port in ports:
        processes.append(
            start_gunicorn(
                database_url, port, gthread(), settings_module=SETTINGS,
                ready_path=BARE, extra_env=proxied,
            )
        )  # fmt: skip
    print(
        f"\nAbuse: two gunicorns on 127.0.0.1:{ports[0]} and :{ports[1]}, the portal's own "
        f"rate limits {settings.RATE_LIMITS.get('enquiry_submit', '(no enquiry_submit scope)')}, "
        "counters in the shared database table; requests alternate between the two"
    )

    def paced(send: Callable[[int], int], count: int = 50, seconds: float = 5.0) -> list[int]:
        statuses = []
        start = time.monotonic()
        for n in range(count):
            statuses.append(send(n))
            pause = start + (n + 1) * seconds / count - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        return statuses

    def first_refusal(statuses: list[int]) -> tuple[str, int | None]:
        refused = statuses.count(429)
        at = statuses.index(429) + 1 if 429 in statuses else None
        other = sum(1 for status in statuses if status not in (302, 429, 404))
        return (
            f"{refused} of {len(statuses)} refused, first at #{at}"
            + (f", {other} other statuses" if other else "")
        ), at

    def well_before(at: int | None) -> bool:
        return at is not None and at <= 25

    one_address = Browser(ports, "198.51.100.7")
    one_address.open_form()
    statuses = paced(
        lambda n: one_address.submit(form_data(sector, topic, f"abuse-address-{n}@{DOMAIN}", n))[0]
    )
    text, at = first_refusal(statuses)
    checks.add(
        "50 submissions in 5 s from one address", "429 well before #50", text, well_before(at)
    )

    def to_one_recipient(n: int) -> int:
        browser = Browser(ports, f"203.0.113.{n + 1}")
        browser.turn = n
        browser.open_form()
        status = browser.submit(form_data(sector, topic, f"victim@{DOMAIN}", n))[0]
        browser.close()
        return status

    statuses = paced(to_one_recipient)
    text, at = first_refusal(statuses)
    checks.add(
        "50 submissions in 5 s to one email address", "429 well before #50", text, well_before(at)
    )

    guesser = Browser(ports, "198.51.100.9")

    def wrong_token(n: int) -> int:
        reference = tracking[n % len(tracking)].rstrip("/").split("/")[-2]
        return guesser.request("GET", f"/it/contact-point/enquiries/{reference}/{'x' * 43}/")[0]

    statuses = paced(wrong_token)
    text, at = first_refusal(statuses)
    checks.add("50 wrong tracking tokens from one address", "429 before #50", text, at is not None)

    # CSRF: a POST without the token is refused on every submission path.
    refused: list[str] = []
    bare_client = Browser(ports, "198.51.100.11")
    status = bare_client.submit(form_data(sector, topic, f"csrf@{DOMAIN}", 0))[0]
    refused.append(f"ask without cookie {status}")
    cookie_only = Browser(ports, "198.51.100.12")
    cookie_only.open_form()
    status = cookie_only.request(
        "POST", ASK, form_data(sector, topic, f"csrf@{DOMAIN}", 0), csrf=False
    )[0]
    refused.append(f"ask without token {status}")
    reader = Browser(ports, "198.51.100.13")
    reader.request("GET", tracking[1])
    status = reader.request("POST", tracking[1], {"text": "Grazie."}, csrf=False)[0]
    refused.append(f"tracking reply without token {status}")
    all_403 = all(item.endswith(" 403") for item in refused)

    exempt: list[str] = []

    def walk(patterns: list[Any], prefix: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern) and getattr(
                pattern.callback, "csrf_exempt", False
            ):
                exempt.append(prefix + str(pattern.pattern))

    walk(get_resolver().url_patterns, "/")
    desk_exempt = [path for path in exempt if "contact-point" in path or "contactpoint" in path]
    # The alerts' one-click unsubscribe is exempt by design: mail clients POST it
    # without a token (RFC 8058), the signed link being the proof. It submits
    # nothing anyone typed; it is named here rather than passed over.
    one_click = [path for path in desk_exempt if "alerts/unsubscribe/" in path]
    submission_exempt = [path for path in desk_exempt if path not in one_click]
    checks.add(
        "POST without CSRF token",
        "403 on every path; no desk submission view csrf_exempt",
        "; ".join(refused)
        + f"; csrf_exempt submission views: {len(submission_exempt)}"
        + f" (one-click unsubscribe, RFC 8058: {len(one_click)})",
        all_403 and not submission_exempt,
    )
    for browser in (one_address, guesser, bare_client, cookie_only, reader):
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
