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

`--jinja` compares the engines on the directory's list: the page as the
portal renders it (Django's templates) and as `bench/jinja/` does (Jinja2's
port, same view context), in `--rounds` alternating rounds of `--requests`
requests each (which engine goes first alternates too); for each, the median
over the rounds of each round's median CPU per request, for the whole page and
for its templates alone (the outermost template's `render`, the form widgets'
own templates included).
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
    parser.add_argument("--jinja", action="store_true")
    parser.add_argument("--rounds", type=int, default=10)
    options = parser.parse_args()
    if options.sizes:
        return sizes(options.sizes, options.requests)
    if options.jinja:
        return engines(options.count, options.requests, options.rounds, options.anonymous)

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


JINJA_PAGES = {
    "Django templates": "/it/directory/",
    "Jinja2 templates": "/it/bench/jinja/directory/",
}


class TemplateClock:
    """The CPU time spent inside the outermost `render` of a template of either
    engine (templates a template renders, such as a form's widgets, inside it)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.depth = 0

    def wrap(self, render: Callable[..., str]) -> Callable[..., str]:
        def timed(*args: object, **kwargs: object) -> str:
            if self.depth:
                return render(*args, **kwargs)
            self.depth += 1
            started = time.process_time()
            try:
                return render(*args, **kwargs)
            finally:
                self.seconds += time.process_time() - started
                self.depth -= 1

        return timed


def engines(count: int, requests: int, rounds: int, anonymous: bool) -> int:
    """The list page by Django's templates and by Jinja2's port, side by side."""
    setup("directory", count, reload=False)
    from django.template.backends import django as django_backend
    from django.template.backends import jinja2 as jinja2_backend

    clock = TemplateClock()
    for backend in (django_backend, jinja2_backend):
        backend.Template.render = clock.wrap(backend.Template.render)  # type: ignore[method-assign]
    for line in hardware():
        print(line)
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1") if anonymous else member_client()
    for path in JINJA_PAGES.values():  # templates compiled, connection open, fragments cached
        for _ in range(20):
            client.get(path)  # type: ignore[attr-defined]
    page: dict[str, list[float]] = {name: [] for name in JINJA_PAGES}
    template: dict[str, list[float]] = {name: [] for name in JINJA_PAGES}
    weight: dict[str, int] = {}
    for number in range(rounds):
        order = list(JINJA_PAGES.items())
        for name, path in order if number % 2 == 0 else reversed(order):
            cpu, rendering = [], []
            for _ in range(requests):
                clock.seconds = 0.0
                started = time.process_time()
                response = client.get(path)  # type: ignore[attr-defined]
                cpu.append(time.process_time() - started)
                rendering.append(clock.seconds)
                if response.status_code != 200:
                    raise SystemExit(f"{path} answered {response.status_code}")
                weight[name] = len(response.content)
            page[name].append(statistics.median(cpu) * 1000)
            template[name].append(statistics.median(rendering) * 1000)
    who = "anonymous" if anonymous else "a logged-in member"
    print(
        f"\nThe directory's list, first page, as {who}, fragment caches warm: {rounds} "
        f"alternating rounds of {requests} requests an engine; median of the rounds' "
        "median CPU per request of this process (milliseconds)"
    )
    print(
        f"{'engine':<18} {'page':>7} {'templates':>10} {'the rest':>9} {'KiB':>6}   rounds (page)"
    )
    figures = {}
    for name in JINJA_PAGES:
        whole, rendering = statistics.median(page[name]), statistics.median(template[name])
        figures[name] = (whole, rendering)
        rounds_text = " ".join(f"{value:.2f}" for value in page[name])
        print(
            f"{name:<18} {whole:7.2f} {rendering:10.2f} {whole - rendering:9.2f} "
            f"{weight[name] / 1024:6.1f}   {rounds_text}"
        )
    (django_page, django_templates), (jinja_page, jinja_templates) = figures.values()
    # Each round's two engines ran back to back: their difference is the least noisy figure.
    django_rounds, jinja_rounds = page.values()
    paired = statistics.median(d - j for d, j in zip(django_rounds, jinja_rounds, strict=True))
    print(
        f"Jinja2 saves {django_page - jinja_page:.2f} ms of the page's {django_page:.2f} ms "
        f"({(django_page - jinja_page) / django_page:.0%}); its templates take "
        f"{jinja_templates:.2f} ms where Django's take {django_templates:.2f} ms "
        f"({(django_templates - jinja_templates) / django_templates:.0%} less); "
        f"median of the rounds' differences {paired:.2f} ms ({paired / django_page:.0%})"
    )
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
