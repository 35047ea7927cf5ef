"""Validators for Italian identifiers that organisations give."""

from __future__ import annotations

import re

import ateco
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

ATECO_EDITION = "2025"


def vat_number_is_valid(value: str) -> bool:
    """Check a Partita IVA: eleven digits whose last one is the Luhn check digit."""
    if len(value) != 11 or not value.isdigit() or value == "0" * 11:
        return False
    total = 0
    for position, char in enumerate(value[:10]):
        digit = int(char)
        if position % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return (10 - total % 10) % 10 == int(value[10])


def normalise_vat_number(value: str) -> str:
    """'IT 004.884.100-10' -> '00488410010': the number as written on invoices."""
    return re.sub(r"[\s.-]", "", value).upper().removeprefix("IT")


def validate_vat_number(value: str) -> None:
    if not vat_number_is_valid(normalise_vat_number(value)):
        raise ValidationError(
            _("Enter a valid Partita IVA: eleven digits, as on your invoices."),
            code="invalid_vat_number",
        )


def normalise_ateco_code(value: str) -> str:
    """'621000' or '62.10.00' -> '62.10.00'; codes are kept in dotted form."""
    return str(ateco.normalize(value.strip()))


def ateco_label(code: str) -> str:
    """The ISTAT title of an ATECO 2025 code, or an empty string if unknown."""
    node = ateco.lookup(code, edition=ATECO_EDITION)
    return str(node.title) if node else ""


def validate_ateco_code(value: str) -> None:
    try:
        code = normalise_ateco_code(value)
    except (ValueError, TypeError):
        code = value
    if not ateco.validate(code, edition=ATECO_EDITION):
        raise ValidationError(
            _(
                "%(code)s is not an ATECO 2025 code. Enter it as on your chamber of "
                "commerce record, e.g. 74.12 or 62.10.00."
            ),
            code="invalid_ateco_code",
            params={"code": value},
        )


validate_postcode = RegexValidator(
    r"^\d{5}$", _("A postcode is five digits."), code="invalid_postcode"
)
validate_phone = RegexValidator(
    r"^\+?[0-9 ()./-]{6,30}$",
    _("Enter a phone number with digits, spaces and an optional leading +."),
    code="invalid_phone",
)
