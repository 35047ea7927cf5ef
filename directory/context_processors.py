"""Values every template of the portal may show."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def portal(request: HttpRequest) -> dict[str, Any]:
    return {"desk_email": settings.DESK_EMAIL}
