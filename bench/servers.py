"""What every benchmark under `bench/` shares: the PostgreSQL server and a
database of the benchmark's own on it, gunicorn on 127.0.0.1 with production
settings, free ports, the machine's description, and waiting out a slow page's
queries before the next measurement.

The benchmarks themselves: `run.py` (the directory), `desk.py` (the contact
point desk), `abuse.py` (the security probe), `plan_page.py` and
`survey_results.py` (in process).
"""

from __future__ import annotations

import os
import platform
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.client import fetch

ROOT = Path(__file__).resolve().parent.parent
# The saturated phases: enough connections to keep every thread of every worker
# busy on two cores, on the worker class that serves kept-alive connections.
CONNECTIONS = 16
GTHREAD_WORKERS = 4
GTHREAD_THREADS = 2
# How long to wait for the queries of a page the clients gave up on.
IDLE_LIMIT = 60.0


def gthread_workers(connections: int = CONNECTIONS) -> list[str]:
    """The saturated phases' server: `GTHREAD_WORKERS` gthread workers of
    `GTHREAD_THREADS` threads, each taking at most its share of the
    `connections` the load generator keeps alive.

    A gthread worker keeps a connection it accepted until the client closes it,
    and runs its threads under one interpreter lock. Uncapped, whichever worker
    wakes first takes whatever connections wrk has just opened: windows of the
    same run got all 16 on one worker, or [15, 1], [13, 1, 1, 1], [8, 8]. With
    most of them on one worker the two cores stood 30 to 45% idle and the rate
    halved, so each share measured that draw as much as the page. Capped, every
    worker holds 4 of the 16 and the cores stay busy."""
    return [
        "--worker-class", "gthread",
        "--workers", str(GTHREAD_WORKERS), "--threads", str(GTHREAD_THREADS),
        "--worker-connections", str(-(-connections // GTHREAD_WORKERS)),
    ]  # fmt: skip


def production_workers() -> list[str]:
    """The worker options of the top README's "Production" line: sync workers,
    two per core and one. Each takes one request at a time and accepts the next
    connection only when free, behind a reverse proxy that buffers slow clients."""
    return ["--worker-class", "sync", "--workers", str(2 * (os.cpu_count() or 1) + 1)]


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


def create_database(server: str, name: str, *, fresh: bool = False) -> str:
    """Create the database `name` on `server` unless it exists (dropped first
    with `fresh`); its URL."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(server, autocommit=True) as conn:
        identifier = sql.Identifier(name)
        if fresh:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(identifier))
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone() is None:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(identifier))
    return with_database(server, name)


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
    return [
        f"CPU: {model}, {os.cpu_count()} cores; RAM {memory}; load average {load_average()}",
        f"{platform.platform()}; Python {platform.python_version()}",
    ]


def cpu_seconds(root: int | None) -> float:
    """The CPU time (user and system) used so far by process `root` and every
    process under it, read from /proc (Linux): with the app server's and the
    database's, a benchmark tells how much CPU each request took, and so how
    many the cores could serve at most. 0.0 where it cannot be read."""
    if root is None or not Path("/proc/self/stat").exists():
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    used: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            # After the command's closing parenthesis: state, ppid, ..., utime,
            # stime, then cutime and cstime, the time of its children that ended
            # (PostgreSQL's backends end with their connections).
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # ended meanwhile
        parents[int(entry.name)] = int(fields[1])
        used[int(entry.name)] = sum(int(value) for value in fields[11:15])
    family, grew = {root}, True
    while grew:
        below = {pid for pid, parent in parents.items() if parent in family} - family
        family |= below
        grew = bool(below)
    return sum(used.get(pid, 0) for pid in family) / ticks


def embedded_database_pid() -> int | None:
    """The embedded PostgreSQL server's main process, if it runs (the first line
    of its `postmaster.pid`); None for a server elsewhere."""
    from creativecities import local_data

    pid_file = local_data.postgres_dir() / "postmaster.pid"
    try:
        return int(pid_file.read_text().splitlines()[0])
    except (OSError, IndexError, ValueError):
        return None


def load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_environment(
    database_url: str, settings_module: str, extra: dict[str, str]
) -> dict[str, str]:
    """A benchmark's server process environment: production settings on 127.0.0.1
    (DEBUG off; no HTTPS redirect, secure cookies or HSTS, as there is no TLS)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def start_gunicorn(
    database_url: str,
    port: int,
    workers: list[str],
    *,
    settings_module: str = "bench.settings",
    ready_path: str = "/bench/hello",
    extra_env: dict[str, str] | None = None,
) -> subprocess.Popen[bytes]:
    """Start gunicorn on 127.0.0.1:`port`; `workers` are its worker options.

    It is ready when `ready_path` answers 200; `extra_env` adds to or overrides
    its environment (`bench/abuse.py` serves the portal's own URLs)."""
    env = server_environment(
        database_url, settings_module, {"DJANGO_LOG_LEVEL": "WARNING", **(extra_env or {})}
    )
    command = [
        sys.executable, "-m", "gunicorn", "creativecities.wsgi:application",
        "--bind", f"127.0.0.1:{port}", *workers,
        "--log-level", "warning", "--timeout", "60",
        # gunicorn's control socket sits in the home directory, one for every
        # gunicorn of the user: two at once would remove each other's.
        "--no-control-socket",
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
                if fetch(port, ready_path)[0] == 200:
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


def stop_on_sigterm(signum: int, frame: object) -> None:
    """SIGTERM (a stopped `make`, a closed session) unwinds like Ctrl-C, so the
    `finally` blocks stop gunicorn instead of leaving it serving."""
    raise SystemExit(128 + signum)


ACTIVE_QUERIES = """
    SELECT count(*) FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid()
      AND backend_type = 'client backend' AND state = 'active'
"""


def wait_for_idle_database(limit: float = IDLE_LIMIT) -> None:
    """Wait until no query of the bench database is running, for at most `limit` s.

    A slow page under load leaves its queries running in PostgreSQL after the
    client has given up on them (and after gunicorn has moved on): measured
    straight after, the next page would share the cores with them.
    """
    from django.db import connection

    started = time.monotonic()
    waited, active = 0.0, 0
    try:
        while True:
            with connection.cursor() as cursor:
                cursor.execute(ACTIVE_QUERIES)
                active = int(cursor.fetchone()[0])
            waited = time.monotonic() - started
            if active == 0 or waited >= limit:
                break
            time.sleep(0.25)
    finally:
        connection.close()
    if active:
        print(f"  ({active} queries still running after {limit:.0f} s; measuring anyway)")
    elif waited >= 1.0:
        print(f"  (waited {waited:.1f} s for the queries of the previous page to finish)")


def warm(port: int, pages: dict[str, list[str]], rounds: int) -> None:
    """Every worker compiles its templates and opens its connection before any figure.

    A single-path page is sent `rounds` times (new connections are spread over
    the workers), a page of many paths once per path up to 20.
    """
    for paths in pages.values():
        for path in paths[:20] * (rounds if len(paths) == 1 else 1):
            status, _ = fetch(port, path)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
