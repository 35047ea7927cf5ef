"""Profile history: every change is a version, and staff can revert to one."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from directory.models import Municipality, Organisation, OrganisationVersion, Sector
from directory.services import organisation_record_version, organisation_revert
from tests.directory.factories import OrganisationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def search(word: str) -> list[str]:
    return list(
        Organisation.objects.extra(
            where=["search_vector @@ to_tsquery('simple', %s)"], params=[word]
        ).values_list("name", flat=True)
    )


def test_revert_restores_the_profile_but_not_its_status(staff_user) -> None:
    design = Sector.objects.get(slug="design")
    cinema = Sector.objects.get(slug="cinema")
    organisation = OrganisationFactory.create(
        name="Lanterna Film",
        primary_sector=cinema,
        website="https://lanterna.example",
        latitude=Decimal("44.407100"),
        longitude=Decimal("8.933900"),
        languages=["it", "en"],
    )
    first = organisation_record_version(organisation=organisation, by=None, note="Registered")

    organisation.name = "Lanterna Studio"
    organisation.short_description_en = "Now a design studio."
    organisation.primary_sector = design
    organisation.website = ""
    organisation.latitude = organisation.longitude = None
    organisation.languages = []
    organisation.municipality = Municipality.objects.get(slug="rapallo")
    organisation.save()
    organisation.sectors.set([design])
    organisation_record_version(organisation=organisation, by=None, note="Changed")
    Organisation.objects.filter(pk=organisation.pk).update(status=Organisation.Status.ARCHIVED)

    revert = organisation_revert(version=first, by=staff_user)

    organisation.refresh_from_db()
    assert organisation.name == "Lanterna Film"
    assert organisation.short_description_en == "A creative studio in Genoa."
    assert organisation.primary_sector == cinema
    assert set(organisation.sectors.all()) == {cinema}
    assert organisation.website == "https://lanterna.example"
    assert organisation.latitude == Decimal("44.407100")
    assert organisation.languages == ["it", "en"]
    assert organisation.municipality.slug != "rapallo"
    assert organisation.status == Organisation.Status.ARCHIVED
    assert revert.note.startswith("Ripristinata la versione del ")
    assert revert.created_by == staff_user
    assert revert.data == first.data
    assert organisation.versions.count() == 3
    assert search("lanterna") == ["Lanterna Film"]
    assert search("rapallo") == []


def test_a_version_whose_sector_was_removed_cannot_be_restored(staff_user) -> None:
    organisation = OrganisationFactory.create()
    version = organisation_record_version(organisation=organisation, by=None)
    version.data["sectors"] = [version.data["primary_sector"], 999_999]
    version.save()

    with pytest.raises(ValidationError):
        organisation_revert(version=version, by=staff_user)

    assert OrganisationVersion.objects.filter(organisation=organisation).count() == 1
