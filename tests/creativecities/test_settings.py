import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from creativecities import local_data
from creativecities.settings import connection_max_age

ROOT = Path(__file__).resolve().parents[2]


def environment(**variables: str) -> dict[str, str]:
    """The environment of a process started without any of the test run's relaxations."""
    return {
        **{
            k: v
            for k, v in os.environ.items()
            if not k.startswith("DJANGO_") and k != local_data.LOCAL_VARIABLE
        },
        **variables,
    }


def run_in(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run a Python command of the checkout in a process of its own."""
    return subprocess.run(  # noqa: S603
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


LOCAL = {local_data.LOCAL_VARIABLE: "true"}
# A server's address that `check --deploy` never connects to (as `make check-deploy`).
DEPLOY_CHECK_DATABASE = "postgresql://deploy-check@db.invalid/creativecities"
DEPLOY_CHECK_PAGE_CACHE = "redis://deploy-check.invalid:6379/2"


@pytest.mark.parametrize("local", [None, "", "false"])
def test_manage_py_on_a_server_without_database_url_stops_saying_what_to_set(
    tmp_path: Path, local: str | None
) -> None:
    """`manage.py migrate` with the variable missing must not migrate a new
    embedded database and report success."""
    data = tmp_path / "data"
    env = environment(DJANGO_SECRET_KEY="k" * 50, CREATIVECITIES_DATA_DIR=str(data))
    env.pop("DATABASE_URL", None)
    if local is not None:
        env[local_data.LOCAL_VARIABLE] = local
    result = run_in(env, "manage.py", "migrate")

    assert result.returncode == 1
    assert "DATABASE_URL is not set" in result.stderr
    assert f"set {local_data.LOCAL_VARIABLE}=true" in result.stderr
    assert "Traceback" not in result.stderr
    assert not data.exists()  # no database made, no key written


@pytest.mark.parametrize(
    "variables", [LOCAL, {"DJANGO_DEBUG": "true"}], ids=["local opt-in", "debug"]
)
def test_manage_py_on_a_development_machine_uses_the_embedded_database(
    tmp_path: Path, variables: dict[str, str]
) -> None:
    """The same folder, the test run's own embedded server: what `make` does."""
    env = environment(**variables)
    env.pop("DATABASE_URL", None)
    env["CREATIVECITIES_DATA_DIR"] = str(local_data.data_dir())
    code = "from django.db import connection; print(connection.settings_dict['OPTIONS']['host'])"
    result = run_in(env, "manage.py", "shell", "-c", code)

    assert result.returncode == 0, result.stderr
    assert "DATABASE_URL is not set" not in result.stderr
    assert result.stdout.splitlines()[-1] == local_data.database_url().split("host=", 1)[1]


def test_reading_the_settings_starts_no_server_and_writes_no_file(tmp_path: Path) -> None:
    """What mypy's plugin, `check` or a linter do: import the settings, set Django up
    and run the system checks, with no DATABASE_URL, no key and a data folder to be,
    on a development machine."""
    data = tmp_path / "data"
    env = environment(DJANGO_SETTINGS_MODULE="creativecities.settings", **LOCAL)
    env["CREATIVECITIES_DATA_DIR"] = str(data)
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, django\n"
            "from django.conf import settings\n"
            "from django.core.exceptions import ImproperlyConfigured\n"
            "from django.core.management import call_command\n"
            "django.setup()\n"
            "call_command('check', verbosity=0)\n"
            "try:\n"
            "    key = settings.SECRET_KEY\n"
            "except ImproperlyConfigured as error:\n"
            "    key = str(error)\n"
            "database = settings.DATABASES['default']\n"
            "host = database['OPTIONS']['host']\n"
            "print(json.dumps({'host': host, 'name': database['NAME'], 'key': key}))\n",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])  # after what `check` says
    assert seen["host"] == str(data / "postgres")  # the embedded server's socket, computed
    assert seen["name"] == "postgres"
    assert seen["key"] == "The SECRET_KEY setting must not be empty."
    assert not data.exists()  # no server folder, no key file


def test_settings_read_the_key_kept_in_the_data_folder(tmp_path: Path) -> None:
    (tmp_path / "secret_key").write_text("a-local-key-made-once\n")
    env = environment(DJANGO_SETTINGS_MODULE="creativecities.settings", **LOCAL)
    env["CREATIVECITIES_DATA_DIR"] = str(tmp_path)
    result = run_in(env, "-c", "from django.conf import settings; print(settings.SECRET_KEY)")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "a-local-key-made-once"


