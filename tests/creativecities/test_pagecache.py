"""The page cache: which requests it answers, what it keeps, its headers, the
versions that invalidate it, and its checks. What each kind of content
invalidates is tested beside each app (`tests/<app>/test_page_cache.py`)."""

import gzip
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings, settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.cache import BaseCache, caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.handlers.base import BaseHandler
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.models.signals import post_delete
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

from creativecities import pagecache
from creativecities.models import OutgoingEmail, Version
from creativecities.pagecache import checks, registry, versions
from creativecities.pagecache.middleware import PageCacheMiddleware, normalised_query
from creativecities.pagecache.redis import RedisCache
from creativecities.settings import page_cache
from directory.models import Page
from tests.directory.factories import PageFactory, UserFactory

pytestmark = pytest.mark.django_db

PAGE = "/en/privacy/"


def privacy_page(title: str) -> Page:
    page = Page.objects.get(slug="privacy")
    page.title_en = title
    page.save()
    return page


def test_the_middleware_comes_first_inside_compression() -> None:
    assert settings.MIDDLEWARE[:2] == [
        "django.middleware.gzip.GZipMiddleware",
        "creativecities.pagecache.PageCacheMiddleware",
    ]


def test_a_page_comes_compressed_when_rendered_and_when_kept(
    client: Client, django_assert_num_queries: Any
) -> None:
    privacy_page("Privacy notice")
    rendered = client.get(PAGE, headers={"accept-encoding": "gzip, br"})
    with django_assert_num_queries(0):
        kept = client.get(PAGE, headers={"accept-encoding": "gzip"})
    plain = client.get(PAGE)

    for response in (rendered, kept):
        assert response.headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response.headers["Vary"]
        assert "Privacy notice" in gzip.decompress(response.content).decode()
    assert "Content-Encoding" not in plain.headers
    assert "Privacy notice" in plain.content.decode()


def test_a_second_visit_is_answered_from_the_cache_with_no_query(
    client: Client, django_assert_num_queries: Any
) -> None:
    privacy_page("Privacy notice")
    first = client.get(PAGE)

    with django_assert_num_queries(0):
        second = client.get(PAGE)

    assert first.status_code == second.status_code == HTTPStatus.OK
    assert second.content == first.content
    assert "Privacy notice" in second.content.decode()
    assert second.headers["Content-Type"] == first.headers["Content-Type"]
    assert second.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]


