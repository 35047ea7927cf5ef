"""Following an action: double opt-in, mails on publication, one-click stop."""

import re
from http import HTTPStatus

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action, Follower, PartnerMember
from actionplan.services.actions import action_change_status
from actionplan.services.following import follower_request
from actionplan.services.plans import plan_publish
from creativecities.subscriptions.services import subscription_token
from tests.actionplan.factories import ActionFactory
from tests.concurrency import run_at_once

pytestmark = pytest.mark.django_db


def plan_follow_path(name: str, **kwargs: object) -> str:
    return "/en" + reverse(f"actionplan:{name}", kwargs=kwargs)[3:]


def plan_link_in(body: str, part: str) -> str:
    """The path of the first link of the mail whose path holds `part`."""
    url = next(u for u in re.findall(r"https?://\S+", body) if part in u)
    return re.sub(r"^https?://[^/]+", "", url)


def plan_second_action(action: Action) -> Action:
    """Another action of the same theme and lead partner."""
    return ActionFactory.create(theme=action.theme, lead_partner=action.lead_partner)


@pytest.fixture
def plan_followed(plan_action_a: Action, plan_coordinator: PartnerMember) -> Action:
    """An action of a plan published once."""
    plan_publish(plan=plan_action_a.theme.plan, by=plan_coordinator.user)
    return plan_action_a


def plan_ask(client: Client, action: Action, email: str = "reader@example.org"):
    return client.post(
        plan_follow_path("follow", slug=action.theme.plan.slug, action_id=action.pk),
        {"email": email},
    )


