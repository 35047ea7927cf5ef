"""The desk's inbox of enquiries."""

from __future__ import annotations

from django.contrib import admin

from contactpoint.models import Enquiry, StandardReply


@admin.register(Enquiry)
class EnquiryAdmin(admin.ModelAdmin[Enquiry]):
    list_display = ("reference", "subject", "status", "topic", "assignee", "created_at")


@admin.register(StandardReply)
class StandardReplyAdmin(admin.ModelAdmin[StandardReply]):
    list_display = ("title", "topic")
