"""The portal's settings for the benchmark's gunicorn, with a bare view and the
naive directory mounted.

Every value comes from `creativecities.settings` (and so from the same
environment variables production uses); only the root URLs and the naive
pages' templates are added.
"""

import copy
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from creativecities import settings as portal

globals().update({name: value for name, value in vars(portal).items() if name.isupper()})

ROOT_URLCONF = "bench.urls"
TEMPLATES = copy.deepcopy(portal.TEMPLATES)
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], Path(__file__).parent / "naive" / "templates"]

# The benchmark loads and serves its own database, never a real one.
if portal.DATABASES["default"]["NAME"] != "creativecities_bench":
    raise ImproperlyConfigured("The benchmark runs only on the creativecities_bench database.")
