"""Environment of the test run, set before Django reads its settings.

Loaded as a pytest plugin (`-p tests.testenv` in pyproject) because pytest-django
reads the settings before any conftest runs. Reading the settings starts
nothing, so the run starts the checkout's embedded PostgreSQL itself (unless
DATABASE_URL names another server), once the run is configured: later than this
module, so that coverage, started in between, sees the project's modules load.
The live server answers over plain HTTP, so the HTTPS-only defaults of production
are turned off here and only here; mail stays in memory, background tasks run at
once and the caches (pages included) are the process's own, whatever the shell running the tests
has set. The key signs only test data.
"""

import os

import pytest

os.environ.update(
    {
        "DJANGO_SECRET_KEY": "test-run-key-signing-nothing-outside-the-tests-0123456789",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DJANGO_TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "DJANGO_CACHE_BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "DJANGO_PAGE_CACHE": "true",
        "DJANGO_PAGE_CACHE_URL": "",
    }
)
os.environ.pop("REDIS_URL", None)
# Playwright's sync API runs an event loop in the main thread; Django's ORM
# would refuse to run beside it in the browser tests without this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config: pytest.Config) -> None:
    from creativecities import local_data

    local_data.prepare()
