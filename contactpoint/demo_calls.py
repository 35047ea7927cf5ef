"""Demo funding calls and premises, invented for development and demonstrations.

Titles, funders' names, amounts and links are fictional (links end in
`.example`); the calls' dates are set relative to the moment of loading, so
that every status (forthcoming, open, closing soon, closed) always shows.
Places and coordinates are real spots of Genoa and its metropolitan city,
many in urban regeneration areas. Photos are drawn with Pillow at load time
and stored through the same checks as an upload.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_noop
from PIL import Image, ImageDraw, ImageFont

from contactpoint.models import FundingCall, Premises
from contactpoint.services.premises import premises_photo_add
from directory import history
from directory.images import process_photo
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


@dataclass(frozen=True)
class DemoPremises:
    slug: str
    title_it: str
    title_en: str
    kind: str
    description_it: str
    description_en: str
    floor_area: int
    rent: str | None
    address: str
    municipality: str
    latitude: str
    longitude: str
    area: str
    sectors: tuple[str, ...]
    available_in: int | None
    contact: tuple[str, str, str]
    photos: tuple[tuple[str, str], ...] = field(default=())


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

DESK = ("Sportello Creative Cities", "sportello@creativecities.example", "+39 010 000 0000")

PREMISES: tuple[DemoPremises, ...] = (
    DemoPremises(
        slug="bottega-vico-dei-librai",
        title_it="Bottega a piano strada nei vicoli",
        title_en="Street-level workshop in the lanes",
        kind=Premises.Kind.WORKSHOP,
        description_it="Ex bottega con volte in pietra e vetrina, a due passi da San Lorenzo.",
        description_en="A former shop with stone vaults and a window, steps from San Lorenzo.",
        floor_area=45,
        rent="550",
        address="Vico dei Librai 3r",
        municipality="municipio-i-centro-est",
        latitude="44.407300",
        longitude="8.931900",
        area=Premises.RegenerationArea.HISTORIC_CENTRE,
        sectors=("fashion", "design", "contemporary-art"),
        available_in=None,
        contact=DESK,
        photos=(("Vetrina su strada", "Shop window"), ("Sala con volte", "Vaulted room")),
    ),
    DemoPremises(
        slug="studio-via-del-campo",
        title_it="Studio luminoso in via del Campo",
        title_en="Bright studio in Via del Campo",
        kind=Premises.Kind.STUDIO,
        description_it="Secondo piano con tre finestre, adatto a fotografia o illustrazione.",
        description_en="Second floor with three windows, suited to photography or illustration.",
        floor_area=70,
        rent="700",
        address="Via del Campo 12",
        municipality="municipio-i-centro-est",
        latitude="44.412100",
        longitude="8.926400",
        area=Premises.RegenerationArea.HISTORIC_CENTRE,
        sectors=("contemporary-art", "publishing", "advertising"),
        available_in=30,
        contact=("Agenzia Vicoli (esempio)", "affitti@vicoli.example", "+39 010 111 2233"),
        photos=(("Studio con finestre", "Studio with windows"),),
    ),
    DemoPremises(
        slug="capannone-certosa",
        title_it="Capannone ex industriale a Certosa",
        title_en="Former industrial shed in Certosa",
        kind=Premises.Kind.WAREHOUSE,
        description_it="Spazio alto sette metri, accesso carrabile, adatto a scenografie e set.",
        description_en="Seven metres high, vehicle access, suited to stage sets and film sets.",
        floor_area=420,
        rent="1800",
        address="Via Jori 20",
        municipality="municipio-v-valpolcevera",
        latitude="44.438900",
        longitude="8.893100",
        area=Premises.RegenerationArea.VAL_POLCEVERA,
        sectors=("cinema", "music-performing-arts", "design"),
        available_in=60,
        contact=DESK,
        photos=(("Interno del capannone", "Inside the shed"), ("Ingresso carrabile", "Gate")),
    ),
    DemoPremises(
        slug="uffici-via-cantore",
        title_it="Uffici in via Cantore",
        title_en="Offices in Via Cantore",
        kind=Premises.Kind.OFFICE,
        description_it="Quattro stanze e una sala riunioni, vicino alla metropolitana.",
        description_en="Four rooms and a meeting room, near the underground.",
        floor_area=110,
        rent="1100",
        address="Via Antonio Cantore 8",
        municipality="municipio-ii-centro-ovest",
        latitude="44.414300",
        longitude="8.893900",
        area=Premises.RegenerationArea.SAMPIERDARENA,
        sectors=("software", "advertising", "television-radio"),
        available_in=None,
        contact=("Immobiliare Ponente (esempio)", "uffici@ponente.example", "+39 010 222 3344"),
        photos=(("Sala riunioni", "Meeting room"),),
    ),
    DemoPremises(
        slug="coworking-villa-scassi",
        title_it="Postazioni in coworking vicino a Villa Scassi",
        title_en="Coworking desks near Villa Scassi",
        kind=Premises.Kind.COWORKING,
        description_it="Postazioni fisse con armadietto, sala riunioni e connessione in fibra.",
        description_en="Fixed desks with a locker, a meeting room and a fibre connection.",
        floor_area=8,
        rent="180",
        address="Corso Onofrio Scassi 14",
        municipality="municipio-ii-centro-ovest",
        latitude="44.416500",
        longitude="8.898300",
        area=Premises.RegenerationArea.SAMPIERDARENA,
        sectors=("software", "publishing", "design"),
        available_in=None,
        contact=DESK,
        photos=(("Sala del coworking", "Coworking room"),),
    ),
    DemoPremises(
        slug="negozio-darsena",
        title_it="Negozio sulla Darsena",
        title_en="Shop on the Darsena",
        kind=Premises.Kind.SHOP,
        description_it="Vetrina sul porto antico, adatta a un concept store o una galleria.",
        description_en="A window on the old port, suited to a concept store or a gallery.",
        floor_area=60,
        rent=None,
        address="Calata Vignoso 5",
        municipality="municipio-i-centro-est",
        latitude="44.412300",
        longitude="8.924100",
        area=Premises.RegenerationArea.WATERFRONT,
        sectors=("fashion", "food-taste", "contemporary-art"),
        available_in=90,
        contact=("Porto Antico (esempio)", "spazi@portoantico.example", ""),
        photos=(("Vetrina sul porto", "Window on the port"),),
    ),
    DemoPremises(
        slug="studio-chiavari",
        title_it="Studio professionale a Chiavari",
        title_en="Professional studio in Chiavari",
        kind=Premises.Kind.STUDIO,
        description_it="Due stanze al primo piano sotto i portici.",
        description_en="Two rooms on the first floor under the arcades.",
        floor_area=50,
        rent="600",
        address="Via Martiri della Liberazione 40",
        municipality="chiavari",
        latitude="44.316900",
        longitude="9.322300",
        area="",
        sectors=("architecture", "design"),
        available_in=15,
        contact=("Studio Tigullio (esempio)", "info@tigullio.example", "+39 0185 000 111"),
        photos=(("Stanza principale", "Main room"),),
    ),
)

PHOTO_COLOURS = (
    ("#d9c7a7", "#8a5a44", "#6fa8c9"),
    ("#e4e1d6", "#5b6770", "#a7c7a0"),
    ("#cfc6b8", "#3c4a5a", "#f0d28a"),
)


def demo_photo(caption: str, index: int) -> bytes:
    """A simple drawing of a room: floor, back wall, a window and the caption."""
    wall, floor, window = PHOTO_COLOURS[index % len(PHOTO_COLOURS)]
    width, height = 960, 640
    image = Image.new("RGB", (width, height), wall)
    draw = ImageDraw.Draw(image)
    draw.polygon([(0, height), (width, height), (width - 160, 440), (160, 440)], fill=floor)
    left = 200 + (index * 137) % 360
    draw.rectangle((left, 120, left + 220, 360), fill=window, outline="white", width=12)
    draw.line((left + 110, 120, left + 110, 360), fill="white", width=8)
    font = ImageFont.load_default(size=40)
    draw.text((width // 2, 560), caption, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


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
            premises = _premises(item, now, places[item.municipality])
            premises.sectors.set([sectors[slug] for slug in item.sectors if slug in sectors])
            if not premises.photos.exists():
                for order, (caption_it, caption_en) in enumerate(item.photos):
                    premises_photo_add(
                        premises=premises,
                        processed=process_photo(
                            ContentFile(demo_photo(caption_en, index + order), name="demo.png")
                        ),
                        caption=caption_it,
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


def _premises(item: DemoPremises, now: datetime.datetime, place: Municipality) -> Premises:
    premises = Premises.objects.filter(slug=item.slug).first() or Premises(slug=item.slug)
    premises.title_it = item.title_it  # type: ignore[attr-defined]
    premises.title_en = item.title_en  # type: ignore[attr-defined]
    premises.description_it = item.description_it  # type: ignore[attr-defined]
    premises.description_en = item.description_en  # type: ignore[attr-defined]
    premises.kind = item.kind
    premises.floor_area = item.floor_area
    premises.monthly_rent = Decimal(item.rent) if item.rent else None
    premises.address = item.address
    premises.municipality = place
    premises.latitude = Decimal(item.latitude)
    premises.longitude = Decimal(item.longitude)
    premises.regeneration_area = item.area
    premises.available_from = (
        None
        if item.available_in is None
        else timezone.localdate(now) + datetime.timedelta(days=item.available_in)
    )
    premises.contact_name, premises.contact_email, premises.contact_phone = item.contact
    premises.is_published = True
    premises.published_at = premises.published_at or now
    premises.full_clean()
    premises.save()
    return premises
