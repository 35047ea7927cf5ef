"""The desk benchmark's clients (`bench/desk.py`): the ask form's data, a Python
client with its own cookies and CSRF token per thread (for the phases that read
each submitter's reference), and wrk POSTing the form (for throughput: a Python
client would spend on two cores a good part of the CPU it measures)."""

from __future__ import annotations

import http.client
import re
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from bench.client import Result
from bench.saturate import WrkResult, run_script

CLIENTS = 4
REFERENCE = re.compile(r"CC-\d{4}-\d{6,12}")
ASK = "/it/contact-point/ask/"
DOMAIN = "bench.example"
WRK_SUBMIT = Path(__file__).resolve().parent / "wrk_submit.lua"


def form_data(sector: int, topic: str, email: str, n: int) -> dict[str, str]:
    return {
        "topic": topic,
        "sector": str(sector),
        "subject": f"Apertura di uno studio di design a Genova ({n})",
        "message": (
            "Vorremmo aprire uno studio di design a Genova e capire quali incentivi, "
            "spazi e procedure ci riguardano. Grazie."
        ),
        "name": "Giulia Rossi",
        "email": email,
        "phone": "",
        "language": "it",
        "privacy": "on",
        "website": "",
    }


class Browser:
    """One client: kept-alive connection per port, its own cookies and CSRF token,
    and the address the reverse proxy would have seen (when one is in front)."""

    def __init__(self, ports: list[int], address: str = "") -> None:
        self.ports, self.address = ports, address
        self.cookies: dict[str, str] = {}
        self._connections: dict[int, http.client.HTTPConnection] = {}
        self.turn = 0

    def close(self) -> None:
        for connection in self._connections.values():
            connection.close()
        self._connections.clear()

    def request(
        self,
        method: str,
        path: str,
        data: dict[str, str] | None = None,
        *,
        port: int | None = None,
        csrf: bool = True,
    ) -> tuple[int, dict[str, str], bytes]:
        if port is None:
            port = self.ports[self.turn % len(self.ports)]
            self.turn += 1
        headers = {"Accept-Language": "it"}
        if self.address:
            headers["X-Forwarded-For"] = self.address
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            if csrf:
                data = {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            connection = self._connections.get(port)
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                self._connections[port] = connection
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                content = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A kept-alive connection the server closed: once more on a new one.
                connection.close()
                del self._connections[port]
                if attempt == 2:
                    raise
        answer = {name.lower(): value for name, value in response.getheaders()}
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key.strip()] = rest.split(";", 1)[0]
        return response.status, answer, content

    def open_form(self) -> None:
        status, _headers, _body = self.request("GET", ASK)
        if status != 200 or "csrftoken" not in self.cookies:
            raise RuntimeError(f"the ask form answered {status} without a CSRF cookie")

    def submit(self, data: dict[str, str], *, follow: bool = False) -> tuple[int, str]:
        """POST the form; with `follow`, read the reference on the confirmation page."""
        status, headers, _body = self.request("POST", ASK, data)
        reference = ""
        if follow and status == 302:
            location = headers.get("location", "")
            sent_status, _headers, page = self.request("GET", location)
            found = REFERENCE.search(page.decode("utf-8", "replace"))
            if sent_status == 200 and found:
                reference = found.group(0)
        return status, reference


def submit_concurrently(
    ports: list[int],
    make_data: Callable[[int, int], dict[str, str]],
    *,
    clients: int,
    seconds: float | None = None,
    each: int | None = None,
    warmup: float = 0.0,
    follow: bool = False,
) -> tuple[Result, list[tuple[int, str]]]:
    """`clients` threads submitting, for `seconds` (after `warmup`) or `each`
    submissions per client. Latency is the POST's alone. Returns the measured
    result and every (status, reference) answered."""
    start = time.perf_counter()
    measured_from = start + warmup
    end = measured_from + seconds if seconds is not None else float("inf")
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    answers: list[list[tuple[int, str]]] = [[] for _ in range(clients)]

    def client(index: int) -> None:
        browser = Browser(ports)
        browser.open_form()
        n = 0
        try:
            while True:
                if each is not None and n >= each:
                    return
                sent = time.perf_counter()
                if sent >= end:
                    return
                status, reference = browser.submit(make_data(index, n), follow=follow)
                done = time.perf_counter()
                n += 1
                answers[index].append((status, reference))
                if sent >= measured_from and done <= end:
                    latencies[index].append(done - sent)
                    if status != 302:
                        errors[index] += 1
        finally:
            browser.close()

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    merged = [latency for per_client in latencies for latency in per_client]
    span = seconds if seconds is not None else elapsed
    result = Result(requests=len(merged), errors=sum(errors), seconds=span, latencies=merged)
    return result, [answer for per_client in answers for answer in per_client]


def submit_with_wrk(port: int, sector: int, topic: str, seconds: float) -> WrkResult:
    """`CLIENTS` clients from wrk POSTing the ask form for `seconds`, after a
    second's warm-up, each enquiry with its own subject and email address. The
    CSRF cookie and token are read once from the form page, as a browser would.

    Each POST comes on a connection of its own, as behind the reverse proxy of
    the top README (nginx opens one to the app server per request), so that
    whichever worker is free takes it. Kept-alive connections would stay with
    the worker that accepted them: on gthread workers, four connections land on
    four workers only about one time in ten, and two or three sharing a worker
    share its one interpreter lock too (100 to 177 a second in alternated
    rounds); sync workers close every connection anyway."""
    browser = Browser([port])
    try:
        browser.open_form()
    finally:
        browser.close()
    token = browser.cookies["csrftoken"]
    data = form_data(sector, topic, f"load-{{n}}@{DOMAIN}", 0)
    data["subject"] = "Apertura di uno studio di design a Genova ({n})"
    body = urlencode(data).replace("%7Bn%7D", "{n}")
    with tempfile.NamedTemporaryFile("w", suffix=".form", encoding="utf-8") as form:
        form.write(body)
        form.flush()
        arguments = [token, form.name]
        run_script(port, ASK, WRK_SUBMIT, arguments, connections=CLIENTS, seconds=1)
        return run_script(port, ASK, WRK_SUBMIT, arguments, connections=CLIENTS, seconds=seconds)
