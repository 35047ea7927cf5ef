"""Demo enquiries for `load_demo_data`: one in every state, with replies, notes
and standard replies in both languages, so a newcomer sees a working inbox.

Idempotent: enquiries are found again by their reference and standard replies
by their title; the steps are taken only when an enquiry is first made. The
tracking tokens are random and never printed.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from contactpoint.models import Enquiry, StandardReply, Topic
from contactpoint.services import enquiries as service
from creativecities.links.hashed import new_token
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
    return f"enquiries: {made} made, {Enquiry.objects.count()} in all; standard replies: 2"


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
