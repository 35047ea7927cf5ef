"""Guides' Markdown: rendered, and never a way to run script in a visitor's page."""

from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from django.test import Client

from creativecities.markdown import Section, render_markdown, render_sections
from tests.contactpoint.factories import GuideFactory


class DeskTagCollector(HTMLParser):
    """The elements and attributes a browser would build from the HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def desk_elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = DeskTagCollector()
    parser.feed(html)
    return parser.tags


def test_markdown_headings_lists_and_links_are_rendered() -> None:
    html = render_markdown("# Title\n\n## Steps\n\n- one\n- **two**\n\n[SUAP](https://example.org)")

    assert "<h2>Title</h2>" in html  # the page has its own h1
    assert "<h2>Steps</h2>" in html
    assert "<li><strong>two</strong></li>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">SUAP</a>' in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('x')</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        '<a href="javascript:alert(1)">click</a>',
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    ],
)
def test_script_and_script_links_never_survive(text: str) -> None:
    html = render_markdown(f"Before\n\n{text}\n\nAfter")

    elements = desk_elements(html)
    assert {tag for tag, _attrs in elements} <= {"p", "a"}
    for _tag, attrs in elements:
        assert not any(name.startswith("on") for name in attrs)
        assert not attrs.get("href", "").lower().startswith(("javascript:", "data:"))
    assert "After" in html  # the rest of the guide is still there


@pytest.mark.django_db
def test_guide_page_shows_the_body_sanitised(client: Client) -> None:
    guide = GuideFactory.create(
        body_en="## Apply\n\n<script>alert('x')</script>\n\n[Form](javascript:alert(1)) and"
        " [SUAP](https://suap.example)"
    )

    response = client.get(f"/en/contact-point/guides/{guide.slug}/")

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<h2>Apply</h2>" in content
    assert "&lt;script&gt;" in content  # shown as text, not run
    body = content[content.index('class="portal-guide-body"') :]
    body = body[: body.index("</div>")]
    elements = desk_elements(body)
    assert ("script", {}) not in elements
    hrefs = [attrs.get("href", "") for tag, attrs in elements if tag == "a"]
    assert hrefs == ["https://suap.example"]


def test_sections_get_anchors_for_the_page_index() -> None:
    rendered = render_sections(
        "# Titolare del *trattamento*\n\nTesto.\n\n## Finalità\n\n### Dettaglio\n\n## Finalità"
    )

    assert rendered.sections == [
        Section("section-titolare-del-trattamento", "Titolare del trattamento"),
        Section("section-finalita", "Finalità"),
        Section("section-finalita-2", "Finalità"),
    ]
    assert '<h2 id="section-titolare-del-trattamento">' in rendered.html
    assert '<h2 id="section-finalita-2">Finalità</h2>' in rendered.html
    assert "<h3>Dettaglio</h3>" in rendered.html  # only top sections are indexed


def test_typed_html_never_sets_an_anchor_or_a_handler() -> None:
    rendered = render_sections('<h2 id="main-content" onclick="x()">Raw</h2>\n\n## Real')

    assert rendered.sections == [Section("section-real", "Real")]
    assert desk_elements(rendered.html) == [("p", {}), ("h2", {"id": "section-real"})]
