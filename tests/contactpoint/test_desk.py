"""The desk's contacts: on its home and in every footer, at no query per page."""

import re
from http import HTTPStatus
from typing import Any

import pytest
from django.core.cache import cache
from django.db import IntegrityError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from contactpoint.models import DeskContact
from tests.contactpoint.factories import DeskContactFactory

pytestmark = pytest.mark.django_db


def desk_contact_queries(captured: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in captured if "contactpoint_deskcontact" in query["sql"]]


def test_every_footer_shows_the_desk_contacts_in_the_page_language(client: Client) -> None:
    DeskContactFactory.create()

    english = client.get("/en/partners/").content.decode()
    italian = client.get("/it/partners/").content.decode()

    assert "Creative Cities desk" in english
    assert "Piazza Matteotti 9, 16123 Genoa" in english
    assert 'href="tel:+390105571234"' in english
    assert "sportello@pec.desk.example" in english
    assert "Thursday: 14–17" in english
    assert "Sportello Creative Cities" in italian
    assert "Giovedì: 14–17" in italian


def test_without_contacts_the_footer_shows_the_portal_address(
    client: Client, settings: Any
) -> None:
    content = client.get("/en/partners/").content.decode()

    assert f'href="mailto:{settings.DESK_EMAIL}"' in content
    assert "City of Genoa, Culture and Innovation area" in content


def test_the_footer_reads_the_contacts_once_then_never_again(client: Client) -> None:
    DeskContactFactory.create()
    cache.clear()  # a cold cache, as after a deployment

    with CaptureQueriesContext(connection) as first:
        client.get("/en/partners/")
    # Another language (its footer not yet rendered) and another page.
    with CaptureQueriesContext(connection) as later:
        client.get("/it/partners/")
        client.get("/en/privacy/")

    assert len(desk_contact_queries(first)) == 1  # one read fills every language
    assert desk_contact_queries(later) == []


def test_a_page_costs_no_more_queries_with_a_footer_of_contacts(
    client: Client, django_assert_num_queries: Any
) -> None:
    client.get("/en/contact-point/")  # warm: contacts cached (none yet)

    with django_assert_num_queries(0):
        response = client.get("/en/contact-point/")

    assert response.status_code == HTTPStatus.OK


def test_staff_saving_the_contacts_shows_them_at_once(client: Client) -> None:
    contact = DeskContactFactory.create()
    assert "Piazza Matteotti 9" in client.get("/en/contact-point/").content.decode()

    contact.address_en = "Via Garibaldi 9, 16124 Genoa"
    contact.save()

    content = client.get("/en/contact-point/").content.decode()
    assert "Via Garibaldi 9, 16124 Genoa" in content
    assert "Piazza Matteotti 9" not in content


def test_the_desk_home_says_how_to_reach_it_and_links_its_parts(client: Client) -> None:
    DeskContactFactory.create()

    response = client.get("/en/contact-point/")

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<h1>Contact point for creative businesses</h1>" in content
    assert "By appointment, by email." in content
    assert "Monday: 9–13" in content
    for url in (
        "/en/contact-point/guides/",
        "/en/contact-point/calls/",
        "/en/contact-point/premises/",
        "/en/contact-point/alerts/",
        "/en/contact-point/guides/?topic=permits",
    ):
        assert f'href="{url}"' in content


def test_header_and_home_send_businesses_to_the_desk(client: Client) -> None:
    english = client.get("/en/").content.decode()
    italian = client.get("/it/").content.decode()

    assert re.search(r'href="/en/contact-point/"\s*><span>Contact point</span>', english)
    assert 'href="/it/contact-point/"' in italian
    assert "Go to the contact point" in english


def test_the_database_keeps_one_contacts_record() -> None:
    DeskContactFactory.create()
    with pytest.raises(IntegrityError):
        DeskContact.objects.create(
            key=2, name_it="Altro", address_it="x", email="a@b.example", opening_hours_it="x"
        )


def test_the_admin_offers_no_second_record(desk_staff_client: Client) -> None:
    assert (
        desk_staff_client.get("/admin/contactpoint/deskcontact/add/").status_code == HTTPStatus.OK
    )
    DeskContactFactory.create()

    response = desk_staff_client.get("/admin/contactpoint/deskcontact/add/")

    assert response.status_code == HTTPStatus.FORBIDDEN
