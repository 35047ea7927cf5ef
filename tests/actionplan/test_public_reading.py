"""What the public plan pages say where a value or a translation is missing: an
indicator without a value yet, and texts written in one language only."""

import datetime
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from actionplan.models import Action, PartnerMember
from actionplan.services.plans import plan_publish
from tests.actionplan.factories import IndicatorFactory, IndicatorUpdateFactory

pytestmark = pytest.mark.django_db


def plan_pages(action: Action, language: str) -> list[str]:
    slug = action.theme.plan.slug
    names: list[tuple[str, dict[str, object]]] = [
        ("plan", {"slug": slug}),
        ("print", {"slug": slug}),
        ("action", {"slug": slug, "action_id": action.pk}),
    ]
    return [f"/{language}" + reverse(f"actionplan:{n}", kwargs=k)[3:] for n, k in names]


@pytest.fixture
def published_action(plan_action_a: Action, plan_coordinator: PartnerMember) -> Action:
    """An action begun long ago with an indicator measured once and one never
    measured (so behind schedule, with no share to show); then published."""
    plan_action_a.title = "Map vacant premises"
    plan_action_a.description = "Know which empty shops could host creative firms."
    plan_action_a.starts_on = datetime.date(2020, 1, 1)
    plan_action_a.save()
    measured = IndicatorFactory.create(action=plan_action_a, name="Premises mapped")
    IndicatorUpdateFactory.create(indicator=measured, value=Decimal(40))
    IndicatorFactory.create(
        action=plan_action_a, name="Mentoring pairs", target_date=datetime.date(2030, 1, 1)
    )
    theme = plan_action_a.theme
    theme.description_it = ""
    theme.description_en = ""
    theme.description_it = "Spazi per chi crea."
    theme.save()
    plan_publish(plan=theme.plan, by=plan_coordinator.user)
    return plan_action_a


@pytest.mark.parametrize(
    ("language", "no_value", "share"),
    [
        ("it", "Nessun valore ancora misurato.", "40% del percorso verso l'obiettivo."),
        ("en", "No value measured yet.", "40% of the way to the target."),
    ],
)
def test_an_indicator_with_no_value_yet_says_so(
    client: Client, published_action: Action, language: str, no_value: str, share: str
) -> None:
    for url in plan_pages(published_action, language):
        body = client.get(url).content.decode()
        assert share in body, url
        assert no_value in body, url
        assert "None" not in body, url


def test_english_texts_are_marked_as_english_on_italian_pages(
    client: Client, published_action: Action
) -> None:
    plan_url, print_url, action_url = plan_pages(published_action, "it")
    for url in (plan_url, print_url):
        body = client.get(url).content.decode()
        assert re.search(r'<h3[^>]*lang="en"[^>]*>\s*(<a [^>]*>)?Map vacant premises', body), url
        assert re.search(r'<p[^>]*lang="en">Know which empty shops', body), url
        assert re.search(r'<strong lang="en">Mentoring pairs</strong>', body), url
        # The note once per action; the Italian interface around it unmarked.
        assert body.count("Testo disponibile solo in inglese") == 1, url
        assert "Indicatori" in body
    body = client.get(action_url).content.decode()
    assert re.search(r'<h1 lang="en">Map vacant premises</h1>', body)
    assert body.count("Testo disponibile solo in inglese") == 1


def test_on_english_pages_english_texts_are_unmarked_and_italian_fallbacks_marked(
    client: Client, published_action: Action
) -> None:
    plan_url, _print_url, _action_url = plan_pages(published_action, "en")
    body = client.get(plan_url).content.decode()

    assert "Map vacant premises" in body
    assert 'lang="en"' not in body.split("<main", 1)[1]
    assert "Text available only in English" not in body
    # The theme has no English description: the Italian one is shown, marked.
    assert re.search(r'<p lang="it">Spazi per chi crea.</p>', body)
    assert body.count("Text available only in Italian") == 1
