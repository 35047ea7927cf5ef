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
   page gives away, `directory.survey.reading`); prints how many are pinned to
   one value. A "fewer than 5" pinned is a disclosure: the run then fails.
6. Stops gunicorn, and the embedded PostgreSQL if it started it.

Options: --requests N (per probe, default 50), --time-limit S (whole run,
default 300 s; stops sending when it is reached).
"""

from __future__ import annotations

import argparse
import http.client
import io
import os
import re
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
PASSWORD = "probe-password-for-the-abuse-run-42"
DOMAIN = "abuse.example"


class Browser:
    """One client: keeps its cookies, sends the CSRF token, and says which address
    the reverse proxy would have seen (X-Forwarded-For)."""

    def __init__(self, port: int, address: str) -> None:
        self.port, self.address = port, address
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict[str, object] | None = None) -> int:
        headers = {"Accept-Language": "it", "X-Forwarded-For": self.address}
        body = None
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if data is not None:
            data = {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status
        finally:
            connection.close()

    def get(self, path: str) -> int:
        return self.request("GET", path)

    def read(self, path: str) -> tuple[int, str]:
        """A GET's status and body."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Accept-Language": "it", "X-Forwarded-For": self.address}
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            return response.status, response.read().decode()
        finally:
            connection.close()

    def log_in(self, email: str) -> None:
        self.request("GET", "/it/accounts/login/")
        status = self.request(
            "POST", "/it/accounts/login/", {"username": email, "password": PASSWORD}
        )
        if status != 302:
            raise RuntimeError(f"could not log in as {email}: {status}")

    def pass_second_factor(self, email: str) -> None:
        """Staff give the code of their authenticator after the password (required
        with DEBUG off, as here): the code it shows now, from its key."""
        from django_otp.oath import totp
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.get(user__email=email, confirmed=True)
        code = f"{totp(device.bin_key, device.step, device.t0, device.digits):0{device.digits}d}"
        self.request("GET", "/it/accounts/second-factor/")
        status = self.request("POST", "/it/accounts/second-factor/", {"code": code})
        if status != 302:
            raise RuntimeError(f"{email} could not pass the second factor: {status}")


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


@dataclass
class Escalation:
    """One attempt of a desk staff session to gain or grant power through the
    admin's user pages; `got_through` reads the database afterwards."""

    name: str
    target: int  # the id of the account the attempt is made on
    path: str  # under /admin/directory/user/<id>/, or "" for the list
    data: dict[str, object]  # posted on top of the account's own form
    got_through: Callable[[User], bool]
    status: int = 0
    granted: bool = False


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


def escalations() -> list[Escalation]:
    """What a desk staff session tries on its own account, a member's and a
    superuser's."""
    from django.contrib.auth.models import Group, Permission

    from directory.models import User

    every_group = list(Group.objects.values_list("pk", flat=True))
    strongest = list(
        Permission.objects.filter(
            codename__in=["change_group", "add_user", "delete_user"]
        ).values_list("pk", flat=True)
    )
    ids = dict(User.objects.values_list("email", "pk"))
    desk, member, root = (ids[f"{name}@{DOMAIN}"] for name in ("desk", "victim", "root"))
    taken = f"taken@{DOMAIN}"
    new_password = {"usable_password": "true", "password1": "x" * 20, "password2": "x" * 20}

    def joined_more_groups(user: User) -> bool:
        return user.groups.count() > (1 if user.pk == desk else 0)

    return [
        Escalation("own account: superuser", desk, "change/", {"is_superuser": "on"},
                   lambda user: user.is_superuser),
        Escalation("own account: every group", desk, "change/", {"groups": every_group},
                   joined_more_groups),
        Escalation("own account: permissions", desk, "change/",
                   {"user_permissions": strongest},
                   lambda user: user.user_permissions.exists()),
        Escalation("a member: staff", member, "change/", {"is_staff": "on"},
                   lambda user: user.is_staff),
        Escalation("a member: superuser", member, "change/", {"is_superuser": "on"},
                   lambda user: user.is_superuser),
        Escalation("a member: every group", member, "change/", {"groups": every_group},
                   joined_more_groups),
        Escalation("a superuser: email address", root, "change/",
                   {"email": taken, "is_superuser": "on", "is_staff": "on"},
                   lambda user: user.email == taken),
        Escalation("a superuser: password", root, "password/", new_password,
                   lambda user: user.check_password("x" * 20)),
        Escalation("a superuser: bulk deletion", root, "", {"post": "yes"},
                   lambda user: not User.objects.filter(pk=user.pk).exists()),
    ]  # fmt: skip


