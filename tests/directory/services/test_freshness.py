"""Freshness: yearly reminders to members, lapsed profiles reported to the desk."""

import datetime

import pytest
from django.core import mail

from directory.models import Organisation
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.directory.helpers import ago, run_command

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def freshness(django_capture_on_commit_callbacks) -> str:
    return run_command(django_capture_on_commit_callbacks, "directory_freshness")


def test_members_of_a_profile_unconfirmed_for_a_year_are_asked_once(
    settings, django_capture_on_commit_callbacks
) -> None:
    settings.SITE_URL = "https://creativecities.example"
    stale = OrganisationFactory(
        name="Teatro Stabile",
        slug="teatro-stabile",
        confirmed_at=ago(days=400),
        members=[UserFactory(email="luca@example.org")],
    )
    OrganisationFactory(confirmed_at=ago(days=300), members=[UserFactory()])  # confirmed recently
    OrganisationFactory(
        status=Organisation.Status.PENDING, confirmed_at=ago(days=400), members=[UserFactory()]
    )

    output = freshness(django_capture_on_commit_callbacks)

    assert "Reminders sent: 1;" in output
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["luca@example.org"]
    assert "Teatro Stabile" in message.subject
    assert "Is your profile still current?" in message.subject
    assert "Il tuo profilo è ancora attuale?" in message.subject
    assert "https://creativecities.example/it/account/" in message.body
    assert "https://creativecities.example/en/account/" in message.body
    stale.refresh_from_db()
    assert stale.reminder_sent_at is not None

    mail.outbox.clear()
    freshness(django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_a_reminder_is_sent_again_a_year_after_the_last(
    django_capture_on_commit_callbacks,
) -> None:
    OrganisationFactory(
        confirmed_at=ago(days=800), reminder_sent_at=ago(days=366), members=[UserFactory()]
    )
    OrganisationFactory(
        confirmed_at=ago(days=800), reminder_sent_at=ago(days=100), members=[UserFactory()]
    )

    freshness(django_capture_on_commit_callbacks)

    reminders = [m for m in mail.outbox if "still current" in m.subject]
    assert len(reminders) == 1


def test_lapsed_profiles_leave_the_listing_and_the_desk_is_told_once(
    settings, django_capture_on_commit_callbacks
) -> None:
    settings.DESK_EMAIL = "sportello@example.org"
    lapsed = OrganisationFactory(
        name="Vecchia Bottega", confirmed_at=ago(days=600), reminder_sent_at=ago(days=200)
    )
    orphan = OrganisationFactory(name="Importata Senza Membri", confirmed_at=ago(days=560))
    fresh = OrganisationFactory(confirmed_at=ago(days=500))

    assert set(Organisation.objects.published()) == {fresh}
    output = freshness(django_capture_on_commit_callbacks)

    assert "lapsed profiles reported to the desk: 2." in output
    desk = [m for m in mail.outbox if m.to == ["sportello@example.org"]]
    assert len(desk) == 1
    assert "Vecchia Bottega" in desk[0].body
    assert "Importata Senza Membri" in desk[0].body
    assert f"/admin/directory/organisation/{lapsed.pk}/change/" in desk[0].body
    assert "nessun membro" in desk[0].body
    assert "Profili usciti dall'elenco" in desk[0].subject
    lapsed.refresh_from_db()
    orphan.refresh_from_db()
    assert lapsed.lapse_notified_at is not None and orphan.lapse_notified_at is not None

    mail.outbox.clear()
    output = freshness(django_capture_on_commit_callbacks)
    assert "lapsed profiles reported to the desk: 0." in output
    assert mail.outbox == []


def test_a_profile_confirmed_again_and_lapsed_again_is_reported_again(
    settings, django_capture_on_commit_callbacks
) -> None:
    settings.DESK_EMAIL = "sportello@example.org"
    OrganisationFactory(
        name="Di Nuovo Scaduta",
        confirmed_at=ago(days=560),
        lapse_notified_at=ago(days=700),
        reminder_sent_at=ago(days=200),
    )

    freshness(django_capture_on_commit_callbacks)

    assert any("Di Nuovo Scaduta" in m.body for m in mail.outbox)


def test_lapses_go_to_every_desk_officer_and_wait_when_nobody_can_read_them(
    settings, django_capture_on_commit_callbacks
) -> None:
    from django.contrib.auth.models import Group

    settings.DESK_EMAIL = ""
    lapsed = OrganisationFactory(name="Vecchia Bottega", confirmed_at=ago(days=600))
    inactive = UserFactory(is_active=False)
    lapsed.memberships.create(user=inactive)

    assert "lapsed profiles reported to the desk: 0." in freshness(
        django_capture_on_commit_callbacks
    )
    lapsed.refresh_from_db()
    assert lapsed.lapse_notified_at is None

    officer = UserFactory(email="officer@example.org")
    officer.groups.add(Group.objects.get(name="Desk staff"))
    freshness(django_capture_on_commit_callbacks)

    report = [m for m in mail.outbox if m.to == ["officer@example.org"]]
    assert len(report) == 1
    # Its only member cannot log in, so nobody was reminded.
    assert "nessun membro" in report[0].body
