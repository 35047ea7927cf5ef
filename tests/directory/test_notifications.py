"""Emails are plain text in the recipient's language, with replies going to the desk."""

import pytest
from django.core import mail

from directory.notifications import email_after_commit
from tests.directory.factories import OrganisationFactory

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
