"""Setting and removing an organisation's logo: all or nothing."""

import io
from pathlib import Path

import pytest
from django.conf import LazySettings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, transaction
from PIL import Image

from creativecities.images import ProcessedLogo, process_logo
from directory.models import Organisation
from directory.services.logos import organisation_remove_logo, organisation_set_logo
from tests.directory.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings: LazySettings) -> Path:
    return Path(settings.MEDIA_ROOT)


def stored_files(media: Path) -> set[str]:
    return {str(path.relative_to(media)) for path in media.rglob("*") if path.is_file()}


def a_logo(colour: str = "teal") -> ProcessedLogo:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), colour).save(buffer, "PNG")
    return process_logo(SimpleUploadedFile("logo.png", buffer.getvalue()))


def test_a_logo_is_stored_with_its_thumbnail_and_recorded(media: Path) -> None:
    organisation = OrganisationFactory()
    member = UserFactory()

    organisation_set_logo(organisation=organisation, logo=a_logo(), by=member)

    organisation.refresh_from_db()
    assert organisation.logo.name.startswith("logos/")
    assert organisation.logo.name.endswith(".webp")
    assert organisation.logo_thumbnail.name.startswith("logos/thumbs/")
    assert stored_files(media) == {organisation.logo.name, organisation.logo_thumbnail.name}
    assert Image.open(media / organisation.logo_thumbnail.name).size == (160, 160)
    version = organisation.versions.first()
    assert version.created_by == member
    assert version.data["logo"] == organisation.logo.name
    assert version.note == "Logo sostituito"


def test_the_previous_logo_is_deleted_only_after_the_commit(
    media: Path, django_capture_on_commit_callbacks
) -> None:
    organisation = OrganisationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        organisation_set_logo(organisation=organisation, logo=a_logo("red"), by=None)
    old = stored_files(media)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        organisation_set_logo(organisation=organisation, logo=a_logo("blue"), by=None)
        assert old <= stored_files(media)  # still there while uncommitted
    for callback in callbacks:
        callback()

    assert stored_files(media) == {organisation.logo.name, organisation.logo_thumbnail.name}
    assert not old & stored_files(media)


def test_a_failing_database_write_leaves_no_new_file(
    media: Path, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks
) -> None:
    organisation = OrganisationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        organisation_set_logo(organisation=organisation, logo=a_logo("red"), by=None)
    before = stored_files(media)
    previous_name = organisation.logo.name

    def fail(*args: object, **kwargs: object) -> None:
        raise DatabaseError("the database went away")

    monkeypatch.setattr(Organisation, "save", fail)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(DatabaseError),
    ):
        organisation_set_logo(organisation=organisation, logo=a_logo("blue"), by=None)

    assert stored_files(media) == before
    assert not callbacks
    assert organisation.logo.name == previous_name
    monkeypatch.undo()
    organisation.refresh_from_db()
    assert organisation.logo.name == previous_name


def test_a_failure_after_the_files_are_stored_removes_them(
    media: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    organisation = OrganisationFactory()

    def fail(*args: object, **kwargs: object) -> None:
        raise DatabaseError("could not write the row")

    monkeypatch.setattr(Organisation, "save", fail)
    with pytest.raises(DatabaseError):
        organisation_set_logo(organisation=organisation, logo=a_logo(), by=None)

    assert stored_files(media) == set()
    organisation.refresh_from_db()
    assert not organisation.logo


def test_a_rolled_back_change_keeps_the_previous_files(
    media: Path, django_capture_on_commit_callbacks
) -> None:
    organisation = OrganisationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        organisation_set_logo(organisation=organisation, logo=a_logo("red"), by=None)
    old = stored_files(media)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            organisation_set_logo(organisation=organisation, logo=a_logo("blue"), by=None)
            raise RuntimeError("a later step of the same request failed")

    assert not callbacks
    assert old <= stored_files(media)
    organisation.refresh_from_db()
    assert organisation.logo.name in old


def test_removing_the_logo_deletes_its_files_after_the_commit(
    media: Path, django_capture_on_commit_callbacks
) -> None:
    organisation = OrganisationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        organisation_set_logo(organisation=organisation, logo=a_logo(), by=None)

    with django_capture_on_commit_callbacks(execute=True):
        organisation_remove_logo(organisation=organisation, by=None)

    organisation.refresh_from_db()
    assert not organisation.logo
    assert not organisation.logo_thumbnail
    assert stored_files(media) == set()
    assert organisation.versions.count() == 3  # created, logo set, logo removed


def test_removing_a_logo_that_is_not_there_changes_nothing() -> None:
    organisation = OrganisationFactory()

    organisation_remove_logo(organisation=organisation, by=None)

    assert organisation.versions.count() == 1  # only the one of its creation
