"""The survey's statuses on the portal's one workflow: answer sets submitted and
reopened, results published and withdrawn, each step recorded; the campaign's
admin cannot publish around it."""

from http import HTTPStatus
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.test import Client
from django.urls import reverse

from creativecities.models import StateChange
from creativecities.workflow import TransitionError
from directory.models import User
from survey import publishing, services
from survey.models import AnswerSet, Campaign
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.survey.factories import (
    AnswerSetFactory,
    CampaignFactory,
    QuestionFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

Published = Campaign.ResultsStatus


def steps_of(obj: models.Model) -> list[tuple[str, str, str, int | None]]:
    """The object's recorded steps, oldest first: (step, from, to, by)."""
    return [
        (change.transition, change.source, change.target, change.created_by_id)
        for change in StateChange.objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
        ).order_by("created_at", "pk")
    ]


def answer_set_of_a_member() -> tuple[AnswerSet, User]:
    member = UserFactory.create()
    organisation = OrganisationFactory.create(members=[member])
    return AnswerSetFactory.create(organisation=organisation), member


def test_submitting_and_reopening_are_recorded_steps() -> None:
    answer_set, member = answer_set_of_a_member()

    services.answer_set_submit(answer_set=answer_set, by=member)
    answer_set.refresh_from_db()
    assert answer_set.status == AnswerSet.Status.SUBMITTED
    assert answer_set.submitted_by == member
    assert answer_set.submitted_at is not None

    services.answer_set_reopen(answer_set=answer_set, by=member)
    answer_set.refresh_from_db()
    assert answer_set.status == AnswerSet.Status.DRAFT

    assert steps_of(answer_set) == [
        ("submit", "draft", "submitted", member.pk),
        ("reopen", "submitted", "draft", member.pk),
    ]


def test_an_anonymous_submission_is_recorded_without_a_person() -> None:
    answer_set = AnswerSetFactory.create(origin=AnswerSet.Origin.ANONYMOUS)

    services.answer_set_submit(answer_set=answer_set, by=None)

    assert steps_of(answer_set) == [("submit", "draft", "submitted", None)]


def test_a_second_submission_and_reopening_a_draft_are_refused() -> None:
    answer_set, member = answer_set_of_a_member()
    services.answer_set_submit(answer_set=answer_set, by=member)

    with pytest.raises(TransitionError):
        services.answer_set_submit(answer_set=answer_set, by=member)
    services.answer_set_reopen(answer_set=answer_set, by=member)
    with pytest.raises(TransitionError):
        services.answer_set_reopen(answer_set=answer_set, by=member)

    assert [step for step, *_rest in steps_of(answer_set)] == ["submit", "reopen"]


def test_an_incomplete_submission_stays_a_draft_with_no_step_recorded() -> None:
    answer_set, member = answer_set_of_a_member()
    section = SectionFactory.create(campaign=answer_set.campaign)
    QuestionFactory.create(section=section, required=True, text_it="Quante persone?")

    with pytest.raises(ValidationError, match="Quante persone"):
        services.answer_set_submit(answer_set=answer_set, by=member)

    answer_set.refresh_from_db()
    assert answer_set.status == AnswerSet.Status.DRAFT
    assert steps_of(answer_set) == []


def test_publishing_and_withdrawing_are_recorded_steps(
    staff_user: User, django_capture_on_commit_callbacks: Any
) -> None:
    campaign = CampaignFactory.create()
    key = publishing.cluster_cache_key("en")
    cache.set(key, "old figures")

    with django_capture_on_commit_callbacks(execute=True):
        publishing.campaign_results_publish(campaign=campaign, by=staff_user)
    campaign.refresh_from_db()
    assert campaign.results_status == Published.PUBLISHED
    assert campaign.results_published_at is not None
    assert (
        cache.get(publishing.cluster_cache_key("en")) is None
    )  # the key follows the survey's version

    cache.set(publishing.cluster_cache_key("en"), "figures of the published campaign")
    with django_capture_on_commit_callbacks(execute=True):
        publishing.campaign_results_withdraw(campaign=campaign, by=staff_user)
    withdrawn = Campaign.objects.get(pk=campaign.pk)
    assert withdrawn.results_status == Published.UNPUBLISHED
    assert withdrawn.results_published_at is None
    assert cache.get(publishing.cluster_cache_key("en")) is None

    assert steps_of(campaign) == [
        ("publish_results", "unpublished", "published", staff_user.pk),
        ("withdraw_results", "published", "unpublished", staff_user.pk),
    ]


