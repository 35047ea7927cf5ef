"""The desk's demo data: every topic in both languages, loaded idempotently."""

import pytest

from contactpoint.demo import desk_demo
from contactpoint.models import AlertSubscription, DeskContact, Guide, Topic
from creativecities.models import Version
from tests.directory.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_loads_contacts_guides_for_every_topic_and_subscriptions() -> None:
    staff, member = UserFactory.create(is_staff=True), UserFactory.create()

    desk_demo(staff=staff, member=member)
    versions = Version.objects.count()
    desk_demo(staff=staff, member=member)  # a second run changes nothing

    assert Version.objects.count() == versions
    assert DeskContact.objects.get().address_it.startswith("Palazzo Ducale")  # type: ignore[attr-defined]
    published = Guide.objects.published()
    assert set(published.values_list("topic", flat=True)) == set(Topic.values)
    assert all(guide.body_en and guide.body_it for guide in published)  # type: ignore[attr-defined]
    assert Guide.objects.filter(published=False).exists()
    assert Guide.objects.search("microcredito").exists()
    assert Guide.objects.search("microcredit").exists()
    assert AlertSubscription.objects.confirmed().count() == 3
    assert AlertSubscription.objects.filter(confirmed_at=None).count() == 1
