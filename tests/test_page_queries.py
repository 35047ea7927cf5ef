"""The queries of each hot page when it is rendered (a member's visit, or an
anonymous one the page cache does not hold yet): counted exactly, so that one
query more, or a loop that queries per row, fails here before it shows in
`make bench`. Each page is counted with every cache empty, then again with the
fragments and reference data a running server keeps warm; a page whose count
grows with its rows counts more once a second batch of rows is added."""

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import LazySettings
from django.core.cache import cache
from django.test import Client

from actionplan.models import PartnerRole
from actionplan.services.plans import plan_publish
from survey.publishing import campaign_results_publish
from tests.actionplan.factories import ActionFactory, PartnerMemberFactory
from tests.contactpoint.factories import GuideFactory
from tests.contactpoint.factories_calls import FundingCallFactory, PremisesFactory
from tests.directory.factories import PartnerFactory, UserFactory
from tests.directory.helpers import page_text
from tests.directory.searchable import searchable, sector
from tests.survey.factories_results import results_answer, results_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered(settings: LazySettings) -> None:
    """Every request below is rendered: the page cache is off."""
    settings.PAGE_CACHE = False


# Queries with every cache empty, then warm.
Counts = tuple[int, int]


def organisations(batch: int) -> None:
    for number in range(5):
        searchable(
            name=f"Studio Fotografia {batch}-{number}",
            slug=f"studio-{batch}-{number}",
            primary_sector=sector("design"),
            sectors=[sector("cinema")],
        )


def calls(batch: int) -> None:
    for number in range(5):
        FundingCallFactory.create(sectors=[sector("design")], slug=f"call-{batch}-{number}")


def guides(batch: int) -> None:
    for number in range(5):
        GuideFactory.create(sectors=[sector("design")], slug=f"guide-{batch}-{number}")


def premises(batch: int) -> None:
    for number in range(5):
        PremisesFactory.create(sectors=[sector("design")], slug=f"premises-{batch}-{number}")


def count(client: Client, path: str, django_assert_num_queries: Any, expected: Counts) -> None:
    """The page's queries with every cache empty, then with them warm."""
    cold, warm = expected
    cache.clear()
    with django_assert_num_queries(cold):
        page_text(client, path)
    with django_assert_num_queries(warm):
        page_text(client, path)


HOT_PAGES: list[tuple[str, Callable[[int], None], Counts]] = [
    ("/it/", organisations, (8, 0)),
    ("/it/directory/", organisations, (5, 1)),
    ("/it/directory/?page=2&sector=design", organisations, (5, 1)),
    ("/it/directory/?q=fotografia", organisations, (4, 1)),
    ("/it/directory/studio-1-0/", organisations, (3, 0)),
    ("/it/sectors/design/", organisations, (9, 7)),
    ("/it/contact-point/calls/", calls, (4, 2)),
    ("/it/contact-point/guides/", guides, (3, 2)),
    ("/it/contact-point/premises/", premises, (4, 3)),
]


@pytest.mark.parametrize(("path", "rows", "expected"), HOT_PAGES)
def test_a_hot_page_makes_a_fixed_number_of_queries(
    client: Client,
    django_assert_num_queries: Any,
    path: str,
    rows: Callable[[int], None],
    expected: Counts,
) -> None:
    rows(1)
    count(client, path, django_assert_num_queries, expected)
    rows(2)
    count(client, path, django_assert_num_queries, expected)


def test_the_plans_pages_make_a_fixed_number_of_queries(
    client: Client, django_assert_num_queries: Any
) -> None:
    coordinator = PartnerMemberFactory.create(
        partner=PartnerFactory.create(name="Coordinating partner"),
        role=PartnerRole.EDITOR,
        is_coordinator=True,
    )
    action = ActionFactory.create(sectors=[sector("design")])
    ActionFactory.create_batch(4, theme=action.theme)
    plan = action.theme.plan
    plan_publish(plan=plan, by=coordinator.user)

    count(client, f"/it/action-plan/{plan.slug}/", django_assert_num_queries, (4, 2))
    count(client, "/it/action-plan/", django_assert_num_queries, (2, 1))


def test_the_survey_results_make_a_fixed_number_of_queries(
    client: Client, django_assert_num_queries: Any
) -> None:
    survey = results_campaign(slug="indagine")
    for _ in range(6):
        results_answer(survey, single="studio", multiple=("premises",), scale=4, number=3)
    campaign_results_publish(
        campaign=survey.campaign, by=UserFactory.create(is_staff=True, is_superuser=True)
    )

    count(client, "/it/survey/indagine/results/", django_assert_num_queries, (11, 2))
