"""Form widgets of the public pages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import SafeString, mark_safe


class FastInput(forms.TextInput):
    """A one-line text `<input>` written out in Python, the same markup as
    Django's: its three nested templates (input, attributes) took half a
    millisecond of the directory's list page, which draws its search box on
    every request (the rest of the form comes from the cache)."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        shown = self.format_value(value)
        written = [f'<input type="{self.input_type}" name="{escape(name)}"']
        if shown is not None:
            written.append(f' value="{escape(str(shown))}"')
        # In their order, as Django's template writes them (`flatatt` sorts them).
        for attribute, given in self.build_attrs(self.attrs, attrs).items():
            if given is True:
                written.append(f" {escape(attribute)}")
            elif given is not False:
                written.append(f' {escape(attribute)}="{escape(str(given))}"')
        written.append(">")
        return mark_safe("".join(written))  # noqa: S308 (every name and value is escaped)


class FastSelect(forms.Select):
    """A single-choice `<select>` written out in Python.

    Django renders each option through two nested templates; the directory's
    filter form has some hundred options (every place of the metropolitan
    city), which took a third of the time of the whole list page. The markup
    is the same.
    """

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        chosen = (
            "" if value is None else str(value[0] if isinstance(value, list | tuple) else value)
        )
        return mark_safe(  # noqa: S308 (every value and label is escaped below)
            f"<select{flatatt(final)}>\n"
            + "".join(self._options(self.choices, chosen))
            + "</select>"
        )

    def _options(self, choices: Iterable[Any], chosen: str) -> Iterator[str]:
        for value, label in choices:
            if isinstance(label, list | tuple):
                yield f'<optgroup label="{escape(str(value))}">\n'
                yield from self._options(label, chosen)
                yield "</optgroup>\n"
                continue
            value = "" if value is None else str(value)
            selected = " selected" if value == chosen else ""
            yield f'<option value="{escape(value)}"{selected}>{escape(str(label))}</option>\n'
