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
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_noop

from creativecities.history.models import Version

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User

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


def field_label(tracking: Tracking, name: str) -> str:
    return capfirst(str(tracking.field(name).verbose_name))


def changed_fields(
    tracking: Tracking, before: dict[str, Any] | None, after: dict[str, Any]
) -> list[str]:
    """Names of the tracked fields whose value differs between two snapshots."""
    if before is None:
        return []
    return [name for name in tracking.fields if before.get(name) != after.get(name)]


# --- Recording ---------------------------------------------------------------------


def _actor() -> User | None:
    request = _request.get()
    user = getattr(request, "user", None) if request is not None else None
    return cast("User", user) if user is not None and user.is_authenticated else None


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
