"""The admin home as the desk's workbench, and the related lists of an object's
admin page (an organisation's enquiries): each app contributes its part, so
the core never imports them.

An app registers, in its `AppConfig.ready()`, a callable that returns what it
adds (one or two queries at most, counted in the database, so that the home's
query count stays small and flat however much waits):

    from creativecities.panels.workbench import WorkbenchEntry, register_workbench

    def enquiries_waiting(request):
        return [WorkbenchEntry(group=WAITING, label=..., count=..., url=...)]

    register_workbench(enquiries_waiting)

An entry of the group `WAITING` is something to do (a count linking to the
filtered list); `WEEK` is a figure of the last seven days; `LINKS` is a page
the desk reads often (statistics, survey results). An app shows only what the
person may see, and returns nothing otherwise.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.http import urlencode

WAITING = "waiting"
WEEK = "week"
LINKS = "links"


@dataclass(frozen=True)
class WorkbenchEntry:
    group: str
    label: str | Promise
    url: str
    count: int | None = None
    # Drawn as a warning when something waits (past the target, failed mail).
    urgent: bool = False
    # Place in its group: the desk's work first, the housekeeping (mail) last.
    order: int = 50


Contribution = Callable[[HttpRequest], list[WorkbenchEntry]]
RelatedList = Callable[[HttpRequest, Any], WorkbenchEntry | None]

_workbench: list[Contribution] = []
_related_lists: dict[str, list[RelatedList]] = {}


def register_workbench(contribution: Contribution) -> Contribution:
    """Add a part to the admin home (once, however often `ready()` runs)."""
    if contribution not in _workbench:
        _workbench.append(contribution)
    return contribution


def register_related_list(model: str, link: RelatedList) -> RelatedList:
    """Add a related list (a count and a link) to the admin page of each object
    of `model` (`"directory.organisation"`), once."""
    links = _related_lists.setdefault(model.lower(), [])
    if link not in links:
        links.append(link)
    return link


def may_open(request: HttpRequest, model: str) -> bool:
    """Whether the person may open a model's list (`"directory.organisation"`):
    to view it or to change it, as the admin itself decides."""
    app_label, name = model.split(".")
    return any(
        request.user.has_perm(f"{app_label}.{action}_{name}") for action in ("view", "change")
    )


def changelist(name: str, **filters: str) -> str:
    """An admin change list, filtered:
    `changelist("directory_organisation", status__exact="pending")`."""
    url = reverse(f"admin:{name}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def week_ago() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=7)


def workbench(request: HttpRequest) -> dict[str, list[WorkbenchEntry]]:
    """Every app's entries, by group, in the order the apps registered them."""
    groups: dict[str, list[WorkbenchEntry]] = {WAITING: [], WEEK: [], LINKS: []}
    for contribution in _workbench:
        for entry in contribution(request):
            groups[entry.group].append(entry)
    return {group: sorted(entries, key=lambda e: e.order) for group, entries in groups.items()}


def related_lists(request: HttpRequest, obj: Any) -> list[WorkbenchEntry]:
    """The related lists registered for the object's model that show something."""
    links = _related_lists.get(obj._meta.label_lower, [])
    entries = (link(request, obj) for link in links)
    return [entry for entry in entries if entry is not None]
