"""`make run`'s supervisor: both children start, and both stop together, whether
the supervisor is told to stop or one of them ends by itself.

The children here are small Python programs that print their process id and wait
for a signal; the supervisor runs as a real process, as under `make run`, so that
its signal handling and process groups are what is tested."""

from __future__ import annotations

import os
import selectors
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from creativecities import supervisor

ROOT = Path(__file__).resolve().parent.parent.parent
LIMIT = 10.0

# Prints its id, then waits for a signal (a server or worker, minus the work).
# The line goes out in one write: the children share the pipe, and `print` with
# unbuffered output (PYTHONUNBUFFERED) writes each of its pieces apart, so two
# children's "pid" and numbers could interleave.
SAY_PID = "os.write(1, f'pid {os.getpid()}\\n'.encode())"
WAITER = f"import os, signal; {SAY_PID}; signal.pause()"
# Like Django's autoreloader: the one that serves is a grandchild of the supervisor.
PARENT_OF_WAITER = (
    "import os, signal, subprocess, sys; "
    f"subprocess.Popen([sys.executable, '-c', {WAITER!r}]); "
    f"{SAY_PID}; signal.pause()"
)


def desk_python(code: str) -> str:
    return shlex.join([sys.executable, "-c", code])


def desk_start(web: str, worker: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - the test's own commands
        [sys.executable, "-m", "creativecities.supervisor", "--grace", "5"]
        + ["--web", web, "--worker", worker],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def desk_pids(process: subprocess.Popen[bytes], count: int) -> list[int]:
    """The ids the children print, read from the supervisor's shared output."""
    assert process.stdout is not None
    pids: list[int] = []
    deadline = time.monotonic() + LIMIT
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        buffered = b""
        while len(pids) < count:
            left = deadline - time.monotonic()
            assert left > 0, f"the children printed only {pids}"
            if selector.select(timeout=left):
                chunk = os.read(process.stdout.fileno(), 4096)
                assert chunk, f"the output closed after {pids}"
                buffered += chunk
                *lines, buffered = buffered.split(b"\n")
                pids += [int(line.split()[1]) for line in lines if line.startswith(b"pid ")]
    process.desk_children = pids  # type: ignore[attr-defined]
    return pids


def desk_alive(pid: int) -> bool:
    """Whether `pid` still runs (a zombie waiting to be reaped does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def desk_all_gone(pids: list[int]) -> bool:
    deadline = time.monotonic() + LIMIT
    while time.monotonic() < deadline:
        if not any(desk_alive(pid) for pid in pids):
            return True
        os.sched_yield()
    return False


@pytest.fixture
def desk_supervised() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Started supervisors, killed with their children if a test fails half-way."""
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            # Told to stop, the supervisor stops its children too, even those
            # whose ids the test never read; killed, it would leave them running.
            process.terminate()
            try:
                process.wait(timeout=LIMIT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for pid in getattr(process, "desk_children", []):
            if desk_alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_signal_stops_both_children_and_the_grandchild(
    desk_supervised: list[subprocess.Popen[bytes]], signum: int
) -> None:
    process = desk_start(desk_python(PARENT_OF_WAITER), desk_python(WAITER))
    desk_supervised.append(process)
    pids = desk_pids(process, 3)  # the web child, its child and the worker

    process.send_signal(signum)

    assert process.wait(timeout=LIMIT) == 0
    assert desk_all_gone(pids)
    assert process.stderr is not None
    assert b"stopping" in process.stderr.read()


def test_a_child_that_ends_stops_the_other_and_gives_its_status(
    desk_supervised: list[subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    # The worker ends with status 3 once the test opens the pipe it waits on.
    fifo = tmp_path / "end"
    os.mkfifo(fifo)
    worker = desk_python(f"import os, sys; {SAY_PID}; open({str(fifo)!r}).read(); sys.exit(3)")
    process = desk_start(desk_python(WAITER), worker)
    desk_supervised.append(process)
    pids = desk_pids(process, 2)

    with fifo.open("w"):
        pass

    assert process.wait(timeout=LIMIT) == 3
    assert process.stderr is not None
    assert b"task worker exited with status 3: stopping the others" in process.stderr.read()
    assert desk_all_gone(pids)


def test_a_child_ending_with_status_zero_still_counts_as_a_failure() -> None:
    """A server or worker is not meant to end by itself: `make run` must say so."""
    children = [
        supervisor.Child("web server", [sys.executable, "-c", "pass"]),
        supervisor.Child("task worker", [sys.executable, "-c", "import signal; signal.pause()"]),
    ]
    messages: list[str] = []

    status = supervisor.supervise(children, grace=5, say=messages.append)

    assert status == 1
    assert "web server exited with status 0: stopping the others" in messages
    assert all(not child.running() for child in children)


def test_make_run_starts_runserver_and_the_database_worker() -> None:
    web, worker = supervisor.default_children("127.0.0.1:8000")

    assert web.command[-2:] == ["runserver", "127.0.0.1:8000"]
    assert worker.command[2] == "db_worker"
