"""The site's legal pages in the structure a public body's site needs.

- "Note legali" / "Legal notes" (new): the content licence (CC BY 4.0), reuse,
  links, trademarks.
- The accessibility statement in AgID's model: conformity status, content
  that is not accessible, how the statement was prepared, feedback and
  contacts, the enforcement procedure with AgID's form.
- The privacy notice complete for a public body under the GDPR: controller,
  DPO, each processing with its purpose and legal basis, retention per kind
  of data (the periods `apply_retention` and the desk apply, from the
  settings at migration time), recipients (the map tile provider among them),
  rights and how to use them, complaint to the Garante.

Staff edit these pages in the admin: a page (in a language) is rewritten only
while it still holds the text the portal first gave it, so nothing staff
wrote is lost. Written in Markdown (`##` sections make each page's index).
"""

import importlib

from django.conf import settings
from django.db import migrations

SEED = importlib.import_module("directory.migrations.0003_seed_pages_partners")
RETENTION = importlib.import_module("directory.migrations.0029_privacy_notice_retention")

CC_BY = "https://creativecommons.org/licenses/by/4.0/deed"
GARANTE = "https://www.garanteprivacy.it/"
AGID_FORM = "https://form.agid.gov.it/"
OSM_PRIVACY = "https://osmfoundation.org/wiki/Privacy_Policy"


def details() -> dict:
    body = settings.INSTITUTION
    return {
        "name": body["name"],
        "address": body["address"],
        "tax_code": body["tax_code"],
        "pec": body["pec"],
        "phone": body["phone"],
        "dpo_email": body["dpo_email"],
        "dpo_pec": body["dpo_pec"],
        "mail_months": settings.RETENTION_MAIL_LOG_MONTHS,
        "login_days": settings.RETENTION_LOGIN_RECORDS_DAYS,
        "history_years": settings.RETENTION_HISTORY_YEARS,
        "survey_months": settings.RETENTION_SURVEY_DRAFTS_MONTHS,
        "enquiry_months": settings.DESK_ANONYMISE_AFTER_MONTHS,
        "unconfirmed_days": settings.UNCONFIRMED_DRAFTS_DAYS,
    }


LEGAL_IT = """\
## Licenza dei contenuti

Salvo dove indicato diversamente, i contenuti di questo portale (testi delle pagine, schede \
informative, bandi, spazi disponibili, dati dell'elenco delle organizzazioni, dati e risultati \
pubblicati) sono rilasciati con licenza [Creative Commons Attribuzione 4.0 Internazionale \
(CC BY 4.0)]({cc}).

Puoi copiarli, distribuirli e modificarli, anche per fini commerciali, a condizione di citare \
la fonte: «{name}, Creative Cities», con un collegamento alla pagina da cui li hai presi e \
l'indicazione delle modifiche fatte.

## Dati aperti

L'elenco delle organizzazioni pubblicate si scarica in formato CSV, JSON e GeoJSON dalla pagina \
dei numeri del cluster, con la stessa licenza. Non contiene dati personali dei membri.

## Contenuti esclusi dalla licenza

I loghi e le fotografie delle organizzazioni e degli spazi appartengono ai rispettivi titolari, \
che li pubblicano qui: non sono coperti dalla licenza. L'emblema dell'Unione europea si usa \
secondo le regole della Commissione europea.

## Accuratezza delle informazioni

Lo sportello cura le informazioni pubblicate e indica la data dell'ultimo aggiornamento di ogni \
pagina. Per bandi e agevolazioni fanno fede i testi ufficiali degli enti che li emettono, \
collegati da ogni scheda.

## Collegamenti ad altri siti

I collegamenti a siti di altri enti e organizzazioni sono offerti per comodità: {name} non è \
responsabile dei loro contenuti.

## Dati personali e cookie

Come trattiamo i dati personali è descritto nell'[informativa privacy](/it/privacy/). Il portale \
usa solo cookie tecnici, necessari all'accesso e alla sicurezza dei moduli: nessun cookie di \
profilazione o di statistica.
"""

