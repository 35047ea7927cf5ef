import re
from http import HTTPStatus

import pytest
from django.test import Client
from django.utils import translation

from directory.models import Page, Partner, Sector
from tests.directory.factories import SectorFactory

pytestmark = pytest.mark.django_db


def test_root_redirects_to_the_browser_language(client: Client) -> None:
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="it-IT,it;q=0.9").url == "/it/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").url == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE").url == "/it/"


def test_home_lists_the_twelve_sectors_in_italian(client: Client) -> None:
    response = client.get("/it/")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Language"] == "it"
    content = response.content.decode()
    assert '<html lang="it">' in content
    for name in ["Patrimonio culturale", "Architettura", "Industria del gusto", "Editoria"]:
        assert name in content
    assert content.count('class="portal-sector-link" href="/it/sectors/') == 12


def test_home_lists_the_sectors_in_english(client: Client) -> None:
    content = client.get("/en/").content.decode()

    assert '<html lang="en">' in content
    assert "Food and taste industry" in content
    assert "Cultural heritage" in content
    assert "Industria del gusto" not in content


def test_language_switcher_keeps_the_current_page(client: Client) -> None:
    content = client.get("/it/sectors/design/").content.decode()

    assert 'href="/en/sectors/design/"' in content


def test_sector_page_shows_its_description(client: Client) -> None:
    sector = Sector.objects.get(slug="architecture")
    with translation.override("en"):
        url = sector.get_absolute_url()

    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert "Architecture" in response.content.decode()
    assert sector.description_en in response.content.decode()


def test_unknown_sector_is_a_friendly_404_in_the_page_language(client: Client) -> None:
    response = client.get("/en/sectors/no-such-sector/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Page not found" in response.content.decode()
    assert "Pagina non trovata" in client.get("/it/sectors/nope/").content.decode()


def test_sector_added_by_staff_appears_on_home(client: Client) -> None:
    SectorFactory(name_it="Artigianato artistico", name_en="Art crafts", order=999)

    assert "Artigianato artistico" in client.get("/it/").content.decode()


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/it/privacy/", "Informativa sulla privacy"),
        ("/en/privacy/", "Privacy notice"),
        ("/it/accessibility/", "Dichiarazione di accessibilità"),
        ("/en/accessibility/", "Accessibility statement"),
    ],
)
def test_legal_pages_are_content_staff_can_edit(client: Client, url: str, title: str) -> None:
    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert f"<h1>{title}</h1>" in response.content.decode()


def test_edited_page_text_is_shown(client: Client) -> None:
    Page.objects.filter(slug="privacy").update(body_en="We changed this notice today.")

    assert "We changed this notice today." in client.get("/en/privacy/").content.decode()


def test_partner_network_is_listed_from_data(client: Client) -> None:
    content = client.get("/it/partners/").content.decode()

    assert "Gdańsk Entrepreneurship Foundation" in content
    assert "Lipsia" in content


def test_a_partner_added_later_joins_its_city(client: Client) -> None:
    Partner.objects.create(
        name="Genoa Design Week",
        city_it="Genova",
        city_en="Genoa",
        country_it="Italia",
        country_en="Italy",
        order=99,
    )

    content = client.get("/en/partners/").content.decode()

    cities = re.findall(r'<h2 class="h4" id="city-\d+">([^<]+?) <span', content)
    assert cities == ["Leipzig", "Genoa", "Gdańsk", "Pécs", "Ljubljana"]
    genoa = next(part for part in content.split("<section")[1:] if ">Genoa <span" in part)
    assert "Comune di Genova" in genoa
    assert genoa.index("Job Centre Genova") < genoa.index("Genoa Design Week")


def test_pages_have_no_inline_script_or_style(client: Client) -> None:
    for url in ["/it/", "/en/privacy/", "/it/partners/", "/it/accounts/login/"]:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        content = response.content.decode()
        assert '<link rel="stylesheet" href="/static/css/portal.' in content, url
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", content), url
        assert " style=" not in content, url
        assert "<style" not in content, url


@pytest.mark.parametrize("url", ["/it/", "/en/directory/", "/it/accounts/login/"])
def test_pages_send_a_content_security_policy_without_inline_code(client: Client, url: str) -> None:
    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    directives = {}
    for directive in response["Content-Security-Policy"].split(";"):
        if directive.strip():
            name, *sources = directive.split()
            directives[name] = sources
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize(
    ("language", "text"), [("it", "Qualcosa è andato storto"), ("en", "Something went wrong")]
)
def test_server_error_page_speaks_the_page_language(language: str, text: str) -> None:
    from django.test import RequestFactory
    from django.views.defaults import server_error

    with translation.override(language):
        response = server_error(RequestFactory().get(f"/{language}/"))

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert text in response.content.decode()
