"""The whole portal's search (/it/cerca/, /en/search/): every kind of content,
grouped and ranked, in both languages, and whatever the address holds."""

import re
from http import HTTPStatus
from typing import Any

import pytest
from django.test import Client

from actionplan.models import PartnerRole
from actionplan.services.actions import action_update
from actionplan.services.plans import plan_publish
from contactpoint.models import Premises
from directory.models import Organisation
from tests.actionplan.factories import ActionFactory, PartnerMemberFactory
from tests.contactpoint.factories import GuideFactory
from tests.contactpoint.factories_calls import FundingCallFactory, PremisesFactory
from tests.directory.searchable import searchable

pytestmark = pytest.mark.django_db

# Every kind below mentions saffron: "zafferano" in Italian, "saffron" in English.


def publish(*actions: Any) -> None:
    coordinator = PartnerMemberFactory.create(is_coordinator=True)
    for plan in {action.theme.plan for action in actions}:
        plan_publish(plan=plan, by=coordinator.user)


@pytest.fixture
def saffron() -> dict[str, Any]:
    """One published thing of each kind about saffron."""
    action = ActionFactory.create(
        title="Saffron route across the partner cities",
        description="Zafferano e spezie: a route for food designers.",
    )
    publish(action)
    return {
        "organisation": searchable(
            name="Zafferano Studio",
            short_description_it="Grafica per l'industria del gusto.",
            short_description_en="Graphics for the food industry.",
        ),
        "guide": GuideFactory.create(
            title_it="Aprire una bottega dello zafferano",
            title_en="Opening a saffron shop",
            slug="bottega-zafferano",
        ),
        "call": FundingCallFactory.create(
            title_it="Bando zafferano ligure", title_en="Ligurian saffron call", slug="zafferano"
        ),
        "premises": PremisesFactory.create(
            title_it="Magazzino dello zafferano",
            title_en="Saffron warehouse",
            slug="magazzino-zafferano",
            kind=Premises.Kind.WAREHOUSE,
            floor_area=1200,
        ),
        "action": action,
    }


def headings(content: str) -> list[str]:
    return re.findall(r'<h2 id="kind-[a-z]+-title" class="h3">([^<]*)</h2>', content)


def test_every_kind_is_found_grouped_in_its_order(client: Client, saffron: Any) -> None:
    response = client.get("/it/cerca/", {"q": "zafferano"})

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert headings(content) == [
        "Organizzazioni",
        "Schede informative",
        "Bandi",
        "Spazi disponibili",
        "Azioni del Piano",
    ]
    for link in [
        f'href="/it/directory/{saffron["organisation"].slug}/">Zafferano Studio</a>',
        'href="/it/contact-point/guides/bottega-zafferano/">Aprire una bottega dello zafferano</a>',
        'href="/it/contact-point/calls/zafferano/">Bando zafferano ligure</a>',
        'href="/it/contact-point/premises/magazzino-zafferano/">Magazzino dello zafferano</a>',
    ]:
        assert link in content
    assert "1.200 m²" in content  # the floor area with Italian separators
    action = saffron["action"]
    plan = action.theme.plan
    assert (
        f'href="/it/action-plan/{plan.slug}/actions/{action.pk}/">'
        "Saffron route across the partner cities</a>"
    ) in content
    # The partners write actions in English: marked so on an Italian page.
    assert '<h3 class="h5 mb-1" lang="en">' in content


def test_in_english_at_its_own_address(client: Client, saffron: Any) -> None:
    content = client.get("/en/search/", {"q": "saffron"}).content.decode()

    assert headings(content) == [
        "Guides",
        "Funding calls",
        "Available premises",
        "Plan actions",
    ]
    assert "Opening a saffron shop" in content and "Saffron warehouse" in content
    assert "Aprire una bottega" not in content
    # The language switcher keeps the search.
    assert 'href="/it/cerca/?q=saffron"' in content
    assert client.get("/it/search/").status_code == HTTPStatus.NOT_FOUND


def test_names_and_titles_rank_before_descriptions(client: Client) -> None:
    searchable(name="Bottega Rossi", short_description_it="Ceramiche e zafferano.")
    searchable(name="Casa dello Zafferano", short_description_it="Spezie.")
    GuideFactory.create(title_it="Fiere ed esportazioni", body_it="Anche lo zafferano si esporta.")
    GuideFactory.create(title_it="Lo zafferano in Liguria")

    content = client.get("/it/cerca/", {"q": "zafferano", "kind": "organisations"}).content
    names = re.findall(r'<a href="/it/directory/[^"]+/">([^<]+)</a>', content.decode())
    assert names == ["Casa dello Zafferano", "Bottega Rossi"]
    content = client.get("/it/cerca/", {"q": "zafferano", "kind": "guides"}).content
    titles = re.findall(r'<a href="/it/contact-point/guides/[^"]+/">([^<]+)</a>', content.decode())
    assert titles == ["Lo zafferano in Liguria", "Fiere ed esportazioni"]


