"""Alerts: double opt-in, one-click unsubscribe, a digest at most weekly, each once."""

import datetime
import io
import re
from http import HTTPStatus
from types import SimpleNamespace
from typing import Any
from unittest import mock

import pytest
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django.utils.text import slugify

from contactpoint.models import AlertSubscription, FundingCall, Premises
from contactpoint.services import alerts
from creativecities.models import OutgoingEmail
from creativecities.subscriptions.digests import digest_send
from creativecities.subscriptions.services import subscription_token
from directory.models import Municipality, Sector
from tests.concurrency import run_at_once
from tests.contactpoint.factories import AlertSubscriptionFactory
from tests.directory.factories import SectorFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://\S+/subscriptions/alerts/(confirm|stop)/(\S+)/")


def desk_links(body: str) -> dict[str, str]:
    """The alert links a mail carries, by kind, as site paths."""
    return {
        kind: match.group(0).split("testserver", 1)[-1].split("8000", 1)[-1]
        for match in LINK.finditer(body)
        for kind in [match.group(1)]
    }


def desk_subscribe(client: Client, callbacks: Any, email: str = "ada@example.org") -> Any:
    with callbacks(execute=True):
        return client.post(
            "/en/contact-point/alerts/",
            {"email": email, "sectors": [Sector.objects.get(slug="design").pk]},
        )


def desk_call(sector: Sector, *, published_at: datetime.datetime, title: str) -> FundingCall:
    now = timezone.now()
    call = FundingCall.objects.create(
        title_it=title,
        title_en=title,
        slug=slugify(title),
        funder=FundingCall.Funder.EU,
        description_it="Bando.",
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=30),
        official_url="https://example.org/call",
        is_published=True,
        published_at=published_at,
    )
    call.sectors.set([sector])
    return call


def desk_premises(sector: Sector, *, published_at: datetime.datetime, title: str) -> Premises:
    place = Premises.objects.create(
        title_it=title,
        title_en=title,
        slug=slugify(title),
        kind=Premises.Kind.STUDIO,
        floor_area=80,
        address="Via del Campo 1",
        municipality=Municipality.objects.order_by("order")[0],
        contact_name="Ufficio patrimonio",
        contact_email="patrimonio@example.org",
        is_published=True,
        published_at=published_at,
    )
    place.sectors.set([sector])
    return place


# --- Subscribing and confirming ------------------------------------------------------


def test_subscribing_sends_a_confirmation_and_starts_nothing(
    client: Client, django_capture_on_commit_callbacks: Any, mailoutbox: list[Any]
) -> None:
    response = desk_subscribe(client, django_capture_on_commit_callbacks)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/en/contact-point/alerts/sent/"
    subscription = AlertSubscription.objects.get()
    assert subscription.confirmed_at is None
    assert subscription.language == "en"
    assert [mail.to for mail in mailoutbox] == [["ada@example.org"]]
    assert "Design" in mailoutbox[0].body
    assert set(desk_links(mailoutbox[0].body)) == {"confirm", "stop"}


def test_opening_the_confirmation_link_changes_nothing_the_button_confirms(
    client: Client, django_capture_on_commit_callbacks: Any, mailoutbox: list[Any]
) -> None:
    desk_subscribe(client, django_capture_on_commit_callbacks)
    link = desk_links(mailoutbox[0].body)["confirm"]

    page = client.get(link)

    assert page.status_code == HTTPStatus.OK
    assert '<form method="post">' in page.content.decode()
    assert AlertSubscription.objects.get().confirmed_at is None

    done = client.post(link)

    assert done.status_code == HTTPStatus.OK
    assert "Alerts confirmed" in done.content.decode()
    assert AlertSubscription.objects.get().confirmed_at is not None


def test_someone_typing_a_subscribers_address_stops_nothing_until_its_owner_confirms(
    client: Client, django_capture_on_commit_callbacks: Any, mailoutbox: list[Any]
) -> None:
    subscribed = AlertSubscriptionFactory.create(email="ada@example.org")
    assert subscribed.confirmed_at is not None

    desk_subscribe(client, django_capture_on_commit_callbacks, email="Ada@Example.org")

    subscribed.refresh_from_db()  # still there, still confirmed: digests go on
    assert subscribed.is_confirmed
    assert AlertSubscription.objects.count() == 2
    client.post(desk_links(mailoutbox[0].body)["confirm"])  # the owner confirms the change
    (kept,) = AlertSubscription.objects.all()
    assert kept.pk != subscribed.pk and kept.is_confirmed
    assert [sector.slug for sector in kept.sectors.all()] == ["design"]


