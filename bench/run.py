"""Benchmark of the public directory: `make bench` (or `.venv/bin/python bench/run.py`).

1. Creates (once) a separate database, `creativecities_bench`, on the same
   PostgreSQL server as the checkout (the embedded one unless DATABASE_URL is
   set), migrates it and loads 100,000 organisations into it (bench/load.py).
   The development database is never written.
2. Starts two gunicorns on 127.0.0.1 with production settings (DEBUG off; only
   the HTTPS redirect, secure cookies and HSTS are off, as there is no TLS) and
   the bare "hello" view and the naive directory mounted for the benchmark only
   (bench/urls.py, bench/naive/): one with the page cache off, which serves the
   bare view, the naive pages and the portal's pages rendered (as for a
   logged-in member or a cold cache), and one with the page cache on (local
   memory, or Redis with --redis), which serves the portal's pages warm from it.
3. Measures each page with 2 concurrent clients (bench/client.py) on sync
   workers, and prints throughput, latencies and their ratio to the bare view.
4. Restarts both with gthread workers (4 workers x 2 threads, at most 4
   connections each: `servers.gthread_workers`) and measures every page again
   at saturation: 16 connections from wrk (bench/saturate.py), each page's
   share taken of the bare view measured in that same phase.
5. Prints both shares side by side and checks the targets (bench/targets.py):
   the exit status is 1 if a page misses one, and the miss names it.

A share taken at 2 clients flatters a heavy page: the bare view is then bound
by latency, not by CPU, so it is printed only beside the saturated one.

Options: --skip-load (reuse the data already loaded), --seconds N (per page),
--count N (organisations to load), --workers N (sync workers of the 2-client
phase), --connections N (of the saturated phase), --skip-saturated, --redis
(the page cache in a Redis server started for the run: `redis-server` on PATH).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.client import Result, fetch, measure  # noqa: E402
from bench.corpus import COMMON_WORD, RARE_WORD, TENTH_WORD  # noqa: E402
from bench.saturate import WrkResult, run_wrk, wrk_path, wrk_version  # noqa: E402
from bench.servers import (  # noqa: E402
    CONNECTIONS,
    GTHREAD_THREADS,
    GTHREAD_WORKERS,
    create_database,
    free_port,
    gthread_workers,
    hardware,
    load_average,
    server_url,
    start_gunicorn,
    stop,
    stop_on_sigterm,
    wait_for_idle_database,
    warm,
)
from bench.targets import (  # noqa: E402
    CACHED,
    Checks,
    Figure,
    Page,
    ceilings,
    check_calm,
    check_saturated,
)
from bench.targets import directory_pages as measured_pages  # noqa: E402

BENCH_DATABASE = "creativecities_bench"
LOAD_LIMIT = 30.0
CLIENTS = 2
LABEL_WIDTH = 42


def report(name: str, result: Result, bare: Result | None) -> str:
    ratio = f"{result.throughput / bare.throughput:7.1%}" if bare else "    -  "
    return (
        f"{name:<{LABEL_WIDTH}} {result.throughput:8.1f} req/s {ratio}   "
        f"p50 {result.p50 * 1000:6.1f} ms   p95 {result.p95 * 1000:6.1f} ms   "
        f"({result.requests} requests, {result.errors} errors)"
    )


def report_saturated(name: str, result: WrkResult, bare: WrkResult | None) -> str:
    ratio = f"{result.throughput / bare.throughput:7.1%}" if bare else "    -  "
    errors = (
        f"{result.status_errors} status >= 400, {result.socket_errors} socket, "
        f"{result.timeouts} timeouts"
        if result.errors
        else "0 errors"
    )
    return (
        f"{name:<{LABEL_WIDTH}} {result.throughput:8.1f} req/s {ratio}   "
        f"p50 {result.p50 * 1000:6.1f} ms   p95 {result.p95 * 1000:6.1f} ms   "
        f"p99 {result.p99 * 1000:6.1f} ms   ({result.requests} requests, {errors})"
    )


def report_side_by_side(
    pages: list[Page], calm: dict[Page, Result], saturated: dict[Page, WrkResult], connections: int
) -> list[str]:
    """Each page's share of the bare view at 2 clients beside its share at saturation.

    At 2 clients the bare view waits on latency, not on CPU, so a heavy page's
    share there looks several times better than its true cost; the saturated
    share is the one to compare across runs.
    """
    bare_calm, bare_saturated = calm[pages[0]], saturated[pages[0]]
    lines = [
        f"{'':<{LABEL_WIDTH}} {f'--- {CLIENTS} clients, sync ---':>28}   "
        f"{f'--- {connections} connections, gthread ---':>28}",
        f"{'page':<{LABEL_WIDTH}} {'req/s':>9} {'share':>8} {'p95 ms':>9}   "
        f"{'req/s':>9} {'share':>8} {'p95 ms':>9}",
    ]
    for page in pages:
        two, full = calm[page], saturated[page]
        lines.append(
            f"{page.label:<{LABEL_WIDTH}} {two.throughput:9.1f} "
            f"{two.throughput / bare_calm.throughput:8.1%} "
            f"{two.p95 * 1000:9.1f}   {full.throughput:9.1f} "
            f"{full.throughput / bare_saturated.throughput:8.1%} {full.p95 * 1000:9.1f}"
        )
    return lines


@contextmanager
def two_servers(
    database_url: str, workers: list[str], page_cache_url: str
) -> Iterator[tuple[int, int]]:
    """The portal with its page cache off (rendered pages, the bare view and the
    naive ones) and on (`page_cache_url`: Redis, or empty for local memory)."""
    plain, cached = free_port(), free_port()
    off = {"DJANGO_PAGE_CACHE": "false"}
    started = [start_gunicorn(database_url, plain, workers, extra_env=off)]
    try:
        started.append(
            start_gunicorn(
                database_url,
                cached,
                workers,
                extra_env={"DJANGO_PAGE_CACHE": "true", "DJANGO_PAGE_CACHE_URL": page_cache_url},
            )
        )
        yield plain, cached
    finally:
        for process in started:
            stop(process)


def port_of(page: Page, ports: tuple[int, int]) -> int:
    return ports[1] if page.group == CACHED else ports[0]


def warm_all(pages: list[Page], ports: tuple[int, int], rounds: int) -> None:
    """Every worker compiles its templates and opens its connection; every path
    of a cached page is asked for `rounds` times on new connections, so that
    each worker's own page cache (local memory) most likely holds it: the
    cached figures are of warm pages, as the issue's target says."""
    for page in pages:
        if page.group != CACHED:
            warm(port_of(page, ports), {page.label: page.paths}, rounds=rounds)
            continue
        for path in page.paths:
            for _ in range(rounds):
                status, _body = fetch(port_of(page, ports), path)
                if status != 200:
                    raise RuntimeError(f"{path} answered {status}")


