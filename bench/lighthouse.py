"""Lighthouse scores of the public pages: `make lighthouse` (or `bench/lighthouse.py`).

Issue 22 asks for performance 95 or more on mobile and accessibility 100 on every
public page. The same server as `bench/page_weight.py` (gunicorn with the
portal's production settings on 127.0.0.1, the checkout's database with the demo
data); Lighthouse from the project's npm packages (`package.json`), in its
default mobile mode (a mid-range phone, simulated slow 4G), driving Debian's
Chromium headless (`CHROME_PATH`), the map tiles' host blocked. It prints each
page's four scores and the audits that cost accessibility points, and exits with
1 if a page scores under 95 in performance or 100 in accessibility.

Options: `--all` (every page kind `page_weight.py` opens; by default the home,
the directory list, a profile, the calls, a guide, the plan, the survey results
and the search), `--page LABEL` (repeatable).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.page_weight import MISSING_PATH, chromium, portal, prepare  # noqa: E402
from bench.servers import stop_on_sigterm  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
DEFAULT_PAGES = (
    "home",
    "directory list",
    "profile",
    "calls",
    "guide",
    "plan",
    "survey results",
    "search",
)
ATTEMPTS = 3
TARGETS = {"performance": 95, "accessibility": 100}


def scores(report: dict[str, Any]) -> dict[str, int]:
    """Each category's score out of 100 (-1 where Lighthouse gave none)."""
    found = {}
    for name in CATEGORIES:
        score = report.get("categories", {}).get(name, {}).get("score")
        found[name] = -1 if score is None else round(score * 100)
    return found


def failed_audits(report: dict[str, Any], category: str) -> list[str]:
    """The audits of `category` that cost points, each with the elements it names."""
    audits = report.get("audits", {})
    lines = []
    for ref in report.get("categories", {}).get(category, {}).get("auditRefs", []):
        audit = audits.get(ref["id"], {})
        if ref.get("weight", 0) and audit.get("score") is not None and audit["score"] < 1:
            items = audit.get("details", {}).get("items", [])
            nodes = [str(item.get("node", {}).get("snippet", ""))[:90] for item in items[:3]]
            lines.append(f"{ref['id']}: {audit.get('title', '')}")
            lines.extend(f"    {node}" for node in nodes if node)
    return lines


METRICS = (
    ("first-contentful-paint", "FCP"),
    ("largest-contentful-paint", "LCP"),
    ("total-blocking-time", "TBT"),
    ("cumulative-layout-shift", "CLS"),
    ("speed-index", "SI"),
)


def metrics(report: dict[str, Any]) -> str:
    """The performance score's measures, as Lighthouse shows them."""
    audits = report.get("audits", {})
    return ", ".join(
        f"{short} {audits.get(name, {}).get('displayValue', '?')}" for name, short in METRICS
    )


def misses(label: str, found: dict[str, int]) -> list[str]:
    return [
        f"{label}: {name} {found[name]} (at least {target})"
        for name, target in TARGETS.items()
        if found[name] < target
    ]


def run(url: str, blocked: frozenset[str]) -> dict[str, Any]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        *(f"--blocked-url-patterns=*://{host}/*" for host in sorted(blocked)),
    ]
    env = {**os.environ, "CHROME_PATH": chromium()}
    # Headless Chromium now and then records no trace of the load (NO_NAVSTART):
    # a run is tried again, up to three times.
    for _attempt in range(ATTEMPTS):
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=300, check=False
        )
        if done.returncode == 0 and done.stdout.strip():
            report: dict[str, Any] = json.loads(done.stdout)
            return report
    raise RuntimeError(f"Lighthouse failed on {url}: {done.stderr.strip()[-800:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="every public page kind")
    parser.add_argument("--page", action="append", default=[], help="a page's label")
    options = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: `npm ci` installs it (package.json).")
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    database_url, site = prepare()
    wanted = set(options.page) or (None if options.all else set(DEFAULT_PAGES))
    # Lighthouse audits only a page that answers 200: the 404 page is weighed
    # (`page_weight.py`), not scored.
    pages = [
        (label, path)
        for label, path in site.pages
        if (wanted is None or label in wanted) and path != MISSING_PATH
    ]
    version = subprocess.run(
        [str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    width = max(len(label) for label, _path in pages)
    found_misses: list[str] = []
    with portal(database_url) as port:
        print(
            f"Lighthouse {version}, mobile, Chromium headless; gunicorn on 127.0.0.1:{port} "
            f"(production settings); {', '.join(sorted(site.blocked))} blocked\n"
        )
        print(f"{'page':<{width}}  " + "  ".join(f"{name:>14}" for name in CATEGORIES))
        details = []
        for label, path in pages:
            report = run(f"http://127.0.0.1:{port}{path}", site.blocked)
            found = scores(report)
            print(f"{label:<{width}}  " + "  ".join(f"{found[n]:>14}" for n in CATEGORIES))
            found_misses.extend(misses(label, found))
            details.append(f"{label}, performance: {metrics(report)}")
            for category in ("accessibility", "best-practices", "seo"):
                lost = failed_audits(report, category)
                if lost:
                    details.append(f"{label}, {category}:")
                    details.extend(f"  {line}" for line in lost)
    for line in details:
        print(line)
    for miss in found_misses:
        print(f"MISS {miss}")
    return 1 if found_misses else 0


if __name__ == "__main__":
    sys.exit(main())
