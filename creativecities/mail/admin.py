"""The desk's view of outgoing mail: what was sent, to whom, and what failed.

Records are written by `creativecities.mail.notifications.email_after_commit` and changed
only by delivery, so the screen is read-only. Staff with the "Can send an email
again" permission may queue failed (or interrupted) mails again once the cause
is fixed; deleting is left to those granted it (superusers), for retention.
"""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from creativecities.mail.models import OutgoingEmail
from creativecities.mail.notifications import email_resend
from creativecities.panels.workbench import WAITING, WorkbenchEntry, changelist, may_open


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin[OutgoingEmail]):
    list_display = (
        "created_at",
        "recipients",
        "subject",
        "template",
        "language",
        "status",
        "attempts",
        "sent_at",
    )
    list_filter = ("status", "template", "language", "created_at")
    search_fields = ("to", "subject")
    # The list grows with every mail: no count of the whole table on each page.
    show_full_result_count = False
    actions = ("send_again",)
    fieldsets = (
        (None, {"fields": ("to", "reply_to", "subject", "body")}),
        (_("Delivery"), {"fields": ("status", "attempts", "last_error", "sent_at")}),
        (
            _("Details"),
            {
                "fields": (
                    "template",
                    "language",
                    "created_at",
                    "last_attempt_at",
                    "next_attempt_at",
                )
            },
        ),
    )
    readonly_fields = (
        "to",
        "reply_to",
        "subject",
        "body",
        "status",
        "attempts",
        "last_error",
        "sent_at",
        "template",
        "language",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
    )

    @admin.display(description=_("to"))
    def recipients(self, email: OutgoingEmail) -> str:
        return ", ".join(email.to)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_resend_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("creativecities.resend_outgoingemail")

    @admin.action(description=_("Send again"), permissions=["resend"])
    def send_again(self, request: HttpRequest, queryset: QuerySet[OutgoingEmail]) -> None:
        selected = queryset.count()
        queued = email_resend(emails=queryset)
        if queued:
            self.message_user(
                request,
                ngettext(
                    "%(count)d email queued to be sent again.",
                    "%(count)d emails queued to be sent again.",
                    queued,
                )
                % {"count": queued},
                messages.SUCCESS,
            )
        if skipped := selected - queued:
            self.message_user(
                request,
                ngettext(
                    "%(count)d email skipped: only failed or interrupted emails are sent again.",
                    "%(count)d emails skipped: only failed or interrupted emails are sent again.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )


def mail_failed(request: HttpRequest) -> list[WorkbenchEntry]:
    if not may_open(request, "creativecities.outgoingemail"):
        return []
    failed = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).count()
    return [
        WorkbenchEntry(
            group=WAITING,
            label=_("Mail that failed"),
            count=failed,
            url=changelist(
                "creativecities_outgoingemail", status__exact=OutgoingEmail.Status.FAILED
            ),
            urgent=bool(failed),
            order=90,
        )
    ]
