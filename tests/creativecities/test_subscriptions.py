"""The shared subscription pages, whatever the kind: one error convention."""

from http import HTTPStatus

import pytest
from django.test import Client

from contactpoint.models import AlertSubscription
from creativecities.subscriptions.services import subscription_token
from tests.contactpoint.factories import AlertSubscriptionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("purpose", ["confirm", "stop"])
def test_a_link_of_one_kind_opens_nothing_of_another_nor_an_unknown_kind(
    client: Client, purpose: str
) -> None:
    subscription = AlertSubscriptionFactory.create(confirmed_at=None)
    token = subscription_token(subscription, purpose)  # type: ignore[arg-type]

    for kind in ("following", "nothing"):
        response = client.post(f"/en/subscriptions/{kind}/{purpose}/{token}/")
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "This link cannot be used" in response.content.decode()
    assert AlertSubscription.objects.get().confirmed_at is None


def test_a_confirmation_link_does_not_stop_and_a_stop_link_does_not_confirm(
    client: Client,
) -> None:
    subscription = AlertSubscriptionFactory.create(confirmed_at=None)

    stop_with_confirm = client.post(
        f"/en/subscriptions/alerts/stop/{subscription_token(subscription, 'confirm')}/"
    )
    confirm_with_stop = client.post(
        f"/en/subscriptions/alerts/confirm/{subscription_token(subscription, 'stop')}/"
    )

    assert stop_with_confirm.status_code == confirm_with_stop.status_code == HTTPStatus.BAD_REQUEST
    assert AlertSubscription.objects.get().confirmed_at is None


def test_a_link_with_control_characters_or_ten_kilobytes_is_a_page_not_an_error(
    client: Client,
) -> None:
    for token in ("a\x00b:c", "x" * 10_000):
        response = client.get(f"/en/subscriptions/alerts/stop/{token}/")
        assert response.status_code in {HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND}
