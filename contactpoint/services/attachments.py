"""Uploads of guides: PDF files, checked by what they contain.

The name and the browser's content type say nothing reliable, so a file is a
PDF when it starts with the PDF header and pypdf can read its structure and
pages. Files are size-limited before any parsing.
"""

from __future__ import annotations

import io
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

MAX_PDF_BYTES = 10 * 1024 * 1024
PDF_HEADER = b"%PDF-"


def validate_pdf(upload: File[Any]) -> None:
    """Raise `ValidationError` unless `upload` is a readable PDF within the size limit.

    Codes: `empty`, `too_big`, `invalid_type` (not a PDF at all), `unreadable`
    (starts like a PDF but is damaged or encrypted).
    """
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > MAX_PDF_BYTES:
        raise ValidationError(
            _("The file is %(size)s; a PDF may be at most %(limit)s."),
            code="too_big",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_PDF_BYTES)},
        )
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    # The header may follow a little junk (the specification allows 1 KB).
    if PDF_HEADER not in content[:1024]:
        raise ValidationError(
            _("This file is not a PDF: attach documents as PDF files."), code="invalid_type"
        )
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                _("This PDF is protected by a password: attach a copy anyone can open."),
                code="unreadable",
            )
        if len(reader.pages) == 0:
            raise PyPdfError("no pages")
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        raise ValidationError(
            _("This PDF is damaged and cannot be opened: save or export it again."),
            code="unreadable",
        ) from None
