import os
import stat
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from creativecities import local_data


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of its own, not yet created, and no variable that would bypass it."""
    folder = tmp_path / "data"
    monkeypatch.setenv("CREATIVECITIES_DATA_DIR", str(folder))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)
    return folder


def test_the_key_is_made_once_and_readable_only_by_its_owner(data: Path) -> None:
    assert local_data.local_secret_key() == ""

    local_data.ensure_secret_key()
    key = local_data.local_secret_key()
    local_data.ensure_secret_key()

    assert len(key) > 50
    assert local_data.local_secret_key() == key
    assert stat.S_IMODE((data / "secret_key").stat().st_mode) == 0o600


def test_prepare_leaves_alone_what_the_environment_names(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://portal@db.internal/portal")
    monkeypatch.setenv("DJANGO_SECRET_KEY", "from-the-environment")

    local_data.prepare()

    assert not data.exists()


def test_prepare_makes_the_key_when_the_environment_has_none(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://portal@db.internal/portal")

    local_data.prepare()

    assert sorted(path.name for path in data.iterdir()) == ["secret_key"]


def test_the_address_is_the_socket_in_the_server_folder(data: Path) -> None:
    assert local_data.database_url() == f"postgresql://postgres:@/postgres?host={data}/postgres"


def test_the_address_follows_a_socket_the_server_put_elsewhere(data: Path) -> None:
    """A folder whose path is too long for a Unix socket gets its socket in the
    runtime directory; the running server's `postmaster.pid` tells where."""
    (data / "postgres").mkdir(parents=True)
    (data / "postgres" / "postmaster.pid").write_text(
        f"4242\n{data}/postgres\n1700000000\n5432\n/run/pg-1234abcd\n\n  1 2\nready\n"
    )

    assert local_data.database_url() == "postgresql://postgres:@/postgres?host=/run/pg-1234abcd"


def test_a_folder_of_another_major_version_is_refused_with_what_to_run(data: Path) -> None:
    (data / "postgres").mkdir(parents=True)
    (data / "postgres" / "PG_VERSION").write_text("18\n")

    with pytest.raises(local_data.LocalDataError, match="made by PostgreSQL 18") as refused:
        local_data.start_database()

    assert f"mv {data}/postgres {data}/postgres.18" in str(refused.value)
    assert not (data / "postgres" / "postmaster.pid").exists()


def test_stopping_a_server_that_does_not_run_does_nothing(data: Path) -> None:
    assert local_data.stop_database() is False
    assert not data.exists()


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="the run uses another server")
def test_the_test_run_uses_the_server_the_settings_point_at() -> None:
    host = connection.settings_dict["OPTIONS"]["host"]

    assert local_data.database_url() == f"postgresql://postgres:@/postgres?host={host}"
    assert Path(host, ".s.PGSQL.5432").is_socket()


def test_a_new_server_starts_answers_and_stops(data: Path) -> None:
    """The whole life of an embedded server, as `make` and `make db-stop` drive it."""
    try:
        url = local_data.start_database()
        assert url == local_data.database_url()
        with psycopg.connect(url) as conn:
            row = conn.execute("SHOW server_version_num").fetchone()
        assert row is not None
        assert int(row[0]) // 10000 == local_data.POSTGRES_VERSION
    finally:
        stopped = local_data.stop_database()

    assert stopped is True
    assert not (data / "postgres" / "postmaster.pid").exists()
