"""`account_delete`: the account goes, its organisations are handed over or
archived, and the person's data is removed or anonymised everywhere."""

import re
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core.exceptions import ValidationError
from django.utils import timezone

from actionplan.models import Follower
from contactpoint.models import AlertSubscription, Enquiry
from creativecities import history
from creativecities.models import OutgoingEmail, StateChange, Version
from directory.models import Membership, Organisation, User
from directory.services.account_deletion import account_delete, organisations_solely_owned
from tests.actionplan.factories import ActionFactory
from tests.contactpoint.factories import AlertSubscriptionFactory
from tests.contactpoint.factories_enquiries import EnquiryFactory
from tests.directory.factories import OrganisationFactory, OutgoingEmailFactory, UserFactory

pytestmark = pytest.mark.django_db


def own(user: User, organisation: Organisation) -> None:
    Membership.objects.filter(user=user, organisation=organisation).update(
        role=Membership.Role.OWNER
    )


def test_an_organisation_handed_over_gets_its_new_owner(member: User) -> None:
    colleague = UserFactory.create(email="luca@example.org")
    organisation = OrganisationFactory.create(members=[member, colleague])
    own(member, organisation)

    account_delete(user=member, organisations_to={organisation.pk: colleague})

    assert not User.objects.filter(email="marta@example.org").exists()
    assert Membership.objects.get(organisation=organisation).user == colleague
    assert Membership.objects.get(organisation=organisation).role == Membership.Role.OWNER
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PUBLISHED


def test_an_organisation_archived_goes_through_the_workflow(member: User) -> None:
    organisation = OrganisationFactory.create(members=[member])
    own(member, organisation)

    account_delete(user=member, organisations_to={organisation.pk: None})

    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.ARCHIVED
    step = StateChange.objects.get(object_id=organisation.pk, transition="abandon")
    assert (step.source, step.target) == ("published", "archived")


def test_a_draft_can_be_archived_too(member: User) -> None:
    draft = OrganisationFactory.create(
        members=[member], status=Organisation.Status.DRAFT, published_at=None
    )
    own(member, draft)

    account_delete(user=member, organisations_to={draft.pk: None})

    draft.refresh_from_db()
    assert draft.status == Organisation.Status.ARCHIVED


def test_every_organisation_owned_alone_must_be_decided_or_nothing_happens(member: User) -> None:
    decided = OrganisationFactory.create(members=[member])
    forgotten = OrganisationFactory.create(name="Forgotten Studio", members=[member])
    own(member, decided)
    own(member, forgotten)

    with pytest.raises(ValidationError, match="Forgotten Studio"):
        account_delete(user=member, organisations_to={decided.pk: None})

    assert User.objects.filter(pk=member.pk).exists()
    decided.refresh_from_db()
    assert decided.status == Organisation.Status.PUBLISHED


def test_an_organisation_with_another_owner_needs_no_decision(member: User) -> None:
    co_owner = UserFactory.create()
    organisation = OrganisationFactory.create(members=[member, co_owner])
    own(member, organisation)
    own(co_owner, organisation)
    alone = OrganisationFactory.create(members=[member])
    own(member, alone)

    assert organisations_solely_owned(member) == [alone]


def test_the_new_owner_must_be_a_member_of_the_organisation(member: User) -> None:
    stranger = UserFactory.create()
    organisation = OrganisationFactory.create(members=[member])
    own(member, organisation)

    with pytest.raises(ValidationError, match=re.escape(stranger.email)):
        account_delete(user=member, organisations_to={organisation.pk: stranger})

    assert User.objects.filter(pk=member.pk).exists()


def test_enquiries_stay_for_the_figures_without_who_wrote_them(member: User) -> None:
    mine = EnquiryFactory.create(
        email="Marta@Example.org", name="Marta Bruzzone", phone="010 123456"
    )
    theirs = EnquiryFactory.create(email="someone@example.org", name="Someone Else")

    account_delete(user=member, organisations_to={})

    mine.refresh_from_db()
    assert (mine.name, mine.email, mine.phone, mine.token_hash) == ("", "", "", "")
    assert mine.subject == "Locali per un laboratorio"  # kept for the desk
    assert Enquiry.objects.filter(pk=mine.pk).exists()
    theirs.refresh_from_db()
    assert (theirs.name, theirs.email) == ("Someone Else", "someone@example.org")


def test_subscriptions_and_follows_are_deleted(member: User) -> None:
    AlertSubscriptionFactory.create(email=member.email)
    kept = AlertSubscriptionFactory.create(email="reader@example.org")
    action = ActionFactory.create()
    Follower.objects.create(action=action, email=member.email, language="it")
    Follower.objects.create(action=action, email="reader@example.org", language="it")

    account_delete(user=member, organisations_to={})

    assert list(AlertSubscription.objects.all()) == [kept]
    assert list(Follower.objects.values_list("email", flat=True)) == ["reader@example.org"]


def test_the_mail_log_loses_the_address_and_what_names_the_person(member: User) -> None:
    to_them = OutgoingEmailFactory.create(to=[member.email], body="Gentile Marta Bruzzone, …")
    shared = OutgoingEmailFactory.create(
        to=[member.email, "desk@example.org"], body="Marta wrote", subject="To both"
    )
    about_them = OutgoingEmailFactory.create(
        to=["desk@example.org"],
        subject="New profile by Marta Bruzzone",
        body="Submitted by marta@example.org.",
    )
    unrelated = OutgoingEmailFactory.create(to=["desk@example.org"], body="Another matter.")

    account_delete(user=member, organisations_to={})

    assert not OutgoingEmail.objects.filter(pk=to_them.pk).exists()
    shared.refresh_from_db()
    assert (shared.to, shared.body) == (["desk@example.org"], "")
    about_them.refresh_from_db()
    assert about_them.subject == "New profile by [removed]"
    assert about_them.body == ""
    unrelated.refresh_from_db()
    assert unrelated.body == "Another matter."


def test_history_versions_lose_the_name_and_address(member: User) -> None:
    organisation = OrganisationFactory.create(
        members=[member], email="marta@example.org", website="https://luce.example"
    )
    with history.changes(by=member, note="Contact: Marta Bruzzone"):
        organisation.short_description_en = "Run by Marta Bruzzone."
        organisation.save()
    own(member, organisation)
    other_version = Version.objects.filter(object_id=organisation.pk).first()
    assert other_version is not None

    account_delete(user=member, organisations_to={organisation.pk: None})

    dumped = str(list(Version.objects.values_list("data", "note", "created_by")))
    assert "marta@example.org" not in dumped.lower()
    assert "Marta Bruzzone" not in dumped
    assert "[removed]" in dumped
    assert "https://luce.example" in dumped


def test_login_records_of_the_address_are_deleted(member: User) -> None:
    now = timezone.now()
    common: dict[str, Any] = {"ip_address": "192.0.2.1", "user_agent": "x", "attempt_time": now}
    AccessLog.objects.create(username=member.email, **common)
    AccessLog.objects.create(username="someone@example.org", **common)
    AccessAttempt.objects.create(
        username=member.email, failures_since_start=1, get_data="", post_data="", **common
    )

    account_delete(user=member, organisations_to={})

    assert list(AccessLog.objects.values_list("username", flat=True)) == ["someone@example.org"]
    assert not AccessAttempt.objects.exists()


def test_staff_accounts_are_not_deleted_here(staff_user: User) -> None:
    with pytest.raises(ValidationError):
        account_delete(user=staff_user, organisations_to={})

    assert User.objects.filter(pk=staff_user.pk).exists()
