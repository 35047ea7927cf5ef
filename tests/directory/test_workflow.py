"""The workflow mechanism itself: one table, one apply, one admin built from it."""

import ast
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import translation

from creativecities.models import StateChange
from creativecities.workflow import TransitionError
from directory.models import Organisation
from directory.services.moderation import ORGANISATION_WORKFLOW
from tests.directory.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/directory/organisation/"


def awaiting() -> Organisation:
    return OrganisationFactory.create(status=Organisation.Status.PENDING, published_at=None)


def test_a_step_is_recorded_with_who_when_and_why(staff_user: Any) -> None:
    organisation = awaiting()

    ORGANISATION_WORKFLOW.apply(organisation, "reject", by=staff_user, reason="  Too short.  ")

    step = StateChange.objects.get(object_id=organisation.pk)
    assert (step.transition, step.source, step.target) == ("reject", "pending", "rejected")
    assert step.created_by == staff_user
    assert step.note == "Too short."
    organisation.refresh_from_db()
    assert organisation.rejection_reason == "Too short."


def test_a_refused_step_changes_nothing_and_says_why(staff_user: Any) -> None:
    organisation = OrganisationFactory.create(name="Già Pubblicata")

    with translation.override("en"), pytest.raises(TransitionError) as refused:
        ORGANISATION_WORKFLOW.apply(organisation, "approve", by=staff_user)

    assert str(refused.value) == (
        "Già Pubblicata cannot be approved: its status is “Published” and only "
        "pending organisations can be approved."
    )
    assert not StateChange.objects.exists()
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PUBLISHED


def test_parameters_are_checked_before_anything_is_locked(staff_user: Any) -> None:
    organisation = awaiting()

    with pytest.raises(ValidationError):
        ORGANISATION_WORKFLOW.apply(organisation, "reject", by=staff_user, reason="   ")

    assert not StateChange.objects.exists()


def test_who_may_is_checked_for_each_step() -> None:
    organisation = awaiting()
    stranger = UserFactory.create(is_staff=True)

    with pytest.raises(PermissionDenied):
        ORGANISATION_WORKFLOW.apply(organisation, "approve", by=stranger)

    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PENDING


def test_the_status_is_read_again_under_the_lock(staff_user: Any) -> None:
    """A second officer acting on a page loaded before the first one acted."""
    organisation = awaiting()
    stale = Organisation.objects.get(pk=organisation.pk)
    ORGANISATION_WORKFLOW.apply(organisation, "approve", by=staff_user)

    with pytest.raises(TransitionError):
        ORGANISATION_WORKFLOW.apply(stale, "reject", by=staff_user, reason="Late.")

    assert StateChange.objects.filter(object_id=organisation.pk).count() == 1


def test_the_admin_offers_one_action_per_step_staff_may_take(
    client: Client, staff_user: Any
) -> None:
    client.force_login(staff_user)
    actions = client.get(CHANGELIST).context["action_form"].fields["action"].choices
    names = {name for name, _label in actions}
    assert {"approve_selected", "reject_selected", "archive_selected", "restore_selected"} <= (
        names
    )
    assert "submit_selected" not in names  # members submit from their own pages

    viewer = UserFactory.create(is_staff=True)
    viewer.user_permissions.add(
        Permission.objects.get(codename="view_organisation"),
        Permission.objects.get(codename="change_organisation"),
    )
    client.force_login(viewer)
    response = client.get(CHANGELIST)
    assert response.status_code == HTTPStatus.OK
    action_form = response.context["action_form"]
    offered = set() if action_form is None else dict(action_form.fields["action"].choices)
    assert "approve_selected" not in offered


def test_the_change_page_shows_the_buttons_of_the_current_status(
    client: Client, staff_user: Any
) -> None:
    client.force_login(staff_user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    organisation = awaiting()

    content = client.get(f"{CHANGELIST}{organisation.pk}/change/").content.decode()

    assert "Approve and publish" in content
    assert f"{CHANGELIST}{organisation.pk}/reject/" in content
    assert f"{CHANGELIST}{organisation.pk}/archive/" not in content
    assert f"{CHANGELIST}{organisation.pk}/restore/" not in content


def test_no_service_imports_a_form() -> None:
    """Forms belong to the pages and the admin that ask for the data; a service
    (and its workflow table) takes the data as arguments."""
    root = Path(__file__).resolve().parents[2]
    services = [
        path
        for pattern in ("*/services/*.py", "*/services.py", "*/*/services.py")
        for path in root.glob(pattern)
        if path.parts[len(root.parts)] != "tests"
    ]
    importing = {
        str(path.relative_to(root))
        for path in services
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").split(".")[-1] == "forms"
        or isinstance(node, ast.Import)
        and any(alias.name.split(".")[-1] == "forms" for alias in node.names)
    }

    assert root / "directory/services/moderation.py" in services
    assert not importing