def test_a_kept_page_is_answered_before_the_sessions_and_history(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.get(PAGE)

    def refuse(*args: Any) -> None:
        raise AssertionError("the session middleware ran")

    monkeypatch.setattr(SessionMiddleware, "process_request", refuse)

    assert client.get(PAGE).status_code == HTTPStatus.OK


def test_a_kept_page_carries_cache_control_etag_and_last_modified(client: Client) -> None:
    for response in (client.get(PAGE), client.get(PAGE)):
        assert response.headers["Cache-Control"] == f"public, max-age={settings.PAGE_CACHE_MAX_AGE}"
        assert response.headers["ETag"].startswith('"') and len(response.headers["ETag"]) == 34
        assert response.headers["Last-Modified"].endswith(" GMT")
        assert "Cookie" in response.headers["Vary"]


@pytest.mark.parametrize("cached", [False, True], ids=["made", "kept"])
def test_a_conditional_request_for_an_unchanged_page_gets_304(client: Client, cached: bool) -> None:
    first = client.get(PAGE)
    if not cached:
        caches["pages"].clear()

    by_etag = client.get(PAGE, headers={"If-None-Match": first.headers["ETag"]})
    # Made again, the page is as new as its making: the date then says so.
    since = first.headers["Last-Modified"] if cached else by_etag.headers["Last-Modified"]
    by_date = client.get(PAGE, headers={"If-Modified-Since": since})
    other = client.get(PAGE, headers={"If-None-Match": '"another"'})

    assert by_etag.status_code == by_date.status_code == HTTPStatus.NOT_MODIFIED
    assert by_etag.content == b""
    assert by_etag.headers["ETag"] == first.headers["ETag"]
    assert other.status_code == HTTPStatus.OK and other.content == first.content


def test_a_changed_page_answers_a_conditional_request_in_full(client: Client) -> None:
    first = client.get(PAGE)
    privacy_page("Privacy notice, revised")

    response = client.get(PAGE, headers={"If-None-Match": first.headers["ETag"]})

    assert response.status_code == HTTPStatus.OK
    assert "Privacy notice, revised" in response.content.decode()
    assert response.headers["ETag"] != first.headers["ETag"]


def test_head_is_answered_from_the_cache_without_a_body(
    client: Client, django_assert_num_queries: Any
) -> None:
    full = client.get(PAGE)

    with django_assert_num_queries(0):
        head = client.head(PAGE)

    assert head.status_code == HTTPStatus.OK
    assert head.content == b""
    assert head.headers["Content-Length"] == str(len(full.content))
    assert head.headers["ETag"] == full.headers["ETag"]


def test_a_logged_in_member_never_gets_nor_leaves_a_kept_page(client: Client) -> None:
    member = UserFactory.create(first_name="Ilaria")
    anonymous = client.get("/en/").content.decode()
    client.force_login(member)

    logged_in = client.get("/en/").content.decode()
    client.logout()
    caches["pages"].clear()
    client.force_login(member)
    client.get("/en/")
    client.logout()
    again = client.get("/en/").content.decode()

    assert "Ilaria" in logged_in and "Log out" in logged_in
    assert "Ilaria" not in anonymous and "Ilaria" not in again
    assert "Log in" in again


def test_a_visitor_with_messages_waiting_is_not_answered_from_the_cache(client: Client) -> None:
    client.get(PAGE)
    request = RequestFactory().get(PAGE)
    storage = CookieStorage(request)
    storage.add(20, "Your enquiry was sent.")
    response = HttpResponse()
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value

    content = client.get(PAGE).content.decode()

    assert "Your enquiry was sent." in content


def test_the_query_string_is_normalised_and_the_language_kept_apart(
    client: Client, django_assert_num_queries: Any
) -> None:
    client.get("/en/directory/?sector=design&q=studio")
    client.get("/it/directory/?sector=design&q=studio")

    with django_assert_num_queries(0):
        english = client.get("/en/directory/?q=studio&sort=&sector=design")
        italian = client.get("/it/directory/?q=studio&sector=design&page=")

    assert english.headers["Content-Language"] == "en"
    assert italian.headers["Content-Language"] == "it"
    assert normalised_query("b=2&a=1&c=&a=0") == "a=0&a=1&b=2"
    assert normalised_query("q=caf%C3%A9+bar") == normalised_query("q=caf%C3%A9%20bar")


def test_the_results_alone_are_kept_apart_from_the_whole_page(client: Client) -> None:
    whole = client.get("/en/directory/")
    partial = client.get("/en/directory/", headers={"X-Partial": "results"})
    whole_again = client.get("/en/directory/")

    assert b"<html" in whole.content and b"<html" in whole_again.content
    assert b"<html" not in partial.content


def test_a_page_not_found_is_not_kept(client: Client) -> None:
    assert client.get("/en/pages/no-such-page/").status_code == HTTPStatus.NOT_FOUND

    with CaptureQueriesContext(connection) as again:
        assert client.get("/en/pages/no-such-page/").status_code == HTTPStatus.NOT_FOUND

    assert len(again) > 0  # looked for again, not answered from the cache
    PageFactory.create(slug="no-such-page", title_en="Found now")
    assert "Found now" in client.get("/en/pages/no-such-page/").content.decode()


def test_pages_not_declared_are_not_kept(client: Client) -> None:
    client.get("/en/accounts/login/")

    assert not any(key.startswith(":1:p:") for key in caches["pages"]._cache)  # type: ignore[attr-defined]


def middleware_answering(
    view: Callable[[HttpRequest], HttpResponse], cache: Any = None
) -> tuple[PageCacheMiddleware, list[HttpRequest]]:
    """The middleware before a stand-in for the rest of the portal."""
    calls: list[HttpRequest] = []

    def rest(request: HttpRequest) -> HttpResponse:
        calls.append(request)
        return view(request)

    middleware = PageCacheMiddleware(rest)
    if cache is not None:
        middleware.cache = cache
    return middleware, calls


def anonymous_get(path: str = PAGE) -> HttpRequest:
    return RequestFactory().get(path)


def test_a_response_that_sets_a_cookie_is_not_kept() -> None:
    def sets_cookie(request: HttpRequest) -> HttpResponse:
        response = HttpResponse("page")
        response.set_cookie("chosen", "1")
        return response

    middleware, calls = middleware_answering(sets_cookie)
    middleware(anonymous_get())
    middleware(anonymous_get())

    assert len(calls) == 2


def test_a_page_holding_a_csrf_token_is_not_kept() -> None:
    def with_token(request: HttpRequest) -> HttpResponse:
        return HttpResponse(f"<input name='csrfmiddlewaretoken' value='{get_token(request)}'>")

    middleware, calls = middleware_answering(with_token)
    middleware(anonymous_get())
    middleware(anonymous_get())

    assert len(calls) == 2


@pytest.mark.parametrize(
    "headers",
    [{"Cache-Control": "private"}, {"Cache-Control": "no-store"}, {"Vary": "Accept-Language"}],
)
def test_a_private_page_or_one_varying_on_other_headers_is_not_kept(
    headers: dict[str, str],
) -> None:
    middleware, calls = middleware_answering(lambda request: HttpResponse("page", headers=headers))
    middleware(anonymous_get())
    middleware(anonymous_get())

    assert len(calls) == 2


def test_a_head_request_gets_the_kept_pages_headers_without_its_body() -> None:
    middleware, calls = middleware_answering(lambda request: HttpResponse("page"))
    middleware(anonymous_get())

    head = middleware(RequestFactory().head(PAGE))

    assert len(calls) == 1
    assert head.content == b""  # type: ignore[attr-defined]
    assert head.headers["ETag"]


def test_a_change_committed_while_a_page_renders_is_not_hidden_by_it() -> None:
    """The page read the rows before the change: it is kept under the versions
    read before it rendered, which the change has bumped since."""
    renderings: list[int] = []

    def view(request: HttpRequest) -> HttpResponse:
        renderings.append(len(renderings) + 1)
        if len(renderings) == 1:
            versions.bump("pages")  # another process commits a change meanwhile
        return HttpResponse(f"rendering {len(renderings)}")

    middleware, _calls = middleware_answering(view)
    middleware(anonymous_get())

    assert middleware(anonymous_get()).content == b"rendering 2"  # type: ignore[attr-defined]
    assert middleware(anonymous_get()).content == b"rendering 2"  # type: ignore[attr-defined]


def test_a_plain_page_is_kept() -> None:
    middleware, calls = middleware_answering(lambda request: HttpResponse("page"))
    first = middleware(anonymous_get())
    second = middleware(anonymous_get())

    assert len(calls) == 1
    assert first.content == second.content == b"page"  # type: ignore[attr-defined]


def test_a_cache_that_is_down_leaves_pages_rendered() -> None:
    class Down(FileBasedCache):
        def get(self, *args: Any, **kwargs: Any) -> Any:
            raise ConnectionError("cache down")

        get_many = get

    middleware, calls = middleware_answering(
        lambda request: HttpResponse("page"), cache=Down("/nonexistent", {})
    )

    assert middleware(anonymous_get()).status_code == HTTPStatus.OK
    assert middleware(anonymous_get()).status_code == HTTPStatus.OK
    assert len(calls) == 2


@pytest.fixture
def shared_cache(settings: LazySettings, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """The pages' cache as a directory of files that two processes could share:
    unlike local memory, one cache object holds nothing the other cannot see."""
    shared = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache"}
    shared["LOCATION"] = str(tmp_path / "pages")
    settings.CACHES = {**settings.CACHES, "pages": shared}
    yield shared
    caches["pages"].clear()


def other_process(cache: BaseCache) -> PageCacheMiddleware:
    """A second app process: the portal's middleware and views behind a page
    cache middleware of its own, on a cache object of its own."""
    rest = BaseHandler()
    inner = settings.MIDDLEWARE.index("creativecities.pagecache.PageCacheMiddleware") + 1
    with override_settings(MIDDLEWARE=settings.MIDDLEWARE[inner:]):
        rest.load_middleware()
    middleware = PageCacheMiddleware(rest.get_response)
    middleware.cache = cache
    return middleware


def test_two_processes_sharing_the_cache_see_each_others_changes(
    client: Client, shared_cache: dict[str, Any], django_assert_num_queries: Any
) -> None:
    other = other_process(FileBasedCache(shared_cache["LOCATION"], {}))
    privacy_page("Privacy notice")
    assert "Privacy notice" in client.get(PAGE).content.decode()
    with django_assert_num_queries(0):
        kept = other(anonymous_get())  # kept by the first process, served by the other
    assert "Privacy notice" in kept.content.decode()  # type: ignore[attr-defined]

    privacy_page("Privacy notice, changed in the first process")

    changed = other(anonymous_get()).content.decode()  # type: ignore[attr-defined]
    assert "changed in the first process" in changed
    assert "changed in the first process" in client.get(PAGE).content.decode()


@pytest.fixture
def redis_url() -> Iterator[str]:
    """A Redis server of the test's own on 127.0.0.1 (skipped where none is installed)."""
    executable = shutil.which("redis-server")
    if executable is None:
        pytest.skip("redis-server is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(  # noqa: S603 - the installed server, our arguments
        [executable, "--bind", "127.0.0.1", "--port", str(port), "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_two_processes_sharing_redis_see_each_others_changes(
    client: Client, settings: LazySettings, redis_url: str, django_assert_num_queries: Any
) -> None:
    """The production backend: Django's Redis cache, one client object per process."""
    settings.CACHES = {**settings.CACHES, "pages": page_cache(redis_url)}
    other = other_process(RedisCache(redis_url, {"KEY_PREFIX": "pages"}))
    assert type(caches["pages"]) is RedisCache
    privacy_page("Privacy notice")
    assert "Privacy notice" in client.get(PAGE).content.decode()
    with django_assert_num_queries(0):
        kept = other(anonymous_get())
    assert "Privacy notice" in kept.content.decode()  # type: ignore[attr-defined]

    privacy_page("Privacy notice, changed in the first process")

    changed = other(anonymous_get()).content.decode()  # type: ignore[attr-defined]
    assert "changed in the first process" in changed


def test_the_redis_backend_builds_one_client_per_server() -> None:
    """Django's builds one per operation, which costs more than a kept page."""
    cache = RedisCache("redis://127.0.0.1:1/0", {})

    assert cache._cache.get_client() is cache._cache.get_client(write=True)


def test_a_change_bumps_its_kinds_only_once_the_transaction_commits(
    page_versions_bump_on_commit: None, django_capture_on_commit_callbacks: Any
) -> None:
    before = versions.version("pages")
    with django_capture_on_commit_callbacks(execute=False) as waiting:
        privacy_page("Not committed yet")
    assert waiting  # the bump waits for the commit...
    assert versions.version("pages") == before  # ...and nothing moved before it

    with django_capture_on_commit_callbacks(execute=True):
        privacy_page("Committed")

    assert versions.version("pages") != before


def test_a_migration_makes_every_kept_page_stale(client: Client) -> None:
    client.get(PAGE)
    site = versions.version(pagecache.SITE)

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert versions.version(pagecache.SITE) != site


def test_a_lost_version_is_made_again_and_matches_no_kept_page(
    client: Client, django_assert_max_num_queries: Any
) -> None:
    client.get(PAGE)
    caches["pages"].delete(versions.key("pages"))

    with django_assert_max_num_queries(10) as captured:
        client.get(PAGE)

    assert len(captured) > 0  # made again, not served under a version that was lost


def test_models_the_page_cache_does_not_watch_keep_their_fast_bulk_deletion() -> None:
    """Django reads every row before a deletion that something listens to."""
    assert post_delete.has_listeners(Page)
    assert not post_delete.has_listeners(OutgoingEmail)
    assert not post_delete.has_listeners(Version)


def test_a_long_query_string_with_control_characters_is_kept_safely(
    client: Client, django_assert_num_queries: Any
) -> None:
    path = "/en/directory/?q=" + "studio%00%1b" * 900 + "&sector=%0a"

    first = client.get(path)
    with django_assert_num_queries(0):
        second = client.get(path)

    assert first.status_code == second.status_code == HTTPStatus.OK
    assert second.content == first.content


def test_the_checks_name_unknown_views_and_kinds_nobody_bumps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(registry._views, "directory:no-such-view", frozenset({"pages"}))
    monkeypatch.setitem(registry._views, "directory:privacy", frozenset({"nothing-bumps-this"}))

    ids = {message.id for message in checks.check_declarations()}

    assert ids == {"pagecache.E001", "pagecache.E002"}
    with pytest.raises(SystemCheckError, match="no-such-view"):
        call_command("check")


def test_the_declarations_of_the_portal_pass_the_checks() -> None:
    assert checks.check_declarations() == []
    assert "directory:list" in set(checks.url_names())


def test_a_server_with_pages_in_each_process_is_warned_on_deploy(
    settings: LazySettings,
) -> None:
    settings.DEBUG = False
    assert [message.id for message in checks.check_shared_backend()] == ["pagecache.W001"]

    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://cache.invalid:6379/2",
        },
    }
    assert checks.check_shared_backend() == []


# Pages added beside the page cache: the subscriptions' shared pages, the desk's
# alerts and the plan's following (forms, each visitor's own links), the desk's
# statistics (staff only).
NEVER_DECLARED = (
    "subscriptions:confirm",
    "subscriptions:stop",
    "contactpoint:alerts",
    "contactpoint:alerts_done",
    "contactpoint:alerts_confirm",
    "contactpoint:alerts_unsubscribe",
    "actionplan:follow",
    "actionplan:follow_confirm",
    "actionplan:follow_unsubscribe",
    "admin:contactpoint_enquiry_statistics",
)


@pytest.mark.parametrize("view_name", NEVER_DECLARED)
def test_subscription_pages_and_the_desks_statistics_are_never_kept(view_name: str) -> None:
    assert registry.kinds_of(view_name) is None


def test_the_alerts_form_is_rendered_for_each_visitor(client: Client) -> None:
    for _ in range(2):
        assert client.get("/en/contact-point/alerts/").status_code == HTTPStatus.OK

    assert not any(key.startswith(":1:p:") for key in caches["pages"]._cache)  # type: ignore[attr-defined]


def test_the_map_is_kept_and_follows_the_organisations(
    client: Client, django_assert_num_queries: Any
) -> None:
    from tests.directory.helpers import page_kept
    from tests.directory.searchable import searchable, sector

    searchable(slug="studio", name="Studio Uno", primary_sector=sector("design"))
    assert "Studio Uno" in page_kept(client, "/en/directory/map/", django_assert_num_queries)

    searchable(slug="studio-due", name="Studio Due", primary_sector=sector("design"))

    assert "Studio Due" in client.get("/en/directory/map/").content.decode()