def measure_two_clients(
    database_url: str, pages: list[Page], workers: int, seconds: float, page_cache_url: str
) -> dict[Page, Result]:
    """The directory issue's phase: 2 clients, one sync worker per core."""
    options = ["--workers", str(workers)]
    results: dict[Page, Result] = {}
    with two_servers(database_url, options, page_cache_url) as ports:
        print(
            f"\n{CLIENTS} concurrent clients (bench/client.py, a new connection per request): "
            f"gunicorn with {workers} sync workers on 127.0.0.1:{ports[0]} (page cache off) "
            f"and :{ports[1]} (page cache on), DEBUG off; {seconds:.0f} s per page after 1 s "
            f"warm-up; load average {load_average()}"
        )
        warm_all(pages, ports, rounds=workers * 2)
        bare = None
        for page in pages:
            wait_for_idle_database()
            results[page] = measure(
                port_of(page, ports), page.paths, clients=CLIENTS, seconds=seconds
            )
            print(report(page.label, results[page], bare))
            if bare is None:
                bare = results[page]
    return results


def measure_saturated(
    database_url: str, pages: list[Page], connections: int, seconds: float, page_cache_url: str
) -> dict[Page, WrkResult]:
    """Every page at saturation, its share taken of the bare view of this phase."""
    workers = gthread_workers(connections)
    results: dict[Page, WrkResult] = {}
    with two_servers(database_url, workers, page_cache_url) as ports:
        print(
            f"\nSATURATED: {connections} connections (wrk, kept alive): gunicorn "
            f"{' '.join(workers)} on 127.0.0.1:{ports[0]} (page cache off) and :{ports[1]} "
            f"(page cache on), DEBUG off; {max(1, round(seconds))} s per page after 1 s "
            f"warm-up; load average {load_average()}"
        )
        warm_all(pages, ports, rounds=GTHREAD_WORKERS * GTHREAD_THREADS * 2)
        bare = None
        for page in pages:
            port = port_of(page, ports)
            wait_for_idle_database()
            # The warm-up also fills every worker's own page cache (local memory).
            run_wrk(port, page.paths, connections=connections, seconds=1)
            wait_for_idle_database()
            results[page] = run_wrk(port, page.paths, connections=connections, seconds=seconds)
            print(report_saturated(page.label, results[page], bare))
            if bare is None:
                bare = results[page]
        # The bare view again: on a shared machine, a figure far from the first
        # one says other work took the cores during the phase.
        wait_for_idle_database()
        again = run_wrk(ports[0], pages[0].paths, connections=connections, seconds=seconds)
        print(report_saturated("bare view, again at the end", again, bare))
        print(f"  load average {load_average()}")
        wait_for_idle_database()
    return results


