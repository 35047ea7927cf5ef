"""The benchmarks' shared helpers that decide what a figure means: the CPU a
server and its children used, the database server's process, the production
app server's options."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench import servers

needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")

BURN = "import time\nend = time.process_time() + {seconds}\nwhile time.process_time() < end: pass\n"


@needs_proc
def test_cpu_seconds_counts_a_child_while_it_runs_and_after_it_ended() -> None:
    before = servers.cpu_seconds(os.getpid())
    child = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", BURN.format(seconds=0.3) + "time.sleep(30)"]
    )
    try:
        deadline = time.monotonic() + 20
        while servers.cpu_seconds(child.pid) < 0.3 and time.monotonic() < deadline:
            time.sleep(0.05)
        running = servers.cpu_seconds(os.getpid()) - before
        assert running >= 0.3
    finally:
        child.kill()
        child.wait()
    # Ended and reaped, the child's time is its parent's (cutime, cstime).
    assert servers.cpu_seconds(os.getpid()) - before >= 0.3


@needs_proc
def test_cpu_seconds_counts_only_the_process_and_those_under_it() -> None:
    subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", BURN.format(seconds=0.2)], check=True
    )
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert servers.cpu_seconds(child.pid) < 0.2
    finally:
        child.kill()
        child.wait()


def test_cpu_seconds_of_nothing_is_zero() -> None:
    assert servers.cpu_seconds(None) == 0.0


def test_embedded_database_pid_reads_the_servers_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from creativecities import local_data

    monkeypatch.setattr(local_data, "postgres_dir", lambda: tmp_path)
    assert servers.embedded_database_pid() is None
    (tmp_path / "postmaster.pid").write_text("4321\n/data\n1700000000\n5432\n/run/pg\n")
    assert servers.embedded_database_pid() == 4321
    (tmp_path / "postmaster.pid").write_text("")
    assert servers.embedded_database_pid() is None


def test_production_workers_are_the_readmes_sync_workers() -> None:
    options = servers.production_workers()
    assert options == ["--worker-class", "sync", "--workers", str(2 * (os.cpu_count() or 1) + 1)]
    readme = (servers.ROOT / "README.md").read_text()
    assert "gunicorn creativecities.wsgi --workers $((2 * CPUS + 1))" in readme


def test_gthread_workers_share_the_kept_alive_connections_out() -> None:
    options = servers.gthread_workers(16)
    assert options[:6] == ["--worker-class", "gthread", "--workers", "4", "--threads", "2"]
    assert options[options.index("--worker-connections") + 1] == "4"
    # A count that does not divide evenly still gets a place for every connection.
    assert servers.gthread_workers(18)[-1] == "5"
    assert servers.gthread_workers(2)[-1] == "1"
