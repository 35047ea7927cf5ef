"""Fixtures shared by the directory's tests."""

import datetime
from typing import Any

import pytest
from django.utils import timezone

from directory.models import Organisation, User
from tests.directory.factories import OrganisationFactory, UserFactory


@pytest.fixture
def member(db: Any) -> User:
    """A person who belongs to `organisation`."""
    return UserFactory.create(first_name="Marta", last_name="Bruzzone", email="marta@example.org")


@pytest.fixture
def organisation(member: User) -> Organisation:
    """A published profile, Atelier Luce, with `member` as its only member."""
    return OrganisationFactory.create(name="Atelier Luce", slug="atelier-luce", members=[member])


@pytest.fixture
def pending(db: Any) -> Organisation:
    """Officina Grafica, waiting for the desk, with two members to tell
    (anna@ and bruno@example.org); confirmed a month ago, so approving it
    visibly confirms it again."""
    return OrganisationFactory.create(
        name="Officina Grafica",
        status=Organisation.Status.PENDING,
        published_at=None,
        confirmed_at=timezone.now() - datetime.timedelta(days=30),
        members=[UserFactory(email="anna@example.org"), UserFactory(email="bruno@example.org")],
    )
