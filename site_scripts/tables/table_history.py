"""``{{ table timeline }}``: every dated rule change in the data, newest first."""

from __future__ import annotations

from datetime import date
from typing import Any

from pycore.common.parameters import load, parameters
from site_scripts.tables.data_values import data_files
from site_scripts.tables.formatting import quantity, reader_value, series
from site_scripts.tables.table_base import block, cite, register, stacked_table
from site_scripts.tables.table_language import is_data_start
from site_scripts.tables.words import Html as WordsHtml
from site_scripts.tables.words import data_text, inert, say


def display(value: Any) -> str:
    """A value for the timeline: test ids become test names (``pte_core`` -> PTE Core); a
    list of tables becomes "0: Management occupations; 1: ..." (never a Python repr)."""
    from pycore.common import charts

    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return "; ".join(": ".join(display(field) for field in row.values()) for row in value)
    if isinstance(value, dict):
        return ": ".join(display(field) for field in value.values())
    if isinstance(value, list) and value and all(v in charts.TESTS for v in value):
        return series([inert(charts.versions(v)[0].name) for v in value], "and")
    return reader_value(value)


def shown(value: Any, unit: str) -> str:
    """A timeline value with its unit where it is a number: "1,560 hours", "CLB/NCLC 7"; a
    level by TEER category: "CLB/NCLC 7 (TEER 0 or 1); CLB/NCLC 5 (TEER 2 or 3)" (inert)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return inert(quantity(value, unit))
    if isinstance(value, list) and value and all(_by_teer(item) for item in value):
        return "; ".join(
            say(
                "{level} (TEER {teers})",
                level=inert(quantity(i["level"], unit)),
                teers=series([reader_value(t) for t in i["teers"]]),
            )
            for i in value
        )
    return display(value)


def _by_teer(item: Any) -> bool:
    """Whether ``item`` is one entry of a value given by TEER category (``{teers, level}``)."""
    return isinstance(item, dict) and set(item) == {"teers", "level"}


def timeline_entries() -> list[tuple[date, str, tuple[str, ...]]]:
    """(date, what changed, references) from every dated value, chart and listed change.

    Left out: parameters marked ``timeline = false`` and first values that only mark
    where the data begins (see ``is_data_start``).
    """
    from pycore.common import charts

    entries: list[tuple[date, str, tuple[str, ...]]] = []
    for file in data_files():
        if file == "sources" or file.startswith("charts/"):
            continue
        raw = load(file)
        for param in parameters(file):
            if raw[param.name.split(".", 1)[1]].get("timeline", True) is False:
                continue
            previous: Any = None
            for position, item in enumerate(param.values):
                if position == 0 and is_data_start(item.note):
                    previous = item.value
                    continue
                text = say(
                    "{label}: {value}",
                    label=data_text(param.description),
                    value=shown(item.value, param.unit),
                )
                if position > 0 and previous != item.value:
                    text += " " + say("(was {value})", value=shown(previous, param.unit))
                if item.note:
                    text += f". {data_text(item.note)}"
                entries.append((item.effective, WordsHtml(text), item.references))
                previous = item.value
    for change in load("express_entry").get("changes", []):
        entries.append((change["date"], data_text(change["title"]), tuple(change["references"])))
    for test_id in charts.TESTS:
        versions = sorted(charts.versions(test_id), key=lambda c: c.effective)
        for position, chart in enumerate(versions):
            if position == 0 and is_data_start(chart.note):
                continue
            entries.append(
                (
                    chart.effective,
                    WordsHtml(
                        say(
                            "{test}: new score chart for tests taken from this date",
                            test=inert(chart.name),
                        )
                    ),
                    tuple(chart.references),
                )
            )
    return sorted(entries, key=lambda e: e[0], reverse=True)


def timeline() -> str:
    """Every dated change, newest first."""
    body = [[day, text, cite(refs)] for day, text, refs in timeline_entries()]
    header = [say("Date"), say("Change"), say("Sources")]
    return block(stacked_table(header, body, [None, None, say("Sources")]))


register("timeline", False, timeline)
