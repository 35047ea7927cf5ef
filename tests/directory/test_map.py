"""The directory's map page and the GeoJSON it draws."""

import re
from http import HTTPStatus

import pytest
from django.test import Client

from directory.models import Organisation
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

    assert re.search(r'src="/static/vendor/leaflet/leaflet\.[0-9a-f]+\.js"', content)
    assert re.search(
        r'src="/static/vendor/leaflet.markercluster/leaflet\.markercluster\.[0-9a-f]+\.js"', content
    )
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
