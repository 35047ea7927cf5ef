"""Forms of the desk's public pages (guides' filters, alerts)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from contactpoint.models import Topic
from directory.forms import CheckboxGroup
from directory.models import Sector


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


class AlertSubscribeForm(forms.Form):
    """An address and the sectors to hear about."""

    email = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "class": "form-control"}),
    )
    sectors: forms.ModelMultipleChoiceField[Sector] = forms.ModelMultipleChoiceField(
        label=_("Sectors"),
        queryset=Sector.objects.all(),
        widget=CheckboxGroup,
        help_text=_("Choose at least one: you will hear of calls and premises for these sectors."),
    )
