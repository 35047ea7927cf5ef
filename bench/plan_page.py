"""The public plan page at 50 actions and 200 indicators: `make bench-plan`.

Builds a plan (5 themes of 10 actions, 4 indicators per action with 3 updates
each) in the checkout's database inside a transaction that is rolled back at
the end, so nothing stays behind; publishes it; then asks for the plan page
N times in-process with Django's test client (the whole middleware stack, no
network) and prints its SQL queries, the time of the process's first request,
the median time of the version's first rendering (the cache emptied, in a
process that served the page before: target 100 ms), the median and 90th
percentile time once the rendering is kept, and its share of the bare "hello"
view measured the same way in the same run: the fraction of the bare view's
throughput the page keeps on one core.

Options: --requests N (per page, default 60), --actions N, --indicators N.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativecities.settings")
os.environ.setdefault("CREATIVECITIES_LOCAL", "true")
# Rendering is what is measured: the page cache would answer every request after the first.
os.environ["DJANGO_PAGE_CACHE"] = "false"

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from actionplan.models import (  # noqa: E402
    Action,
    Indicator,
    IndicatorUpdate,
    PartnerMember,
    PartnerRole,
    Plan,
    Theme,
)
from actionplan.services.plans import plan_publish  # noqa: E402
from actionplan.views.public import read_version  # noqa: E402
from directory.models import Partner, User  # noqa: E402

THEMES = 5
FIRST_RENDERINGS = 5
FIRST_TARGET_MS = 100


class Rollback(Exception):
    """Raised to leave the transaction: the plan built here never stays."""


def build(actions: int, indicators: int) -> tuple[Plan, User]:
    import datetime

    partners = list(Partner.objects.all()[:5])
    coordinator = User.objects.create(email="bench-coordinator@bench.example", is_active=True)
    PartnerMember.objects.create(
        user=coordinator, partner=partners[0], role=PartnerRole.EDITOR, is_coordinator=True
    )
    plan = Plan.objects.create(
        slug="bench-plan",
        title="Piano di prova",
        title_it="Piano di prova",
        title_en="Benchmark plan",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2028, 12, 31),
    )
    themes = Theme.objects.bulk_create(
        Theme(plan=plan, title=f"Tema {n}", title_it=f"Tema {n}", title_en=f"Theme {n}", order=n)
        for n in range(THEMES)
    )
    made = Action.objects.bulk_create(
        Action(
            theme=themes[n % THEMES],
            title=f"Action {n}: creative district services",
            description="What the partners will do, in a few sentences. " * 4,
            objectives="Why they do it.",
            lead_partner=partners[n % len(partners)],
            starts_on=datetime.date(2026, 1, 1),
            ends_on=datetime.date(2027, 12, 31),
            budget_estimate=Decimal(25000),
            order=n,
        )
        for n in range(actions)
    )
    made_indicators = Indicator.objects.bulk_create(
        Indicator(
            action=made[n % actions],
            name=f"Indicator {n}",
            unit="businesses",
            baseline=Decimal(10),
            target=Decimal(100),
            target_date=datetime.date(2027, 12, 31),
        )
        for n in range(indicators)
    )
    IndicatorUpdate.objects.bulk_create(
        IndicatorUpdate(
            indicator=indicator,
            value=Decimal(10 + 10 * k + n % 7),
            measured_on=datetime.date(2026, 3 * k + 1, 28),
            note="Measured by the partner.",
        )
        for n, indicator in enumerate(made_indicators)
        for k in range(3)
    )
    return plan, coordinator


def timed(client: Client, path: str, requests: int) -> list[float]:
    client.get(path, secure=True)  # warm: templates compiled, caches filled
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(path, secure=True)
        times.append(time.perf_counter() - start)
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code} {response.get('Location', '')}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--actions", type=int, default=50)
    parser.add_argument("--indicators", type=int, default=200)
    args = parser.parse_args()
    client = Client(HTTP_HOST="localhost")
    try:
        with transaction.atomic():
            started = time.perf_counter()
            plan, coordinator = build(args.actions, args.indicators)
            plan_publish(plan=plan, by=coordinator)
            built = time.perf_counter() - started
            path = f"/en/action-plan/{plan.slug}/"
            statements: list[str] = []

            def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
                statements.append(sql)
                return execute(sql, params, many, context)

            with connection.execute_wrapper(count):
                cold_start = time.perf_counter()
                response = client.get(path, secure=True)
                cold = time.perf_counter() - cold_start
            size = len(response.content)
            # A version's first rendering in a process that has served the page
            # before (templates compiled): the version read and rendered anew.
            first, first_cpu = [], []
            for _ in range(FIRST_RENDERINGS):
                cache.clear()
                read_version.cache_clear()
                start, start_cpu = time.perf_counter(), time.process_time()
                client.get(path, secure=True)
                first.append(time.perf_counter() - start)
                first_cpu.append(time.process_time() - start_cpu)
            page = timed(client, path, args.requests)
            with override_settings(ROOT_URLCONF="bench.urls"):
                bare = timed(client, "/bench/hello", args.requests)
            raise Rollback
    except Rollback:
        pass
    median, bare_median = statistics.median(page), statistics.median(bare)
    p90 = statistics.quantiles(page, n=10)[-1]
    first_median = statistics.median(first)
    verdict = "met" if first_median * 1000 <= FIRST_TARGET_MS else "MISSED"
    print(
        f"Plan page, {args.actions} actions, {args.indicators} indicators "
        f"({args.indicators * 3} updates); built and published in {built:.1f} s; "
        f"load average {', '.join(f'{value:.2f}' for value in os.getloadavg())}\n"
        f"  SQL queries: {len(statements)}\n"
        f"  first request of the process (templates compiled): {cold * 1000:.0f} ms\n"
        f"  first rendering of the version, median of {FIRST_RENDERINGS}: "
        f"{first_median * 1000:.0f} ms ({statistics.median(first_cpu) * 1000:.0f} ms of CPU; "
        f"target <= {FIRST_TARGET_MS} ms: {verdict})\n"
        f"  HTML: {size / 1024:.0f} KiB\n"
        f"  then (rendering kept): median {median * 1000:.1f} ms, p90 {p90 * 1000:.1f} ms "
        f"over {args.requests} in-process requests\n"
        f"  bare view: median {bare_median * 1000:.2f} ms; the plan page keeps "
        f"{100 * bare_median / median:.1f}% of its throughput"
    )


if __name__ == "__main__":
    main()