def test_confirming_needs_the_csrf_token() -> None:
    client = Client(enforce_csrf_checks=True)
    subscription = AlertSubscriptionFactory.create(confirmed_at=None)

    response = client.post(
        f"/en/subscriptions/alerts/confirm/{subscription_token(subscription, 'confirm')}/"
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_a_tampered_or_replaced_confirmation_link_is_refused(client: Client) -> None:
    subscription = AlertSubscriptionFactory.create(confirmed_at=None)
    token = subscription_token(subscription, "confirm")

    tampered = client.post(f"/en/subscriptions/alerts/confirm/{token[:-2]}xx/")
    # Subscribing again replaces the subscription: the older link stops working.
    alerts.alert_subscribe(email=subscription.email, sectors=[], language="en")
    replaced = client.post(f"/en/subscriptions/alerts/confirm/{token}/")

    assert tampered.status_code == HTTPStatus.BAD_REQUEST
    assert replaced.status_code == HTTPStatus.BAD_REQUEST
    assert AlertSubscription.objects.get().confirmed_at is None


def test_subscribing_needs_a_sector_and_keeps_what_was_typed(client: Client) -> None:
    response = client.post("/en/contact-point/alerts/", {"email": "ada@example.org"})

    assert response.status_code == HTTPStatus.OK
    assert 'value="ada@example.org"' in response.content.decode()
    assert not AlertSubscription.objects.exists()


def test_subscribing_is_rate_limited_per_recipient(
    client: Client, django_capture_on_commit_callbacks: Any, mailoutbox: list[Any]
) -> None:
    statuses = [
        desk_subscribe(client, django_capture_on_commit_callbacks).status_code for _ in range(4)
    ]

    assert statuses == [HTTPStatus.FOUND] * 3 + [HTTPStatus.TOO_MANY_REQUESTS]
    assert len(mailoutbox) == 3
    refused = desk_subscribe(client, django_capture_on_commit_callbacks)
    assert 'value="ada@example.org"' in refused.content.decode()
    assert "Too many requests" in refused.content.decode()


# --- Unsubscribing ---------------------------------------------------------------------


def test_unsubscribe_link_shows_a_button_and_its_post_deletes_the_subscription(
    client: Client,
) -> None:
    subscription = AlertSubscriptionFactory.create()
    link = f"/en/subscriptions/alerts/stop/{subscription_token(subscription, 'stop')}/"

    assert client.get(link).status_code == HTTPStatus.OK
    assert AlertSubscription.objects.exists()

    response = client.post(link)

    assert response.status_code == HTTPStatus.OK
    assert not AlertSubscription.objects.exists()
    assert client.post(link).status_code == HTTPStatus.OK  # a second click: still done


def test_one_click_unsubscribe_from_the_mail_client_needs_no_session_nor_token() -> None:
    subscription = AlertSubscriptionFactory.create()
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        f"/en/subscriptions/alerts/stop/{subscription_token(subscription, 'stop')}/",
        {"List-Unsubscribe": "One-Click"},
    )

    assert response.status_code == HTTPStatus.OK
    assert not AlertSubscription.objects.exists()


def test_a_forged_unsubscribe_link_removes_nobody(client: Client) -> None:
    subscription = AlertSubscriptionFactory.create()
    forged = subscription_token(subscription, "stop").replace(":", ":x", 1)

    response = client.post(f"/en/subscriptions/alerts/stop/{forged}/")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert AlertSubscription.objects.exists()


# --- Digests ---------------------------------------------------------------------------


def test_a_digest_lists_what_is_new_in_the_sectors_and_carries_the_unsubscribe_headers(
    desk_subscriber: AlertSubscription,
    django_capture_on_commit_callbacks: Any,
    mailoutbox: list[Any],
) -> None:
    design, cinema = Sector.objects.get(slug="design"), Sector.objects.get(slug="cinema")
    recent = timezone.now() - datetime.timedelta(days=2)
    desk_call(design, published_at=recent, title="Design grant")
    desk_call(cinema, published_at=recent, title="Cinema grant")
    desk_call(design, published_at=timezone.now() - datetime.timedelta(days=30), title="Old")
    desk_premises(design, published_at=recent, title="Studio in Prè")

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=io.StringIO())

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["reader@example.org"]
    assert "Design grant" in mail.body
    assert "Studio in Prè" in mail.body
    assert "Cinema grant" not in mail.body
    assert "- Old" not in mail.body
    unsubscribe = desk_links(mail.body)["stop"]
    assert mail.extra_headers["List-Unsubscribe"].endswith(f"{unsubscribe}>")
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_nothing_new_sends_nothing(
    desk_subscriber: AlertSubscription,
    django_capture_on_commit_callbacks: Any,
    mailoutbox: list[Any],
) -> None:
    desk_call(Sector.objects.get(slug="cinema"), published_at=timezone.now(), title="Not for them")

    with django_capture_on_commit_callbacks(execute=True):
        sent = alerts.alert_send_digest(subscription_id=desk_subscriber.pk)

    assert sent is False
    assert mailoutbox == []
    desk_subscriber.refresh_from_db()
    assert desk_subscriber.last_digest_at is None


