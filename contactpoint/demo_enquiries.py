"""Demo enquiries for `load_demo_data`: one in every state, with replies, notes
and standard replies in both languages, so a newcomer sees a working inbox;
and the past eleven months of the desk's work, closed enquiries enough for the
public "how quickly we answer" to draw its chart.

Idempotent: enquiries are found again by their reference and standard replies
by their title; the steps are taken only when an enquiry is first made, the
past months only when none of them is there. The tracking tokens are random
and never printed.
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from contactpoint.models import Enquiry, EnquiryMessage, StandardReply, Topic
from contactpoint.services import enquiries as service
from contactpoint.workdays import is_working_day, working_days_after
from creativecities.links.hashed import new_token
from creativecities.models import StateChange
from directory.models import Organisation, Sector, User

# The standard replies' names in Italian, by their English name.
STANDARD_REPLY_TITLES_IT = {
    "Grants: where to start": "Bandi: da dove cominciare",
    "Premises: visit the available spaces": "Spazi: visitare quelli disponibili",
}

STANDARD_REPLIES = [
    (
        "Grants: where to start",
        Topic.GRANTS,
        "Buongiorno, grazie per averci scritto. I bandi aperti per il suo settore sono "
        "elencati nella pagina Bandi dello sportello; le segnaliamo in particolare quelli "
        "indicati qui sotto. Possiamo fissare un appuntamento per esaminarli insieme.",
        "Hello, thank you for writing to us. The open calls for your sector are listed on "
        "the desk's Calls page; we point you in particular to those below. We can book an "
        "appointment to go through them together.",
    ),
    (
        "Premises: visit the available spaces",
        Topic.SETTLING,
        "Buongiorno, gli spazi disponibili sono sulla mappa dello sportello. Per una visita "
        "scriva al contatto indicato nella scheda dello spazio.",
        "Hello, the available premises are on the desk's map. To visit one, write to the "
        "contact given on its page.",
    ),
]

# reference, state, subject, message, name, email, topic, days ago
ENQUIRIES = [
    (
        "CC-2026-900001",
        "new",
        "Contributi per un laboratorio di ceramica",
        "Apriamo un laboratorio di ceramica a Sestri Ponente: ci sono contributi per "
        "l'acquisto del forno?",
        "Chiara Repetto",
        "chiara.repetto@example.org",
        Topic.GRANTS,
        1,
    ),
    (
        "CC-2026-900002",
        "assigned",
        "Permessi per un negozio-studio in centro storico",
        "Vorrei aprire uno studio con vendita al pubblico in via San Luca: quali permessi servono?",
        "Davide Olivieri",
        "davide.olivieri@example.org",
        Topic.PERMITS,
        4,
    ),
    (
        "CC-2026-900003",
        "answered",
        "Office space for a small game studio",
        "We are five developers moving from Turin: where can we find an office near the port?",
        "Anna Becker",
        "anna.becker@example.org",
        Topic.SETTLING,
        9,
    ),
    (
        "CC-2026-900004",
        "closed",
        "Assunzione di un apprendista",
        "Quali incentivi esistono per assumere un apprendista grafico?",
        "Marco Ferrando",
        "marco.ferrando@example.org",
        Topic.HIRING,
        40,
    ),
    (
        "CC-2026-900005",
        "reopened",
        "Credito per una casa editrice",
        "Cerchiamo un finanziamento agevolato per la ristampa del catalogo.",
        "Elena Canepa",
        "elena.canepa@example.org",
        Topic.CREDIT,
        15,
    ),
]


@transaction.atomic
def desk_enquiries_demo(*, staff: User, member: User) -> str:
    for title, topic, text_it, text_en in STANDARD_REPLIES:
        StandardReply.objects.get_or_create(
            title_en=title,
            defaults={
                "title_it": STANDARD_REPLY_TITLES_IT[title],
                "topic": topic,
                "text_it": text_it,
                "text_en": text_en,
            },
        )
    sectors = list(Sector.objects.order_by("order", "pk")[:5])
    if not sectors:
        return "enquiries: no sectors, none made"
    organisation = Organisation.objects.for_member(member).first()
    made = 0
    for index, (reference, state, subject, message, name, email, topic, days) in enumerate(
        ENQUIRIES
    ):
        if Enquiry.objects.filter(reference=reference).exists():
            continue
        created = timezone.now() - datetime.timedelta(days=days)
        enquiry = Enquiry.objects.create(
            reference=reference,
            topic=topic,
            sector=sectors[index % len(sectors)],
            organisation=organisation if state == "answered" else None,
            subject=subject,
            message=message,
            name=name,
            email=email,
            language="en" if state == "answered" else "it",
            privacy_consent_at=created,
            privacy_policy_version="demo",
            token_hash=new_token()[1],
            created_at=created,
        )
        made += 1
        _play(enquiry, state, staff)
    past = desk_past_months_demo(staff=staff, sectors=sectors)
    return (
        f"enquiries: {made} made, {past} of the past months,"
        f" {Enquiry.objects.count()} in all; standard replies: 2"
    )


def _play(enquiry: Enquiry, state: str, staff: User) -> None:
    """Take the demo enquiry through the workflow to its state, as staff would."""
    if state == "new":
        return
    service.enquiry_assign(enquiry=enquiry, to=staff, by=staff)
    if state == "assigned":
        service.enquiry_note(
            enquiry=enquiry, text="Sentire l'ufficio commercio del Municipio I.", by=staff
        )
        return
    answer = StandardReply.objects.filter(topic=enquiry.topic).first()
    text = answer.text_in(enquiry.language) if answer else "Buongiorno, ecco le informazioni."
    service.enquiry_note(enquiry=enquiry, text="Risposta standard, poi verificare.", by=staff)
    service.enquiry_answer(enquiry=enquiry, text=text, by=staff)
    if state == "closed":
        service.enquiry_close(enquiry=enquiry, by=staff)
    elif state == "reopened":
        service.enquiry_requester_reply(
            enquiry=enquiry, text="Grazie, ma il finanziamento vale anche per le ristampe?"
        )


# The past months: enquiries answered and closed long ago, numbered from here.
PAST_FIRST_NUMBER = 800001
PAST_MONTHS = 11
# One month of those is quiet, with fewer enquiries than the public figures show
# times for (`contactpoint.figures.FEWEST_FOR_TIMES`), so the page shows how
# such a month reads.
QUIET_MONTH_BACK = 4
QUIET_MONTH_ENQUIRIES = 3

# subject, message, topic, language
PAST_QUESTIONS = [
    (
        "Bando regionale per le imprese culturali",
        "Possiamo partecipare come associazione?",
        Topic.GRANTS,
        "it",
    ),
    (
        "Un laboratorio in affitto in Val Bisagno",
        "Cerchiamo 80 m² con una vetrina.",
        Topic.SETTLING,
        "it",
    ),
    (
        "SCIA per uno studio fotografico",
        "Serve la SCIA se riceviamo clienti in studio?",
        Topic.PERMITS,
        "it",
    ),
    (
        "Credito d'imposta per il design",
        "Il credito vale anche per i prototipi?",
        Topic.INCENTIVES,
        "it",
    ),
    ("Microcredito per una sartoria", "Quali garanzie chiede il fondo?", Topic.CREDIT, "it"),
    (
        "Tirocinio per un giovane montatore",
        "Chi paga l'indennità del tirocinio?",
        Topic.HIRING,
        "it",
    ),
    (
        "Partners for a Creative Europe project",
        "We look for a Genoese partner in music.",
        Topic.INTERNATIONAL,
        "en",
    ),
    (
        "Opening a design studio in Genoa",
        "Which steps does a foreign company take?",
        Topic.SETTLING,
        "en",
    ),
]
PAST_REQUESTERS = [
    "Laura Bruzzone",
    "Giorgio Pittaluga",
    "Silvia Canessa",
    "Andrea Cevasco",
    "Federica Noli",
    "Stefano Risso",
    "Martina Gaggero",
    "Paolo Traverso",
    "Hannah Schulz",
    "Piotr Zielinski",
]
# Working days to the first answer, around the month's usual time.
ANSWER_SPREAD = [0, -1, 1, 0, 3, -1, 0, 2]


def _past_dates(now: datetime.datetime) -> list[tuple[datetime.datetime, int]]:
    """When each past enquiry came and how many working days its first answer
    took: five to eight a month over the eleven months before this one (three
    in the quiet one), on working mornings spread over the month, answered a
    little faster as the months come closer to now."""
    today = timezone.localtime(now).date()
    dates = []
    for back in range(PAST_MONTHS, 0, -1):
        year, month = today.year, today.month - back
        while month < 1:
            month, year = month + 12, year - 1
        count = QUIET_MONTH_ENQUIRIES if back == QUIET_MONTH_BACK else 5 + (back * 3) % 4
        usual = 2 + back // 3
        for index in range(count):
            day = datetime.date(year, month, 1 + index * (27 // count))
            while not is_working_day(day):
                day += datetime.timedelta(days=1)
            moment = datetime.datetime.combine(day, datetime.time(9 + (index * 3) % 8, 15))
            days = max(0, usual + ANSWER_SPREAD[index % len(ANSWER_SPREAD)])
            dates.append((timezone.make_aware(moment), days))
    return dates


def _answered_at(created: datetime.datetime, days: int, hour: int) -> datetime.datetime:
    day = working_days_after(created, days)
    answered = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 30)))
    return max(answered, created + datetime.timedelta(hours=1))


def desk_past_months_demo(*, staff: User, sectors: list[Sector]) -> int:
    """The desk's past months as the database keeps them once they are done:
    each enquiry closed, with its reply and its three steps (assigned, answered,
    closed) dated when they happened. Their mails went out back then (and the
    mail log has been pruned since), so none is sent now."""
    if Enquiry.objects.filter(reference__regex=r"-8\d{5}$").exists() or not sectors:
        return 0
    now = timezone.now()
    enquiries = []
    for index, (created, days) in enumerate(_past_dates(now)):
        subject, message, topic, language = PAST_QUESTIONS[index % len(PAST_QUESTIONS)]
        name = PAST_REQUESTERS[index % len(PAST_REQUESTERS)]
        answered = min(_answered_at(created, days, 10 + index % 6), now)
        local = "".join(c for c in name.lower().replace(" ", ".") if c.isalnum() or c == ".")
        enquiries.append(
            Enquiry(
                reference=f"CC-{created.year}-{PAST_FIRST_NUMBER + index:06d}",
                topic=topic,
                sector=sectors[index % len(sectors)],
                subject=subject,
                message=message,
                name=name,
                email=f"{local}@example.org",
                language=language,
                privacy_consent_at=created,
                privacy_policy_version="demo",
                token_hash=new_token()[1],
                status=Enquiry.Status.CLOSED,
                assignee=staff,
                created_at=created,
                first_answered_at=answered,
                closed_at=min(answered + datetime.timedelta(days=2), now),
            )
        )
    Enquiry.objects.bulk_create(enquiries)
    replies = {reply.topic: reply for reply in StandardReply.objects.all()}
    messages, steps = [], []
    kind = ContentType.objects.get_for_model(Enquiry)
    for enquiry in Enquiry.objects.filter(reference__in=[e.reference for e in enquiries]):
        first, closed = enquiry.first_answered_at, enquiry.closed_at
        assert first is not None and closed is not None  # noqa: S101 - made above
        reply = replies.get(enquiry.topic)
        messages.append(
            EnquiryMessage(
                enquiry=enquiry,
                kind=EnquiryMessage.Kind.REPLY,
                text=reply.text_in(enquiry.language) if reply else _PAST_ANSWER[enquiry.language],
                author=staff,
                created_at=first,
            )
        )
        assigned = min(enquiry.created_at + datetime.timedelta(hours=1), first)
        for name, source, target, when in (
            ("assign", "new", "assigned", assigned),
            ("answer", "assigned", "answered", first),
            ("close", "answered", "closed", closed),
        ):
            steps.append(
                StateChange(
                    content_type=kind,
                    object_id=enquiry.pk,
                    transition=name,
                    source=source,
                    target=target,
                    created_by=staff,
                    created_at=when,
                )
            )
    EnquiryMessage.objects.bulk_create(messages)
    StateChange.objects.bulk_create(steps)
    return len(enquiries)


_PAST_ANSWER = {
    "it": "Buongiorno, le indichiamo la scheda dello sportello che risponde alla sua domanda.",
    "en": "Hello, the desk's guide linked below answers your question.",
}
