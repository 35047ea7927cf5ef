"""The page cache's middleware: first in the list, it answers a kept page
before any other middleware runs (sessions, login throttling, history,
messages), and keeps the pages it lets through when they may be kept.

A request may be answered from the cache when it is a GET or HEAD under a
language prefix from a visitor who is anonymous as far as the request shows:
no session cookie, no messages cookie, no credentials. Its key is the scheme,
the host, the path, the query string normalised (pairs sorted, empty values
dropped), the language and the headers the pages vary on, hashed.

A response is kept only if its view was declared (`registry.cache_views`), it
is a 200 with a body of at most `PAGE_CACHE_MAX_BYTES`, it sets no cookie,
used no CSRF token, does not ask to stay private, and varies on nothing but
the cookie and the declared headers. It is stored with the version of each
kind it shows as read before the view ran (`versions`), and answered again
while they are all unchanged, with `Cache-Control: public` and a short
`max-age`, an `ETag` of its body and a `Last-Modified`; a conditional request
for it gets a 304.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import BaseCache
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from creativecities.pagecache import registry, versions

logger = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD"})
# What a stored page holds: the versions it was made under (version key and
# token), its headers, its body, its ETag and its Last-Modified (epoch seconds).
Entry = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], bytes, str, int]
PAGE_PREFIX = "p:"
# Request headers a kept page may vary on besides the declared ones: the
# cookie, since only requests without a private cookie reach the cache.
ALWAYS_VARIED = frozenset({"cookie"})
PRIVATE_DIRECTIVES = ("private", "no-store", "no-cache")


def normalised_query(query_string: str) -> str | None:
    """The query string with its pairs sorted and empty values dropped (None
    if it has more fields than Django accepts: the request is refused later)."""
    if not query_string:
        return ""
    try:
        pairs = parse_qsl(
            query_string,
            keep_blank_values=False,
            max_num_fields=settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
        )
    except ValueError:
        return None
    return urlencode(sorted(pairs))


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        if not settings.PAGE_CACHE:
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.cache: BaseCache = versions.page_cache()
        self.languages = frozenset(code for code, _name in settings.LANGUAGES)
        self.private_cookies = frozenset(
            {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages")}
        )

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        language = self.language(request)
        if language is None or self.private(request):
            return self.get_response(request)
        page_key = self.key(request, language)
        if page_key is None:
            return self.get_response(request)
        try:
            entry: Entry | None = self.cache.get(page_key)
            if entry is not None and not self.fresh(entry):
                entry = None
        except Exception:  # the cache is down: pages are rendered, not refused
            logger.warning("The page cache could not be read.", exc_info=True)
            return self.get_response(request)
        if entry is not None:
            return self.replay(request, entry)
        return self.render(request, language, page_key)

    # --- Which requests -------------------------------------------------------------

    def language(self, request: HttpRequest) -> str | None:
        """The language of the address, for a GET or HEAD under a language prefix."""
        if request.method not in SAFE_METHODS:
            return None
        segment = request.path_info[1:].partition("/")[0]
        return segment if segment in self.languages else None

    def private(self, request: HttpRequest) -> bool:
        """Whether the request may be someone's (a session, messages, credentials)."""
        meta = request.META
        if "HTTP_AUTHORIZATION" in meta:
            return True
        if "HTTP_COOKIE" not in meta:
            return False
        return not self.private_cookies.isdisjoint(request.COOKIES)

    def key(self, request: HttpRequest, language: str) -> str | None:
        query = normalised_query(request.META.get("QUERY_STRING", ""))
        if query is None:
            return None
        parts = (
            request.scheme,
            request.get_host(),
            request.path,
            query,
            language,
            *(request.META.get(name, "") for name in registry.headers()),
        )
        digest = hashlib.blake2b(
            repr(parts).encode("utf-8", "surrogatepass"), digest_size=16
        ).hexdigest()
        return PAGE_PREFIX + digest

    # --- Answering from the cache ---------------------------------------------------

    def fresh(self, entry: Entry) -> bool:
        made_under = entry[0]
        now = self.cache.get_many([version_key for version_key, _token in made_under])
        return all(now.get(version_key) == token for version_key, token in made_under)

    def replay(self, request: HttpRequest, entry: Entry) -> HttpResponseBase:
        _versions, headers, body, etag, last_modified = entry
        response = HttpResponse(b"" if request.method == "HEAD" else body, headers=dict(headers))
        conditional = get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )
        return conditional or response

    # --- Rendering and keeping ------------------------------------------------------

    def render(self, request: HttpRequest, language: str, page_key: str) -> HttpResponseBase:
        view_name = self.view_name(request, language)
        kinds = registry.kinds_of(view_name) if view_name else None
        if kinds is None:
            return self.get_response(request)
        # Read before the view: a change committed while it renders bumps
        # these, and the page stored under them is never served.
        try:
            made_under = versions.current(sorted(kinds), self.cache)
        except Exception:
            logger.warning("The page cache's versions could not be read.", exc_info=True)
            return self.get_response(request)
        response = self.get_response(request)
        if (
            not isinstance(response, HttpResponse)
            or not self.may_keep(request, response)
            or None in made_under.values()
        ):
            return response
        etag = f'"{hashlib.blake2b(response.content, digest_size=16).hexdigest()}"'
        last_modified = int(time.time())
        response.headers["ETag"] = etag
        response.headers["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
        entry: Entry = (
            tuple(sorted((key, str(token)) for key, token in made_under.items())),
            tuple(response.headers.items()),
            response.content,
            etag,
            last_modified,
        )
        timeout = registry.lifetime(view_name or "", settings.PAGE_CACHE_SECONDS)
        try:
            self.cache.set(page_key, entry, timeout)
        except Exception:
            logger.warning("A page could not be kept in the page cache.", exc_info=True)
        conditional = get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )
        return conditional or response

    def view_name(self, request: HttpRequest, language: str) -> str | None:
        """The view the address leads to (the language prefix matches only
        with the language active)."""
        with translation.override(language):
            try:
                return resolve(request.path_info).view_name
            except Resolver404:
                return None

    def may_keep(self, request: HttpRequest, response: HttpResponse) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
            return False  # the page holds a CSRF token: it is this visitor's
        control = response.get("Cache-Control", "").lower()
        if any(directive in control for directive in PRIVATE_DIRECTIVES):
            return False
        varied = {
            name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()
        }
        declared = {meta[5:].replace("_", "-").lower() for meta in registry.headers()}
        if varied - ALWAYS_VARIED - declared:
            return False
        return len(response.content) <= settings.PAGE_CACHE_MAX_BYTES
