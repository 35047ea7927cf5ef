"""The published plan: writing a frozen version, and reading it back typed.

A `PlanVersion` keeps the plan as it was when the coordinator published it,
as JSON, so that the public reads the same plan until the next version
whatever partners edit meanwhile, and so that every earlier version stays
readable. This module alone knows that JSON: `freeze(plan)` writes it from
the rows, `read(version)` turns it into the dataclasses below, which the
public pages, the print view, the exports and the follow mails use.
`differences(older, newer)` says what changed from one version to another.

Shape of a read version (`PublishedPlan`)::

    PublishedPlan
      plan_id, slug, number, published_at, note
      title, summary: Translated        (str() gives the active language)
      starts_on, ends_on: date
      themes: [PublishedTheme]
        id, title, description: Translated, order
        sectors: [SectorRef(slug, name: Translated)]
        actions: [PublishedAction]
          id, title, description, objectives: str
          lead_partner: PartnerRef(id, name, city: Translated)
          partners: [PartnerRef]        (involved, the lead not repeated)
          starts_on, ends_on: date | None
          budget_estimate: Decimal | None, funding_source: str
          status: str (Action.Status value), status_label
          sectors: [SectorRef]
          milestones: [PublishedMilestone(title, due_on, done_on)]
          indicators: [PublishedIndicator]
            id, name, unit, baseline, target, target_date
            updates: [PublishedUpdate(value, measured_on, note)], oldest first
            latest: PublishedUpdate | None
            progress: Progress          (as of the publication date)
          timeline: [StatusEvent(at, source, target, source_label, target_label)],
                    oldest first: every status change up to publication

`PublishedPlan.actions` lists every action in plan order; `.action(id)` finds
one (None if that version does not hold it). Amounts and values are
`Decimal`s, dates `date`s, `published_at` and `at` aware datetimes.

The stored JSON (`PlanVersion.data`) mirrors this shape with dates as ISO
strings, decimals as strings, translated texts as `{"it": ..., "en": ...}`,
and `"schema": 1`; a later schema must keep reading older versions.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from actionplan.models import Action, Plan, PlanVersion
from actionplan.progress import Progress, indicator_progress
from directory.models import Partner, Sector, StateChange

SCHEMA = 1


# --- Reading -------------------------------------------------------------------------


@dataclass(frozen=True)
class Translated:
    """A text in each language of the portal; `str()` gives the active one,
    falling back to Italian as the rest of the site does."""

    values: dict[str, str]

    def __str__(self) -> str:
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        return self.values.get(language) or self.values.get(settings.LANGUAGE_CODE[:2], "")


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


# --- Freezing ------------------------------------------------------------------------


def _languages(obj: Any, name: str) -> dict[str, str]:
    return {code: getattr(obj, f"{name}_{code}") or "" for code, _label in settings.LANGUAGES}


def _partner_data(partner: Partner) -> dict[str, Any]:
    return {"id": partner.pk, "name": partner.name, "city": _languages(partner, "city")}


def _sector_data(sector: Sector) -> dict[str, Any]:
    return {"slug": sector.slug, "name": _languages(sector, "name")}


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _text(value: Decimal | None) -> str | None:
    return str(value) if value is not None else None


def freeze(plan: Plan) -> dict[str, Any]:
    """The plan as it is now, as the JSON a `PlanVersion` keeps.

    A fixed number of queries whatever the plan's size: themes, actions with
    everything they hold, and the status changes of all actions at once.
    """
    themes = list(plan.themes.prefetch_related("sectors").order_by("order", "pk"))
    actions = list(Action.objects.filter(theme__plan=plan).for_snapshot())
    timeline: dict[int, list[dict[str, Any]]] = {}
    steps = StateChange.objects.filter(
        content_type=ContentType.objects.get_for_model(Action),
        object_id__in=[a.pk for a in actions],
    ).order_by("created_at", "pk")
    for step in steps:
        timeline.setdefault(step.object_id, []).append(
            {"at": step.created_at.isoformat(), "source": step.source, "target": step.target}
        )
    by_theme: dict[int, list[dict[str, Any]]] = {theme.pk: [] for theme in themes}
    for action in actions:
        by_theme[action.theme_id].append(
            {
                "id": action.pk,
                "title": action.title,
                "description": action.description,
                "objectives": action.objectives,
                "lead_partner": _partner_data(action.lead_partner),
                "partners": [
                    _partner_data(p)
                    for p in sorted(action.partners.all(), key=lambda p: (p.order, p.pk))
                    if p.pk != action.lead_partner_id
                ],
                "starts_on": _iso(action.starts_on),
                "ends_on": _iso(action.ends_on),
                "budget_estimate": _text(action.budget_estimate),
                "funding_source": action.funding_source,
                "status": action.status,
                "sectors": [
                    _sector_data(s)
                    for s in sorted(action.sectors.all(), key=lambda s: (s.order, s.slug))
                ],
                "milestones": [
                    {"title": m.title, "due_on": _iso(m.due_on), "done_on": _iso(m.done_on)}
                    for m in action.milestones.all()
                ],
                "indicators": [
                    {
                        "id": i.pk,
                        "name": i.name,
                        "unit": i.unit,
                        "baseline": str(i.baseline),
                        "target": _text(i.target),
                        "target_date": _iso(i.target_date),
                        "updates": [
                            {
                                "value": str(u.value),
                                "measured_on": _iso(u.measured_on),
                                "note": u.note,
                            }
                            for u in i.updates.all()
                        ],
                    }
                    for i in action.indicators.all()
                ],
                "timeline": timeline.get(action.pk, []),
            }
        )
    return {
        "schema": SCHEMA,
        "plan": {
            "id": plan.pk,
            "slug": plan.slug,
            "title": _languages(plan, "title"),
            "summary": _languages(plan, "summary"),
            "starts_on": _iso(plan.starts_on),
            "ends_on": _iso(plan.ends_on),
        },
        "themes": [
            {
                "id": theme.pk,
                "title": _languages(theme, "title"),
                "description": _languages(theme, "description"),
                "order": theme.order,
                "sectors": [_sector_data(s) for s in theme.sectors.all()],
                "actions": by_theme[theme.pk],
            }
            for theme in themes
        ],
    }


# --- What changed between two versions -----------------------------------------------

# The fields of an action a reader compares, with their labels.
COMPARED_FIELDS: dict[str, StrOrPromise] = {
    "title": _("title"),
    "description": _("description"),
    "objectives": _("objectives"),
    "lead_partner": _("lead partner"),
    "partners": _("partners involved"),
    "starts_on": _("start"),
    "ends_on": _("end"),
    "budget_estimate": _("budget estimate (EUR)"),
    "funding_source": _("funding source"),
    "status": _("status"),
    "sectors": _("sectors"),
    "milestones": _("milestones"),
}


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: StrOrPromise
    before: str
    after: str


@dataclass(frozen=True)
class IndicatorChange:
    """An indicator whose latest value, target or definition moved; `added` or
    `removed` when only one version holds it."""

    name: str
    unit: str
    before: Decimal | None
    after: Decimal | None
    before_target: Decimal | None
    after_target: Decimal | None
    added: bool = False
    removed: bool = False


@dataclass(frozen=True)
class ActionDifference:
    action: PublishedAction
    fields: list[FieldChange] = field(default_factory=list)
    indicators: list[IndicatorChange] = field(default_factory=list)


@dataclass(frozen=True)
class PlanDifference:
    older: PublishedPlan
    newer: PublishedPlan
    added: list[PublishedAction]
    removed: list[PublishedAction]
    changed: list[ActionDifference]

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _shown(action: PublishedAction, name: str) -> str:
    value = getattr(action, name)
    if name == "status":
        return str(action.status_label)
    if name in {"partners", "sectors"}:
        return ", ".join(str(item) for item in value)
    if name == "milestones":
        return "; ".join(
            f"{m.title} ({m.due_on.isoformat()}{', ✓' if m.done_on else ''})" for m in value
        )
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _indicator_changes(older: PublishedAction, newer: PublishedAction) -> list[IndicatorChange]:
    before = {i.id: i for i in older.indicators}
    after = {i.id: i for i in newer.indicators}
    changes: list[IndicatorChange] = []
    for indicator in newer.indicators:
        old = before.get(indicator.id)
        new_value = indicator.latest.value if indicator.latest else None
        if old is None:
            changes.append(
                IndicatorChange(
                    indicator.name,
                    indicator.unit,
                    None,
                    new_value,
                    None,
                    indicator.target,
                    added=True,
                )
            )
            continue
        old_value = old.latest.value if old.latest else None
        if (old_value, old.target, old.name, old.unit) != (
            new_value,
            indicator.target,
            indicator.name,
            indicator.unit,
        ):
            changes.append(
                IndicatorChange(
                    indicator.name,
                    indicator.unit,
                    old_value,
                    new_value,
                    old.target,
                    indicator.target,
                )
            )
    for indicator in older.indicators:
        if indicator.id not in after:
            old_value = indicator.latest.value if indicator.latest else None
            changes.append(
                IndicatorChange(
                    indicator.name,
                    indicator.unit,
                    old_value,
                    None,
                    indicator.target,
                    None,
                    removed=True,
                )
            )
    return changes


def differences(older: PublishedPlan, newer: PublishedPlan) -> PlanDifference:
    """What a reader of `older` finds changed in `newer`: actions added and
    removed, and for the others the fields and indicator values that moved."""
    before = {a.id: a for a in older.actions}
    after = {a.id: a for a in newer.actions}
    changed: list[ActionDifference] = []
    for action in newer.actions:
        old = before.get(action.id)
        if old is None:
            continue
        fields = [
            FieldChange(name, label, _shown(old, name), _shown(action, name))
            for name, label in COMPARED_FIELDS.items()
            if _shown(old, name) != _shown(action, name)
        ]
        indicators = _indicator_changes(old, action)
        if fields or indicators:
            changed.append(ActionDifference(action, fields, indicators))
    return PlanDifference(
        older=older,
        newer=newer,
        added=[a for a in newer.actions if a.id not in before],
        removed=[a for a in older.actions if a.id not in after],
        changed=changed,
    )
