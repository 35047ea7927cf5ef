"""PDF attachments of guides: accepted by content, refused otherwise."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from contactpoint.admin.guides import GuideAttachmentForm
from contactpoint.services import attachments
from contactpoint.services.attachments import validate_pdf


def desk_pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def desk_upload(content: bytes, name: str = "form.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def desk_refusal_code(content: bytes, name: str = "form.pdf") -> str:
    with pytest.raises(ValidationError) as raised:
        validate_pdf(desk_upload(content, name))
    return str(raised.value.code)


def test_a_real_pdf_is_accepted() -> None:
    validate_pdf(desk_upload(desk_pdf_bytes()))


def test_a_file_named_pdf_that_is_not_one_is_refused() -> None:
    assert desk_refusal_code(b"MZ\x90\x00 an executable, named like a PDF") == "invalid_type"
    assert desk_refusal_code(b"<html><script>alert(1)</script></html>") == "invalid_type"


def test_a_pdf_header_on_broken_content_is_refused() -> None:
    assert desk_refusal_code(b"%PDF-1.7\nthis is not a PDF body at all") == "unreadable"


def test_an_empty_file_is_refused() -> None:
    assert desk_refusal_code(b"") == "empty"


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(attachments, "MAX_PDF_BYTES", 100)

    assert desk_refusal_code(desk_pdf_bytes()) == "too_big"


@pytest.mark.usefixtures("english")
@pytest.mark.django_db
def test_the_admin_form_refuses_a_file_that_is_not_a_pdf_with_a_clear_message() -> None:
    form = GuideAttachmentForm(
        data={"title": "Modulo", "order": 0},
        files={"file": desk_upload(b"GIF89a not a pdf", "modulo.pdf")},
    )

    assert not form.is_valid()
    assert form.errors["file"] == ["This file is not a PDF: attach documents as PDF files."]


@pytest.mark.django_db
def test_the_admin_form_accepts_a_pdf_and_records_its_size() -> None:
    content = desk_pdf_bytes()
    form = GuideAttachmentForm(
        data={"title": "Modulo", "order": 0}, files={"file": desk_upload(content, "x.bin")}
    )

    assert form.is_valid(), form.errors
    assert form.instance.size == len(content)
