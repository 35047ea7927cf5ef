"""Members edit their organisation's profile; rejected profiles go back to the desk."""

import datetime
from http import HTTPStatus
from typing import Any

import pytest
from django.core import mail
from django.forms.models import model_to_dict
from django.test import Client
from django.utils import timezone

from directory.forms import OrganisationEditForm
from directory.models import Municipality, Organisation, Sector
from directory.services import organisations
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.directory.helpers import edit_data, stored

pytestmark = pytest.mark.django_db


def test_edit_page_shows_every_public_field_in_both_languages(
    client: Client, member: Any, organisation: Organisation
) -> None:
    client.force_login(member)

    response = client.get("/en/directory/atelier-luce/edit/")

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    for name in [
        "short_description_it",
        "short_description_en",
        "description_it",
        "description_en",
        "linkedin",
        "latitude",
        "languages",
        "size",
        "year_founded",
        "open_to_international",
    ]:
        assert f'name="{name}"' in content
    assert 'enctype="multipart/form-data"' in content
    assert "Submit again" not in content


def test_wrong_side_gets_404_or_a_login(client: Client, organisation: Organisation) -> None:
    other_member = UserFactory()
    OrganisationFactory(members=[other_member])

    anonymous = client.get("/en/directory/atelier-luce/edit/")
    client.force_login(other_member)
    stranger_get = client.get("/en/directory/atelier-luce/edit/")
    stranger_post = client.post(
        "/en/directory/atelier-luce/edit/", edit_data(organisation, name="Taken over")
    )
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    staff_get = client.get("/en/directory/atelier-luce/edit/")

    assert anonymous.status_code == HTTPStatus.FOUND
    assert anonymous.url == "/en/accounts/login/?next=/en/directory/atelier-luce/edit/"
    assert stranger_get.status_code == HTTPStatus.NOT_FOUND
    assert stranger_post.status_code == HTTPStatus.NOT_FOUND
    assert staff_get.status_code == HTTPStatus.NOT_FOUND
    organisation.refresh_from_db()
    assert organisation.name == "Atelier Luce"


def test_editing_saves_confirms_and_records_a_version(
    client: Client, member: Any, organisation: Organisation
) -> None:
    long_ago = timezone.now() - datetime.timedelta(days=400)
    Organisation.objects.filter(pk=organisation.pk).update(
        confirmed_at=long_ago, reminder_sent_at=long_ago
    )
    cinema = Sector.objects.get(slug="cinema")
    design = Sector.objects.get(slug="design")
    chiavari = Municipality.objects.get(slug="chiavari")
    client.force_login(member)

    response = client.post(
        "/en/directory/atelier-luce/edit/",
        edit_data(
            organisation,
            name="Atelier Luce e Ombra",
            primary_sector=cinema.pk,
            sectors=[str(design.pk)],
            description_en="We light theatres and film sets.",
            municipality=chiavari.pk,
            latitude="44.3168",
            longitude="9.3227",
            languages=["it", "en", "de"],
            ateco_code="591100",
            size="2-9",
        ),
        follow=True,
    )

    assert response.redirect_chain == [("/en/account/", HTTPStatus.FOUND)]
    assert "Changes saved" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.name == "Atelier Luce e Ombra"
    assert organisation.slug == "atelier-luce"
    assert organisation.status == Organisation.Status.PUBLISHED
    assert set(organisation.sectors.all()) == {cinema, design}
    assert organisation.description_en == "We light theatres and film sets."
    assert organisation.languages == ["it", "en", "de"]
    assert organisation.ateco_code == "59.11.00"
    assert organisation.confirmed_at > timezone.now() - datetime.timedelta(minutes=1)
    assert organisation.reminder_sent_at is None
    assert organisation.versions.count() == 2  # created, then this edit
    version = organisation.versions.first()
    assert version.created_by == member
    assert version.data["name"] == "Atelier Luce e Ombra"


def test_the_other_sectors_box_leaves_out_the_main_one(
    member: Any, organisation: Organisation
) -> None:
    organisation.sectors.add(Sector.objects.get(slug="fashion"))

    form = OrganisationEditForm(instance=organisation)

    assert form["sectors"].value() == [Sector.objects.get(slug="fashion").pk]


