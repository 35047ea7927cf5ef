"""The formatting filters, built into every template (`TEMPLATES` in the
settings): `{{ call.amount_max|money }}`, `{{ share|percent }}`,
`{{ mean|number:1 }}`, `{{ call.closes_at|day }}`, `{{ update.measured_on|short_day }}`,
`{{ created_at|moment }}`, `{{ action.starts_on|month }}`,
`{{ action.sectors.all|listing }}`. What each writes: `creativecities.formatting`."""

from collections.abc import Iterable
from typing import Any

from django import template

from creativecities import formatting

register = template.Library()


def _places(decimals: Any) -> int | None:
    """The filter's argument (`|number:1` or `|number:"1"`) as a count, if any."""
    return None if decimals in (None, "") else int(decimals)


@register.filter
def number(value: Any, decimals: Any = None) -> str:
    return formatting.number(value, _places(decimals))


@register.filter
def money(value: Any, decimals: Any = None) -> str:
    return formatting.money(value, _places(decimals))


@register.filter
def percent(value: Any, decimals: Any = None) -> str:
    return formatting.percent(value, _places(decimals))


@register.filter
def day(value: Any) -> str:
    return formatting.day(value)


@register.filter
def short_day(value: Any) -> str:
    return formatting.short_day(value)


@register.filter
def moment(value: Any) -> str:
    return formatting.moment(value)


@register.filter
def month(value: Any) -> str:
    return formatting.month(value)


@register.filter
def listing(values: Iterable[Any]) -> str:
    return formatting.listing(values)
