"""Staff invite partner users by email; the link makes them members of a team."""

import re
from http import HTTPStatus
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from actionplan.models import PartnerInvitation, PartnerMember, PartnerRole
from actionplan.services.people import partner_invitation_send
from directory.models import Partner, User
from tests.concurrency import run_at_once
from tests.directory.factories import PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db


def plan_invite(staff: User, partner: Partner, capture: Any, **options: Any) -> str:
    """Send an invitation through the service and return the path the mail links to."""
    with capture(execute=True):
        partner_invitation_send(
            partner=partner,
            email="new.colleague@example.org",
            by=staff,
            **{"role": PartnerRole.EDITOR, **options},
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


def test_the_same_invitation_sent_twice_within_a_minute_is_sent_once(
    staff_user: User, plan_partner_a: Partner, django_capture_on_commit_callbacks: Any
) -> None:
    first = plan_invite(staff_user, plan_partner_a, django_capture_on_commit_callbacks)
    again = plan_invite(staff_user, plan_partner_a, django_capture_on_commit_callbacks)

    assert again == first  # the mail read is the first one: no second was sent
    assert len(mail.outbox) == 1
    assert PartnerInvitation.objects.count() == 1


def test_inviting_again_later_or_with_another_role_replaces_the_link(
    staff_user: User, plan_partner_a: Partner, django_capture_on_commit_callbacks: Any
) -> None:
    first = plan_invite(staff_user, plan_partner_a, django_capture_on_commit_callbacks)
    PartnerInvitation.objects.update(created_at=timezone.now() - PartnerInvitation.REPEAT_WINDOW)
    later = plan_invite(staff_user, plan_partner_a, django_capture_on_commit_callbacks)
    as_viewer = plan_invite(
        staff_user, plan_partner_a, django_capture_on_commit_callbacks, role=PartnerRole.VIEWER
    )

    assert len({first, later, as_viewer}) == 3
    assert len(mail.outbox) == 3
    assert PartnerInvitation.objects.get().role == PartnerRole.VIEWER


SENDERS = 6


@pytest.mark.django_db(transaction=True)
def test_invitations_sent_at_once_leave_one_open_and_one_mail() -> None:
    """Each send in its own thread, with its own connection, committing for real.
    (An earlier test that committed may have emptied the groups: the permission
    is given directly.)"""
    staff = UserFactory.create(is_staff=True)
    staff.user_permissions.add(
        Permission.objects.get(
            codename="add_partnerinvitation", content_type__app_label="actionplan"
        )
    )
    partner = PartnerFactory.create(name="Partner at once")

    run_at_once(
        lambda _n: partner_invitation_send(
            partner=partner, email="Nina@Example.org", role=PartnerRole.EDITOR, by=staff
        ),
        range(SENDERS),
    )

    assert PartnerInvitation.objects.count() == 1
    assert [message.to for message in mail.outbox] == [["nina@example.org"]]
