"""Recording benchmark values: a partner's editors, for their own city only."""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from actionplan.models import BenchmarkValue
from directory.models import Partner
from tests.actionplan.factories_public import BenchmarkIndicatorFactory
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db


def plan_report_url(partner: Partner) -> str:
    return reverse("actionplan:benchmark_report", kwargs={"partner_id": partner.pk})


def test_anonymous_visitors_are_sent_to_log_in(client: Client) -> None:
    genoa = Partner.objects.get(name="Comune di Genova")
    response = client.get(plan_report_url(genoa))
    assert response.status_code == HTTPStatus.FOUND
    assert "/accounts/login/" in response.url


def test_a_person_of_no_partner_may_not_record(client: Client) -> None:
    genoa = Partner.objects.get(name="Comune di Genova")
    indicator = BenchmarkIndicatorFactory.create()
    client.force_login(UserFactory.create())
    response = client.post(
        plan_report_url(genoa),
        {"indicator": indicator.pk, "year": 2024, "value": "5", "source": "x"},
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not BenchmarkValue.objects.exists()


def test_an_editor_records_a_value_for_their_own_city(client: Client) -> None:
    from actionplan.models import PartnerRole
    from tests.actionplan.factories import PartnerMemberFactory

    genoa = Partner.objects.get(name="Comune di Genova")
    editor = PartnerMemberFactory.create(partner=genoa, role=PartnerRole.EDITOR)
    indicator = BenchmarkIndicatorFactory.create()
    client.force_login(editor.user)

    response = client.post(
        plan_report_url(genoa),
        {"indicator": indicator.pk, "year": 2024, "value": "6.4", "source": "ISTAT"},
    )

    assert response.status_code == HTTPStatus.FOUND
    entry = BenchmarkValue.objects.get()
    assert (entry.partner, entry.year, str(entry.value), entry.recorded_by) == (
        genoa,
        2024,
        "6.40",
        editor.user,
    )


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_another_partners_editor_or_a_viewer_may_not_record(client: Client, role: str) -> None:
    from tests.actionplan.factories import PartnerMemberFactory

    genoa = Partner.objects.get(name="Comune di Genova")
    other = Partner.objects.get(name="City of Gdańsk")
    partner = other if role == "editor" else genoa
    member = PartnerMemberFactory.create(partner=partner, role=role)
    indicator = BenchmarkIndicatorFactory.create()
    client.force_login(member.user)

    assert client.get(plan_report_url(genoa)).status_code == HTTPStatus.FORBIDDEN
    response = client.post(
        plan_report_url(genoa),
        {"indicator": indicator.pk, "year": 2024, "value": "6.4", "source": "ISTAT"},
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not BenchmarkValue.objects.exists()


def test_a_future_year_is_refused(client: Client) -> None:
    from django.utils import timezone

    from actionplan.models import PartnerRole
    from tests.actionplan.factories import PartnerMemberFactory

    genoa = Partner.objects.get(name="Comune di Genova")
    editor = PartnerMemberFactory.create(partner=genoa, role=PartnerRole.EDITOR)
    indicator = BenchmarkIndicatorFactory.create()
    client.force_login(editor.user)
    response = client.post(
        plan_report_url(genoa),
        {
            "indicator": indicator.pk,
            "year": timezone.localdate().year + 1,
            "value": "6.4",
            "source": "ISTAT",
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert not BenchmarkValue.objects.exists()
