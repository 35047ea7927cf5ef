"""Demo data of the plan's workspace: partner users, a plan with themes, actions,
milestones, indicators and their values, a published version, later edits not
yet published, and comments. Registered with `load_demo_data`.

People are brought back on every run (their password too); the plan's content
is made once, on the first run, through the same services the workspace uses,
so its history, status timeline and published version are real. Dates are
relative to the first load, so some indicators are always behind schedule.
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_noop

from actionplan.models import Action, Indicator, Milestone, PartnerMember, PartnerRole, Plan, Theme
from actionplan.services.actions import action_change_status, action_update
from actionplan.services.comments import comment_post
from actionplan.services.indicators import indicator_update_record
from actionplan.services.plans import plan_open_consultation, plan_publish
from creativecities import history
from creativecities.models import StateChange
from directory.models import Partner, Sector, User

PLAN_SLUG = "joint-action-plan"
DOMAIN = "demo.creativecities.example"


@dataclass(frozen=True)
class DemoPerson:
    email: str
    first_name: str
    last_name: str
    partner: str
    role: str
    coordinator: bool = False


PEOPLE = (
    DemoPerson(f"agnieszka.kowalska@{DOMAIN}", "Agnieszka", "Kowalska",
               "Gdańsk Entrepreneurship Foundation", PartnerRole.EDITOR, coordinator=True),
    DemoPerson(f"marco.ferrari@{DOMAIN}", "Marco", "Ferrari",
               "Comune di Genova", PartnerRole.EDITOR),
    DemoPerson(f"sara.bianchi@{DOMAIN}", "Sara", "Bianchi",
               "Job Centre Genova", PartnerRole.VIEWER),
    DemoPerson(f"jonas.weber@{DOMAIN}", "Jonas", "Weber", "City of Leipzig", PartnerRole.EDITOR),
    DemoPerson(f"eszter.nagy@{DOMAIN}", "Eszter", "Nagy",
               "Cultural Innovation Competence Centre", PartnerRole.EDITOR),
    DemoPerson(f"tomaz.novak@{DOMAIN}", "Tomaž", "Novak",
               "Regional Development Agency of the Ljubljana Urban Region", PartnerRole.EDITOR),
    DemoPerson(f"maja.kranjc@{DOMAIN}", "Maja", "Kranjc",
               "Institute for Economic Research", PartnerRole.VIEWER),
)  # fmt: skip

# (title it, title en, sectors)
THEMES = (
    ("Spazi per la creatività", "Spaces for creativity", ("architecture", "design")),
    ("Talenti e competenze", "Talent and skills", ("software", "publishing", "cinema")),
    ("Accesso ai finanziamenti", "Access to finance", ("advertising", "fashion")),
    ("Reti internazionali", "International networks", ("music-performing-arts", "food-taste")),
)


@dataclass(frozen=True)
class DemoIndicator:
    name: str
    unit: str
    baseline: str
    target: str | None
    due: int  # days from the plan's start
    values: tuple[tuple[int, str], ...] = ()  # (days from the plan's start, value)


@dataclass(frozen=True)
class DemoAction:
    theme: int
    title: str
    lead: str
    involved: tuple[str, ...]
    start: int  # days from the plan's start
    length: int
    budget: str | None
    funding: str
    steps: tuple[tuple[int, str], ...]  # (days from the plan's start, workflow step)
    sectors: tuple[str, ...]
    objectives: str
    milestones: tuple[tuple[str, int, bool], ...] = ()  # (title, due day, reached)
    indicators: tuple[DemoIndicator, ...] = ()


GENOA, JOB_CENTRE = "Comune di Genova", "Job Centre Genova"
LEIPZIG, PECS = "City of Leipzig", "Cultural Innovation Competence Centre"
LJUBLJANA, GDANSK = (
    "Regional Development Agency of the Ljubljana Urban Region",
    ("Gdańsk Entrepreneurship Foundation"),
)

ACTIONS = (
    DemoAction(0, "Map vacant premises for creative firms", GENOA, (JOB_CENTRE,), 0, 540,
               "40000", "Municipal budget", ((30, "start"),), ("architecture",),
               "Know which empty shops and workshops could host creative businesses.",
               (("Survey of municipal properties", 120, True), ("Public map online", 300, False)),
               (DemoIndicator("Premises mapped", "premises", "0", "150", 540,
                              ((120, "35"), (240, "60"), (380, "110"))),
                DemoIndicator("Vacant premises in the historic centre", "premises", "220", "150",
                              720, ((200, "205"), (370, "185"))))),
    DemoAction(0, "Creative quarter pilot in Lipsia-West", LEIPZIG, (GDANSK,), 0, 720, "120000",
               "ERDF", ((10, "start"),), ("architecture", "design"),
               "Test temporary leases for studios in a district being regenerated.",
               (("Owners' agreement", 90, True), ("First studios open", 400, False)),
               (DemoIndicator("Studios let", "studios", "0", "30", 720,
                              ((180, "8"), (300, "14"))),)),
    DemoAction(0, "Shared workshop for designers", PECS, (), 200, 400, "35000", "National grant",
               (), ("design",), "A fabrication space with shared machines."),
    DemoAction(1, "Training for creative entrepreneurs", JOB_CENTRE, (GENOA, LJUBLJANA), 0, 600,
               "60000", "ESF", ((20, "start"),), ("software", "publishing"),
               "Courses on business plans, IP and export for freelancers and studios.",
               (("First course", 60, True), ("Second course", 240, True)),
               (DemoIndicator("People trained", "people", "0", "200", 600,
                              ((60, "25"), (240, "70"), (380, "140"))),)),
    DemoAction(1, "Mentoring between cities", LJUBLJANA, (PECS, LEIPZIG), 60, 500, "25000",
               "Interreg CENTRAL EUROPE", ((70, "start"), (250, "delay")), ("software",),
               "Pair young firms with mentors from a partner city.",
               (("Mentors recruited", 150, False),),
               (DemoIndicator("Mentoring pairs", "pairs", "0", "40", 450, ()),)),
    DemoAction(1, "Film and media summer school", GDANSK, (LEIPZIG,), 120, 200, "30000",
               "Foundation funds", ((130, "start"), (320, "complete")), ("cinema",),
               "Two weeks of workshops with the partners' film schools.",
               (("Summer school held", 300, True),),
               (DemoIndicator("Participants", "people", "0", "60", 320, ((310, "64"),)),)),
    DemoAction(2, "Guide to grants and loans", GENOA, (JOB_CENTRE,), 0, 180, "8000",
               "Municipal budget", ((5, "start"), (170, "complete")), ("advertising",),
               "One guide to regional, national and EU funding for creative firms.",
               (("Guide published", 170, True),),
               (DemoIndicator("Guide downloads", "downloads", "0", "1000", 360,
                              ((200, "420"), (320, "780"))),)),
    DemoAction(2, "Microcredit for fashion start-ups", GDANSK, (GENOA,), 90, 630, "200000",
               "Revolving fund", ((100, "start"),), ("fashion",),
               "Small loans with mentoring for new fashion labels.",
               (("Fund agreement signed", 150, True), ("First loans", 300, False)),
               (DemoIndicator("Loans granted", "loans", "0", "25", 600, ((300, "2"),)),
                DemoIndicator("Default rate", "%", "12", "5", 700, ()))),
    DemoAction(2, "Investor days", LEIPZIG, (GDANSK, PECS), 300, 300, None, "To be decided",
               (), ("advertising",), "Meetings between creative firms and investors."),
    DemoAction(3, "Network of creative districts", GDANSK, (GENOA, LEIPZIG, PECS, LJUBLJANA), 0,
               1000, "50000", "Interreg CENTRAL EUROPE", ((15, "start"),),
               ("music-performing-arts",),
               "Link the five cities' creative districts in one network.",
               (("Charter signed", 200, True), ("Annual meeting", 365, False)),
               (DemoIndicator("Districts in the network", "districts", "5", "12", 900,
                              ((200, "7"), (380, "9"))),)),
    DemoAction(3, "Taste industry trade mission", GENOA, (PECS,), 250, 120, "15000",
               "Chamber of commerce", ((260, "start"),), ("food-taste",),
               "Take local food producers to a partner city's fair.",
               indicators=(DemoIndicator("Firms taking part", "firms", "0", None, 370, ()),)),
    DemoAction(3, "Performing arts exchange", PECS, (LJUBLJANA,), 30, 400, "22000",
               "Ministry of culture", ((40, "start"), (200, "delay"), (260, "start")),
               ("music-performing-arts",), "Companies tour the partner cities.",
               (("First tour", 180, True),),
               (DemoIndicator("Performances", "shows", "0", "24", 400, ((180, "4"),)),)),
)  # fmt: skip


def demo_password() -> str:
    """One password for the demo partner users, made once per checkout, kept in `.data/`."""
    path = settings.DATA_DIR / "demo-partner-password"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(12))
        path.chmod(0o600)
    return path.read_text().strip()


def _people(password: str) -> dict[str, User]:
    partners = {partner.name: partner for partner in Partner.objects.all()}
    people: dict[str, User] = {}
    for entry in PEOPLE:
        user, created = User.objects.get_or_create(
            email=entry.email,
            defaults={"first_name": entry.first_name, "last_name": entry.last_name},
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save()
        PartnerMember.objects.update_or_create(
            user=user,
            defaults={
                "partner": partners[entry.partner],
                "role": entry.role,
                "is_coordinator": entry.coordinator,
            },
        )
        people[entry.partner] = user
    return people


def _backdate(action: Action, days: list[datetime.datetime]) -> None:
    """Status changes happened over the plan's life, not all at load time."""
    steps = StateChange.objects.filter(
        content_type=ContentType.objects.get_for_model(Action), object_id=action.pk
    ).order_by("created_at", "pk")
    for step, when in zip(steps, days, strict=False):
        StateChange.objects.filter(pk=step.pk).update(created_at=when)


