""" "Ask the desk about this": the ask form arrives filled in from the call or
premises it was opened on; what the query names is checked, the rest ignored."""

from http import HTTPStatus
from typing import Any

import pytest
from django.forms import BoundField
from django.test import Client

from contactpoint.models import FundingCall, Topic
from directory.models import Sector
from tests.contactpoint.factories_calls import FundingCallFactory, PremisesFactory

pytestmark = pytest.mark.django_db

ASK = "/en/contact-point/ask/"


@pytest.fixture
def enquiry_call(enquiry_sector: Sector) -> FundingCall:
    """A published call for design only, "Grants for young designers" in English."""
    return FundingCallFactory.create(
        title_en="Grants for young designers", sectors=[enquiry_sector]
    )


def initial(response: Any, name: str) -> Any:
    field: BoundField = response.context["form"][name]
    return field.value()


def test_asking_about_a_call_fills_in_topic_sector_and_subject(
    client: Client, enquiry_call: FundingCall, enquiry_sector: Sector
) -> None:
    response = client.get(ASK, {"call": enquiry_call.pk})
    assert initial(response, "topic") == Topic.GRANTS
    assert initial(response, "sector") == enquiry_sector.pk
    assert initial(response, "subject") == "Grants for young designers"
    content = response.content.decode()
    assert 'value="Grants for young designers"' in content
    assert f'<option value="{enquiry_sector.pk}" selected>' in content


def test_asking_about_premises_fills_in_the_settling_topic(
    client: Client, enquiry_sector: Sector
) -> None:
    premises = PremisesFactory.create(title_en="A loft in the port", sectors=[enquiry_sector])
    response = client.get(ASK, {"premises": premises.pk})
    assert initial(response, "topic") == Topic.SETTLING
    assert initial(response, "sector") == enquiry_sector.pk
    assert initial(response, "subject") == "A loft in the port"


def test_the_query_chooses_a_real_topic_and_sector(
    client: Client, enquiry_call: FundingCall
) -> None:
    other = Sector.objects.exclude(pk__in=enquiry_call.sectors.all()).order_by("order").first()
    assert other is not None
    response = client.get(ASK, {"call": enquiry_call.pk, "topic": "credit", "sector": other.slug})
    assert initial(response, "topic") == Topic.CREDIT
    assert initial(response, "sector") == other.pk


def test_unknown_values_are_ignored(
    client: Client, enquiry_call: FundingCall, enquiry_sector: Sector
) -> None:
    unpublished = FundingCallFactory.create(
        title_en="Not yet out", sectors=[enquiry_sector], is_published=False
    )
    response = client.get(
        ASK, {"call": enquiry_call.pk, "topic": "lottery", "sector": "no-such-sector"}
    )
    assert response.status_code == HTTPStatus.OK
    assert initial(response, "topic") == Topic.GRANTS
    assert initial(response, "sector") == enquiry_call.sectors.get().pk
    response = client.get(ASK, {"call": unpublished.pk, "premises": "x" * 40})
    assert response.status_code == HTTPStatus.OK
    assert initial(response, "subject") is None
    assert initial(response, "topic") is None
    assert "Not yet out" not in response.content.decode()