def test_asking_sends_a_confirmation_link_and_nothing_else(
    client: Client, plan_followed: Action, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = plan_ask(client, plan_followed)

    assert response.status_code == HTTPStatus.OK
    assert "Check your mailbox" in response.content.decode()
    follower = Follower.objects.get()
    assert not follower.is_confirmed
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["reader@example.org"]
    assert "/subscriptions/following/confirm/" in mail.outbox[0].body
    assert "/subscriptions/following/stop/" in mail.outbox[0].body
    stop = mail.outbox[0].extra_headers["List-Unsubscribe"]
    assert "/subscriptions/following/stop/" in stop and stop.strip("<>") in mail.outbox[0].body
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_opening_the_link_changes_nothing_and_its_button_confirms(
    client: Client, plan_followed: Action, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        plan_ask(client, plan_followed)
    link = plan_link_in(mail.outbox[0].body, "/following/confirm/")

    page = client.get(link)
    assert page.status_code == HTTPStatus.OK
    assert 'method="post"' in page.content.decode()
    assert not Follower.objects.get().is_confirmed

    client.post(link)
    assert Follower.objects.get().is_confirmed


def test_a_tampered_link_confirms_nothing(client: Client, plan_followed: Action) -> None:
    plan_ask(client, plan_followed)
    response = client.post(plan_follow_path("follow_confirm", token="abc:def"))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "This link cannot be used" in response.content.decode()
    assert not Follower.objects.get().is_confirmed


def test_a_new_version_is_told_to_confirmed_followers_only(
    client: Client,
    plan_followed: Action,
    plan_coordinator: PartnerMember,
    django_capture_on_commit_callbacks,
) -> None:
    Follower.objects.create(action=plan_followed, email="confirmed@example.org", language="en")
    Follower.objects.filter(email="confirmed@example.org").update(confirmed_at="2026-01-01T00:00Z")
    Follower.objects.create(action=plan_followed, email="waiting@example.org", language="en")
    action_change_status(action=plan_followed, step="start", by=plan_coordinator.user)

    with django_capture_on_commit_callbacks(execute=True):
        plan_publish(plan=plan_followed.theme.plan, by=plan_coordinator.user, note="Spring")

    assert [m.to for m in mail.outbox] == [["confirmed@example.org"]]
    message = mail.outbox[0]
    assert "is now: In progress" in message.subject
    assert "from Not started to In progress" in message.body
    assert "/subscriptions/following/stop/" in message.body
    # Mail clients offer their own one-click stop (RFC 8058) on the same link.
    stop = message.extra_headers["List-Unsubscribe"]
    assert stop.startswith("<http") and "/following/stop/" in stop
    assert stop.strip("<>") in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_version_without_a_status_change_is_told_too(
    plan_followed: Action, plan_coordinator: PartnerMember, django_capture_on_commit_callbacks
) -> None:
    Follower.objects.create(
        action=plan_followed,
        email="it@example.org",
        language="it",
        confirmed_at="2026-01-01T00:00Z",
    )
    with django_capture_on_commit_callbacks(execute=True):
        plan_publish(plan=plan_followed.theme.plan, by=plan_coordinator.user)
    assert len(mail.outbox) == 1
    assert "2" in mail.outbox[0].subject  # version 2 is published


def test_the_stop_link_works_with_one_post_and_keeps_nothing(
    client: Client, plan_followed: Action
) -> None:
    follower = Follower.objects.create(
        action=plan_followed, email="reader@example.org", language="en"
    )
    path = (
        "/en"
        + reverse(
            "subscriptions:stop",
            kwargs={"kind": "following", "token": subscription_token(follower, "stop")},
        )[3:]
    )
    assert client.get(path).status_code == HTTPStatus.OK
    assert Follower.objects.exists()

    # A mail client's one-click POST carries no CSRF token.
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post(path, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == HTTPStatus.OK
    assert not Follower.objects.exists()


def test_asking_too_often_for_one_address_is_refused(client: Client, plan_followed: Action) -> None:
    for _ in range(3):
        assert plan_ask(client, plan_followed).status_code == HTTPStatus.OK
    response = plan_ask(client, plan_followed)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert response["Retry-After"]
    assert 'value="reader@example.org"' in response.content.decode()


def test_a_mistyped_address_is_shown_again_with_its_error(
    client: Client, plan_followed: Action
) -> None:
    response = plan_ask(client, plan_followed, email="reader@")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    page = response.content.decode()
    assert 'value="reader@"' in page and 'aria-invalid="true"' in page
    assert plan_followed.title in page
    assert not Follower.objects.exists()


def test_an_action_not_in_the_published_version_cannot_be_followed(
    client: Client, plan_action_a: Action
) -> None:
    assert plan_ask(client, plan_action_a).status_code == HTTPStatus.NOT_FOUND
    assert not Follower.objects.exists()


FOLLOWERS_AT_ONCE = 6


@pytest.mark.django_db(transaction=True)
def test_asking_at_once_from_one_address_leaves_one_follower(plan_action_a: Action) -> None:
    """Each request in its own thread, with its own connection, committing for real."""
    run_at_once(
        lambda _n: follower_request(
            action=plan_action_a, email="reader@example.org", language="en"
        ),
        range(FOLLOWERS_AT_ONCE),
    )

    assert Follower.objects.filter(action=plan_action_a).count() == 1


def test_stopping_one_follower_leaves_every_other_follower_as_it_was(
    client: Client, plan_followed: Action
) -> None:
    plan_action_b = plan_second_action(plan_followed)
    leaving = Follower.objects.create(
        action=plan_followed, email="reader@example.org", language="en", confirmed_at=timezone.now()
    )
    others = [
        Follower.objects.create(action=plan_followed, email="other@example.org", language="it"),
        Follower.objects.create(
            action=plan_action_b,
            email="reader@example.org",
            language="en",
            confirmed_at=timezone.now(),
        ),
    ]
    before = {(f.pk, f.action_id, f.email, f.confirmed_at) for f in others}

    token = subscription_token(leaving, "stop")
    client.post(plan_follow_path("follow_unsubscribe", token=token))

    after = {(f.pk, f.action_id, f.email, f.confirmed_at) for f in Follower.objects.all()}
    assert after == before


def test_links_mailed_before_the_shared_pages_still_confirm_and_stop(
    client: Client, plan_followed: Action
) -> None:
    waiting = Follower.objects.create(action=plan_followed, email="Ada@example.org", language="en")
    payload = {"f": waiting.pk, "e": "ada@example.org"}
    confirm = signing.dumps(payload, salt="actionplan.follow-confirm")
    stop = signing.dumps(payload, salt="actionplan.follow-unsubscribe")

    client.get(plan_follow_path("follow_confirm", token=confirm))
    assert not Follower.objects.get().is_confirmed
    client.post(plan_follow_path("follow_confirm", token=confirm))
    assert Follower.objects.get().is_confirmed

    one_click = Client(enforce_csrf_checks=True).post(
        plan_follow_path("follow_unsubscribe", token=stop), {"List-Unsubscribe": "One-Click"}
    )
    assert one_click.status_code == HTTPStatus.OK
    assert not Follower.objects.exists()


def test_a_publication_skips_an_address_over_its_subscription_mail_limit(
    plan_followed: Action,
    plan_coordinator: PartnerMember,
    django_capture_on_commit_callbacks,
    settings,
) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "subscription_mail": {"recipient": "1/h"}}
    second = plan_second_action(plan_followed)
    for action, email in (
        (plan_followed, "busy@example.org"),
        (second, "busy@example.org"),
        (plan_followed, "calm@example.org"),
    ):
        Follower.objects.create(
            action=action, email=email, language="en", confirmed_at=timezone.now()
        )
    with django_capture_on_commit_callbacks(execute=True):
        plan_publish(plan=plan_followed.theme.plan, by=plan_coordinator.user)

    assert sorted(m.to[0] for m in mail.outbox) == ["busy@example.org", "calm@example.org"]
