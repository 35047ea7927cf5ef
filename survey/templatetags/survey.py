"""The survey's template tags: whether the header links to it, and how a
published figure reads."""

import functools
import html
import re
from collections.abc import Sequence
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from creativecities import formatting
from survey import schedule

register = template.Library()

# Pages that may read the schedule from the database when the cache is cold.
QUERYING_PAGES = frozenset({"directory:home"})


@register.simple_tag(takes_context=True)
def survey_is_open(context: Any) -> bool:
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    view = match.view_name if match is not None else ""
    may_query = view in QUERYING_PAGES or view.startswith("survey:")
    return schedule.any_open(may_query=may_query)


def escape(value: Any) -> str:
    """`django.utils.html.escape` without its wrapper for lazy strings: these
    tags escape thousands of texts a page."""
    return html.escape(str(value))


@register.filter
def figure(value: Any) -> SafeString:
    """A figure of the results as published: its value when shown, else what it
    stands for ("fewer than 5", "hidden"). A filter rather than an include: a
    results page shows some two thousand figures."""
    if value is None:
        return mark_safe("")
    return mark_safe(_figure(value, _hidden_labels()))  # noqa: S308 (escaped in _figure)


def _hidden_labels() -> tuple[str, str]:
    """What a small and a hidden figure read, in the active language, as HTML."""
    return _labels_in(get_language())


@functools.lru_cache(maxsize=8)
def _labels_in(language: str | None) -> tuple[str, str]:
    return (
        f'<span class="survey-hidden" data-figure="small">{escape(gettext("fewer than 5"))}</span>',
        f'<span class="survey-hidden" data-figure="hidden">{escape(gettext("hidden"))}</span>',
    )


def _figure(value: Any, hidden: tuple[str, str]) -> str:
    if value.shown:
        # A small integer (most figures) needs neither separators nor decimals.
        shown = value.value
        if isinstance(shown, int) and -1000 < shown < 1000:
            return str(shown)
        return escape(formatting.number(shown))
    return hidden[0] if value.small else hidden[1]


@register.simple_tag
def results_chart(chart: dict[str, Any], number: int, title: str) -> SafeString:
    """A question's answers as a bar chart (`results.bar_chart`) beside a table of
    the same figures, their shares too; a count too small to show draws no bar
    and reads as such. The chart's ids begin with q and the question's
    `number`. Written in Python, as the breakdowns are: twenty of them a page."""
    hidden = _hidden_labels()
    ident, title = f"q{number}", escape(title)
    words = {"small": escape(gettext("fewer than 5")), "hidden": escape(gettext("hidden"))}
    drawing = "".join(
        f'<text class="portal-chart-label" x="{chart["label_end"]}" y="{bar["text_y"]}"'
        f' text-anchor="end">{escape(bar["short_label"])}</text>'
        f'<rect class="portal-chart-bar" x="{chart["bar_start"]}" y="{bar["y"]}"'
        f' width="{bar["length"]}" height="{chart["bar_height"]}" />'
        f'<text class="portal-chart-value" x="{bar["value_x"]}" y="{bar["text_y"]}">'
        + (
            _figure(bar["figure"], hidden)
            if bar["figure"].shown
            else words["small" if bar["figure"].small else "hidden"]
        )
        + "</text>\n"
        for bar in chart["bars"]
    )
    rows = "".join(
        f'<tr><th scope="row">{escape(bar["label"])}</th>'
        f'<td class="text-end">{_figure(bar["figure"], hidden)}</td>'
        '<td class="text-end">'
        + (escape(formatting.percent(bar["share"], 1)) if bar["share"] is not None else "–")
        + "</td></tr>\n"
        for bar in chart["bars"]
    )
    description = escape(gettext("Bar chart. The table below gives the same numbers."))
    return mark_safe(  # noqa: S308 (every text escaped above; the rest are numbers)
        f'<figure class="portal-figure" aria-labelledby="{ident}-caption">\n'
        # As `includes/chart.html`: a frame that scrolls on a phone, where the
        # chart keeps a width at which its labels stay legible.
        f'<div class="portal-chart-frame" role="region" tabindex="0"'
        f' aria-labelledby="{ident}-title">\n'
        f'<svg class="portal-chart" viewBox="0 0 {chart["width"]} {chart["height"]}"'
        f' width="{chart["width"]}" height="{chart["height"]}" role="img"'
        f' aria-labelledby="{ident}-title {ident}-desc">\n'
        f'<title id="{ident}-title">{title}</title>\n<desc id="{ident}-desc">{description}</desc>\n'
        f"{drawing}</svg>\n</div>\n"
        f'<figcaption id="{ident}-caption">{title}</figcaption>\n'
        f'<div class="table-responsive" role="region" aria-label="{title}" tabindex="0">\n'
        f'<table class="table table-sm">\n<caption class="visually-hidden">{title}</caption>\n'
        f'<thead><tr><th scope="col">{escape(gettext("Answer"))}</th>'
        f'<th scope="col" class="text-end">{escape(gettext("Organisations"))}</th>'
        f'<th scope="col" class="text-end">{escape(gettext("Share"))}</th></tr></thead>\n'
        f"<tbody>\n{rows}</tbody>\n</table>\n</div>\n</figure>"
    )


