"""The desk edits guides in the admin: both languages, PDFs checked, history kept."""

import re
from http import HTTPStatus
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from contactpoint.models import Guide, GuideAttachment
from creativecities import history
from tests.contactpoint.test_attachments import desk_pdf_bytes

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


def test_a_pdf_sent_as_html_is_stored_and_served_as_a_pdf_download(
    desk_staff_client: Client, settings: Any
) -> None:
    """A valid PDF with HTML appended, sent as `polyglot.html`: the portal keeps
    its own name with the checked type's extension, and the public guide's link
    answers (with debug off, no media server in front) as a PDF to download,
    never as a page."""
    assert settings.DEBUG is False
    polyglot = desk_pdf_bytes() + b"\n<html><script>alert(document.cookie)</script></html>"
    data = desk_guide_form(
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-title_it": "Modulo SCIA",
            "attachments-0-title_en": "SCIA form",
            "attachments-0-order": "0",
            "attachments-0-file": SimpleUploadedFile("polyglot.html", polyglot, "text/html"),
        }
    )
    response = desk_staff_client.post("/admin/contactpoint/guide/add/", data)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]

    attachment = GuideAttachment.objects.get()
    assert re.fullmatch(r"guides/[0-9a-f]{32}\.pdf", attachment.file.name)
    page = Client().get("/en/contact-point/guides/permessi/").content.decode()
    link = re.search(r'<a href="([^"]+)" download="scia-form\.pdf">SCIA form</a>', page)
    assert link is not None, page
    assert "polyglot" not in page

    served = Client().get(link.group(1))
    assert served.status_code == HTTPStatus.OK
    assert served["Content-Type"] == "application/pdf"
    assert served["Content-Disposition"] == "attachment"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in served["Content-Security-Policy"]
    assert served["Cache-Control"] == "public, max-age=31536000, immutable"
    assert b"".join(served.streaming_content) == polyglot  # type: ignore[attr-defined]
