"""The desk's "how quickly we answer": working days, not hours; a chart of the
answer time, not of the volume; months with fewer than five enquiries show no
time on the public page. The staff's statistics count the same working days,
and the demo's past months fill the public chart."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from contactpoint import figures
from contactpoint.demo_enquiries import desk_enquiries_demo
from contactpoint.models import Enquiry
from contactpoint.workdays import is_working_day
from creativecities.models import OutgoingEmail
from directory.models import Sector, User
from tests.contactpoint.factories_enquiries import EnquiryFactory
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db


def _monday_months_ago(months: int) -> datetime.datetime:
    """A Monday at 10:00, `months` months back, whose Tuesday and Wednesday are
    working days (so an answer on Wednesday took two working days)."""
    today = timezone.localdate()
    year, month = today.year, today.month - months
    while month < 1:
        month, year = month + 12, year - 1
    day = datetime.date(year, month, 1)
    while not (
        day.weekday() == 0
        and is_working_day(day)
        and all(is_working_day(day + datetime.timedelta(days=n)) for n in (1, 2))
    ):
        day += datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def _enquiry(sector: Sector, created: datetime.datetime, answered: datetime.datetime) -> None:
    enquiry = EnquiryFactory.create(sector=sector)
    Enquiry.objects.filter(pk=enquiry.pk).update(created_at=created, first_answered_at=answered)


@pytest.fixture
def desk_months(enquiry_sector: Sector) -> tuple[datetime.datetime, datetime.datetime]:
    """Five enquiries two months ago, four answered in two working days and one
    after 40 days (960 hours); three enquiries three months ago."""
    busy = _monday_months_ago(2)
    for _ in range(4):
        _enquiry(enquiry_sector, busy, busy + datetime.timedelta(days=2, hours=1))
    _enquiry(enquiry_sector, busy, busy + datetime.timedelta(days=40))
    quiet = _monday_months_ago(3)
    for _ in range(3):
        _enquiry(enquiry_sector, quiet, quiet + datetime.timedelta(days=1))
    cache.clear()
    return busy, quiet


def test_the_answer_time_is_the_median_in_working_days(
    desk_months: tuple[datetime.datetime, datetime.datetime],
) -> None:
    rows = {row["month"]: row for row in figures.service_figures()["rows"]}

    busy = rows[desk_months[0].date().replace(day=1)]
    assert busy["received"] == 5 and not busy["hidden"]
    assert busy["to_answer"] == 2


def test_the_chart_draws_the_answer_time_not_the_volume(
    desk_months: tuple[datetime.datetime, datetime.datetime],
) -> None:
    chart = figures.service_figures()["chart"]

    assert [dot["value"] for dot in chart["dots"]] == [2]


def test_a_month_with_fewer_than_five_enquiries_shows_no_time(
    client: Client, desk_months: tuple[datetime.datetime, datetime.datetime]
) -> None:
    rows = {row["month"]: row for row in figures.service_figures()["rows"]}
    quiet = rows[desk_months[1].date().replace(day=1)]
    assert quiet["hidden"] and quiet["to_answer"] is None

    response = client.get("/it/contact-point/")

    assert response.status_code == HTTPStatus.OK
    text = re.sub(r"\s+", " ", response.content.decode())
    assert "Mediana dei giorni lavorativi per la prima risposta" in text
    assert "<td>5</td> <td>2</td>" in text
    assert '<td colspan="3"> meno di 5 richieste </td>' in text or (
        '<td colspan="3">meno di 5 richieste</td>' in text
    )
    assert "ore" not in re.findall(r"<caption>[^<]*</caption>", text)[0]


def test_the_staff_statistics_count_working_days_and_show_every_month(
    client: Client, staff_user: User, desk_months: tuple[datetime.datetime, datetime.datetime]
) -> None:
    """Staff read each enquiry anyway: their table shows the quiet month's time
    too, in working days like the public page, and so does the median of all."""
    client.force_login(staff_user)

    page = client.get("/admin/contactpoint/enquiry/statistics/", HTTP_ACCEPT_LANGUAGE="it")

    assert page.status_code == HTTPStatus.OK
    stats = page.context["figures"]
    rows = {row["month"]: row for row in stats["months"]}
    busy, quiet = (rows[moment.date().replace(day=1)] for moment in desk_months)
    assert (busy["received"], busy["to_answer"]) == (5, 2)
    assert (quiet["received"], quiet["to_answer"], quiet["hidden"]) == (3, 1, False)
    # Eight first answers: three after one working day, four after two, one after 28.
    assert stats["median_to_answer"] == 2
    assert [dot["value"] for dot in stats["answer_chart"]["dots"]] == [1, 2]
    text = re.sub(r"\s+", " ", page.content.decode())
    assert "Mediana dei giorni lavorativi per la prima risposta (ultimi 24 mesi)" in text
    assert "<td>3</td> <td>1</td>" in text
    assert " ore" not in text


def test_the_demo_fills_the_recent_months_and_keeps_a_quiet_one_hidden(
    staff_user: User, enquiry_sector: Sector
) -> None:
    """The public chart is drawn from the demo's past months: each of the eleven
    before this one has five enquiries or more and its answer time, but for one
    quiet month, whose time stays hidden."""
    member = UserFactory.create()
    desk_enquiries_demo(staff=staff_user, member=member)
    cache.clear()

    shown = figures.service_figures()
    this_month = timezone.localdate().replace(day=1)
    past = [row for row in shown["rows"] if row["month"] != this_month]
    assert len(past) == 11
    quiet = [row for row in past if row["hidden"]]
    assert [row["received"] for row in quiet] == [3]
    busy = [row for row in past if not row["hidden"]]
    assert all(row["received"] >= 5 and row["to_answer"] is not None for row in busy)
    assert len(shown["chart"]["dots"]) >= 10
    # Closed long ago: no mail goes out for them, and a second load adds none.
    past_addresses = Enquiry.objects.filter(reference__regex=r"-8\d{5}$").values_list("email")
    assert past_addresses and not OutgoingEmail.objects.filter(
        to__overlap=[email for (email,) in past_addresses]
    )
    count = Enquiry.objects.count()
    desk_enquiries_demo(staff=staff_user, member=member)
    assert Enquiry.objects.count() == count
