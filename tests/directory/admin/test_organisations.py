"""The desk's organisation screens: list, moderation, history and revert."""

from http import HTTPStatus
from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db.models.fields.files import FieldFile
from django.test import Client

from creativecities import history
from directory.models import Municipality, Organisation, Sector
from directory.services.moderation import ORGANISATION_WORKFLOW
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.directory.helpers import pending_organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

CHANGELIST = "/admin/directory/organisation/"


def texts(response: Any) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def change_form_data(client: Client, organisation: Organisation) -> dict[str, Any]:
    """What the change form posts back when nothing is edited."""
    response = client.get(f"{CHANGELIST}{organisation.pk}/change/")
    form = response.context["adminform"].form
    data: dict[str, Any] = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or isinstance(value, FieldFile):
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[f"{inline.formset.prefix}-{name}"] = management[name].value()
    return data


def test_the_list_shows_workflow_columns_without_a_query_per_row(
    desk: Client, django_assert_max_num_queries: Any
) -> None:
    for _ in range(15):
        pending_organisation(members=[UserFactory()])

    with django_assert_max_num_queries(15):
        response = desk.get(CHANGELIST, {"status__exact": "pending"})

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Pending approval" in content
    assert "Last confirmed" in content
    assert response.context["cl"].result_count == 15


def test_the_list_finds_an_organisation_by_a_members_email(desk: Client) -> None:
    pending_organisation(name="Studio Nascosto", members=[UserFactory(email="trova@example.org")])
    OrganisationFactory.create(name="Altra")

    response = desk.get(CHANGELIST, {"q": "trova@example.org"})

    assert [o.name for o in response.context["cl"].result_list] == ["Studio Nascosto"]


def test_bulk_approval_reports_what_changed_and_what_was_skipped(
    desk: Client, django_capture_on_commit_callbacks: Any
) -> None:
    first = pending_organisation(name="Alfa", members=[UserFactory()])
    second = pending_organisation(name="Beta", members=[UserFactory()])
    published = OrganisationFactory.create(name="Gamma")

    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(
            CHANGELIST,
            {"action": "approve_selected", "_selected_action": [first.pk, second.pk, published.pk]},
            follow=True,
        )

    messages = texts(response)
    assert "Organisations approved and published: 2." in messages
    assert any(m.startswith("Skipped: 1. Gamma cannot be approved") for m in messages)
    assert set(Organisation.objects.published()) == {first, second, published}
    assert len(mail.outbox) == 2


def test_bulk_rejection_asks_for_the_reason_first(
    desk: Client, django_capture_on_commit_callbacks: Any
) -> None:
    first = pending_organisation(name="Alfa", members=[UserFactory(email="alfa@example.org")])
    second = pending_organisation(name="Beta", members=[UserFactory(email="beta@example.org")])
    selected = {"action": "reject_selected", "_selected_action": [first.pk, second.pk]}

    page = desk.post(CHANGELIST, selected)

    assert page.status_code == HTTPStatus.OK
    assert "Reason for the rejection" in page.content.decode()
    assert Organisation.objects.filter(status=Organisation.Status.PENDING).count() == 2

    missing = desk.post(CHANGELIST, {**selected, "apply": "1", "reason": "  "})
    assert "This field is required." in missing.content.decode()
    assert Organisation.objects.filter(status=Organisation.Status.PENDING).count() == 2

    with django_capture_on_commit_callbacks(execute=True):
        done = desk.post(
            CHANGELIST,
            {**selected, "apply": "1", "reason": "Not a creative business."},
            follow=True,
        )

    assert "Organisations rejected: 2. The members have been told why." in texts(done)
    first.refresh_from_db()
    assert first.status == Organisation.Status.REJECTED
    assert first.rejection_reason == "Not a creative business."
    assert sorted(m.to[0] for m in mail.outbox) == ["alfa@example.org", "beta@example.org"]
    assert all("Not a creative business." in m.body for m in mail.outbox)


