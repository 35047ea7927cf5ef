"""The alerts and the followers made before the shared subscriptions: every
row kept, with its address, confirmation and sectors, on the cadence its
subscribers knew, and its links of the shared shape working."""

from collections.abc import Iterator
from http import HTTPStatus

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone

from actionplan.models import Follower
from contactpoint.models import AlertSubscription
from creativecities.subscriptions.services import subscription_token
from directory.models import Sector
from tests.actionplan.factories import ActionFactory
from tests.contactpoint.factories import AlertSubscriptionFactory

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [
    ("contactpoint", "0008_standard_reply_titles_in_both_languages"),
    ("actionplan", "0004_clean_stored_text"),
]


@pytest.fixture
def subscriptions_migrated_again() -> Iterator[MigrationExecutor]:
    """Migrate back to before the shared fields, then forward again; the
    database is left at the latest migrations whatever happens."""
    executor = MigrationExecutor(connection)
    try:
        yield executor
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        ContentType.objects.clear_cache()


def test_existing_subscriptions_keep_their_rows_and_cadence(
    subscriptions_migrated_again: MigrationExecutor,
) -> None:
    sector = Sector.objects.first()
    assert sector is not None
    alert = AlertSubscriptionFactory.create(email="ada@example.org", sectors=[sector])
    waiting = AlertSubscriptionFactory.create(email="bo@example.org", confirmed_at=None)
    action = ActionFactory.create()
    follower = Follower.objects.create(
        action=action, email="cy@example.org", language="en", confirmed_at=timezone.now()
    )
    MigrationExecutor(connection).migrate(BEFORE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM contactpoint_alertsubscription")
        assert cursor.fetchone() == (2,)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    kept = {row.pk: row for row in AlertSubscription.objects.all()}
    assert set(kept) == {alert.pk, waiting.pk}
    assert kept[alert.pk].cadence == kept[waiting.pk].cadence == "weekly"
    assert kept[alert.pk].confirmed_at == alert.confirmed_at
    assert kept[waiting.pk].confirmed_at is None
    assert list(kept[alert.pk].sectors.all()) == [sector]
    (followed,) = Follower.objects.all()
    assert (followed.pk, followed.action_id, followed.cadence) == (
        follower.pk,
        action.pk,
        "immediate",
    )
    assert followed.confirmed_at == follower.confirmed_at

    stop = f"/en/subscriptions/following/stop/{subscription_token(followed, 'stop')}/"
    assert Client().post(stop, {"List-Unsubscribe": "One-Click"}).status_code == HTTPStatus.OK
    assert not Follower.objects.exists()
    assert AlertSubscription.objects.count() == 2
