"""The portal's settings for the benchmark's gunicorn, with a bare view mounted.

Every value comes from `creativecities.settings` (and so from the same
environment variables production uses); only the root URLs differ.
"""

from django.core.exceptions import ImproperlyConfigured

from creativecities import settings as portal

globals().update({name: value for name, value in vars(portal).items() if name.isupper()})

ROOT_URLCONF = "bench.urls"

# The benchmark loads and serves its own database, never a real one.
if portal.DATABASES["default"]["NAME"] != "creativecities_bench":
    raise ImproperlyConfigured("The benchmark runs only on the creativecities_bench database.")
