"""Fixtures shared by the desk's tests."""

from typing import Any

import pytest
from django.contrib.auth.models import Group

from contactpoint.models import Enquiry
from directory.models import Sector, User
from tests.contactpoint.factories_enquiries import EnquiryFactory
from tests.directory.factories import SectorFactory, UserFactory


@pytest.fixture
def enquiry_sector(db: Any) -> Sector:
    """A sector requesters pick, named in both languages."""
    return SectorFactory.create(slug="design-enquiries", name_it="Design", name_en="Design")


@pytest.fixture
def enquiry_new(enquiry_sector: Sector) -> Enquiry:
    """A new enquiry by Giulia Parodi, nobody at the desk holds it yet;
    `enquiry_new.token` is its tracking token."""
    return EnquiryFactory.create(
        reference="CC-2026-000101", sector=enquiry_sector, email="giulia@example.org"
    )


@pytest.fixture
def enquiry_officer(db: Any) -> User:
    """A second person at the desk (the `staff_user` is the first)."""
    user = UserFactory.create(is_staff=True, email="officer@example.org", first_name="Paolo")
    user.groups.add(Group.objects.get(name="Desk staff"))
    return user