LEGAL_EN = """\
## Content licence

Unless stated otherwise, the content of this portal (page texts, guides, funding calls, \
available premises, the directory's data on organisations, published figures and results) is \
released under the [Creative Commons Attribution 4.0 International licence (CC BY 4.0)]({cc}).

You may copy, share and adapt it, commercially too, provided that you credit the source: \
"{name}, Creative Cities", with a link to the page you took it from, and say what you changed.

## Open data

The list of published organisations can be downloaded as CSV, JSON and GeoJSON from the cluster \
figures page, under the same licence. It holds no personal data of members.

## Content outside the licence

The logos and photos of organisations and premises belong to their owners, who publish them \
here: the licence does not cover them. The emblem of the European Union is used under the \
European Commission's rules.

## Accuracy

The desk keeps the published information current and shows when each page was last updated. \
For calls and incentives, the official texts of the bodies that issue them prevail; every page \
links to them.

## Links to other sites

Links to the sites of other bodies and organisations are given for convenience: {name} is not \
responsible for their content.

## Personal data and cookies

How we process personal data is set out in the [privacy notice](/en/privacy/). The portal uses \
only the technical cookies needed to log in and to keep forms secure: no profiling or \
statistics cookies.
"""

ACCESSIBILITY_IT = """\
{name} si impegna a rendere accessibile questo portale, conformemente alla legge 9 gennaio \
2004, n. 4, e alle Linee guida AgID sull'accessibilità degli strumenti informatici. La \
presente dichiarazione di accessibilità si applica al portale Creative Cities Genova.

## Stato di conformità

Questo sito è **parzialmente conforme** ai requisiti previsti dall'allegato A alla norma UNI \
CEI EN 301549 (WCAG 2.1 livello AA), in ragione dei casi di non conformità elencati di seguito.

## Contenuti non accessibili

I contenuti elencati di seguito non sono accessibili per i seguenti motivi.

**Inosservanza della legge 4/2004**

- Le mappe interattive (elenco delle organizzazioni, spazi disponibili) non si usano \
pienamente con la tastiera né con un lettore di schermo. Le stesse informazioni sono sempre \
disponibili come elenco, nella stessa pagina.
- Alcuni documenti PDF allegati alle schede e ai bandi, forniti da altri enti, potrebbero non \
essere accessibili. Su richiesta lo sportello ne fornisce il contenuto in un formato accessibile.
- Alcuni testi del Piano di Azione Congiunto sono scritti dai partner in una sola lingua; la \
pagina lo segnala accanto al testo.

**Onere sproporzionato**

Nessun contenuto.

**Contenuti non soggetti alla normativa**

- Le tessere delle mappe fornite da OpenStreetMap e i documenti pubblicati su siti di altri enti.

## Redazione della dichiarazione di accessibilità

La presente dichiarazione è stata redatta a dicembre 2026, sulla base di un'autovalutazione \
effettuata direttamente da {name}: ogni modifica del software è verificata in automatico \
(axe-core, controllo del contrasto, dello scorrimento laterale e dei testi a 1280 e 390 pixel) \
e le pagine principali sono verificate a mano, da tastiera e con un lettore di schermo.

## Meccanismo di feedback e informazioni di contatto

Chiunque può segnalare un contenuto non accessibile o chiedere informazioni in un formato \
accessibile [scrivendo allo sportello](/it/contact-point/ask/), indicando la pagina e il \
problema incontrato. Lo sportello risponde entro 30 giorni.

Recapiti dell'amministrazione: {name}, {address}; PEC {pec}; centralino {phone}.

## Procedura di attuazione

In caso di risposta insoddisfacente o di mancata risposta entro trenta giorni dalla notifica o \
dalla richiesta, si può inoltrare una segnalazione ad AgID, tramite il Difensore civico per il \
digitale, con il [modulo della procedura di attuazione di AgID]({agid}).

## Informazioni sul sito

- Tecnologie usate: HTML5, CSS, SVG; JavaScript non è necessario per usare le pagine.
- Il sito si basa su Django e sul sistema di design Bootstrap Italia.
"""

