"""A member follows an enquiry of their organisation from the account page, at
desktop and phone widths: the table stays readable, the conversation opens and
takes a new message, with no tracking link."""

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from contactpoint.models import EnquiryMessage
from tests.browser.test_page_parts import WIDTHS, log_in, settled
from tests.contactpoint.factories_enquiries import EnquiryFactory
from tests.directory.factories import OrganisationFactory, SectorFactory, UserFactory


@pytest.mark.parametrize("width", WIDTHS)
def test_a_member_follows_an_enquiry_from_the_account_page(
    page: Any, live_server: Any, width: int
) -> None:
    member = UserFactory.create(first_name="Giulia", last_name="Parodi", email="giulia@example.org")
    organisation = OrganisationFactory.create(name="Pixel di Mare Games", members=[member])
    EnquiryFactory.create(
        reference="CC-2026-000301",
        sector=SectorFactory.create(slug="games-enquiries"),
        organisation=organisation,
        subject="Un laboratorio al porto antico",
    )
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, member)
    page.goto(live_server.url + "/it/account/")
    settled(page)
    page.get_by_role("link", name="Un laboratorio al porto antico").click()
    expect(page).to_have_url(re.compile(r"/it/contact-point/account/enquiries/CC-2026-000301/$"))
    settled(page)
    page.get_by_label("Il tuo messaggio").fill("Abbiamo trovato uno spazio: ci serve un permesso?")
    page.get_by_role("button", name="Invia", exact=True).click()
    expect(page.get_by_role("main")).to_contain_text("ci serve un permesso?")
    settled(page)
    assert EnquiryMessage.objects.get(kind="requester").author == member
