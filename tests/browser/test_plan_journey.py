"""The Joint Action Plan's journey, as the partners live it: an editor updates
an action and records an indicator value, a user of another partner comments
during the consultation, the coordinator publishes, and the public plan page
shows the new version. axe runs on every page."""

import re
from decimal import Decimal
from typing import Any

from playwright.sync_api import expect

from actionplan.models import IndicatorUpdate, PartnerRole, PlanVersion
from actionplan.services.plans import plan_publish
from tests.actionplan.factories import (
    ActionFactory,
    IndicatorFactory,
    PartnerMemberFactory,
    PlanFactory,
    ThemeFactory,
)
from tests.browser.conftest import check
from tests.directory.factories import PartnerFactory


def plan_log_in(browser: Any, live_server: Any, email: str) -> Any:
    """A page of a new browser context, logged in through the portal's form."""
    page = browser.new_context(locale="en-GB").new_page()
    page.goto(live_server.url + "/en/accounts/login/")
    check(page)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    return page


def test_editor_updates_partner_comments_coordinator_publishes_public_sees_it(
    browser: Any, live_server: Any
) -> None:
    genoa, leipzig = PartnerFactory.create(name="Comune di Genova"), PartnerFactory.create()
    editor = PartnerMemberFactory.create(partner=genoa, role=PartnerRole.EDITOR)
    other = PartnerMemberFactory.create(partner=leipzig, role=PartnerRole.VIEWER)
    coordinator = PartnerMemberFactory.create(
        partner=PartnerFactory.create(), role=PartnerRole.EDITOR, is_coordinator=True
    )
    plan = PlanFactory.create(title_en="Joint Action Plan of the creative cities")
    action = ActionFactory.create(
        theme=ThemeFactory.create(plan=plan, title_en="Spaces for creativity"),
        title="Map vacant premises",
        lead_partner=genoa,
    )
    indicator = IndicatorFactory.create(action=action, name="Premises mapped", target=Decimal(150))
    plan_publish(plan=plan, by=coordinator.user)
    workspace = f"{live_server.url}/en/action-plan/workspace/"

    # The coordinator opens the consultation to the partners.
    lead = plan_log_in(browser, live_server, coordinator.user.email)
    lead.goto(workspace)
    expect(lead.get_by_role("heading", level=1)).to_have_text(plan.title_en)
    check(lead)
    lead.get_by_role("button", name="Open a consultation").click()
    expect(lead.locator(".portal-messages")).to_contain_text("consultation is open")
    check(lead)

    # Genoa's editor renames the action and records a value.
    page = plan_log_in(browser, live_server, editor.user.email)
    page.goto(workspace)
    page.get_by_role("link", name="Map vacant premises").first.click()
    check(page)
    page.get_by_role("link", name="Edit the action").click()
    check(page)
    page.get_by_label(re.compile(r"^\s*Title")).fill("Map and open vacant premises")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Map and open vacant premises")
    form = page.get_by_role("form", name="Record a value for Premises mapped")
    form.get_by_label("Value").fill("60")
    form.get_by_label("Measured on").fill("2026-10-31")
    form.get_by_role("button", name=re.compile("Record the value")).click()
    expect(page.get_by_text("40% of the way to the target")).to_be_visible()
    check(page)
    assert IndicatorUpdate.objects.get(indicator=indicator).created_by == editor.user

    # A user of another partner comments.
    reader = plan_log_in(browser, live_server, other.user.email)
    reader.goto(f"{workspace}actions/{action.pk}/")
    check(reader)
    reader.get_by_role("textbox", name="Comment").fill("Leipzig can share its owners' agreement.")
    reader.get_by_role("button", name="Post the comment").click()
    expect(reader.get_by_text("Leipzig can share its owners' agreement.")).to_be_visible()
    check(reader)

    # The public still reads version 1 until the coordinator publishes.
    visitor = browser.new_context(locale="en-GB").new_page()
    public_url = f"{live_server.url}/en/action-plan/{plan.slug}/"
    visitor.goto(public_url)
    expect(visitor.get_by_text("Map vacant premises", exact=True).first).to_be_visible()
    expect(visitor.get_by_text("Map and open vacant premises")).to_have_count(0)
    check(visitor)

    lead.goto(workspace)
    lead.get_by_label("What this version brings").fill("Premises mapped in Genoa")
    lead.get_by_role("button", name="Publish a new version").click()
    expect(lead.locator(".portal-messages")).to_contain_text("Version 2 is published")
    check(lead)
    lead.get_by_role("link", name="all versions").click()
    expect(lead.get_by_text("Map vacant premises → Map and open vacant premises")).to_be_visible()
    check(lead)
    assert PlanVersion.objects.filter(plan=plan).count() == 2

    # The public page shows the new version.
    visitor.goto(public_url)
    expect(visitor.get_by_text("Map and open vacant premises").first).to_be_visible()
    check(visitor)