def test_manage_py_makes_the_local_key_before_running_a_command(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = environment(DATABASE_URL=local_data.database_url(), **LOCAL)  # the test server
    env["CREATIVECITIES_DATA_DIR"] = str(data)
    result = run_in(env, "manage.py", "check")

    assert result.returncode == 0, result.stderr
    assert len((data / "secret_key").read_text()) > 50
    assert not (data / "postgres").exists()  # DATABASE_URL named the server to use


def test_check_deploy_is_clean_with_production_variables() -> None:
    env = environment(
        DJANGO_SECRET_KEY="x" * 20 + "-production-like-key-0123456789-abcdefghijklmnop",
        DJANGO_ALLOWED_HOSTS="creativecities.example",
        DJANGO_DEBUG="false",
        DATABASE_URL=DEPLOY_CHECK_DATABASE,
        DJANGO_PAGE_CACHE_URL=DEPLOY_CHECK_PAGE_CACHE,
    )
    result = run_in(env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr
    assert "WARNINGS" not in result.stderr


@pytest.mark.parametrize(("debug", "expected"), [(None, "False"), ("", "False"), ("true", "True")])
def test_debug_is_off_unless_asked_for(debug: str | None, expected: str) -> None:
    env = environment(DJANGO_SETTINGS_MODULE="creativecities.settings", DJANGO_SECRET_KEY="k" * 50)
    if debug is not None:
        env["DJANGO_DEBUG"] = debug
    result = run_in(env, "-c", "from django.conf import settings; print(settings.DEBUG)")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


@pytest.mark.parametrize(("level", "printed"), [("ERROR", False), (None, True)])
def test_djangos_own_warnings_follow_the_log_level(level: str | None, printed: bool) -> None:
    """A refused request (403, 429) is a warning of Django's request logger:
    DJANGO_LOG_LEVEL=ERROR keeps it out of the server's output, the default
    (INFO) prints it."""
    env = environment(DJANGO_SETTINGS_MODULE="creativecities.settings", DJANGO_SECRET_KEY="k" * 50)
    if level is not None:
        env["DJANGO_LOG_LEVEL"] = level
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').warning('Forbidden (probe)'); "
        "logging.getLogger('directory').error('an error (probe)')"
    )
    result = run_in(env, "-c", code)

    assert result.returncode == 0, result.stderr
    assert ("Forbidden (probe)" in result.stderr) is printed
    assert "an error (probe)" in result.stderr


@pytest.mark.django_db
def test_no_model_change_lacks_its_migration() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_map_tiles_origin_is_the_only_outside_image_source() -> None:
    img_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]

    assert settings.MAP_TILES_URL.startswith(img_src[-1])
    assert [src for src in img_src if src.startswith("http")] == [img_src[-1]]


@pytest.mark.parametrize(
    "command",
    [
        ["-c", "import creativecities.wsgi"],  # what gunicorn loads
        ["manage.py", "check"],  # a command on a server (DATABASE_URL set)
    ],
)
@pytest.mark.parametrize("local", [None, "false"])
def test_a_server_without_a_key_refuses_to_start_saying_why(
    tmp_path: Path, command: list[str], local: str | None
) -> None:
    (tmp_path / "secret_key").write_text("a-key-left-on-the-server-by-someone\n")
    env = environment(
        DJANGO_SETTINGS_MODULE="creativecities.settings",
        DATABASE_URL="postgresql://portal@db.invalid/portal",
        CREATIVECITIES_DATA_DIR=str(tmp_path),
    )
    if local is not None:
        env[local_data.LOCAL_VARIABLE] = local
    result = run_in(env, *command)

    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is not set." in result.stderr
    assert f"{local_data.LOCAL_VARIABLE}=true" in result.stderr


@pytest.mark.parametrize(
    "variables", [{"DJANGO_DEBUG": "true"}, LOCAL], ids=["debug", "local opt-in"]
)
def test_a_development_machine_uses_the_key_kept_in_the_data_folder(
    tmp_path: Path, variables: dict[str, str]
) -> None:
    (tmp_path / "secret_key").write_text("a-local-key-made-once\n")
    env = environment(
        DJANGO_SETTINGS_MODULE="creativecities.settings",
        CREATIVECITIES_DATA_DIR=str(tmp_path),
        **variables,
    )

    result = run_in(env, "-c", "from django.conf import settings; print(settings.SECRET_KEY)")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "a-local-key-made-once"


@pytest.mark.parametrize(("database_url", "local"), [(None, "true"), ("postgresql://db", None)])
def test_manage_py_on_the_embedded_database_is_local_use(
    monkeypatch: pytest.MonkeyPatch, database_url: str | None, local: str | None
) -> None:
    """`manage.py` under DJANGO_DEBUG without DATABASE_URL runs the checkout's own
    database: the settings accept the local key there; on a server's database
    they do not."""
    import manage

    seen: list[str | None] = []
    monkeypatch.delenv(local_data.LOCAL_VARIABLE, raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("DJANGO_DEBUG", "true")
    if database_url:
        monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setattr(local_data, "prepare", lambda: None)
    monkeypatch.setattr(
        "django.core.management.execute_from_command_line",
        lambda argv: seen.append(os.environ.get(local_data.LOCAL_VARIABLE)),
    )

    manage.main()

    assert seen == [local]


@pytest.mark.parametrize(
    ("argv", "pool_size", "expected"),
    [
        (["manage.py", "runserver", "127.0.0.1:8000"], 0, 0),  # `make run`: closed each request
        (["manage.py", "runserver"], 0, 0),
        (["gunicorn", "creativecities.wsgi"], 0, 60),  # a server keeps it, as configured
        (["manage.py", "db_worker"], 0, 60),
        (["manage.py", "shell", "-c", "runserver"], 0, 60),  # only the command counts
        (["gunicorn", "creativecities.wsgi"], 4, 0),  # a pool allows no persistent one
    ],
)
def test_the_development_server_closes_its_database_connection_after_each_request(
    argv: list[str], pool_size: int, expected: int
) -> None:
    assert connection_max_age(argv=argv, pool_size=pool_size, configured=60) == expected


def test_runserver_reads_no_persistent_connection_whatever_the_environment_says() -> None:
    env = environment(
        DJANGO_SETTINGS_MODULE="creativecities.settings",
        DJANGO_SECRET_KEY="k" * 50,
        DATABASE_CONN_MAX_AGE="600",
    )
    script = (
        "import sys; sys.argv = ['manage.py', {command!r}]\n"
        "from django.conf import settings; print(settings.DATABASES['default']['CONN_MAX_AGE'])"
    )
    served = run_in(env, "-c", script.format(command="runserver"))
    other = run_in(env, "-c", script.format(command="check"))

    assert served.returncode == 0, served.stderr
    assert (served.stdout.strip(), other.stdout.strip()) == ("0", "600")
