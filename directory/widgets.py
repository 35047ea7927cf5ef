"""Form widgets of the public pages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import SafeString, mark_safe


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
