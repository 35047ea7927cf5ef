"""The request's edge: bounded bodies and the client's address."""

from http import HTTPStatus
from typing import Any

import pytest
from django.conf import LazySettings
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from creativecities.limits.clients import client_address
from creativecities.middleware import RequestBodyLimitMiddleware

MB = 1024 * 1024


class UnreadableBody:
    """A request body that fails the test if anything reads it."""

    def read(self, *args: Any) -> bytes:
        raise AssertionError("the body was read")

    readline = read


def view_that_must_not_run(request: HttpRequest) -> HttpResponse:
    raise AssertionError("the view ran")


def limited(request: HttpRequest) -> HttpResponse:
    return RequestBodyLimitMiddleware(view_that_must_not_run)(request)


def test_a_body_over_the_limit_is_refused_unread_before_the_view() -> None:
    request = RequestFactory().post(
        "/it/accounts/login/",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(60 * MB),
        **{"wsgi.input": UnreadableBody()},
    )

    assert limited(request).status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE


@pytest.mark.django_db
def test_the_limit_comes_first_in_the_portal_whatever_the_address(client: Client) -> None:
    """No session, CSRF or login check gets to read the body first."""
    response = client.generic(
        "POST",
        "/en/accounts/login/",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(60 * MB),
        **{"wsgi.input": UnreadableBody()},
    )

    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE


def test_the_limit_is_configurable(settings: LazySettings) -> None:
    settings.REQUEST_BODY_MAX_SIZE = 1000
    seen: list[int] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(len(request.body))
        return HttpResponse()

    middleware = RequestBodyLimitMiddleware(view)
    small = middleware(RequestFactory().post("/", b"x" * 1000, content_type="text/plain"))
    large = middleware(RequestFactory().post("/", b"x" * 1001, content_type="text/plain"))

    assert small.status_code == HTTPStatus.OK
    assert large.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert seen == [1000]


def test_the_default_limit_leaves_room_for_a_logo(settings: LazySettings) -> None:
    from creativecities.images import MAX_BYTES

    assert settings.REQUEST_BODY_MAX_SIZE == 12 * MB
    assert MAX_BYTES < settings.REQUEST_BODY_MAX_SIZE


@pytest.mark.parametrize("length", ["12abc", "-1", " 5"])
def test_a_malformed_length_is_refused(length: str) -> None:
    request = RequestFactory().post("/", CONTENT_LENGTH=length, **{"wsgi.input": UnreadableBody()})

    assert limited(request).status_code == HTTPStatus.BAD_REQUEST


def test_a_body_without_a_length_is_refused() -> None:
    """Django would read a chunked body as empty; say so instead."""
    request = RequestFactory().post(
        "/", HTTP_TRANSFER_ENCODING="chunked", **{"wsgi.input": UnreadableBody()}
    )
    del request.META["CONTENT_LENGTH"]

    assert limited(request).status_code == HTTPStatus.LENGTH_REQUIRED


def test_requests_without_a_body_pass() -> None:
    reached: list[str] = []

    def view(request: HttpRequest) -> HttpResponse:
        reached.append(request.path)
        return HttpResponse()

    RequestBodyLimitMiddleware(view)(RequestFactory().get("/it/"))

    assert reached == ["/it/"]


@pytest.mark.parametrize(
    ("behind_proxy", "meta", "expected"),
    [
        (False, {"REMOTE_ADDR": "203.0.113.5"}, "203.0.113.5"),
        (False, {"REMOTE_ADDR": "203.0.113.5", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, "203.0.113.5"),
        (True, {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}, "203.0.113.5"),
        # What the client wrote before the proxy's own entry proves nothing.
        (
            True,
            {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.5"},
            "203.0.113.5",
        ),
        (True, {"REMOTE_ADDR": "10.0.0.2"}, "10.0.0.2"),
        # An IPv6 client is its /64 network, as every limit counts it.
        (True, {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "2001:DB8::1"}, "2001:db8::"),
        (False, {"REMOTE_ADDR": "2001:db8:1:2:3:4:5:6"}, "2001:db8:1:2::"),
        (False, {"REMOTE_ADDR": "::ffff:203.0.113.5"}, "203.0.113.5"),
        (True, {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "not-an-address"}, None),
        (False, {"REMOTE_ADDR": ""}, None),
    ],
)
def test_the_client_address(
    settings: LazySettings, behind_proxy: bool, meta: dict[str, str], expected: str | None
) -> None:
    settings.BEHIND_PROXY = behind_proxy
    request = RequestFactory().get("/")
    request.META.update(meta)

    assert client_address(request) == expected


# Control characters in the admin's query strings (issue 20, item 8).


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("status__exact=%00", "status__exact"),
        ("q=Atelier%00", "q"),
        ("o=%1b1", "o"),
        ("kind__exact=%7f", "kind__exact"),
        ("sector=%c2%85", "sector"),  # a C1 control, two bytes in UTF-8
        ("status__exact%00=published", "status__exact\\x00"),
    ],
)
def test_a_control_character_in_an_admin_query_string_is_refused(
    admin_client: Client, query: str, shown: str
) -> None:
    from tests.directory.factories import OrganisationFactory

    OrganisationFactory.create(name="Atelier Luce")
    list_url = "/admin/directory/organisation/"

    response = admin_client.get(f"{list_url}?{query}", HTTP_ACCEPT_LANGUAGE="en")
    good = admin_client.get(f"{list_url}?status__exact=published&q=Atelier")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    text = response.content.decode()
    assert "control character" in text
    assert f"“{shown}”" in text  # the parameter, control characters made visible
    assert good.status_code == HTTPStatus.OK
    assert "Atelier Luce" in good.content.decode()


@pytest.mark.django_db
def test_the_refusal_is_in_the_desks_language(admin_client: Client) -> None:
    response = admin_client.get("/admin/?q=%00", HTTP_ACCEPT_LANGUAGE="it")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "carattere di controllo" in response.content.decode()


@pytest.mark.django_db
def test_spaces_of_pasted_text_reach_the_admins_search(admin_client: Client) -> None:
    from tests.directory.factories import OrganisationFactory

    OrganisationFactory.create(name="Atelier Luce")

    response = admin_client.get("/admin/directory/organisation/?q=Atelier%09%0d%0aLuce")

    assert response.status_code == HTTPStatus.OK
    assert "Atelier Luce" in response.content.decode()


@pytest.mark.django_db
def test_public_pages_read_control_characters_through_their_forms(client: Client) -> None:
    """Outside the admin nothing is refused here: the directory's search takes
    what it can of the words, as it did."""
    from tests.directory.factories import OrganisationFactory

    OrganisationFactory.create(name="Atelier Luce")

    response = client.get("/en/directory/?q=Atelier%01")

    assert response.status_code == HTTPStatus.OK
