"""Everything the survey adds to the portal's core, in one place (`plug`, called
from `SurveyConfig.ready()`), so that the directory and the core never import
the survey:

- its workflows: an answer set's submission and reopening
  (`services.ANSWER_SET_WORKFLOW`), the results' publication and withdrawal
  (`publishing.RESULTS_WORKFLOW`);
- its demo data (`survey.demo`) to `load_demo_data`;
- a link to the results on the desk's workbench, for those who may read them;
- the section of published results on the cluster page;
- a member's submitted answers in their personal data download;
- the retention rule of anonymous answer sets never submitted.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from creativecities.demo.loaders import register_demo_loader
from creativecities.panels.pages import register_cluster_panel
from creativecities.panels.personal_data import Row, register_personal_data
from creativecities.panels.workbench import LINKS, WorkbenchEntry, register_workbench
from creativecities.retention import months_ago, register_retention
from creativecities.workflow import register_workflow
from directory.models import User
from survey import page_cache, publishing, services
from survey.demo import survey_demo
from survey.models import Answer, AnswerSet
from survey.results_views import published_on_cluster_page


def results_link(request: HttpRequest) -> list[WorkbenchEntry]:
    """The desk's results pages, for those who hold the results permission."""
    if not request.user.has_perm(publishing.PERMISSION):
        return []
    return [
        WorkbenchEntry(
            group=LINKS, label=_("Survey results"), url=reverse("survey_results_admin:index")
        )
    ]


def cluster_panel(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    """The newest published campaigns with a few key figures (cached)."""
    published = published_on_cluster_page()
    if not published:
        return None
    return "survey/cluster_panel.html", {"published": published}


def answers_of(user: User) -> list[Row]:
    """The answers of the sets this person submitted, one row per answer."""
    answers = (
        Answer.objects.filter(answer_set__submitted_by=user)
        .select_related("answer_set__campaign", "answer_set__organisation", "question", "choice")
        .prefetch_related("choices")
        .order_by("answer_set__submitted_at", "pk")
    )
    return [
        {
            "campaign": str(answer.answer_set.campaign),
            "organisation": str(answer.answer_set.organisation or ""),
            "submitted_at": answer.answer_set.submitted_at,
            "question": str(answer.question),
            "choice": str(answer.choice or ""),
            "choices": "; ".join(str(choice) for choice in answer.choices.all()),
            "number": answer.number,
            "text": answer.text,
        }
        for answer in answers
    ]


def anonymous_drafts_forget(now: datetime.datetime) -> int:
    """Anonymous answer sets never submitted, a retention period after their
    campaign closed: nobody can come back to them (the session is gone)."""
    cutoff = months_ago(now, settings.RETENTION_SURVEY_DRAFTS_MONTHS)
    deleted, _by_model = AnswerSet.objects.filter(
        origin=AnswerSet.Origin.ANONYMOUS,
        status=AnswerSet.Status.DRAFT,
        campaign__closes_at__lt=cutoff,
    ).delete()
    return deleted


def plug() -> None:
    register_workflow(services.ANSWER_SET_WORKFLOW)
    register_workflow(publishing.RESULTS_WORKFLOW)
    register_demo_loader(survey_demo)
    register_workbench(results_link)
    register_cluster_panel(cluster_panel)
    register_personal_data("survey_answers", label=_("Survey answers"), export=answers_of)
    register_retention("anonymous survey sessions deleted", anonymous_drafts_forget)
    # Page cache: the published results, the header's link, the cluster panel.
    page_cache.register()