ACCESSIBILITY_EN = """\
{name} is committed to making this portal accessible, as Italian law 4 of 9 January 2004 \
requires and in line with AgID's guidelines on the accessibility of IT tools. This \
accessibility statement applies to the Creative Cities Genova portal.

## Conformity status

This site is **partially conformant** with the requirements of annex A to the standard UNI \
CEI EN 301549 (WCAG 2.1 level AA), because of the non-conformities listed below.

## Content that is not accessible

The content listed below is not accessible for the following reasons.

**Non-compliance with law 4/2004**

- The interactive maps (directory, available premises) cannot be fully used with a keyboard or \
a screen reader. The same information is always available as a list, on the same page.
- Some PDF documents attached to guides and calls, supplied by other bodies, may not be \
accessible. On request the desk provides their content in an accessible format.
- Some texts of the Joint Action Plan are written by the partners in one language only; the \
page says so beside the text.

**Disproportionate burden**

None.

**Content outside the scope of the law**

- Map tiles provided by OpenStreetMap and documents published on other bodies' sites.

## Preparation of this accessibility statement

This statement was prepared in December 2026, based on a self-assessment carried out by \
{name}: every change of the software is checked automatically (axe-core, checks of contrast, \
sideways scrolling and text at 1280 and 390 pixels), and the main pages are checked by hand, \
with a keyboard and a screen reader.

## Feedback and contact information

Anyone can report content that is not accessible, or ask for information in an accessible \
format, by [writing to the desk](/en/contact-point/ask/), naming the page and the problem. The \
desk answers within 30 days.

The administration's contacts: {name}, {address}; PEC {pec}; switchboard {phone}.

## Enforcement procedure

If the answer is unsatisfactory, or there is none within thirty days of the report or request, \
you can report it to AgID, through the Digital Ombudsman (Difensore civico per il digitale), \
with [AgID's enforcement procedure form]({agid}).

## About the site

- Technologies: HTML5, CSS, SVG; JavaScript is not needed to use the pages.
- The site is built on Django and the Bootstrap Italia design system.
"""

PRIVACY_IT = """\
Questa informativa descrive, ai sensi degli articoli 13 e 14 del Regolamento (UE) 2016/679 \
(GDPR), come il portale Creative Cities Genova tratta i dati personali.

## Titolare del trattamento

{name}, {address}; codice fiscale {tax_code}; PEC {pec}; centralino {phone}.

## Responsabile della protezione dei dati

Il Responsabile della protezione dei dati (RPD/DPO) del titolare si contatta all'indirizzo \
{dpo_email} (PEC {dpo_pec}).

## Finalità e basi giuridiche

Ogni trattamento serve a una finalità sola. Salvo dove indicato, la base giuridica è \
l'esecuzione di un compito di interesse pubblico (art. 6, par. 1, lett. e, GDPR; art. 2-ter \
del d.lgs. 196/2003): la promozione dell'industria creativa del territorio nel progetto \
europeo Creative Cities.

- **Registrazione e account**: nome, cognome, indirizzo email e password (conservata in forma \
non leggibile), per accedere e curare il profilo della propria organizzazione. Al momento \
della registrazione registriamo la presa visione di questa informativa.
- **Profili dell'elenco**: i dati dell'organizzazione che i membri scelgono di pubblicare \
(nome, descrizione, contatti pubblici, indirizzo e posizione sulla mappa, settori). Per chi \
lavora in proprio possono essere dati personali. Sono pubblici e scaricabili come dati aperti; \
i nomi e gli indirizzi email dei membri non sono mai pubblicati.
- **Richieste allo sportello**: nome, indirizzo email, telefono se indicato e testo della \
richiesta, per rispondere e seguire la pratica.
- **Indagine sul cluster**: le risposte delle organizzazioni, per le statistiche \
dell'indagine (anche art. 89 GDPR). Si pubblicano solo dati aggregati, mai dati sotto le \
5 risposte né le risposte scritte.
- **Avvisi e aggiornamenti per email** (nuovi bandi, azioni del Piano seguite): l'indirizzo \
email, con il tuo consenso (art. 6, par. 1, lett. a), confermato dal collegamento che ti \
inviamo e revocabile in ogni momento dal collegamento presente in ogni messaggio.
- **Consultazione pubblica del Piano**: nome e indirizzo email di chi commenta; il nome è \
pubblicato con il commento, l'indirizzo no.
- **Messaggi inviati dal portale**: conferme, avvisi e risposte, registrati per verificarne \
la consegna.
- **Sicurezza degli accessi**: indirizzo IP, browser, data e ora dei tentativi di accesso, \
per proteggere gli account da accessi non autorizzati (anche art. 32 GDPR).
- **Cronologia delle modifiche**: chi ha modificato un profilo, un'azione o una scheda e \
quando, per poter ricostruire e correggere i contenuti.
- **Valutazione delle pagine**: le stelle e le risposte a «Quanto sono chiare le informazioni \
su questa pagina?» sono anonime: non registriamo né l'account né l'indirizzo IP. Ti chiediamo \
di non scrivere dati personali nel commento.
- **Mappe**: le mappe delle pagine si compongono di tessere scaricate dal tuo browser dal \
fornitore delle mappe (vedi «Destinatari»).

Il portale usa solo cookie tecnici, necessari all'accesso e alla sicurezza dei moduli.

## Per quanto tempo conserviamo i dati

- Account e profili: finché l'account esiste; le registrazioni mai confermate si cancellano \
dopo {unconfirmed_days} giorni.
- Richieste allo sportello: i dati personali delle richieste chiuse sono resi anonimi dopo \
{enquiry_months} mesi.
- Messaggi inviati dal portale: {mail_months} mesi.
- Registrazioni degli accessi: {login_days} giorni.
- Cronologia delle modifiche: {history_years} anni; poi si cancella quella dei contenuti \
eliminati e si toglie il nome di chi ha modificato quelli ancora presenti.
- Indagine: le risposte anonime mai inviate si cancellano {survey_months} mesi dopo la \
chiusura della rilevazione.
- Avvisi e aggiornamenti per email: fino alla revoca; l'indirizzo si cancella con essa.

## Destinatari dei dati

- Il personale dello sportello del titolare e di Job Centre, autorizzato al trattamento.
- I fornitori che gestiscono il portale per conto del titolare (hosting, invio della posta), \
nominati responsabili del trattamento (art. 28 GDPR).
- I partner del progetto nell'area di lavoro del Piano leggono i nomi degli altri partner e \
i commenti alle azioni.
- Il fornitore delle tessere delle mappe, OpenStreetMap Foundation (Regno Unito, paese con \
decisione di adeguatezza della Commissione europea), riceve dal tuo browser l'indirizzo IP \
e i dati tecnici della richiesta quando una pagina mostra una mappa, come titolare autonomo \
([informativa di OpenStreetMap Foundation]({osm})).
- Chiunque legge i profili pubblicati nell'elenco e i dati aperti.

## I tuoi diritti

Puoi chiedere l'accesso ai tuoi dati, la rettifica, la cancellazione, la limitazione del \
trattamento e la portabilità, opporti al trattamento e revocare il consenso dato (articoli \
15-22 GDPR). Dalla pagina del tuo account puoi scaricare tutti i dati che il portale conserva \
su di te (JSON o CSV) e cancellare l'account: i dati personali sono rimossi o resi anonimi \
ovunque. Per ogni altra richiesta scrivi allo sportello, al titolare (PEC {pec}) o al \
Responsabile della protezione dei dati.

## Reclamo

Se ritieni che il trattamento violi il GDPR puoi proporre reclamo al Garante per la \
protezione dei dati personali, Piazza Venezia 11, 00187 Roma \
([www.garanteprivacy.it]({garante})), o ricorrere all'autorità giudiziaria.
"""

