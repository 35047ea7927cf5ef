"""Reading a frozen version back as typed dataclasses (the shape is in the package's
docstring)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_stubs_ext import StrOrPromise

from actionplan.models import WORKING_LANGUAGE, Plan, PlanVersion
from actionplan.progress import Progress, indicator_progress
from actionplan.published.values import (
    ACTION_KINDS,
    PartnerRef,
    SectorRef,
    Translated,
    read_date,
    read_decimal,
    read_sector,
    status_label,
)

SCHEMA = 1


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
        return status_label(self.source)

    @property
    def target_label(self) -> StrOrPromise:
        return status_label(self.target)


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
        return status_label(self.status)


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


def _indicator(
    data: dict[str, Any], start: datetime.date | None, as_of: datetime.date
) -> PublishedIndicator:
    updates = [
        PublishedUpdate(
            value=Decimal(u["value"]),
            measured_on=read_date(u["measured_on"]) or as_of,
            note=u["note"],
        )
        for u in data["updates"]
    ]
    baseline = Decimal(data["baseline"])
    target = read_decimal(data["target"])
    target_date = read_date(data["target_date"])
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
    """An action as published: its declared fields read by their kind (a field
    added after a version was published reads as empty there), then what it
    holds."""
    fields = {name: kind.read(data.get(name)) for name, kind in ACTION_KINDS.items()}
    return PublishedAction(
        id=data["id"],
        **fields,
        milestones=[
            PublishedMilestone(
                title=m["title"],
                due_on=read_date(m["due_on"]) or as_of,
                done_on=read_date(m["done_on"]),
            )
            for m in data["milestones"]
        ],
        indicators=[_indicator(i, fields["starts_on"], as_of) for i in data["indicators"]],
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
        starts_on=read_date(plan["starts_on"]) or as_of,
        ends_on=read_date(plan["ends_on"]) or as_of,
        themes=[
            PublishedTheme(
                id=t["id"],
                title=Translated(t["title"]),
                description=Translated(t["description"]),
                order=t["order"],
                sectors=[read_sector(s) for s in t["sectors"]],
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
