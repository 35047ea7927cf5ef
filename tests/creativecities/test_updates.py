"""`model_update`: only the fields a service names, validated, saved alone."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from actionplan.models import Action
from creativecities.updates import model_update
from tests.actionplan.factories import ActionFactory
from tests.directory.factories import SectorFactory

pytestmark = pytest.mark.django_db


def test_a_field_the_caller_did_not_name_is_refused_and_nothing_is_set() -> None:
    action = ActionFactory.create(title="Before")

    with pytest.raises(ValueError, match="status"):
        model_update(
            action,
            {"title": "After", "status": Action.Status.COMPLETED},
            fields=("title", "description"),
        )

    assert action.title == "Before"
    action.refresh_from_db()
    assert (action.title, action.status) == ("Before", Action.Status.NOT_STARTED)


def test_only_the_named_columns_are_written_over_a_change_made_meanwhile() -> None:
    action = ActionFactory.create(title="Before", funding_source="Interreg")
    stale = Action.objects.get(pk=action.pk)
    stamped = stale.updated_at
    Action.objects.filter(pk=action.pk).update(funding_source="ERDF")

    model_update(stale, {"title": "After"}, fields=("title", "funding_source"))

    action.refresh_from_db()
    assert (action.title, action.funding_source) == ("After", "ERDF")
    assert action.updated_at > stamped  # the stamp is saved with them


def test_an_invalid_value_is_refused_before_anything_is_saved() -> None:
    action = ActionFactory.create(budget_estimate=Decimal(100))

    with pytest.raises(ValidationError):
        model_update(action, {"budget_estimate": Decimal(-5)}, fields=("budget_estimate",))

    action.refresh_from_db()
    assert action.budget_estimate == Decimal(100)


def test_relations_are_set_and_a_new_row_is_inserted_whole() -> None:
    template = ActionFactory.create()
    sector = SectorFactory.create()

    action = model_update(
        Action(theme=template.theme, lead_partner=template.lead_partner),
        {"title": "New", "sectors": [sector]},
        fields=("title", "sectors"),
    )

    action.refresh_from_db()
    assert action.title == "New"
    assert action.theme == template.theme
    assert list(action.sectors.all()) == [sector]
