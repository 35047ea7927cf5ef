"""The Jinja2 environment of the bench's templates (`bench/settings.py` adds the
engine beside Django's): Django's gettext through Jinja2's i18n extension, and
as globals and filters the tags and filters of the portal's templates that the
list page uses, calling the same Python the Django tags call."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from contactpoint.services.desk import desk_contacts
from creativecities import formatting, navigation
from creativecities.fragments import fragment_key, prefetched
from directory.templatetags import portal
from survey.templatetags.survey import survey_is_open


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """`{% url %}`."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


@pass_context
def querystring(context: Context, **changes: Any) -> str:
    """Django's `{% querystring %}`: the request's query with `changes` applied
    (a None value removes its key)."""
    query = context["request"].GET
    params = query.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        elif isinstance(value, Iterable) and not isinstance(value, str):
            params.setlist(key, value)
        else:
            params[key] = value
    if not params and not query:
        return ""
    return f"?{params.urlencode()}"


@pass_context
def fragment(
    context: Context, timeout: int, name: str, *vary_on: Any, caller: Callable[[], str]
) -> Markup:
    """`{% call fragment(60, "name", var...) %}...{% endcall %}`: the portal's
    `{% fragment %}` (`directory.templatetags.portal`), same keys, same cache:
    the fragments the view read at once first, the body rendered on a miss."""
    key = fragment_key(name, *vary_on)
    found = prefetched(context.get("request"))
    value: str | None = found[key] if key in found else cache.get(key)
    if value is None:
        value = str(caller())
        cache.set(key, value, timeout)
        if found:
            found[key] = mark_safe(value)  # noqa: S308 (rendered by a template)
    return Markup(value)  # noqa: S704 (rendered by a template, or read back from the cache)


@pass_context
def language_links(context: Context) -> list[dict[str, Any]]:
    return portal.language_links(context)  # type: ignore[arg-type]


@pass_context
def current_view_name(context: Context) -> str:
    return portal.current_view_name(context)  # type: ignore[arg-type]


@pass_context
def survey_open(context: Context) -> bool:
    return survey_is_open(context)


def number(value: Any, decimals: int | None = None) -> str:
    return formatting.number(value, decimals)


def environment(**options: Any) -> Environment:
    # Django's backend asks for autoescaping too: the templates rely on it.
    options.pop("autoescape", None)
    env = Environment(
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        **options,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translation.gettext,
        translation.ngettext,
        newstyle=True,
        pgettext=translation.pgettext,
        npgettext=translation.npgettext,
    )
    env.globals.update(
        {
            "url": url,
            "static": static,
            "querystring": querystring,
            "fragment": fragment,
            "language_links": language_links,
            "current_view_name": current_view_name,
            "main_menu": navigation.main_menu,
            "trail": navigation.trail,
            "desk_contacts": desk_contacts,
            "survey_is_open": survey_open,
        }
    )
    env.filters.update(
        {
            "number": number,
            "widget": portal.widget,
            "is_check": portal.is_check,
            "is_check_group": portal.is_check_group,
        }
    )
    return env
