"""The desk's screens for premises: a photo uploaded inline is stored re-encoded,
and every save is recorded in the history."""

import io
from http import HTTPStatus
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from contactpoint.models import Premises
from creativecities.history import versions_of
from tests.contactpoint.factories_calls import PremisesFactory

pytestmark = pytest.mark.django_db


def calls_premises_form(premises: Premises, **extra: Any) -> dict[str, Any]:
    return {
        "title_it": premises.title_it,  # type: ignore[attr-defined]
        "title_en": "Renamed",
        "slug": premises.slug,
        "kind": premises.kind,
        "description_it": "",
        "description_en": "",
        "floor_area": "75",
        "monthly_rent": "650",
        "available_from": "",
        "address": premises.address,
        "municipality": str(premises.municipality_id),
        "latitude": "44.412100",
        "longitude": "8.926400",
        "regeneration_area": "sampierdarena",
        "contact_name": "Desk",
        "contact_email": "desk@example.org",
        "contact_phone": "",
        "is_published": "on",
        "photos-TOTAL_FORMS": "1",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
        "photos-0-caption_it": "Facciata",
        "photos-0-caption_en": "Front",
        "photos-0-order": "0",
        **extra,
    }


def test_a_photo_uploaded_in_the_admin_is_stored_re_encoded(
    client: Client, staff_user: Any
) -> None:
    premises = PremisesFactory()
    client.force_login(staff_user)
    buffer = io.BytesIO()
    Image.new("RGB", (2400, 1600), "#aa3311").save(buffer, "JPEG")
    upload = SimpleUploadedFile("front.jpg", buffer.getvalue(), content_type="image/jpeg")

    response = client.post(
        f"/admin/contactpoint/premises/{premises.pk}/change/",
        calls_premises_form(premises, **{"photos-0-upload": upload}),
    )

    assert response.status_code == HTTPStatus.FOUND, response.context["errors"]
    (photo,) = premises.photos.all()
    stored = Image.open(photo.image.path)
    assert stored.format == "WEBP" and max(stored.size) == 1600
    assert photo.caption_en == "Front"  # type: ignore[attr-defined]
    premises.refresh_from_db()
    assert premises.regeneration_area == "sampierdarena"
    assert versions_of(premises).exists()


def test_a_file_that_is_not_an_image_is_refused_in_the_admin(
    client: Client, staff_user: Any
) -> None:
    premises = PremisesFactory()
    client.force_login(staff_user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    fake = SimpleUploadedFile("front.jpg", b"MZ not an image", content_type="image/jpeg")

    response = client.post(
        f"/admin/contactpoint/premises/{premises.pk}/change/",
        calls_premises_form(premises, **{"photos-0-upload": fake}),
    )

    assert response.status_code == HTTPStatus.OK
    assert "not a JPEG, PNG or WebP image" in response.content.decode()
    assert not premises.photos.exists()


def test_a_new_photo_row_needs_a_file(client: Client, staff_user: Any) -> None:
    premises = PremisesFactory()
    client.force_login(staff_user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    response = client.post(
        f"/admin/contactpoint/premises/{premises.pk}/change/", calls_premises_form(premises)
    )

    assert response.status_code == HTTPStatus.OK
    assert "Choose a photo to upload." in response.content.decode()
    assert not premises.photos.exists()
