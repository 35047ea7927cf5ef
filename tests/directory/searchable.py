"""Organisations as the directory finds them: made by the factory, then indexed
as the services index them after every change."""

from typing import Any

from creativecities.lists.search import index
from directory.models import Municipality, Organisation, Sector
from tests.directory.factories import OrganisationFactory


def searchable(**kwargs: Any) -> Organisation:
    organisation: Organisation = OrganisationFactory.create(**kwargs)
    index([organisation])
    return organisation


def sector(slug: str) -> Sector:
    return Sector.objects.get(slug=slug)


def place(slug: str) -> Municipality:
    return Municipality.objects.get(slug=slug)
