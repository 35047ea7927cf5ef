"""The desk's inbox in the admin: filters, assign to me, reply and note in place."""

import datetime
from http import HTTPStatus
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from contactpoint.models import Enquiry, EnquiryMessage
from contactpoint.services import enquiries as service
from directory.models import Sector, User
from tests.contactpoint.factories_enquiries import EnquiryFactory, StandardReplyFactory

pytestmark = pytest.mark.django_db

INBOX = "/admin/contactpoint/enquiry/"


@pytest.fixture
def enquiry_desk(client: Client, staff_user: User) -> Client:
    """The test client logged in as desk staff, reading the admin in English."""
    client.force_login(staff_user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def enquiry_change_url(enquiry: Enquiry, action: str = "") -> str:
    return f"{INBOX}{enquiry.pk}/change/" if not action else f"{INBOX}{enquiry.pk}/{action}/"


def test_the_inbox_lists_filters_and_colours_late_enquiries(
    enquiry_desk: Client, enquiry_new: Enquiry, staff_user: User
) -> None:
    late = EnquiryFactory.create(
        sector=enquiry_new.sector,
        subject="Waiting far too long",
        created_at=timezone.now() - datetime.timedelta(days=20),
    )
    page = enquiry_desk.get(INBOX)
    assert page.status_code == HTTPStatus.OK
    content = page.content.decode()
    assert enquiry_new.reference in content and late.reference in content
    assert content.count("desk-age-late") == 1
    late_only = enquiry_desk.get(INBOX, {"age": "late"}).content.decode()
    assert late.reference in late_only and enquiry_new.reference not in late_only
    service.enquiry_assign(enquiry=late, to=staff_user, by=staff_user)
    mine = enquiry_desk.get(INBOX, {"held": "me"}).content.decode()
    assert late.reference in mine and enquiry_new.reference not in mine
    assigned = enquiry_desk.get(INBOX, {"status__exact": "assigned"}).content.decode()
    assert late.reference in assigned and enquiry_new.reference not in assigned


def test_assign_to_me_from_the_enquiry_page(
    enquiry_desk: Client, enquiry_new: Enquiry, staff_user: User
) -> None:
    page = enquiry_desk.get(enquiry_change_url(enquiry_new))
    assert "Assign to me" in page.content.decode()
    response = enquiry_desk.post(enquiry_change_url(enquiry_new, "assign-to-me"))
    assert response.status_code == HTTPStatus.FOUND
    enquiry_new.refresh_from_db()
    assert (enquiry_new.status, enquiry_new.assignee) == (Enquiry.Status.ASSIGNED, staff_user)


def test_assign_to_me_as_a_bulk_action(
    enquiry_desk: Client, enquiry_new: Enquiry, staff_user: User
) -> None:
    enquiry_desk.post(INBOX, {"action": "assign_to_me", "_selected_action": [enquiry_new.pk]})
    enquiry_new.refresh_from_db()
    assert enquiry_new.assignee == staff_user


def test_reply_and_note_without_leaving_the_enquiry(
    enquiry_desk: Client,
    enquiry_new: Enquiry,
    staff_user: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        reply = enquiry_desk.post(
            enquiry_change_url(enquiry_new, "answer"), {"text": "Dear Giulia"}
        )
        note = enquiry_desk.post(enquiry_change_url(enquiry_new, "note"), {"text": "Checked"})
    assert reply["Location"] == enquiry_change_url(enquiry_new)
    assert note["Location"] == enquiry_change_url(enquiry_new)
    enquiry_new.refresh_from_db()
    assert enquiry_new.status == Enquiry.Status.ANSWERED
    kinds = list(enquiry_new.messages.values_list("kind", "text"))
    assert kinds == [("reply", "Dear Giulia"), ("note", "Checked")]
    assert [m.to for m in mail.outbox] == [[enquiry_new.email]]
    page = enquiry_desk.get(enquiry_change_url(enquiry_new)).content.decode()
    assert "Dear Giulia" in page and "Checked" in page


def test_a_standard_reply_prefills_the_reply_in_the_requesters_language(
    enquiry_desk: Client, enquiry_new: Enquiry
) -> None:
    standard = StandardReplyFactory.create(
        text_it="Buongiorno, ecco i bandi.", text_en="Hello, here are the calls."
    )
    page = enquiry_desk.get(enquiry_change_url(enquiry_new), {"standard_reply": standard.pk})
    assert page.context["answer_form"].initial["text"] == "Buongiorno, ecco i bandi."
    enquiry_new.language = "en"
    enquiry_new.save()
    page = enquiry_desk.get(enquiry_change_url(enquiry_new), {"standard_reply": standard.pk})
    assert "Hello, here are the calls." in page.content.decode()


def test_beside_the_enquiry_its_earlier_enquiries(
    enquiry_desk: Client, enquiry_new: Enquiry
) -> None:
    earlier = EnquiryFactory.create(
        sector=enquiry_new.sector, email="GIULIA@example.org", subject="An older question"
    )
    stranger = EnquiryFactory.create(sector=enquiry_new.sector, subject="Someone else")
    response = enquiry_desk.get(enquiry_change_url(enquiry_new))
    page = response.content.decode()
    assert earlier.reference in page
    assert stranger.reference not in page
    # The list of earlier enquiries does not hold the enquiry itself.
    assert response.context["earlier"] == [earlier]


def test_a_refused_step_in_the_admin_is_a_clear_message(
    enquiry_desk: Client, enquiry_new: Enquiry, staff_user: User
) -> None:
    service.enquiry_close(enquiry=enquiry_new, by=staff_user)
    response = enquiry_desk.post(
        f"{INBOX}?inbox=all",
        {"action": "close_selected", "_selected_action": [enquiry_new.pk]},
        follow=True,
    )
    assert "is already closed" in response.content.decode()


def test_the_statistics_page_draws_charts_with_tables(
    enquiry_desk: Client, enquiry_new: Enquiry, staff_user: User
) -> None:
    service.enquiry_answer(enquiry=enquiry_new, text="Answer", by=staff_user)
    page = enquiry_desk.get(f"{INBOX}statistics/")
    assert page.status_code == HTTPStatus.OK
    content = page.content.decode()
    assert "<svg" in content and "<table" in content
    assert "Settling and premises" in content
    assert page.context["figures"]["total"] == 1


def test_the_statistics_page_reads_as_many_queries_for_many_enquiries_as_for_few(
    enquiry_desk: Client, enquiry_sector: Sector, staff_user: User
) -> None:
    def statistics() -> tuple[int, dict[str, Any]]:
        with CaptureQueriesContext(connection) as captured:
            page = enquiry_desk.get(f"{INBOX}statistics/")
        assert page.status_code == HTTPStatus.OK
        return len(captured), page.context["figures"]

    EnquiryFactory.create_batch(2, sector=enquiry_sector, topic="permits")
    statistics()  # the sectors' names are then cached, as on any busy day
    few, _figures = statistics()
    answered = EnquiryFactory.create_batch(30, sector=enquiry_sector, topic="credit")
    for enquiry in answered[:10]:
        service.enquiry_answer(enquiry=enquiry, text="Answer", by=staff_user)
    many, figures = statistics()

    assert few == many
    assert (figures["total"], figures["backlog"], figures["new"]) == (32, 22, 22)
    assert [(bar["label"], bar["value"]) for bar in figures["by_topic"]["bars"]] == [
        ("Credit and financing", 30),
        ("Permits and procedures", 2),
    ]
    sectors = [(bar["label"], bar["value"]) for bar in figures["by_sector"]["bars"]]
    assert sectors == [("Design", 32)]


def test_people_outside_the_desk_cannot_reach_the_inbox(client: Client) -> None:
    client.force_login(User.objects.create_user(email="x@example.org", password="x", is_staff=True))
    assert client.get(INBOX).status_code == HTTPStatus.FORBIDDEN


def test_notes_written_in_the_admin_stay_off_the_tracking_page(
    enquiry_desk: Client, enquiry_new: Enquiry
) -> None:
    enquiry_desk.post(enquiry_change_url(enquiry_new, "note"), {"text": "Private remark"})
    enquiry_desk.post(enquiry_change_url(enquiry_new, "answer"), {"text": "Public answer"})
    assert EnquiryMessage.objects.count() == 2
    track = Client().get(
        f"/en/contact-point/enquiries/{enquiry_new.reference}/{enquiry_new.token}/"  # type: ignore[attr-defined]
    )
    assert "Public answer" in track.content.decode()
    assert "Private remark" not in track.content.decode()
