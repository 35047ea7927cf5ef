"""Demo content of the desk: its contacts and one guide per topic, in Italian and
English. Invented for demonstration; procedures are described in general terms
and every address ends in `.example`."""

from __future__ import annotations

from dataclasses import dataclass

DESK_CONTACTS = {
    "name_it": "Sportello Creative Cities – Comune di Genova, Direzione Cultura e Innovazione",
    "name_en": "Creative Cities contact point – City of Genoa, Culture and Innovation",
    "address_it": "Palazzo Ducale, Piazza Giacomo Matteotti 9, 16123 Genova (cortile maggiore)",
    "address_en": "Palazzo Ducale, Piazza Giacomo Matteotti 9, 16123 Genoa (main courtyard)",
    "phone": "+39 010 557 1234",
    "email": "sportello@creativecities.example",
    "pec": "creativecities@pec.creativecities.example",
    "opening_hours_it": (
        "Lunedì e mercoledì: 9:00–13:00\nGiovedì: 14:00–17:00\nChiuso nei giorni festivi"
    ),
    "opening_hours_en": (
        "Monday and Wednesday: 9:00–13:00\nThursday: 14:00–17:00\nClosed on public holidays"
    ),
    "appointments_it": (
        "Gli incontri con lo staff si prenotano per email o telefono, almeno due giorni"
        " prima; su richiesta anche in videochiamata."
    ),
    "appointments_en": (
        "Book a meeting with the staff by email or phone at least two days ahead;"
        " video calls on request."
    ),
}


@dataclass(frozen=True)
class DemoGuide:
    slug: str
    topic: str
    sectors: tuple[str, ...]
    title_it: str
    title_en: str
    summary_it: str
    summary_en: str
    body_it: str
    body_en: str
    published: bool = True
    reviewed_days_ago: int = 30


