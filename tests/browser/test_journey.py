"""The directory's whole journey, as the people involved live it: a business
registers and confirms its email, adds its place, the desk approves it in the
admin, and a visitor finds it by searching and on the map."""

import re
from typing import Any

from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import check
from tests.directory.factories import UserFactory
from tests.directory.helpers import path_in_mail

PASSWORD = "faro-della-lanterna-77"


def test_register_confirm_approve_then_found_by_search_and_on_the_map(
    page: Any, visit: Any, live_server: Any, browser: Any, second_factor_code: Any
) -> None:
    # A business registers, in English.
    visit("/en/register/")
    account = page.get_by_role("group", name="Your account")
    account.get_by_label("Email address").fill("marta.ferrari@example.org")
    account.get_by_label(re.compile(r"^\s*First name")).fill("Marta")
    account.get_by_label("Last name").fill("Ferrari")
    account.get_by_label(re.compile(r"^\s*Password\s*\*?\s*$")).fill(PASSWORD)
    account.get_by_label("Password again").fill(PASSWORD)
    account.get_by_text("I have read the privacy notice").click()
    organisation = page.get_by_role("group", name="Your organisation")
    organisation.get_by_label("Name of the organisation").fill("Lanterna Sound Lab")
    organisation.get_by_label("Kind of organisation").select_option(label="Company")
    organisation.get_by_label("Main sector").select_option(label="Music and performing arts")
    organisation.get_by_label("Municipality").select_option(label="Municipio II Centro Ovest")
    organisation.get_by_label("Short description in Italian").fill(
        "Studio di registrazione e sonorizzazione nel porto antico."
    )
    organisation.get_by_label("Short description in English").fill(
        "Recording and sound design studio by the old harbour."
    )
    page.get_by_role("button", name="Register", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/register/done/$"))
    check(page)

    # The email link confirms the account; the profile now waits for the desk.
    page.goto(live_server.url + path_in_mail(path=r"/en/register/confirm/\S+/"))
    check(page)
    page.get_by_role("button", name="Confirm my email address").click()
    expect(page).to_have_url(re.compile(r"/en/account/$"))
    check(page)
    assert any("Lanterna Sound Lab" in message.body for message in mail.outbox)

    # Pending profiles are not public.
    anonymous = browser.new_context()
    visitor = anonymous.new_page()
    response = visitor.goto(live_server.url + "/en/directory/lanterna-sound-lab/")
    assert response is not None and response.status == 404

    # The member puts the studio on the map.
    page.get_by_role("link", name=re.compile("Edit")).first.click()
    check(page)
    page.get_by_label("Latitude").fill("44.4105")
    page.get_by_label("Longitude").fill("8.9260")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/account/$"))

    # The desk approves it in the admin.
    staff = UserFactory(email="desk@example.org", is_staff=True)
    staff.groups.add(Group.objects.get(name="Desk staff"))
    code = second_factor_code(staff)  # her authenticator app, set up earlier
    desk = browser.new_context(locale="en-GB").new_page()
    desk.goto(live_server.url + "/admin/login/")
    desk.get_by_label("Email address").fill("desk@example.org")
    desk.get_by_label("Password").fill("a-long-test-password")
    desk.get_by_role("button", name="Log in").click()
    desk.get_by_label("Code").fill(code)
    desk.get_by_role("button", name="Continue").click()
    desk.goto(live_server.url + "/admin/directory/organisation/?status__exact=pending")
    desk.get_by_role("link", name="Lanterna Sound Lab").click()
    desk.get_by_role("button", name="Approve and publish").click()
    expect(desk.locator(".messagelist")).to_contain_text("1")
    assert any("marta.ferrari@example.org" in message.to for message in mail.outbox)

    # A visitor finds it by a word of its description, accent-free and partial.
    visitor.goto(live_server.url + "/it/directory/?q=sonorizz")
    check(visitor)
    expect(visitor.get_by_role("link", name="Lanterna Sound Lab")).to_be_visible()
    visitor.get_by_role("link", name="Lanterna Sound Lab").click()
    expect(visitor.locator("h1")).to_have_text("Lanterna Sound Lab")
    check(visitor)

    # And on the map, where its pin is drawn (tiles are not fetched in tests).
    visitor.route(re.compile(r"^https://tile\.openstreetmap\.org/"), lambda route: route.abort())
    visitor.goto(live_server.url + "/en/directory/map/?q=lanterna")
    container = visitor.locator("#directory-map")
    expect(container).to_have_attribute("data-loaded", "1")
    expect(container.locator(".leaflet-marker-icon")).to_have_count(1)
    check(visitor)
    anonymous.close()
