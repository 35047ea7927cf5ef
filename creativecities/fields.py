"""A model's fields declared once, in the sections of its admin page.

Desk content edited in the admin (funding calls, premises) names its fields in
one `Declared`: the admin's form and fieldsets and the history (what a version
records and a revert gives back) read it, so that a field added to the model
and to the declaration appears everywhere at once. Fields the declaration
leaves out are named in `undeclared`, each with the reason, and a test compares
the two with the model (`tests/declarations.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django_stubs_ext import StrOrPromise
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname


@dataclass(frozen=True)
class Declared:
    """The fields of a model, by section of its admin page.

    `sections` holds (title, names), a translated field named once (the admin
    shows one tab per language); `stamps` are the fields saving sets (first
    publication, creation, last change), shown read-only in their section and
    never content; `undeclared` names each field left out and why.
    """

    sections: tuple[tuple[StrOrPromise | None, tuple[str, ...]], ...]
    stamps: tuple[str, ...] = ()
    undeclared: Mapping[str, str] = field(default_factory=dict)

    @property
    def names(self) -> tuple[str, ...]:
        """Every declared name, stamps included, in order."""
        return tuple(name for _title, names in self.sections for name in names)

    @property
    def content(self) -> tuple[str, ...]:
        """What staff edit: the declared names but the stamps."""
        return tuple(name for name in self.names if name not in self.stamps)

    def fieldsets(self) -> list[tuple[StrOrPromise | None, Any]]:
        """The admin's fieldsets: one per section."""
        return [(title, {"fields": names}) for title, names in self.sections]

    def tracked(self, model: type[models.Model]) -> tuple[str, ...]:
        """The content as the history records it: a translated field once per
        language (`title_it`, `title_en`), the others as they are."""
        try:
            translated = set(translator.get_options_for_model(model).all_fields)
        except NotRegistered:
            translated = set()
        return tuple(
            localized
            for name in self.content
            for localized in (
                [build_localized_fieldname(name, code) for code in AVAILABLE_LANGUAGES]
                if name in translated
                else [name]
            )
        )
