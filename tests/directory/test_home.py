"""The home page: a search first, then the blocks the apps add, in their order,
from one cached fragment."""

import datetime
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from actionplan.services.plans import plan_publish
from tests.actionplan.factories import ActionFactory, PartnerMemberFactory
from tests.contactpoint.factories import DeskContactFactory, GuideFactory
from tests.contactpoint.factories_calls import FundingCallFactory
from tests.directory.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now


@pytest.fixture
def home_content() -> dict[str, Any]:
    """Something for every block, and what each block leaves out."""
    days = datetime.timedelta(days=1)
    FundingCallFactory.create(title_it="Bando che chiude dopo", closes_at=NOW() + 20 * days)
    FundingCallFactory.create(title_it="Bando che chiude presto", closes_at=NOW() + 3 * days)
    FundingCallFactory.create(
        title_it="Bando non ancora aperto", opens_at=NOW() + 3 * days, closes_at=NOW() + 30 * days
    )
    FundingCallFactory.create(
        title_it="Bando chiuso", opens_at=NOW() - 30 * days, closes_at=NOW() - days
    )
    GuideFactory.create(title_it="Scheda rivista ieri", last_reviewed=datetime.date(2026, 1, 2))
    GuideFactory.create(title_it="Scheda in bozza", published=False)
    OrganisationFactory.create(name="Ultima Arrivata")
    action = ActionFactory.create(title="Shared workshop for designers")
    plan_publish(plan=action.theme.plan, by=PartnerMemberFactory.create(is_coordinator=True).user)
    DeskContactFactory.create()
    return {}


def test_the_home_page_shows_each_block_in_its_order(client: Client, home_content: Any) -> None:
    content = client.get("/it/").content.decode().partition("<main")[2]

    headings = [
        "Bandi in scadenza",
        "Le ultime schede dello sportello",
        "Da poco nel cluster",
        "Le ultime azioni del Piano di Azione Congiunto",
        "I settori del cluster",
        "Contatta lo sportello",
    ]
    positions = [content.index(f">{heading}</h2>") for heading in headings]
    assert positions == sorted(positions)
    assert content.index("Bando che chiude presto") < content.index("Bando che chiude dopo")
    for shown in [
        "Scheda rivista ieri",
        "Ultima Arrivata",
        "Shared workshop for designers",
        "Giovedì: 14–17",  # the desk's hours
        'href="tel:+390105571234"',
    ]:
        assert shown in content
    for left_out in ["Bando non ancora aperto", "Bando chiuso", "Scheda in bozza"]:
        assert left_out not in content
    # The hero's search, before every block.
    assert content.index('action="/it/cerca/"') < positions[0]


def test_an_empty_portal_shows_only_what_it_has(client: Client) -> None:
    content = client.get("/en/").content.decode()

    assert "Calls closing soon" not in content and "latest guides" not in content
    assert "The sectors of the cluster" in content and "Contact the desk" in content


def test_the_home_page_costs_nothing_once_its_blocks_are_cached(
    client: Client, home_content: Any, django_assert_max_num_queries: Any
) -> None:
    cache.clear()
    # Cold: a query per block (calls, guides, organisations, actions, the desk's
    # contacts; the sectors and the places of the cards to fill their own
    # caches) and the survey's schedule for the menu, whatever the number of rows.
    with django_assert_max_num_queries(8):
        client.get("/it/")
    with django_assert_max_num_queries(0):
        response = client.get("/it/")
    assert "Bando che chiude presto" in response.content.decode()
