"""The desk's enquiry journey: a business asks, the desk assigns and replies in
the admin, the business reads the reply on its tracking page and writes again,
which sends the enquiry back to the desk."""

import base64
import re
from typing import Any

from django.contrib.auth.models import Group
from django.core import mail
from django_otp.oath import totp
from playwright.sync_api import expect

from contactpoint.models import Enquiry
from tests.browser.conftest import check
from tests.directory.factories import UserFactory
from tests.directory.helpers import path_in_mail


def totp_code(key: str) -> str:
    """What an authenticator app shows now for a key as the setup page writes it."""
    secret = key.replace(" ", "")
    secret += "=" * (-len(secret) % 8)
    return f"{totp(base64.b32decode(secret)):06d}"


def test_a_business_asks_the_desk_answers_and_the_business_writes_again(
    page: Any, visit: Any, live_server: Any, browser: Any
) -> None:
    # A business asks, without an account.
    visit("/en/contact-point/ask/")
    page.get_by_label("Topic").select_option(label="Grants and calls")
    page.get_by_label("Sector").select_option(label="Music and performing arts")
    page.get_by_label("Subject").fill("Grants for a recording studio")
    page.get_by_label("Your question").fill("We open a studio by the old harbour: which grants?")
    page.get_by_label("Name and surname").fill("Luca Ferrari")
    page.get_by_label("Email address").fill("luca.ferrari@example.org")
    page.get_by_text("I have read the privacy notice").click()
    page.get_by_role("button", name="Send the enquiry").click()
    expect(page).to_have_url(re.compile(r"/en/contact-point/ask/sent/"))
    check(page)
    enquiry = Enquiry.objects.get()
    expect(page.locator("main")).to_contain_text(enquiry.reference)
    tracking = path_in_mail(path=r"/[a-z]{2}/contact-point/enquiries/\S+/")

    # The desk assigns it and replies in the admin.
    staff = UserFactory(email="desk@example.org", is_staff=True, first_name="Paola")
    staff.groups.add(Group.objects.get(name="Desk staff"))
    desk = browser.new_context(locale="en-GB").new_page()
    desk.goto(live_server.url + "/admin/login/")
    desk.get_by_label("Email address").fill("desk@example.org")
    desk.get_by_label("Password").fill("a-long-test-password")
    desk.get_by_role("button", name="Log in").click()
    # Her first login: she sets up her authenticator, then sees her backup codes.
    expect(desk.get_by_role("heading", name="Set up your second factor")).to_be_visible()
    expect(desk.get_by_role("img", name="QR code of the key")).to_be_visible()
    check(desk)
    key = desk.locator("#second-factor-key").inner_text()
    desk.get_by_label("Code").fill(totp_code(key))
    desk.get_by_role("button", name="Confirm").click()
    expect(desk.get_by_role("heading", name="Your backup codes")).to_be_visible()
    check(desk)
    desk.get_by_role("link", name="Continue").click()
    expect(desk.get_by_role("heading", name="Contact point administration")).to_be_visible()
    desk.goto(live_server.url + "/admin/contactpoint/enquiry/?status__exact=new")
    desk.get_by_role("link", name=enquiry.reference).click()
    desk.get_by_role("button", name="Assign to me").click()
    expect(desk.locator(".messagelist")).to_contain_text("1")
    desk.get_by_label("Reply to the requester").fill("Look at the regional creative call.")
    desk.get_by_role("button", name="Send the reply").click()
    expect(desk.locator(".messagelist")).to_contain_text("1")
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.ANSWERED
    assert any("luca.ferrari@example.org" in message.to for message in mail.outbox)

    # The business reads the reply on its private page and writes again.
    visit(tracking)
    expect(page.locator("main")).to_contain_text("Look at the regional creative call.")
    expect(page.locator("main")).to_contain_text("Answered")
    page.get_by_label("Your message").fill("Thank you: does it cover equipment?")
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.locator("main")).to_contain_text("Thank you: does it cover equipment?")
    check(page)
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.ASSIGNED
    assert mail.outbox[-1].to == ["desk@example.org"]
