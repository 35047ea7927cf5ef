"""The survey from end to end: a member answers over two pages, leaves, comes
back in another login and finishes; the desk publishes; the public reads the
aggregate, a small figure shown as "fewer than 5"."""

import datetime
import re
from typing import Any

from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from directory.models import Organisation, Sector
from survey.models import AnswerSet
from tests.browser.conftest import assert_accessible, check
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.survey.factories_results import results_answer, results_campaign

PASSWORD = "a-long-test-password"


def survey_journey_log_in(context: Any, live_server: Any, email: str) -> Any:
    page = context.new_page()
    page.goto(live_server.url + "/en/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    return page


def test_member_answers_in_two_visits_desk_publishes_public_reads(
    browser: Any, live_server: Any, second_factor_code: Any
) -> None:
    now = timezone.now()
    survey = results_campaign(
        opens_at=now - datetime.timedelta(days=5), closes_at=now + datetime.timedelta(days=5)
    )
    first_sector, second_sector = Sector.objects.order_by("order")[:2]
    # Others answered already: 4 studios in the second sector, a figure to hide.
    for _ in range(4):
        results_answer(survey, sector=second_sector, single="studio", scale=3, number=2)
    for _ in range(8):
        results_answer(survey, sector=first_sector, single="home", scale=4, number=1)
    member = UserFactory(email="chiara@example.org")
    OrganisationFactory(name="Vicolo Design", primary_sector=first_sector, members=[member])
    campaign_path = f"/en/survey/{survey.campaign.slug}/"

    # First visit: the first page, then "finish later" in the middle of the second.
    first = browser.new_context(locale="en-GB")
    page = survey_journey_log_in(first, live_server, "chiara@example.org")
    page.goto(live_server.url + campaign_path)
    check(page)
    page.get_by_role("button", name="Answer or continue").click()
    check(page)
    # Bootstrap Italia draws the control on the label: click what people click.
    page.locator("label", has_text=re.compile("^home$")).click()
    page.locator("label", has_text=re.compile("^premises$")).click()
    page.locator(f'label[for="id_q{survey.scale.pk}_4"]').click()
    expect(page.get_by_role("radio", name="home")).to_be_checked()
    page.get_by_role("button", name="Save and go on").click()
    check(page)
    page.get_by_label("How many people work with you?").fill("3")
    page.get_by_role("button", name="Save and finish later").click()
    first.close()

    # Second visit, another login: the draft is there; finish and submit.
    second = browser.new_context(locale="en-GB")
    page = survey_journey_log_in(second, live_server, "chiara@example.org")
    page.goto(live_server.url + campaign_path)
    page.get_by_role("button", name="Answer or continue").click()
    check(page)
    if page.get_by_label("How many people work with you?").count():
        page.get_by_label("How many people work with you?").fill("3")
        page.get_by_label("One word?").fill("Lanternwork")
        page.get_by_role("button", name="Save and go on").click()
    check(page)
    page.get_by_role("button", name="Submit my answers").click()
    check(page)
    second.close()
    answer_set = AnswerSet.objects.get(organisation__name="Vicolo Design")
    assert answer_set.status == AnswerSet.Status.SUBMITTED
    assert answer_set.kind == Organisation.Kind.COMPANY

    # The desk publishes the results.
    staff = UserFactory(email="desk@example.org", is_staff=True)
    staff.groups.add(Group.objects.get(name="Desk staff"))
    code = second_factor_code(staff)  # her authenticator app, set up earlier
    desk = browser.new_context(locale="en-GB").new_page()
    desk.goto(live_server.url + "/admin/login/")
    desk.get_by_label("Email address").fill("desk@example.org")
    desk.get_by_label("Password").fill(PASSWORD)
    desk.get_by_role("button", name="Log in").click()
    desk.get_by_label("Code").fill(code)
    desk.get_by_role("button", name="Continue").click()
    desk.goto(live_server.url + f"/admin/survey-results/{survey.campaign.pk}/")
    expect(desk.get_by_text("Lanternwork")).to_be_visible()
    assert_accessible(desk)
    desk.get_by_role("button", name="Publish the results").click()
    expect(desk.get_by_role("link", name="public page")).to_be_visible()

    # The public reads the aggregate, the 4 studios hidden; so are the 13 answer
    # sets (13 = the 9 at home + the 4 studios: shown, they would give the 4 back).
    visitor = browser.new_context(locale="en-GB").new_page()
    visitor.goto(live_server.url + f"/en/survey/{survey.campaign.slug}/results/")
    check(visitor)
    expect(visitor.locator("h1")).to_contain_text("Results")
    expect(visitor.locator(".lead")).to_contain_text("hidden")
    visitor.get_by_text("By sector, kind and size").first.click()
    table = visitor.get_by_role("table", name=re.compile("Where do you work\\?, by Sector"))
    expect(table).to_contain_text("fewer than 5")
    expect(visitor.get_by_text("Lanternwork")).to_have_count(0)
    check(visitor)
    visitor.goto(live_server.url + "/en/cluster/")
    check(visitor)
    expect(visitor.get_by_role("link", name=survey.campaign.title_en)).to_be_visible()
