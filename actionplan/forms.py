"""Forms of the plan: the workspace, the public consultation, the public pages and
benchmark reporting."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionplan.models import (
    ACTION_FORM_FIELDS,
    INDICATOR_FIELDS,
    MILESTONE_FIELDS,
    PLAN_FIELDS,
    THEME_FIELDS,
    Action,
    BenchmarkIndicator,
    Indicator,
    IndicatorUpdate,
    Milestone,
    Plan,
    Theme,
)
from actionplan.models.benchmark import FIRST_YEAR
from directory.models import Partner, Sector


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class ActionForm(forms.ModelForm):  # type: ignore[type-arg]
    """An action's content. The lead partner is a coordinator's choice: editors
    get the form without it (`lead=False`)."""

    class Meta:
        model = Action
        fields = ACTION_FORM_FIELDS
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "partners": forms.CheckboxSelectMultiple,
            "sectors": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, plan: Plan, lead: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        theme_field: Any = self.fields["theme"]
        theme_field.queryset = plan.themes.order_by("order", "pk")
        partners_field: Any = self.fields["partners"]
        partners_field.queryset = Partner.objects.all()
        sectors_field: Any = self.fields["sectors"]
        sectors_field.queryset = Sector.objects.all()
        if not lead:
            del self.fields["lead_partner"]


class IndicatorForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Indicator
        fields = INDICATOR_FIELDS
        widgets = {"target_date": DateInput()}


class IndicatorUpdateForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = IndicatorUpdate
        fields = ("value", "measured_on", "note")
        widgets = {"measured_on": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}

    @staticmethod
    def prefix_for(indicator: Indicator) -> str:
        """One form per indicator on the action page: each needs ids of its own."""
        return f"indicator-{indicator.pk}"


class MilestoneForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Milestone
        fields = MILESTONE_FIELDS
        widgets = {"due_on": DateInput(), "done_on": DateInput()}


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    on_consultation = forms.BooleanField(
        required=False,
        label=_("Publish to the consultation"),
        help_text=_(
            "Unticked, the comment is internal: only partner users read it. Ticked, "
            "the public reads it with your name on the consultation pages while the "
            "plan is open to public comments."
        ),
    )


class PublicCommentForm(forms.Form):
    """A comment from the public. `website` is a trap for robots: people never
    see it (it is not displayed), programs that fill every field do."""

    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Your email address"), help_text=_("Never shown; we write only about your comment.")
    )
    body = forms.CharField(
        label=_("Comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    website = forms.CharField(required=False, label=_("Leave this empty"))

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class PlanForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Plan
        fields = PLAN_FIELDS
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}


class ThemeForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Theme
        fields = THEME_FIELDS
        widgets = {"sectors": forms.CheckboxSelectMultiple}


class PublishForm(forms.Form):
    note = forms.CharField(label=_("What this version brings"), max_length=300, required=False)


class ModerationForm(forms.Form):
    approve = forms.TypedChoiceField(
        choices=[("1", _("Approve")), ("0", _("Reject"))], coerce=lambda v: v == "1"
    )


class InvitationAcceptForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput, min_length=10, strip=False
    )


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
