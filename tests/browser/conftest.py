"""Browser tests: Playwright driving Debian's Chromium against the live server.

Every page a test visits goes through `visit`, which also runs axe-core on it
and fails on any serious or critical accessibility violation.
"""

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.staticfiles import handlers as staticfiles_handlers

from tests.conftest import restore_reference_rows

ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests share the live server's database, so they commit for real."""
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.fixture(autouse=True)
def _restore_reference_data(migrated_rows: str, transactional_db: None) -> None:
    """Each browser test ends with a flush of every table (as every test that
    commits does); the rows the migrations made are loaded back after it
    (tests/conftest.py), and here too in case the flush came from elsewhere, so
    that every test sees the database `migrate` makes."""
    restore_reference_rows(migrated_rows)


@pytest.fixture(autouse=True)
def _fresh_rate_limits(transactional_db: None) -> Iterator[None]:
    """The flush after a browser test leaves the rate limits' counter table (a
    cache, not a model) alone: empty it, so that no test inherits counts."""
    from django.core.cache import caches

    yield
    caches["limits"].clear()


class PassThroughStaticHandler:
    """Let whitenoise, as in production, serve the collected, hashed files."""

    def __init__(self, application: Any) -> None:
        self.application = application

    def __call__(self, environ: Any, start_response: Any) -> Any:
        return self.application(environ, start_response)


@pytest.fixture(scope="session", autouse=True)
def _serve_static_with_whitenoise() -> Iterator[None]:
    original = staticfiles_handlers.StaticFilesHandler
    staticfiles_handlers.StaticFilesHandler = PassThroughStaticHandler  # type: ignore[misc,assignment]
    yield
    staticfiles_handlers.StaticFilesHandler = original  # type: ignore[misc]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Chromium is missing: `make chromium` installs it (apt-get install chromium).")
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }


def assert_accessible(page: Any) -> None:
    """Run axe-core on the page as it is now, under the page's own CSP."""
    page.evaluate(AXE_SOURCE.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    problems = [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
    assert not problems, f"axe on {page.url}:\n{json.dumps(problems, indent=2)}"


@pytest.fixture
def visit(page: Any, live_server: Any) -> Callable[..., Any]:
    """Open a path of the live server, check it loaded styled and accessible."""

    def _visit(path: str, *, status: int = 200) -> Any:
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == status, page.url
        check(page)
        return response

    return _visit


def check(page: Any) -> None:
    """What every visited page must satisfy: styles loaded, axe clean.

    A click on a link returns once the new page's address is committed, before
    its stylesheets are in: wait for the page to finish loading first.
    """
    page.wait_for_load_state("load")
    assert_styled(page)
    assert_accessible(page)


def assert_styled(page: Any) -> None:
    """Bootstrap Italia and its fonts loaded: an unstyled page would pass anything else."""
    stylesheet_ok = page.evaluate(
        "() => [...document.styleSheets].some(s => (s.href || '').includes('bootstrap-italia'))"
        " && getComputedStyle(document.body).fontFamily.includes('Titillium')"
    )
    assert stylesheet_ok, f"Bootstrap Italia did not load on {page.url}"
