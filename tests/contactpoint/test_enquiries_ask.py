"""The public ask form: no account needed, saved first, its acknowledgement
queued (the tracking link is mailed once by the task queue), limits, budgets."""

import re
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from contactpoint.models import Enquiry, Topic
from contactpoint.services.enquiries import enquiry_acknowledge
from creativecities.models import OutgoingEmail
from directory.models import Sector, User
from tests.contactpoint.factories_enquiries import EnquiryFactory
from tests.directory.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ASK = "/en/contact-point/ask/"


def enquiry_form_data(sector: Sector, **changes: Any) -> dict[str, Any]:
    data = {
        "topic": Topic.GRANTS,
        "sector": sector.pk,
        "subject": "Grants for a recording studio",
        "message": "We are opening a studio in Sampierdarena: which grants apply?",
        "name": "Luca Ferrari",
        "email": "luca@example.org",
        "phone": "",
        "language": "en",
        "privacy": "on",
        "website": "",
    }
    data.update(changes)
    return data


def test_anonymous_visitor_sends_an_enquiry_and_gets_a_reference_and_a_link(
    client: Client, enquiry_sector: Sector, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ASK, enquiry_form_data(enquiry_sector))

    assert response.status_code == HTTPStatus.FOUND
    enquiry = Enquiry.objects.get()
    assert re.fullmatch(rf"CC-{timezone.localtime().year}-\d{{6}}", enquiry.reference)
    assert enquiry.status == Enquiry.Status.NEW
    assert enquiry.privacy_consent_at is not None
    assert enquiry.privacy_policy_version
    page = client.get(response["Location"])
    assert enquiry.reference in page.content.decode()
    [message] = mail.outbox
    assert message.to == ["luca@example.org"]
    assert enquiry.reference in message.subject
    link = next(line for line in message.body.splitlines() if "/contact-point/enquiries/" in line)
    assert enquiry.token_hash not in link
    assert client.get(urlsplit(link.strip()).path).status_code == HTTPStatus.OK
    assert "too many wrong links were tried from your connection, wait an hour" in message.body


def test_references_are_unique_and_follow_each_other(
    client: Client, enquiry_sector: Sector
) -> None:
    for email in ("one@example.org", "two@example.org"):
        client.post(ASK, enquiry_form_data(enquiry_sector, email=email))
    first, second = Enquiry.objects.order_by("pk")
    assert first.reference != second.reference
    assert int(second.reference[-6:]) == int(first.reference[-6:]) + 1


def test_the_reference_is_drawn_in_the_insert_and_grows_past_six_digits(
    client: Client, enquiry_sector: Sector
) -> None:
    """The database gives the reference (the year in Rome, then the number) in
    the enquiry's own insert, and a number past 999999 keeps all its digits."""
    from django.db import connection

    sequence = "contactpoint_enquiry_reference_seq"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT last_value, is_called FROM {sequence}")  # noqa: S608 - a constant
        kept = cursor.fetchone()
        cursor.execute("SELECT setval(%s, 999999)", [sequence])
    try:
        response = client.post(ASK, enquiry_form_data(enquiry_sector))
        made = Enquiry.objects.create(
            topic=Topic.GRANTS, sector=enquiry_sector, subject="s", message="m", name="n",
            email="n@example.org", privacy_consent_at=timezone.now(),
        )  # fmt: skip
    finally:
        with connection.cursor() as cursor:  # a sequence ignores the test's rollback
            cursor.execute("SELECT setval(%s, %s, %s)", [sequence, *kept])
    year = timezone.localtime().year
    assert response.status_code == HTTPStatus.FOUND
    assert Enquiry.objects.filter(reference=f"CC-{year}-1000000").exists()
    assert made.reference == f"CC-{year}-1000001"
    made.refresh_from_db()
    assert made.reference == f"CC-{year}-1000001"


