"""The header's quick links name the survey while a campaign is open (the menu
always lists the survey's page under "Data and survey"; test_queries.py checks
the quick link costs pages with a query budget nothing)."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from tests.survey.factories import CampaignFactory

pytestmark = pytest.mark.django_db

SURVEY_LINK = 'href="/en/survey/"><span>Answer the survey</span>'


def test_the_home_page_links_to_an_open_campaign_and_then_every_page_does(
    client: Client,
) -> None:
    CampaignFactory()

    assert SURVEY_LINK not in client.get("/en/directory/").content.decode()  # cold cache
    assert SURVEY_LINK in client.get("/en/").content.decode()
    assert SURVEY_LINK in client.get("/en/partners/").content.decode()


def test_no_link_when_no_campaign_is_open(client: Client) -> None:
    now = timezone.now()
    CampaignFactory(
        opens_at=now - datetime.timedelta(days=30), closes_at=now - datetime.timedelta(days=1)
    )
    CampaignFactory(
        opens_at=now + datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=30)
    )

    assert SURVEY_LINK not in client.get("/en/").content.decode()


def test_earlier_surveys_link_their_published_results(client: Client) -> None:
    now = timezone.now()
    CampaignFactory(
        slug="survey-2025",
        opens_at=now - datetime.timedelta(days=400),
        closes_at=now - datetime.timedelta(days=300),
        results_status="published",
        results_published_at=now - datetime.timedelta(days=200),
    )

    page = client.get("/en/survey/").content.decode()

    assert 'href="/en/survey/survey-2025/results/"' in page
