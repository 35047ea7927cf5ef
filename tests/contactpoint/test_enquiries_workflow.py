"""The enquiry workflow: each step allowed from its statuses, refused clearly otherwise."""

from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django_tasks import task_backends

from contactpoint.models import Enquiry, EnquiryMessage
from contactpoint.services import enquiries as service
from contactpoint.tasks import enquiry_acknowledgement_send
from creativecities.mail.tasks import email_deliver
from creativecities.models import OutgoingEmail, StateChange
from directory.models import Sector, User
from tests.contactpoint.factories_enquiries import EnquiryFactory
from tests.contactpoint.test_enquiries_ask import ASK, enquiry_form_data
from tests.creativecities.test_mail_delivery import DEFERRING_TASKS, FAILING_BACKEND
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db
Status = Enquiry.Status


def test_new_assigned_answered_closed(
    enquiry_new: Enquiry, staff_user: User, enquiry_officer: User
) -> None:
    service.enquiry_assign(enquiry=enquiry_new, to=enquiry_officer, by=staff_user)
    assert (enquiry_new.status, enquiry_new.assignee) == (Status.ASSIGNED, enquiry_officer)

    service.enquiry_answer(enquiry=enquiry_new, text="The answer.", by=enquiry_officer)
    assert enquiry_new.status == Status.ANSWERED
    assert enquiry_new.first_answered_at is not None

    service.enquiry_close(enquiry=enquiry_new, by=enquiry_officer)
    enquiry_new.refresh_from_db()
    assert enquiry_new.status == Status.CLOSED
    assert enquiry_new.closed_at is not None
    steps = StateChange.objects.filter(object_id=enquiry_new.pk).order_by("pk")
    assert [(s.source, s.target) for s in steps] == [
        ("new", "assigned"),
        ("assigned", "answered"),
        ("answered", "closed"),
    ]


def test_answering_an_unassigned_enquiry_takes_it_and_the_first_answer_time_stays(
    enquiry_new: Enquiry, staff_user: User, enquiry_officer: User
) -> None:
    service.enquiry_answer(enquiry=enquiry_new, text="First.", by=staff_user)
    first = enquiry_new.first_answered_at
    service.enquiry_answer(enquiry=enquiry_new, text="Second.", by=enquiry_officer)
    enquiry_new.refresh_from_db()
    assert enquiry_new.assignee == staff_user
    assert enquiry_new.first_answered_at == first


@pytest.mark.parametrize("assigned", [True, False])
def test_a_reopened_enquiry_goes_back_to_whoever_held_it_and_is_no_longer_closed(
    enquiry_new: Enquiry, staff_user: User, enquiry_officer: User, assigned: bool
) -> None:
    if assigned:
        service.enquiry_assign(enquiry=enquiry_new, to=enquiry_officer, by=staff_user)
    service.enquiry_close(enquiry=enquiry_new, by=staff_user)
    assert enquiry_new.closed_at is not None

    service.enquiry_reopen_by_desk(enquiry=enquiry_new, by=staff_user)

    enquiry_new.refresh_from_db()
    assert enquiry_new.status == (Status.ASSIGNED if assigned else Status.NEW)
    assert enquiry_new.assignee == (enquiry_officer if assigned else None)
    assert enquiry_new.closed_at is None


@pytest.mark.parametrize(
    ("status", "step"),
    [
        (Status.ANSWERED, "assign"),
        (Status.CLOSED, "assign"),
        (Status.CLOSED, "answer"),
        (Status.CLOSED, "close"),
        (Status.NEW, "reopen"),
        (Status.ASSIGNED, "reopen"),
    ],
)
def test_refused_steps_are_errors_and_change_nothing(
    enquiry_sector: Sector, staff_user: User, status: str, step: str
) -> None:
    closed_at = None if status != Status.CLOSED else "2026-01-10T10:00:00+01:00"
    enquiry = EnquiryFactory.create(sector=enquiry_sector, status=status, closed_at=closed_at)
    steps: dict[str, dict[str, Any]] = {"assign": {"to": staff_user}, "answer": {"text": "Hi"}}
    params = steps.get(step, {})
    with pytest.raises(service.EnquiryStateError):
        service.ENQUIRY_WORKFLOW.apply(
            enquiry, step, by=None if step == "reopen" else staff_user, **params
        )
    enquiry.refresh_from_db()
    assert enquiry.status == status
    assert not enquiry.messages.exists()
    assert not StateChange.objects.filter(object_id=enquiry.pk).exists()


def test_only_desk_staff_handle_enquiries(enquiry_new: Enquiry, staff_user: User) -> None:
    outsider = UserFactory.create(is_staff=True)
    with pytest.raises(PermissionDenied):
        service.enquiry_answer(enquiry=enquiry_new, text="Hi", by=outsider)
    with pytest.raises(PermissionDenied):
        service.enquiry_note(enquiry=enquiry_new, text="Hi", by=outsider)
    with pytest.raises(ValidationError):
        service.enquiry_assign(enquiry=enquiry_new, to=outsider, by=staff_user)
    assert Enquiry.objects.get().status == Status.NEW


def test_the_staff_reply_is_mailed_to_the_requester_in_their_language(
    enquiry_new: Enquiry, staff_user: User, django_capture_on_commit_callbacks: Any
) -> None:
    enquiry_new.language = "en"
    enquiry_new.save()
    with django_capture_on_commit_callbacks(execute=True):
        service.enquiry_answer(enquiry=enquiry_new, text="Try the regional call.", by=staff_user)
    [message] = mail.outbox
    assert message.to == [enquiry_new.email]
    assert "The desk answered your enquiry" in message.subject
    assert "Try the regional call." in message.body


def test_notes_are_for_the_desk_only(enquiry_new: Enquiry, staff_user: User) -> None:
    note = service.enquiry_note(enquiry=enquiry_new, text="Internal", by=staff_user)
    reply = EnquiryMessage.objects.create(
        enquiry=enquiry_new, kind=EnquiryMessage.Kind.REPLY, text="Public"
    )
    public = list(EnquiryMessage.objects.filter(enquiry=enquiry_new).public())
    assert reply in public
    assert note not in public


def test_a_failing_mail_server_loses_no_enquiry_and_the_mail_goes_out_once(
    client: Client,
    enquiry_sector: Sector,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.EMAIL_BACKEND = FAILING_BACKEND
    settings.TASKS = DEFERRING_TASKS
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ASK, enquiry_form_data(enquiry_sector))
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.reference in client.get(response["Location"]).content.decode()
    # The task the submission queued records the mail with the link; the
    # delivery it queues in turn meets the mail server down.
    [queued] = task_backends["default"].results  # type: ignore[attr-defined]
    assert queued.task == enquiry_acknowledgement_send
    with django_capture_on_commit_callbacks(execute=True):
        assert enquiry_acknowledgement_send.call(enquiry_id=enquiry.pk) == "sent"
    email = OutgoingEmail.objects.get()
    assert email_deliver.call(email_id=email.pk) == "queued"
    assert mail.outbox == []
    assert len(task_backends["default"].results) >= 1  # type: ignore[attr-defined]

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert email_deliver.call(email_id=email.pk) == "sent"
    assert email_deliver.call(email_id=email.pk) == "skipped"
    assert [m.to for m in mail.outbox] == [[enquiry.email]]
    assert Enquiry.objects.count() == 1
