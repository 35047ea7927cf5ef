"""The twelve sectors named by the project, in Italian and English."""

from django.db import migrations

SECTORS = [
    (
        "cultural-heritage",
        "Patrimonio culturale",
        "Cultural heritage",
        "Musei, archivi, biblioteche, siti storici e le imprese che li conservano, li restaurano e li raccontano.",
        "Museums, archives, libraries, historic sites and the firms that conserve, restore and present them.",
    ),
    (
        "architecture",
        "Architettura",
        "Architecture",
        "Studi di architettura, urbanistica e paesaggio che progettano gli spazi della città.",
        "Architecture, planning and landscape practices that design the spaces of the city.",
    ),
    (
        "music-performing-arts",
        "Musica e spettacolo",
        "Music and performing arts",
        "Musica dal vivo e registrata, teatro, danza, festival e le professioni tecniche della scena.",
        "Live and recorded music, theatre, dance, festivals and the technical crafts of the stage.",
    ),
    (
        "contemporary-art",
        "Arte contemporanea",
        "Contemporary art",
        "Artisti, gallerie, spazi espositivi e residenze dedicati alla creazione contemporanea.",
        "Artists, galleries, exhibition spaces and residencies devoted to contemporary work.",
    ),
    (
        "cinema",
        "Cinema",
        "Cinema",
        "Produzione, post-produzione, distribuzione e sale; festival e film commission.",
        "Film production, post-production, distribution and cinemas; festivals and film commissions.",
    ),
    (
        "software",
        "Software",
        "Software",
        "Sviluppo di software, videogiochi, applicazioni e servizi digitali creativi.",
        "Software, video games, applications and creative digital services.",
    ),
    (
        "publishing",
        "Editoria",
        "Publishing",
        "Case editrici, riviste, librerie indipendenti ed editoria digitale.",
        "Book and magazine publishers, independent bookshops and digital publishing.",
    ),
    (
        "advertising",
        "Pubblicità",
        "Advertising",
        "Agenzie di comunicazione, pubblicità e marketing, creativi e strateghi.",
        "Communication, advertising and marketing agencies, creatives and strategists.",
    ),
    (
        "television-radio",
        "Televisione e radio",
        "Television and radio",
        "Emittenti, produttori di contenuti audiovisivi e sonori, podcast.",
        "Broadcasters, producers of audiovisual and audio content, podcasts.",
    ),
    (
        "fashion",
        "Moda",
        "Fashion",
        "Stilisti, laboratori sartoriali, accessori e tessile di qualità.",
        "Designers, tailoring workshops, accessories and quality textiles.",
    ),
    (
        "design",
        "Design",
        "Design",
        "Design industriale, grafico, degli interni, della comunicazione e dei servizi.",
        "Industrial, graphic, interior, communication and service design.",
    ),
    (
        "food-taste",
        "Industria del gusto",
        "Food and taste industry",
        "Enogastronomia di qualità, produzioni tipiche e cultura del cibo come esperienza creativa.",
        "Quality food and wine, local produce and food culture as a creative experience.",
    ),
]


def seed(apps, schema_editor):
    Sector = apps.get_model("directory", "Sector")
    for order, (slug, name_it, name_en, text_it, text_en) in enumerate(SECTORS, start=1):
        Sector.objects.update_or_create(
            slug=slug,
            defaults={
                "order": order * 10,
                "name": name_it,
                "name_it": name_it,
                "name_en": name_en,
                "description": text_it,
                "description_it": text_it,
                "description_en": text_en,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("directory", "Sector").objects.filter(
        slug__in=[row[0] for row in SECTORS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
