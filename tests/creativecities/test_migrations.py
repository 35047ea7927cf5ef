"""A database made before the core's models left the directory migrates with
its rows: versions, status changes and mail keep their tables, and the desk's
rights on the mail follow the model to its new app."""

from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from creativecities.models import OutgoingEmail, StateChange, Version
from directory.models import Sector, User

# Where main stood before the move: the directory at 0030, no core app.
BEFORE = [("directory", "0030_campaign_results_status"), ("creativecities", None)]


def migrate(targets: list[tuple[str, str | None]]) -> Any:
    """Migrate the test database to `targets`; the apps of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    reached = [(app, name) for app, name in targets if name is not None]
    return executor.loader.project_state(reached).apps


@pytest.fixture
def latest() -> Any:
    """The migrations the test database was made with; the test runs inside a
    transaction that is rolled back, tables and migration records included,
    and the content types' cache is dropped again after it."""
    targets = MigrationExecutor(connection).loader.graph.leaf_nodes()
    yield targets
    ContentType.objects.clear_cache()


@pytest.mark.slow
@pytest.mark.django_db
def test_a_database_of_the_directory_layout_keeps_its_rows(latest: Any) -> None:
    old = migrate(BEFORE)
    ContentTypeThen = old.get_model("contenttypes", "ContentType")
    person = old.get_model("directory", "User").objects.create(email="desk@example.org")
    sector = old.get_model("directory", "Sector").objects.order_by("pk").first()
    sector_type = ContentTypeThen.objects.get(app_label="directory", model="sector")
    version = old.get_model("directory", "Version").objects.create(
        content_type=sector_type,
        object_id=sector.pk,
        created_by=person,
        data={"name_it": "Architettura"},
        note="Renamed",
    )
    step = old.get_model("directory", "StateChange").objects.create(
        content_type=sector_type,
        object_id=sector.pk,
        created_by=person,
        transition="approve",
        source="pending",
        target="published",
        note="All in order",
    )
    mail = old.get_model("directory", "OutgoingEmail").objects.create(
        to=["member@example.org"],
        subject="Profilo pubblicato",
        body="Il profilo è online.",
        template="directory/emails/organisation_approved",
        language="it",
    )
    assert ContentTypeThen.objects.filter(app_label="directory", model="outgoingemail").exists()

    migrate(latest)

    moved_version = Version.objects.get(pk=version.pk)
    assert moved_version.content_object == Sector.objects.get(pk=sector.pk)
    assert moved_version.created_by == User.objects.get(email="desk@example.org")
    assert (moved_version.data, moved_version.note) == ({"name_it": "Architettura"}, "Renamed")
    moved_step = StateChange.objects.get(pk=step.pk)
    assert (moved_step.source, moved_step.target, moved_step.note) == (
        "pending",
        "published",
        "All in order",
    )
    assert moved_step.content_object == Sector.objects.get(pk=sector.pk)
    moved_mail = OutgoingEmail.objects.get(pk=mail.pk)
    assert (moved_mail.to, moved_mail.subject, moved_mail.status) == (
        ["member@example.org"],
        "Profilo pubblicato",
        OutgoingEmail.Status.QUEUED,
    )
    # The content types were relabelled, not made again: the desk's group
    # keeps its rights on the mail under the core's label.
    assert not ContentType.objects.filter(app_label="directory", model="outgoingemail").exists()
    desk = Group.objects.get(name="Desk staff")
    assert {"view_outgoingemail", "resend_outgoingemail"} <= set(
        desk.permissions.filter(content_type__app_label="creativecities").values_list(
            "codename", flat=True
        )
    )
    clerk = User.objects.create_user(email="clerk@example.org", password="x" * 12)
    clerk.groups.add(desk)
    clerk = User.objects.get(pk=clerk.pk)
    assert clerk.has_perm("creativecities.resend_outgoingemail")
    assert not Permission.objects.filter(
        content_type__app_label="directory", codename__endswith="outgoingemail"
    ).exists()
