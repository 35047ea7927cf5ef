"""Emails are plain text in the recipient's language, with replies going to the desk."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import transaction

from creativecities.mail.notifications import email_after_commit
from creativecities.models import OutgoingEmail
from directory.models import User
from directory.notifications import desk_staff_recipients
from tests.directory.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_names_are_not_html_escaped_in_subject_or_body(
    settings,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    settings.DESK_EMAIL = "sportello@example.org"
    organisation = OrganisationFactory(name="L'Officina & Co")

    with django_capture_on_commit_callbacks(execute=True):
        email_after_commit(
            to=["new@example.org"],
            template="directory/emails/invitation",
            context={
                "organisation": organisation,
                "by": None,
                "invitation_url": "http://testserver/en/invitations/abc/",
                "valid_days": 14,
            },
            language="en",
        )

    message = mail.outbox[0]
    assert "L'Officina & Co" in message.subject
    assert "L'Officina & Co" in message.body
    assert "&amp;" not in f"{message.subject}{message.body}"
    assert "&#x27;" not in f"{message.subject}{message.body}"
    assert message.reply_to == ["sportello@example.org"]


# --- every mail is a record ----------------------------------------------------


def queue_invitation(address: str = "new@example.org") -> OutgoingEmail | None:
    return email_after_commit(
        to=[address],
        template="directory/emails/invitation",
        context={
            "organisation": OrganisationFactory(name="Atelier Luce"),
            "by": None,
            "invitation_url": "http://testserver/en/invitations/abc/",
            "valid_days": 14,
        },
        language="en",
    )


def test_the_mail_is_recorded_with_the_change_and_sent_once_it_commits(
    settings,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    settings.DESK_EMAIL = "sportello@example.org"

    with django_capture_on_commit_callbacks() as callbacks:
        queue_invitation()

    email = OutgoingEmail.objects.get()
    assert email.to == ["new@example.org"]
    assert email.reply_to == ["sportello@example.org"]
    assert "Atelier Luce" in email.subject
    assert email.template == "directory/emails/invitation"
    assert email.language == "en"
    assert (email.status, email.attempts, email.sent_at) == (OutgoingEmail.Status.QUEUED, 0, None)
    assert mail.outbox == []  # nothing leaves before the commit

    for callback in callbacks:
        callback()

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1
    assert email.sent_at is not None
    assert [(m.to, m.subject, m.body) for m in mail.outbox] == [
        (["new@example.org"], email.subject, email.body)
    ]


def test_a_change_that_rolls_back_leaves_no_mail(
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        queue_invitation("kept@example.org")
        with pytest.raises(RuntimeError), transaction.atomic():
            queue_invitation("dropped@example.org")
            raise RuntimeError

    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == [["kept@example.org"]]
    assert [m.to for m in mail.outbox] == [["kept@example.org"]]


def test_nobody_to_write_to_records_nothing() -> None:
    assert email_after_commit(to=[], template="directory/emails/invitation", context={}) is None
    assert not OutgoingEmail.objects.exists()


# --- who hears of the desk's work ----------------------------------------------


def test_desk_notices_go_to_whoever_may_moderate(settings, staff_user: User) -> None:  # type: ignore[no-untyped-def]
    settings.DESK_EMAIL = "Sportello@Example.org"
    moderate = Permission.objects.get(codename="moderate_organisation")
    direct = UserFactory(email="direct@example.org")
    direct.user_permissions.add(moderate)
    UserFactory(email="former@example.org", is_active=False).groups.add(
        Group.objects.get(name="Desk staff")
    )
    UserFactory(email="colleague@example.org", is_staff=True)  # staff, not the desk
    UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    partner_editor = UserFactory(email="partner@example.org", is_staff=True)
    partner_editor.groups.add(Group.objects.get(name="Partner editors"))

    assert desk_staff_recipients() == [
        "sportello@example.org",
        "direct@example.org",
        staff_user.email,
    ]


def test_the_permission_not_the_group_name_decides(staff_user: User) -> None:
    desk = Group.objects.get(name="Desk staff")
    desk.name = "Sportello"
    desk.save()
    assert staff_user.email in desk_staff_recipients()

    desk.permissions.remove(Permission.objects.get(codename="moderate_organisation"))
    assert staff_user.email not in desk_staff_recipients()
