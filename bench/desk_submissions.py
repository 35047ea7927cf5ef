"""Phase 3 of the desk's benchmark (`bench/desk.py`): 4 clients of wrk submitting
the ask form, judged on the app server of the top README's "Production" (sync
workers), with the saturated pages' gthread server taking the same load in each
round for comparison, and the CPU each enquiry took in the app server and in
the embedded PostgreSQL."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field

from bench.desk_clients import ASK, CLIENTS, submit_with_wrk
from bench.desk_common import BARE, SETTINGS, SUBMISSION_ROUNDS, Checks, saturate, settled_count
from bench.saturate import WrkResult
from bench.servers import (
    CONNECTIONS,
    GTHREAD_THREADS,
    GTHREAD_WORKERS,
    cpu_seconds,
    free_port,
    production_workers,
    start_gunicorn,
    stop,
    wait_for_idle_database,
    warm,
)

# How long the enquiry count must stay still once wrk is done (the server
# finishes the requests it had in hand).
SETTLE_SECONDS = 0.3


@dataclass
class Server:
    """One app server's submission rounds: what wrk measured, and the CPU each
    enquiry took in the server and in the database, round by round."""

    name: str
    process: subprocess.Popen[bytes]
    port: int
    results: list[WrkResult] = field(default_factory=list)
    app_cpu: list[float] = field(default_factory=list)
    database_cpu: list[float] = field(default_factory=list)

    def submit(self, database_pid: int | None, sector: int, topic: str, seconds: float) -> None:
        """One round: the enquiries a second and their latencies, and the CPU
        the server and the database spent per enquiry stored meanwhile."""
        wait_for_idle_database()
        app, database = cpu_seconds(self.process.pid), cpu_seconds(database_pid)
        stored = settled_count(quiet=SETTLE_SECONDS)
        result = submit_with_wrk(self.port, sector, topic, seconds)
        made = max(settled_count(quiet=SETTLE_SECONDS) - stored, 1)
        self.results.append(result)
        self.app_cpu.append((cpu_seconds(self.process.pid) - app) / made)
        self.database_cpu.append((cpu_seconds(database_pid) - database) / made)
        print(
            f"  round {len(self.results)}, {self.name}: {result.throughput:.1f} enquiries/s, "
            f"p50 {result.p50 * 1000:.1f} ms, p95 {result.p95 * 1000:.1f} ms, "
            f"p99 {result.p99 * 1000:.1f} ms ({result.requests} measured); "
            f"CPU per enquiry: app server {self.app_cpu[-1] * 1000:.1f} ms"
            + (f", PostgreSQL {self.database_cpu[-1] * 1000:.1f} ms" if database_pid else "")
        )

    def throughputs(self) -> str:
        return ", ".join(f"{result.throughput:.0f}" for result in self.results)

    def p95s(self) -> str:
        return ", ".join(f"{result.p95 * 1000:.0f}" for result in self.results)


def median(values: list[float]) -> float:
    """The middle value (of an odd count of rounds)."""
    return sorted(values)[len(values) // 2]


def submission_phase(
    checks: Checks,
    *,
    database_url: str,
    env: dict[str, str],
    gthread_web: subprocess.Popen[bytes],
    gthread_port: int,
    database_pid: int | None,
    sector: int,
    topic: str,
    seconds: float,
) -> None:
    from django.db import connection

    port = free_port()
    web = start_gunicorn(
        database_url, port, production_workers(), settings_module=SETTINGS,
        ready_path=BARE, extra_env=env,
    )  # fmt: skip
    try:
        warm(port, {"bare view": [BARE], "ask form": [ASK]}, rounds=20)
        print(
            f"\nSubmissions: {CLIENTS} clients from wrk POSTing the ask form with the "
            f"CSRF cookie and token of the form page, each POST on a connection of its "
            f"own (as behind the reverse proxy), 1 s warm-up, {seconds:.0f} s, "
            f"{SUBMISSION_ROUNDS} rounds. Judged on the production server of the top "
            f"README (gunicorn on 127.0.0.1:{port}, {' '.join(production_workers()[1:])}); "
            f"each round also on the gthread server above ({GTHREAD_WORKERS} x "
            f"{GTHREAD_THREADS}), for comparison, and after a bare view ({CONNECTIONS} "
            "connections, gthread) that shows how fast the machine was at that minute"
        )
        production = Server("production", web, port)
        compared = Server("gthread", gthread_web, gthread_port)
        before = settled_count(quiet=SETTLE_SECONDS)
        for number in range(1, SUBMISSION_ROUNDS + 1):
            connection.close()
            wait_for_idle_database()
            machine = saturate(gthread_port, [BARE], seconds)
            for server in (production, compared):
                server.submit(database_pid, sector, topic, seconds)
            print(f"  round {number}: bare view just before, {machine.throughput:.0f} req/s")
    finally:
        stop(web)
    stored = settled_count() - before
    connection.close()
    results = production.results + compared.results
    refused = sum(result.extra.get("not_redirected", 0) + result.errors for result in results)
    print(
        f"  {sum(result.requests for result in results)} measured, {refused} not 302; "
        f"{stored} stored with the warm-ups"
    )

    rate = median([result.throughput for result in production.results])
    p95 = median([result.p95 for result in production.results])
    checks.add(
        f"submissions, {CLIENTS} clients, production server (median of {SUBMISSION_ROUNDS} rounds)",
        ">= 150/s",
        f"{rate:.0f}/s (rounds {production.throughputs()})",
        rate >= 150 and refused == 0,
    )
    checks.add(
        f"submission p95, production server (median of {SUBMISSION_ROUNDS} rounds)",
        "< 40 ms",
        f"{p95 * 1000:.1f} ms (rounds {production.p95s()})",
        p95 < 0.040,
    )
    checks.add(
        f"submissions on the gthread server ({GTHREAD_WORKERS} x {GTHREAD_THREADS}), median",
        "-",
        f"{median([result.throughput for result in compared.results]):.0f}/s, p95 "
        f"{median([result.p95 for result in compared.results]) * 1000:.1f} ms "
        f"(rounds {compared.throughputs()}; p95 {compared.p95s()} ms)",
        None,
    )
    cores = os.cpu_count() or 1
    for server in (production, compared):
        app, database = median(server.app_cpu), median(server.database_cpu)
        checks.add(
            f"CPU per enquiry, {server.name} server (medians)",
            "-",
            f"app server {app * 1000:.1f} ms"
            + (
                f", PostgreSQL {database * 1000:.1f} ms: at most {cores / (app + database):.0f}/s "
                f"on {cores} cores with nothing else running"
                if database_pid
                else " (the database runs elsewhere)"
            ),
            None,
        )
