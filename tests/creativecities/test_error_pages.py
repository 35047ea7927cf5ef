"""The portal's own error pages, in the visitor's language, under DEBUG too."""

from http import HTTPStatus
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.utils import translation
from django.views import defaults

from creativecities.errors import bad_request, permission_denied

pytestmark = pytest.mark.django_db

BRAND = "Creative Cities Genova"


@pytest.mark.parametrize(
    ("language", "heading"), [("it", "Pagina non trovata"), ("en", "Page not found")]
)
def test_a_missing_page_is_the_portals_own_404(client: Client, language: str, heading: str) -> None:
    for path in (f"/{language}/no-such-page/", f"/{language}/directory/no-such-organisation/"):
        response = client.get(path)

        assert response.status_code == HTTPStatus.NOT_FOUND
        body = response.content.decode()
        assert f'<html lang="{language}">' in body
        assert heading in body and BRAND in body


def test_under_debug_a_missing_page_is_still_the_portals_404(client: Client, settings: Any) -> None:
    """`make run` showed Django's technical page: every URL pattern of the site."""
    settings.DEBUG = True

    for path in ("/it/no-such-page/", "/it/directory/no-such-organisation/"):
        response = client.get(path)

        assert response.status_code == HTTPStatus.NOT_FOUND
        body = response.content.decode()
        assert "Pagina non trovata" in body and BRAND in body
        assert "URLconf" not in body
    # An address without its language still leads to it, and pages still open.
    assert client.get("/directory/").headers["Location"] == "/it/directory/"
    assert client.get("/it/").status_code == HTTPStatus.OK


def test_django_technical_404_on_demand(client: Client, settings: Any) -> None:
    settings.DEBUG = True
    settings.DEBUG_TECHNICAL_404 = True

    body = client.get("/it/no-such-page/").content.decode()

    assert "URLconf" in body
    assert "Pagina non trovata" not in body


def test_a_refusal_meant_for_developers_is_not_shown(rf: RequestFactory, client: Client) -> None:
    request = rf.get("/en/")
    request.user = client.get("/en/").wsgi_request.user
    with translation.override("en"):
        body = permission_denied(request, PermissionDenied("alice may not change plan 3")).content

    assert b"Access denied" in body
    assert b"alice may not" not in body


def test_a_bad_request_is_branded(rf: RequestFactory, client: Client) -> None:
    request = rf.get("/it/")
    request.user = client.get("/it/").wsgi_request.user
    with translation.override("it"):
        response = bad_request(request, ValueError())

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Richiesta non comprensibile" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "heading"), [("it", "Qualcosa è andato storto"), ("en", "Something went wrong")]
)
def test_the_500_page_is_styled_and_needs_no_database(
    rf: RequestFactory,
    django_assert_num_queries: Any,
    language: str,
    heading: str,
) -> None:
    with translation.override(language), django_assert_num_queries(0):
        response = defaults.server_error(rf.get(f"/{language}/"))

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    body = response.content.decode()
    assert heading in body and BRAND in body
    assert f'<html lang="{language}">' in body
    assert "portal" in body and ".css" in body
