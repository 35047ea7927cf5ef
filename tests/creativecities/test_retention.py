"""The retention schedule: `manage.py apply_retention` deletes or anonymises
what is past its period, keeps what is not, and does nothing the second time."""

from io import StringIO
from typing import Any

import pytest
from axes.models import AccessLog
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from creativecities.models import OutgoingEmail, Version
from creativecities.retention import retention_apply
from directory.models import Organisation
from survey.models import AnswerSet
from tests.directory.factories import OrganisationFactory, OutgoingEmailFactory, UserFactory
from tests.directory.helpers import ago
from tests.survey.factories import AnswerSetFactory, CampaignFactory

pytestmark = pytest.mark.django_db


def test_mail_older_than_a_year_is_deleted_unless_still_to_send() -> None:
    old = OutgoingEmailFactory.create(
        status=OutgoingEmail.Status.SENT, sent_at=ago(days=400), created_at=ago(days=400)
    )
    old_queued = OutgoingEmailFactory.create(created_at=ago(days=400))
    recent = OutgoingEmailFactory.create(
        status=OutgoingEmail.Status.SENT, sent_at=ago(days=300), created_at=ago(days=300)
    )

    retention_apply()

    assert set(OutgoingEmail.objects.all()) == {old_queued, recent}
    assert not OutgoingEmail.objects.filter(pk=old.pk).exists()


def test_login_records_older_than_90_days_are_deleted() -> None:
    common: dict[str, Any] = {"ip_address": "192.0.2.1", "user_agent": "x"}
    old = AccessLog.objects.create(username="old@example.org", **common)
    new = AccessLog.objects.create(username="new@example.org", **common)
    # The time is set on creation, whatever is passed.
    AccessLog.objects.filter(pk=old.pk).update(attempt_time=ago(days=91))
    AccessLog.objects.filter(pk=new.pk).update(attempt_time=ago(days=89))

    retention_apply()

    assert list(AccessLog.objects.values_list("username", flat=True)) == ["new@example.org"]


def test_old_history_of_a_deleted_object_goes_and_of_a_live_one_loses_its_author() -> None:
    member = UserFactory.create()
    live = OrganisationFactory.create()
    gone = OrganisationFactory.create()
    Version.objects.filter(object_id__in=[live.pk, gone.pk]).update(
        created_at=ago(days=6 * 365), created_by=member
    )
    gone_pk = gone.pk
    Organisation.objects.filter(pk=gone_pk).delete()
    recent = Version.objects.create(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=gone_pk,
        data={},
        created_by=member,
    )

    retention_apply()

    organisation_versions = Version.objects.filter(
        content_type=ContentType.objects.get_for_model(Organisation)
    )
    assert not organisation_versions.filter(object_id=gone_pk).exclude(pk=recent.pk).exists()
    assert organisation_versions.filter(pk=recent.pk, created_by=member).exists()
    kept = organisation_versions.get(object_id=live.pk)
    assert kept.created_by is None


def test_anonymous_drafts_go_a_year_after_their_campaign_closed() -> None:
    closed_long_ago = CampaignFactory.create(opens_at=ago(days=800), closes_at=ago(days=400))
    closed_lately = CampaignFactory.create(opens_at=ago(days=800), closes_at=ago(days=100))
    old_draft = AnswerSetFactory.create(campaign=closed_long_ago, origin=AnswerSet.Origin.ANONYMOUS)
    submitted = AnswerSetFactory.create(
        campaign=closed_long_ago,
        origin=AnswerSet.Origin.ANONYMOUS,
        status=AnswerSet.Status.SUBMITTED,
        submitted_at=ago(days=500),
    )
    recent_draft = AnswerSetFactory.create(
        campaign=closed_lately, origin=AnswerSet.Origin.ANONYMOUS
    )

    retention_apply()

    assert set(AnswerSet.objects.all()) == {submitted, recent_draft}
    assert not AnswerSet.objects.filter(pk=old_draft.pk).exists()


def test_the_command_reports_and_a_second_run_changes_nothing() -> None:
    OutgoingEmailFactory.create(
        status=OutgoingEmail.Status.SENT, sent_at=ago(days=400), created_at=ago(days=400)
    )
    first, second = StringIO(), StringIO()

    call_command("apply_retention", stdout=first)
    call_command("apply_retention", stdout=second)

    assert "mail deleted: 1" in first.getvalue()
    assert "mail deleted: 0" in second.getvalue()
    assert "history anonymised: 0" in second.getvalue()


def test_the_privacy_notice_states_the_periods(client: Any) -> None:
    content = client.get("/en/privacy/").content.decode()

    assert "How long we keep data" in content
    assert "Login records: 90 days." in content