PRIVACY_EN = """\
This notice sets out, under articles 13 and 14 of Regulation (EU) 2016/679 (GDPR), how the \
Creative Cities Genova portal processes personal data.

## Controller

{name}, {address}; tax code {tax_code}; PEC (certified email) {pec}; switchboard {phone}.

## Data protection officer

The controller's data protection officer (DPO) can be reached at {dpo_email} (PEC \
{dpo_pec}).

## Purposes and legal bases

Each processing serves one purpose. Unless stated otherwise, the legal basis is a task \
carried out in the public interest (GDPR article 6(1)(e); article 2-ter of Italian \
legislative decree 196/2003): promoting the area's creative industry within the EU project \
Creative Cities.

- **Registration and account**: first and last name, email address and password (stored in \
a form nobody can read), to log in and keep your organisation's profile. At registration we \
record that you read this notice.
- **Directory profiles**: the organisation's details its members choose to publish (name, \
description, public contacts, address and position on the map, sectors). For a freelancer \
these may be personal data. They are public and downloadable as open data; members' names \
and email addresses are never published.
- **Enquiries to the desk**: name, email address, phone if given and the enquiry's text, to \
answer and follow it up.
- **Survey of the cluster**: the organisations' answers, for the survey's statistics (also \
GDPR article 89). Only aggregate figures are published, never figures from fewer than 5 \
answers nor written answers.
- **Alerts and updates by email** (new calls, plan actions followed): the email address, with \
your consent (article 6(1)(a)), confirmed by the link we send you and withdrawn at any time \
with the link in every message.
- **Public consultation of the plan**: name and email address of those who comment; the name \
is published with the comment, the address is not.
- **Messages sent by the portal**: confirmations, alerts and answers, recorded to check their \
delivery.
- **Login security**: IP address, browser, date and time of login attempts, to protect \
accounts from unauthorised access (also GDPR article 32).
- **History of changes**: who changed a profile, an action or a guide and when, so that \
content can be traced and corrected.
- **Page ratings**: the stars and answers to "How clear is the information on this page?" are \
anonymous: we record neither the account nor the IP address. Please write no personal data in \
the comment.
- **Maps**: the pages' maps are made of tiles your browser downloads from the map provider \
(see "Recipients").

The portal uses only the technical cookies needed to log in and to keep forms secure.

## How long we keep data

- Accounts and profiles: as long as the account exists; registrations never confirmed are \
deleted after {unconfirmed_days} days.
- Enquiries to the desk: the personal data of closed enquiries is anonymised after \
{enquiry_months} months.
- Messages sent by the portal: {mail_months} months.
- Login records: {login_days} days.
- History of changes: {history_years} years; then the history of deleted content is deleted \
and the names of those who changed content still online are removed.
- Survey: anonymous answers never sent are deleted {survey_months} months after the survey \
closed.
- Alerts and updates by email: until you withdraw; the address is deleted then.

## Recipients

- The staff of the desk of {name} and of Job Centre, authorised to process the data.
- The providers that run the portal for the controller (hosting, mail delivery), appointed \
as processors (GDPR article 28).
- The project's partners, in the plan's workspace, read the names of the other partners' \
users and the comments on actions.
- The map tile provider, the OpenStreetMap Foundation (United Kingdom, a country with an \
adequacy decision of the European Commission), receives your IP address and the technical \
details of the request from your browser when a page shows a map, as an independent \
controller ([OpenStreetMap Foundation's privacy policy]({osm})).
- Anyone reads the profiles published in the directory and the open data.

## Your rights

You may ask for access to your data, its rectification or erasure, the restriction of its \
processing and its portability, object to the processing and withdraw any consent given \
(GDPR articles 15-22). From your account page you can download all the data the portal holds \
about you (JSON or CSV) and delete your account: your personal data is then removed or \
anonymised everywhere. For any other request write to the desk, to the controller (PEC \
{pec}) or to the data protection officer.

## Complaints

If you believe the processing infringes the GDPR you may lodge a complaint with the Italian \
data protection authority, Garante per la protezione dei dati personali, Piazza Venezia 11, \
00187 Rome ([www.garanteprivacy.it]({garante})), or go to court.
"""


