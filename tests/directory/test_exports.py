"""Open data: published organisations as CSV, JSON and GeoJSON, no personal data."""

import csv
import io
import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any

import pytest
from django.http import StreamingHttpResponse
from django.test import Client

from directory.exports import COLUMNS
from directory.models import Organisation, Sector
from tests.directory.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

LICENCE_LINK = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'


@pytest.fixture
def cluster() -> dict[str, Organisation]:
    member = UserFactory(
        email="private.person@example.org", first_name="Giulietta", last_name="Riservata"
    )
    published = OrganisationFactory.create(
        name="Cantiere Creativo",
        slug="cantiere-creativo",
        primary_sector=Sector.objects.get(slug="design"),
        sectors=[Sector.objects.get(slug="software")],
        email="info@cantiere.example",
        phone="+39 010 123456",
        website="https://cantiere.example",
        latitude=Decimal("44.407100"),
        longitude=Decimal("8.933900"),
        languages=["it", "en"],
        open_to_international=True,
        vat_number="12345678903",
        members=[member],
    )
    no_place = OrganisationFactory.create(name="Senza Coordinate", members=[member])
    pending = OrganisationFactory.create(
        name="In Attesa Segreta", status=Organisation.Status.PENDING, members=[member]
    )
    rejected = OrganisationFactory.create(
        name="Rifiutata Segreta",
        status=Organisation.Status.REJECTED,
        rejection_reason="Motivo interno riservato",
    )
    return {"published": published, "no_place": no_place, "pending": pending, "rejected": rejected}


def body(response: Any) -> str:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode()


def assert_nothing_private(text: str) -> None:
    for private in (
        "private.person@example.org",
        "Giulietta",
        "Riservata",
        "In Attesa Segreta",
        "Rifiutata Segreta",
        "Motivo interno riservato",
        "reminder_sent_at",
        "rejection_reason",
        "status",
    ):
        assert private not in text


def test_csv_export(client: Client, cluster: dict[str, Organisation]) -> None:
    response = client.get("/directory/export.csv")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Link"] == LICENCE_LINK
    assert "attachment" in response["Content-Disposition"]
    text = body(response)
    assert_nothing_private(text)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0].keys()) == COLUMNS
    assert [row["name"] for row in rows] == ["Cantiere Creativo", "Senza Coordinate"]
    row = rows[0]
    assert row["sectors"] == "software|design"  # in the sectors' own order
    assert row["primary_sector"] == "design"
    assert row["email"] == "info@cantiere.example"
    assert row["latitude"] == "44.407100"
    assert row["open_to_international"] == "true"
    assert row["languages"] == "it|en"
    assert row["profile_url"].endswith("/it/directory/cantiere-creativo/")
    assert rows[1]["latitude"] == ""


def test_json_export(client: Client, cluster: dict[str, Organisation]) -> None:
    response = client.get("/directory/export.json")

    assert response["Content-Type"] == "application/json"
    assert response["Link"] == LICENCE_LINK
    assert response["Access-Control-Allow-Origin"] == "*"
    text = body(response)
    assert_nothing_private(text)
    data = json.loads(text)
    assert data["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "CC BY 4.0" in data["licence"]["name"]
    organisations = data["organisations"]
    assert [o["slug"] for o in organisations] == ["cantiere-creativo", cluster["no_place"].slug]
    first = organisations[0]
    assert tuple(first) == COLUMNS
    assert first["latitude"] == 44.4071
    assert first["sectors"] == ["software", "design"]
    assert first["open_to_international"] is True
    assert first["published_at"].startswith("20")


def test_geojson_export_has_only_placed_organisations(
    client: Client, cluster: dict[str, Organisation]
) -> None:
    response = client.get("/directory/export.geojson")

    assert response["Content-Type"] == "application/geo+json"
    assert response["Link"] == LICENCE_LINK
    text = body(response)
    assert_nothing_private(text)
    data = json.loads(text)
    assert data["type"] == "FeatureCollection"
    assert data["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    [feature] = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [8.9339, 44.4071]}
    assert feature["properties"]["name"] == "Cantiere Creativo"
    assert "latitude" not in feature["properties"]


def test_an_empty_directory_exports_valid_empty_files(client: Client) -> None:
    assert json.loads(body(client.get("/directory/export.json")))["organisations"] == []
    assert json.loads(body(client.get("/directory/export.geojson")))["features"] == []
    assert body(client.get("/directory/export.csv")).splitlines() == [",".join(COLUMNS)]


def test_the_export_reads_everything_in_one_query(
    client: Client, django_assert_max_num_queries: Any
) -> None:
    for _ in range(30):
        OrganisationFactory.create(sectors=[Sector.objects.get(slug="cinema")])

    response = client.get("/directory/export.json")
    with django_assert_max_num_queries(1):
        data = json.loads(body(response))

    assert len(data["organisations"]) == 30


def test_exports_are_outside_the_language_prefix_and_read_only(client: Client) -> None:
    assert client.get("/it/directory/export.csv").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/directory/export.xml").status_code == HTTPStatus.NOT_FOUND
    assert client.post("/directory/export.csv").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_csv_text_that_a_spreadsheet_would_run_is_quoted(client: Client) -> None:
    OrganisationFactory(name='=HYPERLINK("http://evil.example")', phone="+39 010 123456")

    response = client.get("/directory/export.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert rows[0]["name"] == '\'=HYPERLINK("http://evil.example")'
    assert rows[0]["phone"] == "+39 010 123456"
