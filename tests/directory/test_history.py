"""Profile history: every change is a version, and staff can revert to one."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from creativecities import history
from directory.models import Municipality, Organisation, Sector
from directory.services.moderation import organisation_approve
from directory.services.organisations import organisation_revert, organisation_update
from tests.directory.factories import OrganisationFactory, UserFactory

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
    first = organisation.versions.get()

    organisation.name = "Lanterna Studio"
    organisation.short_description_en = "Now a design studio."
    organisation.primary_sector = design
    organisation.website = ""
    organisation.latitude = organisation.longitude = None
    organisation.languages = []
    organisation.municipality = Municipality.objects.get(slug="rapallo")
    with history.changes(note="Changed"):
        organisation.save()
        organisation.sectors.set([design])
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
    version = organisation.versions.get()
    version.data["sectors"] = [version.data["primary_sector"], 999_999]
    version.save()

    with pytest.raises(ValidationError):
        organisation_revert(version=version, by=staff_user)

    assert organisation.versions.count() == 1


def vector_updates(queries: CaptureQueriesContext) -> int:
    return sum("SET search_vector" in query["sql"] for query in queries.captured_queries)


def test_a_save_outside_any_service_is_recorded_and_indexed() -> None:
    """A shell or a script that forgets the services still leaves history."""
    organisation = OrganisationFactory.create(name="Bottega Vecchia")

    organisation.name = "Bottega Nuova"
    organisation.save()

    latest = organisation.versions.first()
    assert organisation.versions.count() == 2
    assert latest.data["name"] == "Bottega Nuova"
    with translation.override("it"):  # notes are kept in the desk's language
        assert latest.note == gettext("Changed: %(fields)s") % {"fields": "Nome"}
    assert search("nuova") == ["Bottega Nuova"]


def test_one_change_of_many_writes_is_one_version_indexed_once() -> None:
    organisation = OrganisationFactory.create(name="Officina Uno")
    cinema = Sector.objects.get(slug="cinema")

    with CaptureQueriesContext(connection) as queries, history.changes(note="Edited"):
        organisation.name = "Officina Due"
        organisation.save()
        organisation.sectors.add(cinema)
        organisation.website = "https://due.example"
        organisation.save()

    assert organisation.versions.count() == 2
    latest = organisation.versions.first()
    assert latest.data["name"] == "Officina Due"
    assert cinema.pk in latest.data["sectors"]
    assert latest.data["website"] == "https://due.example"
    assert vector_updates(queries) == 1


def test_a_change_that_fails_records_nothing() -> None:
    organisation = OrganisationFactory.create(name="Prima")

    with pytest.raises(RuntimeError), history.changes(note="Edited"):
        organisation.name = "Seconda"
        organisation.save()
        raise RuntimeError("the rest of the change failed")

    assert organisation.versions.count() == 1


def test_a_workflow_step_is_a_status_change_not_a_version(staff_user) -> None:
    organisation = OrganisationFactory.create(status=Organisation.Status.PENDING, published_at=None)

    with CaptureQueriesContext(connection) as queries:
        organisation_approve(organisation=organisation, by=staff_user)

    assert organisation.versions.count() == 1
    step = organisation.state_changes.get()
    assert (step.source, step.target, step.created_by) == ("pending", "published", staff_user)
    assert vector_updates(queries) == 0


def test_a_member_edit_with_a_logo_and_a_new_name_is_one_version(settings) -> None:
    """One POST of the edit page is one change: the version holds the new name
    and the new logo, credited to the member, and search is refreshed once."""
    from tests.directory.services.test_logos import a_logo

    member = UserFactory.create()
    organisation = OrganisationFactory.create(name="Vecchio Nome", members=[member])
    data = {name: getattr(organisation, name) for name in ("name", "kind", "short_description_it")}
    data["name"] = "Nuovo Nome"

    with CaptureQueriesContext(connection) as queries:
        organisation_update(organisation=organisation, data=data, by=member, logo=a_logo())

    assert organisation.versions.count() == 2
    latest = organisation.versions.first()
    assert latest.created_by == member
    assert latest.data["name"] == "Nuovo Nome"
    assert latest.data["logo"] == organisation.logo.name != ""
    assert latest.note == "Modificata da un membro"
    assert vector_updates(queries) == 1
