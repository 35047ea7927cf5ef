"""The portal's settings for the desk's benchmark (`bench/desk.py`).

Every value comes from `creativecities.settings`, so from the environment
variables production uses; the root URLs add the bare view, and two things are
the benchmark's own:

- it serves only its own database, `creativecities_desk_bench`;
- with `BENCH_DESK_RAISED_LIMITS=true` every rate of `RATE_LIMITS` becomes a
  million an hour. The throughput phases set it (4 clients on one address send
  hundreds of enquiries a second, which the real limits refuse after ten); the
  abuse phase runs without it, on the portal's own limits. `bench/desk.py` says
  in its output which phases ran with raised limits.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from creativecities import settings as portal

globals().update({name: value for name, value in vars(portal).items() if name.isupper()})

ROOT_URLCONF = "bench.urls"
DESK_BENCH_DATABASE = "creativecities_desk_bench"

if portal.DATABASES["default"]["NAME"] != DESK_BENCH_DATABASE:
    raise ImproperlyConfigured(f"The desk's benchmark runs only on {DESK_BENCH_DATABASE}.")

RAISED = "1000000/h"
if os.environ.get("BENCH_DESK_RAISED_LIMITS", "").lower() == "true":
    RATE_LIMITS = {
        scope: dict.fromkeys(rates, RAISED) for scope, rates in portal.RATE_LIMITS.items()
    }
