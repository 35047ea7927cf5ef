"""Benchmark of the contact point desk: `make bench-desk` (or `.venv/bin/python bench/desk.py`).

In one run, against gunicorn on 127.0.0.1 with the portal's production settings
(DEBUG off; no HTTPS redirect, secure cookies or HSTS, as there is no TLS; tasks
on django-tasks-db's database backend, mail by SMTP), in a database of its own,
`creativecities_desk_bench`, on the checkout's PostgreSQL:

1. Query counts, in-process with CaptureQueriesContext (`bench/desk_queries.py`):
   the ask form, the tracking page, a submission (the queries of its
   transaction, which writes the enquiry and queues the task that mails its
   link, anything run after it commits, and the rate-limit counters, which live
   in the `limits` cache: a table here, Redis in production).
2. Throughput at saturation: 4 gthread workers x 2 threads, 16 connections from
   wrk, at most 4 on each worker (`servers.gthread_workers`); the ask form and
   the tracking page (200 enquiries), each measured right after a bare view, in
   five rounds, each round's share taken of its own bare view, and the median
   round is the figure:
   on a shared machine the bare view's own rate moves by a third within
   minutes, and a share of a figure from another minute says little.
3. Submissions: 4 clients of wrk (`bench/wrk_submit.lua`) POSTing the ask
   form with the CSRF cookie and token of the form page, each enquiry with its
   own subject and address, for the measured seconds: enquiries a second and
   p95 of the POST, in five rounds; the figures are the medians of the
   rounds. Each POST comes on a connection of its own, as behind the reverse
   proxy. The figures are judged on the app server of the top README's
   "Production" (sync workers, two per core and one); each round sends the same
   load to the gthread server of phase 2 too, printed for comparison, and
   follows a bare view that shows how fast the machine was then
   (`bench/README.md`). Each round also prints the CPU each enquiry took in the
   app server and in PostgreSQL (from /proc), and so the most the cores could
   serve. A Python client would spend a good part of two cores' CPU.
4. Mail down, then slow: a real SMTP server (aiosmtpd, `bench/mailserver.py`)
   and one task worker (`manage.py db_worker`, at `Nice=10` as in production) on
   the same database. The SMTP server is stopped while clients submit; then it
   comes back at 2 s a message; then at full speed. Every submitter must get
   its reference, each enquiry be stored once, each mail arrive exactly once
   (counted at the SMTP server, by reference and recipient), and the bare view
   keep at least 80% of its throughput while mail is down and slow. The
   worker's back-off (minutes) is brought forward when mail returns, as if the
   time had passed: the benchmark cannot wait for it.
5. Abuse, with the portal's own limits, over two gunicorns on two ports sharing
   the database's limits table, as if behind the reverse proxy (each probe from
   an address of its own in X-Forwarded-For): 50 submissions in 5 s from one
   address, 50 in 5 s to one email address (from 50 addresses), alternately to
   each server; 50 tracking lookups with wrong tokens from one address, then
   the right one (429 too); and
   POSTs without a CSRF token (403), with every desk URL checked for
   `csrf_exempt`.

Phases 2 to 4 run with every rate limit raised (`BENCH_DESK_RAISED_LIMITS`,
`bench/desk_settings.py`): 4 clients from one address would be refused after ten
enquiries. The output says so. It ends with a table of figure, target, measured
and pass, and exits 1 if a target is missed.

Options: --seconds N (each measurement, default 5), --fresh (drop and recreate
the database first), --skip-faults, --skip-abuse, --only-abuse (phases 1 and 5).

This module runs the phases in order; the clients are in `desk_clients.py`, the
query counting in `desk_queries.py`, phases 3, 4 and 5 in `desk_submissions.py`,
`desk_faults.py` and `desk_abuse.py`, and what they share (the figures' table,
the database's name and seeding, the servers' settings, the saturated
measurement) in `desk_common.py`; what every benchmark shares (the database
server, gunicorn, ports) is in `servers.py`.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.desk_abuse import abuse_phase  # noqa: E402
from bench.desk_clients import ASK  # noqa: E402
from bench.desk_common import (  # noqa: E402
    BARE,
    DESK_DATABASE,
    ROUNDS,
    SETTINGS,
    TRACKED,
    Checks,
    describe,
    empty_desk,
    saturate,
    seed_enquiries,
    server_env,
)
from bench.desk_faults import fault_phase  # noqa: E402
from bench.desk_queries import count_queries  # noqa: E402
from bench.desk_submissions import submission_phase  # noqa: E402
from bench.mailserver import MailServer  # noqa: E402
from bench.saturate import WrkResult, wrk_path, wrk_version  # noqa: E402
from bench.servers import (  # noqa: E402
    CONNECTIONS,
    GTHREAD_THREADS,
    GTHREAD_WORKERS,
    create_database,
    embedded_database_pid,
    free_port,
    gthread_workers,
    hardware,
    load_average,
    server_url,
    start_gunicorn,
    stop,
    stop_on_sigterm,
    warm,
)


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
        database_url = create_database(server, DESK_DATABASE, fresh=options.fresh)
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

        from contactpoint.models import Topic
        from creativecities.models import OutgoingEmail
        from directory.models import Sector

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
            "tracking page queries", "<= 4", str(track.with_control), track.with_control <= 4
        )
        checks.add(
            "submission: queries in its transaction",
            "<= 6",
            str(submission.transaction),
            0 < submission.transaction <= 6,
        )
        checks.add(
            "submission: transactions writing the enquiry and queuing its mail",
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
            workers = gthread_workers()
            web = start_gunicorn(
                database_url, port, workers, settings_module=SETTINGS,
                ready_path=BARE, extra_env=raised,
            )  # fmt: skip
            processes.append(web)
            print(
                f"\ngunicorn on 127.0.0.1:{port} ({' '.join(workers)}), production settings, "
                "rate limits RAISED (BENCH_DESK_RAISED_LIMITS) for phases 2-4; "
                f"load average {load_average()}"
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
                # Each round's share of its own bare view; the median round is the figure.
                by_share = sorted(
                    served[name], key=lambda pair: pair[0].throughput / pair[1].throughput
                )
                page_then, bare_then = by_share[len(by_share) // 2]
                share = page_then.throughput / bare_then.throughput
                checks.add(
                    f"{name} throughput, share of bare (median of {ROUNDS} rounds)",
                    f">= {target:.0%}",
                    f"{share:.1%} ({page_then.throughput:.0f} of {bare_then.throughput:.0f} req/s; "
                    "rounds "
                    + ", ".join(
                        f"{page.throughput / bare_now.throughput:.1%}"
                        for page, bare_now in served[name]
                    )
                    + ")",
                    share >= target and all(page.errors == 0 for page, _ in served[name]),
                )
            rates = sorted(result.throughput for result in bares)
            checks.add(
                "bare view over the phase", "-", f"{rates[0]:.0f} to {rates[-1]:.0f} req/s", None
            )
            bare = sorted(bares, key=lambda result: result.throughput)[len(bares) // 2]

            # 3. Submissions, on the production server and on this one.
            submission_phase(
                checks, database_url=database_url, env=raised, gthread_web=web,
                gthread_port=port, database_pid=embedded_database_pid() if embedded else None,
                sector=sector, topic=topic, seconds=options.seconds,
            )  # fmt: skip

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


if __name__ == "__main__":
    sys.exit(main())
