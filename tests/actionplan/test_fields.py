"""The fields of an action, declared once (`ACTION_FIELDS`), and what follows them."""

import csv
import dataclasses
import datetime
import io
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from actionplan import published
from actionplan.models import ACTION_FIELDS, ACTION_UNDECLARED, Action, PartnerMember, PlanVersion
from actionplan.services.actions import action_change_status, action_update
from actionplan.services.plans import plan_publish
from tests.declarations import AGREED, undeclared
from tests.directory.factories import PartnerFactory, SectorFactory

pytestmark = pytest.mark.django_db


def test_every_field_of_an_action_is_declared_or_excluded_with_a_reason() -> None:
    assert undeclared(Action, [f.name for f in ACTION_FIELDS], ACTION_UNDECLARED) == AGREED


def test_the_published_action_has_an_attribute_for_every_published_field() -> None:
    attributes = {f.name for f in dataclasses.fields(published.PublishedAction)}

    assert set(published.ACTION_KINDS) == {f.name for f in ACTION_FIELDS if f.published}
    assert set(published.ACTION_KINDS) <= attributes


def _new_value(kind: str) -> Any:
    """A value of the kind that no action of the factories has."""
    return {
        "text": "Something else",
        "date": datetime.date(2026, 6, 1),
        "amount": Decimal("1234.50"),
        "partner": PartnerFactory.create(name="New lead"),
        "involved_partners": [PartnerFactory.create(name="Newly involved")],
        "sectors": [SectorFactory.create()],
    }[kind]


def _export_row(client: Client, slug: str) -> dict[str, str]:
    response = client.get(reverse("actionplan:export", kwargs={"slug": slug}))
    [row] = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    return row


PUBLISHED = [(f.name, f.published) for f in ACTION_FIELDS if f.published]


@pytest.mark.parametrize(("name", "kind"), PUBLISHED, ids=[name for name, _kind in PUBLISHED])
def test_a_change_of_any_published_field_reaches_the_public_changes_and_export(
    client: Client,
    plan_action_a: Action,
    plan_coordinator: PartnerMember,
    name: str,
    kind: str,
) -> None:
    plan = plan_action_a.theme.plan
    plan_publish(plan=plan, by=plan_coordinator.user)
    before = _export_row(client, plan.slug)
    if kind == "status":
        action_change_status(action=plan_action_a, step="start", by=plan_coordinator.user)
    else:
        action_update(action=plan_action_a, data={name: _new_value(kind)}, by=plan_coordinator.user)
    plan_publish(plan=plan, by=plan_coordinator.user)

    older, newer = (published.read(v) for v in PlanVersion.objects.order_by("number"))
    [changed] = published.differences(older, newer).changed
    after = _export_row(client, plan.slug)

    assert [change.name for change in changed.fields] == [name]
    column = next(f.column for f in ACTION_FIELDS if f.name == name)
    assert {c for c in after if after[c] != before[c]} == (
        {"version"} | ({column} if column else set())
    )
