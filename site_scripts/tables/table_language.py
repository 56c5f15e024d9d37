"""Language charts for ``{{ table language_chart TEST }}``: every version of a test's score
chart (``pycore.common.charts``), newest first, each with the dates it applies to."""

from __future__ import annotations

from datetime import date
from typing import Any

from site_scripts.tables.formatting import long_date, reader_value
from site_scripts.tables.table_base import block, cite, markdown_table, register
from site_scripts.tables.words import inert, say

ABILITY_TITLES = {
    "reading": "Reading",
    "writing": "Writing",
    "listening": "Listening",
    "speaking": "Speaking",
}


def ability_title(ability: str) -> str:
    """An ability's column title in the page's language."""
    return say(ABILITY_TITLES[ability])


def is_data_start(note: str) -> bool:
    """Whether a first value's note says it only marks where the data begins (not a change).

    Convention of the data files: such notes contain "the data starts on".
    """
    return "the data starts" in note.lower()


def chart_heading(chart: Any, next_effective: date | None) -> str:
    """ "CELPIP-General, tests taken from ..." worded from the version's dates."""
    if next_effective is not None and is_data_start(chart.note):
        return say(
            "{test}, tests taken before {date}",
            test=inert(chart.name),
            date=long_date(next_effective),
        )
    if next_effective is not None:
        return say(
            "{test}, tests taken from {start} to the day before {end}",
            test=inert(chart.name),
            start=long_date(chart.effective),
            end=long_date(next_effective),
        )
    if is_data_start(chart.note):
        return say("{test}, current chart", test=inert(chart.name))
    return say(
        "{test}, tests taken from {date}", test=inert(chart.name), date=long_date(chart.effective)
    )


def chart_effective(test_id: str) -> date:
    """The date the newest chart version of ``test_id`` took effect."""
    from pycore.common import charts

    if test_id not in charts.TESTS:
        raise LookupError(f"unknown test {test_id!r}; known: {', '.join(charts.TESTS)}")
    return max(chart.effective for chart in charts.versions(test_id))


def language_chart(test_id: str) -> str:
    """Every version of one test's chart with the dates it applies to, newest first."""
    from pycore.common import (
        charts,  # the engine's module; imported late so other tables work alone
    )

    if test_id not in charts.TESTS:
        raise LookupError(f"unknown test {test_id!r}; known: {', '.join(charts.TESTS)}")
    ordered = sorted(charts.versions(test_id), key=lambda c: c.effective)
    parts: list[str] = []
    for index in reversed(range(len(ordered))):
        chart = ordered[index]
        following = ordered[index + 1].effective if index + 1 < len(ordered) else None
        header = [chart.level_name] + [ability_title(a) for a in chart.abilities]
        body = [[level] + [scores[a] for a in chart.abilities] for level, scores in chart.rows]
        scale = ", ".join(
            say(
                "{ability} {low} to {high}",
                ability=ability_title(a).lower(),
                low=reader_value(chart.scale[a].min),
                high=reader_value(chart.scale[a].max),
            )
            for a in chart.abilities
        )
        parts.append(
            f"**{chart_heading(chart, following)}.** "
            + say(
                "Lowest score for each level (scores: {scale}). Sources: {sources}",
                scale=scale,
                sources=cite(chart.references),
            )
        )
        parts.append(markdown_table(header, body))
    return block(*parts)


register("language_chart", True, language_chart)
