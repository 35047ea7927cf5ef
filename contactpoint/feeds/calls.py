"""Feeds of funding calls: an iCalendar of deadlines for any calendar program,
and an Atom feed of newly published calls for feed readers. Every text of a
call goes through `export_text`, so a control character stored in a title
cannot break either (XML 1.0 and RFC 5545 refuse them)."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event

from contactpoint.models import FundingCall
from creativecities.text import export_text
from directory.models import Sector

# Deadlines kept in the calendar once passed, so that a subscriber's calendar
# does not lose them the day after; older ones drop out.
CALENDAR_PAST_DAYS = 180
CALENDAR_MAX_EVENTS = 500
ATOM_ITEMS = 30


def calendar_calls(sector: Sector | None, now: datetime.datetime) -> QuerySet[FundingCall]:
    calls = FundingCall.objects.published().filter(
        closes_at__gte=now - datetime.timedelta(days=CALENDAR_PAST_DAYS)
    )
    if sector is not None:
        calls = calls.in_sector(sector)
    bounded: QuerySet[FundingCall] = calls.order_by("closes_at", "id")[:CALENDAR_MAX_EVENTS]
    return bounded


def call_uid(call: FundingCall, host: str) -> str:
    """A UID that stays the same across downloads and edits of the call, so that
    calendar programs update the event instead of adding a second one."""
    return f"funding-call-{call.pk}-deadline@{host}"


def deadlines_calendar(
    *, calls: QuerySet[FundingCall], request: HttpRequest, name: str
) -> Calendar:
    """Each deadline as an instant event on Genoa's clock (TZID=Europe/Rome,
    with its VTIMEZONE), stamped with the call's last change in UTC."""
    calendar = Calendar()
    calendar.add("prodid", "-//Creative Cities Genoa//Funding call deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", export_text(name, "ical"))
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    host = request.get_host().split(":")[0]
    deadlines = []
    for call in calls:
        event = Event()
        event.add("uid", call_uid(call, host))
        event.add("dtstamp", call.updated_at.astimezone(datetime.UTC))
        deadline = timezone.localtime(call.closes_at, timezone.get_default_timezone())
        deadlines.append(deadline.date())
        event.add("dtstart", deadline)
        event.add("dtend", deadline)
        summary = gettext("Deadline: %(title)s") % {"title": call.title}
        event.add("summary", export_text(summary, "ical"))
        url = request.build_absolute_uri(call.get_absolute_url())
        event.add("url", url)
        description = gettext("%(funder)s. Official call: %(official)s\nOn the portal: %(url)s") % {
            "funder": call.funder_name or call.get_funder_display(),
            "official": call.official_url,
            "url": url,
        }
        event.add("description", export_text(description, "ical"))
        event.add("categories", [export_text(str(call.get_funder_display()), "ical")])
        calendar.add_component(event)
    if deadlines:
        # The zone's rules for the years the events span, not half a century.
        calendar.add_missing_timezones(
            first_date=min(deadlines) - datetime.timedelta(days=366),
            last_date=max(deadlines) + datetime.timedelta(days=366),
        )
    return calendar


@require_safe
def deadlines_ical(request: HttpRequest, sector: str | None = None) -> HttpResponse:
    """The deadlines of every published call, or of one sector's."""
    chosen = get_object_or_404(Sector, slug=sector) if sector else None
    name = (
        gettext("Funding call deadlines: %(sector)s") % {"sector": chosen.name}
        if chosen
        else gettext("Funding call deadlines")
    )
    calendar = deadlines_calendar(
        calls=calendar_calls(chosen, timezone.now()), request=request, name=name
    )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    filename = f"deadlines-{chosen.slug}.ics" if chosen else "deadlines.ics"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


class NewCallsFeed(Feed):  # type: ignore[type-arg]
    """The calls most recently published, newest first."""

    feed_type = Atom1Feed
    title = _("New funding calls · Creative Cities Genoa")
    subtitle = _(
        "Funding opportunities for the creative businesses of Genoa, as the desk publishes them."
    )

    def link(self) -> str:
        return reverse("contactpoint:calls")

    def items(self) -> QuerySet[FundingCall]:
        newest: QuerySet[FundingCall] = (
            FundingCall.objects.published()
            .exclude(published_at=None)
            .order_by("-published_at", "-id")[:ATOM_ITEMS]
        )
        return newest

    def item_title(self, item: FundingCall) -> str:
        return export_text(item.title, "atom")

    def item_description(self, item: FundingCall) -> str:
        deadline = timezone.localtime(item.closes_at)
        description = gettext("%(funder)s · deadline %(deadline)s. %(description)s") % {
            "funder": item.funder_name or item.get_funder_display(),
            "deadline": date_format(deadline, "DATETIME_FORMAT"),
            "description": item.description,
        }
        return export_text(description, "atom")

    def item_pubdate(self, item: FundingCall) -> datetime.datetime | None:
        return item.published_at

    def item_updateddate(self, item: FundingCall) -> datetime.datetime:
        return item.updated_at
