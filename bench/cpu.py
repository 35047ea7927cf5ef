"""Per-request CPU of the pages that no page cache serves, in process:
`make bench-cpu` (or `.venv/bin/python bench/cpu.py`).

Each page is asked `--requests` times through Django's test client (the whole
middleware stack, production settings, no network) by a logged-in member, and
the app's own CPU time per request (`time.process_time`, the database's not
included), its wall time and its SQL queries are printed, with the bare view's
for scale. The fragment caches are either warm (the steady state of a busy
server: each page asked once before measuring) or, with `--cold`, cleared
before every request.

Two sets of pages:
- `directory` (the default): the list, its deepest page, the three searches and
  the profiles, on the benchmark's database (`creativecities_bench`), loaded
  with `--count N` organisations first unless it holds some already
  (`--reload` loads it again).
- `demo`: the desk's lists (calls, premises, guides) and the plan's public
  pages, on the checkout's own database with the demo data (`make demo`).

`--profile NAME` prints the functions that took the most time on the page whose
name contains NAME (cProfile, the same requests).

`--sizes 10000 100000 1000000` loads the benchmark's database with each count
in turn and prints, for each page, its wall time (the database's work
included) and its CPU time at each size: what does not stay flat as the
directory grows.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import COMMON_WORD, RARE_WORD, TENTH_WORD  # noqa: E402
from bench.servers import (  # noqa: E402
    create_database,
    hardware,
    server_environment,
    server_url,
)

BENCH_DATABASE = "creativecities_bench"
MEMBER_EMAIL = "bench-member@bench.creativecities.example"


def load_organisations(count: int) -> None:
    from bench.load import load

    print(f"Loading {count:,} organisations")
    for step, seconds in load(count).items():
        print(f"  {step:<34} {seconds:7.1f} s")


def setup(set_name: str, count: int, reload: bool) -> None:
    """Point the settings at the right database (loaded if needed) and start Django."""
    server = server_url()
    if set_name == "directory":
        database_url = create_database(server, BENCH_DATABASE)
        settings_module = "bench.settings"
    else:
        database_url, settings_module = server, "creativecities.settings"
    os.environ.update(server_environment(database_url, settings_module, {}))
    os.environ["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1,testserver"
    # Rendering is what is measured: the page cache would answer every request after the first.
    os.environ["DJANGO_PAGE_CACHE"] = "false"
    import django

    django.setup()
    if set_name != "directory":
        return
    from django.core.management import call_command

    from directory.models import Organisation

    call_command("migrate", verbosity=0)
    if reload or not Organisation.objects.exists():
        load_organisations(count)


def directory_pages() -> dict[str, list[str]]:
    from directory.models import Organisation

    published = Organisation.objects.published()
    slugs = list(published.order_by("?").values_list("slug", flat=True)[:200])
    random.Random(4).shuffle(slugs)
    return {
        "list, first page": ["/it/directory/"],
        "list, deepest page (50)": ["/it/directory/?page=50"],
        f"search rare word '{RARE_WORD}'": [f"/it/directory/?q={RARE_WORD}"],
        f"search ~10% word '{TENTH_WORD}'": [f"/it/directory/?q={TENTH_WORD}"],
        f"search common word '{COMMON_WORD}'": [f"/it/directory/?q={COMMON_WORD}"],
        "profile (200 in turn)": [f"/it/directory/{slug}/" for slug in slugs],
    }


def demo_pages() -> dict[str, list[str]]:
    from django.urls import reverse
    from django.utils.translation import override

    with override("it"):
        return {
            "calls list": [reverse("contactpoint:calls")],
            "premises list": [reverse("contactpoint:premises")],
            "guides list": [reverse("contactpoint:guides")],
        }


def member_client() -> object:
    from django.test import Client

    from directory.models import User

    user, _created = User.objects.get_or_create(email=MEMBER_EMAIL, defaults={"is_active": True})
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def measure(
    get: Callable[[str], object], paths: list[str], requests: int, cold: bool
) -> tuple[float, float, float, int, int]:
    """Median CPU ms, median wall ms, mean CPU ms, queries of the last request, bytes."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cpu, wall = [], []
    queries = size = 0
    for number in range(requests):
        path = paths[number % len(paths)]
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            started_cpu, started = time.process_time(), time.perf_counter()
            response = get(path)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        status = response.status_code  # type: ignore[attr-defined]
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        queries, size = len(captured), len(response.content)  # type: ignore[attr-defined]
    return (
        statistics.median(cpu) * 1000,
        statistics.median(wall) * 1000,
        statistics.fmean(cpu) * 1000,
        queries,
        size,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", nargs="?", choices=["directory", "demo"], default="directory")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--reload", action="store_true")
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--anonymous", action="store_true")
    parser.add_argument("--profile", default="")
    parser.add_argument("--profile-lines", type=int, default=40)
    parser.add_argument("--sizes", type=int, nargs="*", default=[])
    options = parser.parse_args()
    if options.sizes:
        return sizes(options.sizes, options.requests)

    setup(options.set, options.count, options.reload)
    from django.test import Client
    from django.test.utils import override_settings

    for line in hardware():
        print(line)
    pages = directory_pages() if options.set == "directory" else demo_pages()
    client = Client(HTTP_HOST="127.0.0.1") if options.anonymous else member_client()

    def get(path: str) -> object:
        return client.get(path)  # type: ignore[attr-defined]

    who = "anonymous" if options.anonymous else "a logged-in member"
    caches = "cleared before each request" if options.cold else "warm"
    print(
        f"\n{options.requests} requests a page as {who}, fragment caches {caches}; "
        f"CPU of this process only (milliseconds)"
    )
    print(f"{'page':<34} {'CPU p50':>8} {'CPU mean':>9} {'wall p50':>9} {'queries':>8} {'KiB':>6}")
    with override_settings(ROOT_URLCONF="bench.urls"):
        for _ in range(20):
            get("/bench/hello")
        cpu, wall, mean, queries, size = measure(get, ["/bench/hello"], options.requests, False)
    print(f"{'bare view':<34} {cpu:8.2f} {mean:9.2f} {wall:9.2f} {queries:8} {size / 1024:6.1f}")
    for name, paths in pages.items():
        for path in paths:  # templates compiled, connection open, fragments cached
            get(path)
        profiled = options.profile and options.profile in name
        profiler = cProfile.Profile(time.process_time) if profiled else None
        if profiler:
            profiler.enable()
        cpu, wall, mean, queries, size = measure(get, paths, options.requests, options.cold)
        if profiler:
            profiler.disable()
        print(f"{name:<34} {cpu:8.2f} {mean:9.2f} {wall:9.2f} {queries:8} {size / 1024:6.1f}")
        if profiler:
            stats = pstats.Stats(profiler, stream=sys.stdout)
            stats.sort_stats("tottime").print_stats(options.profile_lines)
            stats.sort_stats("cumulative").print_stats(options.profile_lines)
    return 0


def sizes(counts: list[int], requests: int) -> int:
    """Every directory page at each count of organisations, side by side."""
    setup("directory", counts[0], reload=False)
    from django.core.cache import cache

    for line in hardware():
        print(line)
    table: dict[str, dict[int, tuple[float, float, int]]] = {}
    for count in counts:
        load_organisations(count)
        cache.clear()
        client = member_client()

        def get(path: str, client: object = client) -> object:
            return client.get(path)  # type: ignore[attr-defined]

        for name, paths in directory_pages().items():
            for path in paths:
                get(path)
            cpu, wall, _mean, queries, _size = measure(get, paths, requests, False)
            table.setdefault(name, {})[count] = (wall, cpu, queries)
    print(
        f"\n{requests} requests a page as a logged-in member, fragment caches warm: "
        "median wall time (the database's work included) / CPU of this process, ms"
    )
    print(f"{'page':<34} " + " ".join(f"{f'{count:,}':>18}" for count in counts))
    for name, by_count in table.items():
        cells = " ".join(f"{wall:8.2f} / {cpu:6.2f}  " for wall, cpu, _queries in by_count.values())
        print(f"{name:<34} {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