def test_the_change_page_of_a_pending_organisation_has_the_moderation_buttons(
    desk: Client,
) -> None:
    organisation = pending_organisation()

    content = desk.get(f"{CHANGELIST}{organisation.pk}/change/").content.decode()

    assert f'action="{CHANGELIST}{organisation.pk}/approve/"' in content
    assert f'href="{CHANGELIST}{organisation.pk}/reject/"' in content
    assert f'href="{CHANGELIST}{organisation.pk}/versions/"' in content
    published = OrganisationFactory.create()
    published_page = desk.get(f"{CHANGELIST}{published.pk}/change/").content.decode()
    assert f'action="{CHANGELIST}{published.pk}/archive/"' in published_page
    assert "/approve/" not in published_page


def test_approving_from_the_change_page(desk: Client) -> None:
    organisation = pending_organisation()

    response = desk.post(f"{CHANGELIST}{organisation.pk}/approve/", follow=True)

    assert "Organisations approved and published: 1." in texts(response)
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PUBLISHED
    assert desk.get(f"{CHANGELIST}{organisation.pk}/approve/").status_code == (
        HTTPStatus.METHOD_NOT_ALLOWED
    )


def test_rejecting_from_the_change_page(desk: Client) -> None:
    organisation = pending_organisation()
    url = f"{CHANGELIST}{organisation.pk}/reject/"

    assert desk.get(url).status_code == HTTPStatus.OK
    response = desk.post(url, {"reason": "The website is someone else's."}, follow=True)

    assert "Organisations rejected: 1. The members have been told why." in texts(response)
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.REJECTED
    assert organisation.rejection_reason == "The website is someone else's."


def test_archiving_from_the_change_page(desk: Client) -> None:
    organisation = OrganisationFactory.create()

    desk.post(f"{CHANGELIST}{organisation.pk}/archive/")

    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.ARCHIVED


def test_a_partner_editor_cannot_moderate(client: Client) -> None:
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Partner editors"))
    client.force_login(editor)
    organisation = pending_organisation()

    responses = [
        client.post(f"{CHANGELIST}{organisation.pk}/approve/"),
        client.post(f"{CHANGELIST}{organisation.pk}/reject/", {"reason": "No."}),
        client.post(
            CHANGELIST, {"action": "approve_selected", "_selected_action": [organisation.pk]}
        ),
        client.get(f"{CHANGELIST}{organisation.pk}/versions/"),
    ]

    assert [r.status_code for r in responses] == [HTTPStatus.FORBIDDEN] * 4
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PENDING


