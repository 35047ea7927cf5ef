"""Benchmark of the public directory: `make bench` (or `.venv/bin/python bench/run.py`).

1. Creates (once) a separate database, `creativecities_bench`, on the same
   PostgreSQL server as the checkout (the embedded one unless DATABASE_URL is
   set), migrates it and loads 100,000 organisations into it (bench/load.py).
   The development database is never written.
2. Starts gunicorn on 127.0.0.1 with production settings (DEBUG off; only the
   HTTPS redirect, secure cookies and HSTS are off, as there is no TLS here) and
   a bare "hello" view mounted for the benchmark only (bench/urls.py).
3. Measures each page with 2 concurrent clients for a fixed time and prints
   throughput, latencies and their ratio to the bare view, against the targets
   of the directory's issue, with the hardware it ran on.

Options: --skip-load (reuse the data already loaded), --seconds N (per page),
--count N (organisations to load).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.client import Result, fetch, measure  # noqa: E402
from bench.corpus import COMMON_WORD, RARE_WORD, TENTH_WORD  # noqa: E402

BENCH_DATABASE = "creativecities_bench"
LOAD_LIMIT = 30.0
CLIENTS = 2


def server_url() -> str:
    """The PostgreSQL server of this checkout (its maintenance database).

    Like the portal: DATABASE_URL if set, else the embedded server in
    `.data/postgres`, started if needed. The portal's settings are read later,
    once DATABASE_URL names the bench database.
    """
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    from creativecities import local_data

    local_data.prepare()
    return local_data.database_url()


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def create_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(url, autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DATABASE])
        if found.fetchone() is None:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(BENCH_DATABASE)))


def hardware() -> list[str]:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return [
        f"CPU: {model}, {os.cpu_count()} cores; RAM {memory}; load average {load}",
        f"{platform.platform()}; Python {platform.python_version()}",
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_gunicorn(database_url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    command = [
        sys.executable, "-m", "gunicorn", "creativecities.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
        "--log-level", "warning", "--timeout", "60",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    # In its own session gunicorn does not get the terminal's Ctrl-C: whatever
    # interrupts the wait (a keyboard interrupt included) stops it here.
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError("gunicorn exited before serving")
            try:
                if fetch(port, "/bench/hello")[0] == 200:
                    return process
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer within 60 s")
    except BaseException:
        stop(process)
        raise


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the gunicorn this script started (its master, which stops its workers)."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def report(name: str, result: Result, bare: Result | None) -> str:
    ratio = f"{result.throughput / bare.throughput:7.1%}" if bare else "    -  "
    return (
        f"{name:<34} {result.throughput:8.1f} req/s {ratio}   "
        f"p50 {result.p50 * 1000:6.1f} ms   p95 {result.p95 * 1000:6.1f} ms   "
        f"({result.requests} requests, {result.errors} errors)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--count", type=int, default=100_000)
    # One sync worker per core: with two clients, more workers only take turns and
    # lose their caches (the bare view is measured with the same workers).
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    options = parser.parse_args()

    print("Hardware")
    for line in hardware():
        print(f"  {line}")

    server = server_url()
    database_url = with_database(server, BENCH_DATABASE)
    create_database(server)
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.load import load
    from directory.models import Organisation
    from directory.search import search_query

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

    pages: dict[str, list[str]] = {
        "bare view": ["/bench/hello"],
        "list, first page": ["/it/directory/"],
        "list, deepest page (50)": ["/it/directory/?page=50"],
        f"search rare word '{RARE_WORD}'": [f"/it/directory/?q={RARE_WORD}"],
        f"search ~10% word '{TENTH_WORD}'": [f"/it/directory/?q={TENTH_WORD}"],
        f"search common word '{COMMON_WORD}'": [f"/it/directory/?q={COMMON_WORD}"],
        "detail page": [f"/it/directory/{slug}/" for slug in slugs],
    }

    port = free_port()
    print(
        f"\ngunicorn: {options.workers} sync workers on 127.0.0.1:{port}, DEBUG off; "
        f"{CLIENTS} concurrent clients, {options.seconds:.0f} s per page after 1 s warm-up"
    )
    process = start_gunicorn(database_url, port, options.workers)
    results: dict[str, Result] = {}
    try:
        for paths in pages.values():  # every worker compiles templates, opens its connection
            for path in paths[:20] * (options.workers * 2 if len(paths) == 1 else 1):
                status, _ = fetch(port, path)
                if status != 200:
                    raise RuntimeError(f"{path} answered {status}")
        bare = None
        for name, paths in pages.items():
            results[name] = measure(port, paths, clients=CLIENTS, seconds=options.seconds)
            print(report(name, results[name], bare))
            if bare is None:
                bare = results[name]
    finally:
        stop(process)

    misses += check_targets(results, list(pages))
    print("\nTargets")
    if misses:
        for miss in misses:
            print(f"  MISSED: {miss}")
    else:
        print("  all met")
    return 1 if misses else 0


def check_targets(results: dict[str, Result], names: list[str]) -> list[str]:
    bare, first, deep, rare, tenth, common, detail = (results[name] for name in names)
    checks: list[tuple[str, bool]] = []

    def check(label: str, ok: bool) -> None:
        checks.append((label, ok))
        print(f"  {'ok    ' if ok else 'MISSED'} {label}")

    print("\nAgainst the targets")
    list_share = first.throughput / bare.throughput
    check(f"list throughput {list_share:.1%} of bare (>= 10%)", list_share >= 0.10)
    check(f"list p95 {first.p95 * 1000:.1f} ms (<= 10 ms)", first.p95 <= 0.010)
    deep_cost = first.throughput / deep.throughput
    check(f"deepest page costs {deep_cost:.2f}x the first (<= 1.25x)", deep_cost <= 1.25)
    for label, result, limit in (("rare", rare, 15), ("~10%", tenth, 30), ("common", common, 60)):
        check(
            f"search {label} word p95 {result.p95 * 1000:.1f} ms (<= {limit} ms)",
            result.p95 * 1000 <= limit,
        )
    detail_share = detail.throughput / bare.throughput
    check(f"detail throughput {detail_share:.1%} of bare (>= 25%)", detail_share >= 0.25)
    errors = sum(result.errors for result in results.values())
    check(f"{errors} error responses", errors == 0)
    return [label for label, ok in checks if not ok]


if __name__ == "__main__":
    sys.exit(main())
