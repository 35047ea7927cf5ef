"""Realistic, reproducible profiles for the benchmark: Italian and English text in
parallel, from a vocabulary of the cluster's sectors.

Three words are planted at known rates so that the benchmark can search a word
found in most rows ("genova", the city in the Italian description of most
profiles), in about a tenth ("fotografia", one of ten specialities) and in very
few ("liuteria", one of ten rare crafts).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field

COMMON_WORD = "genova"
TENTH_WORD = "fotografia"
RARE_WORD = "liuteria"

FIRST_NAMES = (
    "Alessandro Andrea Anna Benedetta Carlo Chiara Davide Elena Federico Francesca Giacomo "
    "Giulia Giorgio Irene Lorenzo Lucia Luca Marco Maria Martina Matteo Nicola Paola Pietro "
    "Riccardo Roberta Sara Simone Stefano Valentina Vittoria Tommaso Emanuele Ilaria Silvia"
).split()
SURNAMES = (
    "Rossi Bianchi Ferrari Russo Romano Gallo Costa Fontana Conti Esposito Ricci Bruno "
    "Moretti Marino Greco Barbieri Lombardi Giordano Rinaldi Colombo Mancini Longo Leone "
    "Martinelli Santoro Mariani Vitale Ferraro Parodi Cavanna Repetto Canepa Bozzo Ottonello "
    "Pastorino Ferrando Traverso Queirolo Olivari Musso Piaggio Lagomarsino Dellepiane Vinelli"
).split()
WORDS = (
    "Lanterna Maestrale Libeccio Scirocco Grecale Zenzero Basilico Ardesia Caruggi Creuza "
    "Darsena Molo Faro Bussola Vela Ancora Onda Scoglio Pesto Focaccia Acciughe Funicolare "
    "Belvedere Portofino Boccadasse Nervi Castelletto Righi Sottoripa Banchi Soziglia Prè "
    "Lampara Mareggiata Polena Gozzo Crêuza Terrazza Pergola Glicine Limone Mirto Lavanda "
    "Corallo Conchiglia Gabbiano Delfino Balena Cometa Orsa Aurora Tramonto Alba"
).split()

# slug: (Italian role, English role, activities as (Italian, English) pairs)
SECTORS: dict[str, tuple[str, str, list[tuple[str, str]]]] = {
    "cultural-heritage": (
        "Cooperativa per i beni culturali",
        "Cultural heritage cooperative",
        [
            (
                "Curiamo visite guidate nei palazzi dei Rolli",
                "We run guided tours of the Rolli palaces",
            ),
            (
                "Cataloghiamo archivi storici e collezioni private",
                "We catalogue historical archives and private collections",
            ),
            ("Progettiamo percorsi di visita accessibili", "We design accessible visitor routes"),
        ],
    ),
    "architecture": (
        "Studio di architettura",
        "Architecture practice",
        [
            (
                "Progettiamo case, scuole e spazi pubblici",
                "We design homes, schools and public spaces",
            ),
            (
                "Ci occupiamo di rigenerazione urbana e paesaggio",
                "We work on urban regeneration and landscape",
            ),
            (
                "Seguiamo cantieri di ristrutturazione energetica",
                "We manage energy retrofit building sites",
            ),
        ],
    ),
    "music-performing-arts": (
        "Compagnia di spettacolo dal vivo",
        "Live performance company",
        [
            ("Produciamo concerti, opere e festival", "We produce concerts, operas and festivals"),
            ("Insegniamo danza contemporanea e teatro", "We teach contemporary dance and theatre"),
            ("Organizziamo tournée in Italia e in Europa", "We organise tours in Italy and Europe"),
        ],
    ),
    "contemporary-art": (
        "Galleria d'arte contemporanea",
        "Contemporary art gallery",
        [
            (
                "Esponiamo pittura, scultura e installazioni",
                "We show painting, sculpture and installations",
            ),
            ("Ospitiamo artisti in residenza", "We host artists in residence"),
            (
                "Curiamo mostre in spazi industriali dismessi",
                "We curate exhibitions in disused industrial spaces",
            ),
        ],
    ),
    "cinema": (
        "Casa di produzione cinematografica",
        "Film production company",
        [
            ("Produciamo documentari e cortometraggi", "We produce documentaries and short films"),
            (
                "Offriamo servizi di montaggio e color correction",
                "We offer editing and colour grading services",
            ),
            (
                "Cerchiamo location per produzioni straniere",
                "We scout locations for foreign productions",
            ),
        ],
    ),
    "software": (
        "Software house",
        "Software company",
        [
            ("Sviluppiamo applicazioni web e mobili", "We build web and mobile applications"),
            (
                "Realizziamo videogiochi e realtà virtuale",
                "We make video games and virtual reality",
            ),
            (
                "Progettiamo sistemi per musei e biblioteche",
                "We design systems for museums and libraries",
            ),
        ],
    ),
    "publishing": (
        "Casa editrice indipendente",
        "Independent publisher",
        [
            (
                "Pubblichiamo narrativa, saggistica e libri per ragazzi",
                "We publish fiction, non-fiction and children's books",
            ),
            ("Curiamo riviste di cultura e di viaggio", "We edit culture and travel magazines"),
            (
                "Traduciamo autori europei contemporanei",
                "We translate contemporary European authors",
            ),
        ],
    ),
    "advertising": (
        "Agenzia di comunicazione",
        "Communication agency",
        [
            (
                "Ideiamo campagne pubblicitarie e identità di marca",
                "We create advertising campaigns and brand identities",
            ),
            (
                "Gestiamo social media e relazioni con la stampa",
                "We manage social media and press relations",
            ),
            ("Organizziamo eventi e fiere", "We organise events and trade fairs"),
        ],
    ),
    "television-radio": (
        "Emittente radiotelevisiva",
        "Radio and television broadcaster",
        [
            ("Trasmettiamo programmi di informazione locale", "We broadcast local news programmes"),
            ("Produciamo podcast e trasmissioni musicali", "We produce podcasts and music shows"),
            ("Noleggiamo studi di registrazione", "We rent out recording studios"),
        ],
    ),
    "fashion": (
        "Laboratorio di moda",
        "Fashion workshop",
        [
            ("Disegniamo e cuciamo abiti su misura", "We design and sew made-to-measure clothes"),
            (
                "Produciamo accessori in pelle e tessuti riciclati",
                "We make accessories in leather and recycled fabrics",
            ),
            (
                "Collaboriamo con sartorie storiche del centro",
                "We work with historic tailors of the old town",
            ),
        ],
    ),
    "design": (
        "Studio di design",
        "Design studio",
        [
            ("Disegniamo arredi, luci e oggetti", "We design furniture, lights and objects"),
            (
                "Curiamo grafica editoriale e segnaletica",
                "We create editorial graphics and signage",
            ),
            ("Progettiamo interni di negozi e uffici", "We design shop and office interiors"),
        ],
    ),
    "food-taste": (
        "Laboratorio del gusto",
        "Food and taste workshop",
        [
            (
                "Produciamo pesto, focaccia e dolci tradizionali",
                "We make pesto, focaccia and traditional sweets",
            ),
            ("Organizziamo corsi di cucina ligure", "We run Ligurian cooking classes"),
            ("Selezioniamo vini e oli del territorio", "We select local wines and olive oils"),
        ],
    ),
}

SPECIALITIES = [
    (
        "Una parte del lavoro è dedicata alla fotografia di architettura e di prodotto.",
        "Part of our work is architecture and product photography.",
    ),
    (
        "Crediamo nella sostenibilità dei materiali e dei processi.",
        "We believe in sustainable materials and processes.",
    ),
    (
        "Ci occupiamo anche di restauro conservativo.",
        "We also carry out conservation and restoration.",
    ),
    ("Offriamo formazione a scuole e aziende.", "We offer training to schools and companies."),
    (
        "Collaboriamo con illustratori e fumettisti.",
        "We collaborate with illustrators and comic artists.",
    ),
    ("Valorizziamo l'artigianato ligure.", "We promote Ligurian craftsmanship."),
    (
        "Lavoriamo con il turismo culturale della riviera.",
        "We work with cultural tourism on the riviera.",
    ),
    (
        "Curiamo l'accessibilità per le persone con disabilità.",
        "We care about accessibility for disabled people.",
    ),
    ("Usiamo tecnologie digitali e stampa 3D.", "We use digital technologies and 3D printing."),
    (
        "Lavoriamo spesso con teatri e musei civici.",
        "We often work with theatres and civic museums.",
    ),
]
RARE_CRAFTS = [
    (
        "Coltiviamo la liuteria: costruiamo e ripariamo strumenti ad arco.",
        "We practise lutherie: building and repairing bowed instruments.",
    ),
    (
        "Conserviamo l'arte della filigrana di Campo Ligure.",
        "We keep alive the filigree craft of Campo Ligure.",
    ),
    ("Lavoriamo l'ardesia della Val Fontanabuona.", "We work the slate of Val Fontanabuona."),
    ("Restauriamo velieri d'epoca.", "We restore vintage sailing ships."),
    ("Facciamo legatoria artigianale.", "We do hand bookbinding."),
    ("Produciamo ex libris incisi.", "We make engraved bookplates."),
    ("Creiamo mosaici in ciottoli di mare.", "We create pebble mosaics."),
    ("Costruiamo organi a canne.", "We build pipe organs."),
    ("Dipingiamo insegne a mano.", "We hand-paint shop signs."),
    ("Intrecciamo cesti in castagno.", "We weave chestnut baskets."),
]
CLIENTS = [
    (
        "Lavoriamo per enti pubblici, fondazioni e imprese private.",
        "We work for public bodies, foundations and private companies.",
    ),
    (
        "Tra i nostri clienti ci sono piccole imprese e grandi gruppi.",
        "Our clients range from small businesses to large groups.",
    ),
    (
        "Collaboriamo con università e centri di ricerca.",
        "We collaborate with universities and research centres.",
    ),
    (
        "Il nostro pubblico sono famiglie, studenti e turisti.",
        "Our audience is families, students and tourists.",
    ),
]
INTERNATIONAL = (
    "Cerchiamo partner in Germania, Polonia, Slovenia e Ungheria per progetti comuni.",
    "We are looking for partners in Germany, Poland, Slovenia and Hungary for joint projects.",
)
ELSEWHERE = [
    ("in Liguria", "in Liguria"),
    ("nel Tigullio", "in the Tigullio"),
    ("in riviera", "on the riviera"),
]
KINDS = (
    ["company"] * 50
    + ["freelancer"] * 25
    + ["association"] * 17
    + ["public"] * 4
    + ["institution"] * 4
)
SIZES = ["1", "2-9", "2-9", "2-9", "10-49", "10-49", "50-249", "250+", ""]
LANGUAGES = ["it", "en", "fr", "de", "es", "pl", "sl", "hu"]
COMPANY_FORMS = ["Studio", "Officina", "Atelier", "Laboratorio", "Bottega", "Factory", "Lab"]
ASSOCIATION_FORMS = ["Associazione culturale", "APS", "Circolo", "Collettivo", "Cooperativa"]
PUBLIC_FORMS = ["Museo", "Biblioteca", "Teatro", "Archivio", "Centro civico"]
INSTITUTION_FORMS = ["Fondazione", "Accademia", "Istituto", "Centro studi"]


@dataclass
class Profile:
    name: str
    kind: str
    primary_sector: str
    sectors: list[str]
    short_it: str
    short_en: str
    description_it: str
    description_en: str
    municipality: str
    in_genoa: bool
    size: str
    year_founded: int
    open_to_international: bool
    languages: list[str] = field(default_factory=list)
    latitude: float | None = None
    longitude: float | None = None
    has_logo: bool = False
    website: str = ""


def name_for(kind: str, rng: random.Random) -> str:
    surname = rng.choice(SURNAMES)
    word = rng.choice(WORDS)
    if kind == "freelancer":
        return f"{rng.choice(FIRST_NAMES)} {surname}"
    if kind == "association":
        return f"{rng.choice(ASSOCIATION_FORMS)} {word}"
    if kind == "public":
        return f"{rng.choice(PUBLIC_FORMS)} {word} {surname}"
    if kind == "institution":
        return f"{rng.choice(INSTITUTION_FORMS)} {surname} {word}"
    shape = rng.random()
    if shape < 0.4:
        return f"{rng.choice(COMPANY_FORMS)} {surname}"
    if shape < 0.7:
        return f"{rng.choice(COMPANY_FORMS)} {word}"
    return f"{surname} & {rng.choice(SURNAMES)}"


def profiles(
    count: int, districts: list[str], others: list[str], *, seed: int = 4
) -> Iterator[Profile]:
    """`count` profiles; three in five in a municipio of Genoa."""
    rng = random.Random(seed)
    sector_slugs = list(SECTORS)
    for _ in range(count):
        kind = rng.choice(KINDS)
        primary = rng.choice(sector_slugs)
        extra = rng.sample(sector_slugs, rng.choice([0, 0, 1, 1, 2]))
        sectors = [primary, *(slug for slug in extra if slug != primary)]
        role_it, role_en, activities = SECTORS[primary]
        in_genoa = rng.random() < 0.6
        municipality = rng.choice(districts if in_genoa else others)
        year = rng.randint(1950, 2025)
        if in_genoa or rng.random() < 0.6:
            where_it, where_en = "a Genova", "in Genoa"
        else:
            where_it, where_en = rng.choice(ELSEWHERE)
        first_it, first_en = rng.choice(activities)
        short_it = f"{role_it} {where_it} dal {year}. {first_it}."
        short_en = f"{role_en} {where_en} since {year}. {first_en}."
        body_it, body_en = [], []
        for activity_it, activity_en in rng.sample(activities, 2):
            body_it.append(f"{activity_it}.")
            body_en.append(f"{activity_en}.")
        speciality = rng.choice(SPECIALITIES)
        body_it.append(speciality[0])
        body_en.append(speciality[1])
        client = rng.choice(CLIENTS)
        body_it.append(client[0])
        body_en.append(client[1])
        international = rng.random() < 0.3
        if international:
            body_it.append(INTERNATIONAL[0])
            body_en.append(INTERNATIONAL[1])
        if rng.random() < 0.003:
            craft = rng.choice(RARE_CRAFTS)
            body_it.append(craft[0])
            body_en.append(craft[1])
        located = rng.random() < 0.7
        yield Profile(
            name=name_for(kind, rng),
            kind=kind,
            primary_sector=primary,
            sectors=sectors,
            short_it=short_it,
            short_en=short_en,
            description_it=" ".join(body_it[:2]) + "\n\n" + " ".join(body_it[2:]),
            description_en=" ".join(body_en[:2]) + "\n\n" + " ".join(body_en[2:]),
            municipality=municipality,
            in_genoa=in_genoa,
            size=rng.choice(SIZES),
            year_founded=year,
            open_to_international=international,
            languages=["it", *rng.sample(LANGUAGES[1:], rng.choice([0, 1, 1, 2]))],
            latitude=round(44.41 + rng.uniform(-0.12, 0.12), 6) if located else None,
            longitude=round(8.93 + rng.uniform(-0.35, 0.45), 6) if located else None,
            has_logo=rng.random() < 0.3,
            website="https://example.org/" if rng.random() < 0.6 else "",
        )
