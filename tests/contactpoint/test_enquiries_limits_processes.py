"""The ask form's rate limit holds across app processes.

Two gunicorn servers, each its own process with its own memory, serve the test
database; one client sends its enquiries to each in turn. The limit per client
address counts in the shared `limits` cache (the database table), so the
submission past the configured limit is refused with 429 whichever server
receives it, although neither server has seen more than half of them.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest
from django.core.cache import caches
from django.db import connection

from contactpoint.models import Enquiry, Topic
from creativecities import local_data
from creativecities.limits.ratelimit import scope_rates
from tests.directory.factories import SectorFactory

ROOT = Path(__file__).resolve().parent.parent.parent
START_LIMIT = 8.0
ASK = "/it/contact-point/ask/"


def desk_free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def desk_database_url() -> str:
    """The test database on the server the run uses, as the servers' settings read it."""
    server = os.environ.get("DATABASE_URL") or local_data.database_url()
    parts = urlsplit(server)
    return urlunsplit(parts._replace(path=f"/{connection.settings_dict['NAME']}"))


def desk_request(
    port: int, method: str, path: str, cookies: dict[str, str], data: dict[str, str] | None = None
) -> int:
    """One request; keeps the cookies the server sets."""
    headers = {"Accept-Language": "it"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{key}={value}" for key, value in cookies.items())
    body = None
    if data is not None:
        body = urlencode({**data, "csrfmiddlewaretoken": cookies.get("csrftoken", "")})
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                cookies[key.strip()] = rest.split(";", 1)[0]
        return response.status
    finally:
        conn.close()


def desk_wait_until_serving(process: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + START_LIMIT
    while time.monotonic() < deadline:
        assert process.poll() is None, "gunicorn exited before serving"
        try:
            if desk_request(port, "GET", "/healthz", {}) == HTTPStatus.OK:
                return
        except OSError:
            pass
        time.sleep(0.1)  # polling a starting server, not waiting for a result
    raise AssertionError(
        f"gunicorn on port {port} did not serve {desk_database_url()} within {START_LIMIT} s"
    )


@pytest.fixture
def desk_two_servers(transactional_db: None) -> Iterator[list[int]]:
    """Two gunicorn processes on free ports, serving the test database."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "creativecities.settings",
        "DATABASE_URL": desk_database_url(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_LOG_LEVEL": "CRITICAL",
    }
    ports = [desk_free_port(), desk_free_port()]
    servers = [
        subprocess.Popen(  # noqa: S603 - this interpreter, the portal's own server
            [
                sys.executable,
                "-m",
                "gunicorn",
                "creativecities.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--log-level",
                "critical",
                "--no-control-socket",
            ],  # fmt: skip
            cwd=ROOT,
            env=environment,
        )
        for port in ports
    ]
    try:
        for server, port in zip(servers, ports, strict=True):
            desk_wait_until_serving(server, port)
        yield ports
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        caches["limits"].clear()  # this test commits; the next starts afresh


@pytest.mark.django_db(transaction=True)
def test_the_address_limit_holds_across_two_server_processes(
    desk_two_servers: list[int],
) -> None:
    sector = SectorFactory.create(slug="design-limits", name_it="Design", name_en="Design")
    allowed = min(rate.count for rate in scope_rates("enquiry_submit")["address"])
    cookies: dict[str, str] = {}
    assert desk_request(desk_two_servers[0], "GET", ASK, cookies) == HTTPStatus.OK

    answers: list[tuple[int, int]] = []
    for n in range(allowed + 2):
        port = desk_two_servers[n % 2]
        data = {
            "topic": str(Topic.values[0]),
            "sector": str(sector.pk),
            "subject": f"Uno studio a Genova ({n})",
            "message": "Quali incentivi ci sono per aprire uno studio di design?",
            "name": "Giulia Parodi",
            # A new recipient each time: only the address limit is reached.
            "email": f"giulia-{n}@example.org",
            "language": "it",
            "privacy": "on",
        }
        answers.append((port, desk_request(port, "POST", ASK, cookies, data)))

    statuses = [status for _port, status in answers]
    assert statuses == [HTTPStatus.FOUND] * allowed + [HTTPStatus.TOO_MANY_REQUESTS] * 2
    # Each server accepted some and refused one: neither counted alone.
    for port in desk_two_servers:
        mine = [status for where, status in answers if where == port]
        assert HTTPStatus.FOUND in mine and HTTPStatus.TOO_MANY_REQUESTS in mine
        assert mine.count(HTTPStatus.FOUND) < allowed
    assert Enquiry.objects.count() == allowed