def test_publishing_twice_or_without_the_permission_is_refused(staff_user: User) -> None:
    campaign = CampaignFactory.create()
    with pytest.raises(PermissionDenied):
        publishing.campaign_results_publish(campaign=campaign, by=UserFactory.create(is_staff=True))
    campaign.refresh_from_db()
    assert campaign.results_status == Published.UNPUBLISHED
    assert steps_of(campaign) == []

    publishing.campaign_results_publish(campaign=campaign, by=staff_user)
    with pytest.raises(TransitionError):
        publishing.campaign_results_publish(campaign=campaign, by=staff_user)

    assert len(steps_of(campaign)) == 1


def test_the_campaign_form_cannot_publish(desk: Client) -> None:
    campaign = CampaignFactory.create()
    url = reverse("admin:survey_campaign_change", args=[campaign.pk])
    page = desk.get(url)
    assert page.status_code == HTTPStatus.OK
    form = page.context["adminform"].form
    assert "results_status" not in form.fields
    assert "results_published_at" not in form.fields
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(
        {
            "title_en": "Reworded survey",
            "results_status": Published.PUBLISHED,
            "results_published": "on",
            "results_published_at_0": "2020-01-01",
            "results_published_at_1": "10:00:00",
            "sections-TOTAL_FORMS": "0",
            "sections-INITIAL_FORMS": "0",
        }
    )
    for name in ("opens_at", "closes_at"):
        moment = getattr(campaign, name)
        data[f"{name}_0"], data[f"{name}_1"] = moment.date().isoformat(), "12:00:00"
        data.pop(name, None)

    response = desk.post(url, data)

    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    campaign.refresh_from_db()
    assert campaign.title_en == "Reworded survey"  # the form was saved...
    assert campaign.results_status == Published.UNPUBLISHED  # ...but published nothing
    assert campaign.results_published_at is None
    assert steps_of(campaign) == []


def test_the_admin_action_publishes_with_the_date_and_fresh_figures(
    desk: Client, staff_user: User, django_capture_on_commit_callbacks: Any
) -> None:
    campaign, already = CampaignFactory.create(), CampaignFactory.create()
    publishing.campaign_results_publish(campaign=already, by=staff_user)
    key = publishing.cluster_cache_key("it")
    cache.set(key, "old figures")

    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(
            reverse("admin:survey_campaign_changelist"),
            {"action": "publish_results_selected", "_selected_action": [campaign.pk, already.pk]},
            follow=True,
        )

    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Results published: 1." in page
    assert "Skipped: 1." in page
    campaign.refresh_from_db()
    assert campaign.results_status == Published.PUBLISHED
    assert campaign.results_published_at is not None
    assert cache.get(publishing.cluster_cache_key("it")) is None
    assert steps_of(campaign) == [("publish_results", "unpublished", "published", staff_user.pk)]
    assert len(steps_of(already)) == 1  # refused, not published again


def test_the_campaign_page_offers_the_step_its_status_allows(
    desk: Client, staff_user: User, django_capture_on_commit_callbacks: Any
) -> None:
    campaign = CampaignFactory.create()
    page = desk.get(reverse("admin:survey_campaign_change", args=[campaign.pk]))
    content = page.content.decode()
    key = publishing.cluster_cache_key("it")
    cache.set(key, "old figures")

    assert "Status: Not published" in content
    assert "Publish the results" in content
    assert "Withdraw the results" not in content
    publish = reverse("admin:survey_campaign_publish_results", args=[campaign.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert desk.post(publish).status_code == HTTPStatus.FOUND
    campaign.refresh_from_db()
    assert campaign.results_published
    assert campaign.results_published_at is not None
    assert cache.get(publishing.cluster_cache_key("it")) is None
    assert steps_of(campaign) == [("publish_results", "unpublished", "published", staff_user.pk)]


def test_staff_without_the_results_permission_cannot_publish_from_the_admin(
    client: Client,
) -> None:
    """A clerk who may edit campaigns but not read their results: no button,
    no action, and the step's address refuses."""
    clerk = UserFactory.create(is_staff=True)
    clerk.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="survey", codename__in=["view_campaign", "change_campaign"]
        )
    )
    client.force_login(clerk)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    campaign = CampaignFactory.create()

    page = client.get(reverse("admin:survey_campaign_change", args=[campaign.pk]))
    assert page.status_code == HTTPStatus.OK
    assert "Status: Not published" in page.content.decode()
    assert "Publish the results" not in page.content.decode()
    publish = reverse("admin:survey_campaign_publish_results", args=[campaign.pk])
    assert client.post(publish).status_code == HTTPStatus.FORBIDDEN
    client.post(
        reverse("admin:survey_campaign_changelist"),
        {"action": "publish_results_selected", "_selected_action": [campaign.pk]},
    )

    campaign.refresh_from_db()
    assert campaign.results_status == Published.UNPUBLISHED
    assert campaign.results_published_at is None
    assert steps_of(campaign) == []