def test_someone_who_may_only_view_organisations_cannot_moderate(client: Client) -> None:
    viewer = UserFactory(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_organisation"))
    client.force_login(viewer)
    organisation = pending_organisation()

    listing = client.get(CHANGELIST)
    approve = client.post(f"{CHANGELIST}{organisation.pk}/approve/")
    action = client.post(
        CHANGELIST, {"action": "approve_selected", "_selected_action": [organisation.pk]}
    )

    assert listing.status_code == HTTPStatus.OK
    assert f'href="{CHANGELIST}{organisation.pk}/change/"' in listing.content.decode()
    assert "approve_selected" not in listing.content.decode()
    assert approve.status_code == HTTPStatus.FORBIDDEN
    assert action.status_code == HTTPStatus.OK  # the list again: no such action
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PENDING


def test_a_member_of_the_public_is_sent_to_the_login(client: Client) -> None:
    client.force_login(UserFactory(is_staff=False))
    organisation = pending_organisation()

    response = client.post(f"{CHANGELIST}{organisation.pk}/approve/")

    assert response.status_code == HTTPStatus.FOUND
    assert "/admin/login/" in response.url
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PENDING


def test_a_staff_edit_is_a_version_naming_what_changed(desk: Client, staff_user: Any) -> None:
    organisation = OrganisationFactory.create(name="Prima")
    data = change_form_data(desk, organisation)
    data["name"] = "Seconda"
    data["website"] = "https://seconda.example"

    response = desk.post(f"{CHANGELIST}{organisation.pk}/change/", data)

    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    assert organisation.versions.count() == 2
    version = organisation.versions.first()
    assert version.created_by == staff_user
    assert version.data["name"] == "Seconda"
    # History notes are in the desk's language, whatever language the screen was in.
    assert version.note == "Modificato dallo sportello: Nome, Sito web"
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PUBLISHED


def test_the_change_page_reads_whole_sectors_descriptions_and_members(desk: Client) -> None:
    """Sectors as boxes to tick, short descriptions in boxes that show them whole
    (saved as one line all the same), each member's title uncut."""
    member = UserFactory.create(email="a.very.long.address.of.a.member@demo.creativecities.example")
    organisation = OrganisationFactory.create(name="Pixel di Mare Games", members=[member])
    design = Sector.objects.get(slug="design")

    page = desk.get(f"{CHANGELIST}{organisation.pk}/change/")

    content = page.content.decode()
    assert f'type="checkbox" name="sectors" value="{design.pk}"' in content
    assert "selectfilter" not in content
    assert '<textarea name="short_description_it" cols="40" rows="3" class="desk-wide-field' in (
        content
    )
    assert 'id="memberships-group"\n     data-inline-type="stacked"' in content
    assert "Pixel di Mare Games" in content and member.email in content
    other = OrganisationFactory.create(name="Senza membri")
    data = change_form_data(desk, other)
    data["sectors"] = [design.pk]
    data["short_description_it"] = "Giochi\r\nnarrativi"
    response = desk.post(f"{CHANGELIST}{other.pk}/change/", data)
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    other.refresh_from_db()
    assert other.short_description_it == "Giochi narrativi"  # type: ignore[attr-defined]
    assert design in other.sectors.all()


def test_saving_without_changes_records_no_version(desk: Client) -> None:
    organisation = OrganisationFactory.create(name="Immutata")
    data = change_form_data(desk, organisation)

    response = desk.post(f"{CHANGELIST}{organisation.pk}/change/", data, follow=True)

    assert response.redirect_chain == [(CHANGELIST, HTTPStatus.FOUND)]
    link = f'<a href="{CHANGELIST}{organisation.pk}/change/">Immutata</a>'
    assert texts(response) == [f"The organisation “{link}” was changed successfully."]
    assert organisation.versions.count() == 1  # the one of its creation


def test_staff_cannot_change_the_status_by_editing_the_form(desk: Client) -> None:
    organisation = pending_organisation()
    data = change_form_data(desk, organisation)
    data["status"] = "published"

    response = desk.post(f"{CHANGELIST}{organisation.pk}/change/", data)

    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PENDING


def test_staff_read_the_history_and_revert_a_version(desk: Client, staff_user: Any) -> None:
    with history.changes(note="Prima stesura"):
        organisation = OrganisationFactory.create(name="Originale", website="https://a.example")
    first = organisation.versions.get()
    with history.changes(by=staff_user, note="Nuovo nome"):
        organisation.name = "Cambiato"
        organisation.website = "https://b.example"
        organisation.save()
    ORGANISATION_WORKFLOW.apply(organisation, "archive", by=staff_user)

    listing = desk.get(f"{CHANGELIST}{organisation.pk}/versions/")
    content = listing.content.decode()
    assert listing.status_code == HTTPStatus.OK
    assert "Prima stesura" in content and "Nuovo nome" in content
    assert "Published" in content  # the archive step, its statuses named as staff read them
    assert ">published<" not in content
    assert "Name, Website" in content
    assert "first version" in content
    assert staff_user.email in content

    detail = desk.get(f"{CHANGELIST}{organisation.pk}/versions/{first.pk}/")
    rows = {row["label"]: row for row in detail.context["rows"]}
    assert rows["Name"]["then"] == "Originale"
    assert rows["Name"]["now"] == "Cambiato"
    assert rows["Name"]["differs"]
    assert not rows["Kind"]["differs"]
    assert "Revert to this version" in detail.content.decode()

    reverted = desk.post(f"{CHANGELIST}{organisation.pk}/versions/{first.pk}/", follow=True)

    assert "The content is back as it was in this version." in texts(reverted)
    organisation.refresh_from_db()
    assert organisation.name == "Originale"
    assert organisation.versions.first().note.startswith("Ripristinata la versione del")


def test_a_version_of_another_organisation_is_not_found(desk: Client) -> None:
    organisation = OrganisationFactory.create()
    other = OrganisationFactory.create().versions.get()

    response = desk.get(f"{CHANGELIST}{organisation.pk}/versions/{other.pk}/")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_desk_can_enter_a_published_organisation_itself(desk: Client, staff_user: Any) -> None:
    design = Sector.objects.get(slug="design")
    response = desk.post(
        f"{CHANGELIST}add/",
        {
            "name": "Inserita dallo Sportello",
            "slug": "inserita-dallo-sportello",
            "kind": "company",
            "primary_sector": design.pk,
            "short_description_it": "Descrizione.",
            "municipality": Municipality.objects.get(slug="rapallo").pk,
            "status": "published",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    organisation = Organisation.objects.get(slug="inserita-dallo-sportello")
    assert organisation.is_public and organisation.published_at is not None
    assert list(organisation.sectors.all()) == [design]
    version = organisation.versions.get()
    assert version.note == "Inserito dallo sportello"
    assert version.created_by == staff_user


def test_the_import_page_lists_the_columns_it_reads(desk: Client) -> None:
    response = desk.get(f"{CHANGELIST}import/")

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    for column in ("primary_sector", "short_description_en", "vat_number", "languages"):
        assert column in content


def test_staff_cannot_save_a_wrong_partita_iva_and_a_right_one_is_normalised(
    desk: Client,
) -> None:
    client = desk
    organisation = OrganisationFactory()
    url = f"{CHANGELIST}{organisation.pk}/change/"
    data = change_form_data(desk, organisation)

    refused = client.post(url, {**data, "vat_number": "00488410011"}, HTTP_ACCEPT_LANGUAGE="en")
    saved = client.post(url, {**data, "vat_number": "IT 00488410010"})

    assert "eleven digits" in refused.content.decode()
    assert saved.status_code == HTTPStatus.FOUND, saved.content.decode()[:3000]
    organisation.refresh_from_db()
    assert organisation.vat_number == "00488410010"
    assert history.snapshot(organisation)["vat_number"] == "00488410010"


def test_a_logo_staff_upload_is_checked_and_re_encoded(desk: Client) -> None:
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    client = desk
    organisation = OrganisationFactory()
    url = f"{CHANGELIST}{organisation.pk}/change/"
    data = change_form_data(desk, organisation)
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 30, 30)).save(buffer, "JPEG")
    photo = SimpleUploadedFile("logo.jpg", buffer.getvalue(), content_type="image/jpeg")
    fake = SimpleUploadedFile("logo.png", b"%PDF-1.7", content_type="image/png")

    refused = client.post(url, {**data, "new_logo": fake}, HTTP_ACCEPT_LANGUAGE="en")
    saved = client.post(url, {**data, "new_logo": photo})

    assert "JPEG, PNG or WebP" in refused.content.decode()
    assert saved.status_code == HTTPStatus.FOUND
    organisation.refresh_from_db()
    assert organisation.logo.name.endswith(".webp")
    assert organisation.logo_thumbnail.name.endswith(".webp")


def test_the_desk_restores_an_archived_organisation_from_its_page(
    client: Client, staff_user: Any
) -> None:
    organisation = OrganisationFactory(status=Organisation.Status.ARCHIVED)
    client.force_login(staff_user)
    url = f"/admin/directory/organisation/{organisation.pk}/"

    page = client.get(f"{url}change/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    response = client.post(f"{url}restore/")

    assert "Restore from the archive" in page
    assert response.status_code == HTTPStatus.FOUND
    assert Organisation.objects.get(pk=organisation.pk).status == Organisation.Status.PUBLISHED


def test_a_partner_editor_cannot_restore(client: Client) -> None:
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Partner editors"))
    organisation = OrganisationFactory(status=Organisation.Status.ARCHIVED)
    client.force_login(editor)

    response = client.post(f"/admin/directory/organisation/{organisation.pk}/restore/")

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Organisation.objects.get(pk=organisation.pk).status == Organisation.Status.ARCHIVED
