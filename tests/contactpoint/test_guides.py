"""Guides: the public list (topic, search in both languages, pages), a guide's
page, suggestions for the enquiry form, the sector panel and the history."""

from http import HTTPStatus
from typing import Any

import pytest
from django.test import Client

from contactpoint.models import Guide, Topic
from contactpoint.services.guides import guides_suggested_for
from creativecities import history
from directory.models import Sector
from tests.contactpoint.factories import GuideFactory

pytestmark = pytest.mark.django_db


def desk_guide_titles(response: Any) -> list[str]:
    return [str(guide.title) for guide in response.context["page_obj"]]


@pytest.fixture
def desk_guides() -> dict[str, Guide]:
    return {
        "premises": GuideFactory.create(
            topic=Topic.SETTLING,
            title_it="Trovare uno spazio in affitto",
            title_en="Finding premises to rent",
            body_it="I laboratori artigiani del centro storico.",
            body_en="Workshops in the old town.",
        ),
        "permits": GuideFactory.create(
            topic=Topic.PERMITS,
            title_it="Aprire un'attività con la SCIA",
            title_en="Opening a business with a SCIA",
            summary_it="Segnalazione certificata di inizio attività.",
            summary_en="The certified notice of start of business.",
        ),
        "draft": GuideFactory.create(
            topic=Topic.PERMITS,
            title_it="Bozza sui permessi",
            title_en="Draft on permits",
            published=False,
        ),
    }


def test_list_shows_published_guides_only(client: Client, desk_guides: dict[str, Guide]) -> None:
    response = client.get("/en/contact-point/guides/")

    assert response.status_code == HTTPStatus.OK
    assert desk_guide_titles(response) == [
        "Finding premises to rent",
        "Opening a business with a SCIA",
    ]
    assert "Draft on permits" not in response.content.decode()


def test_topic_filter(client: Client, desk_guides: dict[str, Guide]) -> None:
    response = client.get("/en/contact-point/guides/?topic=permits")

    assert desk_guide_titles(response) == ["Opening a business with a SCIA"]
    assert "1 guide found" in response.content.decode()


def test_an_unknown_topic_is_ignored_not_an_error(
    client: Client, desk_guides: dict[str, Guide]
) -> None:
    response = client.get("/en/contact-point/guides/?topic=%00nope&page=x")

    assert response.status_code == HTTPStatus.OK
    assert len(desk_guide_titles(response)) == 2


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("laboratori", "Finding premises to rent"),  # Italian body, stemmed
        ("artigiano", "Finding premises to rent"),  # "artigiani" in the text
        ("workshop", "Finding premises to rent"),  # English body, stemmed
        ("segnalazione certificata", "Opening a business with a SCIA"),
        ("certified notice", "Opening a business with a SCIA"),
        ("attivita", "Opening a business with a SCIA"),  # accents folded
        ("SCI", "Opening a business with a SCIA"),  # the last word as a prefix
    ],
)
def test_search_finds_guides_in_both_languages(
    client: Client, desk_guides: dict[str, Guide], words: str, expected: str
) -> None:
    response = client.get("/en/contact-point/guides/", {"q": words})

    assert desk_guide_titles(response) == [expected]


# The fields of the guides' search vector (`Guide.search_document`).
WEIGHTED_FIELDS = ["title_it", "title_en", "summary_it", "summary_en", "body_it", "body_en"]
# A word as written in a guide, and another form of it that a search uses.
WORD_FORMS = {"it": ("ceramiche", "ceramica"), "en": ("potteries", "pottery")}


@pytest.mark.parametrize("field", WEIGHTED_FIELDS)
@pytest.mark.parametrize("page_language", ["it", "en"])
def test_a_guide_is_found_by_a_word_in_each_weighted_field(
    client: Client, field: str, page_language: str
) -> None:
    written, searched = WORD_FORMS[field.rsplit("_", 1)[1]]
    GuideFactory.create()  # without the word
    guide = GuideFactory.create(**{field: f"Laboratori e {written}"})

    # The stemmed word first: the last one is matched as a prefix, whatever the language.
    response = client.get(
        f"/{page_language}/contact-point/guides/", {"q": f"{searched} laboratori"}
    )

    assert [found.pk for found in response.context["page_obj"]] == [guide.pk]


def test_a_word_in_a_title_ranks_before_the_same_word_in_a_body(client: Client) -> None:
    in_body = GuideFactory.create(body_en="Glazes for potteries.")
    in_title = GuideFactory.create(title_en="Potteries")

    response = client.get("/en/contact-point/guides/", {"q": "pottery"})

    assert [found.pk for found in response.context["page_obj"]] == [in_title.pk, in_body.pk]