def test_privacy_consent_is_required_and_what_was_typed_is_kept(
    client: Client, enquiry_sector: Sector
) -> None:
    data = enquiry_form_data(enquiry_sector)
    del data["privacy"]
    response = client.post(ASK, data)
    assert response.status_code == HTTPStatus.OK
    assert "accept the privacy notice" in response.content.decode()
    assert "Sampierdarena" in response.content.decode()
    assert not Enquiry.objects.exists()


def test_honeypot_filled_saves_nothing(client: Client, enquiry_sector: Sector) -> None:
    response = client.post(ASK, enquiry_form_data(enquiry_sector, website="http://spam.example"))
    assert response.status_code == HTTPStatus.OK
    assert not Enquiry.objects.exists()
    client.post(ASK, enquiry_form_data(enquiry_sector))
    assert Enquiry.objects.count() == 1


def test_too_many_enquiries_to_one_address_answer_429_with_the_text_kept(
    client: Client, enquiry_sector: Sector, settings: Any
) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "enquiry_submit": {"recipient": "2/h"}}
    for _ in range(2):
        assert client.post(ASK, enquiry_form_data(enquiry_sector)).status_code == HTTPStatus.FOUND
    response = client.post(ASK, enquiry_form_data(enquiry_sector, subject="Third time"))
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Third time" in response.content.decode()
    assert "Too many requests" in response.content.decode()
    assert Enquiry.objects.count() == 2


def test_too_many_enquiries_from_one_client_address_answer_429(
    client: Client, enquiry_sector: Sector, settings: Any
) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "enquiry_submit": {"address": "2/h"}}
    for n in range(2):
        client.post(ASK, enquiry_form_data(enquiry_sector, email=f"p{n}@example.org"))
    response = client.post(ASK, enquiry_form_data(enquiry_sector, email="p9@example.org"))
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert Enquiry.objects.count() == 2


def test_a_member_finds_the_form_filled_in_and_can_ask_for_an_organisation(
    client: Client, enquiry_sector: Sector
) -> None:
    member = User.objects.create_user(
        email="sara@example.org", password="x", first_name="Sara", last_name="Costa"
    )
    organisation = OrganisationFactory.create(name="Studio Lanterna", members=[member])
    client.force_login(member)
    response = client.get(ASK)
    form = response.context["form"]
    assert form.initial["name"] == "Sara Costa"
    assert form.initial["email"] == "sara@example.org"
    assert form.initial["organisation"] == organisation.pk
    assert "Studio Lanterna" in response.content.decode()

    client.post(
        ASK,
        enquiry_form_data(enquiry_sector, email="sara@example.org", organisation=organisation.pk),
    )
    assert Enquiry.objects.get().organisation == organisation


def test_a_member_cannot_ask_for_someone_elses_organisation(
    client: Client, enquiry_sector: Sector
) -> None:
    member = User.objects.create_user(email="sara@example.org", password="x")
    OrganisationFactory.create(members=[member])
    other = OrganisationFactory.create(name="Not Hers")
    client.force_login(member)
    response = client.post(ASK, enquiry_form_data(enquiry_sector, organisation=other.pk))
    assert response.status_code == HTTPStatus.OK
    assert not Enquiry.objects.exists()


def test_the_form_page_costs_at_most_two_queries(
    client: Client, enquiry_sector: Sector, django_assert_max_num_queries: Any
) -> None:
    client.get(ASK)  # the cached parts (sectors, header, footer) are filled once
    with django_assert_max_num_queries(2):
        response = client.get(ASK)
    assert response.status_code == HTTPStatus.OK
    assert "Design" in response.content.decode()


