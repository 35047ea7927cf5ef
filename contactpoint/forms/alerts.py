"""The alerts' subscription form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from creativecities.subscriptions.models import Cadence
from directory.forms import CheckboxGroup
from directory.models import Sector


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
    cadence = forms.ChoiceField(
        label=_("How often"),
        choices=[(Cadence.WEEKLY, _("Once a week")), (Cadence.DAILY, _("Once a day"))],
        initial=Cadence.WEEKLY,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        help_text=_("At most; nothing is sent when there is nothing new."),
    )
