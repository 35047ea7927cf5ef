"""History of content, kept for every model that is tracked, whatever path wrote it.

A model is tracked once, at start-up (`track(...)` in an app's `ready()`), with the
fields whose content matters. From then on every save of it, and every change of
its many-to-many fields, is recorded as a `Version` without the writer having to
remember anything: member forms, the admin, imports, reverts, demo data, a shell.

A *change* is what one request, service call or command does. Writes made inside
`changes(...)` are gathered and recorded when the outermost block ends (inside
the caller's transaction): one version per object holding its final content,
credited to `by` (or to the person of the current request), with a note. A save
made outside any block is a change of its own and recorded at once.

A model's `on_change` hook (the directory refreshes its search vectors there) runs
once per change, with the objects whose tracked content actually differs from
their last version: a save that touched nothing tracked records nothing.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, cast

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext as _

from directory.models import User, Version

EMPTY = "—"

# Notes are written in the site's language, whoever made the change (see `_note`).
NOTE_CREATED = gettext_noop("Created")
NOTE_CHANGED = gettext_noop("Changed: %(fields)s")


@dataclass(frozen=True)
class Tracking:
    """How one model is tracked: which fields a version holds, which of them a
    revert gives back, and what to do once per change."""

    model: type[models.Model]
    fields: tuple[str, ...]
    revertible: tuple[str, ...]
    on_change: Callable[[list[Any]], None] | None = None

    def field(self, name: str) -> models.Field[Any, Any]:
        return cast("models.Field[Any, Any]", self.model._meta.get_field(name))

    @property
    def many_to_many(self) -> tuple[str, ...]:
        return tuple(name for name in self.fields if self.field(name).many_to_many)


_registry: dict[type[models.Model], Tracking] = {}


def track(
    model: type[models.Model],
    *,
    fields: Sequence[str],
    revertible: Sequence[str] | None = None,
    on_change: Callable[[list[Any]], None] | None = None,
) -> Tracking:
    """Record every change of `fields` of `model` from now on (call from `ready()`)."""
    tracking = Tracking(
        model=model,
        fields=tuple(fields),
        revertible=tuple(fields if revertible is None else revertible),
        on_change=on_change,
    )
    _registry[model] = tracking
    uid = f"history:{model._meta.label}"
    post_save.connect(_saved, sender=model, dispatch_uid=uid, weak=False)
    for name in tracking.many_to_many:
        through = cast(
            "models.ManyToManyField[Any, Any]", tracking.field(name)
        ).remote_field.through
        m2m_changed.connect(
            _relation_changed, sender=through, dispatch_uid=f"{uid}:{name}", weak=False
        )
    return tracking


def tracking_for(model: type[models.Model]) -> Tracking:
    return _registry[model]


# --- Gathering the writes of one change --------------------------------------------


@dataclass
class _Change:
    by: User | None
    note: str
    note_params: dict[str, Any]
    created_note: str | None
    discard: bool = False
    dirty: dict[tuple[type[models.Model], Any], models.Model] = field(default_factory=dict)


_current: contextvars.ContextVar[_Change | None] = contextvars.ContextVar(
    "history_change", default=None
)
_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar(
    "history_request", default=None
)


@contextmanager
def changes(
    *,
    by: User | None = None,
    note: str = "",
    created_note: str | None = None,
    discard: bool = False,
    **note_params: Any,
) -> Iterator[None]:
    """Gather the writes inside into one change per object.

    `note` is a msgid (`gettext_noop`) that may use `%(fields)s` (the labels of
    what changed) and `note_params`; `created_note` is used for objects that had
    no version yet. Blocks nest: an inner block joins the outer one, which keeps
    its own `by` and note when it has them. `discard=True` records nothing (an
    import's dry run). Nothing is recorded if the block raises.
    """
    outer = _current.get()
    if outer is not None:
        if outer.by is None:
            outer.by = by
        if not outer.note and note:
            outer.note, outer.note_params, outer.created_note = note, note_params, created_note
        yield
        return
    change = _Change(
        by=by, note=note, note_params=note_params, created_note=created_note, discard=discard
    )
    token = _current.set(change)
    try:
        yield
    finally:
        _current.reset(token)
    if not change.discard:
        _record(change)


def _mark(instance: models.Model) -> None:
    change = _current.get()
    if change is not None:
        change.dirty[(type(instance), instance.pk)] = instance
        return
    # A write outside any block is a change of its own, recorded at once.
    _record(
        _Change(
            by=None,
            note="",
            note_params={},
            created_note=None,
            dirty={(type(instance), instance.pk): instance},
        )
    )


def _saved(
    sender: type[models.Model],
    instance: models.Model,
    raw: bool = False,
    update_fields: frozenset[str] | None = None,
    **kwargs: Any,
) -> None:
    if raw:
        return  # fixtures load rows as they were; they are not changes
    if update_fields is not None and not set(update_fields) & set(_registry[sender].fields):
        return  # a workflow step or a timestamp: not content
    _mark(instance)


def _relation_changed(
    sender: Any, instance: models.Model, action: str, reverse: bool, **kwargs: Any
) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:
        # sector.organisations.add(...): the tracked side is in pk_set.
        model = kwargs["model"]
        if model in _registry:
            for obj in model._default_manager.filter(pk__in=kwargs.get("pk_set") or []):
                _mark(obj)
        return
    if type(instance) in _registry:
        _mark(instance)


# --- Recording ---------------------------------------------------------------------


def _actor() -> User | None:
    request = _request.get()
    user = getattr(request, "user", None) if request is not None else None
    return cast(User, user) if user is not None and user.is_authenticated else None


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The tracked fields of `instance` as JSON-ready data (many-to-many as sorted ids)."""
    tracking = _registry[type(instance)]
    data: dict[str, Any] = {}
    encoder = DjangoJSONEncoder()
    for name in tracking.fields:
        model_field = tracking.field(name)
        if model_field.many_to_many:
            data[name] = sorted(getattr(instance, name).values_list("pk", flat=True))
            continue
        value = model_field.value_from_object(instance)
        if value is None and isinstance(model_field, models.CharField | models.TextField):
            value = ""  # an untranslated text is empty, whether NULL or ""
        if isinstance(value, models.fields.files.FieldFile):
            value = value.name or ""
        if not (value is None or isinstance(value, str | int | float | bool | list)):
            value = encoder.default(value)  # decimals, dates
        data[name] = value
    return data


def _note(text: str, params: dict[str, Any]) -> str:
    """Notes are read by staff, so they are kept in the site's language whoever
    caused the change (a member browsing in English, an import)."""
    with translation.override(settings.LANGUAGE_CODE):
        translated = gettext(text)
        if "fields" in params:
            params = {**params, "fields": ", ".join(str(label) for label in params["fields"])}
        return (translated % params if params else translated)[:200]


def _record(change: _Change) -> None:
    if not change.dirty:
        return
    by = change.by or _actor()
    changed_by_model: dict[type[models.Model], list[models.Model]] = {}
    with transaction.atomic():
        for (model, pk), instance in change.dirty.items():
            if not model._default_manager.filter(pk=pk).exists():
                continue  # deleted within the change
            tracking = _registry[model]
            data = snapshot(instance)
            content_type = ContentType.objects.get_for_model(model)
            last = (
                Version.objects.filter(content_type=content_type, object_id=pk)
                .values_list("data", flat=True)
                .first()
            )
            if last == data:
                continue
            with translation.override(settings.LANGUAGE_CODE):
                labels = [
                    field_label(tracking, name) for name in changed_fields(tracking, last, data)
                ]
            if last is None:
                note = _note(
                    change.created_note or change.note or NOTE_CREATED,
                    {**change.note_params, "fields": labels},
                )
            else:
                note = _note(change.note or NOTE_CHANGED, {**change.note_params, "fields": labels})
            Version.objects.create(
                content_type=content_type, object_id=pk, data=data, created_by=by, note=note
            )
            changed_by_model.setdefault(model, []).append(instance)
        for model, instances in changed_by_model.items():
            hook = _registry[model].on_change
            if hook is not None:
                hook(instances)


class RequestMiddleware:
    """Credits changes made while answering a request to the person logged in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


# --- Reading and reverting ---------------------------------------------------------


def versions_of(instance: models.Model) -> models.QuerySet[Version]:
    return Version.objects.filter(
        content_type=ContentType.objects.get_for_model(type(instance)), object_id=instance.pk
    ).select_related("created_by")


def field_label(tracking: Tracking, name: str) -> str:
    return capfirst(str(tracking.field(name).verbose_name))


def changed_fields(
    tracking: Tracking, before: dict[str, Any] | None, after: dict[str, Any]
) -> list[str]:
    """Names of the tracked fields whose value differs between two snapshots."""
    if before is None:
        return []
    return [name for name in tracking.fields if before.get(name) != after.get(name)]


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
        return labels[name].get(value, str(value))

    return [{name: text(name, data.get(name)) for name in tracking.fields} for data in snapshots]


def comparison(version: Version, instance: models.Model) -> list[dict[str, Any]]:
    """The version's fields next to the object's current ones."""
    tracking = _registry[type(instance)]
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
    tracking = _registry[model]
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


def record_now(instances: Iterable[models.Model], *, by: User | None, note: str) -> None:
    """Record objects written without `save()` (a bulk insert), as one change."""
    with changes(by=by, note=note):
        for instance in instances:
            _mark(instance)
