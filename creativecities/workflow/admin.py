"""Admin mixins that turn the declared workflow and history of a model into screens.

`WorkflowAdminMixin` makes, from a `creativecities.workflow.Workflow` table, one bulk
action and one button per transition (with a page of its own for a transition
that needs parameters, such as a rejection's reason). `HistoryAdminMixin` adds
the history of a tracked model (`creativecities.history`): its versions, each next to
the current content, and a revert; and it makes every save through the admin
one change, noted as the desk's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import QuerySet
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext, gettext_noop

from creativecities import history
from creativecities.history.models import Version
from creativecities.workflow import Transition, TransitionError, Workflow

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User


class _ObjectPagesMixin:
    """What both mixins need of a ModelAdmin: the object of a page, checked."""

    admin_site: admin.AdminSite
    opts: Any

    def _object(self, request: HttpRequest, object_id: str, *, change: bool) -> Any:
        model_admin = cast(admin.ModelAdmin[Any], self)
        obj = model_admin.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        allowed = (
            model_admin.has_change_permission(request, obj)
            if change
            else model_admin.has_view_permission(request, obj)
        )
        if not allowed:
            raise PermissionDenied
        return obj

    def _url(self, view: str, *args: Any) -> str:
        return reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_{view}",
            args=args,
        )

    def _context(self, request: HttpRequest, **extra: Any) -> dict[str, Any]:
        return {**self.admin_site.each_context(request), "opts": self.opts, **extra}


class WorkflowAdminMixin(_ObjectPagesMixin):
    """Actions and buttons for every transition of `workflow` that staff may take.

    A transition is offered to a person who holds its permission (see
    `creativecities.workflow.has_permission`); steps that members take on their own
    pages (a submission) have none and are not offered here.
    """

    workflow: Workflow[Any]
    # The form of each transition that needs parameters (a rejection's reason),
    # by the transition's name: the page of its own asks them with it.
    transition_forms: Mapping[str, type[forms.Form]] = {}
    transition_template = "admin/workflow/transition.html"

    def _staff_transitions(self, request: HttpRequest) -> list[Transition[Any]]:
        return [
            t
            for t in self.workflow.transitions
            if getattr(t.allowed, "permission", None) and t.allowed(request.user, None)  # type: ignore[arg-type]
        ]

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions: dict[str, Any] = super().get_actions(request)  # type: ignore[misc]
        for transition in self._staff_transitions(request):
            name = f"{transition.name}_selected"
            actions[name] = (self._bulk_action(transition), name, transition.label)
        return actions

    def _bulk_action(self, transition: Transition[Any]) -> Callable[..., HttpResponse | None]:
        def action(
            modeladmin: Any, request: HttpRequest, queryset: QuerySet[Any]
        ) -> HttpResponse | None:
            objects = list(queryset.order_by("pk"))
            form_class = self.transition_forms.get(transition.name)
            if form_class is None:
                self.take(request, transition, objects)
                return None
            form = form_class(request.POST if "apply" in request.POST else None)
            if form.is_valid():
                self.take(request, transition, objects, **form.cleaned_data)
                return None
            return self._transition_page(request, transition, objects, form, bulk=True)

        return action

    def take(
        self,
        request: HttpRequest,
        transition: Transition[Any],
        objects: list[Any],
        **params: Any,
    ) -> int:
        """Take one step on each object; report what changed and what was skipped, and why."""
        changed, skipped = 0, []
        by = cast("User", request.user)
        model_admin = cast(admin.ModelAdmin[Any], self)
        for obj in objects:
            try:
                self.workflow.apply(obj, transition.name, by=by, **params)
            except TransitionError as error:
                skipped.append(str(error))
            except ValidationError as error:
                skipped.append(f"{obj}: {' '.join(error.messages)}")
            else:
                changed += 1
                model_admin.log_change(request, obj, str(transition.label).rstrip("…"))
        if changed:
            model_admin.message_user(
                request, transition.done % {"count": changed}, messages.SUCCESS
            )
        if skipped:
            model_admin.message_user(
                request,
                gettext("Skipped: %(count)d. %(reasons)s")
                % {"count": len(skipped), "reasons": " ".join(skipped[:10])},
                messages.WARNING,
            )
        return changed

    def _transition_page(
        self,
        request: HttpRequest,
        transition: Transition[Any],
        objects: list[Any],
        form: Any,
        *,
        bulk: bool,
    ) -> TemplateResponse:
        status = self.workflow.status_field
        context = self._context(
            request,
            title=transition.label,
            transition=transition,
            objects=objects,
            eligible=[o for o in objects if getattr(o, status) in transition.source],
            skipped=[
                f"{o} ({self.workflow.status_label(getattr(o, status))})"
                for o in objects
                if getattr(o, status) not in transition.source
            ],
            form=form,
            bulk=bulk,
            original=None if bulk else objects[0],
            action=f"{transition.name}_selected",
            action_checkbox_name=helpers.ACTION_CHECKBOX_NAME,
        )
        return TemplateResponse(request, self.transition_template, context)

    def transition_view(self, request: HttpRequest, object_id: str, name: str) -> HttpResponse:
        """One step on one object, from its page: POST, or a form first."""
        transition = self.workflow.by_name[name]
        obj = self._object(request, object_id, change=True)
        if transition not in self._staff_transitions(request):
            raise PermissionDenied
        change_url = self._url("change", obj.pk)
        form_class = self.transition_forms.get(name)
        if form_class is None:
            if request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            self.take(request, transition, [obj])
            return HttpResponseRedirect(change_url)
        form = form_class(request.POST if request.method == "POST" else None)
        if form.is_valid():
            self.take(request, transition, [obj], **form.cleaned_data)
            return HttpResponseRedirect(change_url)
        return self._transition_page(request, transition, [obj], form, bulk=False)

    def workflow_steps(self, request: HttpRequest, obj: Any) -> list[dict[str, Any]]:
        """The buttons of an object's page: the steps this person may take now."""
        return [
            {
                "transition": t,
                "url": self._url(t.name, obj.pk),
                "needs_form": t.name in self.transition_forms,
            }
            for t in self._staff_transitions(request)
            if getattr(obj, self.workflow.status_field) in t.source
        ]

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        own = [
            path(
                f"<path:object_id>/{t.name}/",
                view(self.transition_view),
                {"name": t.name},
                name=f"{prefix}_{t.name}",
            )
            for t in self.workflow.transitions
        ]
        inherited: list[URLPattern] = super().get_urls()  # type: ignore[misc]
        return own + inherited

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        obj = cast(admin.ModelAdmin[Any], self).get_object(request, unquote(object_id))
        extra = dict(extra_context or {})
        if obj is not None:
            extra["workflow_steps"] = self.workflow_steps(request, obj)
            status = getattr(obj, self.workflow.status_field)
            extra["workflow_status"] = self.workflow.status_label(status)
        return super().change_view(request, object_id, form_url, extra)  # type: ignore[misc, no-any-return]