@register.simple_tag
def breakdown_tables(result: Any) -> SafeString:
    """A question's tables by sector, by kind and by size, each captioned
    "<question>, by <heading>", one after the other: a loop of the page's some
    sixty tables. The caption is escaped once, by the table."""
    caption = gettext("%(question)s, by %(heading)s")
    return mark_safe(  # noqa: S308 (each table escapes its texts)
        "\n".join(
            breakdown_table(
                breakdown,
                result.columns,
                caption % {"question": result.question.text, "heading": breakdown.heading},
            )
            for breakdown in result.breakdowns
        )
    )


def breakdown_table(breakdown: Any, columns: Sequence[Any], caption: str) -> SafeString:
    """A question's answers by sector, kind or size as a table: a row per level,
    a column per answer, with the totals. Written in Python: the public results
    page draws some sixty of them, two thousand figures, which through the
    template engine took most of the page's time."""
    hidden = _hidden_labels()
    grid = breakdown.grid()
    caption = escape(caption)
    head = "".join(f'<th scope="col" class="text-end">{escape(column)}</th>' for column in columns)
    rows = "".join(
        f'<tr><th scope="row">{escape(row["label"])}</th>'
        + "".join(f'<td class="text-end">{_figure(cell, hidden)}</td>' for cell in row["cells"])
        + f'<td class="text-end">{_figure(row["total"], hidden)}</td></tr>\n'
        for row in grid["rows"]
    )
    totals = "".join(
        f'<td class="text-end">{_figure(cell, hidden)}</td>' for cell in grid["totals"]
    )
    return mark_safe(  # noqa: S308 (every text escaped above)
        f'<div class="table-responsive" role="region" aria-label="{caption}" tabindex="0">\n'
        f'<table class="table table-sm">\n<caption>{caption}</caption>\n'
        f'<thead><tr><th scope="col">{escape(breakdown.heading)}</th>{head}'
        f'<th scope="col" class="text-end">{escape(gettext("Answered"))}</th></tr></thead>\n'
        f"<tbody>\n{rows}</tbody>\n"
        f'<tfoot><tr><th scope="row">{escape(gettext("All"))}</th>{totals}'
        f'<td class="text-end">{_figure(grid["grand_total"], hidden)}</td></tr></tfoot>\n'
        "</table>\n</div>"
    )


NEWLINES = re.compile(r"\r\n|\r")
# Joins the written answers (PostgreSQL's text never holds it).
SEPARATOR = "\x00"


@register.simple_tag
def text_items(texts: Sequence[str]) -> SafeString:
    """Written answers as list items, line breaks kept: `<li>{{ text|linebreaksbr }}</li>`
    for each, in Python, as the desk's results page lists thousands of them.

    Escaping and line breaks work character by character, so they are applied
    once to the answers joined by a character none of them holds (PostgreSQL's
    text never does): 0.5 ms for 8,000 answers, where a pass per answer took 10."""
    if not texts:
        return mark_safe("")
    joined = SEPARATOR.join(texts)
    if joined.count(SEPARATOR) != len(texts) - 1:
        items = (_lines(text) for text in texts)
        return mark_safe("".join(f"<li>{item}</li>" for item in items))  # noqa: S308 (escaped)
    return mark_safe(f"<li>{_lines(joined).replace(SEPARATOR, '</li><li>')}</li>")  # noqa: S308


def _lines(text: str) -> str:
    """The text escaped, each line break (CR LF, CR or LF) a `<br>`."""
    return escape(NEWLINES.sub("\n", text)).replace("\n", "<br>")
