"""What changed between two published versions of a plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from actionplan.models import Action
from actionplan.published.reading import PublishedAction, PublishedPlan
from actionplan.published.values import ACTION_KINDS


def _label(name: str) -> StrOrPromise:
    return cast("models.Field[Any, Any]", Action._meta.get_field(name)).verbose_name


# What a reader compares between two versions of an action, with its label:
# every published field (the model's own label), then the milestones.
COMPARED_FIELDS: dict[str, StrOrPromise] = {
    **{name: _label(name) for name in ACTION_KINDS},
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
    if name == "milestones":
        return "; ".join(
            f"{m.title} ({m.due_on.isoformat()}{', ✓' if m.done_on else ''})" for m in value
        )
    return ACTION_KINDS[name].shown(value)


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
