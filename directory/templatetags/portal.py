"""Template helpers shared by every page of the portal."""

from collections.abc import Iterable
from typing import Any

from django import template
from django.conf import settings
from django.core.cache import cache
from django.forms import BaseForm, BoundField
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, get_language_info, gettext_lazy

from creativecities import navigation
from creativecities.fragments import fragment_key, prefetched

register = template.Library()


def local_path(path: str) -> bool:
    """Whether a browser would stay on this site following `path` as a link.

    A request's path is whatever the visitor typed: `//evil.example/x`,
    `/\\evil.example` or `///evil.example` are valid paths (of a page that does
    not exist) that a browser reads as another host.
    """
    return path.startswith("/") and url_has_allowed_host_and_scheme(path, allowed_hosts=None)


@register.simple_tag(takes_context=True)
def language_links(context: dict[str, Any]) -> list[dict[str, Any]]:
    """The current page in each language, for a switcher that needs no script.

    The view that answered is asked for its address in each language (from the
    request's own match, so nothing is resolved again) and the query string is
    added back, so a visitor who switches language stays where they are. Where
    that cannot be done (a page that does not exist, an address that is the
    same in every language), the link leads to the home page of the language; a
    path that is not plainly local, such as that of a 404 page asked for as
    `//another.host/`, is never echoed.
    """
    request = context.get("request")
    path = request.get_full_path() if request is not None else "/"
    match = getattr(request, "resolver_match", None)
    _path, mark, query = path.partition("?")
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = ""
            if match is not None and local_path(path):
                try:
                    url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
                except NoReverseMatch:
                    url = ""
                url = f"{url}{mark}{query}" if url else ""
            if not local_path(url) or (url == path and code != current):
                url = reverse("directory:home")
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def current_view_name(context: dict[str, Any]) -> str:
    """The name of the view serving the page (`"directory:home"`), or "" for
    an address no view answers: which item of the navigation is current."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    return match.view_name if match is not None else ""


@register.simple_tag
def main_menu(view_name: str) -> list[navigation.MenuItem]:
    """The main menu's sections for the page of `view_name`, its own marked."""
    return navigation.main_menu(view_name)


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(place: str, *tail: Any) -> dict[str, Any]:
    """The page's trail from the site's structure: `{% breadcrumbs "contactpoint:premises"
    premises.title %}` (see `creativecities.navigation.trail`)."""
    return {"crumbs": navigation.trail(place, *tail)}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs_here(context: dict[str, Any], label: Any) -> dict[str, Any]:
    """The trail of a page whose template several views share: the places above
    the view that answered, then `label`."""
    return {"crumbs": navigation.trail_here(current_view_name(context), label)}


CHECK_INPUTS = {"checkbox", "radio"}


@register.filter
def is_check(field: BoundField) -> bool:
    return getattr(field.field.widget, "input_type", None) in CHECK_INPUTS and not getattr(
        field.field.widget, "allow_multiple_selected", False
    )


@register.filter
def widget(field: BoundField) -> str:
    """Render a field's widget with the design system's classes and ARIA links.

    Errors and help are tied to the input with `aria-describedby` so that a
    screen reader announces them with the field.
    """
    attrs: dict[str, Any] = {}
    css = ["form-check-input" if is_check(field) else "form-control"]
    if getattr(field.field.widget, "input_type", None) == "select" or hasattr(
        field.field.widget, "choices"
    ):
        if not is_check(field):
            css = ["form-select"]
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_helptext")
    if field.errors:
        css.append("is-invalid")
        attrs["aria-invalid"] = "true"
        described.append(f"{field.auto_id}_error")
    attrs["class"] = " ".join(css)
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.filter
def is_check_group(field: BoundField) -> bool:
    """Several checkboxes: drawn as a fieldset whose legend is the label."""
    return getattr(field.field.widget, "input_type", None) == "checkbox" and getattr(
        field.field.widget, "allow_multiple_selected", False
    )


@register.filter
def first_input_id(field: BoundField) -> str:
    """Where a link to the field should land: its input, or a group's first box."""
    if is_check_group(field) and field.subwidgets:
        return str(field.subwidgets[0].id_for_label)
    return str(field.auto_id)


@register.filter
def with_errors(forms: Iterable[BaseForm]) -> list[BaseForm]:
    """The forms of a page that did not validate."""
    return [form for form in forms if form.errors]


# The note beside a text shown in a language the page is not in, by that language.
ONLY_IN = {
    "it": gettext_lazy("Text available only in Italian"),
    "en": gettext_lazy("Text available only in English"),
}


def text_language(value: Any) -> str:
    """The language a text is written in: a language code as it is, or the
    `language` an object says its texts are in ("" when nobody knows)."""
    if isinstance(value, str):
        return value
    return str(getattr(value, "language", "") or "")


def foreign_language(value: Any) -> str:
    """`text_language(value)` when it differs from the page's, else ""."""
    language = text_language(value)
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language and language[:2] != current else ""


@register.simple_tag
def lang_attr(value: Any) -> str:
    """`lang="en"` on the element of a text in another language than the page's
    (`<p {% lang_attr action %}>`), nothing for a text in the page's language.

    The English description of an action on an Italian page is then read with
    English pronunciation, and a browser offers to translate only that part.
    """
    language = foreign_language(value)
    return format_html('lang="{}"', language) if language else ""


@register.simple_tag
def only_in(*values: Any) -> str:
    """The note a reader needs once per item whose texts are in another
    language than the page's ("Text available only in English"), or ""."""
    for value in values:
        language = foreign_language(value)
        if language:
            return str(ONLY_IN.get(language[:2], ""))
    return ""


class FragmentNode(template.Node):
    def __init__(
        self,
        nodelist: template.NodeList,
        timeout: template.base.FilterExpression,
        name: str,
        vary_on: list[template.base.FilterExpression],
    ) -> None:
        self.nodelist = nodelist
        self.timeout = timeout
        self.name = name
        self.vary_on = vary_on

    def render(self, context: template.Context) -> str:
        key = fragment_key(self.name, *(var.resolve(context) for var in self.vary_on))
        request = context.get("request")
        found = prefetched(request)
        value = found[key] if key in found else cache.get(key)
        if value is None:
            value = self.nodelist.render(context)
            cache.set(key, value, int(self.timeout.resolve(context)))
            if found:
                found[key] = value
        return str(value)


@register.tag
def fragment(parser: template.base.Parser, token: template.base.Token) -> FragmentNode:
    """`{% fragment TIMEOUT NAME VAR... %}...{% endfragment %}`: Django's `{% cache %}`
    on the default cache and with its keys, which first looks at the fragments the
    view read for the request in one round trip (`creativecities.fragments.prefetch`)."""
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]!r} needs a timeout and a name.")
    return FragmentNode(
        nodelist,
        parser.compile_filter(bits[1]),
        bits[2],
        [parser.compile_filter(b) for b in bits[3:]],
    )
