"""The core's models, as the directory made them: the versions and status
changes of the history and workflow (`directory.0011`), the outgoing mail
(`directory.0012`, `0017`).

State only: the tables exist and keep their names (`db_table`) and rows; the
directory's `0031_core_models_to_creativecities` removes the models from its
own state and relabels their content types, so permissions and the groups'
rights follow them.
"""

import django.contrib.postgres.fields
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("directory", "0030_campaign_results_status"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OutgoingEmail",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "to",
                            django.contrib.postgres.fields.ArrayField(
                                base_field=models.EmailField(max_length=254),
                                size=None,
                                verbose_name="to",
                            ),
                        ),
                        (
                            "reply_to",
                            django.contrib.postgres.fields.ArrayField(
                                base_field=models.EmailField(max_length=254),
                                blank=True,
                                default=list,
                                size=None,
                                verbose_name="reply to",
                            ),
                        ),
                        ("subject", models.TextField(verbose_name="subject")),
                        ("body", models.TextField(verbose_name="body")),
                        (
                            "headers",
                            models.JSONField(
                                blank=True,
                                default=dict,
                                help_text="Extra mail headers, such as List-Unsubscribe.",
                                verbose_name="headers",
                            ),
                        ),
                        (
                            "template",
                            models.CharField(
                                help_text="The templates the message was written from.",
                                max_length=200,
                                verbose_name="template",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=[("it", "Italian"), ("en", "English")],
                                max_length=10,
                                verbose_name="language",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("queued", "queued"),
                                    ("sending", "sending"),
                                    ("sent", "sent"),
                                    ("failed", "failed"),
                                ],
                                default="queued",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "attempts",
                            models.PositiveSmallIntegerField(default=0, verbose_name="attempts"),
                        ),
                        ("last_error", models.TextField(blank=True, verbose_name="last error")),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="created"
                            ),
                        ),
                        (
                            "next_attempt_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="next attempt"
                            ),
                        ),
                        (
                            "last_attempt_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="last attempt"
                            ),
                        ),
                        (
                            "sent_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="sent"),
                        ),
                    ],
                    options={
                        "verbose_name": "outgoing email",
                        "verbose_name_plural": "outgoing emails",
                        "db_table": "directory_outgoingemail",
                        "ordering": ("-created_at", "-id"),
                        "permissions": [("resend_outgoingemail", "Can send an email again")],
                        "indexes": [
                            models.Index(
                                fields=["-created_at", "-id"], name="outgoingemail_newest"
                            ),
                            models.Index(
                                fields=["template", "-created_at"], name="outgoingemail_template"
                            ),
                            models.Index(
                                fields=["status", "next_attempt_at"], name="outgoingemail_due"
                            ),
                        ],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("sent_at__isnull", False), ("status", "sent")),
                                    models.Q(
                                        models.Q(("status", "sent"), _negated=True),
                                        ("sent_at__isnull", True),
                                    ),
                                    _connector="OR",
                                ),
                                name="outgoingemail_sent_has_time",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("to", []), _negated=True),
                                name="outgoingemail_has_recipient",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="StateChange",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("object_id", models.PositiveBigIntegerField()),
                        ("transition", models.CharField(max_length=50, verbose_name="step")),
                        ("source", models.CharField(max_length=30, verbose_name="from")),
                        ("target", models.CharField(max_length=30, verbose_name="to")),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="when"
                            ),
                        ),
                        ("note", models.TextField(blank=True, verbose_name="note")),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="contenttypes.contenttype",
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "status change",
                        "verbose_name_plural": "status changes",
                        "db_table": "directory_statechange",
                        "ordering": ("-created_at", "-id"),
                        "abstract": False,
                        "indexes": [
                            models.Index(
                                fields=["content_type", "object_id", "-created_at"],
                                name="state_change_of_object",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Version",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("object_id", models.PositiveBigIntegerField()),
                        ("data", models.JSONField()),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="saved"
                            ),
                        ),
                        (
                            "note",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="what changed"
                            ),
                        ),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="contenttypes.contenttype",
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "version",
                        "verbose_name_plural": "versions",
                        "db_table": "directory_version",
                        "ordering": ("-created_at", "-id"),
                        "abstract": False,
                        "indexes": [
                            models.Index(
                                fields=["content_type", "object_id", "-created_at", "-id"],
                                name="version_of_object",
                            )
                        ],
                    },
                ),
            ],
        ),
    ]
