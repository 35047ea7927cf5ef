"""The plan's public pages in the page cache (`creativecities.pagecache`).
They read only published versions (`actionplan.published`), so a plan's pages
change when a version is published, not while the partners draft; the
benchmark changes with its values. Called once from
`actionplan/plugs.py`."""

from __future__ import annotations

from creativecities import pagecache
from directory.page_cache import PARTNERS, SECTORS

PLAN = "plan"
BENCHMARK = "benchmark"


def register() -> None:
    from actionplan.models import BenchmarkIndicator, BenchmarkValue, Plan, PlanVersion

    pagecache.watch(Plan, PLAN)
    pagecache.watch(PlanVersion, PLAN)
    pagecache.watch(BenchmarkIndicator, BENCHMARK)
    pagecache.watch(BenchmarkValue, BENCHMARK)
    plan = (PLAN, SECTORS)
    pagecache.cache_views(
        {
            "actionplan:plans": plan,
            "actionplan:plan": plan,
            "actionplan:print": plan,
            "actionplan:versions": plan,
            "actionplan:version": plan,
            "actionplan:version_print": plan,
            "actionplan:changes": plan,
            # Not an action's page: its form to follow the action holds a
            # CSRF token, which is each visitor's own.
            "actionplan:benchmark": (BENCHMARK, PARTNERS),
            "actionplan:benchmark_report": (BENCHMARK, PARTNERS),
            # The sector pages' panel of the plan's actions.
            "directory:sector": (PLAN,),
            # The home page's newest actions of the published plan.
            "directory:home": (PLAN,),
        }
    )
