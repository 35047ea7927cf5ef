"""The survey's template tags: whether the header links to it."""

from typing import Any

from django import template

from survey import schedule

register = template.Library()

# Pages that may read the schedule from the database when the cache is cold.
QUERYING_PAGES = frozenset({"directory:home"})


@register.simple_tag(takes_context=True)
def survey_is_open(context: Any) -> bool:
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    view = match.view_name if match is not None else ""
    may_query = view in QUERYING_PAGES or view.startswith("survey:")
    return schedule.any_open(may_query=may_query)
