"""An indicator's progress as the plan's pages show it, written in Python.

A plan page lists every indicator of every action (two hundred at a version's
first rendering in the benchmark); drawn through an include with its eight
translated sentences each, they took most of the page's time.
"""

from __future__ import annotations

import functools
from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from actionplan.progress import State
from creativecities import formatting
from directory.templatetags.portal import lang_attr

register = template.Library()


def _ratio(value: Any, maximum: float, width: int) -> str:
    """What `{% widthratio value maximum width %}` writes."""
    return str(round(float(value) / maximum * width))


@functools.lru_cache(maxsize=4096)
def _number(value: Any, language: str | None) -> str:
    """`value|number` (the language's separators), escaped; the same values
    recur across a plan's indicators (baselines, targets), as do dates."""
    return escape(formatting.number(value))


@functools.lru_cache(maxsize=4096)
def _date(value: Any, language: str | None) -> str:
    return escape(formatting.day(value))


@functools.lru_cache(maxsize=8)
def _texts(language: str | None) -> dict[str, str]:
    """The sentences in `language`, translated once rather than for each indicator."""
    return {
        "no_target": gettext("No target set yet."),
        "no_value": gettext("No value measured yet."),
        "percent": gettext("%(percent)s of the way to the target."),
        "latest": gettext("Latest value %(value)s, measured on %(date)s."),
        "baseline": gettext("Baseline %(baseline)s."),
        "target_by": gettext("Target %(target)s by %(date)s."),
        "target": gettext("Target %(target)s."),
        "behind": gettext("Behind schedule."),
        "reached": gettext("Target reached."),
    }


@register.simple_tag
def indicator_progress(indicator: Any) -> SafeString:
    """An indicator's name, a bar drawn to its progress (with a mark where it
    should be by now) and the same facts as text; with no value yet, it says so.
    Its name and unit are marked with their language."""
    progress, latest = indicator.progress, indicator.latest
    language = lang_attr(indicator)
    language = f" {language}" if language else ""
    unit = (
        f' <span class="text-muted">(<span{language}>{escape(indicator.unit)}</span>)</span>'
        if indicator.unit
        else ""
    )
    bar = ""
    if progress.percent is not None:
        expected = (
            f'<line class="plan-progress-expected" x1="{_ratio(progress.expected, 1, 200)}"'
            f' x2="{_ratio(progress.expected, 1, 200)}" y1="0" y2="14" />'
            if progress.expected is not None
            else ""
        )
        bar = (
            '<svg class="plan-progress" viewBox="0 0 200 14" width="200" height="14"'
            ' aria-hidden="true" focusable="false">'
            '<rect class="plan-progress-track" x="0" y="0" width="200" height="14" rx="3" />'
            f'<rect class="plan-progress-bar plan-progress-{escape(progress.state)}" x="0" y="0"'
            f' width="{_ratio(progress.percent, 100, 200)}" height="14" rx="3" />'
            f"{expected}</svg>"
        )
    language_code = get_language()
    texts = _texts(language_code)
    facts = []
    if progress.state == State.NO_TARGET:
        facts.append(texts["no_target"])
    elif progress.percent is None:
        facts.append(texts["no_value"])
    else:
        facts.append(texts["percent"] % {"percent": formatting.percent(progress.percent)})
    if latest:
        facts.append(
            texts["latest"]
            % {
                "value": _number(latest.value, language_code),
                "date": _date(latest.measured_on, language_code),
            }
        )
    facts.append(texts["baseline"] % {"baseline": _number(indicator.baseline, language_code)})
    if indicator.target is not None:
        target = _number(indicator.target, language_code)
        if indicator.target_date:
            date = _date(indicator.target_date, language_code)
            facts.append(texts["target_by"] % {"target": target, "date": date})
        else:
            facts.append(texts["target"] % {"target": target})
    # As `{% blocktranslate %}` writes them: the values escaped, the translations
    # (the portal's own catalogue) as they are.
    text = " ".join(facts)
    if progress.state == State.BEHIND:
        text += f' <strong class="plan-behind">{texts["behind"]}</strong>'
    elif progress.state == State.REACHED:
        text += f" <strong>{texts['reached']}</strong>"
    return mark_safe(  # noqa: S308 (every value escaped above)
        f'<div class="plan-indicator"><p class="mb-1"><strong{language}>'
        f"{escape(indicator.name)}</strong>{unit}</p>{bar}"
        f'<p class="small mb-0">{text}</p></div>\n'
    )
