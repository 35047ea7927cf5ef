"""The page rating's two steps: its forms, the page they rate, and the link
between the steps.

A visitor gives 1 to 5 stars (step one, stored at once), then may say what
they liked or where they struggled and add a comment (step two, which
completes the same row). The steps are plain forms that post and come back to
the page, so the rating works without JavaScript; between them the page's
address carries a signed token naming the row and its stars, valid for an
hour and good for one completion. Nothing about the visitor is kept, and no
session or cookie is needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from directory.models import PageRating
from directory.templatetags.portal import local_path

SALT = "directory.page-rating"
TOKEN_MAX_AGE = 3600
PATH_MAX_LENGTH = 500


def rated_path(path: str) -> str | None:
    """The page a form names, as stored (without its language prefix): None
    unless it is a page of this site."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    if not path or len(path) > PATH_MAX_LENGTH or not local_path(path):
        return None
    try:
        resolve(path)
    except Resolver404:
        return None
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            path = path[len(prefix) - 1 :]
            break
    return path[: PageRating._meta.get_field("path").max_length]


@dataclass(frozen=True)
class Started:
    """A rating's first step, as the token between the steps carries it."""

    rating_id: int
    stars: int

    @property
    def positive(self) -> bool:
        return self.stars >= PageRating.POSITIVE_FROM

    def token(self) -> str:
        return signing.dumps({"id": self.rating_id, "stars": self.stars}, salt=SALT)

    @classmethod
    def from_token(cls, token: str) -> Started | None:
        """The step a token names, or None for a forged, stale or odd one."""
        if not token or len(token) > 200:
            return None
        try:
            data = signing.loads(token, salt=SALT, max_age=TOKEN_MAX_AGE)
            return cls(rating_id=int(data["id"]), stars=int(data["stars"]))
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return None


STAR_CHOICES = [(n, str(n)) for n in range(1, 6)]


class RatingForm(forms.Form):
    """Step one: the page and its stars."""

    page = forms.CharField(max_length=PATH_MAX_LENGTH, widget=forms.HiddenInput)
    stars = forms.TypedChoiceField(
        label=_("How clear is the information on this page?"),
        choices=STAR_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )

    def clean_page(self) -> str:
        page: str = self.cleaned_data["page"]
        if rated_path(page) is None:
            raise forms.ValidationError(_("This page cannot be rated."), code="page")
        return page


class RatingDetailsForm(forms.Form):
    """Step two: the follow-up's answer and a comment, both optional."""

    page = forms.CharField(max_length=PATH_MAX_LENGTH, widget=forms.HiddenInput)
    token = forms.CharField(max_length=200, widget=forms.HiddenInput)
    aspect = forms.ChoiceField(choices=PageRating.Aspect.choices, required=False)
    comment = forms.CharField(
        label=_("Detail"),
        max_length=PageRating.COMMENT_MAX_LENGTH,
        required=False,
        help_text=_("At most 200 characters."),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": PageRating.COMMENT_MAX_LENGTH}),
    )

    def clean_page(self) -> str:
        page: str = self.cleaned_data["page"]
        if rated_path(page) is None:
            raise forms.ValidationError(_("This page cannot be rated."), code="page")
        return page

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        started = Started.from_token(data.get("token", ""))
        if started is None:
            raise forms.ValidationError(
                _("This rating has expired: rate the page again."), code="token"
            )
        aspect = data.get("aspect", "")
        if aspect and aspect not in PageRating.aspects_for(started.stars):
            self.add_error("aspect", _("Choose one of the answers shown."))
        data["started"] = started
        return data
