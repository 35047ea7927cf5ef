"""The survey's models, taken over from the directory app with their tables
(`directory_*`, kept through `db_table`): created in the state only, no SQL.

Their content types are relabelled from `directory` to `survey` in the same
migration, so that the permissions attached to them, and the groups and people
holding those permissions (the desk's, partners'), keep their rights, and their
recorded history stays attached. Doing it here, before any later migration can
make `survey` content types of its own, means there is never a clash."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.contrib.contenttypes.models import ContentType as CurrentContentType
from django.db import migrations, models

MODELS = (
    "answer",
    "answerchoice",
    "answerset",
    "campaign",
    "choice",
    "question",
    "section",
    "surveyinvitation",
)


def relabel(apps, schema_editor, *, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    taken = ContentType.objects.filter(app_label=target, model__in=MODELS).values("model")
    ContentType.objects.filter(app_label=source, model__in=MODELS).exclude(model__in=taken).update(
        app_label=target
    )
    # The running process caches content types: forget what it read.
    CurrentContentType.objects.clear_cache()


def to_survey(apps, schema_editor):
    relabel(apps, schema_editor, source="directory", target="survey")


def to_directory(apps, schema_editor):
    relabel(apps, schema_editor, source="survey", target="directory")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("directory", "0032_survey_models_to_survey_app"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Choice",
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
                            "order",
                            models.PositiveSmallIntegerField(default=0, verbose_name="order"),
                        ),
                        ("label", models.CharField(max_length=200, verbose_name="label")),
                        (
                            "label_it",
                            models.CharField(max_length=200, null=True, verbose_name="label"),
                        ),
                        (
                            "label_en",
                            models.CharField(max_length=200, null=True, verbose_name="label"),
                        ),
                        (
                            "code",
                            models.SlugField(
                                help_text="A short stable name for exports, e.g. 'coworking'.",
                                verbose_name="code",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "choice",
                        "verbose_name_plural": "choices",
                        "db_table": "directory_choice",
                        "ordering": ("order", "pk"),
                    },
                ),
                migrations.CreateModel(
                    name="AnswerSet",
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
                            "origin",
                            models.CharField(
                                choices=[
                                    ("member", "Member"),
                                    ("invitation", "Invitation"),
                                    ("anonymous", "Anonymous"),
                                ],
                                max_length=12,
                                verbose_name="origin",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("draft", "Draft"), ("submitted", "Submitted")],
                                default="draft",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "current_page",
                            models.PositiveSmallIntegerField(
                                default=0, verbose_name="current page"
                            ),
                        ),
                        (
                            "started_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="started"
                            ),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="updated"
                            ),
                        ),
                        (
                            "submitted_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="submitted"),
                        ),
                        (
                            "kind",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("company", "Company"),
                                    ("freelancer", "Freelancer"),
                                    ("association", "Association or non-profit"),
                                    ("public", "Public body"),
                                    ("institution", "Institution promoting creativity"),
                                ],
                                max_length=20,
                                verbose_name="kind",
                            ),
                        ),
                        (
                            "size",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("1", "1 person"),
                                    ("2-9", "2 to 9 employees"),
                                    ("10-49", "10 to 49 employees"),
                                    ("50-249", "50 to 249 employees"),
                                    ("250+", "250 employees or more"),
                                ],
                                max_length=10,
                                verbose_name="size",
                            ),
                        ),
                        (
                            "municipality",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="directory.municipality",
                                verbose_name="municipality",
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="survey_answer_sets",
                                to="directory.organisation",
                                verbose_name="organisation",
                            ),
                        ),
                        (
                            "sector",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="directory.sector",
                                verbose_name="sector",
                            ),
                        ),
                        (
                            "submitted_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "answer set",
                        "verbose_name_plural": "answer sets",
                        "db_table": "directory_answerset",
                        "ordering": ("-started_at",),
                    },
                ),
                migrations.CreateModel(
                    name="Answer",
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
                            "number",
                            models.IntegerField(blank=True, null=True, verbose_name="number"),
                        ),
                        ("text", models.TextField(blank=True, verbose_name="text")),
                        (
                            "answer_set",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="answers",
                                to="survey.answerset",
                                verbose_name="answer set",
                            ),
                        ),
                        (
                            "choice",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.RESTRICT,
                                related_name="single_answers",
                                to="survey.choice",
                                verbose_name="choice",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "answer",
                        "verbose_name_plural": "answers",
                        "db_table": "directory_answer",
                    },
                ),
                migrations.CreateModel(
                    name="Campaign",
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
                        ("slug", models.SlugField(max_length=80, unique=True, verbose_name="slug")),
                        ("title", models.CharField(max_length=200, verbose_name="title")),
                        (
                            "title_it",
                            models.CharField(max_length=200, null=True, verbose_name="title"),
                        ),
                        (
                            "title_en",
                            models.CharField(max_length=200, null=True, verbose_name="title"),
                        ),
                        ("introduction", models.TextField(blank=True, verbose_name="introduction")),
                        (
                            "introduction_it",
                            models.TextField(blank=True, null=True, verbose_name="introduction"),
                        ),
                        (
                            "introduction_en",
                            models.TextField(blank=True, null=True, verbose_name="introduction"),
                        ),
                        ("opens_at", models.DateTimeField(verbose_name="opens at")),
                        ("closes_at", models.DateTimeField(verbose_name="closes at")),
                        (
                            "accepts_anonymous",
                            models.BooleanField(
                                default=False,
                                help_text="Anyone may answer without an account; such answers have no organisation.",
                                verbose_name="accepts anonymous answers",
                            ),
                        ),
                        (
                            "results_status",
                            models.CharField(
                                choices=[
                                    ("unpublished", "Not published"),
                                    ("published", "Published"),
                                ],
                                default="unpublished",
                                max_length=12,
                                verbose_name="results",
                            ),
                        ),
                        (
                            "results_published_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="results published at"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="created"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "survey campaign",
                        "verbose_name_plural": "survey campaigns",
                        "db_table": "directory_campaign",
                        "ordering": ("-opens_at", "slug"),
                        "permissions": [
                            ("view_survey_results", "Can view survey results and publish them")
                        ],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("closes_at__gt", models.F("opens_at"))),
                                name="survey_campaign_closes_after_opening",
                                violation_error_message="A campaign closes after it opens.",
                            )
                        ],
                    },
                ),
                migrations.AddField(
                    model_name="answerset",
                    name="campaign",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="answer_sets",
                        to="survey.campaign",
                        verbose_name="campaign",
                    ),
                ),
                migrations.CreateModel(
                    name="AnswerChoice",
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
                            "answer",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="ticked",
                                to="survey.answer",
                                verbose_name="answer",
                            ),
                        ),
                        (
                            "choice",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.RESTRICT,
                                related_name="ticks",
                                to="survey.choice",
                                verbose_name="choice",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "ticked choice",
                        "verbose_name_plural": "ticked choices",
                        "db_table": "directory_answerchoice",
                    },
                ),
                migrations.AddField(
                    model_name="answer",
                    name="choices",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="multiple_answers",
                        through="survey.AnswerChoice",
                        to="survey.choice",
                        verbose_name="choices",
                    ),
                ),
                migrations.CreateModel(
                    name="Question",
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
                            "order",
                            models.PositiveSmallIntegerField(default=0, verbose_name="order"),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("single", "Single choice"),
                                    ("multiple", "Multiple choice"),
                                    ("scale", "Scale from 1 to 5"),
                                    ("number", "Whole number"),
                                    ("short_text", "Short text"),
                                    ("long_text", "Long text"),
                                ],
                                max_length=12,
                                verbose_name="kind",
                            ),
                        ),
                        ("text", models.CharField(max_length=300, verbose_name="question")),
                        (
                            "text_it",
                            models.CharField(max_length=300, null=True, verbose_name="question"),
                        ),
                        (
                            "text_en",
                            models.CharField(max_length=300, null=True, verbose_name="question"),
                        ),
                        (
                            "help_text",
                            models.CharField(blank=True, max_length=300, verbose_name="help text"),
                        ),
                        (
                            "help_text_it",
                            models.CharField(
                                blank=True, max_length=300, null=True, verbose_name="help text"
                            ),
                        ),
                        (
                            "help_text_en",
                            models.CharField(
                                blank=True, max_length=300, null=True, verbose_name="help text"
                            ),
                        ),
                        ("required", models.BooleanField(default=True, verbose_name="required")),
                        (
                            "min_value",
                            models.IntegerField(
                                blank=True,
                                help_text="Numbers only: the smallest accepted.",
                                null=True,
                                verbose_name="minimum",
                            ),
                        ),
                        (
                            "max_value",
                            models.IntegerField(
                                blank=True,
                                help_text="Numbers only: the largest accepted.",
                                null=True,
                                verbose_name="maximum",
                            ),
                        ),
                        (
                            "condition",
                            models.ForeignKey(
                                blank=True,
                                help_text="A choice of an earlier single-choice question of the same campaign.",
                                null=True,
                                on_delete=django.db.models.deletion.RESTRICT,
                                related_name="dependent_questions",
                                to="survey.choice",
                                verbose_name="shown only if the answer is",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "question",
                        "verbose_name_plural": "questions",
                        "db_table": "directory_question",
                        "ordering": ("order", "pk"),
                    },
                ),
                migrations.AddField(
                    model_name="choice",
                    name="question",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="choices",
                        to="survey.question",
                        verbose_name="question",
                    ),
                ),
                migrations.AddField(
                    model_name="answer",
                    name="question",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.RESTRICT,
                        related_name="answers",
                        to="survey.question",
                        verbose_name="question",
                    ),
                ),
                migrations.CreateModel(
                    name="Section",
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
                            "order",
                            models.PositiveSmallIntegerField(default=0, verbose_name="order"),
                        ),
                        ("title", models.CharField(max_length=200, verbose_name="title")),
                        (
                            "title_it",
                            models.CharField(max_length=200, null=True, verbose_name="title"),
                        ),
                        (
                            "title_en",
                            models.CharField(max_length=200, null=True, verbose_name="title"),
                        ),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "description_it",
                            models.TextField(blank=True, null=True, verbose_name="description"),
                        ),
                        (
                            "description_en",
                            models.TextField(blank=True, null=True, verbose_name="description"),
                        ),
                        (
                            "campaign",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="sections",
                                to="survey.campaign",
                                verbose_name="campaign",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "section",
                        "verbose_name_plural": "sections",
                        "db_table": "directory_section",
                        "ordering": ("order", "pk"),
                    },
                ),
                migrations.AddField(
                    model_name="question",
                    name="section",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="questions",
                        to="survey.section",
                        verbose_name="section",
                    ),
                ),
                migrations.CreateModel(
                    name="SurveyInvitation",
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
                        ("email", models.EmailField(max_length=254, verbose_name="email address")),
                        (
                            "token_hash",
                            models.CharField(
                                editable=False,
                                max_length=64,
                                unique=True,
                                verbose_name="token hash",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="sent"
                            ),
                        ),
                        (
                            "organisation_name",
                            models.CharField(
                                blank=True,
                                help_text="For an organisation not in the directory.",
                                max_length=200,
                                verbose_name="organisation name",
                            ),
                        ),
                        (
                            "used_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="first answered"
                            ),
                        ),
                        (
                            "campaign",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="invitations",
                                to="survey.campaign",
                                verbose_name="campaign",
                            ),
                        ),
                        (
                            "invited_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="survey_invitations",
                                to="directory.organisation",
                                verbose_name="organisation",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "survey invitation",
                        "verbose_name_plural": "survey invitations",
                        "db_table": "directory_surveyinvitation",
                    },
                ),
                migrations.AddField(
                    model_name="answerset",
                    name="invitation",
                    field=models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="answer_set",
                        to="survey.surveyinvitation",
                        verbose_name="invitation",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="answerchoice",
                    constraint=models.UniqueConstraint(
                        fields=("answer", "choice"), name="survey_answer_choice_unique"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="choice",
                    constraint=models.UniqueConstraint(
                        fields=("question", "code"),
                        name="survey_choice_code_unique",
                        violation_error_message="Two choices of a question cannot share a code.",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="answer",
                    constraint=models.UniqueConstraint(
                        fields=("answer_set", "question"), name="survey_answer_one_per_question"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="question",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("min_value__isnull", True),
                            ("max_value__isnull", True),
                            ("min_value__lte", models.F("max_value")),
                            _connector="OR",
                        ),
                        name="survey_question_bounds_ordered",
                        violation_error_message="The minimum cannot be above the maximum.",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="surveyinvitation",
                    constraint=models.UniqueConstraint(
                        fields=("campaign", "email"),
                        name="survey_invitation_one_per_email",
                        violation_error_message="This address is already invited to this campaign.",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="surveyinvitation",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("organisation__isnull", False),
                            models.Q(("organisation_name", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="survey_invitation_names_organisation",
                        violation_error_message="Choose an organisation of the directory or type the name of one.",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="answerset",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(("organisation__isnull", False)),
                        fields=("campaign", "organisation"),
                        name="survey_answer_set_one_per_organisation",
                        violation_error_message="This organisation has already answered this campaign.",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="answerset",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("status", "draft"), ("submitted_at__isnull", False), _connector="OR"
                        ),
                        name="survey_answer_set_submitted_has_date",
                    ),
                ),
            ],
        ),
        migrations.RunPython(to_survey, to_directory),
    ]