def test_invalid_edits_keep_the_input_and_save_nothing(
    client: Client, member: Any, organisation: Organisation
) -> None:
    client.force_login(member)

    response = client.post(
        "/en/directory/atelier-luce/edit/",
        edit_data(
            organisation,
            name="Renamed but invalid",
            short_description_it="",
            latitude="44.4",
            postcode="ABC",
        ),
    )

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert 'value="Renamed but invalid"' in content
    assert "<h1>Edit Atelier Luce</h1>" in content
    assert "Give both latitude and longitude, or neither." in content
    assert "A postcode is five digits." in content
    assert 'href="#id_short_description_it"' in content
    organisation.refresh_from_db()
    assert organisation.name == "Atelier Luce"
    assert organisation.versions.count() == 1  # only the one of its creation


@pytest.mark.parametrize("status", [Organisation.Status.PENDING, Organisation.Status.DRAFT])
def test_editing_never_changes_the_status(
    client: Client, member: Any, organisation: Organisation, status: str
) -> None:
    organisation.status = status
    organisation.save()
    client.force_login(member)

    client.post(
        "/en/directory/atelier-luce/edit/",
        edit_data(organisation, action="resubmit", name="Atelier Luce 2"),
    )

    organisation.refresh_from_db()
    assert organisation.name == "Atelier Luce 2"
    assert organisation.status == status


def test_a_rejected_profile_is_fixed_and_submitted_again(
    client: Client,
    member: Any,
    organisation: Organisation,
    django_capture_on_commit_callbacks: Any,
) -> None:
    organisation.status = Organisation.Status.REJECTED
    organisation.rejection_reason = "Add a description in Italian that says what you do."
    organisation.save()
    client.force_login(member)

    page = client.get("/en/directory/atelier-luce/edit/").content.decode()
    assert "Add a description in Italian that says what you do." in page
    assert "Submit again" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/directory/atelier-luce/edit/",
            edit_data(
                organisation,
                action="resubmit",
                description_it="Progettiamo luci per teatri e set.",
            ),
            follow=True,
        )

    assert "sent to the desk" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PENDING
    assert organisation.description_it == "Progettiamo luci per teatri e set."
    assert len(mail.outbox) == 1
    assert "/admin/directory/organisation/" in mail.outbox[0].body


def test_a_rejected_profile_may_be_saved_without_submitting(
    client: Client, member: Any, organisation: Organisation
) -> None:
    organisation.status = Organisation.Status.REJECTED
    organisation.rejection_reason = "Incomplete."
    organisation.save()
    client.force_login(member)

    response = client.post(
        "/en/directory/atelier-luce/edit/", edit_data(organisation, action="save", name="Luce")
    )

    assert response.status_code == HTTPStatus.FOUND
    organisation.refresh_from_db()
    assert organisation.name == "Luce"
    assert organisation.status == Organisation.Status.REJECTED


def test_update_service_keeps_the_main_sector_among_the_sectors(
    organisation: Organisation, member: Any
) -> None:
    cinema = Sector.objects.get(slug="cinema")
    data = model_to_dict(organisation, fields=["name"])

    organisations.organisation_update(
        organisation=organisation,
        data={**data, "primary_sector": cinema, "sectors": []},
        by=member,
    )

    assert list(organisation.sectors.all()) == [cinema]


def test_an_update_changes_its_organisation_only(organisation: Organisation, member: Any) -> None:
    other = OrganisationFactory.create(name="Bottega Altra")
    before = stored(other)
    cinema = Sector.objects.get(slug="cinema")
    organisation.confirmed_at = timezone.now() - datetime.timedelta(days=400)
    organisation.save()

    organisations.organisation_update(
        organisation=organisation,
        data={"name": "Atelier Luce e Ombra", "primary_sector": cinema, "sectors": []},
        by=member,
    )

    organisation.refresh_from_db()
    assert organisation.name == "Atelier Luce e Ombra"
    assert list(organisation.sectors.all()) == [cinema]
    assert organisation.confirmed_at > timezone.now() - datetime.timedelta(minutes=1)
    assert stored(other) == before
