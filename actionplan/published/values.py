"""The values a published version holds, each kind written, read, shown and
exported one way.

An action's published fields are declared once (`ACTION_FIELDS` in
`actionplan.models`), each with its kind; `ACTION_KINDS` pairs every one with
the kind here, so that freezing, reading, the differences between versions and
the CSV export all go through the same four functions of a field.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.dateparse import parse_date
from django_stubs_ext import StrOrPromise

from actionplan.models import ACTION_FIELDS, Action
from directory.models import Partner, Sector


@dataclass(frozen=True)
class Translated:
    """A text in each language of the portal; `str()` gives the active one,
    falling back to Italian as the rest of the site does."""

    values: dict[str, str]

    def __str__(self) -> str:
        return self.values.get(self.language, "")

    @property
    def language(self) -> str:
        """The language `str()` is in: the active one, or Italian when the text
        was not written in it (a page marks that text as in another language)."""
        active = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        return active if self.values.get(active) else settings.LANGUAGE_CODE[:2]


@dataclass(frozen=True)
class PartnerRef:
    id: int
    name: str
    city: Translated

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"


@dataclass(frozen=True)
class SectorRef:
    slug: str
    name: Translated

    def __str__(self) -> str:
        return str(self.name)


def languages(obj: Any, name: str) -> dict[str, str]:
    """A translated field of a row as the JSON keeps it: `{"it": ..., "en": ...}`."""
    return {code: getattr(obj, f"{name}_{code}") or "" for code, _label in settings.LANGUAGES}


def partner_data(partner: Partner) -> dict[str, Any]:
    return {"id": partner.pk, "name": partner.name, "city": languages(partner, "city")}


def sector_data(sector: Sector) -> dict[str, Any]:
    return {"slug": sector.slug, "name": languages(sector, "name")}


def iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def decimal_text(value: Decimal | None) -> str | None:
    return str(value) if value is not None else None


def read_date(value: str | None) -> datetime.date | None:
    return parse_date(value) if value else None


def read_decimal(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def read_partner(data: dict[str, Any]) -> PartnerRef:
    return PartnerRef(id=data["id"], name=data["name"], city=Translated(data["city"]))


def read_sector(data: dict[str, Any]) -> SectorRef:
    return SectorRef(slug=data["slug"], name=Translated(data["name"]))


def status_label(value: str) -> StrOrPromise:
    try:
        return Action.Status(value).label
    except ValueError:
        return value


@dataclass(frozen=True)
class Kind:
    """What a published version does with one kind of field.

    `freeze(action, name)` gives the JSON kept for the field of the action;
    `read(json)` the typed value (`json` is None for a version published before
    the field existed); `shown(value)` the text the "what changed" page
    compares and shows; `exported(value)` the cell of the CSV export.
    """

    freeze: Callable[[Action, str], Any]
    read: Callable[[Any], Any]
    shown: Callable[[Any], str]
    exported: Callable[[Any], Any]


def _involved(action: Action, name: str) -> list[dict[str, Any]]:
    """The partners involved besides the lead, which is not repeated."""
    partners = sorted(getattr(action, name).all(), key=lambda p: (p.order, p.pk))
    return [partner_data(p) for p in partners if p.pk != action.lead_partner_id]


def _sectors(action: Action, name: str) -> list[dict[str, Any]]:
    sectors = sorted(getattr(action, name).all(), key=lambda s: (s.order, s.slug))
    return [sector_data(s) for s in sectors]


def _partner(action: Action, name: str) -> dict[str, Any] | None:
    partner = getattr(action, name)
    return partner_data(partner) if partner is not None else None


def _listed(values: list[Any]) -> str:
    return ", ".join(str(value) for value in values)


def _text_or_empty(value: Any) -> str:
    return "" if value is None else str(value)


KINDS: dict[str, Kind] = {
    "text": Kind(
        freeze=lambda action, name: getattr(action, name) or "",
        read=lambda value: value or "",
        shown=str,
        exported=lambda value: value,
    ),
    "date": Kind(
        freeze=lambda action, name: iso(getattr(action, name)),
        read=read_date,
        shown=lambda value: iso(value) or "",
        exported=iso,
    ),
    "amount": Kind(
        freeze=lambda action, name: decimal_text(getattr(action, name)),
        read=read_decimal,
        shown=_text_or_empty,
        exported=lambda value: value,
    ),
    "status": Kind(
        freeze=lambda action, name: getattr(action, name),
        read=lambda value: value or "",
        shown=lambda value: str(status_label(value)),
        exported=lambda value: str(status_label(value)),
    ),
    "partner": Kind(
        freeze=_partner,
        read=lambda value: read_partner(value) if value is not None else None,
        shown=_text_or_empty,
        exported=lambda value: value.name if value is not None else None,
    ),
    "involved_partners": Kind(
        freeze=_involved,
        read=lambda value: [read_partner(p) for p in value or []],
        shown=_listed,
        exported=lambda value: [p.name for p in value],
    ),
    "sectors": Kind(
        freeze=_sectors,
        read=lambda value: [read_sector(s) for s in value or []],
        shown=_listed,
        exported=lambda value: [str(s.name) for s in value],
    ),
}


# Every published field of an action with its kind, in the declaration's order
# (a kind the declaration names but this module lacks fails at start-up).
ACTION_KINDS: dict[str, Kind] = {
    field.name: KINDS[field.published] for field in ACTION_FIELDS if field.published is not None
}
# The columns of the CSV export an action's fields fill: heading, field name.
ACTION_COLUMNS: tuple[tuple[str, str], ...] = tuple(
    (field.column, field.name) for field in ACTION_FIELDS if field.column is not None
)
