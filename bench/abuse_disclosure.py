"""The abuse replay's disclosure probe (`bench/abuse.py`, step 5): the demo
survey's public results page read as an outsider, every hidden figure solved for."""

from __future__ import annotations

import io
from dataclasses import dataclass

from bench.abuse_client import Browser


@dataclass
class Disclosure:
    path: str
    status: int = 0
    tables: int = 0
    hidden: int = 0
    pinned_small: int = 0
    pinned_hidden: int = 0

    def lines(self) -> list[str]:
        return [
            f"disclosure: {self.path} answered {self.status}; {self.tables} tables, "
            f"{self.hidden} hidden figures solved for",
            f'  pinned to one value: {self.pinned_small} reading "fewer than 5" (must be 0), '
            f'{self.pinned_hidden} reading "hidden" (each at least 5: no disclosure)',
        ]


def seed_survey() -> str:
    """The demo data; the public results page of its published survey."""
    from django.core.management import call_command

    from survey.models import Campaign

    call_command("load_demo_data", "--force", stdout=io.StringIO())
    campaign = Campaign.objects.published_results().order_by("-closes_at").first()
    if campaign is None:
        raise RuntimeError("the demo data published no survey results")
    return f"/it/survey/{campaign.slug}/results/"


def disclosure_probe(port: int, path: str) -> Disclosure:
    from survey import reading

    found = Disclosure(path)
    found.status, html = Browser(port, "198.51.100.200").read(path)
    if found.status != 200:
        return found
    solved = reading.solve(html, not_stated="Non indicata")
    found.tables = len(solved.tables)
    found.hidden = len(solved.intervals)
    found.pinned_small = len(solved.pinned("small"))
    found.pinned_hidden = len(solved.pinned("hidden"))
    return found
