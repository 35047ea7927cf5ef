"""A member's path, at desktop and phone widths with axe on every page: from the
account page to an enquiry of their organisation and its conversation (the
table stays readable, the conversation takes a new message, with no tracking
link), then back to the account to download their data, which holds it."""

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from contactpoint.models import EnquiryMessage
from tests.browser.conftest import check
from tests.browser.test_page_parts import WIDTHS, log_in, settled
from tests.contactpoint.factories_enquiries import EnquiryFactory
from tests.directory.factories import OrganisationFactory, SectorFactory, UserFactory


@pytest.mark.parametrize("width", WIDTHS)
def test_a_member_follows_an_enquiry_from_the_account_page_and_downloads_their_data(
    page: Any, live_server: Any, width: int, tmp_path: Path
) -> None:
    member = UserFactory.create(first_name="Giulia", last_name="Parodi", email="giulia@example.org")
    organisation = OrganisationFactory.create(name="Pixel di Mare Games", members=[member])
    EnquiryFactory.create(
        reference="CC-2026-000301",
        sector=SectorFactory.create(slug="games-enquiries"),
        organisation=organisation,
        subject="Un laboratorio al porto antico",
        email=member.email,
    )
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, member)
    page.goto(live_server.url + "/it/account/")
    settled(page)
    check(page)
    page.get_by_role("link", name="Un laboratorio al porto antico").click()
    expect(page).to_have_url(re.compile(r"/it/contact-point/account/enquiries/CC-2026-000301/$"))
    settled(page)
    check(page)
    page.get_by_label("Il tuo messaggio").fill("Abbiamo trovato uno spazio: ci serve un permesso?")
    page.get_by_role("button", name="Invia", exact=True).click()
    expect(page.get_by_role("main")).to_contain_text("ci serve un permesso?")
    settled(page)
    assert EnquiryMessage.objects.get(kind="requester").author == member

    # Back on the account page, the download holds the enquiry and the message.
    page.get_by_role("link", name="Il tuo account").first.click()
    expect(page).to_have_url(re.compile(r"/it/account/$"))
    check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Scarica in JSON").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.suffix == ".json"
    data = saved.read_text(encoding="utf-8")
    assert "CC-2026-000301" in data and "ci serve un permesso?" in data
    assert json.loads(data)
