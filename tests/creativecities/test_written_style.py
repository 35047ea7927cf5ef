"""The Italian catalogue keeps one written style (top README, "Written style"):
the reader is *tu*, the desk is the Sportello and the directory the Elenco."""

import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "it" / "LC_MESSAGES" / "django.po"

# Lei and voi, as the catalogue wrote them before: possessives and verbs.
OTHER_ADDRESS = re.compile(
    r"\b(Lei|Suo|Sua|Suoi|Sue|[Vv]ostr[aoie]|[Pp]otete|[Aa]vete|[Ss]iete|[Ss]crivete|"
    r"[Ss]cegliete|[Ss]criva|[Ss]celga|[Aa]pra|[Dd]igiti|[Ii]nserisca|[Aa]ttenda|[Rr]iprovi|"
    r"Controlli|[Vv]erifichi|Conservi|Scarichi|Cancelli|La preghiamo|"
    r"sua richiesta|sue organizzazioni|suo messaggio)\b"
)
OTHER_NAMES = re.compile(r"\b(directory|[Pp]unto di contatto)\b")


def translations() -> list[str]:
    """Every msgstr of the portal's own catalogue, joined across its lines."""
    found, current = [], None
    for line in CATALOGUE.read_text(encoding="utf-8").splitlines():
        start = re.match(r'msgstr(\[\d\])? "(.*)"$', line)
        if start:
            current = [start.group(2)]
            found.append(current)
        elif current is not None and line.startswith('"'):
            current.append(line[1:-1])
        else:
            current = None
    return ["".join(parts) for parts in found if "".join(parts)]


def test_the_reader_is_addressed_as_tu_everywhere() -> None:
    offending = [text for text in translations() if OTHER_ADDRESS.search(text)]
    assert offending == []


def test_the_services_have_one_name_each() -> None:
    offending = [text for text in translations() if OTHER_NAMES.search(text)]
    assert offending == []
    with translation.override("it"):
        assert translation.gettext("Contact point") == "Sportello"
        assert translation.pgettext("enquiry status", "Answered") == "Con risposta"
        assert translation.gettext("Your organisations' enquiries to the desk") == (
            "Le richieste delle tue organizzazioni allo sportello"
        )