GUIDES = (
    DemoGuide(
        slug="trovare-uno-spazio",
        topic="settling",
        sectors=("design", "architecture", "contemporary-art"),
        title_it="Trovare uno spazio per la tua attività creativa",
        title_en="Finding premises for your creative business",
        summary_it=(
            "Uffici, laboratori e studi nell'area metropolitana: dove cercarli, quali"
            " contratti esistono e cosa controllare prima di firmare."
        ),
        summary_en=(
            "Offices, workshops and studios in the metropolitan area: where to look, which"
            " leases exist and what to check before signing."
        ),
        body_it="""## Dove cercare

Il centro storico, la Val Polcevera e l'area di Sampierdarena ospitano molti spazi
sfitti a canoni contenuti. Lo sportello pubblica gli **spazi disponibili** segnalati da
Comune, enti e privati, e ne indica l'eventuale appartenenza a un'area di
rigenerazione urbana.

## Il contratto

- **Locazione commerciale** (6+6 anni): la forma più comune per negozi e laboratori.
- **Locazione transitoria**: utile per progetti temporanei o per provare una zona.
- **Coworking**: nessun contratto lungo, servizi inclusi, ideale per chi inizia.

## Prima di firmare

1. Verifica la **destinazione d'uso** dell'immobile con l'ufficio urbanistica.
2. Chiedi la certificazione energetica e lo stato degli impianti.
3. Controlla se l'area dà diritto a **incentivi** per l'insediamento.
""",
        body_en="""## Where to look

The old town, Val Polcevera and Sampierdarena have many empty units at moderate
rents. The desk lists the **available premises** reported by the City, public bodies
and owners, and says whether they lie in an urban regeneration area.

## The lease

- **Commercial lease** (6+6 years): the usual form for shops and workshops.
- **Temporary lease**: useful for short projects or to try an area.
- **Coworking**: no long contract, services included, ideal when starting out.

## Before signing

1. Check the building's **permitted use** with the planning office.
2. Ask for the energy certificate and the state of the installations.
3. Check whether the area qualifies for **settlement incentives**.
""",
    ),
    DemoGuide(
        slug="aprire-un-attivita-suap",
        topic="permits",
        sectors=("food-taste", "fashion", "music-performing-arts"),
        title_it="Aprire un'attività: SCIA e SUAP passo per passo",
        title_en="Opening a business: SCIA and the SUAP step by step",
        summary_it=(
            "Quasi tutte le attività si avviano con una SCIA presentata online allo"
            " Sportello Unico per le Attività Produttive."
        ),
        summary_en=(
            "Most businesses start with a SCIA filed online with the one-stop shop for"
            " productive activities (SUAP)."
        ),
        body_it="""## Che cos'è la SCIA

La **Segnalazione Certificata di Inizio Attività** permette di iniziare subito:
il Comune controlla dopo, entro 60 giorni. Si presenta online al **SUAP**.

## Cosa serve

- partita IVA e iscrizione al Registro delle imprese;
- planimetria dei locali e dichiarazione di conformità degli impianti;
- per la somministrazione di cibi e bevande, i requisiti professionali e la notifica
  sanitaria.

## Attività che richiedono di più

Locali di pubblico spettacolo, laboratori con emissioni in atmosfera e scuole di
formazione accreditate richiedono autorizzazioni specifiche: chiedi allo sportello
prima di firmare un contratto d'affitto.
""",
        body_en="""## What a SCIA is

The **certified notice of start of business** (SCIA) lets you start at once: the City
checks afterwards, within 60 days. It is filed online with the **SUAP**.

## What you need

- a VAT number and registration with the Companies Register;
- a floor plan of the premises and the installations' declarations of conformity;
- to serve food and drink, the professional requirements and a health notice.

## Activities that need more

Venues for public performances, workshops with emissions and accredited training
schools need specific permits: ask the desk before signing a lease.
""",
    ),
    DemoGuide(
        slug="agevolazioni-fiscali-imprese-creative",
        topic="incentives",
        sectors=("software", "publishing", "cinema"),
        title_it="Agevolazioni fiscali per le imprese creative",
        title_en="Tax incentives for creative businesses",
        summary_it=(
            "Regime forfettario, credito d'imposta per ricerca e sviluppo, tax credit per il"
            " cinema: le misure più usate e chi può accedervi."
        ),
        summary_en=(
            "Flat-rate scheme, research and development tax credit, film tax credit: the"
            " measures used most and who can use them."
        ),
        body_it="""## Regime forfettario

Per chi inizia con ricavi contenuti: un'imposta sostitutiva ridotta per i primi
cinque anni e adempimenti semplificati. Valuta con il tuo commercialista se conviene.

## Crediti d'imposta

- **Ricerca, sviluppo e innovazione**: anche per il design e l'ideazione estetica.
- **Tax credit cinema e audiovisivo**: per produzione, distribuzione e sale.
- **Tax credit librerie**: per le librerie indipendenti.

## Aree di rigenerazione

Alcune aree della città prevedono riduzioni dei tributi locali per chi apre un'attività:
la scheda di ogni spazio disponibile lo indica.
""",
        body_en="""## Flat-rate scheme

For those starting with modest revenue: a reduced substitute tax for the first five
years and simpler bookkeeping. Check with your accountant whether it suits you.

## Tax credits

- **Research, development and innovation**: design and aesthetic conception included.
- **Film and audiovisual tax credit**: for production, distribution and cinemas.
- **Bookshop tax credit**: for independent bookshops.

## Regeneration areas

Some areas of the city reduce local taxes for new businesses: the page of each
available premises says so.
""",
    ),
    DemoGuide(
        slug="credito-e-finanziamenti",
        topic="credit",
        sectors=(),
        title_it="Credito e finanziamenti: garanzie, microcredito, prestiti",
        title_en="Credit and financing: guarantees, microcredit, loans",
        summary_it=(
            "Come ottenere un prestito con la garanzia pubblica del Fondo di garanzia per le"
            " PMI, il microcredito e i finanziamenti agevolati regionali."
        ),
        summary_en=(
            "How to get a loan backed by the public SME Guarantee Fund, microcredit and"
            " the region's subsidised loans."
        ),
        body_it="""## La garanzia pubblica

Il **Fondo di garanzia per le PMI** copre fino all'80% di un prestito bancario: la
banca chiede meno garanzie personali. La domanda la presenta la banca.

## Microcredito

Fino a 75.000 euro per chi avvia un'attività, con servizi di tutoraggio obbligatori.
Adatto a professionisti e micro imprese creative.

## Cosa preparare

1. un **business plan** con le previsioni dei primi tre anni;
2. i bilanci o le dichiarazioni dei redditi degli ultimi due anni;
3. preventivi degli investimenti da finanziare.
""",
        body_en="""## The public guarantee

The **SME Guarantee Fund** covers up to 80% of a bank loan, so the bank asks for fewer
personal guarantees. The bank files the application.

## Microcredit

Up to 75,000 euros for people starting a business, with compulsory mentoring. Suited
to freelancers and creative micro businesses.

## What to prepare

1. a **business plan** with forecasts for the first three years;
2. the accounts or tax returns of the last two years;
3. quotes for the investments to finance.
""",
    ),
    DemoGuide(
        slug="partecipare-a-un-bando",
        topic="grants",
        sectors=("cultural-heritage", "music-performing-arts", "contemporary-art"),
        title_it="Partecipare a un bando: dalla lettura alla rendicontazione",
        title_en="Applying to a call: from reading it to reporting",
        summary_it=(
            "Come leggere un bando europeo, nazionale o regionale, preparare la domanda e"
            " rendicontare le spese senza perdere il contributo."
        ),
        summary_en=(
            "How to read a European, national or regional call, prepare the application and"
            " report expenses without losing the grant."
        ),
        body_it="""## Leggere il bando

Verifica prima di tutto **chi può partecipare**, le spese ammissibili, la quota di
cofinanziamento e la scadenza (data e ora). Lo sportello segnala i bandi aperti per
ogni settore.

## Preparare la domanda

- registrati per tempo alla piattaforma del finanziatore;
- procurati la firma digitale e la PEC;
- scrivi obiettivi misurabili e un budget coerente con le attività.

## Dopo l'approvazione

Conserva ogni fattura e ogni pagamento tracciabile: la **rendicontazione** è la fase in
cui più spesso si perde una parte del contributo.
""",
        body_en="""## Reading the call

First check **who may apply**, which costs are eligible, the co-financing rate and the
deadline (date and time). The desk lists the open calls for each sector.

## Preparing the application

- register early on the funder's platform;
- get a digital signature and a certified email (PEC);
- write measurable objectives and a budget that matches the activities.

## After approval

Keep every invoice and every traceable payment: **reporting** is where part of a grant
is most often lost.
""",
    ),
    DemoGuide(
        slug="assumere-e-formare",
        topic="hiring",
        sectors=("software", "advertising", "television-radio"),
        title_it="Assumere e formare: contratti e incentivi",
        title_en="Hiring and training: contracts and incentives",
        summary_it=(
            "Apprendistato, tirocini, incentivi per l'assunzione di giovani e donne, fondi"
            " interprofessionali per la formazione del personale."
        ),
        summary_en=(
            "Apprenticeships, traineeships, incentives for hiring young people and women,"
            " joint funds for staff training."
        ),
        body_it="""## Le forme più usate

- **Apprendistato professionalizzante**: contributi ridotti e formazione sul lavoro.
- **Tirocinio extracurricolare**: fino a sei mesi, con un'indennità minima regionale.
- **Tempo determinato** e **indeterminato**, anche part time.

## Incentivi

Esistono sgravi contributivi per chi assume giovani, donne e disoccupati di lungo
periodo: si chiedono all'INPS dopo l'assunzione.

## Formazione

I **fondi interprofessionali** finanziano la formazione dei dipendenti: aderire è
gratuito. Il centro per l'impiego aiuta a trovare i candidati.
""",
        body_en="""## The usual forms

- **Professional apprenticeship**: lower contributions and training on the job.
- **Traineeship**: up to six months, with a regional minimum allowance.
- **Fixed-term** and **permanent** contracts, part time too.

## Incentives

Contribution relief exists for hiring young people, women and the long-term
unemployed: it is claimed from INPS after hiring.

## Training

**Joint inter-professional funds** pay for employees' training: joining is free. The
job centre helps to find candidates.
""",
    ),
    DemoGuide(
        slug="lavorare-all-estero",
        topic="international",
        sectors=("design", "fashion", "software"),
        title_it="Lavorare all'estero: fiere, reti e missioni",
        title_en="Going international: fairs, networks and missions",
        summary_it=(
            "Contributi per le fiere internazionali, la rete Enterprise Europe Network e le"
            " città partner di Creative Cities."
        ),
        summary_en=(
            "Support for international fairs, the Enterprise Europe Network and the partner"
            " cities of Creative Cities."
        ),
        body_it="""## Fiere e missioni

Agenzia ICE e Regione Liguria sostengono la partecipazione a fiere e missioni
all'estero con contributi e spazi collettivi. Le domande si presentano mesi prima.

## Reti

- **Enterprise Europe Network**: ricerca di partner e consulenza sui mercati.
- **Rete Creative Cities**: Lipsia, Danzica, Pécs e Lubiana, con i loro cluster creativi.

## Prima di partire

1. proteggi marchi e disegni con un deposito internazionale;
2. verifica le regole IVA per i servizi all'estero;
3. prepara materiali in inglese e nella lingua del mercato.
""",
        body_en="""## Fairs and missions

The Italian Trade Agency and Regione Liguria support taking part in fairs and missions
abroad with grants and shared stands. Applications close months ahead.

## Networks

- **Enterprise Europe Network**: partner search and advice on markets.
- **The Creative Cities network**: Leipzig, Gdańsk, Pécs and Ljubljana, with their
  creative clusters.

## Before leaving

1. protect trademarks and designs with an international filing;
2. check the VAT rules for services abroad;
3. prepare material in English and in the market's language.
""",
    ),
    DemoGuide(
        slug="bozza-nuovi-incentivi-2027",
        topic="incentives",
        sectors=(),
        title_it="Nuovi incentivi comunali 2027 (bozza)",
        title_en="New municipal incentives 2027 (draft)",
        summary_it="Bozza in preparazione: non ancora pubblicata.",
        summary_en="Draft in preparation: not yet published.",
        body_it="## In preparazione\n\nTesto in revisione.",
        body_en="## In preparation\n\nText under review.",
        published=False,
        reviewed_days_ago=2,
    ),
)

# Subscriptions to the alerts: (email, sectors, language, confirmed).
SUBSCRIPTIONS = (
    ("laura.ferrari@studio-ferrari.example", ("design", "architecture"), "it", True),
    ("m.kowalski@gdansk-design.example", ("design", "software"), "en", True),
    ("info@teatro-della-tosse.example", ("music-performing-arts",), "it", True),
    ("nuovo.iscritto@posta.example", ("fashion",), "it", False),
)
