"""The survey's models leave the directory app for their own, `survey`: removed
from the directory's state only. Their tables stay where they are (the `survey`
models name them with `db_table`); `survey`'s first migration takes them over
and relabels their content types, so permissions and history follow."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("directory", "0031_core_models_to_creativecities")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name="answerchoice",
                    name="answer",
                ),
                migrations.RemoveField(
                    model_name="answerchoice",
                    name="choice",
                ),
                migrations.RemoveField(
                    model_name="answerset",
                    name="campaign",
                ),
                migrations.RemoveField(
                    model_name="answerset",
                    name="invitation",
                ),
                migrations.RemoveField(
                    model_name="answerset",
                    name="municipality",
                ),
                migrations.RemoveField(
                    model_name="answerset",
                    name="organisation",
                ),
                migrations.RemoveField(
                    model_name="answerset",
                    name="sector",
                ),
                migrations.RemoveField(
                    model_name="answerset",
                    name="submitted_by",
                ),
                migrations.RemoveField(
                    model_name="section",
                    name="campaign",
                ),
                migrations.RemoveField(
                    model_name="surveyinvitation",
                    name="campaign",
                ),
                migrations.RemoveField(
                    model_name="choice",
                    name="question",
                ),
                migrations.RemoveField(
                    model_name="question",
                    name="condition",
                ),
                migrations.RemoveField(
                    model_name="question",
                    name="section",
                ),
                migrations.RemoveField(
                    model_name="surveyinvitation",
                    name="invited_by",
                ),
                migrations.RemoveField(
                    model_name="surveyinvitation",
                    name="organisation",
                ),
                migrations.DeleteModel(
                    name="Answer",
                ),
                migrations.DeleteModel(
                    name="AnswerChoice",
                ),
                migrations.DeleteModel(
                    name="AnswerSet",
                ),
                migrations.DeleteModel(
                    name="Campaign",
                ),
                migrations.DeleteModel(
                    name="Choice",
                ),
                migrations.DeleteModel(
                    name="Question",
                ),
                migrations.DeleteModel(
                    name="Section",
                ),
                migrations.DeleteModel(
                    name="SurveyInvitation",
                ),
            ],
        )
    ]
