"""The footer of every page and the pages it leads to: institutional details,
legal notes, the accessibility statement in AgID's model, the privacy notice,
the site map and the EU funding attribution."""

import importlib
import re
from http import HTTPStatus

import pytest
from django.apps import apps
from django.conf import LazySettings
from django.test import Client

from directory.models import Page
from tests.contactpoint.factories import GuideFactory

pytestmark = pytest.mark.django_db

SITE_PAGES = importlib.import_module("directory.migrations.0035_site_pages_structure")

PAGES = [
    "/{lang}/",
    "/{lang}/directory/",
    "/{lang}/contact-point/",
    "/{lang}/contact-point/calls/",
    "/{lang}/action-plan/",
    "/{lang}/privacy/",
    "/{lang}/site-map/",
    "/{lang}/accounts/login/",
    "/{lang}/no-such-page/",
]


def footer(client: Client, url: str) -> str:
    content = client.get(url).content.decode()
    start = content.index('<footer class="it-footer"')
    return content[start : content.index("</footer>", start)]


@pytest.mark.parametrize("language", ["it", "en"])
def test_every_page_ends_with_the_legal_links_and_the_body_s_details(
    client: Client, language: str
) -> None:
    for url in (page.format(lang=language) for page in PAGES):
        part = footer(client, url)
        assert f'href="/{language}/privacy/" data-element="privacy-policy-link"' in part, url
        assert f'href="/{language}/legal-notes/"' in part, url
        assert f'href="/{language}/accessibility/"' in part, url
        assert 'data-element="accessibility-link"' in part, url
        assert f'href="/{language}/site-map/"' in part, url
        assert "Comune di Genova" in part and "Via Garibaldi 9, 16124 Genova" in part, url
        assert "00856930102" in part and "comunegenova@postemailcertificata.it" in part, url
        assert 'href="tel:+39010557111"' in part, url
        assert re.search(r'class="portal-eu-emblem"\s+src="/static/img/eu-emblem[.\w]*svg"', part)
    assert "Cofinanziato dall'Unione europea" in footer(client, "/it/")
    assert "Co-funded by the European Union" in footer(client, "/en/")


def test_the_footer_follows_the_settings(client: Client, settings: LazySettings) -> None:
    settings.INSTITUTION = {**settings.INSTITUTION, "name": "Città di Prova", "tax_code": "123"}
    settings.ACCESSIBILITY_STATEMENT_URL = "https://form.agid.gov.it/view/abc"

    part = footer(client, "/it/")

    assert "Città di Prova" in part and "123" in part
    assert 'href="https://form.agid.gov.it/view/abc"' in part
    assert 'data-element="accessibility-link"' in part


def test_the_legal_notes_give_the_content_licence(client: Client) -> None:
    italian = client.get("/it/legal-notes/")
    english = client.get("/en/legal-notes/").content.decode()

    assert italian.status_code == HTTPStatus.OK
    assert "<h1>Note legali</h1>" in italian.content.decode()
    assert "Creative Commons Attribuzione 4.0 Internazionale" in italian.content.decode()
    assert 'href="https://creativecommons.org/licenses/by/4.0/deed"' in english
    assert "<h1>Legal notes</h1>" in english


