"""Text as the portal accepts it, keeps it and writes it out.

Control characters have no place in what people type: they come from pasting
(a word processor's manual line break is a vertical tab, \\x0b), from scripts or
from a spreadsheet, and each output format refuses some of them. XML 1.0 (the
Atom feed, the cells of an XLSX file) cannot hold any C0 control but tab,
newline and carriage return; RFC 5545 forbids every control in iCalendar text
but tab (newlines are escaped); PostgreSQL refuses NUL in any text. So text is
cleaned once, where it enters, and every export cleans it again for its format,
so that a row stored before the rule (or by a path no form guards) cannot break
a feed.

Where it enters: `install()`, called once when the project starts (from
`DirectoryConfig.ready()`), puts `clean_text` in front of the `to_python` of
Django's text fields, on both sides:

- the form field (`django.forms.CharField`, and so `EmailField`, `URLField`,
  `SlugField`, ...): every form of the portal, public or member, plain `Form`
  or `ModelForm`, the admin's forms and inlines and Django's own, cleans its
  text before its validators run and before a view or a service reads
  `cleaned_data` (a mail, a plain form that a service turns into rows). A
  `Textarea` is multi-line; any other widget single-line; a password is left as
  typed (it is hashed, never shown, and must match what was set).
- the model field (`django.db.models.CharField` and its subclasses, the
  translations' `title_it`, `title_en` included, and `TextField`): `to_python`
  runs in `full_clean` (the admin's forms, the import with
  `clean_model_instances`, the services) and in `get_prep_value`, that is for
  every value written to the database or compared with a column. So nothing
  reaches PostgreSQL with a NUL, whatever path writes it (an import, a
  `QuerySet.update`, a shell), and a query string's NUL in an exact filter is
  compared as cleaned text rather than failing. A `TextField` is multi-line; a
  `CharField` is single-line whatever widget showed it.
- the texts inside a `JSONField` (`get_prep_value`), as multi-line text: the
  history's snapshots copy an object's fields as they are in memory, and
  PostgreSQL's jsonb refuses NUL as its text does.

This is one rule (`clean_text`) in one place rather than a mixin every model
and form must remember: a new model, form or admin is covered by being one.
Django gives no hook for it, so these methods are wrapped, which
`tests/creativecities/test_text.py` checks by walking every model with
text fields and every form of the portal.

Rows stored before the rule are cleaned by a data migration per app
(`clean_stored_text`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal

from django import forms
from django.db import models

# What a line break may arrive as: CR LF (every browser's textarea), a lone CR,
# a vertical tab (a word processor's manual line break), a form feed (its page
# break), NEL, and Unicode's line and paragraph separators.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Every other control character (Unicode category Cc: C0, DEL, C1) but tab and
# newline, and the two non-characters no XML may hold.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
# A lone surrogate cannot be encoded as UTF-8 (a response) nor stored.
_SURROGATES = re.compile("[\ud800-\udfff]")
# What a single-line text holds as a space.
_BLANKS = re.compile("[\t\n]")


def clean_text(value: str, *, multiline: bool) -> str:
    """`value` without control characters: line breaks of any kind become a
    newline in multi-line text and a space in single-line text, a tab stays in
    multi-line text only (a space otherwise), and every other control
    character (NUL included) is removed."""
    if value.isprintable():  # the common case: nothing to do
        return value
    text = _LINE_BREAKS.sub("\n", value)
    text = _SURROGATES.sub("", _CONTROLS.sub("", text))
    if not multiline:
        text = _BLANKS.sub(" ", text)
    return text


def is_clean(value: str, *, multiline: bool) -> bool:
    return clean_text(value, multiline=multiline) == value


# Output: the formats the portal writes.
Format = Literal["atom", "csv", "ical", "json", "xlsx"]

# A spreadsheet runs a cell that begins with one of FORMULA_START as a formula
# (OWASP, "CSV injection"); a leading line break as well. See `directory/exports.py`.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def export_text(value: str, fmt: Format) -> str:
    """`value` as the format `fmt` may carry it.

    Every format gets multi-line clean text (`clean_text`): tab and newline
    are the only controls XML 1.0 (Atom, XLSX) allows besides CR, the only
    ones iCalendar writes (newlines escaped by the library) and the only ones
    a spreadsheet reads back as typed; JSON would escape the others, but the
    programs that read it trip on them as the others do. A CSV cell that a
    spreadsheet would run as a formula gets a leading quote, shown as text."""
    text = clean_text(value, multiline=True)
    if fmt == "csv" and text.startswith(FORMULA_START):
        return f"'{text}"
    return text


def export_value(value: Any, fmt: Format) -> Any:
    """A cell, or a JSON document: every text in it (keys, members, items)
    made safe for `fmt`; numbers, booleans and None as they are."""
    if isinstance(value, str):
        return export_text(value, fmt)
    if isinstance(value, dict):
        return {export_value(key, fmt): export_value(item, fmt) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [export_value(item, fmt) for item in value]
    return value


# Input: the two methods `install` wraps.


def _form_field_multiline(field: forms.CharField) -> bool:
    return isinstance(field.widget, forms.Textarea)


def _wrap_form_field(original: Callable[[forms.CharField, Any], Any]) -> Any:
    def to_python(self: forms.CharField, value: Any) -> Any:
        if isinstance(value, str) and not isinstance(self.widget, forms.PasswordInput):
            value = clean_text(value, multiline=_form_field_multiline(self))
        return original(self, value)

    to_python.__wrapped__ = original  # type: ignore[attr-defined]
    to_python.cleans_text = True  # type: ignore[attr-defined]
    return to_python


def _wrap_model_field(original: Callable[[Any, Any], Any], *, multiline: bool) -> Any:
    def to_python(self: models.Field[Any, Any], value: Any) -> Any:
        value = original(self, value)
        if isinstance(value, str):
            value = clean_text(value, multiline=multiline)
        return value

    to_python.__wrapped__ = original  # type: ignore[attr-defined]
    to_python.cleans_text = True  # type: ignore[attr-defined]
    return to_python


def _clean_json(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value, multiline=True)
    if isinstance(value, dict):
        return {_clean_json(key): _clean_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_clean_json(item) for item in value]
    return value


def _wrap_json_field(original: Callable[[Any, Any], Any]) -> Any:
    def get_prep_value(self: models.JSONField[Any], value: Any) -> Any:
        return _clean_json(original(self, value))

    get_prep_value.__wrapped__ = original  # type: ignore[attr-defined]
    get_prep_value.cleans_text = True  # type: ignore[attr-defined]
    return get_prep_value


# (class, method, wrapper): what `install` wraps.
_TARGETS: list[tuple[type[Any], str, Callable[[Any], Any]]] = [
    (forms.CharField, "to_python", _wrap_form_field),
    (models.CharField, "to_python", lambda original: _wrap_model_field(original, multiline=False)),
    (models.TextField, "to_python", lambda original: _wrap_model_field(original, multiline=True)),
    (models.JSONField, "get_prep_value", _wrap_json_field),
]


def install() -> None:
    """Clean text in every form field and model field of text (see the module's
    docstring). Idempotent."""
    for cls, method, wrap in _TARGETS:
        current = getattr(cls, method)
        if not getattr(current, "cleans_text", False):
            setattr(cls, method, wrap(current))


def installed() -> bool:
    return all(
        getattr(getattr(cls, method), "cleans_text", False) for cls, method, _wrap in _TARGETS
    )


# Rows stored before the rule.

# The characters `clean_text` changes, as a PostgreSQL regular expression.
_DIRTY_MULTILINE = r"[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]"
_DIRTY_SINGLE_LINE = r"[\x01-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]"


def text_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    """The model's own columns of text (translations included)."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
    ]


def dirty_rows(model: type[models.Model], field: models.Field[Any, Any]) -> Any:
    """The rows whose `field` holds what `clean_text` would change."""
    pattern = _DIRTY_MULTILINE if isinstance(field, models.TextField) else _DIRTY_SINGLE_LINE
    return model._base_manager.filter(**{f"{field.attname}__regex": pattern})


def clean_stored_text(apps: Any, schema_editor: Any, *, app_label: str) -> None:
    """Clean every text column of every model of `app_label` (a data
    migration's function, bound with `functools.partial`). Only the rows that
    hold a control character are read and written, a column at a time, with
    `update` (no save: no history, no timestamps)."""
    for model in apps.get_app_config(app_label).get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in text_fields(model):
            multiline = isinstance(field, models.TextField)
            dirty = dirty_rows(model, field).values_list("pk", field.attname)
            for pk, value in dirty.iterator():
                model._base_manager.filter(pk=pk).update(
                    **{field.attname: clean_text(value, multiline=multiline)}
                )
