from http import HTTPStatus
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from directory.models import Sector, User
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_admin_is_titled_for_the_desk(desk: Client) -> None:
    response = desk.get("/admin/")

    assert "Creative Cities desk" in response.content.decode()


def test_desk_staff_can_edit_sectors(desk: Client) -> None:
    sector = Sector.objects.get(slug="design")

    response = desk.get(f"/admin/directory/sector/{sector.pk}/change/")

    assert response.status_code == HTTPStatus.OK
    assert "name_en" in response.content.decode()


def test_partner_editors_cannot_edit_sectors(client: Client) -> None:
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Partner editors"))
    client.force_login(editor)
    sector = Sector.objects.get(slug="design")

    response = client.post(
        f"/admin/directory/sector/{sector.pk}/change/", {"name_it": "Altro", "name_en": "Other"}
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Sector.objects.get(slug="design").name_it == "Design"


def test_a_member_of_the_public_cannot_enter_the_admin(client: Client) -> None:
    client.force_login(UserFactory(is_staff=False))

    response = client.get("/admin/directory/sector/")

    assert response.status_code == HTTPStatus.FOUND
    assert "/admin/login/" in response.url


@pytest.mark.slow
def test_demo_data_can_be_loaded_twice(settings, capsys) -> None:  # type: ignore[no-untyped-def]
    settings.DEBUG = True
    call_command("load_demo_data")
    call_command("load_demo_data")

    staff = User.objects.get(email="sportello@demo.creativecities.example")
    assert staff.is_staff
    assert staff.groups.filter(name="Desk staff").exists()
    assert "Desk staff login: sportello@demo.creativecities.example" in capsys.readouterr().out


def test_demo_data_refuses_a_production_database(settings) -> None:  # type: ignore[no-untyped-def]
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo_data")


def test_staff_edit_a_sectors_ateco_codes_which_are_checked(desk: Client) -> None:
    sector = Sector.objects.get(slug="design")
    form = {
        "slug": "design",
        "name_it": "Design",
        "name_en": "Design",
        "description_it": "",
        "description_en": "",
        "order": 110,
    }

    refused = desk.post(
        f"/admin/directory/sector/{sector.pk}/change/", {**form, "ateco_codes": "74.12,99.99.99"}
    )
    saved = desk.post(
        f"/admin/directory/sector/{sector.pk}/change/",
        {**form, "ateco_codes": "741201,74.13,74.13"},
    )

    assert "99.99.99 is not an ATECO 2025 code" in refused.content.decode()
    assert saved.status_code == HTTPStatus.FOUND
    assert Sector.objects.get(slug="design").ateco_codes == ["74.12.01", "74.13"]


def test_renaming_a_sector_or_a_place_refreshes_search(
    client: Client, staff_user: User, django_capture_on_commit_callbacks: Any
) -> None:
    from directory.models import Municipality
    from tests.directory.helpers import found
    from tests.directory.searchable import place, searchable, sector

    searchable(name="Studio Uno", primary_sector=sector("design"), municipality=place("recco"))
    searchable(name="Studio Due", primary_sector=sector("cinema"), municipality=place("camogli"))
    client.force_login(staff_user)
    design = Sector.objects.get(slug="design")
    camogli = Municipality.objects.get(slug="camogli")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/directory/sector/{design.pk}/change/",
            {
                "slug": "design",
                "name_it": "Progettazione",
                "name_en": "Design",
                "order": design.order,
                "ateco_codes": ",".join(design.ateco_codes),
            },
        )
        client.post(
            f"/admin/directory/municipality/{camogli.pk}/change/",
            {"name": "Camogli Borgo", "slug": "camogli", "kind": camogli.kind, "order": 1},
        )

    assert found(client, q="progettazione") == ["Studio Uno"]
    assert found(client, q="borgo") == ["Studio Due"]


def test_desk_staff_see_invitations_but_cannot_forge_them(client: Client, staff_user: User) -> None:
    client.force_login(staff_user)

    assert client.get("/admin/directory/invitation/").status_code == HTTPStatus.OK
    assert client.get("/admin/directory/invitation/add/").status_code == HTTPStatus.FORBIDDEN
