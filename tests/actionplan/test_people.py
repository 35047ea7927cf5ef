"""Staff invite partner users by email; the link makes them members of a team."""

import re
from http import HTTPStatus
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client

from actionplan.models import PartnerInvitation, PartnerMember, PartnerRole
from actionplan.services.people import partner_invitation_send
from directory.models import Partner, User
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db


def plan_invite(staff: User, partner: Partner, capture: Any, **options: Any) -> str:
    """Send an invitation through the service and return the path the mail links to."""
    with capture(execute=True):
        partner_invitation_send(
            partner=partner,
            email="new.colleague@example.org",
            role=PartnerRole.EDITOR,
            by=staff,
            **options,
        )
    found = re.search(r"http\S+/invitations/\S+/", mail.outbox[-1].body)
    assert found is not None
    return found.group(0).split("://", 1)[1].split("/", 1)[1]


def test_staff_invite_and_the_link_creates_a_partner_editor(
    client: Client,
    staff_user: User,
    plan_partner_a: Partner,
    django_capture_on_commit_callbacks: Any,
) -> None:
    path = plan_invite(
        staff_user, plan_partner_a, django_capture_on_commit_callbacks, is_coordinator=True
    )

    assert client.get("/" + path).status_code == HTTPStatus.OK
    assert not PartnerMember.objects.exists()  # opening the link changes nothing
    response = client.post(
        "/" + path, {"first_name": "Nina", "last_name": "Rossi", "password": "a-long-password-1"}
    )

    assert response.status_code == HTTPStatus.FOUND
    member = PartnerMember.objects.get()
    assert (member.partner, member.role, member.is_coordinator) == (
        plan_partner_a,
        PartnerRole.EDITOR,
        True,
    )
    assert member.user.email == "new.colleague@example.org"
    assert PartnerInvitation.objects.get().accepted_at is not None
    assert client.post("/" + path, {}).status_code == HTTPStatus.NOT_FOUND  # used once


def test_only_staff_with_the_permission_invite(plan_partner_a: Partner) -> None:
    with pytest.raises(PermissionDenied):
        partner_invitation_send(
            partner=plan_partner_a,
            email="x@example.org",
            role=PartnerRole.VIEWER,
            by=UserFactory.create(),
        )
    assert not PartnerInvitation.objects.exists()
