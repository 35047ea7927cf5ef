"""The desk's screens for people: who may grant privileges, and whose account
may be changed by whom (issue 20, item 1)."""

from http import HTTPStatus
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.test import Client

from directory.models import User
from tests.directory.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

CHANGELIST = "/admin/directory/user/"
PASSWORD = "a-new-password-for-the-test-7"


def permission(name: str) -> Permission:
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant(user: User, *names: str) -> User:
    """`user` with `names` granted directly, read again (permissions are cached)."""
    user.user_permissions.add(*(permission(name) for name in names))
    return User.objects.get(pk=user.pk)


@pytest.fixture
def powerful_group(db: Any) -> Group:
    """A group whose permissions the desk does not hold: joining it is a promotion."""
    group = Group.objects.create(name="Account managers")
    group.permissions.add(permission("directory.delete_user"), permission("auth.change_group"))
    return group


def change_data(user: User, **changes: Any) -> dict[str, Any]:
    """What the change form of `user` posts, with `changes` on top (a list for
    groups and permissions, "on" for a ticked box)."""
    data: dict[str, Any] = {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        "groups": [group.pk for group in user.groups.all()],
        "user_permissions": [perm.pk for perm in user.user_permissions.all()],
    }
    for flag in ("is_active", "is_staff", "is_superuser"):
        if getattr(user, flag):
            data[flag] = "on"
    data.update(changes)
    return data


def escalations(powerful_group: Group) -> dict[str, dict[str, Any]]:
    """Each privilege field, posted so that it would grant more."""
    return {
        "is_superuser": {"is_superuser": "on"},
        "is_staff": {"is_staff": "on"},
        "groups": {"groups": [powerful_group.pk, Group.objects.get(name="Desk staff").pk]},
        "user_permissions": {"user_permissions": [permission("directory.delete_user").pk]},
    }


def privileges(user: User) -> tuple[bool, bool, set[str], set[str]]:
    user.refresh_from_db()
    return (
        user.is_superuser,
        user.is_staff,
        set(user.groups.values_list("name", flat=True)),
        set(user.user_permissions.values_list("codename", flat=True)),
    )


# The desk's side: privileges are read-only, on their own account and on others'.


def test_the_desk_sees_privileges_as_text_and_edits_the_rest(desk: Client, member: User) -> None:
    response = desk.get(f"{CHANGELIST}{member.pk}/change/")

    assert response.status_code == HTTPStatus.OK
    form = response.context["adminform"].form
    assert {"email", "first_name", "is_active"} <= set(form.fields)
    assert not {"is_staff", "is_superuser", "groups", "user_permissions"} & set(form.fields)
    page = response.content.decode()
    assert 'name="first_name"' in page
    assert 'name="is_superuser"' not in page
    assert "Superuser status" in page  # shown, as text


@pytest.mark.parametrize("field", ["is_superuser", "is_staff", "groups", "user_permissions"])
def test_the_desk_cannot_raise_its_own_privileges(
    desk: Client, staff_user: User, powerful_group: Group, field: str
) -> None:
    before = privileges(staff_user)
    data = change_data(staff_user, first_name="Renamed", **escalations(powerful_group)[field])

    response = desk.post(f"{CHANGELIST}{staff_user.pk}/change/", data)

    assert response.status_code == HTTPStatus.FOUND  # saved...
    assert User.objects.get(pk=staff_user.pk).first_name == "Renamed"
    assert privileges(staff_user) == before  # ...without the privilege
    assert not User.objects.get(pk=staff_user.pk).has_perm("directory.delete_user")


@pytest.mark.parametrize("field", ["is_superuser", "is_staff", "groups", "user_permissions"])
def test_the_desk_cannot_give_privileges_to_someone_else(
    desk: Client, member: User, powerful_group: Group, field: str
) -> None:
    data = change_data(member, first_name="Renamed", **escalations(powerful_group)[field])

    response = desk.post(f"{CHANGELIST}{member.pk}/change/", data)

    assert response.status_code == HTTPStatus.FOUND
    assert User.objects.get(pk=member.pk).first_name == "Renamed"
    assert privileges(member) == (False, False, set(), set())


def test_the_desk_cannot_take_privileges_away(desk: Client, staff_user: User) -> None:
    colleague = UserFactory.create(is_staff=True)
    colleague.groups.add(Group.objects.get(name="Desk staff"))
    data = change_data(colleague, first_name="Renamed", groups=[])
    del data["is_staff"]

    response = desk.post(f"{CHANGELIST}{colleague.pk}/change/", data)

    assert response.status_code == HTTPStatus.FOUND
    assert User.objects.get(pk=colleague.pk).first_name == "Renamed"
    assert privileges(colleague) == (False, True, {"Desk staff"}, set())


