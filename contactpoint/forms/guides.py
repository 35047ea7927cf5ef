"""Filters of the guides' list."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from contactpoint.models import Topic


class GuideFilterForm(forms.Form):
    """The guides' search box and topic; invalid values are ignored, never a 500."""

    q = forms.CharField(label=_("Search the guides"), required=False, max_length=200)
    topic = forms.ChoiceField(
        label=_("Topic"),
        required=False,
        choices=[("", _("Every topic")), *Topic.choices],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "class": "form-control"})
        self.fields["topic"].widget.attrs.update({"class": "form-select"})

    def filters(self) -> tuple[str, str]:
        """The words and the topic asked for; a value that is not valid counts as none."""
        if not self.is_bound:
            return "", ""
        self.is_valid()
        data = self.cleaned_data
        return str(data.get("q") or "").strip(), str(data.get("topic") or "")
