"""The survey's pages in the page cache (`creativecities.pagecache`): its
public results, and what it adds to other pages (the header's link while a
campaign is open, the cluster page's panel). Called once from
`survey/plugs.py`."""

from __future__ import annotations

from creativecities import pagecache

SURVEY = "survey"


def register() -> None:
    from survey.models import AnswerSet, Campaign, Choice, Question, Section

    # A campaign's dates decide the header's link on every page.
    pagecache.watch(Campaign, pagecache.SITE, SURVEY)
    for model in (Section, Question, Choice, AnswerSet):
        pagecache.watch(model, SURVEY)
    pagecache.cache_views(
        {
            "survey_results:public": (SURVEY,),
            "survey:list": (SURVEY,),
            "survey:campaign": (SURVEY,),
            "directory:cluster": (SURVEY,),
        }
    )
