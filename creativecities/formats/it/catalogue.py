"""Words of Django and of django-import-export that the Italian catalogue says differently.

Never imported: `makemessages` reads these calls, so the project's catalogue keeps
its own Italian for them instead of marking it obsolete. Django's Italian capitalises
month names ("Aprile"), which Italian writes in lower case inside a date;
django-import-export names its admin buttons with infinitives ("Importare"), where
the admin speaks in imperatives ("Aggiungi", "Salva"); and the admin's "add another"
of an inline needs no gender agreement with the capitalised name it is given
("Aggiungi: Membro", not "Aggiungi un altro Appartenenza").
"""

from django.utils.translation import gettext_noop

MONTHS = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)

IMPORT_EXPORT_BUTTONS = (
    gettext_noop("Import"),
    gettext_noop("Export"),
    gettext_noop("Submit"),
)

INLINE_ADD = gettext_noop("Add another %(verbose_name)s")
