"""Fill a development database with demo content, as many times as you like."""

import datetime
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from creativecities import history, pagecache
from creativecities.demo.loaders import demo_loaders
from creativecities.demo.logos import drawn_logo, initials_of
from creativecities.images import process_logo
from creativecities.updates import model_update
from directory import demo, demo_organisations
from directory.models import Membership, Municipality, Organisation, Partner, Sector, User
from directory.services.logos import organisation_set_logo, partner_set_logo

DEMO_STAFF_EMAIL = "sportello@demo.creativecities.example"
DEMO_MEMBER_EMAIL = "giulia.parodi@demo.creativecities.example"


class Command(BaseCommand):
    help = "Load demo data (idempotent) and print the demo logins."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even when DEBUG is off (never on a production database).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Demo data is for development: set DJANGO_DEBUG=true or --force.")
        staff_password = self.password("demo-staff-password")
        member_password = self.password("demo-member-password")
        with transaction.atomic():
            staff = self.account(DEMO_STAFF_EMAIL, staff_password, "Sportello", "Demo", staff=True)
            staff.groups.add(Group.objects.get(name="Desk staff"))
            member = self.account(DEMO_MEMBER_EMAIL, member_password, "Giulia", "Parodi")
            organisations = self.organisations()
            self.partner_logos()
            for role, slug in zip(
                (Membership.Role.OWNER, Membership.Role.MEMBER),
                demo_organisations.MEMBER_ORGANISATIONS,
                strict=True,
            ):
                Membership.objects.get_or_create(
                    user=member, organisation=organisations[slug], defaults={"role": role}
                )
        # The loaders write some rows in bulk, which tells the page cache nothing.
        pagecache.bump_everything()
        public = Organisation.objects.published().filter(slug__in=organisations).count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded: {len(organisations)} organisations, {public} public.\n"
                f"Desk staff login: {DEMO_STAFF_EMAIL} / {staff_password} "
                f"at {settings.SITE_URL}/admin/ ({self.second_factor_note()})\n"
                f"Member login: {DEMO_MEMBER_EMAIL} / {member_password} "
                f"(member of {' and '.join(demo_organisations.MEMBER_ORGANISATIONS)})"
            )
        )
        for loader in demo_loaders():
            with transaction.atomic():
                summary = loader(staff=staff, member=member)
            self.stdout.write(self.style.SUCCESS(summary))

    def second_factor_note(self) -> str:
        """How the demo's staff pass the second factor here (the README says more)."""
        setup = f"{settings.SITE_URL}/en/accounts/second-factor/setup/"
        if settings.STAFF_OTP_REQUIRED:
            return f"an authenticator app is required: set it up at the first login, {setup}"
        return f"second factor optional here; to try it, set up an authenticator at {setup}"

    def partner_logos(self) -> None:
        """The partners are seeded by migration; the demo gives them drawn logos."""
        for index, partner in enumerate(Partner.objects.all()):
            if not has_stored_logo(partner):
                logo = ContentFile(drawn_logo(initials_of(partner.name), index), "logo.png")
                partner_set_logo(partner=partner, logo=process_logo(logo))

    def account(
        self, email: str, password: str, first_name: str, last_name: str, *, staff: bool = False
    ) -> User:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={"first_name": first_name, "last_name": last_name, "is_staff": staff},
        )
        if created or not user.check_password(password) or user.is_staff != staff:
            user.set_password(password)
            user.is_staff = staff
            user.save()
        return user

    def organisations(self) -> dict[str, Organisation]:
        """Create the demo profiles, or bring them back to the demo content.

        Content is rewritten only where it differs, so a second run writes
        nothing. Status and dates are set when a profile is created and then
        left alone: a profile approved by hand stays approved.
        """
        sectors = {sector.slug: sector for sector in Sector.objects.all()}
        places = {place.slug: place for place in Municipality.objects.all()}
        now = timezone.now()
        loaded: dict[str, Organisation] = {}
        with history.changes(note=gettext_noop("Demo data")):
            for index, entry in enumerate(demo_organisations.ORGANISATIONS):
                loaded[entry.slug] = self.organisation(index, entry, sectors, places, now)
        return loaded

    def organisation(
        self,
        index: int,
        entry: Any,
        sectors: dict[str, Sector],
        places: dict[str, Municipality],
        now: Any,
    ) -> Organisation:
        """One demo profile, created or brought back to its demo content."""
        content = {
            **entry.content(),
            "primary_sector_id": sectors[entry.sectors[0]].pk,
            "municipality_id": places[entry.municipality].pk,
        }
        organisation = Organisation.objects.filter(slug=entry.slug).first()
        if organisation is None:
            organisation = Organisation(slug=entry.slug, **workflow(entry, now))
            changed = content
        else:
            changed = {n: v for n, v in content.items() if getattr(organisation, n) != v}
        if changed:
            model_update(organisation, changed, fields=content)
        wanted = {sectors[slug].pk for slug in entry.sectors}
        if set(organisation.sectors.values_list("pk", flat=True)) != wanted:
            organisation.sectors.set(wanted)
        if not has_stored_logo(organisation):
            logo = ContentFile(demo.demo_logo(entry, index), name="logo.png")
            organisation_set_logo(organisation=organisation, logo=process_logo(logo), by=None)
        return organisation

    def password(self, name: str) -> str:
        """A random password made once per checkout and kept in `.data/`."""
        path = settings.DATA_DIR / name
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(12))
            path.chmod(0o600)
        return path.read_text().strip()


def has_stored_logo(owner: Organisation | Partner) -> bool:
    """A logo is drawn again only when the profile has none, or its file is gone."""
    name = owner.logo.name
    return name is not None and name != "" and owner.logo.storage.exists(name)


def workflow(entry: demo.DemoOrganisation, now: datetime.datetime) -> dict[str, Any]:
    """Status and dates of a new demo profile, relative to the first load."""
    created, published, confirmed = entry.days_ago()
    return {
        "status": entry.status,
        "rejection_reason": entry.rejection_reason,
        "created_at": now - datetime.timedelta(days=created),
        "published_at": None if published is None else now - datetime.timedelta(days=published),
        "confirmed_at": now - datetime.timedelta(days=confirmed),
    }
