"""The confirmation after sending an enquiry: when to expect the answer, and
the private link sent again on request, to its holder only and within limits."""

import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import LazySettings
from django.core import mail, signing
from django.test import Client
from django.utils import timezone

from contactpoint.models import Enquiry
from contactpoint.views.enquiries import SENT_SALT
from contactpoint.workdays import working_days_after
from creativecities.models import OutgoingEmail
from directory.models import Sector
from tests.contactpoint.factories_enquiries import EnquiryFactory

pytestmark = pytest.mark.django_db

SENT = "/en/contact-point/ask/sent/"
RESEND = "/en/contact-point/ask/sent/resend/"
ROME = timezone.get_fixed_timezone(120)


@pytest.fixture
def enquiry_sent(enquiry_sector: Sector) -> Enquiry:
    """An enquiry sent on Good Friday 2026 (3 April) and acknowledged."""
    return EnquiryFactory.create(
        sector=enquiry_sector,
        email="anna@example.org",
        language="en",
        created_at=datetime.datetime(2026, 4, 3, 16, tzinfo=ROME),
    )


def signed(enquiry: Enquiry) -> str:
    return signing.dumps(enquiry.reference, salt=SENT_SALT)


def tracking_path(message: mail.EmailMessage) -> str:
    line = next(line for line in message.body.splitlines() if "/contact-point/enquiries/" in line)
    return urlsplit(line.strip()).path


def test_the_confirmation_says_when_to_expect_the_answer_in_working_days(
    client: Client, enquiry_sent: Enquiry, settings: LazySettings
) -> None:
    content = client.get(SENT, {"r": signed(enquiry_sent)}).content.decode()
    # Easter Monday is a holiday: five working days end on Monday 13 April.
    assert "within 5 working days: expect an answer by Monday 13 April" in content
    settings.DESK_SERVICE_TARGET_WORKING_DAYS = 3
    content = client.get(SENT, {"r": signed(enquiry_sent)}).content.decode()
    assert "within 3 working days: expect an answer by Thursday 9 April" in content


def test_working_days_after_skips_weekends_and_holidays() -> None:
    friday = datetime.datetime(2026, 12, 23, 18, tzinfo=ROME)
    # 24 (Thu) counts; 25, 26 holidays, 27 Sunday; then 28, 29.
    assert working_days_after(friday, 3) == datetime.date(2026, 12, 29)


def test_the_link_is_sent_again_as_a_new_one_that_replaces_the_first(
    client: Client, enquiry_sent: Enquiry, django_capture_on_commit_callbacks: Any
) -> None:
    first = f"/en/contact-point/enquiries/{enquiry_sent.reference}/{enquiry_sent.token}/"  # type: ignore[attr-defined]
    assert client.get(first).status_code == HTTPStatus.OK
    page = client.get(SENT, {"r": signed(enquiry_sent)}).content.decode()
    assert f'action="{RESEND}"' in page and "Send the link again" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESEND, {"r": signed(enquiry_sent)}, follow=True)

    assert response.status_code == HTTPStatus.OK
    assert "We are sending the link again to anna@example.org" in response.content.decode()
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]
    assert "It replaces the one we sent before" in message.body
    assert OutgoingEmail.objects.filter(to=["anna@example.org"]).count() == 1
    assert client.get(tracking_path(message)).status_code == HTTPStatus.OK
    assert client.get(first).status_code == HTTPStatus.NOT_FOUND


def test_without_the_confirmation_nothing_is_sent_nor_told(
    client: Client, enquiry_sent: Enquiry, django_capture_on_commit_callbacks: Any
) -> None:
    forged = signing.dumps(enquiry_sent.reference, salt="another purpose")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(RESEND, {"r": forged}).status_code == HTTPStatus.NOT_FOUND
        assert client.post(RESEND, {"r": enquiry_sent.reference}).status_code == 404
        assert client.get(RESEND, {"r": signed(enquiry_sent)}).status_code == 405
        assert client.post(RESEND, {"r": signed(enquiry_sent)}).status_code == HTTPStatus.FOUND
    assert len(mail.outbox) == 1


def test_sending_the_link_again_is_rate_limited(
    client: Client,
    enquiry_sent: Enquiry,
    settings: LazySettings,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "enquiry_link_resend": {"recipient": "1/h"}}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(RESEND, {"r": signed(enquiry_sent)}).status_code == HTTPStatus.FOUND
        refused = client.post(RESEND, {"r": signed(enquiry_sent)})
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Too many requests in a short time" in refused.content.decode()
    assert "Send the link again" in refused.content.decode()
    assert len(mail.outbox) == 1
