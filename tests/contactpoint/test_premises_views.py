"""The public list, map and pages of premises."""

import json
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from contactpoint.models import Premises
from tests.contactpoint.factories_calls import PremisesFactory, calls_add_photo
from tests.text import store_raw

pytestmark = pytest.mark.django_db


def premises_url(name: str = "contactpoint:premises", query: str = "") -> str:
    with translation.override("en"):
        return reverse(name) + (f"?{query}" if query else "")


def premises_titles(response: object) -> list[str]:
    page = response.context["page_obj"]  # type: ignore[attr-defined]
    return sorted(premises.title_en for premises in page.object_list)


@pytest.fixture
def premises_offer(db: object) -> None:
    PremisesFactory(title_en="Small studio", kind="studio", floor_area=30, monthly_rent=400)
    PremisesFactory(
        title_en="Big warehouse",
        kind="warehouse",
        floor_area=400,
        monthly_rent=2000,
        regeneration_area="val-polcevera",
    )
    PremisesFactory(
        title_en="Shop on request",
        kind="shop",
        floor_area=80,
        monthly_rent=None,
        regeneration_area="",
        latitude=None,
        longitude=None,
    )
    PremisesFactory(title_en="Hidden", is_published=False, published_at=None)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Big warehouse", "Shop on request", "Small studio"]),
        ("kind=warehouse", ["Big warehouse"]),
        ("area_min=50", ["Big warehouse", "Shop on request"]),
        ("area_min=50&area_max=100", ["Shop on request"]),
        ("rent_max=1000", ["Small studio"]),
        ("rent_min=1000", ["Big warehouse"]),
        ("area=any", ["Big warehouse", "Small studio"]),
        ("area=val-polcevera", ["Big warehouse"]),
        ("area=historic-centre", ["Small studio"]),
    ],
)
@pytest.mark.usefixtures("premises_offer")
def test_the_list_filters_by_kind_size_rent_and_area(
    client: Client, query: str, expected: list[str]
) -> None:
    response = client.get(premises_url(query=query))

    assert response.status_code == HTTPStatus.OK
    assert premises_titles(response) == expected


@pytest.mark.usefixtures("premises_offer")
def test_the_map_page_lists_the_results_without_javascript(client: Client) -> None:
    response = client.get(premises_url("contactpoint:premises_map", "kind=studio"))
    body = response.content.decode()

    assert premises_titles(response) == ["Small studio"]
    assert 'id="directory-map"' in body
    assert "/premises/map.geojson?kind=studio" in body
    assert "js/map" in body


@pytest.mark.usefixtures("premises_offer")
def test_the_geojson_has_the_filtered_premises_with_coordinates(client: Client) -> None:
    response = client.get(premises_url("contactpoint:premises_geojson", "area_min=20"))

    data = json.loads(response.content)
    names = sorted(feature["properties"]["name"] for feature in data["features"])
    assert names == ["Big warehouse", "Small studio"]  # the shop has no coordinates
    (studio,) = (f for f in data["features"] if f["properties"]["name"] == "Small studio")
    assert studio["geometry"]["coordinates"] == [8.9264, 44.4121]
    assert studio["properties"]["url"].startswith("/en/contact-point/premises/")


def test_the_list_costs_the_same_few_queries_for_many_premises(client: Client) -> None:
    for premises in PremisesFactory.create_batch(2):
        calls_add_photo(premises)
    with CaptureQueriesContext(connection) as few:
        client.get(premises_url())
    for premises in PremisesFactory.create_batch(4):
        calls_add_photo(premises)

    with CaptureQueriesContext(connection) as many:
        response = client.get(premises_url())

    assert len(many) == len(few) <= 3
    assert response.content.decode().count("/premises/thumbs/") == 6


def test_the_empty_states_say_what_to_do(client: Client) -> None:
    nothing = client.get(premises_url()).content.decode()
    PremisesFactory(kind="office")
    no_match = client.get(premises_url(query="kind=shop")).content.decode()

    assert "No premises are offered at the moment." in nothing
    assert "No premises match these filters." in no_match


def test_a_premises_page_shows_its_photos_and_contact(client: Client) -> None:
    premises = PremisesFactory(
        title_en="Loft", monthly_rent=Decimal("750"), contact_phone="+39 010 123456"
    )
    calls_add_photo(premises, caption="Sala principale", order=0)
    calls_add_photo(premises, caption="Ingresso", order=1)
    with translation.override("en"):
        url = premises.get_absolute_url()

    body = client.get(url).content.decode()

    assert body.index('alt="Sala principale"') < body.index('alt="Ingresso"')
    assert body.count(".webp") >= 4  # each photo and its thumbnail
    assert "€750" in body
    assert 'href="tel:+39010123456"' in body
    assert "Historic centre" in body


def test_an_unpublished_premises_is_not_found(client: Client) -> None:
    hidden = PremisesFactory(is_published=False, published_at=None)
    shown = PremisesFactory()

    with translation.override("en"):
        assert client.get(hidden.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
        assert client.get(shown.get_absolute_url()).status_code == HTTPStatus.OK


def test_coordinates_come_in_pairs() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        PremisesFactory(latitude=Decimal("44.4"), longitude=None)
    assert not Premises.objects.filter(latitude=Decimal("44.4")).exists()


def test_a_control_character_in_a_title_never_reaches_the_geojson(client: Client) -> None:
    premises = PremisesFactory(latitude=Decimal("44.4"), longitude=Decimal("8.9"))
    store_raw(premises, "title_en", "Studio\x0bwith\x1b view")

    response = client.get(premises_url("contactpoint:premises_geojson"))

    assert response.status_code == HTTPStatus.OK
    assert b"\\u000b" not in response.content
    assert b"\\u001b" not in response.content
    [feature] = json.loads(response.content)["features"]
    assert feature["properties"]["name"] == "Studio\nwith view"


def test_a_card_follows_a_new_first_photo(client: Client) -> None:
    premises = PremisesFactory(title_en="Studio with a view")
    first = str(calls_add_photo(premises, order=1).thumbnail.name)
    assert first in client.get(premises_url()).content.decode()

    # A photo of its own, added in front without touching the premises' row.
    newer = str(calls_add_photo(premises, order=0).thumbnail.name)
    body = client.get(premises_url()).content.decode()

    assert newer in body
    assert first not in body
