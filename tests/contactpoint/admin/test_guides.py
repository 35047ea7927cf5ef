"""The desk edits guides in the admin: both languages, PDFs checked, history kept."""

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from contactpoint.models import Guide
from directory import history

pytestmark = pytest.mark.django_db


def desk_guide_form(**extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "topic": "permits",
        "title_it": "Permessi",
        "title_en": "Permits",
        "slug": "permessi",
        "summary_it": "Sintesi",
        "summary_en": "Summary",
        "body_it": "## Testo",
        "body_en": "## Text",
        "last_reviewed": "2026-11-01",
        "published": "on",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
    }
    data.update(extra)
    return data


def test_staff_add_a_guide_and_it_is_versioned(desk_staff_client: Client) -> None:
    response = desk_staff_client.post("/admin/contactpoint/guide/add/", desk_guide_form())

    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    guide = Guide.objects.get()
    assert len(history.versions_of(guide)) == 1
    assert Guide.objects.search("permits").get() == guide


def test_an_attachment_that_is_not_a_pdf_is_refused_in_the_admin(
    desk_staff_client: Client,
) -> None:
    data = desk_guide_form(
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-title_it": "Modulo",
            "attachments-0-order": "0",
            "attachments-0-file": SimpleUploadedFile("modulo.pdf", b"<html>not a pdf</html>"),
        }
    )

    response = desk_staff_client.post("/admin/contactpoint/guide/add/", data)

    assert response.status_code == HTTPStatus.OK
    assert "This file is not a PDF: attach documents as PDF files." in response.content.decode()
    assert not Guide.objects.exists()
