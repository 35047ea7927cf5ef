import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from directory.validators import (
    ateco_label,
    normalise_ateco_code,
    validate_ateco_code,
    validate_vat_number,
    vat_number_is_valid,
)

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize("value", ["00488410010", "01234567897", "12345678903"])
def test_real_partite_iva_pass(value: str) -> None:
    assert vat_number_is_valid(value)


@pytest.mark.parametrize(
    "value", ["00488410011", "0048841001", "004884100100", "ABCDEFGHILM", "00000000000", ""]
)
def test_wrong_partite_iva_are_refused_with_a_clear_message(value: str) -> None:
    with pytest.raises(ValidationError, match="eleven digits"):
        validate_vat_number(value)


def test_vat_message_is_in_italian_on_italian_pages() -> None:
    with translation.override("it"), pytest.raises(ValidationError, match="undici cifre"):
        validate_vat_number("123")


def test_ateco_codes_are_checked_against_the_2025_classification() -> None:
    validate_ateco_code("74.12")
    validate_ateco_code("62.10.00")
    with pytest.raises(ValidationError, match="not an ATECO 2025"):
        validate_ateco_code("99.99.99")


def test_ateco_codes_are_normalised_and_labelled() -> None:
    assert normalise_ateco_code("621000") == "62.10.00"
    assert ateco_label("71.11") == "Attività di architettura"
    assert ateco_label("99.99") == ""
