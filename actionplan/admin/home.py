"""What the action plan adds to the desk's workbench: comments to moderate."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from actionplan.models import Comment
from creativecities.panels.workbench import WAITING, WorkbenchEntry, changelist, may_open


def comments_waiting(request: HttpRequest) -> list[WorkbenchEntry]:
    if not may_open(request, "actionplan.comment"):
        return []
    return [
        WorkbenchEntry(
            group=WAITING,
            label=_("Comments to moderate"),
            count=Comment.objects.awaiting_moderation().count(),
            url=changelist("actionplan_comment", moderation__exact=Comment.Moderation.PENDING),
            order=40,
        )
    ]
