"""Comments on actions: by partner users, and by the public during a consultation.

A partner's comment is internal to the workspace unless its author chose to
publish it to the consultation; only published ones (and the public's own,
once approved) reach the public consultation pages."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionplan.models.actions import Action
from directory.models import User


class CommentQuerySet(models.QuerySet["Comment"]):
    def shown(self) -> CommentQuerySet:
        """Partner comments, and public ones the coordinator approved."""
        return self.filter(moderation=Comment.Moderation.APPROVED)

    def on_consultation(self) -> CommentQuerySet:
        """What the public consultation pages show: shown comments published
        there (the public's own, and partners' that chose to publish them)."""
        return self.shown().filter(on_consultation=True)

    def awaiting_moderation(self) -> CommentQuerySet:
        return self.filter(moderation=Comment.Moderation.PENDING)

    def threads(self) -> CommentQuerySet:
        """Top-level comments, oldest first, each with its shown replies."""
        return self.shown()._threads(replies=Comment.objects.shown())

    def consultation_threads(self) -> CommentQuerySet:
        """`threads` as the public reads them: internal comments and replies left out."""
        return self.on_consultation()._threads(replies=Comment.objects.on_consultation())

    def _threads(self, *, replies: CommentQuerySet) -> CommentQuerySet:
        replies = replies.select_related("author").order_by("created_at", "pk")
        return (
            self.filter(parent__isnull=True)
            .select_related("author")
            .prefetch_related(Prefetch("replies", queryset=replies))
            .order_by("created_at", "pk")
        )


class Comment(models.Model):
    """A comment on an action, or a reply to one (one level of replies).

    Partner users comment under their account and are shown at once, in the
    workspace only unless they publish the comment to the consultation, where
    the public reads it with their name. Members of the public give a name and
    an email (never shown) and wait for the coordinator's approval; theirs are
    on the consultation by nature.
    """

    class Moderation(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="comments", verbose_name=_("action")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    author = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    author_name = models.CharField(_("name"), max_length=120, blank=True)
    author_email = models.EmailField(_("email address"), blank=True)
    body = models.TextField(_("comment"), max_length=4000)
    moderation = models.CharField(
        _("moderation"),
        max_length=10,
        choices=Moderation.choices,
        default=Moderation.APPROVED,
    )
    on_consultation = models.BooleanField(
        _("published to the consultation"),
        default=False,
        help_text=_(
            "Shown on the public consultation pages while the plan is open to public "
            "comments; otherwise only partner users read it."
        ),
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ("created_at", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(author__isnull=False) | ~Q(author_name="") & ~Q(author_email=""),
                name="comment_has_an_author",
                violation_error_message=_("A comment needs an author, or a name and an email."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_name}: {self.body[:40]}"

    @property
    def is_public(self) -> bool:
        """Written by a member of the public rather than a partner user."""
        return self.author_id is None

    @property
    def display_name(self) -> str:
        if self.author is not None:
            return self.author.get_full_name() or self.author.email
        return self.author_name

    def clean(self) -> None:
        if self.parent is not None:
            if self.parent.parent_id is not None:
                raise ValidationError(_("Replies cannot be answered in turn."))
            if self.parent.action_id != self.action_id:
                raise ValidationError(_("A reply belongs to the comment's action."))
