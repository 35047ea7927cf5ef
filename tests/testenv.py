"""Environment of the test run, set before Django reads its settings.

Loaded as a pytest plugin (`-p tests.testenv` in pyproject) because pytest-django
reads the settings before any conftest runs. The live server answers over plain
HTTP, so the HTTPS-only defaults of production are turned off here and only here.
"""

import os

os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "false")
os.environ.setdefault("DJANGO_HSTS_SECONDS", "0")
os.environ.setdefault("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
# Playwright's sync API runs an event loop in the main thread; Django's ORM
# would refuse to run beside it in the browser tests without this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
