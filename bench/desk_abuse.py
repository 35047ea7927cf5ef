"""Phase 5 of the desk's benchmark (`bench/desk.py`): the portal's own rate limits
over two app processes, wrong tracking tokens, and POSTs without a CSRF token."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from typing import Any

from bench.desk_clients import (
    ASK,
    DOMAIN,
    Browser,
    form_data,
)
from bench.desk_common import (
    BARE,
    SETTINGS,
    Checks,
    clear_counters,
)
from bench.servers import (
    free_port,
    gthread_workers,
    start_gunicorn,
)


def abuse_phase(
    checks: Checks,
    database_url: str,
    env: dict[str, str],
    processes: list[subprocess.Popen[bytes]],
    tracking: list[str],
    sector: int,
    topic: str,
) -> None:
    from django.conf import settings
    from django.db import connection
    from django.urls import URLPattern, URLResolver, get_resolver

    clear_counters()
    connection.close()
    proxied = {**env, "DJANGO_BEHIND_PROXY": "true"}
    ports = [free_port(), free_port()]
    for port in ports:
        processes.append(
            start_gunicorn(
                database_url, port, gthread_workers(), settings_module=SETTINGS,
                ready_path=BARE, extra_env=proxied,
            )
        )  # fmt: skip
    print(
        f"\nAbuse: two gunicorns on 127.0.0.1:{ports[0]} and :{ports[1]}, the portal's own "
        f"rate limits {settings.RATE_LIMITS.get('enquiry_submit', '(no enquiry_submit scope)')}, "
        "counters in the shared database table; requests alternate between the two"
    )

    def paced(send: Callable[[int], int], count: int = 50, seconds: float = 5.0) -> list[int]:
        statuses = []
        start = time.monotonic()
        for n in range(count):
            statuses.append(send(n))
            pause = start + (n + 1) * seconds / count - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        return statuses

    def first_refusal(statuses: list[int]) -> tuple[str, int | None]:
        refused = statuses.count(429)
        at = statuses.index(429) + 1 if 429 in statuses else None
        other = sum(1 for status in statuses if status not in (302, 429, 404))
        return (
            f"{refused} of {len(statuses)} refused, first at #{at}"
            + (f", {other} other statuses" if other else "")
        ), at

    def well_before(at: int | None) -> bool:
        return at is not None and at <= 25

    one_address = Browser(ports, "198.51.100.7")
    one_address.open_form()
    statuses = paced(
        lambda n: one_address.submit(form_data(sector, topic, f"abuse-address-{n}@{DOMAIN}", n))[0]
    )
    text, at = first_refusal(statuses)
    checks.add(
        "50 submissions in 5 s from one address", "429 well before #50", text, well_before(at)
    )

    def to_one_recipient(n: int) -> int:
        browser = Browser(ports, f"203.0.113.{n + 1}")
        browser.turn = n
        browser.open_form()
        status = browser.submit(form_data(sector, topic, f"victim@{DOMAIN}", n))[0]
        browser.close()
        return status

    statuses = paced(to_one_recipient)
    text, at = first_refusal(statuses)
    checks.add(
        "50 submissions in 5 s to one email address", "429 well before #50", text, well_before(at)
    )

    guesser = Browser(ports, "198.51.100.9")

    def wrong_token(n: int) -> int:
        reference = tracking[n % len(tracking)].rstrip("/").split("/")[-2]
        return guesser.request("GET", f"/it/contact-point/enquiries/{reference}/{'x' * 43}/")[0]

    statuses = paced(wrong_token)
    text, at = first_refusal(statuses)
    checks.add("50 wrong tracking tokens from one address", "429 before #50", text, at is not None)
    status = guesser.request("GET", tracking[0])[0]
    checks.add("then the right token from that address", "429", str(status), status == 429)

    # CSRF: a POST without the token is refused on every submission path.
    refused: list[str] = []
    bare_client = Browser(ports, "198.51.100.11")
    status = bare_client.submit(form_data(sector, topic, f"csrf@{DOMAIN}", 0))[0]
    refused.append(f"ask without cookie {status}")
    cookie_only = Browser(ports, "198.51.100.12")
    cookie_only.open_form()
    status = cookie_only.request(
        "POST", ASK, form_data(sector, topic, f"csrf@{DOMAIN}", 0), csrf=False
    )[0]
    refused.append(f"ask without token {status}")
    reader = Browser(ports, "198.51.100.13")
    reader.request("GET", tracking[1])
    status = reader.request("POST", tracking[1], {"text": "Grazie."}, csrf=False)[0]
    refused.append(f"tracking reply without token {status}")
    all_403 = all(item.endswith(" 403") for item in refused)

    exempt: list[str] = []

    def walk(patterns: list[Any], prefix: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern) and getattr(
                pattern.callback, "csrf_exempt", False
            ):
                exempt.append(prefix + str(pattern.pattern))

    walk(get_resolver().url_patterns, "/")
    desk_exempt = [path for path in exempt if "contact-point" in path or "contactpoint" in path]
    # The alerts' one-click unsubscribe is exempt by design: mail clients POST it
    # without a token (RFC 8058), the signed link being the proof. It submits
    # nothing anyone typed; it is named here rather than passed over.
    one_click = [path for path in desk_exempt if "alerts/unsubscribe/" in path]
    submission_exempt = [path for path in desk_exempt if path not in one_click]
    checks.add(
        "POST without CSRF token",
        "403 on every path; no desk submission view csrf_exempt",
        "; ".join(refused)
        + f"; csrf_exempt submission views: {len(submission_exempt)}"
        + f" (one-click unsubscribe, RFC 8058: {len(one_click)})",
        all_403 and not submission_exempt,
    )
    for browser in (one_address, guesser, bare_client, cookie_only, reader):
        browser.close()
