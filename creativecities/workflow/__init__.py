"""The portal's one workflow mechanism: a declared table of transitions per model.

A workflow names the status field of a model and its transitions. Each
transition says from which statuses it leaves, where it goes (a status, or a
function of the object for a step whose target depends on its past), who may
take it, which parameters it needs, and what it does besides (set fields, send
mail). `Workflow.apply` takes any transition the same way: it checks who acts,
re-reads the status under a row lock (two desk officers acting at once cannot
both move an object), runs the step, validates and saves, and records a
`StateChange`. The admin turns the same table into actions and buttons
(`creativecities.workflow.admin.WorkflowAdminMixin`), so a step added to the table
appears everywhere at once; the form that asks a step's parameters there is the
admin's (`transition_forms`), not the table's.

Why our own and not django-fsm-2 (+ django-fsm-log): the portal's steps need
parameters checked before the lock (a rejection's reason), a target that
depends on the object (a restore), mail and a record in the same transaction,
and an admin that asks for parameters on a page of its own. With django-fsm
those live in decorated model methods, with side effects in the model, a
second library for the record and admin glue of our own anyway; the table
here is about a hundred lines, typed, and tested once for every model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django_stubs_ext import StrOrPromise

from creativecities.history.models import StateChange

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User

M = TypeVar("M", bound=models.Model)


class TransitionError(Exception):
    """A step was asked of an object whose status does not allow it. Its text is
    for people: the admin shows it, and views may too."""


def has_permission(codename: str) -> Callable[[User | None, Any], bool]:
    """Who may: people holding a permission (through a group or directly)."""

    def check(user: User | None, obj: Any) -> bool:
        return user is not None and user.is_active and user.has_perm(codename)

    check.permission = codename  # type: ignore[attr-defined]
    return check


@dataclass(frozen=True)
class Transition(Generic[M]):
    """One step of a workflow.

    `effect(obj, by=..., **params)` sets the fields the step changes besides the
    status and returns their names; it may send mail (after commit) and can
    read the status the object leaves from in `obj.<field>`. `clean(**params)`
    checks the parameters before anything is locked, raising ValidationError.
    `refused` is the message for a source status that does not allow the step
    (`%(object)s` and `%(status)s` are filled in).
    """

    name: str
    source: frozenset[str]
    target: str | Callable[[M], str]
    allowed: Callable[[User | None, M], bool]
    label: StrOrPromise
    done: StrOrPromise
    refused: StrOrPromise
    effect: Callable[..., Iterable[str]] | None = None
    clean: Callable[..., dict[str, Any]] | None = None
    description: StrOrPromise = ""

    def target_of(self, obj: M) -> str:
        return self.target(obj) if callable(self.target) else self.target


@dataclass
class Workflow(Generic[M]):
    """The table of a model's transitions and the one function that applies them."""

    model: type[M]
    transitions: list[Transition[M]]
    status_field: str = "status"
    by_name: dict[str, Transition[M]] = field(init=False)

    def __post_init__(self) -> None:
        self.by_name = {transition.name: transition for transition in self.transitions}

    def __getitem__(self, name: str) -> Transition[M]:
        return self.by_name[name]

    def status_label(self, value: str) -> str:
        model_field = cast("models.Field[Any, Any]", self.model._meta.get_field(self.status_field))
        return str(dict(model_field.flatchoices).get(value, value))

    def available(self, obj: M, user: User | None) -> list[Transition[M]]:
        """The steps `user` may take from the object's current status."""
        status = getattr(obj, self.status_field)
        return [t for t in self.transitions if status in t.source and t.allowed(user, obj)]

    @transaction.atomic
    def apply(self, obj: M, name: str, *, by: User | None, note: str = "", **params: Any) -> M:
        """Take the step `name` on `obj`, as `by`; raise PermissionDenied,
        ValidationError (bad parameters) or TransitionError (wrong status).

        `by=None` is the system acting (a scheduled job): no permission applies.
        """
        transition = self.by_name[name]
        if transition.clean is not None:
            params = transition.clean(**params)
        if by is not None and not transition.allowed(by, obj):
            raise PermissionDenied(f"{by} may not {name} {obj}.")
        source = (
            type(obj)
            ._default_manager.select_for_update()
            .values_list(self.status_field, flat=True)
            .get(pk=obj.pk)
        )
        setattr(obj, self.status_field, source)
        if source not in transition.source:
            raise TransitionError(
                transition.refused % {"object": obj, "status": self.status_label(source)}
            )
        target = transition.target_of(obj)
        changed = list(transition.effect(obj, by=by, **params)) if transition.effect else []
        setattr(obj, self.status_field, target)
        obj.full_clean()
        update = {self.status_field, *changed}
        if any(f.name == "updated_at" for f in obj._meta.get_fields()):
            update.add("updated_at")
        obj.save(update_fields=sorted(update))
        StateChange.objects.create(
            content_type=ContentType.objects.get_for_model(type(obj)),
            object_id=obj.pk,
            transition=name,
            source=source,
            target=target,
            created_by=by,
            note=note or str(params.get("reason", "")),
        )
        return obj


_registry: list[Workflow[Any]] = []


def register_workflow(workflow: Workflow[Any]) -> Workflow[Any]:
    """Declare a model's workflow to the portal (once, however often `ready()`
    runs), so that every table is listed, and checked, in one place."""
    if workflow not in _registry:
        _registry.append(workflow)
    return workflow


def registered_workflows() -> list[Workflow[Any]]:
    return list(_registry)