def test_at_most_one_digest_a_week_and_each_mail_once(
    desk_subscriber: AlertSubscription,
    django_capture_on_commit_callbacks: Any,
    mailoutbox: list[Any],
) -> None:
    design = Sector.objects.get(slug="design")
    desk_call(design, published_at=timezone.now() - datetime.timedelta(days=1), title="First")

    with django_capture_on_commit_callbacks(execute=True):
        digest_send.enqueue(name="alerts", object_id=desk_subscriber.pk)
        digest_send.enqueue(name="alerts", object_id=desk_subscriber.pk)  # a task run twice
    desk_call(design, published_at=timezone.now(), title="Second")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=io.StringIO())  # the same week: nothing
        # Even a task queued by hand in the same week sends nothing.
        assert alerts.alert_send_digest(subscription_id=desk_subscriber.pk) is False

    assert len(mailoutbox) == 1
    assert OutgoingEmail.objects.filter(template="contactpoint/emails/alert_digest").count() == 1

    next_week = timezone.now() + datetime.timedelta(days=7, minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        alerts.alert_send_digest(subscription_id=desk_subscriber.pk, now=next_week)

    assert len(mailoutbox) == 2
    assert "Second" in mailoutbox[1].body
    assert "First" not in mailoutbox[1].body


def test_unconfirmed_subscribers_get_no_digest(
    django_capture_on_commit_callbacks: Any, mailoutbox: list[Any]
) -> None:
    design = Sector.objects.get(slug="design")
    AlertSubscriptionFactory.create(confirmed_at=None, sectors=[design])
    desk_call(design, published_at=timezone.now(), title="A grant")

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=io.StringIO())

    assert mailoutbox == []


ALERT_REQUESTS_AT_ONCE = 6


@pytest.mark.django_db(transaction=True)
def test_subscribing_one_address_at_once_leaves_one_waiting_subscription() -> None:
    """Each request in its own thread, with its own connection, committing for real."""
    sector = Sector.objects.first() or SectorFactory.create()

    run_at_once(
        lambda _n: alerts.alert_subscribe(email="Ada@Example.org", sectors=[sector], language="en"),
        range(ALERT_REQUESTS_AT_ONCE),
    )

    [subscription] = AlertSubscription.objects.by_email("ada@example.org")
    assert subscription.confirmed_at is None
    assert list(subscription.sectors.all()) == [sector]


# --- The shared flow, as the alerts' subscribers meet it ----------------------------------


def test_unsubscribing_one_address_leaves_every_other_subscription_as_it_was(
    client: Client,
) -> None:
    design, cinema = Sector.objects.get(slug="design"), Sector.objects.get(slug="cinema")
    leaving = AlertSubscriptionFactory.create(email="leaving@example.org", sectors=[design])
    staying = AlertSubscriptionFactory.create(email="staying@example.org", sectors=[cinema])
    waiting = AlertSubscriptionFactory.create(
        email="waiting@example.org", sectors=[design], confirmed_at=None
    )
    # The leaving address's change waiting beside it is another subscription: it stays.
    change = AlertSubscriptionFactory.create(
        email="leaving@example.org", sectors=[cinema], confirmed_at=None
    )
    before = {
        row.pk: (row.email, row.confirmed_at, [s.slug for s in row.sectors.all()])
        for row in (staying, waiting, change)
    }

    client.post(f"/en/subscriptions/alerts/stop/{subscription_token(leaving, 'stop')}/")

    after = {
        row.pk: (row.email, row.confirmed_at, [s.slug for s in row.sectors.all()])
        for row in AlertSubscription.objects.all()
    }
    assert after == before


