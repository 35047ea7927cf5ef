"""The public profile of an organisation, seen by the public and by its members."""

import datetime
import json
import re
from http import HTTPStatus

import pytest
from django.test import Client
from django.utils import dateformat, timezone, translation

from directory.models import Organisation
from tests.directory.factories import UserFactory
from tests.directory.searchable import place, searchable, sector

pytestmark = pytest.mark.django_db


def local_noon(days_ago: int) -> datetime.datetime:
    """Noon in the portal's time zone some days back: the same date wherever it is shown."""
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=timezone.get_current_timezone())


def full_profile(**kwargs) -> Organisation:
    values = {
        "name": "Studio Nervi",
        "slug": "studio-nervi",
        "kind": Organisation.Kind.COMPANY,
        "primary_sector": sector("architecture"),
        "sectors": [sector("design")],
        "short_description_it": "Architettura e paesaggio a Genova.",
        "short_description_en": "Architecture and landscape in Genoa.",
        "description_it": "Progettiamo spazi pubblici.\n\nE giardini.",
        "description_en": "We design public spaces.\n\nAnd gardens.",
        "website": "https://nervi.example",
        "email": "info@nervi.example",
        "phone": "+39 010 123456",
        "address": "Via Balbi 5",
        "postcode": "16126",
        "municipality": place("municipio-i-centro-est"),
        "latitude": "44.414000",
        "longitude": "8.927000",
        "size": Organisation.Size.MICRO,
        "year_founded": 1998,
        "instagram": "https://instagram.example/nervi",
        "linkedin": "https://linkedin.example/nervi",
        "open_to_international": True,
        "languages": ["it", "en", "fr"],
        "confirmed_at": local_noon(days_ago=30),
    }
    values.update(kwargs)
    return searchable(**values)


def test_public_profile_in_english(client: Client) -> None:
    confirmed = local_noon(days_ago=100)
    full_profile(confirmed_at=confirmed)

    response = client.get("/en/directory/studio-nervi/")

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "<h1>Studio Nervi</h1>" in content
    assert "Architecture and landscape in Genoa." in content
    assert "<p>We design public spaces.</p>" in content
    for text in [
        "Architecture",
        "Design",
        "Via Balbi 5",
        "Municipio I Centro Est",
        "2 to 9 employees",
        "1998",
        "Italian, English, French",
        "Open to international cooperation",
    ]:
        assert text in content, text
    with translation.override("en"):
        shown = dateformat.format(confirmed, "j F Y")  # e.g. "14 March 2026", "5 November 2026"
    assert f"Last confirmed on {shown} by the organisation." in content


def test_profile_in_italian_falls_back_per_field(client: Client) -> None:
    full_profile(description_en="")

    content = client.get("/en/directory/studio-nervi/").content.decode()
    italian = client.get("/it/directory/studio-nervi/").content.decode()

    assert "Progettiamo spazi pubblici." in content
    assert "Architettura e paesaggio a Genova." in italian
    assert "Ultima conferma" in italian


def test_outside_links_open_safely(client: Client) -> None:
    full_profile()

    content = client.get("/en/directory/studio-nervi/").content.decode()

    for url in ["https://nervi.example", "https://instagram.example/nervi"]:
        link = re.search(rf'<a href="{re.escape(url)}"[^>]*>', content)
        assert link and 'rel="noopener"' in link.group(0), url
    assert 'href="mailto:info@nervi.example"' in content
    assert 'href="tel:+39010123456"' in content


def test_social_pages_are_linked_and_named_in_structured_data(client: Client) -> None:
    full_profile(instagram="", facebook="https://facebook.example/nervi")

    content = client.get("/en/directory/studio-nervi/").content.decode()

    contacts = content[content.index('id="contacts-title"') :]
    assert re.findall(r">(LinkedIn|Instagram|Facebook)<", contacts) == ["LinkedIn", "Facebook"]
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    assert block
    assert json.loads(block.group(1))["sameAs"] == [
        "https://linkedin.example/nervi",
        "https://facebook.example/nervi",
    ]


def test_a_profile_without_contacts_has_no_contacts_section(client: Client) -> None:
    full_profile(website="", email="", phone="", instagram="", linkedin="")

    response = client.get("/en/directory/studio-nervi/")

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<h1>Studio Nervi</h1>" in content
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    assert block
    assert json.loads(block.group(1))["name"] == "Studio Nervi"
    assert 'id="contacts-title"' not in content
    assert "sameAs" not in content


