"""Reading an organisation's history: what each version holds and what changed.

Versions store ids and codes (see `services.organisation_snapshot`); these
helpers turn them into the words staff read, without touching the versions.
"""

from __future__ import annotations

from typing import Any, cast

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from directory.models import Municipality, Organisation, OrganisationVersion, Sector
from directory.services import VERSIONED_FIELDS, organisation_snapshot

EMPTY = "—"


def _field(name: str) -> models.Field[Any, Any]:
    return cast("models.Field[Any, Any]", Organisation._meta.get_field(name))


def field_label(name: str) -> str:
    return capfirst(str(_field(name).verbose_name))


def changed_fields(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    """Names of the versioned fields whose value differs between two snapshots."""
    if before is None:
        return []
    return [name for name in VERSIONED_FIELDS if before.get(name) != after.get(name)]


def with_changes(versions: list[OrganisationVersion]) -> list[dict[str, Any]]:
    """Versions newest first, each with the labels of what it changed."""
    rows = []
    for index, version in enumerate(versions):
        older = versions[index + 1].data if index + 1 < len(versions) else None
        rows.append(
            {
                "version": version,
                "changes": [field_label(name) for name in changed_fields(older, version.data)],
                "first": older is None,
            }
        )
    return rows


def _choice_labels(name: str) -> dict[Any, str]:
    field = _field(name)
    base = getattr(field, "base_field", field)
    return {value: str(label) for value, label in base.choices or []}


def display(snapshots: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Each snapshot as label-ready text, field by field (one query per lookup table)."""
    sector_ids = {
        pk
        for data in snapshots
        for pk in [*data.get("sectors", []), data.get("primary_sector")]
        if pk is not None
    }
    sectors = {sector.pk: sector.name for sector in Sector.objects.filter(pk__in=sector_ids)}
    municipalities = dict(
        Municipality.objects.filter(
            pk__in=[data["municipality"] for data in snapshots if data.get("municipality")]
        ).values_list("pk", "name")
    )
    kinds, sizes, languages = (
        _choice_labels("kind"),
        _choice_labels("size"),
        _choice_labels("languages"),
    )

    def text(name: str, value: Any) -> str:
        if value in (None, "", []):
            return EMPTY
        if name == "primary_sector":
            return sectors.get(value, _("a sector since removed"))
        if name == "sectors":
            return ", ".join(sectors.get(pk, _("a sector since removed")) for pk in value)
        if name == "municipality":
            return municipalities.get(value, EMPTY)
        if name == "kind":
            return kinds.get(value, str(value))
        if name == "size":
            return sizes.get(value, str(value))
        if name == "languages":
            return ", ".join(languages.get(code, code) for code in value)
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        return str(value)

    return [{name: text(name, data.get(name)) for name in VERSIONED_FIELDS} for data in snapshots]


def comparison(version: OrganisationVersion, organisation: Organisation) -> list[dict[str, Any]]:
    """The version's fields next to the profile's current ones."""
    then_data, now_data = version.data, organisation_snapshot(organisation)
    then, now = display([then_data, now_data])
    return [
        {
            "label": field_label(name),
            "then": then[name],
            "now": now[name],
            "differs": then_data.get(name) != now_data.get(name),
        }
        for name in VERSIONED_FIELDS
    ]
