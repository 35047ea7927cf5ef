"""The desk reads outgoing mail in the admin and sends failed mail again."""

from http import HTTPStatus
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client

from creativecities.models import OutgoingEmail
from tests.directory.factories import OutgoingEmailFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/creativecities/outgoingemail/"


def test_the_desk_lists_mail_with_its_filters(desk: Client) -> None:
    OutgoingEmailFactory.create(to=["marta@example.org"], subject="Invito: Atelier Luce")
    OutgoingEmailFactory.create(to=["ugo@example.org"], subject="Nuova organizzazione da esaminare")

    content = desk.get(CHANGELIST).content.decode()

    assert "marta@example.org" in content
    assert "Nuova organizzazione da esaminare" in content
    for parameter in ("status__exact=failed", "template=", "language__exact=en", "created_at__gte"):
        assert parameter in content


def test_the_desk_finds_mail_by_recipient_or_subject(desk: Client) -> None:
    OutgoingEmailFactory.create(to=["other@example.org", "marta@example.org"], subject="Invito")
    OutgoingEmailFactory.create(to=["ugo@example.org"], subject="Profilo approvato")

    by_recipient = desk.get(CHANGELIST, {"q": "MARTA@"}).context["cl"].result_list
    by_subject = desk.get(CHANGELIST, {"q": "approvato"}).context["cl"].result_list

    assert [email.to for email in by_recipient] == [["other@example.org", "marta@example.org"]]
    assert [email.subject for email in by_subject] == ["Profilo approvato"]


def test_a_mail_reads_in_full_and_cannot_be_changed(desk: Client) -> None:
    email = OutgoingEmailFactory.create(body="Buongiorno Marta,\nil profilo è online.")
    url = f"{CHANGELIST}{email.pk}/change/"

    page = desk.get(url)
    changed = desk.post(url, {"subject": "Altro"})
    added = desk.get(f"{CHANGELIST}add/")

    assert page.status_code == HTTPStatus.OK
    assert "Buongiorno Marta,<br>il profilo è online." in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    assert changed.status_code == HTTPStatus.FORBIDDEN
    assert added.status_code == HTTPStatus.FORBIDDEN
    email.refresh_from_db()
    assert email.subject != "Altro"


def test_the_desk_sends_failed_mail_again(
    desk: Client, django_capture_on_commit_callbacks: Any
) -> None:
    failed = OutgoingEmailFactory.create(to=["failed@example.org"], status="failed", attempts=5)
    sent = OutgoingEmailFactory.create(
        to=["sent@example.org"], status="sent", sent_at=failed.created_at
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(
            CHANGELIST,
            {"action": "send_again", "_selected_action": [failed.pk, sent.pk]},
            follow=True,
        )

    assert [str(m) for m in response.context["messages"]] == [
        "1 email queued to be sent again.",
        "1 email skipped: only failed or interrupted emails are sent again.",
    ]
    assert [m.to for m in mail.outbox] == [["failed@example.org"]]
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (OutgoingEmail.Status.SENT, 1)


def test_a_member_of_the_public_is_sent_to_the_login(client: Client) -> None:
    client.force_login(UserFactory(is_staff=False))
    email = OutgoingEmailFactory.create()

    responses = [client.get(CHANGELIST), client.get(f"{CHANGELIST}{email.pk}/change/")]

    assert [r.status_code for r in responses] == [HTTPStatus.FOUND] * 2
    assert all("/admin/login/" in r.url for r in responses)  # type: ignore[attr-defined]


def test_staff_without_the_permission_cannot_read_mail(client: Client) -> None:
    client.force_login(UserFactory(is_staff=True))
    email = OutgoingEmailFactory.create()

    responses = [client.get(CHANGELIST), client.get(f"{CHANGELIST}{email.pk}/change/")]

    assert [r.status_code for r in responses] == [HTTPStatus.FORBIDDEN] * 2


def test_reading_mail_does_not_allow_sending_it_again(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    reader = UserFactory(is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_outgoingemail"))
    client.force_login(reader)
    failed = OutgoingEmailFactory.create(status="failed", attempts=5)

    listing = client.get(CHANGELIST)
    with django_capture_on_commit_callbacks(execute=True):
        action = client.post(CHANGELIST, {"action": "send_again", "_selected_action": [failed.pk]})

    assert listing.status_code == HTTPStatus.OK
    assert str(failed.subject) in listing.content.decode()
    assert "send_again" not in listing.content.decode()
    assert action.status_code == HTTPStatus.OK  # the list again: no such action
    assert mail.outbox == []
    failed.refresh_from_db()
    assert failed.status == OutgoingEmail.Status.FAILED
