"""Page weight of the public pages: `make page-weight` (or `.venv/bin/python bench/page_weight.py`).

Issue 22's budget: every public page's first load, with an empty cache and the
production settings, at most 200 KB and 15 requests, logos and map tiles aside,
and its HTML compressed.

1. Reads, from the checkout's own database (load the demo data first: `make
   demo`), one address of each public page kind: the first published
   organisation, call, guide, premises, plan and action, sector, survey with
   published results, a word for the site search.
2. Starts gunicorn on 127.0.0.1 (a free port) with the portal's production
   settings (DEBUG off; no HTTPS redirect, secure cookies or HSTS, as there is no
   TLS), two sync workers.
3. Opens each page in Debian's Chromium (Playwright) in a fresh browser context,
   so with an empty cache, the map tiles' host blocked, and counts from the
   DevTools protocol every request and the bytes it took on the wire
   (`encodedDataLength`: headers and compressed body), setting aside the files
   under the media URL (logos, uploads).
4. Prints a table (page, requests, KB, the HTML's compressed KB, whether it was
   compressed) and exits with 1 if a page goes past a limit or its HTML came
   uncompressed, naming the page and the limit.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.servers import (  # noqa: E402
    free_port,
    server_environment,
    server_url,
    start_gunicorn,
    stop,
    stop_on_sigterm,
)

MAX_BYTES = 200 * 1024
MAX_REQUESTS = 15
MISSING_PATH = "/it/page-weight-missing/"
WORKERS = ["--worker-class", "sync", "--workers", "2"]


@dataclass
class Weight:
    """What one page's first load took: every request but the set-aside ones."""

    label: str
    path: str
    status: int = 0
    requests: int = 0
    bytes: int = 0
    html_bytes: int = 0
    html_encoding: str = ""
    set_aside: int = 0
    failed: list[str] = field(default_factory=list)
    # Each counted request's path and bytes, in the order they finished.
    files: list[tuple[str, int]] = field(default_factory=list)

    @property
    def compressed(self) -> bool:
        return self.html_encoding in {"gzip", "br", "zstd", "deflate"}


def problems(weight: Weight) -> list[str]:
    """Why the page misses the budget (empty when it keeps it)."""
    found = []
    if weight.requests > MAX_REQUESTS:
        found.append(f"{weight.requests} requests (at most {MAX_REQUESTS})")
    if weight.bytes > MAX_BYTES:
        past = weight.bytes - MAX_BYTES
        found.append(f"{kilobytes(weight.bytes)} KB, {past:,} bytes past {kilobytes(MAX_BYTES)} KB")
    if not weight.compressed:
        found.append("HTML not compressed")
    if weight.failed:
        found.append(f"{len(weight.failed)} requests failed: {', '.join(weight.failed[:3])}")
    return [f"{weight.label}: {problem}" for problem in found]


def kilobytes(size: int) -> str:
    return f"{size / 1024:.1f}"


def table(weights: list[Weight]) -> list[str]:
    """The figures, one line a page, the set-aside requests (media) in brackets."""
    width = max([len("page"), *(len(weight.label) for weight in weights)])
    lines = [
        f"{'page':<{width}}  {'status':>6}  {'requests':>8}  {'KB':>7}  {'HTML KB':>7}  "
        f"{'HTML compressed':<15}  {'media aside':>11}"
    ]
    for weight in weights:
        encoding = weight.html_encoding if weight.compressed else "NO"
        lines.append(
            f"{weight.label:<{width}}  {weight.status:>6}  {weight.requests:>8}  "
            f"{kilobytes(weight.bytes):>7}  {kilobytes(weight.html_bytes):>7}  "
            f"{encoding:<15}  {weight.set_aside:>11}"
        )
    return lines


# --- The pages ----------------------------------------------------------------------


def page_paths() -> list[tuple[str, str]]:
    """One address of each public page kind, from the data in the database."""
    from django.urls import reverse
    from django.utils import translation

    from actionplan import published
    from actionplan.models import Plan, PlanVersion
    from contactpoint.models import FundingCall, Guide, Premises
    from directory.models import Organisation, Sector
    from survey.models import Campaign

    def first(queryset: Any, kind: str) -> Any:
        found = queryset.first()
        if found is None:
            raise SystemExit(f"No {kind} in the database: load the demo data (`make demo`).")
        return found

    with translation.override("it"):
        organisation = first(Organisation.objects.published().order_by("pk"), "organisation")
        sector = first(Sector.objects.order_by("pk"), "sector")
        call = first(FundingCall.objects.published().order_by("pk"), "published call")
        guide = first(Guide.objects.published().order_by("pk"), "published guide")
        premises = first(Premises.objects.published().order_by("pk"), "published premises")
        version = first(
            PlanVersion.objects.filter(plan__in=Plan.objects.public())
            .select_related("plan")
            .order_by("plan_id", "-number"),
            "published plan",
        )
        plan = published.read(version)
        action = next((a for theme in plan.themes for a in theme.actions), None)
        if action is None:
            raise SystemExit("The first published plan has no action.")
        campaign = first(
            Campaign.objects.filter(results_status=Campaign.ResultsStatus.PUBLISHED).order_by("pk"),
            "survey with published results",
        )
        word = organisation.name.split()[0]
        slug = version.plan.slug
        return [
            ("home", reverse("directory:home")),
            ("directory list", reverse("directory:list")),
            ("profile", organisation.get_absolute_url()),
            ("map", reverse("directory:map")),
            ("sectors", reverse("directory:sectors")),
            ("sector", sector.get_absolute_url()),
            ("cluster figures", reverse("directory:cluster")),
            ("partners", reverse("directory:partners")),
            ("desk home", reverse("contactpoint:home")),
            ("calls", reverse("contactpoint:calls")),
            ("call", call.get_absolute_url()),
            ("guides", reverse("contactpoint:guides")),
            ("guide", guide.get_absolute_url()),
            ("premises", reverse("contactpoint:premises")),
            ("one premises", premises.get_absolute_url()),
            ("plan", reverse("actionplan:plan", kwargs={"slug": slug})),
            ("action", reverse("actionplan:action", kwargs={"slug": slug, "action_id": action.id})),
            ("benchmarking", reverse("actionplan:benchmark")),
            ("survey", reverse("survey:list")),
            ("survey results", reverse("survey_results:public", kwargs={"slug": campaign.slug})),
            ("search", f"{reverse('search')}?q={word}"),
            ("legal notes", reverse("directory:legal")),
            ("privacy", reverse("directory:privacy")),
            ("accessibility", reverse("directory:accessibility")),
            ("site map", reverse("directory:site_map")),
            ("register", reverse("directory:register")),
            ("login", reverse("login")),
            ("404", MISSING_PATH),
        ]


