"""Phase 4 of the desk's benchmark (`bench/desk.py`): mail down, then slow, then
back, with a real SMTP server and one task worker on the benchmark's database."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable

from bench.desk_clients import (
    CLIENTS,
    DOMAIN,
    REFERENCE,
    form_data,
    submit_concurrently,
)
from bench.desk_common import (
    BARE,
    Checks,
    describe,
    saturate,
    server_env,
)
from bench.mailserver import MailServer
from bench.saturate import WrkResult
from bench.servers import ROOT, stop

SLOW_SECONDS = 2.0
# The worker's CPU priority, as the top README's service sets it: pages first,
# mail a moment later (acknowledging 40 enquiries takes the worker about a
# second of CPU, at the very moment the bare view is measured).
WORKER_NICENESS = 10
DELIVERY_LIMIT = 180.0


def set_aside_queued_mail() -> None:
    """Drop the tasks of the mail made before the fault phase (seeds, throughput):
    only that phase's mail is to reach the SMTP server."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_tasks_database_dbtaskresult")
    from creativecities.models import OutgoingEmail

    OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED).update(
        status=OutgoingEmail.Status.FAILED, last_error="set aside by the benchmark"
    )


def bring_retries_forward() -> int:
    """As if the back-off had elapsed: every waiting delivery is due now."""
    from django.db import connection
    from django.utils import timezone

    from creativecities.models import OutgoingEmail

    OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED).update(
        next_attempt_at=timezone.now()
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE django_tasks_database_dbtaskresult SET run_after = now() "
            "WHERE status = 'READY' AND run_after > now()"
        )
        return int(cursor.rowcount)


def pending_deliveries(first_mail: int, references: list[str]) -> int:
    """The phase's mails not sent yet, and its enquiries whose acknowledgement
    (the task that writes their mail) has not run yet."""
    from contactpoint.models import Enquiry
    from creativecities.models import OutgoingEmail

    unsent = (
        OutgoingEmail.objects.filter(pk__gt=first_mail)
        .exclude(status=OutgoingEmail.Status.SENT)
        .count()
    )
    return unsent + Enquiry.objects.filter(reference__in=references, token_hash="").count()


def start_worker(database_url: str, extra: dict[str, str]) -> subprocess.Popen[bytes]:
    """One `manage.py db_worker`, as production runs it: at the lower CPU
    priority of the top README's service (`Nice=10`), and in its own session,
    so the terminal's Ctrl-C reaches this script, which stops it."""
    command = [
        sys.executable, str(ROOT / "manage.py"), "db_worker",
        "--interval", "0.2", "--no-startup-delay", "--no-reload", "--verbosity", "0",
    ]  # fmt: skip
    worker = subprocess.Popen(
        command,
        cwd=ROOT,
        env=server_env(database_url, extra),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
    )
    os.setpriority(os.PRIO_PROCESS, worker.pid, WORKER_NICENESS)
    return worker


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
    from creativecities.models import OutgoingEmail

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

    answers = down_answers + slow_answers
    references = [reference for _status, reference in answers]
    mail.slow(0.0)
    deadline = time.monotonic() + DELIVERY_LIMIT
    waiting = pending_deliveries(first_mail, references)
    while waiting and time.monotonic() < deadline:
        bring_retries_forward()
        connection.close()
        time.sleep(0.5)
        waiting = pending_deliveries(first_mail, references)
    print(f"  mail back at full speed; {waiting} mails undelivered after waiting")
    # Mail up again, all delivered: the reference is the mean of the figures
    # before and after, since the neighbours' load moves within the phase.
    up_again = saturate(port, [BARE], seconds)
    print(describe("bare view, mail up again, worker idle", up_again, up))
    reference_rate = (up.throughput + up_again.throughput) / 2

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
