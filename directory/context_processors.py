"""Values every template of the portal may show."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from creativecities.panels.workplaces import menu_workplaces


def portal(request: HttpRequest) -> dict[str, Any]:
    return {
        "desk_email": settings.DESK_EMAIL,
        # The footer's institutional details and its link to the accessibility statement.
        "institution": settings.INSTITUTION,
        "accessibility_statement_url": settings.ACCESSIBILITY_STATEMENT_URL,
        # Read only by the header's account menu, for logged-in people.
        "workplaces": SimpleLazyObject(lambda: menu_workplaces(request.user)),  # type: ignore[arg-type]
    }
