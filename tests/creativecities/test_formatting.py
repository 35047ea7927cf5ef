"""Numbers, money, percentages and dates as each language writes them, through
the functions and the filters every template has without loading them."""

import datetime
import math
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from creativecities import formatting

NBSP = "\u00a0"
DAY = datetime.date(2026, 12, 7)


def render(source: str, **context: object) -> str:
    return Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("it", 1551.5, "1.551,5"),
        ("en", 1551.5, "1,551.5"),
        ("it", Decimal("80.00"), "80"),
        ("en", Decimal("80.00"), "80"),
        ("it", 40000, "40.000"),
        ("en", 40000, "40,000"),
        ("it", 0.004, "0"),
        ("it", -0.001, "0"),
        ("en", Decimal("2.345"), "2.35"),
        ("it", "12.5", "12,5"),
    ],
)
def test_numbers_group_thousands_and_drop_trailing_zeros(
    language: str, value: object, expected: str
) -> None:
    with translation.override(language):
        assert formatting.number(value) == expected


def test_numbers_keep_the_decimals_asked_for() -> None:
    with translation.override("it"):
        assert formatting.number(1551.5, 2) == "1.551,50"
        assert render("{{ value|number:2 }}", value=1551.5) == "1.551,50"
    with translation.override("en"):
        assert formatting.number(7, 1) == "7.0"


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("it", 1551.5, f"1.551,50{NBSP}€"),
        ("en", 1551.5, "€1,551.50"),
        ("it", Decimal("40000.00"), f"40.000{NBSP}€"),
        ("en", Decimal("40000.00"), "€40,000"),
        ("it", -3.5, f"-3,50{NBSP}€"),
        ("en", -3.5, "-€3.50"),
    ],
)
def test_money_writes_the_euro_where_the_language_does(
    language: str, value: object, expected: str
) -> None:
    with translation.override(language):
        assert formatting.money(value) == expected
        assert render("{{ value|money }}", value=value) == expected


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [("it", 12.5, "12,5%"), ("en", 12.5, "12.5%"), ("it", 100.0, "100%"), ("en", 20.333, "20.3%")],
)
def test_percentages(language: str, value: float, expected: str) -> None:
    with translation.override(language):
        assert formatting.percent(value) == expected
        assert render("{{ value|percent }}", value=value) == expected


@pytest.mark.parametrize(
    ("language", "long", "short", "month"),
    [
        ("it", "7 dicembre 2026", "7 dic 2026", "dic 2026"),
        ("en", "7 December 2026", "7 Dec 2026", "Dec 2026"),
    ],
)
def test_dates(language: str, long: str, short: str, month: str) -> None:
    with translation.override(language):
        assert render("{{ d|day }}", d=DAY) == long
        assert render("{{ d|short_day }}", d=DAY) == short
        assert render("{{ d|month }}", d=DAY) == month
        # Django's own filter reads the portal's formats too: no "Dec. 7, 2026".
        assert render('{{ d|date:"DATE_FORMAT" }}', d=DAY) == long
        assert render('{{ d|date:"SHORT_DATE_FORMAT" }}', d=DAY) == short


def test_times_are_shown_in_rome() -> None:
    utc = datetime.datetime(2026, 11, 17, 13, 30, tzinfo=datetime.UTC)
    with translation.override("it"):
        assert formatting.moment(utc) == "17 novembre 2026, 14:30"
    with translation.override("en"):
        assert formatting.moment(utc) == "17 November 2026, 14:30"
        assert formatting.day(utc) == "17 November 2026"


@pytest.mark.parametrize("missing", [None, "", math.nan])
def test_a_missing_value_reads_as_words(missing: object) -> None:
    with translation.override("it"):
        for name in ("number", "money", "percent", "day", "short_day", "moment", "month"):
            assert render(f"{{{{ value|{name} }}}}", value=missing) == "nessun valore"
    with translation.override("en"):
        assert render("{{ value|money }}", value=missing) == "no value yet"


def test_text_that_is_not_a_figure_is_given_back_escaped() -> None:
    assert render("{{ value|number }}", value="<b>n/a</b>") == "&lt;b&gt;n/a&lt;/b&gt;"
    assert formatting.number("Infinity") == "Infinity"
    assert formatting.money(True) == "True"


def test_lists_have_no_space_before_a_comma() -> None:
    assert render("{{ items|listing }}", items=["Cinema ", "\nSoftware", "", "Publishing"]) == (
        "Cinema, Software, Publishing"
    )
