"""Forms of the action plan's public pages and benchmark reporting."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionplan.models import BenchmarkIndicator
from actionplan.models.benchmark import FIRST_YEAR


class BenchmarkValueForm(forms.Form):
    """A partner's value of one shared indicator for one year, with its source."""

    indicator: forms.ModelChoiceField[BenchmarkIndicator] = forms.ModelChoiceField(
        label=_("Indicator"), queryset=BenchmarkIndicator.objects.all(), empty_label=None
    )
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR)
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=2)
    source = forms.CharField(
        label=_("Source"),
        max_length=300,
        help_text=_("Where the figure comes from: the office, survey or publication."),
    )
    source_url = forms.URLField(
        label=_("Link to the source"), required=False, assume_scheme="https"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].widget.attrs["max"] = this_year
        self.fields["year"].initial = this_year - 1

    def clean_year(self) -> int:
        """A figure is reported for a year that has begun, never for a future one."""
        year = int(self.cleaned_data["year"])
        if year > timezone.localdate().year:
            raise forms.ValidationError(_("Values are reported for past years and this one."))
        return year


class FollowForm(forms.Form):
    """An address to tell when the action moves; confirmed by a link first."""

    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("We send a link to confirm. Every message has a link to stop following."),
    )
