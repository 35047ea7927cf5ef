"""Numbers, money, percentages and dates as each language writes them.

One place for every page, chart, export header and sentence built in Python,
so that the same figure never reads "1551,5" on one page and "1.551,50 €" on
the next. Italian groups thousands with a dot and writes the euro after the
amount ("1.551,50 €", "7 dic 2026", "17 novembre 2026"); British English
groups with a comma and writes it before ("€1,551.50", "7 Dec 2026",
"17 November 2026"). The separators and date formats come from Django's
format modules, overridden in `creativecities/formats/`; the templates reach
these functions as filters (`creativecities/templatetags/formatting.py`,
built into every template).

A missing value (None, an empty string, NaN) is written as words ("nessun
valore" / "no value yet"), never as "None".
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils import dateformat, formats, timezone
from django.utils.translation import get_language, pgettext

# Between an amount and its currency sign: never broken across two lines.
NBSP = "\u00a0"


def no_value() -> str:
    """What a figure that has no value yet reads as."""
    return pgettext("figure", "no value yet")


def _missing(value: Any) -> bool:
    if value is None or value == "":
        return True
    return isinstance(value, float) and math.isnan(value)


def _decimal(value: Any) -> Decimal | None:
    """`value` as a Decimal, or None when it is not a number at all."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if math.isfinite(value) else None
    if isinstance(value, str):
        try:
            parsed = Decimal(value.strip())
        except InvalidOperation:
            return None
        return parsed if parsed.is_finite() else None
    return None


def _places(amount: Decimal, decimals: int | None, most: int) -> int:
    """Decimal places to show: `decimals` when given, else as many as the
    value has (trailing zeros dropped), at most `most`."""
    if decimals is not None:
        return max(decimals, 0)
    exponent = (
        amount.quantize(Decimal(1).scaleb(-most), ROUND_HALF_UP).normalize().as_tuple().exponent
    )
    shown = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return min(shown, most)


def _grouped(amount: Decimal, places: int) -> str:
    rounded = amount.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)  # 2.345 reads 2.35
    if rounded == 0:
        rounded = abs(rounded)  # never "-0"
    return str(
        formats.number_format(rounded, decimal_pos=places, use_l10n=True, force_grouping=True)
    )


def number(value: Any, decimals: int | None = None) -> str:
    """A number with the language's separators: "1.551,5" / "1,551.5".

    Without `decimals`, up to two decimal places and no trailing zeros
    ("80.00" reads "80"); with them, exactly that many. Text that is not a
    number is given back as it is.
    """
    if _missing(value):
        return no_value()
    amount = _decimal(value)
    if amount is None:
        return str(value)
    return _grouped(amount, _places(amount, decimals, 2))


def money(value: Any, decimals: int | None = None) -> str:
    """An amount in euros: "1.551,50 €" in Italian, "€1,551.50" in English.

    Whole amounts show no cents ("40.000 €"); others show two decimals.
    """
    if _missing(value):
        return no_value()
    amount = _decimal(value)
    if amount is None:
        return str(value)
    if decimals is None:
        decimals = 0 if amount == amount.to_integral_value() else 2
    digits = _grouped(abs(amount), decimals)
    sign = "-" if amount < 0 and digits.strip("0.,") else ""
    if (get_language() or "it")[:2] == "it":
        return f"{sign}{digits}{NBSP}€"
    return f"{sign}€{digits}"


def percent(value: Any, decimals: int | None = None) -> str:
    """A percentage given in hundredths (12.5 for 12.5%): "12,5%" / "12.5%".

    Without `decimals`, at most one decimal place, none when it is zero.
    """
    if _missing(value):
        return no_value()
    amount = _decimal(value)
    if amount is None:
        return str(value)
    return f"{_grouped(amount, _places(amount, decimals, 1))}%"


def _as_local_date(value: Any) -> datetime.date | datetime.datetime | None:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value) if timezone.is_aware(value) else value
    if isinstance(value, datetime.date):
        return value
    return None


def _date(value: Any, format_name: str) -> str:
    if _missing(value):
        return no_value()
    when = _as_local_date(value)
    if when is None:
        return str(value)
    return str(formats.date_format(when, format_name))


def day(value: Any) -> str:
    """A date written out: "17 novembre 2026" / "17 November 2026"."""
    return _date(value, "DATE_FORMAT")


def short_day(value: Any) -> str:
    """A date in short: "7 dic 2026" / "7 Dec 2026"."""
    return _date(value, "SHORT_DATE_FORMAT")


def moment(value: Any) -> str:
    """A date and time: "17 novembre 2026, 14:30" / "17 November 2026, 14:30"."""
    if _missing(value):
        return no_value()
    when = _as_local_date(value)
    if when is None:
        return str(value)
    if not isinstance(when, datetime.datetime):
        return day(when)
    return str(formats.date_format(when, "DATETIME_FORMAT"))


# A month in short, which Django's format modules have no name for: Italian
# writes the abbreviation in lower case ("dic"), English capitalised ("Dec").
SHORT_MONTH_FORMATS = {"it": "b Y"}


def month(value: Any) -> str:
    """A month in short: "dic 2026" / "Dec 2026"."""
    if _missing(value):
        return no_value()
    when = _as_local_date(value)
    if when is None:
        return str(value)
    pattern = SHORT_MONTH_FORMATS.get((get_language() or "it")[:2], "M Y")
    return str(dateformat.format(when, pattern))


def listing(values: Iterable[Any]) -> str:
    """Items joined as a sentence lists them: "Cinema, Software, Publishing"
    (never a space before a comma)."""
    return ", ".join(text for text in (str(value).strip() for value in values) if text)
