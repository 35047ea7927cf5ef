"""Fixtures of the desk's tests (names start with `desk_`)."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from contactpoint.models import AlertSubscription
from directory.models import Sector, User
from tests.contactpoint.factories import AlertSubscriptionFactory


@pytest.fixture
def desk_staff_client(client: Client, staff_user: User) -> Client:
    """The test client logged in as desk staff, reading the admin in English."""
    client.force_login(staff_user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def desk_subscriber(db: None) -> AlertSubscription:
    """A confirmed subscriber to the design sector's alerts, confirmed 10 days ago."""
    subscription: AlertSubscription = AlertSubscriptionFactory.create(
        email="reader@example.org",
        sectors=[Sector.objects.get(slug="design")],
        confirmed_at=timezone.now() - datetime.timedelta(days=10),
    )
    return subscription