def _plan(people: dict[str, User], start: datetime.date) -> Plan:
    coordinator = people[GDANSK]
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    partners = {partner.name: partner for partner in Partner.objects.all()}
    now = timezone.now()

    def day(offset: int) -> datetime.date:
        return start + datetime.timedelta(days=offset)

    with history.changes(by=coordinator, note=gettext_noop("Demo data")):
        plan = Plan(
            slug=PLAN_SLUG,
            title_it="Piano di Azione Congiunto delle città creative",
            title_en="Joint Action Plan of the creative cities",
            summary_it="Le azioni comuni dei partner per l'industria creativa e culturale.",
            summary_en="The partners' joint actions for the creative and cultural industry.",
            starts_on=start,
            ends_on=day(3 * 365),
        )
        plan.full_clean()
        plan.save()
        themes = []
        for order, (title_it, title_en, slugs) in enumerate(THEMES):
            theme = Theme.objects.create(
                plan=plan, title_it=title_it, title_en=title_en, order=order
            )
            theme.sectors.set([sectors[slug] for slug in slugs])
            themes.append(theme)
        actions: list[tuple[Action, DemoAction]] = []
        for order, entry in enumerate(ACTIONS):
            action = Action.objects.create(
                theme=themes[entry.theme],
                title=entry.title,
                description=entry.objectives,
                objectives=entry.objectives,
                lead_partner=partners[entry.lead],
                starts_on=day(entry.start),
                ends_on=day(entry.start + entry.length),
                budget_estimate=Decimal(entry.budget) if entry.budget else None,
                funding_source=entry.funding,
                order=order,
            )
            action.partners.set([partners[name] for name in entry.involved])
            action.sectors.set([sectors[slug] for slug in entry.sectors])
            for title, due, reached in entry.milestones:
                Milestone.objects.create(
                    action=action,
                    title=title,
                    due_on=day(due),
                    done_on=day(due) if reached else None,
                )
            actions.append((action, entry))
    for action, entry in actions:
        lead = people.get(entry.lead, coordinator)
        editor = lead if PartnerMember.objects.get(user=lead).is_editor else coordinator
        for _offset, step in entry.steps:
            action_change_status(action=action, step=step, by=editor)
        _backdate(
            action,
            [
                timezone.make_aware(datetime.datetime.combine(day(o), datetime.time(10)))
                for o, _ in entry.steps
            ],
        )
        for order, spec in enumerate(entry.indicators):
            indicator = Indicator.objects.create(
                action=action,
                name=spec.name,
                unit=spec.unit,
                baseline=Decimal(spec.baseline),
                target=Decimal(spec.target) if spec.target else None,
                target_date=day(spec.due),
                order=order,
            )
            for offset, value in spec.values:
                if day(offset) <= now.date():
                    indicator_update_record(
                        indicator=indicator,
                        value=Decimal(value),
                        measured_on=day(offset),
                        note="",
                        by=editor,
                    )
    plan_open_consultation(plan=plan, by=coordinator)
    first = actions[0][0]
    comment = comment_post(
        action=first,
        body="Could the map include privately owned premises too?",
        by=people[LEIPZIG],
    )
    comment_post(
        action=first,
        body="Yes: owners can register their premises from the spring.",
        by=people[GENOA],
        parent=comment,
    )
    plan_publish(plan=plan, by=coordinator, note="First version agreed by the partners.")
    # Work goes on after publishing: these edits wait for the next version.
    action_update(
        action=actions[2][0],
        data={"funding_source": "National grant and ERDF"},
        by=coordinator,
    )
    mapped = Indicator.objects.filter(action=actions[0][0]).first()
    if mapped is not None:
        indicator_update_record(
            indicator=mapped, value=Decimal(80), measured_on=now.date(), by=people[GENOA]
        )
    return plan


def plan_demo(*, staff: User, member: User) -> str:
    """Load the plan's demo people and, on the first run, its content."""
    password = demo_password()
    people = _people(password)
    plan = Plan.objects.filter(slug=PLAN_SLUG).first()
    if plan is None:
        start = timezone.localdate() - datetime.timedelta(days=400)
        plan = _plan(people, start)
    logins = ", ".join(
        f"{entry.email} ({entry.role}{', coordinator' if entry.coordinator else ''})"
        for entry in PEOPLE
    )
    return (
        f"Action plan: {Action.objects.of_plan(plan).count()} actions, "
        f"published version {plan.version}.\n"
        f"Partner users (password {password}, in .data/demo-partner-password): {logins}\n"
        f"Workspace: {settings.SITE_URL}/en/action-plan/workspace/"
    )
