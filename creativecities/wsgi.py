"""WSGI entry point, used by gunicorn: `gunicorn creativecities.wsgi`."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativecities.settings")

application = get_wsgi_application()

# What is loaded now (Django, the apps, the URL patterns) lives as long as the
# process. Frozen, it is left out of the garbage collector's full passes, which
# otherwise walk all of it every few hundred requests: a pause of a fifth of a
# second on a small server, which the request that triggers it waits out.
get_resolver().url_patterns  # noqa: B018 - loaded before freezing, not on the first request
gc.collect()
gc.freeze()

# A page makes many short-lived objects (template output, querysets, form
# copies). At Python's default a young collection runs each time 700 more have
# been made than freed; at 50,000, rarely more than once a page, for a few
# megabytes more per process (the top README, "Production").
gc.set_threshold(50_000, 20, 100)
