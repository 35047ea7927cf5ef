"""Forms of the directory."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from creativecities.images import LogoField
from creativecities.mail.notifications import email_after_commit
from directory.models import (
    PROFILE_FIELDS,
    PROFILE_SECTION_TITLES,
    PROFILE_SECTIONS,
    Invitation,
    Municipality,
    Organisation,
    Sector,
    User,
)


class CheckboxGroup(forms.CheckboxSelectMultiple):
    """Several checkboxes, drawn by `includes/check_group.html` as a fieldset."""

    def __init__(self, attrs: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__({"class": "form-check-input", **(attrs or {})}, **kwargs)


def municipality_choices() -> list[tuple[Any, Any]]:
    """The municipi of Genoa, then the other comuni, each under its heading."""
    groups: dict[str, list[tuple[int, str]]] = {kind: [] for kind in Municipality.Kind.values}
    for municipality in Municipality.objects.all():
        groups[municipality.kind].append((municipality.pk, municipality.name))
    choices: list[tuple[Any, Any]] = [("", _("Choose…"))]
    for kind, label in Municipality.Kind.choices:
        if groups[kind]:
            choices.append((label, groups[kind]))
    return choices


def choice_field(field: forms.Field) -> forms.ChoiceField:
    assert isinstance(field, forms.ChoiceField)  # noqa: S101 - a model field with choices
    return field


def https_url_fields(field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
    """Model fields as form fields; a web address typed without a scheme gets https."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


# ---------------------------------------------------------------------------
# Accounts
# ---------------------------------------------------------------------------


class NewAccountForm(forms.Form):
    """A name and a password checked by Django's password validators.

    The invitation page uses it as it is (the address is the invited one);
    registration adds the address and the privacy consent.
    """

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "At least 8 characters, not only digits, not a common password and "
            "not too close to your name or address."
        ),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, email: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.invited_email = email
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"

    def account_email(self) -> str:
        return self.invited_email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2:
            if password1 != password2:
                self.add_error("password2", _("The two passwords differ: type the same twice."))
            else:
                person = User(
                    email=self.account_email(),
                    first_name=cleaned.get("first_name", ""),
                    last_name=cleaned.get("last_name", ""),
                )
                try:
                    password_validation.validate_password(password2, person)
                except forms.ValidationError as error:
                    self.add_error("password1", error)
        return cleaned


