"""The demo directory: organisations of the Genoese creative cluster, invented
for development and demonstrations.

Names, addresses and websites are fictional (websites end in `.example`);
places and coordinates are real, so that the map and the filters by
municipality show what a live directory would.
"""

from directory.demo import DemoOrganisation

COMPANY = "company"
FREELANCER = "freelancer"
ASSOCIATION = "association"
PUBLIC_BODY = "public"
INSTITUTION = "institution"

# Municipalities by slug (seeded by migration 0006).
CENTRO_EST = "municipio-i-centro-est"
CENTRO_OVEST = "municipio-ii-centro-ovest"
BASSA_VAL_BISAGNO = "municipio-iii-bassa-val-bisagno"
MEDIA_VAL_BISAGNO = "municipio-iv-media-val-bisagno"
VALPOLCEVERA = "municipio-v-valpolcevera"
MEDIO_PONENTE = "municipio-vi-medio-ponente"
PONENTE = "municipio-vii-ponente"
MEDIO_LEVANTE = "municipio-viii-medio-levante"
LEVANTE = "municipio-ix-levante"


ORGANISATIONS: tuple[DemoOrganisation, ...] = (
    # --- Cultural heritage -------------------------------------------------------------
    DemoOrganisation(
        slug="cantiere-memoria-navale",
        name="Cantiere della Memoria Navale",
        kind=COMPANY,
        sectors=("cultural-heritage", "design"),
        municipality=CENTRO_EST,
        address="Calata De Mari 4",
        postcode="16126",
        latitude="44.414650",
        longitude="8.924900",
        size="2-9",
        year_founded=2009,
        languages=("it", "en", "fr"),
        international=True,
        website="https://memorianavale.example",
        email="bottega@memorianavale.example",
        published=1085,
        short_it=(
            "Laboratorio di restauro di scafi storici, modelli navali e arredi di bordo, "
            "a due passi dalla Darsena."
        ),
        short_en=(
            "A restoration workshop for historic hulls, ship models and shipboard "
            "furniture, a stone's throw from the Darsena."
        ),
        description_it=(
            "Restauriamo gozzi, lance e barche a vela in legno, e per musei e collezionisti "
            "i modelli navali e gli arredi che raccontano tre secoli di marineria genovese. "
            "Ogni intervento è documentato con rilievi e schede, consegnate al proprietario "
            "e, se lo desidera, all'archivio del porto. Teniamo corsi brevi di carpenteria "
            "navale per giovani e scuole."
        ),
        description_en=(
            "We restore wooden gozzi, launches and sailing boats and, for museums and "
            "collectors, the ship models and fittings that tell three centuries of Genoese "
            "seafaring. Every job is documented with surveys and records, handed to the "
            "owner and, if they wish, to the port archive. We run short courses in boat "
            "carpentry for young people and schools."
        ),
    ),
    DemoOrganisation(
        slug="archivio-vivo-caruggi",
        name="Archivio Vivo dei Caruggi",
        kind=ASSOCIATION,
        sectors=("cultural-heritage", "publishing"),
        municipality=CENTRO_EST,
        address="Piazza delle Erbe 11r",
        postcode="16123",
        latitude="44.405200",
        longitude="8.932400",
        size="2-9",
        year_founded=2014,
        languages=("it", "en"),
        email="archivio@caruggi.example",
        published=940,
        short_it=(
            "Raccogliamo insegne, fotografie e voci delle botteghe del centro storico "
            "e le rendiamo consultabili a tutti."
        ),
        short_en=(
            "We collect the signs, photographs and voices of the old town's shops and "
            "make them available to everyone."
        ),
        description_it=(
            "Un gruppo di archivisti, fotografi e abitanti dei caruggi che dal 2014 "
            "digitalizza le memorie delle botteghe storiche: insegne dipinte, registri, "
            "ricettari, interviste ai titolari. Le raccolte sono pubblicate con licenza "
            "aperta e diventano mostre nei fondi sfitti del quartiere."
        ),
        description_en=(
            "Archivists, photographers and residents of the caruggi who since 2014 have "
            "been digitising the memory of the historic shops: painted signs, ledgers, "
            "recipe books, interviews with their owners. The collections are published "
            "under an open licence and become exhibitions in the neighbourhood's empty "
            "shopfronts."
        ),
    ),
    DemoOrganisation(
        slug="fondazione-case-dei-capitani",
        name="Fondazione Case dei Capitani",
        kind=INSTITUTION,
        sectors=("cultural-heritage", "contemporary-art"),
        municipality="camogli",
        address="Via della Repubblica 27",
        postcode="16032",
        latitude="44.349300",
        longitude="9.155400",
        size="2-9",
        year_founded=1998,
        languages=("it", "en", "de"),
        international=True,
        website="https://casedeicapitani.example",
        published=1020,
        short_it=(
            "Custodisce diari di bordo, ritratti di navi e archivi delle famiglie di "
            "capitani di Camogli, e li apre ad artisti e ricercatori."
        ),
        short_en=(
            "Keeps the logbooks, ship portraits and family papers of Camogli's sea "
            "captains, and opens them to artists and researchers."
        ),
        description_it=(
            "Camogli fu la città dei mille bianchi velieri. La fondazione conserva le carte "
            "di bordo e gli ex voto delle famiglie di armatori, cura mostre e ospita ogni "
            "anno due artisti in residenza che lavorano sull'archivio. Collabora con musei "
            "del mare in Germania, Polonia e Slovenia."
        ),
        description_en=(
            "Camogli was the town of a thousand white sailing ships. The foundation keeps "
            "the logbooks and votive paintings of its shipowning families, curates "
            "exhibitions and each year hosts two artists in residence who work with the "
            "archive. It works with maritime museums in Germany, Poland and Slovenia."
        ),
    ),
    # --- Architecture ------------------------------------------------------------------
    DemoOrganisation(
        slug="archivolto-architetti",
        name="Archivolto Architetti Associati",
        kind=COMPANY,
        sectors=("architecture", "cultural-heritage"),
        municipality=CENTRO_EST,
        address="Salita San Gerolamo 9",
        postcode="16125",
        latitude="44.414200",
        longitude="8.935300",
        size="10-49",
        year_founded=2003,
        languages=("it", "en", "de"),
        international=True,
        website="https://archivolto.example",
        email="studio@archivolto.example",
        published=1060,
        short_it=(
            "Restauro e riuso dei palazzi storici genovesi, dai Rolli ai magazzini del "
            "porto, con attenzione all'efficienza energetica."
        ),
        short_en=(
            "Restoration and reuse of Genoa's historic palaces, from the Rolli to the "
            "port warehouses, with an eye on energy efficiency."
        ),
        description_it=(
            "Studio associato di architetti e ingegneri con sede a Castelletto. Ci occupiamo "
            "di restauro conservativo, consolidamento e nuove funzioni per edifici "
            "vincolati: residenze universitarie, spazi di coworking, piccoli musei. "
            "Lavoriamo con la Soprintendenza fin dal progetto preliminare."
        ),
        description_en=(
            "A practice of architects and engineers based in Castelletto. We handle "
            "conservation, structural strengthening and new uses for listed buildings: "
            "student housing, coworking spaces, small museums. We work with the heritage "
            "authority from the first sketch."
        ),
    ),
    DemoOrganisation(
        slug="creuza-lab",
        name="Creuza Lab",
        kind=ASSOCIATION,
        sectors=("architecture", "cultural-heritage"),
        municipality=MEDIA_VAL_BISAGNO,
        address="Via Emilia 52",
        postcode="16138",
        latitude="44.447600",
        longitude="8.971800",
        size="2-9",
        year_founded=2023,
        languages=("it", "en"),
        email="ciao@creuzalab.example",
        status="pending",
        published=None,
        created=4,
        short_it=(
            "Giovani architetti e paesaggisti che ridanno vita a creuze, terrazzamenti e "
            "orti della Val Bisagno con i loro abitanti."
        ),
        short_en=(
            "Young architects and landscape designers bringing the creuze, terraces and "
            "gardens of the Val Bisagno back to life with the people who live there."
        ),
        description_it=(
            "Progettazione partecipata di piccoli spazi pubblici: mappiamo i sentieri "
            "lastricati e i muri a secco abbandonati, organizziamo cantieri aperti nei "
            "fine settimana e accompagniamo i comitati di quartiere nei bandi per la "
            "rigenerazione urbana."
        ),
        description_en=(
            "Participatory design of small public spaces: we map abandoned paved paths and "
            "dry-stone walls, run open building weekends and help neighbourhood groups "
            "apply for urban regeneration grants."
        ),
    ),
    DemoOrganisation(
        slug="ardesia-progetti",
        name="Ardesia Progetti",
        kind=FREELANCER,
        sectors=("architecture", "design"),
        municipality="cicagna",
        address="Via Vittorio Veneto 18",
        postcode="16044",
        latitude="44.407000",
        longitude="9.238200",
        size="1",
        year_founded=2012,
        languages=("it", "en"),
        website="https://ardesiaprogetti.example",
        published=610,
        short_it=(
            "Architetta in Val Fontanabuona: case sostenibili in ardesia e castagno, "
            "recupero di rustici e cave dismesse."
        ),
        short_en=(
            "An architect in the Val Fontanabuona: sustainable houses in slate and chestnut, "
            "restored farm buildings and disused quarries."
        ),
        description_it=(
            "Progetto abitazioni a basso consumo con i materiali della valle: l'ardesia "
            "delle cave di Cicagna e il legno di castagno dei boschi vicini. Seguo anche "
            "il recupero di ex cave come spazi per eventi e laboratori."
        ),
        description_en=(
            "I design low-energy homes with the valley's own materials: slate from the "
            "Cicagna quarries and chestnut from the nearby woods. I also turn disused "
            "quarries into venues and workshops."
        ),
    ),
    # --- Music and performing arts -----------------------------------------------------
    DemoOrganisation(
        slug="compagnia-lanterna-rossa",
        name="Compagnia Teatrale Lanterna Rossa",
        kind=ASSOCIATION,
        sectors=("music-performing-arts",),
        municipality=CENTRO_OVEST,
        address="Via Nicolò Daste 14",
        postcode="16149",
        latitude="44.411300",
        longitude="8.889400",
        size="10-49",
        year_founded=1995,
        languages=("it", "en", "sl"),
        international=True,
        website="https://lanternarossa.example",
        email="biglietteria@lanternarossa.example",
        published=1000,
        short_it=(
            "Teatro di ricerca e teatro per ragazzi a Sampierdarena, con una stagione "
            "di trenta titoli e tournée in Europa centrale."
        ),
        short_en=(
            "Experimental theatre and theatre for young audiences in Sampierdarena, with a "
            "season of thirty shows and tours in Central Europe."
        ),
        description_it=(
            "Nata in un ex cinema di quartiere, la compagnia produce spettacoli originali "
            "sulla storia operaia del Ponente e laboratori teatrali nelle scuole. Dal 2012 "
            "coproduce ogni anno uno spettacolo con un teatro di Lubiana."
        ),
        description_en=(
            "Born in a former neighbourhood cinema, the company creates new plays on the "
            "working-class history of the western districts and runs drama workshops in "
            "schools. Since 2012 it has co-produced a show each year with a Ljubljana theatre."
        ),
    ),
    DemoOrganisation(
        slug="trallalero-contemporaneo",
        name="Trallalero Contemporaneo",
        kind=ASSOCIATION,
        sectors=("music-performing-arts", "cultural-heritage"),
        municipality=VALPOLCEVERA,
        address="Via Isocorte 3",
        postcode="16164",
        latitude="44.496500",
        longitude="8.901000",
        size="2-9",
        year_founded=2011,
        languages=("it",),
        published=720,
        short_it=(
            "Scuola e ensemble di trallalero, il canto polifonico dei camalli e dei "
            "carrettieri genovesi, tra tradizione e nuove composizioni."
        ),
        short_en=(
            "A school and ensemble of trallalero, the polyphonic song of Genoa's dockers "
            "and carters, between tradition and new works."
        ),
        description_it=(
            "Insegniamo le cinque voci del trallalero a chi vuole impararle, registriamo "
            "gli anziani cantori della Valpolcevera e commissioniamo a giovani compositori "
            "brani nuovi per squadra vocale. Concerti nelle piazze, nelle società di mutuo "
            "soccorso e nei festival."
        ),
        description_en=(
            "We teach the five voices of trallalero to anyone who wants to learn, record "
            "the elder singers of the Valpolcevera and commission new pieces for vocal "
            "squads from young composers. Concerts in squares, mutual aid societies and "
            "festivals."
        ),
    ),
    DemoOrganisation(
        slug="bisagno-sound",
        name="Bisagno Sound",
        kind=COMPANY,
        sectors=("music-performing-arts", "cinema"),
        municipality=MEDIA_VAL_BISAGNO,
        address="Via Molassana 40",
        postcode="16138",
        latitude="44.446200",
        longitude="8.970100",
        size="2-9",
        year_founded=2007,
        languages=("it", "en"),
        website="https://bisagnosound.example",
        email="studio@bisagnosound.example",
        published=830,
        short_it=(
            "Studio di registrazione e sale prove a Molassana: dischi, colonne sonore e "
            "post-produzione audio per il cinema."
        ),
        short_en=(
            "A recording studio and rehearsal rooms in Molassana: records, film scores and "
            "audio post-production for cinema."
        ),
        description_it=(
            "Due sale di ripresa, una regia analogica e tre sale prove aperte fino a tarda "
            "sera. Registriamo band e orchestre da camera, curiamo mix e mastering, "
            "e lavoriamo al suono di documentari e cortometraggi girati in Liguria."
        ),
        description_en=(
            "Two live rooms, an analogue control room and three rehearsal rooms open late. "
            "We record bands and chamber orchestras, mix and master, and work on the sound "
            "of documentaries and short films shot in Liguria."
        ),
    ),
    # --- Contemporary art --------------------------------------------------------------
    DemoOrganisation(
        slug="galleria-vico-chiuso",
        name="Galleria Vico Chiuso",
        kind=COMPANY,
        sectors=("contemporary-art",),
        municipality=CENTRO_EST,
        address="Vico del Fico 8",
        postcode="16128",
        latitude="44.406300",
        longitude="8.929200",
        size="2-9",
        year_founded=2010,
        languages=("it", "en", "de"),
        international=True,
        website="https://vicochiuso.example",
        email="info@vicochiuso.example",
        published=990,
        short_it=(
            "Galleria d'arte contemporanea nei vicoli del centro storico: pittura, "
            "fotografia e installazioni di artisti emergenti."
        ),
        short_en=(
            "A contemporary art gallery in the alleys of the old town: painting, photography "
            "and installations by emerging artists."
        ),
        description_it=(
            "Sei mostre l'anno in un magazzino medievale restaurato, con artisti liguri e "
            "ospiti dalle città partner di Lipsia e Pécs. La galleria partecipa alle fiere "
            "di settore e organizza visite guidate per scuole e aziende."
        ),
        description_en=(
            "Six exhibitions a year in a restored medieval storehouse, with Ligurian artists "
            "and guests from the partner cities of Leipzig and Pécs. The gallery takes part "
            "in art fairs and offers guided visits to schools and companies."
        ),
    ),
    DemoOrganisation(
        slug="officina-nervi-arte",
        name="Officina Nervi Arte",
        kind=ASSOCIATION,
        sectors=("contemporary-art", "cultural-heritage"),
        municipality=LEVANTE,
        address="Via Oberdan 140",
        postcode="16167",
        latitude="44.381500",
        longitude="9.037500",
        size="2-9",
        year_founded=2016,
        languages=("it", "en", "fr", "sl"),
        international=True,
        website="https://officinanervi.example",
        published=560,
        short_it=(
            "Residenze d'artista affacciate sulla passeggiata di Nervi, con scambi con "
            "Lubiana e Danzica."
        ),
        short_en=(
            "Artist residencies overlooking the Nervi seafront promenade, with exchanges "
            "with Ljubljana and Gdańsk."
        ),
        description_it=(
            "Ogni anno ospitiamo otto artisti per periodi da uno a tre mesi, in studi "
            "ricavati da una vecchia limonaia. Le residenze si chiudono con una mostra "
            "aperta e con un incontro nelle scuole del Levante."
        ),
        description_en=(
            "Each year we host eight artists for one to three months, in studios made from "
            "an old lemon house. Every residency ends with an open exhibition and a meeting "
            "in the schools of the eastern districts."
        ),
    ),
    DemoOrganisation(
        slug="collettivo-ferro-e-sale",
        name="Collettivo Ferro e Sale",
        kind=ASSOCIATION,
        sectors=("contemporary-art", "design"),
        municipality=MEDIO_PONENTE,
        address="Via Cornigliano 210",
        postcode="16152",
        latitude="44.416600",
        longitude="8.872100",
        size="2-9",
        year_founded=2019,
        languages=("it", "en", "ar"),
        email="collettivo@ferroesale.example",
        published=300,
        short_it=(
            "Scultori e designer che trasformano l'acciaio di recupero del porto e delle "
            "acciaierie in opere e arredi urbani."
        ),
        short_en=(
            "Sculptors and designers turning reclaimed steel from the port and the old "
            "steelworks into artworks and street furniture."
        ),
        description_it=(
            "Il collettivo lavora a Cornigliano, accanto alle aree delle ex acciaierie. "
            "Recupera lamiere, catene e bitte e le trasforma in sculture, panchine e "
            "installazioni per i parchi del Ponente, coinvolgendo i ragazzi del quartiere."
        ),
        description_en=(
            "The collective works in Cornigliano, next to the former steelworks. It "
            "salvages plates, chains and bollards and turns them into sculptures, benches "
            "and installations for the western parks, with young people from the area."
        ),
    ),
    # --- Cinema ------------------------------------------------------------------------
    DemoOrganisation(
        slug="lanterna-film",
        name="Lanterna Film",
        kind=COMPANY,
        sectors=("cinema", "television-radio"),
        municipality=CENTRO_EST,
        address="Magazzini del Cotone, Modulo 3",
        postcode="16128",
        latitude="44.409200",
        longitude="8.925400",
        size="10-49",
        year_founded=2005,
        languages=("it", "en", "fr", "es"),
        international=True,
        website="https://lanternafilm.example",
        email="produzione@lanternafilm.example",
        published=1070,
        short_it=(
            "Casa di produzione cinematografica al Porto Antico: lungometraggi, documentari "
            "e servizi di produzione per troupe straniere."
        ),
        short_en=(
            "A film production company at the Porto Antico: features, documentaries and "
            "production services for foreign crews."
        ),
        description_it=(
            "Produciamo film di finzione e documentari, spesso in coproduzione europea, e "
            "assistiamo le troupe che scelgono Genova come set: permessi, location, "
            "maestranze locali. Il nostro ultimo documentario racconta il porto di notte."
        ),
        description_en=(
            "We produce fiction films and documentaries, often as European co-productions, "
            "and support crews who choose Genoa as a set: permits, locations, local crew. "
            "Our latest documentary follows the port at night."
        ),
    ),
    DemoOrganisation(
        slug="baia-del-silenzio-film-festival",
        name="Baia del Silenzio Film Festival",
        kind=ASSOCIATION,
        sectors=("cinema",),
        municipality="sestri-levante",
        address="Via Pilade Queirolo 7",
        postcode="16039",
        latitude="44.271300",
        longitude="9.394800",
        size="2-9",
        year_founded=2008,
        languages=("it", "en", "fr"),
        international=True,
        website="https://baiafilmfest.example",
        published=880,
        short_it=(
            "Festival di cortometraggi all'aperto sulla Baia del Silenzio, ogni estate, "
            "con una sezione per registi under 30."
        ),
        short_en=(
            "An open-air short film festival on the Bay of Silence every summer, with a "
            "section for directors under 30."
        ),
        description_it=(
            "Cinque serate di proiezioni sulla spiaggia, oltre mille cortometraggi ricevuti "
            "ogni anno da quaranta paesi, una giuria di studenti e laboratori di regia per "
            "le scuole del Tigullio durante l'inverno."
        ),
        description_en=(
            "Five evenings of screenings on the beach, over a thousand short films received "
            "each year from forty countries, a student jury and directing workshops for "
            "the Tigullio schools during the winter."
        ),
    ),
    DemoOrganisation(
        slug="fotogramma-animazione",
        name="Fotogramma Animazione",
        kind=COMPANY,
        sectors=("cinema", "advertising"),
        municipality=MEDIO_LEVANTE,
        address="Via Casaregis 36",
        postcode="16129",
        latitude="44.398400",
        longitude="8.945300",
        size="2-9",
        year_founded=2015,
        languages=("it", "en"),
        website="https://fotogramma.example",
        published=500,
        short_it=(
            "Studio di animazione in stop-motion e 2D alla Foce: serie per ragazzi, spot "
            "e videoclip."
        ),
        short_en=(
            "A stop-motion and 2D animation studio in the Foce: children's series, "
            "commercials and music videos."
        ),
        description_it=(
            "Costruiamo pupazzi, set in miniatura e storie. Realizziamo episodi per la "
            "televisione, campagne pubblicitarie animate e laboratori di animazione per "
            "le biblioteche civiche."
        ),
        description_en=(
            "We build puppets, miniature sets and stories. We make episodes for "
            "television, animated advertising campaigns and animation workshops for the "
            "city libraries."
        ),
    ),
    # --- Software ----------------------------------------------------------------------
    DemoOrganisation(
        slug="pixel-di-mare-games",
        name="Pixel di Mare Games",
        kind=COMPANY,
        sectors=("software", "design"),
        municipality=CENTRO_OVEST,
        address="Via Antonio Cantore 8",
        postcode="16149",
        latitude="44.412700",
        longitude="8.887300",
        size="10-49",
        year_founded=2016,
        languages=("it", "en", "pl"),
        international=True,
        website="https://pixeldimare.example",
        email="jobs@pixeldimare.example",
        published=760,
        short_it=(
            "Studio di videogiochi indipendente a Sampierdarena: avventure narrative "
            "ambientate nel Mediterraneo, per PC e console."
        ),
        short_en=(
            "An independent video-game studio in Sampierdarena: narrative adventures set in "
            "the Mediterranean, for PC and consoles."
        ),
        description_it=(
            "Venti persone tra programmatori, artisti e sceneggiatori. Il nostro primo "
            "gioco, un'avventura tra i moli del porto, è stato tradotto in nove lingue. "
            "Lavoriamo in coproduzione con uno studio di Danzica e offriamo tirocini agli "
            "studenti dell'università."
        ),
        description_en=(
            "Twenty programmers, artists and writers. Our first game, an adventure among "
            "the piers of the port, has been translated into nine languages. We co-develop "
            "with a studio in Gdańsk and offer internships to university students."
        ),
    ),
    DemoOrganisation(
        slug="codice-lanterna",
        name="Codice Lanterna",
        kind=COMPANY,
        sectors=("software", "cultural-heritage"),
        municipality=MEDIO_PONENTE,
        address="Via Melen 77, Erzelli",
        postcode="16152",
        latitude="44.428400",
        longitude="8.848600",
        size="10-49",
        year_founded=2012,
        languages=("it", "en", "de"),
        international=True,
        website="https://codicelanterna.example",
        published=1040,
        short_it=(
            "Software per musei e siti culturali: audioguide, biglietterie online e "
            "cataloghi digitali accessibili."
        ),
        short_en=(
            "Software for museums and cultural sites: audio guides, online ticketing and "
            "accessible digital catalogues."
        ),
        description_it=(
            "Dal parco tecnologico di Erzelli sviluppiamo applicazioni per oltre cinquanta "
            "musei italiani ed europei. I nostri cataloghi rispettano le linee guida di "
            "accessibilità e pubblicano i dati in formato aperto."
        ),
        description_en=(
            "From the Erzelli technology park we build applications for more than fifty "
            "Italian and European museums. Our catalogues follow the accessibility "
            "guidelines and publish their data in open formats."
        ),
    ),
    DemoOrganisation(
        slug="scoglio-digitale",
        name="Scoglio Digitale",
        kind=FREELANCER,
        sectors=("software",),
        municipality="bogliasco",
        address="Via Aurelia 120",
        postcode="16031",
        latitude="44.379300",
        longitude="9.069200",
        size="1",
        year_founded=2021,
        languages=("it", "en"),
        status="pending",
        published=None,
        created=2,
        short_it=(
            "Sviluppatore web freelance: siti accessibili e veloci per botteghe, "
            "associazioni e piccole strutture ricettive."
        ),
        short_en=(
            "A freelance web developer: accessible, fast websites for shops, associations "
            "and small guest houses."
        ),
        description_it=(
            "Realizzo siti e prenotazioni online per chi lavora sulla costa tra Nervi e "
            "Recco, con pagine leggere, leggibili da tutti e facili da aggiornare."
        ),
        description_en=(
            "I build websites and online booking for businesses on the coast between Nervi "
            "and Recco, with light pages that everyone can read and anyone can update."
        ),
    ),
    # --- Publishing --------------------------------------------------------------------
    DemoOrganisation(
        slug="edizioni-sottoripa",
        name="Edizioni Sottoripa",
        kind=COMPANY,
        sectors=("publishing", "cultural-heritage"),
        municipality=CENTRO_EST,
        address="Via di Sottoripa 5",
        postcode="16123",
        latitude="44.409400",
        longitude="8.929900",
        size="2-9",
        year_founded=1999,
        languages=("it", "en"),
        website="https://sottoripa.example",
        email="redazione@sottoripa.example",
        published=1050,
        short_it=(
            "Editore indipendente di saggistica sulla città, poesia in genovese e "
            "narrativa del Mediterraneo."
        ),
        short_en=(
            "An independent publisher of non-fiction about the city, poetry in Genoese and "
            "Mediterranean fiction."
        ),
        description_it=(
            "Dodici titoli l'anno, stampati in Liguria. Accanto alle collane di storia "
            "urbana pubblichiamo poeti che scrivono in zeneize con traduzione a fronte e "
            "romanzi tradotti dal greco, dal turco e dall'arabo."
        ),
        description_en=(
            "Twelve titles a year, printed in Liguria. Alongside our urban history series "
            "we publish poets writing in Zeneize with a facing translation, and novels "
            "translated from Greek, Turkish and Arabic."
        ),
    ),
    DemoOrganisation(
        slug="fabbrica-delle-nuvole",
        name="Fabbrica delle Nuvole",
        kind=COMPANY,
        sectors=("publishing", "contemporary-art"),
        municipality=BASSA_VAL_BISAGNO,
        address="Via Donghi 48",
        postcode="16143",
        latitude="44.409800",
        longitude="8.952500",
        size="2-9",
        year_founded=2013,
        languages=("it", "en", "fr"),
        international=True,
        website="https://fabbricanuvole.example",
        published=640,
        short_it=(
            "Casa editrice e scuola di fumetto a San Fruttuoso: graphic novel, albi "
            "illustrati e corsi serali."
        ),
        short_en=(
            "A comics publisher and school in San Fruttuoso: graphic novels, picture books "
            "and evening classes."
        ),
        description_it=(
            "Pubblichiamo fumettisti liguri e francesi e teniamo corsi di sceneggiatura e "
            "disegno per ragazzi e adulti. Ogni autunno portiamo i nostri autori alle fiere "
            "del fumetto in Francia e Belgio."
        ),
        description_en=(
            "We publish Ligurian and French comics artists and teach script writing and "
            "drawing to young people and adults. Every autumn we take our authors to comics "
            "fairs in France and Belgium."
        ),
    ),
    DemoOrganisation(
        slug="libri-della-riviera",
        name="Libri della Riviera",
        kind=COMPANY,
        sectors=("publishing",),
        municipality="rapallo",
        address="Via Mameli 210",
        postcode="16035",
        latitude="44.350600",
        longitude="9.230200",
        size="2-9",
        year_founded=1988,
        languages=("it", "en", "de"),
        international=True,
        website="https://libririviera.example",
        published=900,
        short_it=(
            "Guide di viaggio, libri per ragazzi e carte escursionistiche del Tigullio e "
            "del Parco di Portofino."
        ),
        short_en=(
            "Travel guides, children's books and hiking maps of the Tigullio and the "
            "Portofino Park."
        ),
        description_it=(
            "Piccolo editore di Rapallo con un catalogo di oltre cento titoli in italiano, "
            "inglese e tedesco. Le nostre carte dei sentieri sono aggiornate ogni anno con "
            "i volontari del parco."
        ),
        description_en=(
            "A small Rapallo publisher with a list of over a hundred titles in Italian, "
            "English and German. Our trail maps are updated every year with the park's "
            "volunteers."
        ),
    ),
    # --- Advertising -------------------------------------------------------------------
    DemoOrganisation(
        slug="maestrale-comunicazione",
        name="Maestrale Comunicazione",
        kind=COMPANY,
        sectors=("advertising", "design"),
        municipality=CENTRO_EST,
        address="Via XX Settembre 32",
        postcode="16121",
        latitude="44.405100",
        longitude="8.939000",
        size="10-49",
        year_founded=2001,
        languages=("it", "en", "es"),
        website="https://maestrale.example",
        email="nuovi.progetti@maestrale.example",
        published=1090,
        short_it=(
            "Agenzia di comunicazione: campagne, identità visive e strategia digitale per "
            "imprese del porto, della logistica e del turismo."
        ),
        short_en=(
            "A communication agency: campaigns, visual identities and digital strategy for "
            "port, logistics and tourism businesses."
        ),
        description_it=(
            "Trenta professionisti sotto i portici di Via XX Settembre. Seguiamo la "
            "comunicazione di armatori, terminal e consorzi turistici, dalla strategia "
            "alla produzione di video e materiali per le fiere internazionali."
        ),
        description_en=(
            "Thirty professionals under the arcades of Via XX Settembre. We handle the "
            "communication of shipowners, terminals and tourism consortia, from strategy to "
            "videos and material for international trade fairs."
        ),
    ),
    DemoOrganisation(
        slug="studio-tramontana",
        name="Studio Tramontana",
        kind=COMPANY,
        sectors=("advertising", "food-taste"),
        municipality=MEDIO_LEVANTE,
        address="Via Albaro 19",
        postcode="16145",
        latitude="44.396700",
        longitude="8.959800",
        size="2-9",
        year_founded=2017,
        languages=("it", "en"),
        website="https://tramontana.example",
        published=420,
        short_it=(
            "Marchi, etichette e racconto dei prodotti per aziende agricole, frantoi e "
            "cantine della Liguria."
        ),
        short_en=("Brands, labels and storytelling for Ligurian farms, olive mills and wineries."),
        description_it=(
            "Aiutiamo i produttori a raccontare quello che fanno: nomi, etichette, "
            "fotografia di prodotto e siti di vendita diretta. Abbiamo lavorato con "
            "produttori di olio taggiasco, vini della Val Polcevera e basilico di Prà."
        ),
        description_en=(
            "We help producers tell what they do: names, labels, product photography and "
            "direct-sales websites. We have worked with makers of Taggiasca olive oil, "
            "Val Polcevera wines and Prà basil."
        ),
    ),
    DemoOrganisation(
        slug="vento-di-ponente-social",
        name="Vento di Ponente Social",
        kind=FREELANCER,
        sectors=("advertising",),
        municipality=PONENTE,
        address="Via Pegli 12",
        postcode="16155",
        latitude="44.428700",
        longitude="8.816500",
        size="1",
        year_founded=2022,
        languages=("it", "en"),
        status="pending",
        published=None,
        created=6,
        short_it=(
            "Consulente di social media per negozi, palestre e ristoranti del Ponente genovese."
        ),
        short_en=(
            "A social media consultant for shops, gyms and restaurants in Genoa's western "
            "districts."
        ),
        description_it=(
            "Piani editoriali, fotografie e brevi video per le attività di Pegli, Prà e "
            "Voltri, con corsi per chi vuole gestire da sé le proprie pagine."
        ),
        description_en=(
            "Content plans, photographs and short videos for businesses in Pegli, Prà and "
            "Voltri, with courses for those who want to run their own pages."
        ),
    ),
    # --- Television and radio ----------------------------------------------------------
    DemoOrganisation(
        slug="radio-caruggi",
        name="Radio Caruggi",
        kind=ASSOCIATION,
        sectors=("television-radio", "music-performing-arts"),
        municipality=CENTRO_EST,
        address="Via del Campo 29r",
        postcode="16124",
        latitude="44.412000",
        longitude="8.928900",
        size="2-9",
        year_founded=2010,
        languages=("it", "en", "es", "ar"),
        international=True,
        website="https://radiocaruggi.example",
        email="redazione@radiocaruggi.example",
        published=970,
        short_it=(
            "Web radio di comunità nel centro storico: musica, notizie di quartiere e "
            "trasmissioni in sei lingue."
        ),
        short_en=(
            "A community web radio in the old town: music, neighbourhood news and "
            "programmes in six languages."
        ),
        description_it=(
            "Una redazione di volontari e giovani speaker trasmette ogni giorno da Via del "
            "Campo. Le trasmissioni sono curate dalle comunità del quartiere e insegniamo "
            "a chiunque a fare radio con corsi gratuiti."
        ),
        description_en=(
            "Volunteers and young presenters broadcast every day from Via del Campo. "
            "Programmes are made by the neighbourhood's communities and we teach anyone to "
            "make radio in free courses."
        ),
    ),
    DemoOrganisation(
        slug="telelevante-produzioni",
        name="Telelevante Produzioni",
        kind=COMPANY,
        sectors=("television-radio", "cinema"),
        municipality="lavagna",
        address="Corso Buenos Aires 45",
        postcode="16033",
        latitude="44.307900",
        longitude="9.344700",
        size="10-49",
        year_founded=1994,
        languages=("it",),
        website="https://telelevante.example",
        published=920,
        confirmed=608,
        short_it=(
            "Produzioni televisive e documentari sulla costa e sulle valli del Levante ligure."
        ),
        short_en=(
            "Television productions and documentaries on the coast and valleys of the "
            "eastern Riviera."
        ),
        description_it=(
            "Da trent'anni raccontiamo il Levante: programmi di approfondimento per le "
            "emittenti regionali, documentari sui mestieri del mare e riprese di eventi "
            "sportivi e culturali."
        ),
        description_en=(
            "For thirty years we have told the story of the eastern Riviera: current "
            "affairs programmes for regional broadcasters, documentaries on seafaring "
            "trades and coverage of sports and cultural events."
        ),
    ),
    DemoOrganisation(
        slug="officina-podcast",
        name="Officina Podcast",
        kind=COMPANY,
        sectors=("television-radio", "publishing"),
        municipality=MEDIO_PONENTE,
        address="Via Sestri 88",
        postcode="16154",
        latitude="44.425600",
        longitude="8.850300",
        size="2-9",
        year_founded=2019,
        languages=("it", "en"),
        website="https://officinapodcast.example",
        published=240,
        short_it=(
            "Podcast e documentari sonori prodotti a Sestri Ponente, per editori, musei e aziende."
        ),
        short_en=(
            "Podcasts and audio documentaries made in Sestri Ponente for publishers, "
            "museums and companies."
        ),
        description_it=(
            "Scriviamo, registriamo e montiamo serie audio: inchieste, storie d'impresa, "
            "percorsi sonori per le mostre. Il nostro studio è anche una piccola scuola "
            "di scrittura per l'audio."
        ),
        description_en=(
            "We write, record and edit audio series: investigations, company histories, "
            "sound walks for exhibitions. Our studio is also a small school of writing "
            "for audio."
        ),
    ),
    # --- Fashion -----------------------------------------------------------------------
    DemoOrganisation(
        slug="tessitura-velluti-zoagli",
        name="Tessitura Velluti di Zoagli",
        kind=COMPANY,
        sectors=("fashion", "cultural-heritage"),
        municipality="zoagli",
        address="Via San Pietro 6",
        postcode="16035",
        latitude="44.336800",
        longitude="9.267300",
        size="2-9",
        year_founded=1956,
        languages=("it", "en", "fr", "zh"),
        international=True,
        website="https://vellutizoagli.example",
        email="tessitura@vellutizoagli.example",
        published=1010,
        short_it=(
            "Velluti e damaschi di seta tessuti a mano su telai in legno, come a Zoagli "
            "da cinque secoli."
        ),
        short_en=(
            "Silk velvets and damasks woven by hand on wooden looms, as in Zoagli for five "
            "centuries."
        ),
        description_it=(
            "Tre generazioni di tessitrici e quattro telai storici. Produciamo velluti per "
            "l'alta moda, per l'arredo e per il restauro di tessuti antichi, e accogliamo "
            "su prenotazione visitatori e stilisti."
        ),
        description_en=(
            "Three generations of weavers and four historic looms. We make velvets for "
            "couture, for interiors and for the restoration of antique textiles, and "
            "welcome visitors and designers by appointment."
        ),
    ),
    DemoOrganisation(
        slug="filigrana-di-campo",
        name="Filigrana di Campo",
        kind=COMPANY,
        sectors=("fashion", "design", "cultural-heritage"),
        municipality="campo-ligure",
        address="Via Trento 22",
        postcode="16013",
        latitude="44.537600",
        longitude="8.698500",
        size="2-9",
        year_founded=1972,
        languages=("it", "en", "fr"),
        international=True,
        website="https://filigranadicampo.example",
        published=860,
        short_it=(
            "Gioielli in filigrana d'argento e d'oro della Valle Stura, tra disegni "
            "tradizionali e collezioni di giovani designer."
        ),
        short_en=(
            "Silver and gold filigree jewellery from the Valle Stura, from traditional "
            "patterns to collections by young designers."
        ),
        description_it=(
            "Campo Ligure è il paese della filigrana. Il nostro laboratorio lavora il filo "
            "d'argento come cinquant'anni fa e collabora con scuole di moda e design per "
            "nuove collezioni, vendute in Italia e all'estero."
        ),
        description_en=(
            "Campo Ligure is the town of filigree. Our workshop shapes silver wire as it "
            "did fifty years ago and works with fashion and design schools on new "
            "collections, sold in Italy and abroad."
        ),
    ),
    DemoOrganisation(
        slug="atelier-blu-di-genova",
        name="Atelier Blu di Genova",
        kind=COMPANY,
        sectors=("fashion", "design"),
        municipality=CENTRO_OVEST,
        address="Via di Francia 3",
        postcode="16149",
        latitude="44.409500",
        longitude="8.898400",
        size="2-9",
        year_founded=2014,
        languages=("it", "en", "fr"),
        international=True,
        website="https://blugenova.example",
        published=680,
        short_it=(
            "Sartoria di jeans su misura nella città che diede il nome al denim: tessuti "
            "riciclati e riparazioni."
        ),
        short_en=(
            "Made-to-measure jeans in the city that gave denim its name: recycled fabrics "
            "and repairs."
        ),
        description_it=(
            "Il blu di Genova vestiva i camalli del porto. Noi cuciamo jeans e giacche su "
            "misura con tela di cotone riciclato, ripariamo i capi dei clienti e teniamo "
            "laboratori di sartoria per chi vuole imparare."
        ),
        description_en=(
            "Genoa blue once dressed the port's dockers. We sew made-to-measure jeans and "
            "jackets from recycled cotton twill, mend our customers' clothes and run "
            "tailoring workshops for anyone who wants to learn."
        ),
    ),
    # --- Design ------------------------------------------------------------------------
    DemoOrganisation(
        slug="bottega-sedia-chiavarina",
        name="Bottega della Sedia Chiavarina",
        kind=COMPANY,
        sectors=("design", "cultural-heritage"),
        municipality="chiavari",
        address="Via Martiri della Liberazione 140",
        postcode="16043",
        latitude="44.317600",
        longitude="9.322100",
        size="2-9",
        year_founded=1962,
        languages=("it", "en", "de", "fr"),
        international=True,
        website="https://sediachiavarina.example",
        email="bottega@sediachiavarina.example",
        published=1030,
        short_it=(
            "La sedia leggera di Chiavari, costruita a mano in ciliegio e faggio, e nuove "
            "sedute disegnate con architetti contemporanei."
        ),
        short_en=(
            "Chiavari's famously light chair, hand-built in cherry and beech, and new "
            "seating designed with contemporary architects."
        ),
        description_it=(
            "Una chiavarina pesa meno di due chili e regge una persona per generazioni. "
            "In bottega la costruiamo come nell'Ottocento, con seduta in canna d'India "
            "intrecciata, e sviluppiamo con designer nuove versioni per case e hotel."
        ),
        description_en=(
            "A Chiavari chair weighs less than two kilos and carries a person for "
            "generations. In our workshop we build it as in the nineteenth century, with "
            "a woven rattan seat, and develop new versions for homes and hotels with "
            "designers."
        ),
    ),
    DemoOrganisation(
        slug="nodo-marinaro-design",
        name="Nodo Marinaro Design",
        kind=COMPANY,
        sectors=("design",),
        municipality="arenzano",
        address="Lungomare Kennedy 15",
        postcode="16011",
        latitude="44.402200",
        longitude="8.681900",
        size="2-9",
        year_founded=2011,
        languages=("it", "en"),
        international=True,
        website="https://nodomarinaro.example",
        published=590,
        short_it=(
            "Design di interni nautici e di accessori per la vela, dal primo schizzo al prototipo."
        ),
        short_en=(
            "Yacht interiors and sailing hardware design, from the first sketch to the prototype."
        ),
        description_it=(
            "Progettiamo interni per cantieri navali liguri e olandesi e accessori per la "
            "vela sportiva: bozzelli, timonerie, arredi pieghevoli. Il laboratorio di "
            "Arenzano stampa in 3D e fresa i prototipi."
        ),
        description_en=(
            "We design interiors for Ligurian and Dutch shipyards and hardware for racing "
            "sailors: blocks, steering gear, folding furniture. Our Arenzano workshop 3D "
            "prints and mills the prototypes."
        ),
    ),
    DemoOrganisation(
        slug="lanterna-type",
        name="Lanterna Type",
        kind=FREELANCER,
        sectors=("design", "publishing", "advertising"),
        municipality=LEVANTE,
        address="Via Quarto 54",
        postcode="16148",
        latitude="44.390300",
        longitude="9.007900",
        size="1",
        year_founded=2015,
        languages=("it", "en"),
        international=True,
        website="https://lanternatype.example",
        published=150,
        short_it=(
            "Caratteri tipografici e progetto grafico: font ispirati alle insegne "
            "genovesi, libri e identità visive."
        ),
        short_en=(
            "Typefaces and graphic design: fonts drawn from Genoese shop signs, books and "
            "visual identities."
        ),
        description_it=(
            "Disegno caratteri tipografici partendo dalle lettere dipinte e incise nella "
            "città, li distribuisco in tutto il mondo e progetto libri e marchi per "
            "editori e istituzioni culturali."
        ),
        description_en=(
            "I draw typefaces from the painted and carved letters of the city, sell them "
            "worldwide, and design books and brands for publishers and cultural "
            "institutions."
        ),
    ),
    # --- Food and taste ----------------------------------------------------------------
    DemoOrganisation(
        slug="cooperativa-basilico-pra",
        name="Cooperativa Basilico di Prà",
        kind=COMPANY,
        sectors=("food-taste", "cultural-heritage"),
        municipality=PONENTE,
        address="Via Pra' 140",
        postcode="16157",
        latitude="44.428300",
        longitude="8.786400",
        size="10-49",
        year_founded=1986,
        languages=("it", "en", "de"),
        international=True,
        website="https://basilicopra.example",
        email="ordini@basilicopra.example",
        published=1080,
        short_it=(
            "Coltiviamo basilico genovese DOP nelle serre di Prà e lo trasformiamo in "
            "pesto a mortaio, con visite e laboratori."
        ),
        short_en=(
            "We grow PDO Genoese basil in the Prà greenhouses and turn it into "
            "mortar-made pesto, with visits and workshops."
        ),
        description_it=(
            "Quindici soci coltivatori sulle fasce sopra il mare. Il basilico raccolto al "
            "mattino diventa pesto nel pomeriggio, con olio ligure, pinoli e formaggi "
            "stagionati. Accogliamo scuole, turisti e cuochi da tutto il mondo."
        ),
        description_en=(
            "Fifteen member growers on the terraces above the sea. Basil picked in the "
            "morning becomes pesto by the afternoon, with Ligurian oil, pine nuts and aged "
            "cheeses. We welcome schools, visitors and chefs from all over the world."
        ),
    ),
    DemoOrganisation(
        slug="accademia-focaccia-recco",
        name="Accademia della Focaccia di Recco",
        kind=ASSOCIATION,
        sectors=("food-taste",),
        municipality="recco",
        address="Piazza Nicoloso 3",
        postcode="16036",
        latitude="44.362100",
        longitude="9.143200",
        size="2-9",
        year_founded=2004,
        languages=("it", "en", "fr"),
        website="https://accademiafocaccia.example",
        published=540,
        short_it=(
            "Scuola di cucina e custode della ricetta della focaccia col formaggio di "
            "Recco: corsi, degustazioni e ricerca storica."
        ),
        short_en=(
            "A cooking school and keeper of the recipe of Recco's cheese focaccia: "
            "courses, tastings and historical research."
        ),
        description_it=(
            "Insegniamo a tirare la pasta sottile come un velo e raccogliamo documenti e "
            "testimonianze sulla cucina del Golfo Paradiso. I nostri corsi sono aperti a "
            "professionisti e appassionati."
        ),
        description_en=(
            "We teach how to stretch the dough as thin as a veil and collect documents and "
            "memories of the cooking of the Golfo Paradiso. Our courses are open to "
            "professionals and home cooks alike."
        ),
    ),
    DemoOrganisation(
        slug="caseificio-alta-val-daveto",
        name="Caseificio Alta Val d'Aveto",
        kind=COMPANY,
        sectors=("food-taste",),
        municipality="santo-stefano-daveto",
        address="Via Razzetti 21",
        postcode="16049",
        latitude="44.546800",
        longitude="9.451200",
        size="2-9",
        year_founded=1979,
        languages=("it", "en"),
        published=470,
        short_it=(
            "Formaggi di montagna dal latte delle vacche cabannine, stagionati nelle "
            "cantine di Santo Stefano d'Aveto."
        ),
        short_en=(
            "Mountain cheeses from the milk of Cabannina cows, aged in the cellars of "
            "Santo Stefano d'Aveto."
        ),
        description_it=(
            "Lavoriamo il latte di piccoli allevatori della valle, salvando la razza "
            "cabannina, e produciamo il San Stè e altri formaggi stagionati. Con designer "
            "e cuochi sperimentiamo nuovi abbinamenti e confezioni senza plastica."
        ),
        description_en=(
            "We make cheese from the milk of the valley's small farms, helping to save "
            "the Cabannina breed, including San Stè and other aged cheeses. With designers "
            "and chefs we try new pairings and plastic-free packaging."
        ),
    ),
    # --- Institutions and public bodies ------------------------------------------------
    DemoOrganisation(
        slug="spazio-civico-ferriere-masone",
        name="Spazio Civico Ferriere di Masone",
        kind=PUBLIC_BODY,
        sectors=("cultural-heritage", "contemporary-art"),
        municipality="masone",
        address="Piazza 75 Martiri 2",
        postcode="16010",
        latitude="44.503100",
        longitude="8.716900",
        size="2-9",
        year_founded=2002,
        languages=("it", "en"),
        published=700,
        short_it=(
            "Spazio culturale comunale nelle antiche ferriere della Valle Stura: mostre, "
            "archivio della lavorazione del ferro e residenze."
        ),
        short_en=(
            "A municipal cultural venue in the old ironworks of the Valle Stura: "
            "exhibitions, an archive of ironworking and residencies."
        ),
        description_it=(
            "Il Comune ha recuperato le ferriere dove per secoli si è lavorato il ferro "
            "della valle. Oggi ospitano l'archivio dei mestieri, mostre d'arte "
            "contemporanea e un laboratorio per le scuole."
        ),
        description_en=(
            "The municipality restored the ironworks where the valley's iron was worked "
            "for centuries. Today they house the archive of the trades, contemporary art "
            "exhibitions and a workshop for schools."
        ),
    ),
    DemoOrganisation(
        slug="film-office-tigullio",
        name="Film Office del Tigullio",
        kind=PUBLIC_BODY,
        sectors=("cinema", "television-radio"),
        municipality="santa-margherita-ligure",
        address="Piazza Caprera 1",
        postcode="16038",
        latitude="44.334300",
        longitude="9.211300",
        size="2-9",
        year_founded=2018,
        languages=("it", "en", "fr", "de"),
        international=True,
        website="https://filmtigullio.example",
        email="permessi@filmtigullio.example",
        published=380,
        short_it=(
            "Sportello dei comuni del Tigullio per le produzioni audiovisive: permessi, "
            "location e contatti con le maestranze."
        ),
        short_en=(
            "The Tigullio municipalities' desk for film and television productions: "
            "permits, locations and local crew."
        ),
        description_it=(
            "Un unico interlocutore per girare tra Portofino e Sestri Levante: "
            "coordiniamo i permessi di sette comuni, teniamo il catalogo delle location e "
            "l'elenco dei professionisti e delle imprese locali del settore."
        ),
        description_en=(
            "A single contact for filming between Portofino and Sestri Levante: we "
            "coordinate the permits of seven municipalities and keep a catalogue of "
            "locations and a list of local professionals and firms."
        ),
    ),
    DemoOrganisation(
        slug="incubatore-creativo-valpolcevera",
        name="Incubatore Creativo Valpolcevera",
        kind=INSTITUTION,
        sectors=("software", "design", "advertising"),
        municipality=VALPOLCEVERA,
        address="Via Pastorino 118",
        postcode="16162",
        latitude="44.459400",
        longitude="8.901900",
        size="10-49",
        year_founded=2015,
        languages=("it", "en", "de", "pl", "hu"),
        international=True,
        website="https://incubatorevalpolcevera.example",
        email="candidature@incubatorevalpolcevera.example",
        published=1094,
        short_it=(
            "Incubatore per imprese creative in un ex capannone di Bolzaneto: spazi, "
            "tutoraggio e contatti con la rete europea dei distretti creativi."
        ),
        short_en=(
            "An incubator for creative businesses in a former factory in Bolzaneto: "
            "space, mentoring and links to the European network of creative districts."
        ),
        description_it=(
            "Ogni anno selezioniamo dodici giovani imprese creative e offriamo loro "
            "postazioni, laboratori, consulenza su bandi e finanziamenti e scambi con "
            "gli incubatori di Lipsia, Danzica e Pécs."
        ),
        description_en=(
            "Each year we select twelve young creative businesses and give them desks, "
            "workshops, advice on calls and funding, and exchanges with the incubators of "
            "Leipzig, Gdańsk and Pécs."
        ),
    ),
    # --- Rejected ----------------------------------------------------------------------
    DemoOrganisation(
        slug="immobiliare-golfo-paradiso",
        name="Immobiliare Golfo Paradiso",
        kind=COMPANY,
        sectors=("advertising",),
        municipality="sori",
        address="Via Stagno 4",
        postcode="16031",
        latitude="44.372300",
        longitude="9.104000",
        size="2-9",
        year_founded=2010,
        status="rejected",
        published=None,
        created=20,
        rejection_reason=(
            "La compravendita e l'affitto di immobili non rientrano nei settori del cluster "
            "creativo. Se la vostra agenzia svolge anche attività di comunicazione per conto "
            "di terzi, potete presentare un nuovo profilo che la descriva."
        ),
        short_it="Compravendite e affitti di case e locali commerciali tra Sori e Recco.",
        short_en="Sales and lettings of homes and shops between Sori and Recco.",
        description_it="Agenzia immobiliare con vent'anni di esperienza sul Golfo Paradiso.",
        description_en="An estate agency with twenty years of experience on the Golfo Paradiso.",
    ),
)

# The demo member belongs to these two organisations: owner of the first.
MEMBER_ORGANISATIONS = ("pixel-di-mare-games", "edizioni-sottoripa")