def escalate(attempt: Escalation, browser: Browser) -> None:
    """Post the account's form as the change page would send it, with the
    attempt's fields on top, then read the account again. The desk's own
    account is put back as it was after each attempt, so that one that got
    through does not decide the next."""
    from django.contrib.auth.models import Group

    from directory.models import User

    target = User.objects.get(pk=attempt.target)
    if attempt.path:
        url = f"/admin/directory/user/{target.pk}/{attempt.path}"
        browser.get(url)
        data: dict[str, object] = {
            "email": target.email,
            "first_name": target.first_name,
            "last_name": target.last_name,
            "is_active": "on",
            "date_joined_0": target.date_joined.strftime("%Y-%m-%d"),
            "date_joined_1": target.date_joined.strftime("%H:%M:%S"),
            "groups": list(target.groups.values_list("pk", flat=True)),
            **({"is_staff": "on"} if target.is_staff else {}),
        }
    else:
        url = "/admin/directory/user/"
        browser.get(url)
        data = {"action": "delete_selected", "_selected_action": [target.pk]}
    attempt.status = browser.request("POST", url, {**data, **attempt.data})
    fresh = User.objects.filter(pk=target.pk).first() or target
    attempt.granted = attempt.got_through(fresh)
    desk = User.objects.get(email=f"desk@{DOMAIN}")
    desk.is_superuser = False
    desk.save(update_fields=["is_superuser"])
    desk.groups.set([Group.objects.get(name="Desk staff")])
    desk.user_permissions.clear()


def escalation_report(attempts: list[Escalation]) -> list[str]:
    title = "privilege escalation, desk staff session"
    width = max(len(title), *(len(attempt.name) for attempt in attempts))
    lines = [
        f"{title:<{width}}  status  got through",
        f"{'-' * width}  ------  -----------",
    ]
    for attempt in attempts:
        verdict = "YES" if attempt.granted else "no"
        lines.append(f"{attempt.name:<{width}}  {attempt.status:>6}  {verdict:>11}")
    lines.append(
        "status: the answer to the POST (302: saved without the privilege, 403: refused, "
        "200: no such action); got through: the account changed as asked, read from "
        "the database"
    )
    return lines


def mails_to(pattern: str) -> int:
    from directory.models import OutgoingEmail

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


@dataclass
class Disclosure:
    path: str
    status: int = 0
    tables: int = 0
    hidden: int = 0
    pinned_small: int = 0
    pinned_hidden: int = 0

    def lines(self) -> list[str]:
        return [
            f"disclosure: {self.path} answered {self.status}; {self.tables} tables, "
            f"{self.hidden} hidden figures solved for",
            f'  pinned to one value: {self.pinned_small} reading "fewer than 5" (must be 0), '
            f'{self.pinned_hidden} reading "hidden" (each at least 5: no disclosure)',
        ]


def seed_survey() -> str:
    """The demo data; the public results page of its published survey."""
    from django.core.management import call_command

    from directory.survey.models import Campaign

    call_command("load_demo_data", "--force", stdout=io.StringIO())
    campaign = Campaign.objects.published_results().order_by("-closes_at").first()
    if campaign is None:
        raise RuntimeError("the demo data published no survey results")
    return f"/it/survey/{campaign.slug}/results/"


def disclosure_probe(port: int, path: str) -> Disclosure:
    from directory.survey import reading

    found = Disclosure(path)
    found.status, html = Browser(port, "198.51.100.200").read(path)
    if found.status != 200:
        return found
    solved = reading.solve(html, not_stated="Non indicata")
    found.tables = len(solved.tables)
    found.hidden = len(solved.intervals)
    found.pinned_small = len(solved.pinned("small"))
    found.pinned_hidden = len(solved.pinned("hidden"))
    return found


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
