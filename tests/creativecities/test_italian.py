"""Italian as Italian writes it, in the portal's dates and in the desk's admin."""

import datetime
from http import HTTPStatus
from typing import Any

from django.test import Client
from django.utils import formats, translation

from directory.models import Membership


def test_dates_have_no_leading_zero_and_lower_case_months() -> None:
    when = datetime.datetime(2026, 4, 9, 14, 5)  # noqa: DTZ001 - a wall-clock time to format
    with translation.override("it"):
        assert formats.date_format(when, "DATE_FORMAT") == "9 aprile 2026"
        assert formats.date_format(when, "DATETIME_FORMAT") == "9 aprile 2026, 14:05"
        assert formats.date_format(when, "SHORT_DATE_FORMAT") == "9 apr 2026"
    with translation.override("en"):
        assert formats.date_format(when, "DATE_FORMAT") == "9 April 2026"


def test_admin_words_read_as_italian(client: Client, staff_user: Any) -> None:
    client.force_login(staff_user)
    script = client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="it")
    assert script.status_code == HTTPStatus.OK
    # The selector of an organisation's sectors, which Django's catalogue leaves in English.
    assert "Per scegliere %s, selezionali" in script.content.decode()
    assert "Scegli tutti (%s)" in script.content.decode()
    with translation.override("it"):
        assert translation.gettext("Import") == "Importa"
        assert str(Membership._meta.verbose_name) == "membro"
        assert str(Membership._meta.get_field("user").verbose_name) == "utente"
        assert translation.gettext("Add another %(verbose_name)s") == "Aggiungi: %(verbose_name)s"
