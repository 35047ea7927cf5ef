"""Uploaded files: stored under names the portal chooses, served with safe headers."""

import re
from http import HTTPStatus
from typing import Any

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.test import Client
from django.utils.http import http_date

from contactpoint.models import GuideAttachment
from creativecities.media import PortalFileName, files_moved_to_portal_names
from tests.contactpoint.factories import GuideFactory
from tests.contactpoint.test_attachments import desk_pdf_bytes

HTML = b"<html><script>alert(document.cookie)</script></html>"


def file_fields() -> list[tuple[str, models.FileField]]:
    return [
        (f"{model._meta.label}.{field.name}", field)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]


def served(path: str, **headers: Any) -> Any:
    return Client().get(f"/media/{path}", headers=headers)


def test_every_upload_is_stored_under_a_name_the_portal_chooses() -> None:
    """Whatever path stores a file (form, admin, shell), the sender's name is
    dropped: a new file field without `PortalFileName` fails here."""
    fields = file_fields()
    assert {label for label, _field in fields} >= {
        "contactpoint.GuideAttachment.file",
        "contactpoint.PremisesPhoto.image",
        "directory.Organisation.logo",
        "directory.Partner.logo",
    }
    for label, field in fields:
        assert isinstance(field.upload_to, PortalFileName), label
        name = field.generate_filename(None, "polyglot.html")
        expected = rf"{re.escape(field.upload_to.folder)}/[0-9a-f]{{32}}\.(webp|pdf)"
        assert re.fullmatch(expected, name), (label, name)
        assert field.upload_to.chose(name)
    attachment = GuideAttachment._meta.get_field("file")
    assert isinstance(attachment, models.FileField)
    assert attachment.generate_filename(None, "polyglot.html").endswith(".pdf")


def test_an_image_is_shown_and_cached_for_a_year() -> None:
    name = default_storage.save("logos/" + "a" * 32 + ".webp", ContentFile(b"RIFF....WEBP"))
    response = served(name)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "image/webp"
    assert "attachment" not in response.get("Content-Disposition", "")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Last-Modified" in response

    again = served(name, if_modified_since=response["Last-Modified"])
    assert again.status_code == HTTPStatus.NOT_MODIFIED
    assert Client().post(f"/media/{name}").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_a_file_stored_under_its_senders_name_is_never_served_as_a_page() -> None:
    """Rows older than the portal's names (the data migration moves them; this
    is what a file it could not move gets): a download of unknown type."""
    for name in ("guides/polyglot.html", "guides/drawing.svg", "guides/page.HTM"):
        stored = default_storage.save(name, ContentFile(HTML))
        response = served(stored)
        assert response.status_code == HTTPStatus.OK, name
        assert response["Content-Type"] == "application/octet-stream"
        assert response["Content-Disposition"] == "attachment"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
        assert response["Cache-Control"] == "public, max-age=3600"


def test_only_stored_files_are_served() -> None:
    stored = default_storage.save("guides/" + "b" * 32 + ".pdf", ContentFile(desk_pdf_bytes()))
    assert served(stored).status_code == HTTPStatus.OK
    for path in (
        "guides/" + "c" * 32 + ".pdf",  # not stored
        "guides/",
        "guides",
        "guides/../guides/" + "b" * 32 + ".pdf",
        "../settings.py",
        "%2e%2e/settings.py",
        ".hidden",
        "guides//" + "b" * 32 + ".pdf",
    ):
        assert served(path).status_code == HTTPStatus.NOT_FOUND, path


@pytest.mark.django_db
def test_files_stored_under_their_senders_names_move_to_portal_names(
    django_capture_on_commit_callbacks: Any,
) -> None:
    guide = GuideFactory.create()
    polyglot = desk_pdf_bytes() + HTML
    old = default_storage.save("guides/polyglot.html", ContentFile(polyglot))
    moved = GuideAttachment.objects.create(guide=guide, title="Old", file=old)
    current = GuideAttachment.objects.create(guide=guide, title="Current")
    current.file.save("form.pdf", ContentFile(desk_pdf_bytes()))
    missing = GuideAttachment.objects.create(guide=guide, title="Lost", file="guides/lost.pdf")
    kept = current.file.name

    with django_capture_on_commit_callbacks(execute=True):
        assert files_moved_to_portal_names(GuideAttachment, "file") == 1

    moved.refresh_from_db()
    assert re.fullmatch(r"guides/[0-9a-f]{32}\.pdf", moved.file.name)
    with moved.file.open("rb") as file:
        assert file.read() == polyglot
    assert not default_storage.exists(old)
    assert GuideAttachment.objects.get(pk=current.pk).file.name == kept
    assert GuideAttachment.objects.get(pk=missing.pk).file.name == "guides/lost.pdf"


def test_a_stale_copy_is_refreshed_when_the_file_changed() -> None:
    name = default_storage.save("guides/legacy.pdf", ContentFile(desk_pdf_bytes()))
    modified = default_storage.get_modified_time(name).timestamp()
    assert served(name, if_modified_since=http_date(modified - 60)).status_code == HTTPStatus.OK
