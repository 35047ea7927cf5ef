"""Open data: published organisations as CSV, JSON and GeoJSON, no personal data."""

import csv
import io
import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import StreamingHttpResponse
from django.test import Client

from directory.exports import COLUMNS
from directory.models import Organisation, Sector
from tests.directory.factories import OrganisationFactory, SectorFactory, UserFactory
from tests.text import store_raw

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
    assert body(client.get("/directory/export.csv")).splitlines() == [
        ",".join(f'"{column}"' for column in COLUMNS)
    ]


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


def csv_rows(response: Any) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body(response))))


def test_csv_text_that_a_spreadsheet_would_run_is_quoted(client: Client) -> None:
    OrganisationFactory(name='=HYPERLINK("http://evil.example")', phone="010 123456")

    [row] = csv_rows(client.get("/directory/export.csv"))

    assert row["name"] == '\'=HYPERLINK("http://evil.example")'
    assert row["phone"] == "010 123456"


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("email", "=1+2@x.example"),
        ("phone", "+(1)/(2)-3"),
        ("website", "-2+3"),
        ("linkedin", "@SUM(1+1)"),
        # Single-line columns hold no tab nor line break (creativecities/text.py).
        ("description_it", "\t=cmd"),
        ("description_en", "\n=cmd"),
        ("postcode", "+1"),
        ("vat_number", "=1+1"),
        ("ateco_code", "-1"),
        ("short_description_en", "@cmd"),
        ("description_it", "=cmd|' /C calc'!A0"),
    ],
)
def test_every_text_column_that_would_run_is_quoted(
    client: Client, column: str, value: str
) -> None:
    OrganisationFactory(**{column: value})

    [row] = csv_rows(client.get("/directory/export.csv"))
    data = json.loads(body(client.get("/directory/export.json")))

    assert row[column] == f"'{value}"
    assert data["organisations"][0][column] == value  # JSON is not a spreadsheet


def test_lists_that_would_run_are_quoted(client: Client) -> None:
    dash = SectorFactory(slug="-dash", order=0)
    OrganisationFactory(primary_sector=dash, languages=["@x", "it"])

    [row] = csv_rows(client.get("/directory/export.csv"))

    assert row["sectors"] == "'-dash"
    assert row["primary_sector"] == "'-dash"
    assert row["languages"] == "'@x|it"


def test_numbers_and_plain_text_are_written_as_they_are(client: Client) -> None:
    OrganisationFactory(
        name="Studio = Luce",
        latitude=Decimal("-33.868800"),
        longitude=Decimal("-151.209300"),
        year_founded=1999,
        phone="+39 010 123456",
    )

    response = client.get("/directory/export.csv")
    text = body(response)
    [row] = list(csv.DictReader(io.StringIO(text)))

    assert row["name"] == "Studio = Luce"
    assert row["latitude"] == "-33.868800"  # a number, not a formula
    assert row["longitude"] == "-151.209300"
    assert row["year_founded"] == "1999"
    assert row["phone"] == "'+39 010 123456"
    # Every cell quoted: a spreadsheet splitting at semicolons keeps each text whole.
    assert text.startswith('"slug","name",')
    assert '"Studio = Luce"' in text


def test_an_exported_file_imports_as_it_was(client: Client, desk: Client) -> None:
    OrganisationFactory(
        name="=Studio Sonoro",
        phone="+39 010 123456",
        short_description_it="-30% sui corsi",
        email="=1+2@x.example",
    )
    exported = body(client.get("/directory/export.csv")).encode()
    upload = SimpleUploadedFile("export.csv", exported, content_type="text/csv")

    preview = desk.post(
        "/admin/directory/organisation/import/", {"import_file": upload, "format": "0"}
    )
    form = preview.context["confirm_form"]
    desk.post(
        "/admin/directory/organisation/process_import/",
        {name: form[name].value() for name in form.fields},
    )

    copy = Organisation.objects.exclude(slug=Organisation.objects.order_by("pk")[0].slug).get()
    assert copy.name == "=Studio Sonoro"
    assert copy.phone == "+39 010 123456"
    assert copy.short_description_it == "-30% sui corsi"
    assert copy.email == "=1+2@x.example"


def test_control_characters_stored_in_a_row_leave_every_format(client: Client) -> None:
    """A row stored before text was cleaned at input (or by a path no form
    guards): its control characters leave every file, a line break stays one."""
    organisation = OrganisationFactory(latitude=Decimal("44.4"), longitude=Decimal("8.9"))
    store_raw(organisation, "name", "Studio\x0bLanterna\x1b")
    store_raw(organisation, "description_en", "Two\r\nlines\x07")

    [row] = csv_rows(client.get("/directory/export.csv"))
    listed = json.loads(body(client.get("/directory/export.json")))["organisations"]
    [feature] = json.loads(body(client.get("/directory/export.geojson")))["features"]
    [marker] = client.get("/en/directory/map.geojson").json()["features"]
    profile = client.get(organisation.get_absolute_url()).content.decode()

    assert (row["name"], row["description_en"]) == ("Studio\nLanterna", "Two\nlines")
    assert (listed[0]["name"], listed[0]["description_en"]) == ("Studio\nLanterna", "Two\nlines")
    assert feature["properties"]["name"] == "Studio\nLanterna"
    assert marker["properties"]["name"] == "Studio\nLanterna"
    assert '"name": "Studio\\nLanterna"' in profile  # the profile's JSON-LD
