"""The private tracking page: the token opens one enquiry, notes never show."""

import io
from http import HTTPStatus
from typing import Any

import pytest
from django.core import mail
from django.core.cache import caches
from django.core.management import call_command
from django.db.models import F
from django.test import Client
from django_tasks import task_backends

from contactpoint.models import Enquiry, EnquiryMessage
from contactpoint.services import enquiries as service
from contactpoint.services.enquiries import FOLLOWUPS_WINDOW
from creativecities.models import OutgoingEmail
from directory.models import User
from tests.contactpoint.factories_calls import FundingCallFactory, PremisesFactory
from tests.contactpoint.factories_enquiries import EnquiryFactory, EnquiryMessageFactory
from tests.directory.helpers import expire_every_counter

pytestmark = pytest.mark.django_db


def enquiry_track_url(enquiry: Enquiry, token: str | None = None) -> str:
    token = token if token is not None else enquiry.token  # type: ignore[attr-defined]
    return f"/en/contact-point/enquiries/{enquiry.reference}/{token}/"


def test_the_token_opens_its_enquiry_with_the_desks_replies(
    client: Client, enquiry_new: Enquiry, staff_user: User
) -> None:
    service.enquiry_answer(enquiry=enquiry_new, text="Look at the regional grant.", by=staff_user)
    response = client.get(enquiry_track_url(enquiry_new))
    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Look at the regional grant." in content
    assert enquiry_new.message in content
    assert "Answered" in content
    assert response["Cache-Control"] == "private, no-store"


def test_internal_notes_never_reach_the_tracking_page(
    client: Client, enquiry_new: Enquiry, staff_user: User
) -> None:
    service.enquiry_note(
        enquiry=enquiry_new, text="Call the chamber of commerce first", by=staff_user
    )
    service.enquiry_answer(enquiry=enquiry_new, text="We are looking into it.", by=staff_user)
    content = client.get(enquiry_track_url(enquiry_new)).content.decode()
    assert "We are looking into it." in content
    assert "chamber of commerce" not in content


def test_the_token_of_one_enquiry_never_opens_another(client: Client, enquiry_new: Enquiry) -> None:
    other = EnquiryFactory.create(sector=enquiry_new.sector, subject="Another business")
    assert client.get(enquiry_track_url(other)).status_code == HTTPStatus.OK
    response = client.get(enquiry_track_url(other, token=enquiry_new.token))  # type: ignore[attr-defined]
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Another business" not in response.content.decode()


def test_a_guessed_reference_alone_opens_nothing(client: Client, enquiry_new: Enquiry) -> None:
    assert client.get(enquiry_track_url(enquiry_new, token="x" * 43)).status_code == 404
    assert client.get(f"/en/contact-point/enquiries/{enquiry_new.reference}/").status_code == 404
    unknown = client.get("/en/contact-point/enquiries/CC-2026-999999/" + "x" * 43 + "/")
    assert unknown.status_code == HTTPStatus.NOT_FOUND


def test_failed_token_lookups_are_throttled(
    client: Client, enquiry_new: Enquiry, settings: Any
) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "enquiry_track": {"address": "3/h"}}
    for n in range(3):
        assert client.get(enquiry_track_url(enquiry_new, token=f"guess{n}")).status_code == 404
    response = client.get(enquiry_track_url(enquiry_new, token="guess4"))
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_once_the_guesses_are_spent_even_the_right_token_waits_for_the_pause(
    client: Client, enquiry_new: Enquiry
) -> None:
    """20 wrong tokens an hour from one address (the setting's own rate); then
    every lookup from it answers 429, which tells a guesser nothing, until the
    window ends. Another address still opens its enquiry meanwhile."""
    wrong = [
        client.get(enquiry_track_url(enquiry_new, token=f"guess{n}")).status_code for n in range(20)
    ]
    assert wrong == [HTTPStatus.NOT_FOUND] * 20

    paused = client.get(enquiry_track_url(enquiry_new))
    assert paused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert paused["Retry-After"] == "3600"
    text = paused.content.decode()
    assert "not even with the right link" in text
    assert "exactly as it is" in text
    assert enquiry_new.subject not in text
    neighbour = Client(REMOTE_ADDR="198.51.100.7")
    assert neighbour.get(enquiry_track_url(enquiry_new)).status_code == HTTPStatus.OK

    expire_every_counter()  # the hour has passed
    assert client.get(enquiry_track_url(enquiry_new)).status_code == HTTPStatus.OK


