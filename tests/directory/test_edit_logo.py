"""The profile form takes a logo through the safe upload path."""

import io
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from directory.models import Organisation
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.directory.helpers import edit_data

pytestmark = pytest.mark.django_db


def png_upload(name: str = "logo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGBA", (300, 200), (0, 102, 204, 255)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_member_uploads_a_logo_that_is_re_encoded_with_a_thumbnail(client: Client) -> None:
    member = UserFactory()
    organisation = OrganisationFactory(members=[member])
    client.force_login(member)

    response = client.post(
        f"/en/directory/{organisation.slug}/edit/",
        {**edit_data(organisation), "new_logo": png_upload()},
    )

    assert response.status_code == HTTPStatus.FOUND
    organisation.refresh_from_db()
    assert organisation.logo.name.endswith(".webp")
    assert organisation.logo_thumbnail
    assert organisation.versions.first().data["logo"] == organisation.logo.name


def test_a_pdf_named_png_is_refused_and_nothing_else_is_lost(client: Client) -> None:
    member = UserFactory()
    organisation = OrganisationFactory(members=[member])
    client.force_login(member)
    fake = SimpleUploadedFile("logo.png", b"%PDF-1.7 not an image", content_type="image/png")

    response = client.post(
        f"/en/directory/{organisation.slug}/edit/",
        {**edit_data(organisation), "name": "Renamed studio", "new_logo": fake},
    )

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert 'value="Renamed studio"' in content
    assert "JPEG, PNG or WebP" in content
    organisation.refresh_from_db()
    assert Organisation.objects.filter(pk=organisation.pk, name="Renamed studio").count() == 0
    assert not organisation.logo


def test_member_removes_the_logo(client: Client) -> None:
    member = UserFactory()
    organisation = OrganisationFactory(members=[member])
    client.force_login(member)
    client.post(
        f"/en/directory/{organisation.slug}/edit/",
        {**edit_data(organisation), "new_logo": png_upload()},
    )
    organisation.refresh_from_db()
    assert organisation.logo

    response = client.post(
        f"/en/directory/{organisation.slug}/edit/",
        {**edit_data(organisation), "remove_logo": "on"},
    )

    assert response.status_code == HTTPStatus.FOUND
    organisation.refresh_from_db()
    assert not organisation.logo
