"""Each audience's daily path, at desktop and phone widths, with axe on every
page and the layout checked as a person would see it:

- a clerk clears the workbench: from the admin home, a count leads to its
  filtered list, an enquiry is assigned and answered, an organisation approved,
  and the figures (statistics, survey results) fit the window;
- a partner's viewer logs in, lands on the workspace, reads "sola lettura" on
  its pages, and an edit address answers the portal's own 403 page saying why.

(A member's path, from the account page to an enquiry and their data, is in
`test_member_enquiries.py`.)
"""

import re
from typing import Any

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from actionplan.models import PartnerRole
from contactpoint.models import Enquiry
from directory.models import Organisation
from tests.actionplan.factories import (
    ActionFactory,
    PartnerMemberFactory,
    PlanFactory,
    ThemeFactory,
)
from tests.browser.conftest import assert_accessible, check
from tests.browser.test_page_parts import DESKTOP, PASSWORD, WIDTHS, assert_laid_out, log_in
from tests.contactpoint.factories_enquiries import EnquiryFactory
from tests.directory.factories import OrganisationFactory, PartnerFactory, UserFactory
from tests.directory.searchable import sector
from tests.survey.factories_results import results_answer, results_campaign


def looked_at(page: Any) -> None:
    """axe and the layout, on the portal's page as it is now."""
    check(page)
    assert_laid_out(page)


def admin_looked_at(page: Any) -> None:
    """The same on an admin page (Django's styles, not Bootstrap Italia), once
    its scripts have run."""
    page.wait_for_load_state("load")
    assert_accessible(page)
    assert_laid_out(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_clerk_clears_the_workbench(
    browser: Any, live_server: Any, second_factor_code: Any, width: int
) -> None:
    clerk = UserFactory.create(email="paola@example.org", first_name="Paola", is_staff=True)
    clerk.groups.add(Group.objects.get(name="Desk staff"))
    enquiry = EnquiryFactory.create(
        reference="CC-2026-000401", subject="Un forno per la ceramica", language="it"
    )
    OrganisationFactory.create(
        name="Creuza Lab",
        status=Organisation.Status.PENDING,
        members=[UserFactory.create(email="francesca.repetto.architetta@creuzalab.example")],
    )
    survey = results_campaign()
    for where, slug in [("studio", "design"), ("home", "cinema"), ("coworking", "design")] * 3:
        results_answer(survey, sector=sector(slug), single=where, multiple=("funding",), scale=4)
    code = second_factor_code(clerk)  # her authenticator app, set up earlier
    page = browser.new_context(locale="it-IT", viewport={"width": width, "height": 900}).new_page()

    # She logs in, gives her code and lands on the workbench.
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Indirizzo email").fill(clerk.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Accedi").click()
    page.get_by_label("Codice").fill(code)
    page.get_by_role("button", name="Continua").click()
    waiting = page.get_by_role("region", name="In attesa dello sportello")
    expect(waiting.get_by_role("link", name="1 Nuove richieste non assegnate")).to_be_visible()
    admin_looked_at(page)

    # The count leads to the filtered inbox; she takes the enquiry and replies.
    waiting.get_by_role("link", name="1 Nuove richieste non assegnate").click()
    expect(page).to_have_url(re.compile(r"/admin/contactpoint/enquiry/\?"))
    admin_looked_at(page)
    page.get_by_role("link", name="CC-2026-000401").click()
    page.get_by_role("button", name="Assegna a me").click()
    expect(page.locator(".messagelist")).to_contain_text("1")
    admin_looked_at(page)
    page.get_by_label("Risposta al richiedente").fill("Guardi il bando regionale per le imprese.")
    page.get_by_role("button", name="Invia la risposta").click()
    expect(page.locator(".messagelist")).to_contain_text("1")
    admin_looked_at(page)
    enquiry.refresh_from_db()
    assert (enquiry.status, enquiry.assignee) == (Enquiry.Status.ANSWERED, clerk)

    # Back on the workbench, the organisation waiting for review.
    page.get_by_role("link", name="Home").first.click()
    page.get_by_role("link", name="1 Organizzazioni da esaminare").click()
    admin_looked_at(page)
    page.get_by_role("link", name="Creuza Lab").click()
    # Its member's long address is shown whole in the member's picker.
    picker = page.locator("#memberships-group .select2-selection__rendered")
    expect(picker).to_contain_text("francesca.repetto.architetta@creuzalab.example")
    if width == DESKTOP:
        assert picker.evaluate("(el) => el.scrollWidth <= el.clientWidth")
    admin_looked_at(page)
    page.get_by_role("button", name="Approva e pubblica").click()
    expect(page.locator(".messagelist")).to_contain_text("1")
    assert Organisation.objects.get(name="Creuza Lab").status == Organisation.Status.PUBLISHED

    # Nothing waits any more; the figures are a click away and fit the window.
    page.goto(live_server.url + "/admin/")
    expect(waiting.get_by_role("link", name="0 Nuove richieste non assegnate")).to_be_visible()
    expect(waiting.get_by_role("link", name="0 Organizzazioni da esaminare")).to_be_visible()
    page.get_by_role("link", name="Statistiche delle richieste").click()
    expect(page.get_by_role("heading", name="Quanto velocemente rispondiamo")).to_be_visible()
    admin_looked_at(page)
    page.goto(live_server.url + f"/admin/survey-results/{survey.campaign.pk}/")
    admin_looked_at(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_partner_viewer_reads_the_workspace_and_is_told_why_not_to_edit(
    page: Any, live_server: Any, width: int
) -> None:
    leipzig = PartnerFactory.create(name="City of Leipzig")
    viewer = PartnerMemberFactory.create(
        partner=leipzig,
        role=PartnerRole.VIEWER,
        user=UserFactory.create(email="sara@example.org", first_name="Sara"),
    )
    plan = PlanFactory.create(title_it="Piano di Azione Congiunto delle città creative")
    action = ActionFactory.create(
        theme=ThemeFactory.create(plan=plan), title="Creative quarter pilot", lead_partner=leipzig
    )
    page.set_viewport_size({"width": width, "height": 900})

    # Logged in, she lands on the workspace, read only.
    log_in(page, live_server, viewer.user)
    expect(page).to_have_url(re.compile(r"/it/action-plan/workspace/"))
    expect(page.locator(".portal-read-only")).to_contain_text("sola lettura")
    looked_at(page)
    page.get_by_role("link", name="Creative quarter pilot").first.click()
    expect(page.locator(".portal-read-only")).to_contain_text("sola lettura")
    expect(page.get_by_role("link", name="Modifica l'azione")).to_have_count(0)
    looked_at(page)

    # An edit address answers the portal's 403 page, which says why.
    response = page.goto(f"{live_server.url}/it/action-plan/workspace/actions/{action.pk}/edit/")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Accesso negato")
    expect(page.locator("main")).to_contain_text("sola lettura")
    expect(page.get_by_role("link", name="Vai alla pagina iniziale")).to_be_visible()
    looked_at(page)
