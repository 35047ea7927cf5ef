"""Invitations to one address sent at the same moment, each request in its own
thread with its own database connection, committing for real."""

from http import HTTPStatus
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from directory.models import Invitation
from tests.concurrency import run_at_once
from tests.directory.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    SectorFactory,
    UserFactory,
)

SENDERS = 6


@pytest.mark.django_db(transaction=True)
def test_invitations_sent_at_once_leave_one_open_and_answer_normally(settings: Any) -> None:
    # Every request reaches the service here; the limits have tests of their own.
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "invitation_send": {"account": "100/h"}}
    # The tables may have been emptied by an earlier test that committed.
    SectorFactory()
    MunicipalityFactory()
    member = UserFactory()
    organisation = OrganisationFactory(members=[member])
    clients = [Client() for _ in range(SENDERS)]
    for client in clients:
        client.force_login(member)

    answers = run_at_once(
        lambda client: client.post(
            f"/en/directory/{organisation.slug}/invite/", {"email": "Luca@Example.org"}
        ),
        clients,
    )

    assert [answer.status_code for answer in answers] == [HTTPStatus.FOUND] * SENDERS
    assert {answer.url for answer in answers} == {"/en/account/"}
    assert Invitation.objects.open().filter(email="luca@example.org").count() == 1
    assert Invitation.objects.count() == 1
    assert [message.to for message in mail.outbox] == [["luca@example.org"]]
