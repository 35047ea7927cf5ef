"""The site's version for templates: a fragment kept in the cache under a page
(the header's navigation, with the survey's link) changes with it, so that a
page made again after a change does not show the fragment made before it."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from creativecities.pagecache.versions import site_version


def page_versions(request: HttpRequest) -> dict[str, Any]:
    # Read only by a template that names it, once per page.
    return {"site_version": SimpleLazyObject(lambda: site_version(request))}
