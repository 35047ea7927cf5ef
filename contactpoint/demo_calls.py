"""Demo funding calls, invented for development and demonstrations, and the
loader of the desk's calls and premises (the premises: `demo_premises`).

Titles, funders' names, amounts and links are fictional (links end in
`.example`); the calls' dates are set relative to the moment of loading, so
that every status (forthcoming, open, closing soon, closed) always shows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_noop

from contactpoint.demo_premises import PREMISES, demo_photo, premises_from_demo
from contactpoint.models import FundingCall
from contactpoint.services.premises import premises_photo_add
from creativecities import history
from creativecities.images import process_photo
from directory.models import Municipality, Sector

if TYPE_CHECKING:
    from directory.models import User


@dataclass(frozen=True)
class DemoCall:
    slug: str
    title_it: str
    title_en: str
    funder: str
    funder_name: str
    description_it: str
    description_en: str
    sectors: tuple[str, ...]
    kinds: tuple[str, ...]
    amount_min: str | None
    amount_max: str | None
    rate: int | None
    # Days from now (negative: in the past) of the opening and the deadline.
    opens_in: int
    closes_in: int
    published: bool = True


CALLS: tuple[DemoCall, ...] = (
    DemoCall(
        slug="cooperazione-culturale-europea",
        title_it="Progetti di cooperazione culturale europea",
        title_en="European cultural cooperation projects",
        funder=FundingCall.Funder.EU,
        funder_name="Programma Europa Creativa (esempio)",
        description_it=(
            "Sostegno a progetti transnazionali di almeno tre paesi che mettono in rete "
            "organizzazioni culturali e creative.\n\nLo sportello aiuta a trovare partner "
            "europei tra i membri del cluster."
        ),
        description_en=(
            "Support for transnational projects of at least three countries linking "
            "cultural and creative organisations.\n\nThe desk helps find European "
            "partners among the members of the cluster."
        ),
        sectors=("cultural-heritage", "music-performing-arts", "contemporary-art"),
        kinds=("company", "association", "institution"),
        amount_min="60000",
        amount_max="200000",
        rate=80,
        opens_in=-45,
        closes_in=70,
    ),
    DemoCall(
        slug="digitale-imprese-creative-liguria",
        title_it="Transizione digitale delle imprese creative liguri",
        title_en="Digital transition of Ligurian creative businesses",
        funder=FundingCall.Funder.REGION,
        funder_name="Regione Liguria",
        description_it=(
            "Contributi a fondo perduto per software, piattaforme e formazione digitale "
            "delle micro e piccole imprese creative con sede in Liguria."
        ),
        description_en=(
            "Grants for software, platforms and digital training of micro and small "
            "creative businesses based in Liguria."
        ),
        sectors=("software", "publishing", "advertising", "design"),
        kinds=("company", "freelancer"),
        amount_min="5000",
        amount_max="40000",
        rate=50,
        opens_in=-30,
        closes_in=6,
    ),
    DemoCall(
        slug="botteghe-centro-storico",
        title_it="Botteghe creative nel centro storico",
        title_en="Creative workshops in the historic centre",
        funder=FundingCall.Funder.MUNICIPALITY,
        funder_name="Comune di Genova",
        description_it=(
            "Un contributo all'affitto per due anni a chi apre una bottega artigiana o "
            "creativa nei vicoli del centro storico."
        ),
        description_en=(
            "A contribution to the rent for two years for whoever opens a craft or "
            "creative workshop in the lanes of the historic centre."
        ),
        sectors=("fashion", "design", "contemporary-art", "food-taste"),
        kinds=("company", "freelancer", "association"),
        amount_min=None,
        amount_max="12000",
        rate=None,
        opens_in=-10,
        closes_in=40,
    ),
    DemoCall(
        slug="giovani-autori-audiovisivo",
        title_it="Giovani autori dell'audiovisivo",
        title_en="Young authors of film and video",
        funder=FundingCall.Funder.FOUNDATION,
        funder_name="Fondazione Lanterna per la Cultura (esempio)",
        description_it=(
            "Borse di sviluppo per il primo o secondo progetto di documentario, "
            "cortometraggio o serie di autori sotto i 35 anni."
        ),
        description_en=(
            "Development grants for the first or second documentary, short film or "
            "series project of authors under 35."
        ),
        sectors=("cinema", "television-radio"),
        kinds=("freelancer", "company", "association"),
        amount_min="8000",
        amount_max="25000",
        rate=100,
        opens_in=20,
        closes_in=80,
    ),
    DemoCall(
        slug="voucher-design-export",
        title_it="Voucher per il design e l'export",
        title_en="Design and export vouchers",
        funder=FundingCall.Funder.NATIONAL,
        funder_name="Ministero delle Imprese (esempio)",
        description_it=(
            "Voucher per consulenze di design, registrazione di marchi e partecipazione "
            "a fiere internazionali."
        ),
        description_en=(
            "Vouchers for design consultancy, trade-mark registration and participation "
            "in international fairs."
        ),
        sectors=("design", "fashion", "architecture"),
        kinds=("company",),
        amount_min="2000",
        amount_max="30000",
        rate=70,
        opens_in=-90,
        closes_in=-15,
    ),
    DemoCall(
        slug="premio-design-del-mare",
        title_it="Premio per il design del mare",
        title_en="Sea design award",
        funder=FundingCall.Funder.PRIVATE,
        funder_name="Cantieri Riuniti del Golfo (esempio)",
        description_it=(
            "Un premio e una residenza in cantiere per progetti di design nautico sostenibile."
        ),
        description_en="An award and a shipyard residency for sustainable yacht design projects.",
        sectors=("design", "architecture"),
        kinds=(),
        amount_min=None,
        amount_max="15000",
        rate=None,
        opens_in=-60,
        closes_in=2,
    ),
    DemoCall(
        slug="nuovo-bauhaus-quartieri",
        title_it="Nuovo Bauhaus nei quartieri",
        title_en="New Bauhaus in the neighbourhoods",
        funder=FundingCall.Funder.EU,
        funder_name="Programma europeo di rigenerazione urbana (esempio)",
        description_it=(
            "Progetti che uniscono architettura, arte e comunità per rigenerare spazi "
            "dismessi in Val Polcevera e a Sampierdarena."
        ),
        description_en=(
            "Projects joining architecture, art and communities to regenerate disused "
            "spaces in Val Polcevera and Sampierdarena."
        ),
        sectors=("architecture", "contemporary-art", "cultural-heritage"),
        kinds=("association", "public", "institution", "company"),
        amount_min="100000",
        amount_max="500000",
        rate=85,
        opens_in=35,
        closes_in=150,
    ),
    DemoCall(
        slug="spettacolo-dal-vivo-liguria",
        title_it="Stagioni di spettacolo dal vivo",
        title_en="Live performance seasons",
        funder=FundingCall.Funder.REGION,
        funder_name="Regione Liguria",
        description_it="Contributi alle stagioni teatrali e musicali dei comuni liguri.",
        description_en="Grants for the theatre and music seasons of Ligurian towns.",
        sectors=("music-performing-arts",),
        kinds=("association", "company"),
        amount_min="10000",
        amount_max="60000",
        rate=60,
        opens_in=-150,
        closes_in=-95,
    ),
    DemoCall(
        slug="editoria-indipendente-bozza",
        title_it="Editoria indipendente (bozza)",
        title_en="Independent publishing (draft)",
        funder=FundingCall.Funder.FOUNDATION,
        funder_name="Fondazione (esempio)",
        description_it="Bando in preparazione, non ancora pubblicato.",
        description_en="A call being prepared, not yet published.",
        sectors=("publishing",),
        kinds=(),
        amount_min=None,
        amount_max=None,
        rate=None,
        opens_in=30,
        closes_in=90,
        published=False,
    ),
)


def load_calls_and_premises(*, staff: User, member: User) -> str:
    """Create the demo calls and premises, or bring them back to their demo
    content with dates moved relative to now; photos are drawn once."""
    now = timezone.now()
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    places = {place.slug: place for place in Municipality.objects.all()}
    photos = 0
    with history.changes(by=staff, note=gettext_noop("Demo data")):
        for entry in CALLS:
            call = _call(entry, now)
            call.sectors.set([sectors[slug] for slug in entry.sectors if slug in sectors])
        for index, item in enumerate(PREMISES):
            premises = premises_from_demo(item, now, places[item.municipality])
            premises.sectors.set([sectors[slug] for slug in item.sectors if slug in sectors])
            if not premises.photos.exists():
                for order, (caption_it, caption_en) in enumerate(item.photos):
                    premises_photo_add(
                        premises=premises,
                        processed=process_photo(
                            ContentFile(demo_photo(caption_en, index + order), name="demo.png")
                        ),
                        caption_it=caption_it,
                        caption_en=caption_en,
                        order=order,
                    )
                    photos += 1
    counts = dict.fromkeys(("forthcoming", "open", "closing", "closed"), 0)
    for call in (
        FundingCall.objects.published()
        .with_status(now)
        .filter(slug__in=[entry.slug for entry in CALLS])
    ):
        counts[call.current_status.value] += 1
    summary = ", ".join(f"{count} {status}" for status, count in counts.items())
    return (
        f"Desk: {len(CALLS)} funding calls ({summary}, 1 draft), "
        f"{len(PREMISES)} premises ({photos} photos drawn)."
    )


def _call(entry: DemoCall, now: datetime.datetime) -> FundingCall:
    # Deadlines at noon on Genoa's clock, as calls usually state them.
    today = timezone.localtime(now).replace(hour=12, minute=0, second=0, microsecond=0)
    call = FundingCall.objects.filter(slug=entry.slug).first() or FundingCall(slug=entry.slug)
    call.title_it = entry.title_it  # type: ignore[attr-defined]
    call.title_en = entry.title_en  # type: ignore[attr-defined]
    call.description_it = entry.description_it  # type: ignore[attr-defined]
    call.description_en = entry.description_en  # type: ignore[attr-defined]
    call.funder = entry.funder
    call.funder_name = entry.funder_name
    call.organisation_kinds = list(entry.kinds)
    call.amount_min = Decimal(entry.amount_min) if entry.amount_min else None
    call.amount_max = Decimal(entry.amount_max) if entry.amount_max else None
    call.cofinancing_rate = entry.rate
    call.opens_at = today + datetime.timedelta(days=entry.opens_in)
    call.closes_at = today + datetime.timedelta(days=entry.closes_in)
    call.official_url = f"https://bandi.example/{entry.slug}"
    call.is_published = entry.published
    if entry.published and call.published_at is None:
        call.published_at = now
    call.full_clean()
    call.save()
    return call
