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