def test_the_pause_is_explained_in_italian(
    client: Client, enquiry_new: Enquiry, settings: Any
) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "enquiry_track": {"address": "1/h"}}
    url = f"/it/contact-point/enquiries/{enquiry_new.reference}/"
    assert client.get(url + "x" * 43 + "/").status_code == HTTPStatus.NOT_FOUND
    response = client.get(url + enquiry_new.token + "/")  # type: ignore[attr-defined]
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "nemmeno con il link giusto" in response.content.decode()


def test_the_requester_answers_and_an_answered_enquiry_is_reopened(
    client: Client,
    enquiry_new: Enquiry,
    staff_user: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    service.enquiry_assign(enquiry=enquiry_new, to=staff_user, by=staff_user)
    service.enquiry_answer(enquiry=enquiry_new, text="Here is the answer.", by=staff_user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(enquiry_track_url(enquiry_new), {"text": "Thanks, one more thing"})
    assert response.status_code == HTTPStatus.FOUND
    enquiry_new.refresh_from_db()
    assert enquiry_new.status == Enquiry.Status.ASSIGNED
    assert enquiry_new.messages.filter(kind=EnquiryMessage.Kind.REQUESTER).count() == 1
    assert [m.to for m in mail.outbox] == [[staff_user.email]]
    assert "Thanks, one more thing" in client.get(enquiry_track_url(enquiry_new)).content.decode()


def test_a_closed_enquiry_without_assignee_reopens_as_new(
    client: Client, enquiry_new: Enquiry
) -> None:
    service.enquiry_close(enquiry=enquiry_new, by=None)
    client.post(enquiry_track_url(enquiry_new), {"text": "It is not solved"})
    enquiry_new.refresh_from_db()
    assert (enquiry_new.status, enquiry_new.closed_at) == (Enquiry.Status.NEW, None)


def test_an_empty_message_is_refused_clearly(client: Client, enquiry_new: Enquiry) -> None:
    response = client.post(enquiry_track_url(enquiry_new), {"text": "  "})
    assert response.status_code == HTTPStatus.OK
    assert "Write your message." in response.content.decode()
    assert not enquiry_new.messages.exists()


def on_counters(captured: Any) -> int:
    """How many of the captured queries read or wrote the rate limits' counters."""
    return sum("rate_limit_counters" in query["sql"] for query in captured.captured_queries)


def test_the_tracking_page_costs_three_queries_and_the_pause_check(
    client: Client, enquiry_new: Enquiry, django_assert_max_num_queries: Any
) -> None:
    EnquiryMessageFactory.create(enquiry=enquiry_new, text="First reply")
    EnquiryMessageFactory.create(enquiry=enquiry_new, text="Second reply")
    url = enquiry_track_url(enquiry_new)
    client.get(url)
    with django_assert_max_num_queries(4) as captured:
        response = client.get(url)
    assert "Second reply" in response.content.decode()
    assert on_counters(captured) == 1


def test_an_enquiry_about_a_call_with_linked_replies_costs_three_queries_and_the_pause_check(
    client: Client, enquiry_new: Enquiry, staff_user: User, django_assert_max_num_queries: Any
) -> None:
    """The call it asks about comes with the enquiry; the replies' links in one more query."""
    call = FundingCallFactory.create(title_en="Creative export grant", slug="export-grant")
    premises = PremisesFactory.create(title_en="Studio in Via Prè", slug="studio-pre")
    Enquiry.objects.filter(pk=enquiry_new.pk).update(call=call)
    service.enquiry_answer(
        enquiry=enquiry_new, text="See these.", by=staff_user, calls=[call], premises=[premises]
    )
    url = enquiry_track_url(enquiry_new)
    client.get(url)
    with django_assert_max_num_queries(4) as captured:
        response = client.get(url)
    assert on_counters(captured) == 1
    content = response.content.decode()
    assert content.count('href="/en/contact-point/calls/export-grant/"') == 2
    assert "Creative export grant" in content
    assert 'href="/en/contact-point/premises/studio-pre/"' in content


def test_the_tracking_token_never_reaches_the_cache(client: Client, enquiry_new: Enquiry) -> None:
    """Shared caches (Redis) hold no token: the page's address stays out of
    the header's cached navigation."""
    caches["default"].clear()
    response = client.get(enquiry_track_url(enquiry_new))
    token = enquiry_new.token  # type: ignore[attr-defined]
    assert token in response.content.decode()  # the language links keep the address
    stored = caches["default"]._cache.values()  # type: ignore[attr-defined]
    assert stored and not any(token.encode() in value for value in stored)


def test_malformed_references_tokens_and_item_ids_are_plain_not_found(
    client: Client, enquiry_new: Enquiry
) -> None:
    assert client.get("/en/contact-point/enquiries/%00/" + "x" * 43 + "/").status_code == 404
    assert client.get(enquiry_track_url(enquiry_new, token="%00" * 30)).status_code == 404
    assert client.get("/en/contact-point/ask/", {"call": "9" * 40}).status_code == 200
    assert client.get("/en/contact-point/ask/", {"premises": "²"}).status_code == 200
    assert client.get("/en/contact-point/ask/suggestions/", {"q": "\x00design"}).status_code == 200


def test_follow_ups_within_an_hour_reach_the_desk_as_one_mail_then_one_digest(
    client: Client,
    desk_staff_client: Client,
    enquiry_new: Enquiry,
    django_capture_on_commit_callbacks: Any,
) -> None:
    """Five follow-ups in a few seconds: the first is mailed at once, the four
    others wait for the hour's end and go in one digest; all five are stored
    and shown to the desk at once."""
    url = enquiry_track_url(enquiry_new)
    texts = [f"Follow-up number {n}" for n in range(1, 6)]
    for text in texts:
        assert Client().post(url, {"text": text}).status_code == HTTPStatus.FOUND

    told = OutgoingEmail.objects.filter(template="contactpoint/emails/enquiry_requester_replied")
    [first] = told
    assert "Follow-up number 1" in first.body and "Follow-up number 2" not in first.body
    enquiry_new.refresh_from_db()
    assert enquiry_new.followups_digest_due_at is not None
    admin_page = desk_staff_client.get(
        f"/admin/contactpoint/enquiry/{enquiry_new.pk}/change/"
    ).content.decode()
    assert all(text in admin_page for text in texts)

    # Not yet due: nothing is sent; then the command queues the due digest.
    assert not service.enquiry_followups_digest(enquiry_id=enquiry_new.pk)
    Enquiry.objects.filter(pk=enquiry_new.pk).update(
        followups_digest_due_at=enquiry_new.followups_digest_due_at - FOLLOWUPS_WINDOW
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=io.StringIO())
        call_command("send_digests", stdout=io.StringIO())  # run twice, sent once

    assert told.all().count() == 2
    digest = told.all().exclude(pk=first.pk).get()
    assert all(text in digest.body for text in texts[1:])
    assert "Follow-up number 1" not in digest.body
    assert "4 " in digest.subject
    assert enquiry_new.messages.filter(kind=EnquiryMessage.Kind.REQUESTER).count() == 5


def test_a_follow_up_after_a_quiet_hour_is_mailed_at_once(
    client: Client, enquiry_new: Enquiry
) -> None:
    url = enquiry_track_url(enquiry_new)
    client.post(url, {"text": "First"})
    # As if it had been written, and mailed, an hour ago.
    enquiry_new.messages.update(created_at=F("created_at") - FOLLOWUPS_WINDOW)
    Enquiry.objects.filter(pk=enquiry_new.pk).update(
        followups_told_at=F("followups_told_at") - FOLLOWUPS_WINDOW
    )
    client.post(url, {"text": "An hour later"})

    told = OutgoingEmail.objects.filter(template="contactpoint/emails/enquiry_requester_replied")
    assert [("First" in m.body, "An hour later" in m.body) for m in told.order_by("pk")] == [
        (True, False),
        (False, True),
    ]


def test_the_digest_waits_on_a_queue_that_can_wait_until_the_hour_is_over(
    client: Client, enquiry_new: Enquiry, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # A queue that keeps tasks and can hold them back (as the database queue does).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    url = enquiry_track_url(enquiry_new)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"text": "First"})
        client.post(url, {"text": "Second"})
        client.post(url, {"text": "Third"})

    enquiry_new.refresh_from_db()
    [queued] = [
        result
        for result in task_backends["default"].results  # type: ignore[attr-defined]
        if result.task.name == "enquiry_followups_digest_send"
    ]
    assert queued.task.run_after == enquiry_new.followups_digest_due_at
    assert enquiry_new.followups_told_at is not None
    assert enquiry_new.followups_digest_due_at == enquiry_new.followups_told_at + FOLLOWUPS_WINDOW
