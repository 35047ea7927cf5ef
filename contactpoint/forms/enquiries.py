"""Forms of the enquiries: the public ask form, the requester's and staff's replies."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from contactpoint.models import FundingCall, Guide, Premises, StandardReply, Topic
from directory.models import Sector, User


class AskForm(forms.Form):
    """What a business asks the desk. The sectors come from the page's cached
    reference data and the member's organisations from the view, so that
    showing and checking the form cost no query of their own."""

    topic = forms.ChoiceField(label=_("Topic"), choices=[("", "---------"), *Topic.choices])
    organisation = forms.TypedChoiceField(
        label=_("Organisation"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("If you ask on behalf of one of your organisations."),
    )
    sector = forms.TypedChoiceField(label=_("Sector"), coerce=int)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    message = forms.CharField(
        label=_("Your question"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Say what you do, where, and what you would like to know."),
    )
    name = forms.CharField(
        label=_("Name and surname"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send the private link to follow your enquiry there."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    language = forms.ChoiceField(
        label=_("Preferred language for the answer"), choices=settings.LANGUAGES
    )
    privacy = forms.BooleanField(
        label=_("I have read the privacy notice and agree to the processing of my data."),
        error_messages={"required": _("To send the enquiry, accept the privacy notice.")},
    )
    # A field people never see (hidden by the stylesheet, skipped by keyboards
    # and screen readers) and form-filling robots fill in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "tabindex": "-1", "class": "portal-honeypot"}
        ),
    )

    def __init__(
        self,
        *args: Any,
        sectors: list[Sector],
        organisations: list[tuple[int, str]] = (),  # type: ignore[assignment]
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", "---------")] + [  # type: ignore[attr-defined]
            (sector.pk, sector.name) for sector in sectors
        ]
        if organisations:
            self.fields["organisation"].choices = [  # type: ignore[attr-defined]
                ("", _("None, I ask for myself")),
                *organisations,
            ]
        else:
            del self.fields["organisation"]
        self.fields["language"].initial = get_language() or settings.LANGUAGE_CODE
        self.fields["privacy"].help_text = format_html(
            '<a href="{}">{}</a>', reverse("directory:privacy"), _("Read the privacy notice")
        )

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    @property
    def text(self) -> str:
        """The subject and message as typed, for suggesting guides."""
        return f"{self.data.get('subject', '')} {self.data.get('message', '')}".strip()


class RequesterReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write your message.")},
    )


class StandardReplyPicker(forms.Form):
    """Which standard reply to start the reply from (the page reloads with it)."""

    standard_reply: forms.ModelChoiceField[StandardReply] = forms.ModelChoiceField(
        label=_("Start from a standard reply"),
        queryset=StandardReply.objects.all(),
        required=False,
    )


def desk_staff() -> QuerySet[User]:
    """People who may handle enquiries, through the "Desk staff" group or directly."""
    permission = Permission.objects.filter(
        content_type__app_label="contactpoint", codename="handle_enquiry"
    )
    return (
        User.objects.filter(is_active=True, is_staff=True)
        .filter(Q(groups__permissions__in=permission) | Q(user_permissions__in=permission))
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


class AssignForm(forms.Form):
    to = forms.ModelChoiceField(label=_("Assign to"), queryset=User.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"].queryset = desk_staff()  # type: ignore[attr-defined]


class AnswerForm(forms.Form):
    """A staff reply: the text the requester reads, and what it points them to."""

    text = forms.CharField(
        label=_("Reply to the requester"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8, "class": "vLargeTextField"}),
    )
    guides: forms.ModelMultipleChoiceField[Guide] = forms.ModelMultipleChoiceField(
        label=_("Guides to point to"), queryset=Guide.objects.none(), required=False
    )
    calls: forms.ModelMultipleChoiceField[FundingCall] = forms.ModelMultipleChoiceField(
        label=_("Funding calls to point to"), queryset=FundingCall.objects.none(), required=False
    )
    premises: forms.ModelMultipleChoiceField[Premises] = forms.ModelMultipleChoiceField(
        label=_("Premises to point to"), queryset=Premises.objects.none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["guides"].queryset = Guide.objects.published().order_by("title")  # type: ignore[attr-defined]
        self.fields["calls"].queryset = FundingCall.objects.published().order_by("title")  # type: ignore[attr-defined]
        self.fields["premises"].queryset = Premises.objects.published().order_by("title")  # type: ignore[attr-defined]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note (never shown to the requester)"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
    )