class HistoryAdminMixin(_ObjectPagesMixin):
    """The history of a tracked model in the admin: versions, comparison, revert."""

    history_change_note = gettext_noop("Changed by the desk: %(fields)s")
    history_created_note = gettext_noop("Entered by the desk")

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        """Whatever one save through the admin writes (fields, relations, files,
        inlines) is one change, recorded inside its transaction. The page links
        the object's versions (`keeps_history`)."""
        extra_context = {"keeps_history": True, **(extra_context or {})}
        with (
            transaction.atomic(),
            history.changes(
                by=request.user if request.user.is_authenticated else None,
                note=self.history_change_note,
                created_note=self.history_created_note,
            ),
        ):
            return super().changeform_view(request, object_id, form_url, extra_context)  # type: ignore[misc, no-any-return]

    def revert(self, request: HttpRequest, version: Version) -> Any:
        """Give the object the content of `version` (a model may add its own rules)."""
        return history.revert(
            version=version,
            by=cast("User", request.user),
            note=gettext_noop("Reverted to an earlier version"),
        )

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("<path:object_id>/versions/", view(self.versions_view), name=f"{prefix}_versions"),
            path(
                "<path:object_id>/versions/<int:version_id>/",
                view(self.version_view),
                name=f"{prefix}_version",
            ),
            *super().get_urls(),  # type: ignore[misc]
        ]

    def versions_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        obj = self._object(request, object_id, change=False)
        tracking = history.tracking_for(type(obj))
        context = self._context(
            request,
            title=gettext("History of %(name)s") % {"name": obj},
            original=obj,
            rows=history.with_changes(tracking, list(history.versions_of(obj))),
            state_changes=self._state_changes(obj),
        )
        return TemplateResponse(request, "admin/history/versions.html", context)

    def _state_changes(self, obj: models.Model) -> list[Any]:
        """The object's workflow steps, their statuses named as staff read them."""
        relation = getattr(obj, "state_changes", None)
        if relation is None:
            return []
        steps = list(relation.select_related("created_by"))
        workflow: Workflow[Any] | None = getattr(self, "workflow", None)
        for step in steps:
            label = workflow.status_label if workflow is not None else str
            step.source_label, step.target_label = label(step.source), label(step.target)
        return steps

    def version_view(self, request: HttpRequest, object_id: str, version_id: int) -> HttpResponse:
        obj = self._object(request, object_id, change=request.method == "POST")
        version = get_object_or_404(history.versions_of(obj), pk=version_id)
        model_admin = cast(admin.ModelAdmin[Any], self)
        if request.method == "POST":
            try:
                self.revert(request, version)
            except ValidationError as error:
                model_admin.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                model_admin.log_change(request, obj, gettext("Reverted to an earlier version"))
                model_admin.message_user(
                    request,
                    gettext("The content is back as it was in this version."),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(self._url("change", obj.pk))
        context = self._context(
            request,
            title=gettext("Version of %(name)s") % {"name": obj},
            original=obj,
            version=version,
            rows=history.comparison(version, obj),
            can_revert=model_admin.has_change_permission(request, obj),
        )
        return TemplateResponse(request, "admin/history/version_detail.html", context)