def test_the_confirmation_mail_carries_the_one_click_headers_too(
    client: Client, django_capture_on_commit_callbacks: Any, mailoutbox: list[Any]
) -> None:
    desk_subscribe(client, django_capture_on_commit_callbacks)

    stop = desk_links(mailoutbox[0].body)["stop"]
    assert mailoutbox[0].extra_headers["List-Unsubscribe"].endswith(f"{stop}>")
    assert mailoutbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_post_without_csrf_token_other_than_the_one_click_body_removes_nobody() -> None:
    subscription = AlertSubscriptionFactory.create()
    client = Client(enforce_csrf_checks=True)
    link = f"/en/subscriptions/alerts/stop/{subscription_token(subscription, 'stop')}/"

    for body in ({}, {"List-Unsubscribe": "One-Click", "more": "1"}, {"List-Unsubscribe": "x"}):
        assert client.post(link, body).status_code == HTTPStatus.FORBIDDEN
    assert AlertSubscription.objects.filter(pk=subscription.pk).exists()


def test_links_mailed_before_the_shared_pages_still_confirm_and_stop(client: Client) -> None:
    waiting = AlertSubscriptionFactory.create(confirmed_at=None)
    subscribed = AlertSubscriptionFactory.create()
    stamp = str(int(waiting.created_at.timestamp()))
    confirm = signing.dumps([waiting.pk, stamp], salt="contactpoint.alert-confirm")
    stop = signing.dumps(
        [subscribed.pk, str(int(subscribed.created_at.timestamp()))],
        salt="contactpoint.alert-unsubscribe",
    )

    assert client.get(f"/en/contact-point/alerts/confirm/{confirm}/").status_code == HTTPStatus.OK
    waiting.refresh_from_db()
    assert waiting.confirmed_at is None
    client.post(f"/en/contact-point/alerts/confirm/{confirm}/")
    assert AlertSubscription.objects.get(pk=waiting.pk).is_confirmed

    one_click = Client(enforce_csrf_checks=True).post(
        f"/en/contact-point/alerts/unsubscribe/{stop}/", {"List-Unsubscribe": "One-Click"}
    )
    assert one_click.status_code == HTTPStatus.OK
    assert list(AlertSubscription.objects.all()) == [waiting]


def test_an_expired_confirmation_link_shows_a_page_not_an_error(client: Client) -> None:
    subscription = AlertSubscriptionFactory.create(confirmed_at=None)
    token = subscription_token(subscription, "confirm")
    later = timezone.now() + datetime.timedelta(days=3, minutes=1)

    with mock.patch("django.core.signing.time", SimpleNamespace(time=later.timestamp)):
        response = client.post(f"/en/subscriptions/alerts/confirm/{token}/")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "This link cannot be used" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_a_daily_subscriber_chooses_it_and_gets_a_digest_a_day(
    client: Client, django_capture_on_commit_callbacks: Any, mailoutbox: list[Any]
) -> None:
    design = Sector.objects.get(slug="design")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/en/contact-point/alerts/",
            {"email": "daily@example.org", "sectors": [design.pk], "cadence": "daily"},
        )
    client.post(desk_links(mailoutbox[0].body)["confirm"])
    daily = AlertSubscription.objects.get(email="daily@example.org")
    assert daily.cadence == "daily"
    weekly = AlertSubscriptionFactory.create(email="weekly@example.org", sectors=[design])
    assert weekly.cadence == "weekly"
    desk_call(design, published_at=timezone.now(), title="Monday")
    tomorrow = timezone.now() + datetime.timedelta(days=1, minutes=1)
    for subscription in (daily, weekly):
        alerts.alert_send_digest(subscription_id=subscription.pk)
    desk_call(design, published_at=tomorrow - datetime.timedelta(minutes=1), title="Tuesday")

    with django_capture_on_commit_callbacks(execute=True):
        sent = {
            row.email: alerts.alert_send_digest(subscription_id=row.pk, now=tomorrow)
            for row in (daily, weekly)
        }

    assert sent == {"daily@example.org": True, "weekly@example.org": False}
    assert "Tuesday" in mailoutbox[-1].body and mailoutbox[-1].to == ["daily@example.org"]


def test_a_digest_over_the_recipients_mail_limit_waits_for_the_next_run(
    desk_subscriber: AlertSubscription,
    django_capture_on_commit_callbacks: Any,
    mailoutbox: list[Any],
    settings: Any,
) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "subscription_mail": {"recipient": "0/h"}}
    desk_call(Sector.objects.get(slug="design"), published_at=timezone.now(), title="A grant")

    with django_capture_on_commit_callbacks(execute=True):
        assert alerts.alert_send_digest(subscription_id=desk_subscriber.pk) is False

    assert mailoutbox == []
    desk_subscriber.refresh_from_db()
    assert desk_subscriber.last_digest_at is None
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "subscription_mail": {"recipient": "5/h"}}
    with django_capture_on_commit_callbacks(execute=True):
        assert alerts.alert_send_digest(subscription_id=desk_subscriber.pk) is True
    assert len(mailoutbox) == 1
