"""Replay of the abuse probes of the security review: `make abuse` (or
`.venv/bin/python bench/abuse.py`).

1. Makes a fresh database, `creativecities_abuse`, on the checkout's PostgreSQL
   (the embedded one unless DATABASE_URL is set; the development database is
   never written), migrates it, makes the rate limits' table, and adds the
   people the probes need: a victim with an account, someone who registered and
   never confirmed, and two members of a published organisation.
2. Starts gunicorn on 127.0.0.1 with the portal's own production settings and
   URLs (DEBUG off; no HTTPS redirect or secure cookies, as there is no TLS), two
   sync workers, so that every limit is counted across processes. It runs as if
   behind the reverse proxy: each probe comes from an address of its own in
   X-Forwarded-For, so that one probe's per-address count does not decide the
   next. Mail is recorded (OutgoingEmail) but handed to Django's dummy backend.
3. Sends each probe's 50 requests as fast as one client can, and prints for
   each how many were answered normally ("through"), how many were refused
   (429) and how many mails the database recorded for the target.
4. Privilege escalation: a desk staff session posts the admin's user forms to
   grant itself and a member superuser or staff status, groups and
   permissions, and to take over a superuser's account (its email address, its
   password, deleting it); the database, read afterwards, says whether each got
   through. None may: the exit status is 1 if one did.
5. Disclosure: with the demo data loaded, reads the public results page of the
   demo's published survey as an outsider, parses its tables and solves for
   every hidden figure (least and greatest value under every equation the
   page gives away, `survey.reading`); prints how many are pinned to
   one value. A "fewer than 5" pinned is a disclosure: the run then fails.
6. Stops gunicorn, and the embedded PostgreSQL if it started it.

Options: --requests N (per probe, default 50), --time-limit S (whole run,
default 300 s; stops sending when it is reached).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.abuse_client import DOMAIN, PASSWORD, Browser  # noqa: E402
from bench.abuse_disclosure import disclosure_probe, seed_survey  # noqa: E402
from bench.abuse_escalation import escalate, escalation_report, escalations  # noqa: E402
from bench.servers import (  # noqa: E402
    free_port,
    server_url,
    start_gunicorn,
    stop,
    stop_on_sigterm,
    with_database,
)

if TYPE_CHECKING:
    from directory.models import User

ABUSE_DATABASE = "creativecities_abuse"


@dataclass
class Probe:
    name: str
    page: str  # where the form is (GET first, for the CSRF cookie)
    target: str  # POST to
    data: list[dict[str, object]]  # one per request, cycled
    recipients: str  # a regular expression over OutgoingEmail.to, or "" for none
    login: str = ""
    statuses: list[int] = field(default_factory=list)
    mails: int = 0
    seconds: float = 0.0


def reset_database(server: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(server, autocommit=True) as conn:
        name = sql.Identifier(ABUSE_DATABASE)
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


def seed() -> dict[str, object]:
    """The people and the published organisation the probes use."""
    from django.contrib.auth.models import Group
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from directory.models import Membership, Municipality, Organisation, Sector, User

    sector = Sector.objects.order_by("order").first()
    municipality = Municipality.objects.order_by("order").first()
    assert sector is not None and municipality is not None  # noqa: S101 - seeded by migrations

    def person(email: str, *, active: bool = True) -> User:
        user = User.objects.create_user(email, PASSWORD, first_name="Probe", last_name="Person")
        user.is_active = active
        user.save(update_fields=["is_active"])
        return user

    person(f"victim@{DOMAIN}")
    waiting = person(f"unconfirmed@{DOMAIN}", active=False)
    Membership.objects.create(
        user=waiting,
        role=Membership.Role.OWNER,
        organisation=Organisation.objects.create(
            name="Bozza Sonda",
            slug="bozza-sonda",
            kind=Organisation.Kind.COMPANY,
            primary_sector=sector,
            municipality=municipality,
            short_description_it="Una bozza mai confermata.",
            status=Organisation.Status.DRAFT,
        ),
    )
    published = Organisation.objects.create(
        name="Studio Sonda",
        slug="studio-sonda",
        kind=Organisation.Kind.COMPANY,
        primary_sector=sector,
        municipality=municipality,
        short_description_it="Uno studio pubblicato.",
        status=Organisation.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    for email in (f"inviter-one@{DOMAIN}", f"inviter-many@{DOMAIN}"):
        Membership.objects.create(user=person(email), organisation=published)
    desk = person(f"desk@{DOMAIN}")
    desk.is_staff = True
    desk.save(update_fields=["is_staff"])
    desk.groups.add(Group.objects.get(name="Desk staff"))
    TOTPDevice.objects.create(user=desk, name="Authenticator", confirmed=True)
    User.objects.create_superuser(f"root@{DOMAIN}", PASSWORD)
    return {"sector": sector.pk, "municipality": municipality.pk}


def probes(requests: int, ids: dict[str, object]) -> list[Probe]:
    registration = {
        "email": f"newcomer@{DOMAIN}",
        "first_name": "Nuova",
        "last_name": "Persona",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "privacy": "on",
        "organisation-name": "Studio Nuovo",
        "organisation-kind": "company",
        "organisation-primary_sector": ids["sector"],
        "organisation-municipality": ids["municipality"],
        "organisation-short_description_it": "Una prova di registrazione.",
    }
    invite = "/it/directory/studio-sonda/invite/"
    return [
        Probe(
            "registration, one address",
            "/it/register/",
            "/it/register/",
            [registration],
            rf"^newcomer@{DOMAIN}$",
        ),
        Probe(
            "confirmation resend, one address",
            "/it/register/done/",
            "/it/register/resend/",
            [{"email": f"unconfirmed@{DOMAIN}"}],
            rf"^unconfirmed@{DOMAIN}$",
        ),
        Probe(
            "password reset, one address",
            "/it/accounts/password_reset/",
            "/it/accounts/password_reset/",
            [{"email": f"victim@{DOMAIN}"}],
            rf"^victim@{DOMAIN}$",
        ),
        Probe(
            "invitations, one account to one address",
            invite,
            invite,
            [{"email": f"invitee@{DOMAIN}"}],
            rf"^invitee@{DOMAIN}$",
            login=f"inviter-one@{DOMAIN}",
        ),
        Probe(
            "invitations, one account to many addresses",
            invite,
            invite,
            [{"email": f"invitee-{n}@{DOMAIN}"} for n in range(requests)],
            rf"^invitee-\d+@{DOMAIN}$",
            login=f"inviter-many@{DOMAIN}",
        ),
        Probe(
            "logins, wrong password",
            "/it/accounts/login/",
            "/it/accounts/login/",
            [{"username": f"victim@{DOMAIN}", "password": "not-the-password"}],
            "",
        ),
    ]


def mails_to(pattern: str) -> int:
    from creativecities.models import OutgoingEmail

    if not pattern:
        return 0
    return sum(
        1
        for recipients in OutgoingEmail.objects.values_list("to", flat=True)
        if any(re.match(pattern, address) for address in recipients)
    )


def run(probe: Probe, port: int, address: str, requests: int, deadline: float) -> None:
    browser = Browser(port, address)
    if probe.login:
        browser.log_in(probe.login)
    browser.request("GET", probe.page)
    before = mails_to(probe.recipients)
    start = time.perf_counter()
    for n in range(requests):
        if time.monotonic() > deadline:
            break
        data = probe.data[n % len(probe.data)]
        probe.statuses.append(browser.request("POST", probe.target, data))
    probe.seconds = time.perf_counter() - start
    probe.mails = mails_to(probe.recipients) - before


def report(results: list[Probe], requests: int) -> list[str]:
    width = max(len(probe.name) for probe in results)
    lines = [
        f"{'probe':<{width}}  sent  through  refused (429)  other  mails  seconds",
        f"{'-' * width}  ----  -------  -------------  -----  -----  -------",
    ]
    for probe in results:
        through = sum(status in (200, 302) for status in probe.statuses)
        refused = probe.statuses.count(429)
        other = len(probe.statuses) - through - refused
        mails = str(probe.mails) if probe.recipients else "-"
        lines.append(
            f"{probe.name:<{width}}  {len(probe.statuses):>4}  {through:>7}  {refused:>13}"
            f"  {other:>5}  {mails:>5}  {probe.seconds:>7.1f}"
        )
    lines.append(
        f"through: answered normally (200 or 302) out of {requests} rapid requests; "
        "mails: recorded for the probe's target address(es)"
    )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--time-limit", type=float, default=300.0)
    options = parser.parse_args()
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    deadline = time.monotonic() + options.time_limit

    from creativecities import local_data

    embedded = not os.environ.get("DATABASE_URL")
    started_database = embedded and not (local_data.postgres_dir() / "postmaster.pid").exists()
    gunicorn = None
    try:
        server = server_url()
        database_url = with_database(server, ABUSE_DATABASE)
        reset_database(server)
        os.environ["DATABASE_URL"] = database_url
        os.environ["DJANGO_SETTINGS_MODULE"] = "creativecities.settings"
        # The demo data's mails are recorded, never sent.
        os.environ.setdefault(
            "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend"
        )
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        print(f"Database {ABUSE_DATABASE}: migrating")
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        ids = seed()
        print("Demo data: loading")
        results_path = seed_survey()
        connection.close()

        port = free_port()
        gunicorn = start_gunicorn(
            database_url,
            port,
            ["--workers", "2"],
            settings_module="creativecities.settings",
            ready_path="/healthz",
            extra_env={
                "DJANGO_BEHIND_PROXY": "true",
                "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
                # Every refusal would be logged as a warning ("Too Many Requests").
                "DJANGO_LOG_LEVEL": "ERROR",
            },
        )
        print(f"gunicorn on 127.0.0.1:{port}, 2 sync workers, production settings\n")
        results = probes(options.requests, ids)
        for number, probe in enumerate(results, start=1):
            run(probe, port, f"198.51.100.{number}", options.requests, deadline)
            connection.close()
        for line in report(results, options.requests):
            print(line)
        attempts = escalations()
        browser = Browser(port, f"198.51.100.{len(results) + 1}")
        browser.log_in(f"desk@{DOMAIN}")
        browser.pass_second_factor(f"desk@{DOMAIN}")
        for attempt in attempts:
            escalate(attempt, browser)
        connection.close()
        print()
        for line in escalation_report(attempts):
            print(line)
        print()
        disclosure = disclosure_probe(port, results_path)
        for line in disclosure.lines():
            print(line)
        if time.monotonic() > deadline:
            print(f"Stopped at the time limit ({options.time_limit:.0f} s).")
            return 1
        disclosed = disclosure.status != 200 or bool(disclosure.pinned_small)
        return 1 if disclosed or any(attempt.granted for attempt in attempts) else 0
    finally:
        if gunicorn is not None:
            stop(gunicorn)
        if started_database:
            local_data.stop_database()


if __name__ == "__main__":
    sys.exit(main())