class AccountForm(NewAccountForm):
    """The "Your account" part of registration."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("You log in with it; we send the confirmation link there."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    privacy = forms.BooleanField(
        label=_("I have read the privacy notice and agree to the processing of my data."),
        error_messages={"required": _("To register, accept the privacy notice.")},
    )

    field_order = ["email", "first_name", "last_name", "password1", "password2", "privacy"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["privacy"].help_text = format_html(
            '<a href="{}">{}</a>', reverse("directory:privacy"), _("Read the privacy notice")
        )

    def account_email(self) -> str:
        return str(self.cleaned_data.get("email", ""))

    def clean_email(self) -> str:
        """The address, normalised. Whether it already has an account is not
        said here, where anyone could ask: the registration mail says it."""
        return User.objects.normalize_email(self.cleaned_data["email"])


class EmailForm(forms.Form):
    """Ask for a new confirmation link."""

    email = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


# ---------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------


class OrganisationFormBase(forms.ModelForm[Organisation]):
    """Validation shared by registration and editing; the services save."""

    sectors: forms.ModelMultipleChoiceField[Sector] = forms.ModelMultipleChoiceField(
        label=_("Other sectors"),
        queryset=Sector.objects.all(),
        widget=CheckboxGroup,
        required=False,
        help_text=_("Any other sector you work in; the main one is always included."),
    )
    vat_number = forms.CharField(
        label=_("VAT number (Partita IVA)"),
        required=False,
        max_length=20,
        help_text=_("Optional: eleven digits."),
    )
    ateco_code = forms.CharField(
        label=_("ATECO code"),
        required=False,
        max_length=12,
        help_text=_("Optional: your main activity code, e.g. 74.12 or 62.10.00."),
    )

    class Meta:
        model = Organisation
        fields: list[str] = []
        formfield_callback = https_url_fields
        labels = {
            "name": _("Name of the organisation"),
            "kind": _("Kind of organisation"),
            "primary_sector": _("Main sector"),
            "municipality": _("Municipality"),
            "short_description_it": _("Short description in Italian"),
            "short_description_en": _("Short description in English"),
            "description_it": _("Full description in Italian"),
            "description_en": _("Full description in English"),
            "website": _("Website"),
            "email": _("Public email"),
            "phone": _("Public phone"),
            "address": _("Address"),
            "postcode": _("Postcode"),
            "latitude": _("Latitude"),
            "longitude": _("Longitude"),
            "size": _("Size"),
            "year_founded": _("Year founded"),
            "linkedin": _("LinkedIn page"),
            "instagram": _("Instagram profile"),
            "facebook": _("Facebook page"),
            "open_to_international": _("Open to international cooperation"),
        }
        help_texts = {
            "short_description_it": _("Required. At most 280 characters, shown in the directory."),
            "short_description_en": _("Optional. For visitors from abroad."),
            "website": _("For example https://www.example.it"),
            "email": _("Shown on the public profile; may differ from your login address."),
            "phone": _("Shown on the public profile."),
            "open_to_international": _(
                "Tick if you welcome projects with partners from other countries."
            ),
        }
        widgets = {
            "short_description_it": forms.Textarea(attrs={"rows": 3}),
            "short_description_en": forms.Textarea(attrs={"rows": 3}),
            "description_it": forms.Textarea(attrs={"rows": 6}),
            "description_en": forms.Textarea(attrs={"rows": 6}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        sectors_given = "sectors" in (kwargs.get("initial") or {})
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["short_description_it"].required = True
        if "kind" in fields:
            choice_field(fields["kind"]).choices = [("", _("Choose…")), *Organisation.Kind.choices]
        if "primary_sector" in fields:
            fields["primary_sector"].empty_label = _("Choose…")  # type: ignore[attr-defined]
        if "municipality" in fields:
            fields["municipality"].choices = municipality_choices()  # type: ignore[attr-defined]
        if self.instance.pk and not sectors_given:
            # "Other sectors": the main one is implied.
            self.initial["sectors"] = [
                sector.pk
                for sector in self.instance.sectors.all()
                if sector.pk != self.instance.primary_sector_id
            ]


class OrganisationRegisterForm(OrganisationFormBase):
    """The "Your organisation" part of registration: what the desk needs to
    review it; the rest is filled in later from the edit page."""

    class Meta(OrganisationFormBase.Meta):
        fields = [
            "name",
            "kind",
            "primary_sector",
            "sectors",
            "municipality",
            "short_description_it",
            "short_description_en",
            "website",
            "email",
            "phone",
            "vat_number",
            "ateco_code",
            "open_to_international",
        ]


class OrganisationEditForm(OrganisationFormBase):
    """Every public field of a profile, in both languages.

    The logo is not a model field here: `new_logo` checks and re-encodes the
    upload (see `directory/images.py`) and the view hands it to the service.
    """

    new_logo = LogoField(label=_("New logo"), required=False)
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)

    languages = forms.TypedMultipleChoiceField(
        label=_("Languages spoken"),
        choices=Organisation.Language.choices,
        widget=CheckboxGroup,
        required=False,
    )

    class Meta(OrganisationFormBase.Meta):
        fields = list(PROFILE_FIELDS)  # laid out by `fieldsets` below

    # The profile's sections (declared with the model), the logo after the descriptions.
    fieldsets = [(PROFILE_SECTION_TITLES[key], list(names)) for key, names in PROFILE_SECTIONS]
    fieldsets.insert(2, (_("Logo"), ["new_logo", "remove_logo"]))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self.fields["size"]).choices = [
            ("", _("Not stated")),
            *Organisation.Size.choices,
        ]
        self.fields["postcode"].help_text = _("Five digits, e.g. 16121.")
        self.fields["latitude"].help_text = _(
            "Optional, with the longitude: puts you on the map, e.g. 44.407."
        )
        self.fields["longitude"].help_text = _("Optional, e.g. 8.934.")

    def grouped_fields(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The fieldsets that have fields, as (legend, bound fields)."""
        return [
            (str(legend), [self[name] for name in names if name in self.fields])
            for legend, names in self.fieldsets
            if any(name in self.fields for name in names)
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None) != (longitude is None) and not (
            self.has_error("latitude") or self.has_error("longitude")
        ):
            missing = "longitude" if longitude is None else "latitude"
            self.add_error(missing, _("Give both latitude and longitude, or neither."))
        return cleaned


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Your colleague's email address"),
        help_text=format_lazy(
            _("We send them a link to join, valid for {days} days."),
            days=Invitation.VALID_FOR.days,
        ),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        help_text=_(
            "Sent by email to the members of each organisation: say what to change "
            "so that the profile can be published."
        ),
    )


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, with its mail sent the portal's one way: recorded and
    delivered by the task queue (`email_after_commit`), never inside the request.

    Its link is built on the configured site address (`SITE_URL`), never on the
    host and port the request claimed.
    """

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        context = {**context, "site_name": _("Creative Cities Genova")}
        for key in ("domain", "protocol", "request"):
            context.pop(key, None)
        email_after_commit(to=[to_email], template="registration/password_reset", context=context)


class SecondFactorCodeForm(forms.Form):
    """A one-time code: the authenticator's six digits, or a backup code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_(
            "The six digits your authenticator app shows now, or one of your backup codes."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


ARCHIVE = "archive"


class AccountDeleteForm(forms.Form):
    """The password, and for each organisation the person alone owns, who takes
    it over (one of its members) or the archive."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(
        self, *args: Any, user: User, organisations: list[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.organisations = organisations
        self.members: dict[int, dict[str, User]] = {}
        for organisation in organisations:
            others = {
                str(member.pk): member
                for member in User.objects.filter(memberships__organisation=organisation)
                .exclude(pk=user.pk)
                .order_by("email")
            }
            self.members[organisation.pk] = others
            choices = [
                (pk, format_lazy(_("Hand it over to {person}"), person=member.get_full_name()))
                for pk, member in others.items()
            ]
            choices.append((ARCHIVE, _("Archive it (the desk may restore it)")))
            self.fields[f"organisation_{organisation.pk}"] = forms.ChoiceField(
                label=organisation.name,
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose what happens to this organisation.")},
            )

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="wrong_password")
        return password

    def organisations_to(self) -> dict[int, User | None]:
        """What the service takes: each organisation's id and its new owner, or None."""
        chosen = {}
        for organisation in self.organisations:
            value = self.cleaned_data[f"organisation_{organisation.pk}"]
            chosen[organisation.pk] = (
                None if value == ARCHIVE else self.members[organisation.pk][value]
            )
        return chosen
