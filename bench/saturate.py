"""The saturated phase's load generator: Debian's `wrk`, driven through `wrk.lua`.

At 16 connections on two cores a Python client spends more CPU per request than
the bare view it measures, and the bare figure would be the client's ceiling
rather than the portal's: every share of it would look better than it is. wrk
(C, an event loop per thread) costs a few microseconds per request.

The results come from the script's own `benchresult` line, not from wrk's
summary (whose units change with the magnitudes: "812.45us", "1.20ms", "2.3k").
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "wrk.lua"
THREADS = 2
TIMEOUT = 30
RESULT_LINE = re.compile(r"^benchresult((?: \w+=\d+)+)\s*$", re.MULTILINE)
FIELDS = (
    "requests", "duration_us", "connect", "read", "write", "status", "timeout",
    "p50_us", "p95_us", "p99_us", "max_us",
)  # fmt: skip


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    p50: float
    p95: float
    p99: float
    #: Responses with a status of 400 or more (wrk's own rule), then socket
    #: errors and requests that had no answer within the timeout.
    status_errors: int
    socket_errors: int
    timeouts: int
    #: Further counts a script adds to its line (`not_redirected=`).
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        return self.status_errors + self.socket_errors + self.timeouts


def wrk_path() -> str | None:
    return shutil.which("wrk")


def wrk_version() -> str:
    """wrk's first line of `-v` ("wrk 4.1.0 [epoll] ..."); it exits 1 after it."""
    path = wrk_path()
    if path is None:
        return "wrk missing"
    done = subprocess.run([path, "-v"], capture_output=True, text=True, timeout=10, check=False)
    lines = (done.stdout + done.stderr).strip().splitlines()
    return lines[0].split(" Copyright")[0] if lines else "wrk (version unknown)"


def parse(output: str) -> WrkResult:
    """Read the `benchresult` line; any other line of wrk's output is ignored."""
    match = RESULT_LINE.search(output)
    if match is None:
        raise RuntimeError(f"wrk printed no result line:\n{output.strip()}")
    values = dict(pair.split("=") for pair in match.group(1).split())
    missing = [field for field in FIELDS if field not in values]
    if missing:
        raise RuntimeError(f"wrk's result line lacks {', '.join(missing)}: {match.group(0)}")
    number = {key: int(value) for key, value in values.items()}
    return WrkResult(
        requests=number["requests"],
        seconds=number["duration_us"] / 1e6,
        p50=number["p50_us"] / 1e6,
        p95=number["p95_us"] / 1e6,
        p99=number["p99_us"] / 1e6,
        status_errors=number["status"],
        socket_errors=number["connect"] + number["read"] + number["write"],
        timeouts=number["timeout"],
        extra={key: value for key, value in number.items() if key not in FIELDS},
    )


def run_wrk(port: int, paths: list[str], *, connections: int, seconds: float) -> WrkResult:
    """Send `paths` in turn over `connections` kept-alive connections for `seconds`.

    Only 127.0.0.1 is ever a target. The run is bounded twice: wrk's own duration
    and per-request timeout, and a hard limit on the process past both.
    """
    with tempfile.NamedTemporaryFile("w", suffix=".paths", encoding="utf-8") as listing:
        listing.write("".join(f"{item}\n" for item in paths))
        listing.flush()
        return run_script(
            port, paths[0], SCRIPT, [listing.name], connections=connections, seconds=seconds
        )


def run_script(
    port: int, path: str, script: Path, args: list[str], *, connections: int, seconds: float
) -> WrkResult:
    """Run wrk with `script` (given `args`) against `path` on 127.0.0.1:`port`."""
    executable = wrk_path()
    if executable is None:
        raise RuntimeError("wrk is missing: `make wrk` installs it (Debian's package).")
    command = [
        executable, f"-t{min(THREADS, connections)}", f"-c{connections}",
        f"-d{max(1, round(seconds))}s", "--latency", f"--timeout={TIMEOUT}s",
        "-H", "Accept-Language: it", "-s", str(script),
        f"http://127.0.0.1:{port}{path}", "--", *args,
    ]  # fmt: skip
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + TIMEOUT + 30, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"wrk exited with {done.returncode}:\n{done.stdout}{done.stderr}")
    return parse(done.stdout)
