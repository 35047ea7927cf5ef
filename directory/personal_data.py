"""Everything the portal holds about one person, gathered from every app.

A member may download it (GDPR articles 15 and 20) and have it removed when
they delete their account (article 17). The directory knows its own records;
every other app adds what it keeps about a person in its `AppConfig.ready()`,
so that the core never imports them:

    from directory.personal_data import register_personal_data

    register_personal_data(
        "enquiries", export=enquiries_of, erase=enquiries_forget, label=_("Enquiries")
    )

`export(user)` returns the rows of one kind (a list of flat dictionaries, one
CSV file each); `erase(user)` removes or anonymises them, inside the
transaction of `account_delete`, before the account itself is deleted.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django_stubs_ext import StrOrPromise

from directory.models import Membership, User

Row = dict[str, Any]


@dataclass(frozen=True)
class PersonalDataKind:
    """One kind of record about a person, and how to export and erase it."""

    name: str
    label: StrOrPromise
    export: Callable[[User], list[Row]]
    erase: Callable[[User], object] | None = None


_registry: dict[str, PersonalDataKind] = {}


def register_personal_data(
    name: str,
    *,
    label: StrOrPromise,
    export: Callable[[User], list[Row]],
    erase: Callable[[User], object] | None = None,
) -> None:
    """Add a kind of record to every export and every account deletion (once,
    however often `ready()` runs: a second registration replaces the first)."""
    _registry[name] = PersonalDataKind(name=name, label=label, export=export, erase=erase)


def registered_kinds() -> list[PersonalDataKind]:
    return list(_registry.values())


def _account(user: User) -> list[Row]:
    return [
        {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "is_active": user.is_active,
        }
    ]


def _consents(user: User) -> list[Row]:
    if user.privacy_consent_at is None:
        return []
    return [
        {
            "what": "privacy notice, at registration",
            "accepted_at": user.privacy_consent_at,
            "policy_version": user.privacy_policy_version,
        }
    ]


def _memberships(user: User) -> list[Row]:
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("created_at", "pk")
    )
    return [
        {
            "organisation": membership.organisation.name,
            "organisation_slug": membership.organisation.slug,
            "organisation_status": membership.organisation.status,
            "role": membership.role,
            "joined": membership.created_at,
        }
        for membership in memberships
    ]


def register_core_kinds() -> None:
    """The directory's own records (called from `DirectoryConfig.ready()`)."""
    from django.utils.translation import gettext_lazy as _

    register_personal_data("account", label=_("Account"), export=_account)
    register_personal_data("consents", label=_("Consents"), export=_consents)
    register_personal_data("memberships", label=_("Memberships"), export=_memberships)


def personal_data_export(*, user: User) -> dict[str, list[Row]]:
    """Every registered kind of record about `user`, and only about them."""
    return {kind.name: kind.export(user) for kind in registered_kinds()}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)


def personal_data_json(data: dict[str, list[Row]]) -> bytes:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def personal_data_zip(data: dict[str, list[Row]]) -> bytes:
    """A zip of CSV files, one per kind (a header only for a kind with no rows)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in data.items():
            text = io.StringIO()
            fields = list(rows[0]) if rows else []
            writer = csv.DictWriter(text, fieldnames=fields)
            if fields:
                writer.writeheader()
            for row in rows:
                writer.writerow({key: _cell(value) for key, value in row.items()})
            archive.writestr(f"{name}.csv", text.getvalue())
    return buffer.getvalue()
