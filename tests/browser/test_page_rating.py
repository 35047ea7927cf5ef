"""The page rating as a visitor meets it at the end of a guide, on a desktop and
on a phone, with JavaScript off as well as on: the stars, the follow-up, thanks;
laid out, with a visible focus, and axe clean at every step."""

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from directory.models import PageRating
from tests.browser.conftest import check
from tests.contactpoint.factories import GuideFactory

LAYOUT_PROBLEMS = (Path(__file__).parent / "layout_problems.js").read_text()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_a_visitor_rates_a_guide_and_says_what_was_hard(
    browser: Any, live_server: Any, width: int, javascript: bool
) -> None:
    guide = GuideFactory.create(title_it="Aprire uno studio")
    context = browser.new_context(
        viewport={"width": width, "height": 900}, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(live_server.url + guide.get_absolute_url())
    rating = page.locator("#page-rating")
    expect(rating.get_by_role("heading")).to_have_text(
        "Quanto sono chiare le informazioni su questa pagina?"
    )
    if javascript:
        check(page)
        # The stars are reached and chosen from the keyboard, with a visible focus.
        rating.get_by_label("Valuta 1 stella su 5").focus()
        page.keyboard.press("ArrowRight")
        focused = page.evaluate("() => document.activeElement.value")
        assert focused == "2"
        outline = page.evaluate(
            "() => getComputedStyle(document.activeElement.nextElementSibling).outlineStyle"
        )
        assert outline != "none"
    else:
        rating.locator('label[for="page-rating-2"]').click()

    rating.get_by_role("button", name="Valuta").click()

    expect(rating.get_by_text("Hai dato 2 stelle su 5.")).to_be_visible()
    expect(rating.get_by_text("Dove hai incontrato le maggiori difficoltà?")).to_be_visible()
    assert page.evaluate(LAYOUT_PROBLEMS) == []
    if javascript:
        check(page)
    rating.get_by_text("Ho avuto problemi tecnici").click()
    rating.get_by_label("Dettaglio").fill("Il modulo non si scarica.")
    rating.get_by_role("button", name="Invia").click()

    expect(rating.get_by_role("heading")).to_have_text(
        "Grazie, il tuo parere ci aiuterà a migliorare il servizio!"
    )
    stored = PageRating.objects.get()
    assert (stored.path, stored.stars, stored.aspect, stored.comment) == (
        f"/contact-point/guides/{guide.slug}/",
        2,
        "problems",
        "Il modulo non si scarica.",
    )
    context.close()
