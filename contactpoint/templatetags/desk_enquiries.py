"""The desk's public service figures, for whichever page shows them."""

from typing import Any

from django import template

from contactpoint import figures

register = template.Library()


@register.simple_tag
def service_figures() -> dict[str, Any]:
    """Enquiries received and median times, month by month (cached briefly)."""
    return figures.service_figures()
