"""The directory's map page and the GeoJSON it draws, the small map of a
profile, and the map on which members place their pin."""

import json
import re
from http import HTTPStatus

import pytest
from django.test import Client

from directory import maps
from directory.models import Municipality, Organisation, Sector
from tests.directory.factories import UserFactory
from tests.directory.searchable import place, searchable, sector

pytestmark = pytest.mark.django_db


def located(name: str, **kwargs) -> Organisation:
    return searchable(name=name, latitude="44.407000", longitude="8.934000", **kwargs)


def test_map_page_is_the_list_of_results_without_javascript(client: Client) -> None:
    located("Studio Nervi")
    searchable(name="Senza Indirizzo")

    response = client.get("/en/directory/map/")

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Studio Nervi" in content
    assert "Senza Indirizzo" in content
    assert "Organisations found: 2" in content
    assert re.search(r'<div id="directory-map"[^>]*hidden', content, re.S)


def test_map_page_loads_leaflet_and_its_script_and_passes_the_filters(client: Client) -> None:
    content = client.get("/en/directory/map/?sector=design&page=2").content.decode()

    # Leaflet and its clustering plugin in one file each (issue 22's page weight).
    assert re.search(r'src="/static/vendor/leaflet/leaflet-clusters\.[0-9a-f]+\.js"', content)
    assert re.search(r'href="/static/vendor/leaflet/leaflet-clusters\.[0-9a-f]+\.css"', content)
    assert re.search(r'src="/static/js/map\.[0-9a-f]+\.js"', content)
    assert 'data-geojson="/en/directory/map.geojson?sector=design"' in content
    assert 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in content
    assert 'action="/en/directory/map/"' in content


def test_geojson_has_published_organisations_with_coordinates(client: Client) -> None:
    located(
        "Studio Nervi",
        slug="studio-nervi",
        primary_sector=sector("architecture"),
        municipality=place("camogli"),
    )
    searchable(name="Senza Indirizzo")
    located("In Attesa", status=Organisation.Status.PENDING)

    response = client.get("/en/directory/map.geojson")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert data["type"] == "FeatureCollection"
    assert data["features"] == [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [8.934, 44.407]},
            "properties": {
                "name": "Studio Nervi",
                "url": "/en/directory/studio-nervi/",
                "sector": "Architecture",
                "municipality": "Camogli",
                # Architecture is the second sector: the legend's second pin.
                "pin": 2,
                "colour": 2,
            },
        }
    ]


def test_geojson_follows_the_filters_and_the_language(client: Client) -> None:
    located("Studio Nervi", primary_sector=sector("architecture"))
    located("Pellicola", primary_sector=sector("cinema"), short_description_it="Cinema d'autore.")

    by_sector = client.get("/it/directory/map.geojson?sector=cinema").json()
    by_words = client.get("/it/directory/map.geojson?q=nervi").json()

    assert [f["properties"]["name"] for f in by_sector["features"]] == ["Pellicola"]
    assert by_sector["features"][0]["properties"]["sector"] == "Cinema"
    assert by_sector["features"][0]["properties"]["url"].startswith("/it/directory/")
    assert [f["properties"]["name"] for f in by_words["features"]] == ["Studio Nervi"]


def test_geojson_ignores_invalid_filters(client: Client) -> None:
    located("Studio Nervi")

    response = client.get("/en/directory/map.geojson?sector=nope&size=gigantic")

    assert response.status_code == HTTPStatus.OK
    assert len(response.json()["features"]) == 1


def test_map_page_has_a_legend_of_every_sector_by_number_and_name(client: Client) -> None:
    """The pins' colours are read by their numbers and names too."""
    content = client.get("/it/directory/map/").content.decode()

    legend = re.search(r'<section class="portal-map-legend".*?</section>', content, re.S)
    assert legend is not None
    pin = r'portal-pin-shape portal-pin-(\d+)"\s+aria-hidden="true"><span>(\d+)</span></span>'
    items = re.findall(pin + r"\s+([^<]+?)\s*</li>", legend.group(0))
    assert items[:2] == [("1", "1", "Patrimonio culturale"), ("2", "2", "Architettura")]
    assert len(items) == Sector.objects.count() == 12
    assert "Segnaposto per settore principale" in legend.group(0)


def test_pin_colours_start_again_after_the_twelfth_sector() -> None:
    assert [maps.pin_colour(number) for number in (1, 12, 13, 25)] == [1, 12, 1, 1]


def test_a_profile_with_coordinates_shows_them_on_a_small_map(client: Client) -> None:
    studio = located("Studio Nervi", slug="studio-nervi", primary_sector=sector("cinema"))
    elsewhere = searchable(name="Senza Indirizzo", slug="senza-indirizzo")

    content = client.get("/it/directory/studio-nervi/").content.decode()
    without = client.get("/it/directory/senza-indirizzo/").content.decode()

    # Unlocalised degrees (an Italian "44,407000" would be read as 44), the
    # sector's pin (cinema is the fifth), Leaflet and the script loaded.
    assert 'data-latitude="44.407000"' in content and 'data-longitude="8.934000"' in content
    assert 'data-pin="5"' in content and 'data-colour="5"' in content
    assert "Sulla mappa" in content
    assert "https://www.openstreetmap.org/?mlat=44.407000&amp;mlon=8.934000" in content
    assert re.search(r'src="/static/js/map\.[0-9a-f]+\.js"', content)
    assert studio.name in content and elsewhere.name in without
    assert "data-place-map" not in without and "leaflet" not in without


def test_every_place_has_a_centre_in_the_metropolitan_area() -> None:
    """The map of a member's pin starts at their place's centre."""
    centres = maps.municipality_centres()

    assert len(centres) == Municipality.objects.count() == 75
    for latitude, longitude in centres.values():
        assert 44.2 < latitude < 44.7 and 8.6 < longitude < 9.55
    camogli = place("camogli")
    assert centres[str(camogli.pk)] == [float(camogli.latitude), float(camogli.longitude)]


def test_the_profile_form_offers_a_map_for_the_pin_and_keeps_the_fields(client: Client) -> None:
    member = UserFactory.create()
    organisation = searchable(
        name="Studio Nervi", slug="studio-nervi", members=[member], municipality=place("camogli")
    )
    client.force_login(member)

    content = client.get("/it/directory/studio-nervi/edit/").content.decode()

    picker = re.search(r"<div class=\"portal-pin-picker.*?</div>\s*</div>", content, re.S)
    assert picker is not None and " hidden>" in picker.group(0)  # shown by the script
    assert 'data-latitude-field="id_latitude"' in picker.group(0)
    assert 'data-municipality-field="id_municipality"' in picker.group(0)
    centres = re.search(
        r'<script id="municipality-centres" type="application/json">(.*?)</script>', content
    )
    assert centres is not None
    assert json.loads(centres.group(1))[str(organisation.municipality_id)] == [44.3487, 9.1549]
    # Without JavaScript the two fields are the way to give the place.
    assert 'name="latitude"' in content and 'name="longitude"' in content
    assert re.search(r'src="/static/vendor/leaflet/leaflet\.[0-9a-f]+\.js"', content)
