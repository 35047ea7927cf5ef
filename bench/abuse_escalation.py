"""The abuse replay's privilege-escalation probe (`bench/abuse.py`, step 4):
a desk staff session posts the admin's user forms to grant itself and a member
power, and to take over a superuser's account; the database says whether each
got through."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bench.abuse_client import DOMAIN, Browser

if TYPE_CHECKING:
    from directory.models import User


@dataclass
class Escalation:
    """One attempt of a desk staff session to gain or grant power through the
    admin's user pages; `got_through` reads the database afterwards."""

    name: str
    target: int  # the id of the account the attempt is made on
    path: str  # under /admin/directory/user/<id>/, or "" for the list
    data: dict[str, object]  # posted on top of the account's own form
    got_through: Callable[[User], bool]
    status: int = 0
    granted: bool = False


def escalations() -> list[Escalation]:
    """What a desk staff session tries on its own account, a member's and a
    superuser's."""
    from django.contrib.auth.models import Group, Permission

    from directory.models import User

    every_group = list(Group.objects.values_list("pk", flat=True))
    strongest = list(
        Permission.objects.filter(
            codename__in=["change_group", "add_user", "delete_user"]
        ).values_list("pk", flat=True)
    )
    ids = dict(User.objects.values_list("email", "pk"))
    desk, member, root = (ids[f"{name}@{DOMAIN}"] for name in ("desk", "victim", "root"))
    taken = f"taken@{DOMAIN}"
    new_password = {"usable_password": "true", "password1": "x" * 20, "password2": "x" * 20}

    def joined_more_groups(user: User) -> bool:
        return user.groups.count() > (1 if user.pk == desk else 0)

    return [
        Escalation("own account: superuser", desk, "change/", {"is_superuser": "on"},
                   lambda user: user.is_superuser),
        Escalation("own account: every group", desk, "change/", {"groups": every_group},
                   joined_more_groups),
        Escalation("own account: permissions", desk, "change/",
                   {"user_permissions": strongest},
                   lambda user: user.user_permissions.exists()),
        Escalation("a member: staff", member, "change/", {"is_staff": "on"},
                   lambda user: user.is_staff),
        Escalation("a member: superuser", member, "change/", {"is_superuser": "on"},
                   lambda user: user.is_superuser),
        Escalation("a member: every group", member, "change/", {"groups": every_group},
                   joined_more_groups),
        Escalation("a superuser: email address", root, "change/",
                   {"email": taken, "is_superuser": "on", "is_staff": "on"},
                   lambda user: user.email == taken),
        Escalation("a superuser: password", root, "password/", new_password,
                   lambda user: user.check_password("x" * 20)),
        Escalation("a superuser: bulk deletion", root, "", {"post": "yes"},
                   lambda user: not User.objects.filter(pk=user.pk).exists()),
    ]  # fmt: skip


def escalate(attempt: Escalation, browser: Browser) -> None:
    """Post the account's form as the change page would send it, with the
    attempt's fields on top, then read the account again. The desk's own
    account is put back as it was after each attempt, so that one that got
    through does not decide the next."""
    from django.contrib.auth.models import Group

    from directory.models import User

    target = User.objects.get(pk=attempt.target)
    if attempt.path:
        url = f"/admin/directory/user/{target.pk}/{attempt.path}"
        browser.get(url)
        data: dict[str, object] = {
            "email": target.email,
            "first_name": target.first_name,
            "last_name": target.last_name,
            "is_active": "on",
            "date_joined_0": target.date_joined.strftime("%Y-%m-%d"),
            "date_joined_1": target.date_joined.strftime("%H:%M:%S"),
            "groups": list(target.groups.values_list("pk", flat=True)),
            **({"is_staff": "on"} if target.is_staff else {}),
        }
    else:
        url = "/admin/directory/user/"
        browser.get(url)
        data = {"action": "delete_selected", "_selected_action": [target.pk]}
    attempt.status = browser.request("POST", url, {**data, **attempt.data})
    fresh = User.objects.filter(pk=target.pk).first() or target
    attempt.granted = attempt.got_through(fresh)
    desk = User.objects.get(email=f"desk@{DOMAIN}")
    desk.is_superuser = False
    desk.save(update_fields=["is_superuser"])
    desk.groups.set([Group.objects.get(name="Desk staff")])
    desk.user_permissions.clear()


def escalation_report(attempts: list[Escalation]) -> list[str]:
    title = "privilege escalation, desk staff session"
    width = max(len(title), *(len(attempt.name) for attempt in attempts))
    lines = [
        f"{title:<{width}}  status  got through",
        f"{'-' * width}  ------  -----------",
    ]
    for attempt in attempts:
        verdict = "YES" if attempt.granted else "no"
        lines.append(f"{attempt.name:<{width}}  {attempt.status:>6}  {verdict:>11}")
    lines.append(
        "status: the answer to the POST (302: saved without the privilege, 403: refused, "
        "200: no such action); got through: the account changed as asked, read from "
        "the database"
    )
    return lines
