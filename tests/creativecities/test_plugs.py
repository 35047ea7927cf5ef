"""What the apps plug into the core (`<app>/plugs.py`) is declared and sound."""

from typing import Any

from django.apps import apps
from django.utils import translation

from creativecities import history
from creativecities.workflow import registered_workflows


def labels(models: Any) -> set[str]:
    return {model._meta.label for model in models}


def test_every_app_declares_its_workflows() -> None:
    declared = labels(workflow.model for workflow in registered_workflows())
    assert {
        "directory.Organisation",
        "contactpoint.Enquiry",
        "actionplan.Plan",
        "actionplan.Action",
        "survey.AnswerSet",
        "survey.Campaign",
    } <= declared


def test_every_declared_workflow_moves_between_statuses_its_model_has() -> None:
    """A step that names a status the field does not offer would leave an
    object in a state that no list filters and no step leaves."""
    for workflow in registered_workflows():
        field = workflow.model._meta.get_field(workflow.status_field)
        statuses = {value for value, _label in field.flatchoices}  # type: ignore[union-attr]
        for transition in workflow.transitions:
            assert transition.source <= statuses, (workflow.model, transition.name)
            if isinstance(transition.target, str):
                assert transition.target in statuses, (workflow.model, transition.name)


def test_every_app_tracks_its_content_by_fields_its_models_have() -> None:
    for label in (
        "directory.Organisation",
        "contactpoint.Guide",
        "contactpoint.FundingCall",
        "contactpoint.Premises",
        "contactpoint.StandardReply",
        "actionplan.Plan",
        "actionplan.Theme",
        "actionplan.Action",
        "actionplan.Milestone",
        "actionplan.Indicator",
    ):
        model = apps.get_model(label)
        tracking = history.tracking_for(model)
        for name in (*tracking.fields, *tracking.revertible):
            model._meta.get_field(name)


def test_every_workflow_step_speaks_italian_to_the_clerk() -> None:
    """What the admin shows of a step (its button, the message once done or
    refused, its description) is in the Italian catalogue: a string missing
    from it reaches an Italian clerk in English."""
    untranslated = []
    for workflow in registered_workflows():
        for transition in workflow.transitions:
            for part in ("label", "done", "refused", "description"):
                text = getattr(transition, part)
                if not text:
                    continue
                with translation.override("en"):
                    english = str(text)
                with translation.override("it"):
                    italian = str(text)
                if italian == english:
                    untranslated.append(f"{workflow.model.__name__}.{transition.name}.{part}")
    assert untranslated == []