def test_profile_carries_schema_org_organization(client: Client) -> None:
    full_profile()

    content = client.get("/en/directory/studio-nervi/").content.decode()

    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    assert block
    data = json.loads(block.group(1))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Studio Nervi"
    assert data["url"] == "https://nervi.example"
    assert data["@id"].endswith("/en/directory/studio-nervi/")
    assert data["address"]["addressLocality"] == "Genova"
    assert data["address"]["postalCode"] == "16126"
    assert data["foundingDate"] == "1998"
    assert data["numberOfEmployees"] == {"@type": "QuantitativeValue", "minValue": 2, "maxValue": 9}
    assert data["location"]["geo"]["latitude"] == pytest.approx(44.414)
    assert "https://instagram.example/nervi" in data["sameAs"]
    assert data["knowsAbout"] == ["Architecture", "Design"]


def test_structured_data_cannot_break_out_of_its_block(client: Client) -> None:
    full_profile(name="Evil </script><script>alert(1)</script> & Co")

    content = client.get("/en/directory/studio-nervi/").content.decode()

    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    assert block
    assert json.loads(block.group(1))["name"] == "Evil </script><script>alert(1)</script> & Co"
    assert "<script>alert(1)" not in content
    # The only script elements are the data block and files of this site.
    for tag in re.findall(r"<script[^>]*>", content):
        assert 'type="application/ld+json"' in tag or "src=" in tag


def test_open_graph_tags(client: Client) -> None:
    full_profile()

    content = client.get("/en/directory/studio-nervi/").content.decode()

    assert '<meta property="og:title" content="Studio Nervi">' in content
    assert re.search(
        r'<meta property="og:description"\s+content="Architecture and landscape in Genoa.">',
        content,
    )
    assert re.search(
        r'<meta property="og:url" content="http[^"]+/en/directory/studio-nervi/">', content
    )
    assert '<meta property="og:locale" content="en_GB">' in content
    assert '<meta property="og:type" content="website">' in content


@pytest.mark.parametrize(
    "status",
    [
        Organisation.Status.DRAFT,
        Organisation.Status.PENDING,
        Organisation.Status.REJECTED,
        Organisation.Status.ARCHIVED,
    ],
)
def test_profiles_not_published_are_404_to_the_public(client: Client, status: str) -> None:
    full_profile(status=status, rejection_reason="Not creative." if status == "rejected" else "")

    response = client.get("/en/directory/studio-nervi/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Studio Nervi" not in response.content.decode()


def test_lapsed_profile_is_404_to_the_public(client: Client) -> None:
    full_profile(
        confirmed_at=timezone.now() - Organisation.LAPSE_AFTER - datetime.timedelta(days=1)
    )

    assert client.get("/en/directory/studio-nervi/").status_code == HTTPStatus.NOT_FOUND


def test_unknown_slug_is_404(client: Client) -> None:
    assert client.get("/en/directory/nobody/").status_code == HTTPStatus.NOT_FOUND


def test_a_member_previews_a_pending_profile_with_a_banner(client: Client) -> None:
    member = UserFactory()
    full_profile(status=Organisation.Status.PENDING, members=[member])
    client.force_login(member)

    response = client.get("/en/directory/studio-nervi/")

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Preview: this profile is not public." in content
    assert '<meta name="robots" content="noindex">' in content
    assert "application/ld+json" not in content
    assert "no-store" in response["Cache-Control"]


def test_staff_preview_a_lapsed_profile(client: Client, staff_user) -> None:
    full_profile(
        confirmed_at=timezone.now() - Organisation.LAPSE_AFTER - datetime.timedelta(days=1)
    )
    client.force_login(staff_user)

    content = client.get("/en/directory/studio-nervi/").content.decode()

    assert "Preview: this profile is not public." in content
    assert "nobody has confirmed it for 18 months" in content


def test_the_lapse_banner_follows_the_lapse_rule(
    client: Client, staff_user, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Organisation, "LAPSE_AFTER", datetime.timedelta(days=365))
    full_profile(confirmed_at=timezone.now() - datetime.timedelta(days=400))
    client.force_login(staff_user)

    content = client.get("/en/directory/studio-nervi/").content.decode()

    assert "nobody has confirmed it for 12 months" in content


def test_a_member_of_another_organisation_cannot_preview(client: Client) -> None:
    outsider = UserFactory()
    searchable(name="Other", members=[outsider])
    full_profile(status=Organisation.Status.PENDING)
    client.force_login(outsider)

    assert client.get("/en/directory/studio-nervi/").status_code == HTTPStatus.NOT_FOUND


def test_a_public_profile_has_no_preview_banner(client: Client) -> None:
    member = UserFactory()
    full_profile(members=[member])
    client.force_login(member)

    response = client.get("/en/directory/studio-nervi/")

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "<h1>Studio Nervi</h1>" in content
    assert "Preview" not in content
