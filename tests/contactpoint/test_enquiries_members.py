"""A member follows the enquiries of their organisations from the account page,
without the tracking link; nobody else opens them that way."""

from http import HTTPStatus

import pytest
from django.test import Client

from contactpoint.models import Enquiry, EnquiryMessage
from contactpoint.services import enquiries as service
from directory.models import Organisation, Sector, User
from tests.contactpoint.factories_enquiries import EnquiryFactory
from tests.directory.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def enquiry_colleague(db: None) -> User:
    """Someone who did not write the enquiry but belongs to its organisation."""
    return UserFactory.create(first_name="Luca", last_name="Ferrando", email="luca@example.org")


@pytest.fixture
def enquiry_organisation(enquiry_colleague: User) -> Organisation:
    """Studio Vela, whose only member is `enquiry_colleague`."""
    return OrganisationFactory.create(name="Studio Vela", members=[enquiry_colleague])


@pytest.fixture
def enquiry_of_organisation(
    enquiry_sector: Sector, enquiry_organisation: Organisation, staff_user: User
) -> Enquiry:
    """An enquiry Giulia sent for Studio Vela, already answered by the desk."""
    enquiry = EnquiryFactory.create(
        reference="CC-2026-000201",
        sector=enquiry_sector,
        organisation=enquiry_organisation,
        subject="A workshop in the old town",
    )
    return service.enquiry_answer(enquiry=enquiry, text="Try the regional grant.", by=staff_user)


def member_url(enquiry: Enquiry) -> str:
    return f"/en/contact-point/account/enquiries/{enquiry.reference}/"


def test_the_account_page_links_each_enquiry_to_its_conversation(
    client: Client, enquiry_colleague: User, enquiry_of_organisation: Enquiry
) -> None:
    client.force_login(enquiry_colleague)
    content = client.get("/en/account/").content.decode()
    assert f'href="{member_url(enquiry_of_organisation)}"' in content
    assert "A workshop in the old town" in content
    assert "CC-2026-000201 · Studio Vela" in content


def test_a_member_of_the_organisation_reads_the_conversation(
    client: Client, enquiry_colleague: User, enquiry_of_organisation: Enquiry
) -> None:
    client.force_login(enquiry_colleague)
    response = client.get(member_url(enquiry_of_organisation))
    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert enquiry_of_organisation.message in content
    assert "Try the regional grant." in content
    assert response["Cache-Control"] == "private, no-store"


def test_a_member_writes_again_and_the_enquiry_goes_back_to_the_desk(
    client: Client, enquiry_colleague: User, enquiry_of_organisation: Enquiry
) -> None:
    client.force_login(enquiry_colleague)
    url = member_url(enquiry_of_organisation)
    response = client.post(url, {"text": "Which documents do we need?"}, follow=True)
    assert response.redirect_chain == [(url, HTTPStatus.FOUND)]
    assert "Which documents do we need?" in response.content.decode()
    message = EnquiryMessage.objects.get(enquiry=enquiry_of_organisation, kind="requester")
    assert message.author == enquiry_colleague
    enquiry_of_organisation.refresh_from_db()
    assert enquiry_of_organisation.status == Enquiry.Status.ASSIGNED  # back to who answered


def test_the_requester_reads_who_of_the_organisation_wrote(
    client: Client, enquiry_colleague: User, enquiry_of_organisation: Enquiry
) -> None:
    service.enquiry_requester_reply(
        enquiry=enquiry_of_organisation, text="Adding our floor plan.", by=enquiry_colleague
    )
    url = f"/en/contact-point/enquiries/CC-2026-000201/{enquiry_of_organisation.token}/"  # type: ignore[attr-defined]
    content = client.get(url).content.decode()
    assert "Adding our floor plan." in content
    assert "Luca Ferrando wrote" in content


def test_someone_outside_the_organisation_gets_a_404_and_writes_nothing(
    client: Client, enquiry_colleague: User, enquiry_of_organisation: Enquiry
) -> None:
    outsider = UserFactory.create()
    OrganisationFactory.create(name="Another studio", members=[outsider])
    url = member_url(enquiry_of_organisation)
    client.force_login(enquiry_colleague)
    assert client.get(url).status_code == HTTPStatus.OK
    client.force_login(outsider)
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert client.post(url, {"text": "Let me in"}).status_code == HTTPStatus.NOT_FOUND
    assert not EnquiryMessage.objects.filter(kind="requester").exists()


def test_an_anonymous_visitor_is_sent_to_log_in(
    client: Client, enquiry_of_organisation: Enquiry
) -> None:
    url = member_url(enquiry_of_organisation)
    response = client.post(url, {"text": "Hello"})
    assert response.status_code == HTTPStatus.FOUND
    assert "/login/" in response["Location"]
    assert not EnquiryMessage.objects.filter(kind="requester").exists()