# --- The measurement ----------------------------------------------------------------


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise SystemExit("Chromium is missing: `make chromium` installs it.")
    return found


def measure(
    browser: Any, url: str, label: str, blocked: frozenset[str], aside: tuple[str, ...]
) -> Weight:
    """One page's first load in a fresh context (an empty cache)."""
    path = urlsplit(url)._replace(scheme="", netloc="").geturl()
    weight = Weight(label, path)
    context = browser.new_context()
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setBlockedURLs", {"urls": [f"*://{host}/*" for host in sorted(blocked)]})
        urls: dict[str, str] = {}
        document: dict[str, str] = {}

        def sent(event: dict[str, Any]) -> None:
            url = event["request"]["url"]
            if not url.startswith(("http://", "https://")):
                return
            if urlsplit(url).hostname in blocked:
                return
            if urlsplit(url).path.startswith(aside):
                weight.set_aside += 1
                return
            if event["requestId"] not in urls or "redirectResponse" in event:
                weight.requests += 1
            urls[event["requestId"]] = url
            if event.get("type") == "Document" and not document:
                document["id"] = event["requestId"]

        def received(event: dict[str, Any]) -> None:
            if event["requestId"] == document.get("id"):
                headers = {k.lower(): v for k, v in event["response"]["headers"].items()}
                weight.html_encoding = headers.get("content-encoding", "")
                weight.status = int(event["response"]["status"])

        def finished(event: dict[str, Any]) -> None:
            if event["requestId"] in urls:
                size = int(event["encodedDataLength"])
                weight.bytes += size
                weight.files.append((urlsplit(urls[event["requestId"]]).path, size))
                if event["requestId"] == document.get("id"):
                    weight.html_bytes = size

        def failed(event: dict[str, Any]) -> None:
            if event["requestId"] in urls and not event.get("canceled"):
                weight.failed.append(urlsplit(urls[event["requestId"]]).path)

        cdp.on("Network.requestWillBeSent", sent)
        cdp.on("Network.responseReceived", received)
        cdp.on("Network.loadingFinished", finished)
        cdp.on("Network.loadingFailed", failed)
        page.goto(url, wait_until="networkidle")
    finally:
        context.close()
    return weight


@dataclass(frozen=True)
class Site:
    """The pages to open, and what their loads set aside."""

    pages: list[tuple[str, str]]
    blocked: frozenset[str]
    media: str


def prepare() -> tuple[str, Site]:
    """Django on the checkout's database: its URL and the pages to open."""
    database_url = server_url()
    os.environ.update(server_environment(database_url, "creativecities.settings", {}))
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    pages = page_paths()
    connection.close()
    tiles = urlsplit(settings.MAP_TILES_URL).hostname
    blocked = frozenset({"tile.openstreetmap.org", *([tiles] if tiles else [])})
    media = settings.MEDIA_URL if settings.MEDIA_URL.startswith("/") else "/media/"
    return database_url, Site(pages, blocked, media)


@contextmanager
def portal(database_url: str) -> Iterator[int]:
    """gunicorn with the portal's production settings on a free port (its number)."""
    port = free_port()
    gunicorn = start_gunicorn(
        database_url,
        port,
        WORKERS,
        settings_module="creativecities.settings",
        ready_path="/healthz",
        extra_env={
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            # The 404 page would be logged as a warning.
            "DJANGO_LOG_LEVEL": "ERROR",
        },
    )
    try:
        yield port
    finally:
        stop(gunicorn)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--files", action="store_true", help="list each page's requests and their bytes"
    )
    options = parser.parse_args()
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    database_url, site = prepare()
    aside = (site.media,)

    from playwright.sync_api import sync_playwright

    with portal(database_url) as port:
        print(
            f"gunicorn on 127.0.0.1:{port} (production settings, {WORKERS[-1]} sync workers); "
            f"Chromium, a fresh context per page; {', '.join(sorted(site.blocked))} blocked; "
            f"{site.media} set aside\n"
        )
        weights = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium(), args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            try:
                for label, path in site.pages:
                    url = f"http://127.0.0.1:{port}{path}"
                    weights.append(measure(browser, url, label, site.blocked, aside))
            finally:
                browser.close()
    for line in table(weights):
        print(line)
    if options.files:
        for weight in weights:
            print(f"\n{weight.label} ({weight.path})")
            for path, size in weight.files:
                print(f"  {kilobytes(size):>7} KB  {path[:100]}")
    misses = [problem for weight in weights for problem in problems(weight)]
    print(f"\nLimits: {MAX_REQUESTS} requests, {kilobytes(MAX_BYTES)} KB a page, HTML compressed.")
    for miss in misses:
        print(f"MISS {miss}")
    if not misses:
        print("Every page keeps the budget.")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