@pytest.mark.parametrize(
    ("language", "sections"),
    [
        (
            "it",
            [
                "Stato di conformità",
                "Contenuti non accessibili",
                "Redazione della dichiarazione di accessibilità",
                "Meccanismo di feedback e informazioni di contatto",
                "Procedura di attuazione",
            ],
        ),
        (
            "en",
            [
                "Conformity status",
                "Content that is not accessible",
                "Preparation of this accessibility statement",
                "Feedback and contact information",
                "Enforcement procedure",
            ],
        ),
    ],
)
def test_the_accessibility_statement_follows_agid_s_model(
    client: Client, language: str, sections: list[str]
) -> None:
    content = client.get(f"/{language}/accessibility/").content.decode()

    headings = re.findall(r'<h2 id="section-[^"]+">([^<]+)</h2>', content)
    assert [h for h in headings if h in sections] == sections
    assert 'href="https://form.agid.gov.it/"' in content
    assert f'href="/{language}/contact-point/ask/"' in content
    # The page's index links to each section.
    index = content[content.index('class="portal-page-index"') :]
    for anchor in re.findall(r'<h2 id="(section-[^"]+)">', content):
        assert f'href="#{anchor}"' in index


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "it",
            [
                "Titolare del trattamento",
                "Responsabile della protezione dei dati",
                "Finalità e basi giuridiche",
                "Per quanto tempo conserviamo i dati",
                "Destinatari dei dati",
                "I tuoi diritti",
                "Reclamo",
                "OpenStreetMap Foundation",
                "Garante per la protezione dei dati personali",
                "rpd@comune.genova.it",
            ],
        ),
        (
            "en",
            [
                "Controller",
                "Data protection officer",
                "Purposes and legal bases",
                "How long we keep data",
                "Recipients",
                "Your rights",
                "Complaints",
                "OpenStreetMap Foundation",
                "Garante per la protezione dei dati personali",
                "rpd@comune.genova.it",
            ],
        ),
    ],
)
def test_the_privacy_notice_is_complete(client: Client, language: str, words: list[str]) -> None:
    content = client.get(f"/{language}/privacy/").content.decode()

    for word in words:
        assert word in content, word
    for processing in ("Page ratings", "Valutazione delle pagine"):
        if processing.startswith("Page") == (language == "en"):
            assert processing in content


def test_the_privacy_notice_states_the_retention_the_portal_applies(
    client: Client, settings: LazySettings
) -> None:
    content = re.sub(r"\s+", " ", client.get("/it/privacy/").content.decode())
    retention = content[content.index('id="section-per-quanto-tempo-conserviamo-i-dati"') :]
    retention = retention[: retention.index('id="section-destinatari-dei-dati"')]

    assert f"dopo {settings.UNCONFIRMED_DRAFTS_DAYS} giorni" in retention
    assert f"anonimi dopo {settings.DESK_ANONYMISE_AFTER_MONTHS} mesi" in retention
    assert f"portale: {settings.RETENTION_MAIL_LOG_MONTHS} mesi" in retention
    assert f"accessi: {settings.RETENTION_LOGIN_RECORDS_DAYS} giorni" in retention
    assert f"modifiche: {settings.RETENTION_HISTORY_YEARS} anni" in retention
    assert f"cancellano {settings.RETENTION_SURVEY_DRAFTS_MONTHS} mesi dopo" in retention


def test_pages_staff_rewrote_are_left_as_they_are() -> None:
    privacy = Page.objects.get(slug="privacy")
    first = SITE_PAGES._first_texts()["privacy"]
    privacy.body_it = "Il nostro testo, scritto dallo staff."
    privacy.body_en = first["en"]
    privacy.save()
    Page.objects.filter(slug="legal").delete()

    SITE_PAGES.structure(apps, None)

    privacy.refresh_from_db()
    assert privacy.body_it == "Il nostro testo, scritto dallo staff."
    assert privacy.body_en == SITE_PAGES._texts()["privacy"]["en"]
    assert Page.objects.get(slug="legal").title_en == "Legal notes"


@pytest.mark.parametrize("language", ["it", "en"])
def test_the_site_map_lists_every_section_and_its_content(client: Client, language: str) -> None:
    guide = GuideFactory.create(title_it="Aprire uno studio", title_en="Opening a studio")

    content = client.get(f"/{language}/site-map/").content.decode()

    for url in [
        "directory/",
        "directory/map/",
        "sectors/cinema/",
        "contact-point/",
        "contact-point/calls/",
        "contact-point/guides/",
        "action-plan/",
        "action-plan/benchmark/",
        "survey/",
        "partners/",
        "privacy/",
        "legal-notes/",
        "accessibility/",
    ]:
        assert f'href="/{language}/{url}"' in content, url
    assert f'href="/{language}/contact-point/guides/{guide.slug}/"' in content
    assert ("Aprire uno studio" if language == "it" else "Opening a studio") in content