def _texts() -> dict[str, dict[str, str]]:
    values = {**details(), "cc": CC_BY, "garante": GARANTE, "agid": AGID_FORM, "osm": OSM_PRIVACY}
    return {
        "legal": {"it": LEGAL_IT.format(**values), "en": LEGAL_EN.format(**values)},
        "accessibility": {
            "it": ACCESSIBILITY_IT.format(**values),
            "en": ACCESSIBILITY_EN.format(**values),
        },
        "privacy": {"it": PRIVACY_IT.format(**values), "en": PRIVACY_EN.format(**values)},
    }


def _first_texts() -> dict[str, dict[str, str]]:
    """What the portal first wrote on each page: a page still holding it is
    rewritten, any other is staff's and left alone."""
    privacy, accessibility = SEED.PAGES["privacy"], SEED.PAGES["accessibility"]
    return {
        "privacy": {
            "it": f"{privacy['body_it']}\n\n{RETENTION.TEXT_IT}",
            "en": f"{privacy['body_en']}\n\n{RETENTION.TEXT_EN}",
        },
        "accessibility": {"it": accessibility["body_it"], "en": accessibility["body_en"]},
    }


def structure(apps, schema_editor):
    Page = apps.get_model("directory", "Page")
    texts, first = _texts(), _first_texts()
    Page.objects.get_or_create(
        slug="legal",
        defaults={
            "title": "Note legali",
            "title_it": "Note legali",
            "title_en": "Legal notes",
            "body": texts["legal"]["it"],
            "body_it": texts["legal"]["it"],
            "body_en": texts["legal"]["en"],
        },
    )
    for slug in ("privacy", "accessibility"):
        page = Page.objects.filter(slug=slug).first()
        if page is None:
            continue
        for language in ("it", "en"):
            field = f"body_{language}"
            if (getattr(page, field) or "").strip() == first[slug][language].strip():
                setattr(page, field, texts[slug][language])
        page.body = page.body_it
        page.save()


def back(apps, schema_editor):
    Page = apps.get_model("directory", "Page")
    texts, first = _texts(), _first_texts()
    Page.objects.filter(slug="legal", body_it=texts["legal"]["it"]).delete()
    for slug in ("privacy", "accessibility"):
        page = Page.objects.filter(slug=slug).first()
        if page is None:
            continue
        for language in ("it", "en"):
            field = f"body_{language}"
            if getattr(page, field) == texts[slug][language]:
                setattr(page, field, first[slug][language])
        page.body = page.body_it
        page.save()


class Migration(migrations.Migration):
    dependencies = [("directory", "0034_page_rating")]

    operations = [migrations.RunPython(structure, back)]
