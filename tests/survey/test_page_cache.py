"""The survey's pages in the page cache: its public results follow the
publication and every answer set, and a campaign's dates the header's link on
every page."""

from http import HTTPStatus
from typing import Any

import pytest
from django.test import Client

from survey import schedule
from survey.publishing import campaign_results_publish, campaign_results_withdraw
from tests.directory.factories import UserFactory
from tests.directory.helpers import page_kept, page_text
from tests.survey.factories import CampaignFactory
from tests.survey.factories_results import results_answer, results_campaign

pytestmark = pytest.mark.django_db


def test_the_results_follow_their_publication_and_every_answer_set(
    client: Client, django_assert_num_queries: Any
) -> None:
    staff = UserFactory.create(is_staff=True, is_superuser=True)
    survey = results_campaign(slug="indagine-2026", title_en="Survey 2026")
    for _ in range(6):
        results_answer(survey, single="studio")
    path = "/en/survey/indagine-2026/results/"
    assert client.get(path).status_code == HTTPStatus.NOT_FOUND

    campaign_results_publish(campaign=survey.campaign, by=staff)
    assert "Organisations that answered: <strong>6" in " ".join(
        page_kept(client, path, django_assert_num_queries).split()
    )
    assert "Survey 2026" in page_kept(client, "/en/cluster/", django_assert_num_queries)

    results_answer(survey, single="home")
    assert "Organisations that answered: <strong>7" in " ".join(page_text(client, path).split())

    campaign_results_withdraw(campaign=survey.campaign, by=staff)
    assert client.get(path).status_code == HTTPStatus.NOT_FOUND
    assert "Survey 2026" not in page_text(client, "/en/cluster/")


def test_a_campaign_opening_shows_the_surveys_link_on_every_page(
    client: Client, django_assert_num_queries: Any
) -> None:
    paths = ["/en/", "/en/directory/", "/en/partners/"]
    # The header's quick link, there while a campaign is open (the menu always
    # leads to the survey's page).
    link = 'href="/en/survey/"><span>Answer the survey</span>'
    for path in paths:
        assert link not in page_kept(client, path, django_assert_num_queries)

    CampaignFactory.create()
    schedule.refresh()  # as the admin's save does

    for path in paths:
        assert link in page_text(client, path), path
