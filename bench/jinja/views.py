"""The directory's list page, its templates rendered by Jinja2."""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import resolve, reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from directory.views.public import PARTIAL_HEADER, _results

TEMPLATE = "directory/organisation_list.html"


@require_safe
def organisation_list(request: HttpRequest) -> HttpResponse:
    """`directory.views.public.organisation_list` with Jinja2's port of its
    templates: the same context, and the list's own address as the page's, so
    that the header's language links, its current menu item and the cached
    navigation are those of /it/directory/ (the page it would replace)."""
    action = reverse("directory:list")
    request.resolver_match = resolve(action)
    template = engines["jinja2"].get_template(TEMPLATE)
    response = HttpResponse(template.render(_results(request, action), request))
    patch_vary_headers(response, [PARTIAL_HEADER])
    return response
