"""Partners of the network: country code, logo, lead or partner, on the public page."""

import io
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.test import Client
from PIL import Image

from creativecities.images import process_logo
from directory.admin.reference import PartnerAdminForm
from directory.models import Partner
from directory.services.logos import partner_set_logo
from tests.directory.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def partner_png() -> ContentFile[bytes]:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 120), (0, 102, 204)).save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="logo.png")


def test_the_seeded_partners_have_their_country_codes() -> None:
    codes = dict(Partner.objects.values_list("city_en", "country_code").distinct())
    assert codes == {
        "Leipzig": "DE",
        "Genoa": "IT",
        "Gdańsk": "PL",
        "Pécs": "HU",
        "Ljubljana": "SI",
    }


@pytest.mark.parametrize("code", ["XX", "it", "ITA", "I"])
def test_a_country_code_must_be_an_assigned_alpha_2_code(code: str) -> None:
    partner = PartnerFactory.build(country_code=code)
    with pytest.raises(ValidationError) as raised:
        partner.full_clean()
    assert "country_code" in raised.value.message_dict


def test_an_assigned_code_is_accepted() -> None:
    PartnerFactory.build(country_code="SI").full_clean()


def test_the_admin_form_takes_a_code_in_lower_case() -> None:
    form = PartnerAdminForm(
        data={
            "name": "Creative Hub",
            "city": "Pécs",
            "country": "Ungheria",
            "country_code": " hu ",
            "order": 1,
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["country_code"] == "HU"


def test_the_database_refuses_a_malformed_code() -> None:
    partner = PartnerFactory.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        Partner.objects.filter(pk=partner.pk).update(country_code="de")


def test_the_project_has_one_lead_partner() -> None:
    assert Partner.objects.filter(is_lead=True).count() == 1  # seeded: City of Leipzig
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerFactory.create(is_lead=True)


def test_a_partner_logo_is_redrawn_with_a_thumbnail() -> None:
    partner = PartnerFactory.create()
    partner_set_logo(partner=partner, logo=process_logo(partner_png()))
    partner.refresh_from_db()
    assert partner.logo.name.startswith("partners/")
    assert partner.logo.name.endswith(".webp")
    assert partner.logo_thumbnail.name.startswith("partners/thumbs/")
    assert partner.logo_thumbnail.storage.exists(partner.logo_thumbnail.name)


def test_replacing_a_logo_deletes_the_previous_files_after_commit(
    django_capture_on_commit_callbacks,
) -> None:
    partner = PartnerFactory.create()
    with django_capture_on_commit_callbacks(execute=True):
        partner_set_logo(partner=partner, logo=process_logo(partner_png()))
    first = partner.logo.name
    with django_capture_on_commit_callbacks(execute=True):
        partner_set_logo(partner=partner, logo=process_logo(partner_png()))
    assert partner.logo.name != first
    assert not partner.logo.storage.exists(first)


def test_the_network_page_shows_country_logo_and_role(client: Client) -> None:
    genoa = Partner.objects.get(name="Comune di Genova")
    partner_set_logo(partner=genoa, logo=process_logo(partner_png()))

    response = client.get("/en/partners/")

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Italy" in content
    assert ">(IT)</abbr>" in content
    assert genoa.logo_thumbnail.url in content
    assert content.count(">Lead partner</span>") == 1
    assert content.count(">Partner</span>") == Partner.objects.count() - 1


def test_the_network_page_reads_roles_in_italian(client: Client) -> None:
    content = client.get("/it/partners/").content.decode()
    assert "Germania" in content
    assert content.count(">Capofila</span>") == 1
