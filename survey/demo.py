"""The survey's demo: last year's campaign, closed with published results,
and this year's, copied from it and open, both answered by the demo
organisations and by invited and anonymous respondents.

The answers are drawn from a random generator seeded by the respondent, so a
second load finds the same answer sets already there and adds nothing.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone

from directory import demo_organisations
from directory.models import Organisation, User
from survey import publishing, services
from survey.models import (
    Answer,
    AnswerChoice,
    AnswerSet,
    Campaign,
    Choice,
    Question,
    Section,
)

# Respondents with no organisation in the directory (invited or anonymous),
# on top of the demo organisations, so the results pass the threshold of 5
# in most cells.
EXTRA_RESPONDENTS = 24


@dataclass
class DemoQuestion:
    kind: str
    it: str
    en: str
    choices: list[tuple[str, str, str]] = field(default_factory=list)  # code, it, en
    required: bool = True
    bounds: tuple[int, int] | None = None
    condition: tuple[int, str] | None = None  # index of an earlier question, choice code
    help_it: str = ""
    help_en: str = ""


@dataclass
class DemoSection:
    it: str
    en: str
    questions: list[DemoQuestion]


K = Question.Kind

QUESTIONNAIRE = [
    DemoSection(
        "La vostra attività",
        "Your business",
        [
            DemoQuestion(
                K.SINGLE,
                "Dove lavorate abitualmente?",
                "Where do you usually work?",
                [
                    ("rented", "In locali in affitto", "In rented premises"),
                    ("owned", "In locali di proprietà", "In premises we own"),
                    ("coworking", "In un coworking", "In a coworking space"),
                    ("home", "Da casa", "From home"),
                ],
            ),
            DemoQuestion(
                K.NUMBER,
                "Quanto pagate di affitto al mese, in euro?",
                "How much rent do you pay a month, in euros?",
                bounds=(0, 50000),
                condition=(0, "rented"),
                help_it="Una cifra arrotondata basta.",
                help_en="A rounded figure is enough.",
            ),
            DemoQuestion(
                K.SINGLE,
                "Fatturato dell'ultimo anno",
                "Turnover of the last year",
                [
                    ("under-50k", "Meno di 50.000 €", "Under €50,000"),
                    ("50k-250k", "Da 50.000 a 250.000 €", "€50,000 to €250,000"),
                    ("250k-1m", "Da 250.000 € a 1 milione", "€250,000 to €1 million"),
                    ("over-1m", "Oltre 1 milione", "Over €1 million"),
                    ("undisclosed", "Preferisco non dirlo", "I prefer not to say"),
                ],
            ),
        ],
    ),
    DemoSection(
        "Bisogni e assunzioni",
        "Needs and hiring",
        [
            DemoQuestion(
                K.MULTIPLE,
                "Che cosa aiuterebbe di più la vostra attività?",
                "What would help your business most?",
                [
                    ("premises", "Spazi a costi accessibili", "Affordable premises"),
                    ("funding", "Accesso al credito e ai bandi", "Access to credit and calls"),
                    ("training", "Formazione", "Training"),
                    ("international", "Contatti internazionali", "International contacts"),
                    ("digital", "Competenze digitali", "Digital skills"),
                    ("network", "Collaborazioni nel cluster", "Partnerships in the cluster"),
                ],
                help_it="Scegliete tutte le risposte che valgono.",
                help_en="Choose every answer that applies.",
            ),
            DemoQuestion(
                K.SINGLE,
                "Pensate di assumere nei prossimi 12 mesi?",
                "Do you plan to hire in the next 12 months?",
                [
                    ("yes", "Sì", "Yes"),
                    ("no", "No", "No"),
                    ("unsure", "Non so", "Not sure"),
                ],
            ),
            DemoQuestion(
                K.NUMBER,
                "Quante persone pensate di assumere?",
                "How many people do you plan to hire?",
                bounds=(1, 200),
                condition=(4, "yes"),
            ),
        ],
    ),
    DemoSection(
        "Finanziamenti",
        "Funding",
        [
            DemoQuestion(
                K.MULTIPLE,
                "Quali fonti di finanziamento avete usato negli ultimi due anni?",
                "Which sources of funding have you used in the last two years?",
                [
                    ("regional", "Bandi regionali", "Regional calls"),
                    ("eu", "Programmi europei", "European programmes"),
                    ("bank", "Prestiti bancari", "Bank loans"),
                    ("crowdfunding", "Crowdfunding", "Crowdfunding"),
                    ("none", "Nessuna di queste", "None of these"),
                ],
            ),
        ],
    ),
    DemoSection(
        "I servizi della città",
        "The city's services",
        [
            DemoQuestion(
                K.SCALE,
                "Quanto siete soddisfatti del sostegno del Comune alle imprese creative?",
                "How satisfied are you with the City's support for creative businesses?",
            ),
            DemoQuestion(
                K.SCALE,
                "Quanto siete soddisfatti dello sportello del cluster?",
                "How satisfied are you with the cluster's contact point?",
            ),
            DemoQuestion(
                K.SCALE,
                "Quanto è facile trovare spazi adatti a Genova?",
                "How easy is it to find suitable premises in Genoa?",
            ),
        ],
    ),
    DemoSection(
        "Le vostre opinioni",
        "Your views",
        [
            DemoQuestion(
                K.SHORT_TEXT,
                "In una frase: di che cosa ha più bisogno il cluster creativo genovese?",
                "In one phrase: what does Genoa's creative cluster need most?",
                required=False,
            ),
            DemoQuestion(
                K.LONG_TEXT,
                "Volete aggiungere altro?",
                "Anything else you would like to tell us?",
                required=False,
            ),
        ],
    ),
]

PHRASES = [
    "Spazi condivisi in centro storico",
    "Più occasioni di incontro tra imprese",
    "Bandi più semplici",
    "Visibilità internazionale",
    "Una rete con il porto e l'università",
]


def survey_demo(*, staff: User, member: User) -> str:
    """Last year's closed campaign with published results, and this year's
    open one copied from it, each with its answers."""
    now = timezone.now()
    last_year = now.year - 1
    previous = _campaign(
        slug=f"indagine-{last_year}",
        year=last_year,
        opens_at=now - datetime.timedelta(days=400),
        closes_at=now - datetime.timedelta(days=310),
    )
    if not previous.results_published:
        # Published by the workflow's step, as the desk would, then dated to
        # when last year's desk would have published it.
        publishing.RESULTS_WORKFLOW.apply(previous, "publish_results", by=None)
        previous.results_published_at = previous.closes_at + datetime.timedelta(days=20)
        previous.save(update_fields=["results_published_at"])
    current = Campaign.objects.filter(slug=f"indagine-{now.year}").first()
    if current is None:
        current = services.campaign_copy(
            campaign=previous,
            slug=f"indagine-{now.year}",
            opens_at=now - datetime.timedelta(days=30),
            closes_at=now + datetime.timedelta(days=60),
            title={"it": _title_it(now.year), "en": _title_en(now.year)},
        )
        current.accepts_anonymous = True
        current.save(update_fields=["accepts_anonymous"])
    # The demo member's organisations leave this year's survey to be answered.
    answering = Organisation.objects.published().order_by("slug")
    made_previous = _answer_all(previous, answering, now)
    made_current = _answer_all(
        current, answering.exclude(slug__in=demo_organisations.MEMBER_ORGANISATIONS), now
    )
    return (
        f"Survey: {previous.answer_sets.count()} answer sets for {previous.slug} "
        f"(results published), {current.answer_sets.count()} for {current.slug} (open); "
        f"{made_previous + made_current} added."
    )


def _title_it(year: int) -> str:
    return f"Indagine {year} sulle imprese creative genovesi"


def _title_en(year: int) -> str:
    return f"{year} survey of Genoa's creative businesses"


def _introduction_it() -> str:
    return (
        "Il Comune di Genova chiede alle imprese e alle organizzazioni creative di che cosa "
        "hanno bisogno. Bastano dieci minuti; i risultati sono pubblicati solo in forma "
        "aggregata."
    )


def _introduction_en() -> str:
    return (
        "The City of Genoa asks creative businesses and organisations what they need. "
        "It takes ten minutes; results are published only as totals."
    )


def _campaign(
    *, slug: str, year: int, opens_at: datetime.datetime, closes_at: datetime.datetime
) -> Campaign:
    campaign = Campaign.objects.filter(slug=slug).first()
    if campaign is not None:
        return campaign
    campaign = Campaign.objects.create(
        slug=slug,
        title_it=_title_it(year),
        title_en=_title_en(year),
        introduction_it=_introduction_it(),
        introduction_en=_introduction_en(),
        opens_at=opens_at,
        closes_at=closes_at,
    )
    made: list[Question] = []
    for section_order, demo_section in enumerate(QUESTIONNAIRE, start=1):
        section = Section.objects.create(
            campaign=campaign,
            order=section_order,
            title_it=demo_section.it,
            title_en=demo_section.en,
        )
        for order, demo in enumerate(demo_section.questions, start=1):
            condition = None
            if demo.condition is not None:
                index, code = demo.condition
                condition = made[index].choices.get(code=code)
            question = Question.objects.create(
                section=section,
                order=order,
                kind=demo.kind,
                text_it=demo.it,
                text_en=demo.en,
                help_text_it=demo.help_it,
                help_text_en=demo.help_en,
                required=demo.required,
                min_value=demo.bounds[0] if demo.bounds else None,
                max_value=demo.bounds[1] if demo.bounds else None,
                condition=condition,
            )
            Choice.objects.bulk_create(
                Choice(question=question, order=n, code=code, label_it=it, label_en=en)
                for n, (code, it, en) in enumerate(demo.choices, start=1)
            )
            made.append(question)
    return campaign


def _answer_all(
    campaign: Campaign, organisations: QuerySet[Organisation], now: datetime.datetime
) -> int:
    """Answer sets for every organisation given and the extra respondents,
    those missing only."""
    questions = services.campaign_questions(campaign)
    answered = set(campaign.answer_sets.values_list("organisation_id", flat=True))
    made = 0
    submitted_at = min(now, campaign.closes_at) - datetime.timedelta(days=2)
    for organisation in organisations:
        if organisation.pk in answered:
            continue
        answer_set = AnswerSet(
            campaign=campaign,
            organisation=organisation,
            origin=AnswerSet.Origin.MEMBER,
            status=AnswerSet.Status.SUBMITTED,
            started_at=submitted_at,
            updated_at=submitted_at,
            submitted_at=submitted_at,
        )
        answer_set.copy_profile()
        answer_set.save()
        _answers(answer_set, questions, _seeded(f"{campaign.slug}/{organisation.slug}"))
        made += 1
    extra = campaign.answer_sets.filter(organisation__isnull=True).count()
    for number in range(extra, EXTRA_RESPONDENTS):
        answer_set = AnswerSet.objects.create(
            campaign=campaign,
            origin=AnswerSet.Origin.ANONYMOUS,
            status=AnswerSet.Status.SUBMITTED,
            started_at=submitted_at,
            updated_at=submitted_at,
            submitted_at=submitted_at,
        )
        _answers(answer_set, questions, _seeded(f"{campaign.slug}/extra/{number}"))
        made += 1
    return made


def _seeded(seed: str) -> random.Random:
    """The same made-up answers for a respondent on every load."""
    return random.Random(seed)  # noqa: S311 (demo data, not a secret)


def _answers(answer_set: AnswerSet, questions: list[Question], rng: random.Random) -> None:
    """Plausible answers to every question that applies."""
    values: dict[int, services.AnswerValue] = {}
    ticks: list[tuple[Answer, list[int]]] = []
    rows: list[Answer] = []
    for question in questions:
        if not services.is_shown(question, values):
            continue
        choices = [choice.pk for choice in question.choices.all()]
        answer = Answer(answer_set=answer_set, question=question)
        if question.kind == Question.Kind.SINGLE:
            answer.choice_id = rng.choice(choices)
            values[question.pk] = answer.choice_id
        elif question.kind == Question.Kind.MULTIPLE:
            ticked = sorted(rng.sample(choices, rng.randint(1, min(3, len(choices)))))
            ticks.append((answer, ticked))
        elif question.kind == Question.Kind.SCALE:
            answer.number = rng.choices([1, 2, 3, 4, 5], weights=[1, 2, 4, 5, 3])[0]
        elif question.kind == Question.Kind.NUMBER:
            low = question.min_value or 0
            high = min(question.max_value or 100, low + (3000 if low == 0 else 6))
            answer.number = rng.randint(low, high)
        elif question.kind == Question.Kind.SHORT_TEXT:
            if rng.random() < 0.5:
                continue
            answer.text = rng.choice(PHRASES)
        else:
            if rng.random() < 0.8:
                continue
            answer.text = "Grazie per l'iniziativa: fateci sapere i risultati."
        rows.append(answer)
    Answer.objects.bulk_create(rows)
    AnswerChoice.objects.bulk_create(
        AnswerChoice(answer=answer, choice_id=choice_id)
        for answer, ticked in ticks
        for choice_id in ticked
    )