@pytest.fixture(params=["superuser", "more permissions", "inactive, more permissions"])
def above_the_desk(request: pytest.FixtureRequest, powerful_group: Group) -> User:
    """An account that can do more than desk staff, or could once reactivated."""
    if request.param == "superuser":
        return UserFactory.create(email="root@example.org", is_staff=True, is_superuser=True)
    person = UserFactory.create(
        email="manager@example.org",
        is_staff=True,
        is_active=request.param == "more permissions",
    )
    person.groups.add(Group.objects.get(name="Desk staff"), powerful_group)
    return person


def test_the_desk_only_views_an_account_that_can_do_more(
    desk: Client, above_the_desk: User
) -> None:
    url = f"{CHANGELIST}{above_the_desk.pk}/change/"

    page = desk.get(url)
    response = desk.post(url, change_data(above_the_desk, email="mine@example.org"))

    assert page.status_code == HTTPStatus.OK
    assert above_the_desk.email in page.content.decode()
    assert 'name="email"' not in page.content.decode()  # a view, not a form
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert User.objects.get(pk=above_the_desk.pk).email == above_the_desk.email


def test_the_desk_cannot_set_the_password_of_an_account_that_can_do_more(
    desk: Client, above_the_desk: User
) -> None:
    url = f"{CHANGELIST}{above_the_desk.pk}/password/"

    page = desk.get(url)
    response = desk.post(url, {"password1": PASSWORD, "password2": PASSWORD})

    assert page.status_code == HTTPStatus.FORBIDDEN
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not User.objects.get(pk=above_the_desk.pk).check_password(PASSWORD)


def test_the_desk_sets_the_password_of_a_member_and_of_a_colleague(
    desk: Client, member: User
) -> None:
    colleague = UserFactory.create(is_staff=True)
    colleague.groups.add(Group.objects.get(name="Desk staff"))

    for person in (member, colleague):
        response = desk.post(
            f"{CHANGELIST}{person.pk}/password/",
            {"usable_password": "true", "password1": PASSWORD, "password2": PASSWORD},
        )

        assert response.status_code == HTTPStatus.FOUND
        assert User.objects.get(pk=person.pk).check_password(PASSWORD)


def test_the_desk_cannot_delete_an_account_that_can_do_more(
    client: Client, staff_user: User, above_the_desk: User, member: User
) -> None:
    """Granted the deletion of accounts, the desk deletes members, not its betters:
    neither from the change page nor through the bulk action."""
    client.force_login(grant(staff_user, "directory.delete_user"))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    both = {"action": "delete_selected", "_selected_action": [member.pk, above_the_desk.pk]}

    single = client.post(f"{CHANGELIST}{above_the_desk.pk}/delete/", {"post": "yes"})
    asked = client.post(CHANGELIST, both)
    confirmed = client.post(CHANGELIST, {**both, "post": "yes"})

    assert single.status_code == HTTPStatus.FORBIDDEN
    assert asked.status_code == HTTPStatus.OK
    assert "permission to delete the following types of objects" in asked.content.decode()
    assert confirmed.status_code == HTTPStatus.FORBIDDEN
    assert User.objects.filter(pk__in=[member.pk, above_the_desk.pk]).count() == 2

    alone = client.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": [member.pk], "post": "yes"}
    )

    assert alone.status_code == HTTPStatus.FOUND
    assert not User.objects.filter(pk=member.pk).exists()
    assert User.objects.filter(pk=above_the_desk.pk).exists()


def test_the_bulk_actions_on_people_are_deletion_and_the_superusers_reset(
    admin_client: Client, desk: Client
) -> None:
    """The actions the user list offers, for the two kinds of staff. Deleting is
    guarded above, resetting a second factor in tests/directory/test_second_factor.py;
    a new action must keep to the same limits (add its test here)."""
    superuser_actions = admin_client.get(CHANGELIST).context["action_form"].fields["action"]
    desk_page = desk.get(CHANGELIST)

    assert [name for name, _ in superuser_actions.choices if name] == [
        "delete_selected",
        "reset_second_factor",
    ]
    assert desk_page.status_code == HTTPStatus.OK
    assert desk_page.context["action_form"] is None  # no deletion granted, no actions
    assert {name for name, _ in admin.site.actions} == {"delete_selected"}  # the site-wide ones


