"""WSGI entry point, used by gunicorn: `gunicorn creativecities.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativecities.settings")

application = get_wsgi_application()
