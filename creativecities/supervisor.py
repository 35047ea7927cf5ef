"""`make run`'s two processes in one terminal: the web server and the task worker.

Mail and every other background job go through the task queue; with the database
backend nothing runs them unless a worker does. Starting the worker by hand in a
second terminal is easy to forget, and then a developer sees no mail and thinks the
feature broken. So `make run` runs this module, which starts both as child
processes, lets them write to the same terminal (console emails included), and
stops both together: on Ctrl-C, on SIGTERM, and as soon as either of them exits
(a worker that dies must not leave a server that silently queues mail forever).

Each child runs in a process group of its own and is stopped through it: Django's
autoreloader serves from a grandchild process, which a signal to the child alone
would leave running. Children read no terminal input (their stdin is /dev/null),
so a background process group never stops on the terminal.

Usage: `python -m creativecities.supervisor [ADDRESS]`; `--web` and `--worker`
replace either command (a shell-quoted string), for another server or in tests.
Nothing here needs Django: it only starts and stops processes.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

BASE_DIR = Path(__file__).resolve().parent.parent
# How long the children get to finish after the stop signal (the worker finishes
# the task it is running) before they are killed.
GRACE_SECONDS = 10.0
POLL_SECONDS = 0.2


@dataclass
class Child:
    """One supervised command and, once started, its process."""

    name: str
    command: list[str]
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own commands
            self.command, stdin=subprocess.DEVNULL, process_group=0
        )

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def signal_group(self, signum: int) -> None:
        """Send `signum` to the child's whole process group, if it still exists."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signum)
        except ProcessLookupError:
            pass


class _Stop(Exception):
    """A stop signal arrived (Ctrl-C or SIGTERM)."""


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop(signum)


def supervise(
    children: Sequence[Child],
    *,
    grace: float = GRACE_SECONDS,
    say: Callable[[str], None] | None = None,
) -> int:
    """Run `children` until one exits or a stop signal comes; then stop them all.

    Returns 0 after a stop signal, otherwise the exit status of the child that
    ended first (1 if it ended with status 0: a server or worker is not meant to
    end by itself). Must run in the main thread (it handles SIGINT and SIGTERM).
    """
    report = say or _say
    previous = {
        signum: signal.signal(signum, _raise_stop) for signum in (signal.SIGINT, signal.SIGTERM)
    }
    status = 0
    try:
        try:
            for child in children:
                child.start()
                report(f"started {child.name} (pid {child.process.pid if child.process else '-'})")
            while True:
                ended = next((child for child in children if not child.running()), None)
                if ended is not None:
                    code = ended.process.returncode if ended.process else 1
                    report(f"{ended.name} exited with status {code}: stopping the others")
                    status = code or 1
                    break
                time.sleep(POLL_SECONDS)
        except _Stop:
            report("stopping")
        _stop_all(children, grace)
    finally:
        # A second Ctrl-C while stopping kills rather than waits.
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return status


def _stop_all(children: Sequence[Child], grace: float) -> None:
    """SIGTERM to every running child's group, then SIGKILL past `grace` seconds.

    Every group is signalled again at the end: a grandchild (the autoreloader's
    server) may outlive the child that started it."""
    try:
        for child in children:
            if child.running():
                child.signal_group(signal.SIGTERM)
        deadline = time.monotonic() + grace
        for child in children:
            if child.process is None:
                continue
            try:
                child.process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.signal_group(signal.SIGKILL)
                child.process.wait()
    except _Stop:
        for child in children:
            child.signal_group(signal.SIGKILL)
            if child.process is not None:
                child.process.wait()
    for child in children:
        child.signal_group(signal.SIGKILL)


def _say(message: str) -> None:
    print(f"[supervisor] {message}", file=sys.stderr, flush=True)  # noqa: T201 - a console tool


def default_children(address: str) -> list[Child]:
    """Django's development server and the database backend's task worker."""
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    return [
        Child("web server", [*manage, "runserver", address]),
        Child("task worker", [*manage, "db_worker", "--interval", "1"]),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("address", nargs="?", default="127.0.0.1:8000")
    parser.add_argument("--web", help="the web server's command instead of runserver")
    parser.add_argument("--worker", help="the worker's command instead of db_worker")
    parser.add_argument("--grace", type=float, default=GRACE_SECONDS)
    options = parser.parse_args(argv)
    web, worker = default_children(options.address)
    if options.web:
        web.command = shlex.split(options.web)
    if options.worker:
        worker.command = shlex.split(options.worker)
    return supervise([web, worker], grace=options.grace)


if __name__ == "__main__":
    sys.exit(main())
