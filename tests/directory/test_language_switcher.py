"""The language switcher links to this site only, whatever path was asked for."""

import re
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

URL_ATTRIBUTE = re.compile(r'(?:href|src|action)="([^"]*)"')


def hosts_linked(content: str) -> set[str]:
    """Every host a browser would reach from the page's links, forms and images.

    Backslashes count as slashes and any run of leading slashes opens a host,
    as browsers read them."""
    hosts = set()
    for value in URL_ATTRIBUTE.findall(content):
        value = re.sub(r"^[/\\]{2,}", "//", value.replace("&#x27;", "'")).replace("\\", "/")
        host = urlsplit(value).hostname
        if host:
            hosts.add(host)
    return hosts


def language_hrefs(content: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)"\s+hreflang=', content)


@pytest.mark.parametrize(
    "path_info",
    ["//evil.example/x", "/\\evil.example", "///evil.example", "//evil.example/it/"],
)
def test_a_404_asked_for_as_another_host_links_to_no_other_host(
    client: Client, path_info: str
) -> None:
    # The path as the server hands it over; a test client would read `//host` as a host.
    response = client.get("/", PATH_INFO=path_info, QUERY_STRING="a=1")

    assert response.status_code == HTTPStatus.NOT_FOUND
    content = response.content.decode()
    assert "evil.example" not in hosts_linked(content)
    assert language_hrefs(content) == ["/en/"]  # the home of the other language


def test_an_encoded_double_slash_links_to_no_other_host(client: Client) -> None:
    response = client.get("/%2F%2Fevil.example")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "evil.example" not in hosts_linked(response.content.decode())
    assert language_hrefs(response.content.decode()) == ["/en/"]


def test_a_path_of_no_page_switches_to_the_home_of_the_other_language(client: Client) -> None:
    content = client.get("/en/nowhere/").content.decode()

    assert language_hrefs(content) == ["/it/"]
    # A page that matches a pattern keeps its path, although its row is missing.
    missing_row = client.get("/en/sectors/no-such-sector/").content.decode()
    assert language_hrefs(missing_row) == ["/it/sectors/no-such-sector/"]


def test_an_existing_page_keeps_its_path_and_query(client: Client) -> None:
    content = client.get("/it/directory/?q=design").content.decode()

    assert language_hrefs(content) == ["/en/directory/?q=design"]
    assert "www.comune.genova.it" in hosts_linked(content)  # the check sees real hosts
