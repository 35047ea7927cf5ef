"""Reading a frozen version back as typed dataclasses (the shape is in the package's
docstring)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from django.conf import settings
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django_stubs_ext import StrOrPromise

from actionplan.models import WORKING_LANGUAGE, Action, Plan, PlanVersion
from actionplan.progress import Progress, indicator_progress

SCHEMA = 1


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


@dataclass(frozen=True)
class PublishedMilestone:
    # Partners write it in their common language, on every page (see WORKING_LANGUAGE).
    language: ClassVar[str] = WORKING_LANGUAGE
    title: str
    due_on: datetime.date
    done_on: datetime.date | None


@dataclass(frozen=True)
class PublishedUpdate:
    value: Decimal
    measured_on: datetime.date
    note: str


@dataclass(frozen=True)
class PublishedIndicator:
    # Partners write it in their common language, on every page (see WORKING_LANGUAGE).
    language: ClassVar[str] = WORKING_LANGUAGE
    id: int
    name: str
    unit: str
    baseline: Decimal
    target: Decimal | None
    target_date: datetime.date | None
    updates: list[PublishedUpdate]
    progress: Progress

    @property
    def latest(self) -> PublishedUpdate | None:
        return self.updates[-1] if self.updates else None


@dataclass(frozen=True)
class StatusEvent:
    at: datetime.datetime
    source: str
    target: str

    @property
    def source_label(self) -> StrOrPromise:
        return _status_label(self.source)

    @property
    def target_label(self) -> StrOrPromise:
        return _status_label(self.target)


@dataclass(frozen=True)
class PublishedAction:
    # Partners write it in their common language, on every page (see WORKING_LANGUAGE).
    language: ClassVar[str] = WORKING_LANGUAGE
    id: int
    title: str
    description: str
    objectives: str
    lead_partner: PartnerRef
    partners: list[PartnerRef]
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    budget_estimate: Decimal | None
    funding_source: str
    status: str
    sectors: list[SectorRef]
    milestones: list[PublishedMilestone]
    indicators: list[PublishedIndicator]
    timeline: list[StatusEvent]

    @property
    def status_label(self) -> StrOrPromise:
        return _status_label(self.status)


@dataclass(frozen=True)
class PublishedTheme:
    id: int
    title: Translated
    description: Translated
    order: int
    sectors: list[SectorRef]
    actions: list[PublishedAction]


@dataclass(frozen=True)
class PublishedPlan:
    # The coordinator's note on the version, in the partners' common language.
    note_language: ClassVar[str] = WORKING_LANGUAGE
    plan_id: int
    slug: str
    number: int
    published_at: datetime.datetime
    note: str
    title: Translated
    summary: Translated
    starts_on: datetime.date
    ends_on: datetime.date
    themes: list[PublishedTheme]

    @property
    def actions(self) -> list[PublishedAction]:
        return [action for theme in self.themes for action in theme.actions]

    def action(self, action_id: int) -> PublishedAction | None:
        return next((a for a in self.actions if a.id == action_id), None)


def _status_label(value: str) -> StrOrPromise:
    try:
        return Action.Status(value).label
    except ValueError:
        return value


def _date(value: str | None) -> datetime.date | None:
    return parse_date(value) if value else None


def _decimal(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def _partner(data: dict[str, Any]) -> PartnerRef:
    return PartnerRef(id=data["id"], name=data["name"], city=Translated(data["city"]))


def _sector(data: dict[str, Any]) -> SectorRef:
    return SectorRef(slug=data["slug"], name=Translated(data["name"]))


def _indicator(
    data: dict[str, Any], start: datetime.date | None, as_of: datetime.date
) -> PublishedIndicator:
    updates = [
        PublishedUpdate(
            value=Decimal(u["value"]),
            measured_on=_date(u["measured_on"]) or as_of,
            note=u["note"],
        )
        for u in data["updates"]
    ]
    baseline = Decimal(data["baseline"])
    target = _decimal(data["target"])
    target_date = _date(data["target_date"])
    return PublishedIndicator(
        id=data["id"],
        name=data["name"],
        unit=data["unit"],
        baseline=baseline,
        target=target,
        target_date=target_date,
        updates=updates,
        progress=indicator_progress(
            baseline=baseline,
            target=target,
            latest=updates[-1].value if updates else None,
            start=start,
            target_date=target_date,
            today=as_of,
        ),
    )


def _action(data: dict[str, Any], as_of: datetime.date) -> PublishedAction:
    starts_on = _date(data["starts_on"])
    return PublishedAction(
        id=data["id"],
        title=data["title"],
        description=data["description"],
        objectives=data["objectives"],
        lead_partner=_partner(data["lead_partner"]),
        partners=[_partner(p) for p in data["partners"]],
        starts_on=starts_on,
        ends_on=_date(data["ends_on"]),
        budget_estimate=_decimal(data["budget_estimate"]),
        funding_source=data["funding_source"],
        status=data["status"],
        sectors=[_sector(s) for s in data["sectors"]],
        milestones=[
            PublishedMilestone(
                title=m["title"],
                due_on=_date(m["due_on"]) or as_of,
                done_on=_date(m["done_on"]),
            )
            for m in data["milestones"]
        ],
        indicators=[_indicator(i, starts_on, as_of) for i in data["indicators"]],
        timeline=[
            StatusEvent(
                at=parse_datetime(e["at"]) or timezone.now(), source=e["source"], target=e["target"]
            )
            for e in data["timeline"]
        ],
    )


def read(version: PlanVersion) -> PublishedPlan:
    """A published version as typed data; progress as of its publication date."""
    data = version.data
    as_of = timezone.localdate(version.published_at)
    plan = data["plan"]
    return PublishedPlan(
        plan_id=version.plan_id,
        slug=plan["slug"],
        number=version.number,
        published_at=version.published_at,
        note=version.note,
        title=Translated(plan["title"]),
        summary=Translated(plan["summary"]),
        starts_on=_date(plan["starts_on"]) or as_of,
        ends_on=_date(plan["ends_on"]) or as_of,
        themes=[
            PublishedTheme(
                id=t["id"],
                title=Translated(t["title"]),
                description=Translated(t["description"]),
                order=t["order"],
                sectors=[_sector(s) for s in t["sectors"]],
                actions=[_action(a, as_of) for a in t["actions"]],
            )
            for t in data["themes"]
        ],
    )


def latest(plan: Plan) -> PublishedPlan | None:
    """The version the public reads now, or None if the plan was never published."""
    version = PlanVersion.objects.latest_of(plan)
    return read(version) if version is not None else None


def version(plan: Plan, number: int) -> PublishedPlan | None:
    found = PlanVersion.objects.filter(plan=plan, number=number).first()
    return read(found) if found is not None else None
