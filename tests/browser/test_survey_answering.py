"""Answering the survey in the browser: a member answers the first page,
saves and leaves in the middle of the second, logs in again another time,
returns where they stopped, finishes and submits. Axe runs on every page."""

import re
from typing import Any

from playwright.sync_api import expect

from survey.models import AnswerSet
from tests.browser.conftest import check
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.survey.factories import survey_questionnaire


def survey_log_in(page: Any, visit: Any, next_path: str) -> None:
    visit(f"/en/accounts/login/?next={next_path}")
    page.get_by_label(re.compile(r"^\s*Email")).fill("chiara@example.org")
    page.get_by_label(re.compile(r"^\s*Password")).fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(re.escape(next_path) + "$"))
    check(page)


def test_a_member_answers_leaves_in_the_middle_and_finishes_another_day(
    page: Any, visit: Any
) -> None:
    member = UserFactory.create(email="chiara@example.org")
    organisation = OrganisationFactory.create(name="Vicolo Design", members=[member])
    survey = survey_questionnaire(slug="indagine-2026", title_en="2026 survey")
    campaign_path = "/en/survey/indagine-2026/"

    visit("/en/survey/")
    page.get_by_role("link", name="2026 survey").click()
    expect(page).to_have_url(re.compile(campaign_path + "$"))
    check(page)
    page.get_by_role("link", name="Log in to answer for your organisation").click()
    page.get_by_label(re.compile(r"^\s*Email")).fill("chiara@example.org")
    page.get_by_label(re.compile(r"^\s*Password")).fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(campaign_path + "$"))
    check(page)
    page.get_by_role("button", name="Answer or continue").click()

    # Page 1 of 2 (then the summary), the profile's facts not asked again.
    expect(page.get_by_text("Step 1 of 3")).to_be_visible()
    expect(page.get_by_text("From the profile of Vicolo Design")).to_be_visible()
    check(page)
    # Bootstrap Italia draws the label over the box: click the label, as people do.
    page.get_by_role("group", name="Do you rent premises?").get_by_text("Yes").click()
    page.get_by_role("group", name="What do you need?").get_by_text("Space").click()
    page.get_by_role("group", name="How do you rate our services?").get_by_text("4 – good").click()
    page.get_by_role("button", name="Save and go on").click()

    # Page 2: a number out of bounds is refused, what was typed stays.
    expect(page.get_by_text("Step 2 of 3")).to_be_visible()
    check(page)
    page.get_by_label(re.compile("How many people work with you")).fill("900")
    page.get_by_label(re.compile("Which neighbourhood")).fill("Sottoripa")
    page.get_by_role("button", name="Save and go on").click()
    expect(page.get_by_text("The largest accepted is 500.")).to_be_visible()
    expect(page.get_by_label(re.compile("Which neighbourhood"))).to_have_value("Sottoripa")
    check(page)
    # The member stops here and logs out.
    page.get_by_role("button", name="Save and finish later").click()
    expect(page).to_have_url(re.compile(campaign_path + "$"))
    check(page)
    page.context.clear_cookies()

    # Another day, another login: back where they stopped, nothing lost.
    survey_log_in(page, visit, campaign_path)
    expect(page.get_by_text("answers started, not yet submitted")).to_be_visible()
    page.get_by_role("button", name="Answer or continue").click()
    expect(page.get_by_text("Step 2 of 3")).to_be_visible()
    expect(page.get_by_label(re.compile("Which neighbourhood"))).to_have_value("Sottoripa")
    check(page)
    page.get_by_label(re.compile("How many people work with you")).fill("6")
    page.get_by_role("button", name="Save and go on").click()

    # The summary, then submission.
    expect(page.get_by_role("heading", name="Your answers", level=1)).to_be_visible()
    check(page)
    expect(page.get_by_text("Sottoripa")).to_be_visible()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_text("Thank you: your answers are submitted.")).to_be_visible()
    check(page)

    answer_set = AnswerSet.objects.get()
    assert answer_set.is_submitted
    assert answer_set.organisation == organisation
    assert answer_set.campaign == survey.campaign
