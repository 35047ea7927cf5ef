"""The directory's list page rendered by Jinja2 instead of Django's template
engine, to measure what the engine costs (issue 24): an experiment of the
benchmark, not the product. `environment.py` sets Jinja2 up with the portal's
helpers, `templates/` ports every template the list page renders, `views.py`
serves the page at /it/bench/jinja/directory/ from the same view context."""

from pathlib import Path
from typing import Any


def engine(context_processors: list[str]) -> dict[str, Any]:
    """The TEMPLATES entry of the Jinja2 engine, named `jinja2`, beside Django's
    (whose `context_processors` it is given, so both pages see the same values)."""
    return {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "NAME": "jinja2",
        "DIRS": [Path(__file__).parent / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "bench.jinja.environment.environment",
            "context_processors": context_processors,
        },
    }
