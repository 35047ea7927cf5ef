"""Reading a tracked object's history as people do: what each version changed,
a version next to the present, and going back to it."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, cast

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from creativecities import formatting
from creativecities.history.models import Version
from creativecities.history.recording import (
    EMPTY,
    Tracking,
    changed_fields,
    changes,
    field_label,
    snapshot,
    tracking_for,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User

# --- Reading and reverting ---------------------------------------------------------


def versions_of(instance: models.Model) -> models.QuerySet[Version]:
    return Version.objects.filter(
        content_type=ContentType.objects.get_for_model(type(instance)), object_id=instance.pk
    ).select_related("created_by")


def with_changes(tracking: Tracking, versions: list[Version]) -> list[dict[str, Any]]:
    """Versions newest first, each with the labels of what it changed."""
    rows = []
    for index, version in enumerate(versions):
        older = versions[index + 1].data if index + 1 < len(versions) else None
        rows.append(
            {
                "version": version,
                "changes": [
                    field_label(tracking, name)
                    for name in changed_fields(tracking, older, version.data)
                ],
                "first": older is None,
            }
        )
    return rows


def display(tracking: Tracking, snapshots: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Each snapshot as text a person reads, field by field: names for related rows
    (one query per related model), labels for choices, yes/no for booleans."""
    related: dict[str, dict[Any, str]] = {}
    for name in tracking.fields:
        model_field = tracking.field(name)
        if not model_field.is_relation:
            continue
        ids: set[Any] = set()
        for data in snapshots:
            value = data.get(name)
            ids.update(value if isinstance(value, list) else [value] if value is not None else [])
        target = cast(type[models.Model], model_field.related_model)
        related[name] = {pk: str(obj) for pk, obj in target._default_manager.in_bulk(ids).items()}

    def choices(name: str) -> dict[Any, str]:
        model_field = tracking.field(name)
        base = getattr(model_field, "base_field", model_field)
        return {value: str(label) for value, label in base.choices or []}

    labels = {name: choices(name) for name in tracking.fields}

    def text(name: str, value: Any) -> str:
        if value in (None, "", []):
            return EMPTY
        if name in related:
            model_field = tracking.field(name)
            gone = _("a %(thing)s since removed") % {
                "thing": cast(type[models.Model], model_field.related_model)._meta.verbose_name
            }
            names = related[name]
            if isinstance(value, list):
                return ", ".join(names.get(pk, gone) for pk in value)
            return names.get(value, gone)
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if isinstance(value, list):
            return ", ".join(labels[name].get(item, str(item)) for item in value)
        if value in labels[name]:
            return labels[name][value]
        return _for_people(tracking.field(name), value)

    return [{name: text(name, data.get(name)) for name in tracking.fields} for data in snapshots]


def _for_people(model_field: models.Field[Any, Any], value: Any) -> str:
    """A stored value as the locale writes it: numbers with its separators and no
    trailing zeros, dates and times in its long format."""
    if isinstance(model_field, models.DateTimeField) and isinstance(value, str):
        moment = parse_datetime(value)
        if moment is not None:
            return formatting.moment(moment)
    elif isinstance(model_field, models.DateField) and isinstance(value, str):
        day = parse_date(value)
        if day is not None:
            return formatting.day(day)
    elif isinstance(model_field, models.DecimalField | models.FloatField | models.IntegerField):
        return number(value)
    return str(value)


def number(value: Any) -> str:
    """A number in the locale (80,5 in Italian), without trailing zeros (80 not 80.00)."""
    return formatting.number(value)


def day(value: datetime.date) -> str:
    """A date in the locale's long format (7 dicembre 2026)."""
    return formatting.day(value)


def sentences(
    tracking: Tracking,
    *,
    who: str,
    subject: str,
    before: dict[str, Any] | None,
    after: dict[str, Any],
    suffixes: dict[str, str] | None = None,
) -> list[str]:
    """What one version did, as sentences a person reads: "Marco Ferrari set the
    status of «Creative district» to In progress". `before` is None for the
    version that created the object. A long text is named, not quoted; a field
    in `suffixes` gets it after its value (an indicator's unit)."""
    who = who or _("Someone")
    if before is None:
        return [_("%(who)s created «%(subject)s»") % {"who": who, "subject": subject}]
    names = changed_fields(tracking, before, after)
    values = display(tracking, [after])[0]
    said = []
    for name in names:
        field = str(tracking.field(name).verbose_name)
        value = values[name]
        if isinstance(tracking.field(name), models.TextField) or len(value) > 80:
            sentence = _("%(who)s changed the %(field)s of «%(subject)s»")
        elif value == EMPTY:
            sentence = _("%(who)s cleared the %(field)s of «%(subject)s»")
        else:
            suffix = (suffixes or {}).get(name)
            if suffix:
                value = f"{value} {suffix}"
            sentence = _("%(who)s set the %(field)s of «%(subject)s» to %(value)s")
        said.append(sentence % {"who": who, "field": field, "subject": subject, "value": value})
    return said or [_("%(who)s saved «%(subject)s»") % {"who": who, "subject": subject}]


def comparison(version: Version, instance: models.Model) -> list[dict[str, Any]]:
    """The version's fields next to the object's current ones."""
    tracking = tracking_for(type(instance))
    then_data, now_data = version.data, snapshot(instance)
    then, now = display(tracking, [then_data, now_data])
    return [
        {
            "label": field_label(tracking, name),
            "then": then[name],
            "now": now[name],
            "differs": then_data.get(name) != now_data.get(name),
        }
        for name in tracking.fields
    ]


@transaction.atomic
def revert(*, version: Version, by: User | None, note: str, **note_params: Any) -> models.Model:
    """Give an object back the revertible content it had in `version`.

    Only tracked, revertible fields come back (never a workflow status or
    dates), and the revert is itself a change, kept in the history. A version
    naming a related row that no longer exists cannot be restored.
    """
    model = cast(type[models.Model], version.content_type.model_class())
    tracking = tracking_for(model)
    instance = model._default_manager.select_for_update().get(pk=version.object_id)
    later: dict[str, list[Any]] = {}
    with changes(by=by, note=note, **note_params):
        for name in tracking.revertible:
            if name not in version.data:
                continue
            model_field = tracking.field(name)
            value = version.data[name]
            if model_field.many_to_many:
                target = cast(type[models.Model], model_field.related_model)
                rows = list(target._default_manager.filter(pk__in=value))
                if len(rows) != len(set(value)):
                    raise ValidationError(_missing(target))
                later[name] = rows
            elif isinstance(model_field, models.ForeignKey):
                target = model_field.related_model
                if value is not None and not target._default_manager.filter(pk=value).exists():
                    raise ValidationError(_missing(target))
                setattr(instance, model_field.attname, value)
            else:
                setattr(instance, name, model_field.to_python(value))
        instance.full_clean()
        instance.save()
        for name, rows in later.items():
            getattr(instance, name).set(rows)
    return instance


def _missing(model: type[models.Model]) -> str:
    return _("This version names a %(thing)s that no longer exists, so it cannot be restored.") % {
        "thing": model._meta.verbose_name
    }
