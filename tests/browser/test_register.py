"""A creative business registers in Italian, confirms its email and sees its account."""

import re
from typing import Any

from django.core import mail
from playwright.sync_api import expect

from directory.models import Membership, Organisation
from tests.browser.conftest import check
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.directory.helpers import path_in_mail

PASSWORD = "lanterna-sul-molo-2024"


def test_register_confirm_and_land_on_the_account(page: Any, visit: Any, live_server: Any) -> None:
    visit("/it/")
    page.get_by_role("link", name="Registra la tua organizzazione").first.click()
    expect(page).to_have_url(re.compile(r"/it/register/$"))
    check(page)

    account = page.get_by_role("group", name="Il tuo account")
    account.get_by_label("Indirizzo email").fill("chiara.rossi@example.org")
    account.get_by_label(re.compile(r"^\s*Nome")).fill("Chiara")
    account.get_by_label("Cognome").fill("Rossi")
    account.get_by_label(re.compile(r"^\s*Password")).fill(PASSWORD)
    account.get_by_label("Ripeti la password").fill(PASSWORD)
    # Bootstrap Italia draws each checkbox on its label, which is what people click.
    account.get_by_text("Ho letto l'informativa sulla privacy").click()
    expect(account.get_by_label("Ho letto l'informativa sulla privacy")).to_be_checked()
    organisation = page.get_by_role("group", name="La tua organizzazione")
    organisation.get_by_label("Nome dell'organizzazione").fill("Officina Grafica Ponente")
    organisation.get_by_label("Tipo di organizzazione").select_option(label="Impresa")
    organisation.get_by_label("Settore principale").select_option(label="Design")
    organisation.get_by_role("group", name="Altri settori").get_by_text("Pubblicità").click()
    organisation.get_by_label("Comune o municipio").select_option(label="Municipio VII Ponente")
    organisation.get_by_label("Descrizione breve in italiano").fill(
        "Studio di grafica e comunicazione visiva a Voltri."
    )
    organisation.get_by_label("Codice ATECO").fill("74.12")
    organisation.get_by_text("Aperta alla cooperazione internazionale").click()
    page.get_by_role("button", name="Registrati").click()

    expect(page).to_have_url(re.compile(r"/it/register/done/$"))
    check(page)
    expect(page.locator("h1")).to_have_text("Controlla la tua email")
    expect(page.get_by_text("chiara.rossi@example.org")).to_be_visible()

    assert len(mail.outbox) == 1
    link = live_server.url + path_in_mail(path=r"/it/register/confirm/\S+/")
    # A mail scanner opening the link first uses nothing up; the person's click does.
    assert page.request.get(link).status == 200
    page.goto(link)
    check(page)
    expect(page.get_by_text("chiara.rossi@example.org")).to_be_visible()
    page.get_by_role("button", name="Conferma il mio indirizzo email").click()

    expect(page).to_have_url(re.compile(r"/it/account/$"))
    check(page)
    expect(page.get_by_role("status")).to_contain_text("il tuo indirizzo email è confermato")
    card = page.get_by_role("article", name="Officina Grafica Ponente")
    expect(card).to_contain_text("In attesa di approvazione")
    expect(card.get_by_role("link", name=re.compile("^Modifica"))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^Il tuo account"))).to_be_visible()
    registered = Organisation.objects.get()
    assert registered.open_to_international
    assert registered.ateco_code == "74.12"
    assert set(registered.sectors.values_list("slug", flat=True)) == {"design", "advertising"}


def test_an_empty_form_shows_its_errors_accessibly(page: Any, visit: Any) -> None:
    visit("/it/register/")

    page.get_by_role("button", name="Registrati").click()

    expect(page).to_have_url(re.compile(r"/it/register/$"))
    check(page)
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Correggi gli errori indicati qui sotto.")
    email = page.get_by_label("Indirizzo email")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_accessible_description(re.compile("Questo campo è obbligatorio"))
    summary.get_by_role("link", name="Nome dell'organizzazione").click()
    expect(page.get_by_label("Nome dell'organizzazione")).to_be_focused()
    assert not mail.outbox

    visit("/it/register/confirm/not-a-real-link/", status=400)
    expect(page.locator("h1")).to_have_text("Questo link non si può usare")


def test_member_pages_are_accessible(page: Any, visit: Any, browser: Any, live_server: Any) -> None:
    member = UserFactory(email="marco@example.org", first_name="Marco", last_name="Canepa")
    organisation = OrganisationFactory(
        name="Teatro del Vento",
        status=Organisation.Status.REJECTED,
        rejection_reason="Manca una descrizione in italiano.",
        members=[member],
    )
    visit("/en/accounts/login/")
    page.get_by_label(re.compile(r"^\s*Email")).fill("marco@example.org")
    page.get_by_label(re.compile(r"^\s*Password")).fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()

    visit("/en/account/")
    page.get_by_role("link", name=re.compile("^Edit")).click()
    check(page)
    page.get_by_label(re.compile(r"^\s*Full description in Italian")).fill(
        "Compagnia teatrale che lavora nei quartieri del ponente."
    )
    page.get_by_role("button", name="Submit again").click()
    expect(page).to_have_url(re.compile(r"/en/account/$"))
    check(page)
    expect(page.get_by_role("article", name="Teatro del Vento")).to_contain_text("Pending approval")

    visit(f"/en/directory/{organisation.slug}/invite/")
    check(page)
    expect(page.get_by_text("once the desk has published it")).to_be_visible()
    Organisation.objects.filter(pk=organisation.pk).update(status=Organisation.Status.PUBLISHED)
    visit(f"/en/directory/{organisation.slug}/invite/")
    page.get_by_label(re.compile(r"^\s*Your colleague")).fill("sara@example.org")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("status")).to_contain_text("Invitation sent to sara@example.org")
    link = path_in_mail(path=r"/en/invitations/\S+/")

    newcomer = browser.new_context().new_page()
    response = newcomer.goto(live_server.url + link)
    assert response.status == 200
    check(newcomer)
    newcomer.get_by_role("button", name="Create my account and join").click()
    check(newcomer)
    expect(newcomer.get_by_role("alert")).to_contain_text("Please correct the errors below.")
    newcomer.context.close()
    assert Membership.objects.filter(user__email="sara@example.org").count() == 0