def test_a_submission_writes_the_enquiry_and_queues_its_acknowledgement_in_six_queries(
    client: Client,
    enquiry_sector: Sector,
    settings: Any,
    django_assert_max_num_queries: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    """The rate-limit counters are measured apart: they live in a cache (the
    database cache here, Redis in production), outside the transaction. The
    request writes the enquiry and queues its acknowledgement; the task queue
    then gives it its token and mails the link (the immediate backend of the
    tests runs the task when the callbacks run)."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "enquiry_submit": {}}
    client.get(ASK)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with django_assert_max_num_queries(6):
            response = client.post(ASK, enquiry_form_data(enquiry_sector))
    assert response.status_code == HTTPStatus.FOUND
    enquiry = Enquiry.objects.get()
    assert enquiry.token_hash == ""  # no link exists before the acknowledgement
    assert OutgoingEmail.objects.count() == 0
    assert mail.outbox == []  # nothing is sent inside the request
    assert len(callbacks) == 1

    with django_capture_on_commit_callbacks(execute=True):
        callbacks[0]()

    enquiry.refresh_from_db()
    assert enquiry.token_hash
    [message] = mail.outbox
    assert message.to == ["luca@example.org"] and enquiry.reference in message.body


def test_an_acknowledgement_run_twice_mails_one_link(
    enquiry_sector: Sector, django_capture_on_commit_callbacks: Any
) -> None:
    enquiry = EnquiryFactory.create(sector=enquiry_sector, token_hash="")

    with django_capture_on_commit_callbacks(execute=True):
        token = enquiry_acknowledge(enquiry_id=enquiry.pk)
        again = enquiry_acknowledge(enquiry_id=enquiry.pk)

    assert token is not None and again is None
    enquiry.refresh_from_db()
    assert enquiry.token_matches(token)
    [message] = mail.outbox
    assert token in message.body and enquiry.token_hash not in message.body
    assert OutgoingEmail.objects.count() == 1


def test_an_enquiry_waiting_for_its_acknowledgement_opens_with_no_token(
    client: Client, enquiry_sector: Sector
) -> None:
    enquiry = EnquiryFactory.create(sector=enquiry_sector, token_hash="")
    path = f"/en/contact-point/enquiries/{enquiry.reference}/{enquiry.token}/"  # type: ignore[attr-defined]

    assert client.get(path).status_code == HTTPStatus.NOT_FOUND


def test_an_anonymised_enquiry_is_never_acknowledged(enquiry_sector: Sector) -> None:
    enquiry = EnquiryFactory.create(
        sector=enquiry_sector, token_hash="", anonymised_at=timezone.now(), email=""
    )

    assert enquiry_acknowledge(enquiry_id=enquiry.pk) is None
    enquiry.refresh_from_db()
    assert enquiry.token_hash == ""
    assert not OutgoingEmail.objects.exists()


def test_the_rate_limit_counters_are_counted_apart_outside_the_write(
    client: Client,
    enquiry_sector: Sector,
    django_capture_on_commit_callbacks: Any,
) -> None:
    """With the configured limits on (a window per client address and one per
    email address), the counters are the `limits` cache's rows: on the
    database cache a request's windows cost one statement together, before the
    enquiry's transaction opens; with Redis they are no SQL at all."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(ASK)
    client.post(ASK, enquiry_form_data(enquiry_sector, email="first@example.org"))
    with CaptureQueriesContext(connection) as captured:
        client.post(ASK, enquiry_form_data(enquiry_sector))
    sql = [query["sql"] for query in captured.captured_queries]
    # The write opens with its savepoint, just before the enquiry's insert.
    opening = next(i for i, text in enumerate(sql) if 'INTO "contactpoint_enquiry"' in text) - 1
    counters, write = sql[:opening], sql[opening:]
    assert counters
    assert all("rate_limit_counters" in text or "SAVEPOINT" in text for text in counters)
    assert not any("rate_limit_counters" in text for text in write)
    assert len(write) <= 6
    # One window per client address and one per email address, in one statement:
    # the address's window counted twice, each email address's once.
    assert len(counters) == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM rate_limit_counters")
        assert cursor.fetchone() == (3,)