@contextmanager
def redis_server() -> Iterator[str]:
    """A Redis server of the run's own on 127.0.0.1, keeping nothing on disk."""
    executable = shutil.which("redis-server")
    if executable is None:
        raise RuntimeError("--redis needs redis-server on PATH (Debian: redis-server)")
    port = free_port()
    process = subprocess.Popen(
        [executable, "--bind", "127.0.0.1", "--port", str(port), "--save", "",
         "--appendonly", "no", "--protected-mode", "yes"],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.1)
        version = subprocess.run(
            [executable, "--version"], capture_output=True, text=True, check=False
        ).stdout.split(" sha")[0]
        print(f"  {version}, on 127.0.0.1:{port} for the page cache")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def print_checks(title: str, checks: Checks) -> None:
    print(f"\n{title}")
    for label, ok in checks.lines:
        print(f"  {'ok    ' if ok else 'MISSED'} {label}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--count", type=int, default=100_000)
    # One sync worker per core: with two clients, more workers only take turns and
    # lose their caches (the bare view is measured with the same workers).
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--connections", type=int, default=CONNECTIONS)
    parser.add_argument("--skip-saturated", action="store_true")
    parser.add_argument("--redis", action="store_true")
    options = parser.parse_args()
    signal.signal(signal.SIGTERM, stop_on_sigterm)

    if not options.skip_saturated and wrk_path() is None:
        print("wrk is missing: `make wrk` installs it (or pass --skip-saturated).")
        return 2

    print("Hardware")
    for line in hardware():
        print(f"  {line}")
    if not options.skip_saturated:
        print(f"  {wrk_version()}")

    server = server_url()
    database_url = create_database(server, BENCH_DATABASE)
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.load import load
    from creativecities.lists.search import search_query
    from directory.models import Organisation

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        print(
            f"  {cursor.fetchone()[0].split(',')[0]}, database {connection.settings_dict['NAME']}"
        )

    misses: list[str] = []
    if not options.skip_load:
        print(f"\nLoading {options.count:,} organisations")
        timings = load(options.count)
        for step, seconds in timings.items():
            print(f"  {step:<28} {seconds:6.1f} s")
        if timings["total"] > LOAD_LIMIT:
            misses.append(f"load took {timings['total']:.1f} s (target < {LOAD_LIMIT:.0f} s)")

    published = Organisation.objects.published()
    total = published.count()
    words = {"rare": RARE_WORD, "tenth": TENTH_WORD, "common": COMMON_WORD}
    print(f"\nPublished organisations: {total:,} of {Organisation.objects.count():,}")
    for label, word in words.items():
        found = published.filter(search_vector=search_query(word)).count()
        print(f"  '{word}' ({label}) matches {found:,} ({found / max(total, 1):.1%})")
    slugs = list(published.order_by("?").values_list("slug", flat=True)[:200])
    random.Random(4).shuffle(slugs)
    connection.close()
    pages = measured_pages(words, slugs)

    with redis_server() if options.redis else nullcontext("") as page_cache_url:
        print(f"\nPage cache: {'Redis' if page_cache_url else 'local memory, per process'}")
        calm = measure_two_clients(
            database_url, pages, options.workers, options.seconds, page_cache_url
        )
        saturated: dict[Page, WrkResult] = {}
        if not options.skip_saturated:
            wait_for_idle_database()
            saturated = measure_saturated(
                database_url, pages, options.connections, options.seconds, page_cache_url
            )
    if saturated:
        print(
            f"\nShares of the bare view: 2 clients beside {options.connections} connections "
            "(compare runs on the saturated share)"
        )
        for line in report_side_by_side(pages, calm, saturated, options.connections):
            print(f"  {line}")

    calm_checks = check_calm(dict[Page, Figure](calm))
    print_checks(f"Against the directory's targets (set at {CLIENTS} clients)", calm_checks)
    misses += calm_checks.misses
    if saturated:
        saturated_checks = check_saturated(dict[Page, Figure](saturated))
        print_checks("Against issue 24's targets (at saturation)", saturated_checks)
        misses += saturated_checks.misses
        if lines := ceilings(dict[Page, Figure](saturated)):
            print("\nThe most a page drawn in the portal's frame can be, at saturation")
            print("\n".join(lines))
    print("\nTargets")
    if misses:
        for miss in misses:
            print(f"  MISSED: {miss}")
    else:
        print("  all met")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
