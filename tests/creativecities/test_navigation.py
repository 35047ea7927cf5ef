"""The site's structure (creativecities/navigation.py): every place exists, and
every content page's breadcrumb trail follows the hierarchy without a gap."""

import re
from html import unescape
from http import HTTPStatus
from typing import Any

import pytest
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import translation

from actionplan.services.plans import plan_publish
from creativecities import navigation
from tests.actionplan.factories import ActionFactory, PartnerMemberFactory
from tests.contactpoint.factories import GuideFactory
from tests.contactpoint.factories_calls import FundingCallFactory, PremisesFactory
from tests.directory.factories import OrganisationFactory, UserFactory


def url_names() -> set[str]:
    """Every URL name of the project, with its namespace ("contactpoint:call")."""
    names: set[str] = set()

    def walk(resolver: Any, prefix: str) -> None:
        for name in resolver.reverse_dict:
            if isinstance(name, str):
                names.add(prefix + name)
        for namespace, (_pattern, inner) in resolver.namespace_dict.items():
            walk(inner, f"{prefix}{namespace}:")

    walk(get_resolver(), "")
    return names


def test_every_place_and_every_objects_page_is_a_url_of_the_site() -> None:
    known = url_names()
    assert set(navigation.NODES) - known == set()
    assert set(navigation.DETAILS) - known == set()
    for name, node in navigation.NODES.items():
        assert node.place.url, name  # reversible without arguments


def test_a_trail_goes_through_every_level() -> None:
    with translation.override("it"):
        crumbs = navigation.trail("contactpoint:premises_map")
        below = navigation.trail("actionplan:plans", "Il piano", "/it/action-plan/p/", "Azione")
    assert [(str(c.label), c.url) for c in crumbs] == [
        ("Home", "/it/"),
        ("Sportello", "/it/contact-point/"),
        ("Spazi disponibili", "/it/contact-point/premises/"),
        ("Mappa degli spazi", ""),
    ]
    assert [(str(c.label), c.url) for c in below] == [
        ("Home", "/it/"),
        ("Piano d'azione", "/it/action-plan/"),
        ("Il piano", "/it/action-plan/p/"),
        ("Azione", ""),
    ]
    with pytest.raises(KeyError):
        navigation.trail("no:such-place")
    with pytest.raises(ValueError, match="ends with the page's own label"):
        navigation.trail("actionplan:plans", "Il piano", "/it/action-plan/p/")


def test_an_objects_page_belongs_to_its_list_and_section() -> None:
    assert navigation.place_of("contactpoint:call") == "contactpoint:calls"
    assert navigation.section_of("contactpoint:call") == "contactpoint:home"
    assert navigation.section_of("actionplan:benchmark") == "data"
    assert navigation.section_of("survey_results:public") == "data"
    assert navigation.section_of("directory:sector") == "directory:list"
    assert navigation.section_of("directory:account") is None
    assert navigation.section_of("directory:home") is None


TRAIL = re.compile(r'<ol class="breadcrumb" data-element="breadcrumb">(.*?)</ol>', re.S)


def trail_of(client: Client, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == HTTPStatus.OK, path
    found = TRAIL.search(response.content.decode())
    assert found, f"no breadcrumbs on {path}"
    items = re.findall(r'<li class="breadcrumb-item[^"]*"[^>]*>(.*?)</li>', found.group(1), re.S)
    texts = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", item)).strip() for item in items]
    return [unescape(text.removesuffix("/").strip()) for text in texts]


@pytest.mark.django_db
def test_every_content_page_shows_its_whole_trail(client: Client) -> None:
    premises = PremisesFactory.create(title_it="Studio in via del Campo")
    call = FundingCallFactory.create(title_it="Bando per i designer")
    guide = GuideFactory.create(title_it="Aprire uno studio")
    organisation = OrganisationFactory.create(name="Studio Nervi")
    action = ActionFactory.create(title="Map vacant premises")
    plan = action.theme.plan
    plan_publish(plan=plan, by=PartnerMemberFactory.create(is_coordinator=True).user)
    plan_title = plan.title_it

    expected = {
        "/it/contact-point/": ["Home", "Sportello"],
        "/it/contact-point/premises/": ["Home", "Sportello", "Spazi disponibili"],
        f"/it/contact-point/premises/{premises.slug}/": [
            "Home",
            "Sportello",
            "Spazi disponibili",
            "Studio in via del Campo",
        ],
        f"/it/contact-point/calls/{call.slug}/": [
            "Home",
            "Sportello",
            "Bandi",
            "Bando per i designer",
        ],
        f"/it/contact-point/guides/{guide.slug}/": [
            "Home",
            "Sportello",
            "Schede informative",
            "Aprire uno studio",
        ],
        "/it/contact-point/ask/": ["Home", "Sportello", "Chiedi allo sportello"],
        "/it/action-plan/": ["Home", "Piano d'azione"],
        f"/it/action-plan/{plan.slug}/": ["Home", "Piano d'azione", plan_title],
        f"/it/action-plan/{plan.slug}/actions/{action.pk}/": [
            "Home",
            "Piano d'azione",
            plan_title,
            "Map vacant premises",
        ],
        "/it/data/": ["Home", "Dati e indagine"],
        "/it/action-plan/benchmark/": ["Home", "Dati e indagine", "Confronto tra le città"],
        "/it/cluster/": ["Home", "Dati e indagine", "Numeri del cluster"],
        "/it/survey/": ["Home", "Dati e indagine", "Indagine"],
        "/it/directory/": ["Home", "Elenco"],
        "/it/directory/map/": ["Home", "Elenco", "Mappa del cluster"],
        f"/it/directory/{organisation.slug}/": ["Home", "Elenco", "Studio Nervi"],
        "/it/sectors/": ["Home", "Elenco", "Settori"],
        "/it/sectors/cinema/": ["Home", "Elenco", "Settori", "Cinema"],
        "/it/partners/": ["Home", "Rete"],
        "/it/cerca/": ["Home", "Cerca"],
        "/it/privacy/": ["Home", "Informativa sulla privacy"],
        "/it/legal-notes/": ["Home", "Note legali"],
        "/it/site-map/": ["Home", "Mappa del sito"],
        "/it/accounts/login/": ["Home", "Accedi"],
    }
    for path, crumbs in expected.items():
        assert trail_of(client, path) == crumbs, path


@pytest.mark.django_db
def test_a_members_pages_sit_under_the_account(client: Client) -> None:
    member = UserFactory.create()
    organisation = OrganisationFactory.create(members=[member])
    client.force_login(member)

    assert trail_of(client, "/it/account/") == ["Home", "Il tuo account"]
    assert trail_of(client, f"/it/directory/{organisation.slug}/edit/") == [
        "Home",
        "Il tuo account",
        "Modifica il profilo",
    ]
    assert trail_of(client, reverse("password_change"))[:2] == ["Home", "Il tuo account"]


@pytest.mark.django_db
def test_each_sections_page_leads_to_the_pages_under_it(client: Client) -> None:
    """The bar shows the sections alone on a wide screen: their pages link the rest."""
    with translation.override("it"):
        sections = [
            (place.url, [child.url for child in place.children]) for place in navigation.SECTIONS
        ]
    for url, children in sections:
        main = client.get(url).content.decode().partition("<main")[2]
        for child in children:
            assert f'href="{child}' in main, (url, child)
