"""A small load client: a few threads, each sending one request at a time for a
fixed time, measuring latency from the first byte sent to the last byte read."""

from __future__ import annotations

import http.client
import statistics
import threading
import time
from dataclasses import dataclass


@dataclass
class Result:
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]

    @property
    def p50(self) -> float:
        return self.percentile(0.50)

    @property
    def p95(self) -> float:
        return self.percentile(0.95)

    @property
    def mean(self) -> float:
        return statistics.fmean(self.latencies) if self.latencies else float("nan")


def fetch(port: int, path: str, language: str = "it") -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept-Language": language})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def measure(
    port: int, paths: list[str], *, clients: int = 2, seconds: float = 5.0, warmup: float = 1.0
) -> Result:
    """Send `paths` in turn from `clients` threads for `warmup + seconds`; count the
    requests completed in the last `seconds` only."""
    start = time.perf_counter()
    measured_from = start + warmup
    end = measured_from + seconds
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients

    def client(index: int) -> None:
        turn = index
        while True:
            sent = time.perf_counter()
            if sent >= end:
                return
            status, _body = fetch(port, paths[turn % len(paths)])
            done = time.perf_counter()
            turn += clients
            if sent >= measured_from and done <= end:
                latencies[index].append(done - sent)
                if status != 200:
                    errors[index] += 1

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    merged = [latency for per_client in latencies for latency in per_client]
    return Result(requests=len(merged), errors=sum(errors), seconds=seconds, latencies=merged)