def test_search_never_finds_an_unpublished_guide(
    client: Client, desk_guides: dict[str, Guide]
) -> None:
    response = client.get("/en/contact-point/guides/", {"q": "permessi"})

    assert desk_guide_titles(response) == []
    content = response.content.decode()
    assert "No guide matches “permessi”." in content
    assert 'href="/en/contact-point/guides/">Show every guide' in content


def test_search_with_a_topic(client: Client, desk_guides: dict[str, Guide]) -> None:
    assert (
        desk_guide_titles(
            client.get("/en/contact-point/guides/", {"q": "scia", "topic": "settling"})
        )
        == []
    )
    assert desk_guide_titles(
        client.get("/en/contact-point/guides/", {"q": "scia", "topic": "permits"})
    ) == ["Opening a business with a SCIA"]


def test_search_follows_every_write_path(client: Client) -> None:
    guide = GuideFactory.create(title_en="Old words", title_it="Parole vecchie")

    guide.body_en = "Microcredit for designers."
    guide.save()

    assert desk_guide_titles(client.get("/en/contact-point/guides/", {"q": "microcredit"})) == [
        "Old words"
    ]


def test_empty_list_says_so(client: Client) -> None:
    content = client.get("/en/contact-point/guides/").content.decode()

    assert "No guide has been published yet." in content


def test_list_is_paginated(client: Client) -> None:
    for number in range(14):
        GuideFactory.create(title_en=f"Guide {number:02d}", title_it=f"Scheda {number:02d}")

    second = client.get("/en/contact-point/guides/?page=2")

    assert desk_guide_titles(second) == ["Guide 12", "Guide 13"]
    assert "14 guides found" in second.content.decode()


def test_guide_page_in_each_language(client: Client) -> None:
    sector = Sector.objects.get(slug="design")
    guide = GuideFactory.create(
        title_it="Incentivi per il design", title_en="Incentives for design", sectors=[sector]
    )

    english = client.get(f"/en/contact-point/guides/{guide.slug}/")
    italian = client.get(f"/it/contact-point/guides/{guide.slug}/")

    assert english.status_code == HTTPStatus.OK
    assert "<h1>Incentives for design</h1>" in english.content.decode()
    assert "<h1>Incentivi per il design</h1>" in italian.content.decode()
    assert 'href="/en/sectors/design/"' in english.content.decode()


def test_an_unpublished_guide_is_not_found(client: Client) -> None:
    published = GuideFactory.create()
    draft = GuideFactory.create(published=False)

    assert client.get(f"/en/contact-point/guides/{published.slug}/").status_code == HTTPStatus.OK
    assert client.get(f"/en/contact-point/guides/{draft.slug}/").status_code == HTTPStatus.NOT_FOUND


def test_guide_pages_make_few_queries(
    client: Client, desk_guides: dict[str, Guide], django_assert_max_num_queries: Any
) -> None:
    client.get("/en/contact-point/")  # the footer's contacts cached

    with django_assert_max_num_queries(3):
        client.get("/en/contact-point/guides/?q=scia")
    with django_assert_max_num_queries(3):
        client.get(f"/en/contact-point/guides/{desk_guides['permits'].slug}/")


def test_suggestions_for_an_enquiry(desk_guides: dict[str, Guide]) -> None:
    suggested = guides_suggested_for(
        "Buongiorno, cerco un laboratorio nel centro storico per la mia bottega"
    )
    unrelated = guides_suggested_for("Qual è il colore preferito dello staff?")

    assert [guide.pk for guide in suggested] == [desk_guides["premises"].pk]
    assert unrelated == []
    assert guides_suggested_for("   ") == []
    assert guides_suggested_for("SCIA", limit=1)[0].pk == desk_guides["permits"].pk


def test_sector_page_lists_the_sector_guides(client: Client) -> None:
    design = Sector.objects.get(slug="design")
    GuideFactory.create(title_en="For designers", sectors=[design])
    GuideFactory.create(title_en="For musicians", sectors=[Sector.objects.get(slug="cinema")])
    GuideFactory.create(title_en="Hidden draft", sectors=[design], published=False)

    content = client.get("/en/sectors/design/").content.decode()

    assert "Guides of the contact point" in content
    assert "For designers" in content
    assert "For musicians" not in content
    assert "Hidden draft" not in content


def test_every_change_of_a_guide_is_a_version(staff_user: Any) -> None:
    with history.changes(by=staff_user):
        guide = GuideFactory.create(title_en="First")
    guide.title_en = "Second"  # type: ignore[assignment]
    guide.save()

    versions = history.versions_of(guide)
    assert [version.data["title_en"] for version in versions] == ["Second", "First"]
