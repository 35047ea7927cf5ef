"""The privacy notice states the retention schedule (`manage.py apply_retention`)
and the member's right to download and delete their data from the account page.

Appended to the notice as staff left it; a notice that already states it is
left alone, so the migration may run on any edited text.
"""

from django.db import migrations

MARKER_IT = "Per quanto tempo conserviamo i dati"
MARKER_EN = "How long we keep data"

TEXT_IT = (
    "Per quanto tempo conserviamo i dati: i messaggi email inviati dal portale 12 mesi; "
    "le registrazioni degli accessi 90 giorni; la cronologia delle modifiche 5 anni, "
    "dopo i quali si cancella quella dei contenuti eliminati e si toglie il nome di chi "
    "ha modificato quelli ancora presenti; le risposte anonime all'indagine non inviate "
    "12 mesi dalla chiusura della rilevazione; i dati personali delle richieste chiuse "
    "allo sportello 24 mesi.\n\n"
    "Dalla pagina del proprio account è possibile scaricare tutti i dati che il portale "
    "conserva (in formato JSON o CSV) e cancellare l'account: i dati personali vengono "
    "rimossi o resi anonimi ovunque."
)
TEXT_EN = (
    "How long we keep data: emails sent by the portal 12 months; login records 90 days; "
    "the history of changes 5 years, after which the history of deleted content is "
    "deleted and the names of those who changed content still online are removed; "
    "anonymous survey answers never sent 12 months after the survey closed; the personal "
    "data of closed enquiries to the desk 24 months.\n\n"
    "From your account page you can download all the data the portal holds about you "
    "(as JSON or CSV) and delete your account: your personal data is then removed or "
    "anonymised everywhere."
)


def add(apps, schema_editor):
    Page = apps.get_model("directory", "Page")
    page = Page.objects.filter(slug="privacy").first()
    if page is None:
        return
    if MARKER_IT not in (page.body_it or ""):
        page.body_it = f"{page.body_it}\n\n{TEXT_IT}".strip()
    if MARKER_EN not in (page.body_en or ""):
        page.body_en = f"{page.body_en}\n\n{TEXT_EN}".strip()
    page.body = page.body_it
    page.save()


def remove(apps, schema_editor):
    Page = apps.get_model("directory", "Page")
    page = Page.objects.filter(slug="privacy").first()
    if page is None:
        return
    page.body_it = (page.body_it or "").replace(f"\n\n{TEXT_IT}", "")
    page.body_en = (page.body_en or "").replace(f"\n\n{TEXT_EN}", "")
    page.body = page.body_it
    page.save()


class Migration(migrations.Migration):
    dependencies = [("directory", "0028_user_privacy_consent")]

    operations = [migrations.RunPython(add, remove)]