def test_the_add_form_grants_no_privileges(
    client: Client, staff_user: User, powerful_group: Group
) -> None:
    client.force_login(grant(staff_user, "directory.add_user"))

    response = client.post(
        f"{CHANGELIST}add/",
        {
            "email": "new@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "is_superuser": "on",
            "is_staff": "on",
            "groups": [powerful_group.pk],
            "user_permissions": [permission("directory.delete_user").pk],
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    created = User.objects.get(email="new@example.org")
    assert privileges(created) == (False, False, set(), set())


def test_the_desk_cannot_edit_groups_even_when_granted_it(
    client: Client, staff_user: User, powerful_group: Group
) -> None:
    """Editing a group grants its permissions to all its members, the editor's own
    group included: it is a superuser's work, whatever permissions say."""
    client.force_login(grant(staff_user, "auth.view_group", "auth.change_group", "auth.add_group"))
    desk_group = Group.objects.get(name="Desk staff")
    url = f"/admin/auth/group/{desk_group.pk}/change/"

    page = client.get(url)
    response = client.post(
        url, {"name": "Desk staff", "permissions": [permission("directory.delete_user").pk]}
    )
    added = client.post("/admin/auth/group/add/", {"name": "Mine"})

    assert page.status_code == HTTPStatus.OK  # may look
    assert 'name="permissions"' not in page.content.decode()
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert added.status_code == HTTPStatus.FORBIDDEN
    assert not desk_group.permissions.filter(codename="delete_user").exists()
    assert not Group.objects.filter(name="Mine").exists()


def test_desk_staff_without_group_permissions_cannot_open_groups(desk: Client) -> None:
    response = desk.get("/admin/auth/group/")

    assert response.status_code == HTTPStatus.FORBIDDEN


# The superuser's side: everything still works.


def test_a_superuser_grants_every_privilege(
    admin_client: Client, member: User, powerful_group: Group
) -> None:
    page = admin_client.get(f"{CHANGELIST}{member.pk}/change/")
    data = change_data(
        member,
        is_staff="on",
        is_superuser="on",
        groups=[powerful_group.pk],
        user_permissions=[permission("directory.delete_user").pk],
    )

    response = admin_client.post(f"{CHANGELIST}{member.pk}/change/", data)

    assert 'name="is_superuser"' in page.content.decode()
    assert response.status_code == HTTPStatus.FOUND
    assert privileges(member) == (True, True, {"Account managers"}, {"delete_user"})


def test_a_superuser_manages_another_superuser(admin_client: Client) -> None:
    other = UserFactory.create(email="root@example.org", is_staff=True, is_superuser=True)

    password = admin_client.post(
        f"{CHANGELIST}{other.pk}/password/",
        {"usable_password": "true", "password1": PASSWORD, "password2": PASSWORD},
    )
    data = change_data(other, email="root2@example.org")
    del data["is_superuser"]
    changed = admin_client.post(f"{CHANGELIST}{other.pk}/change/", data)

    assert password.status_code == changed.status_code == HTTPStatus.FOUND
    other.refresh_from_db()
    assert other.check_password(PASSWORD)
    assert other.email == "root2@example.org"
    assert not other.is_superuser


def test_a_superuser_edits_groups(admin_client: Client) -> None:
    desk_group = Group.objects.get(name="Desk staff")
    kept = list(desk_group.permissions.values_list("pk", flat=True))

    response = admin_client.post(
        f"/admin/auth/group/{desk_group.pk}/change/",
        {"name": "Desk staff", "permissions": [*kept, permission("directory.delete_user").pk]},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert desk_group.permissions.filter(codename="delete_user").exists()


# The rule itself.


def test_who_may_manage_an_account(staff_user: User, member: User, powerful_group: Group) -> None:
    superuser = UserFactory.create(is_staff=True, is_superuser=True)
    manager = UserFactory.create(is_staff=True)
    manager.groups.add(powerful_group)

    assert member.may_be_managed_by(staff_user)
    assert staff_user.may_be_managed_by(staff_user)
    assert not superuser.may_be_managed_by(staff_user)
    assert not manager.may_be_managed_by(staff_user)
    assert manager.may_be_managed_by(superuser)
    assert superuser.may_be_managed_by(superuser)
    assert manager.granted_permissions() == {"directory.delete_user", "auth.change_group"}