def test_only_what_the_public_may_read_is_found(client: Client, saffron: Any) -> None:
    searchable(name="Zafferano in attesa", status=Organisation.Status.PENDING)
    GuideFactory.create(title_it="Zafferano in bozza", published=False)
    FundingCallFactory.create(title_it="Bando zafferano non pubblicato", is_published=False)
    PremisesFactory.create(title_it="Zafferano nascosto", is_published=False)
    # An edit after publishing stays out until the next publication.
    action = saffron["action"]
    editor = PartnerMemberFactory.create(partner=action.lead_partner, role=PartnerRole.EDITOR)
    action_update(action=action, data={"title": "Zafferano draft title"}, by=editor.user)
    ActionFactory.create(theme=action.theme, title="Zafferano draft action")

    content = client.get("/it/cerca/", {"q": "zafferano"}).content.decode()

    assert "Zafferano Studio" in content and "Saffron route across the partner cities" in content
    for hidden in [
        "Zafferano in attesa",
        "Zafferano in bozza",
        "non pubblicato",
        "Zafferano nascosto",
        "Zafferano draft",
    ]:
        assert hidden not in content

    publish(action)
    content = client.get("/it/cerca/", {"q": "zafferano"}).content.decode()
    assert "Zafferano draft title" in content and "Zafferano draft action" in content


def test_see_all_leads_to_each_kinds_own_list(client: Client) -> None:
    for number in range(7):
        searchable(name=f"Zafferano {number}")
        FundingCallFactory.create(title_it=f"Bando zafferano {number}")
    FundingCallFactory.create(title_it="Bando per la ceramica")
    action = ActionFactory.create(title="Saffron 0")
    ActionFactory.create_batch(6, theme=action.theme, title="Saffron more")
    publish(action)

    content = client.get("/it/cerca/", {"q": "zafferano"}).content.decode()
    assert content.count('<li class="portal-hit">') == 10  # five of each kind
    assert (
        '<a class="portal-search-more"\n               href="/it/directory/?q=zafferano">'
        in content
    )
    assert "Vedi tutti i 7 risultati in Organizzazioni" in content
    calls = client.get("/it/contact-point/calls/", {"q": "zafferano"}).content.decode()
    assert "Bandi trovati: 7" in calls and "ceramica" not in calls

    content = client.get("/it/cerca/", {"q": "saffron"}).content.decode()
    assert 'href="?q=saffron&amp;kind=actions"' in content
    actions = client.get("/it/cerca/", {"q": "saffron", "kind": "actions"}).content.decode()
    assert "Azioni del Piano: 7" in actions
    assert actions.count('<li class="portal-hit">') == 7


def test_the_premises_list_narrows_to_the_words(client: Client) -> None:
    PremisesFactory.create(title_it="Laboratorio di zafferano")
    PremisesFactory.create(title_it="Ufficio in centro")

    content = client.get("/it/contact-point/premises/", {"q": "zafferano"}).content.decode()

    assert "Laboratorio di zafferano" in content and "Ufficio in centro" not in content


@pytest.mark.parametrize(
    "query",
    [
        "q=%00zafferano%1b%7f",
        "q=zafferano&kind=no-such-kind&page=abc",
        "q=zafferano&kind=calls&page=99999999999",
        "q=%ff%fezafferano",
        "q=second&q=zafferano",
        "q=zafferano&kind=guides&kind=calls",
    ],
)
def test_odd_addresses_are_answered(client: Client, saffron: Any, query: str) -> None:
    response = client.get(f"/it/cerca/?{query}")

    assert response.status_code == HTTPStatus.OK
    assert "Bando zafferano ligure" in response.content.decode()


def test_a_search_of_ten_kilobytes_is_cut_with_a_message(client: Client, saffron: Any) -> None:
    response = client.get("/it/cerca/", {"q": "zafferano " + "x" * 10_000})

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Una ricerca è lunga al massimo 200 caratteri" in content
    assert "x" * 201 not in content
    assert re.search(r'value="zafferano x{190}"', content)


def test_words_without_letters_find_nothing_rather_than_everything(
    client: Client, saffron: Any
) -> None:
    content = client.get("/it/cerca/", {"q": "!!! ???"}).content.decode()

    assert "Nessun risultato per “!!! ???”." in content
    assert "Zafferano Studio" not in content


def test_without_words_the_page_says_what_to_type(client: Client, saffron: Any) -> None:
    content = client.get("/it/cerca/").content.decode()

    assert "Scrivi che cosa cerchi" in content and "Zafferano Studio" not in content


def test_the_page_escapes_what_was_typed(client: Client) -> None:
    content = client.get("/it/cerca/", {"q": '<script>alert("x")</script>'}).content.decode()

    assert "<script>alert" not in content and "&lt;script&gt;alert" in content


def test_a_search_costs_a_query_per_kind(
    client: Client, saffron: Any, django_assert_max_num_queries: Any
) -> None:
    client.get("/it/cerca/", {"q": "zafferano"})  # the sectors and places, cached
    # Five kinds, and the plans of the actions found.
    with django_assert_max_num_queries(6):
        response = client.get("/it/cerca/", {"q": "zafferano"})
    assert response.status_code == HTTPStatus.OK


def test_the_missing_page_offers_the_search(client: Client) -> None:
    for path, action in [("/it/no-such-page/", "/it/cerca/"), ("/en/nope/", "/en/search/")]:
        response = client.get(path)
        assert response.status_code == HTTPStatus.NOT_FOUND
        main = response.content.decode().partition("<main")[2]
        assert f'action="{action}"' in main and 'name="q"' in main


def test_a_premises_floor_area_reads_with_the_languages_separators(client: Client) -> None:
    PremisesFactory.create(title_it="Capannone", slug="capannone", floor_area=1200)
    for path in ("/it/contact-point/premises/", "/it/contact-point/premises/capannone/"):
        content = client.get(path).content.decode()
        assert "1.200 m²" in content, path
        assert "1200 m²" not in content, path
