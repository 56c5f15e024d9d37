"""Markdown tables generated from ``pycore/data`` for ``{{ table NAME [ARG] }}``.

Names and arguments:

- ``language_chart TEST``: every version of a test's score chart (``pycore.charts``), newest
  first, each with its effective date (TEF Canada: both scales).
- ``crs core|spouse|transferability|additional``: the CRS grid sections of ``crs.toml``;
  ``crs summary``: each factor group with its maximum.
- ``draws cec|general|category``: rounds of invitations from ``draws.toml``, newest first.
- ``categories 2025|2026``: the category list of a year from ``categories.toml``.
- ``timeline``: dated rule changes from every data file, newest first.
- ``sources all``: every reference in ``sources.toml``, grouped by reliability.
- ``choices``: every value with a recorded ``choice`` (a doubt and the reading taken).

Tables with long text in several columns (timeline, categories, named draws, choices) are
emitted as HTML inside ``<div class="cec-stack">`` so that each cell carries its column name
(``data-label``): on phones ``extra.css`` shows every row as a small card instead of a table
squeezed to a few words per line.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from pycore.parameters import Source, load, parameter, parameters, source, sources
from site_scripts import draws
from site_scripts.data_values import data_files
from site_scripts.formatting import long_date, quantity, reader_value, series
from site_scripts.words import Html as WordsHtml
from site_scripts.words import data_text, say

ABILITY_TITLES = {
    "reading": "Reading",
    "writing": "Writing",
    "listening": "Listening",
    "speaking": "Speaking",
}


def ability_title(ability: str) -> str:
    """An ability's column title in the page's language."""
    return say(ABILITY_TITLES[ability])


def cell_text(value: Any) -> str:
    """A value formatted for readers on one line."""
    if isinstance(value, WordsHtml):
        return str(value).replace("\n", " ")
    shown = long_date(value) if isinstance(value, date) else reader_value(value)
    return shown.replace("\n", " ")


def cell(value: Any) -> str:
    """A pipe-table cell: the value's text with pipes escaped."""
    return cell_text(value).replace("|", "\\|")


def markdown_table(header: Sequence[str], body: Sequence[Sequence[Any]]) -> str:
    """A pipe table; numbers right-aligned."""
    numeric = [
        bool(body) and all(isinstance(row[i], int | float) for row in body)
        for i in range(len(header))
    ]
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---:" if n else "---" for n in numeric) + "|",
    ]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in body]
    return "\n".join(lines)


class Html(WordsHtml):
    """Text that is already HTML (citation links): a stacked table keeps it as it is."""


def cite(ids: Sequence[str]) -> Html:
    """Numbered links to references, titled with the source title (inline HTML: titles hold
    quotes and parentheses that a Markdown link title cannot)."""
    return Html(" ".join(
        f'<a href="{html.escape(ref.url)}" title="{html.escape(ref.title)}">{index}</a>'
        for index, ref in enumerate((source(i) for i in ids), start=1)
    ))


def stacked_table(
    header: Sequence[str], body: Sequence[Sequence[Any]], labels: Sequence[str | None] = ()
) -> str:
    """An HTML table that ``extra.css`` turns into one card per row on narrow screens.

    ``labels`` gives the name shown before each cell in a card (default: the column name,
    none for the first column, which heads the card). Every element carries
    ``markdown="1"`` so md_in_html still renders inline Markdown and abbreviation
    tooltips in the cells. Explicit ARIA roles keep the table a table for screen readers
    when the cards change its CSS display; header cells get none, because Material styles
    ``th[role=columnheader]`` as a sortable column. Numbers are right-aligned.
    """
    shown = list(labels) or [None, *header[1:]]
    if len(shown) != len(header):
        raise ValueError("one label (or None) per column")
    numeric = [
        bool(body) and all(isinstance(row[i], int | float) for row in body)
        for i in range(len(header))
    ]

    def number_class(index: int) -> str:
        return ' class="cec-number"' if numeric[index] else ""

    def td(index: int, value: Any) -> str:
        attrs = f' role="cell"{number_class(index)} markdown="1"'
        label = shown[index]
        if label:
            attrs += f' data-label="{html.escape(label)}"'
        shown_text = cell_text(value)
        raw = isinstance(value, WordsHtml)
        content = str(value) if raw else html.escape(shown_text, quote=False)
        return f"<td{attrs}>{content}</td>"

    heads = "".join(
        f'<th scope="col"{number_class(i)}>{html.escape(name)}</th>'
        for i, name in enumerate(header)
    )
    rows = [
        '<tr role="row" markdown="1">' + "".join(td(i, v) for i, v in enumerate(row)) + "</tr>"
        for row in body
    ]
    return "\n".join([
        '<div class="cec-stack" markdown="1">',
        '<table role="table" markdown="1">',
        '<thead role="rowgroup" markdown="1">',
        f'<tr role="row" markdown="1">{heads}</tr>',
        "</thead>",
        '<tbody role="rowgroup" markdown="1">',
        *rows,
        "</tbody>",
        "</table>",
        "</div>",
    ])


def block(*parts: str) -> str:
    """Markdown parts separated by blank lines, framed by blank lines."""
    return "\n\n" + "\n\n".join(p for p in parts if p) + "\n\n"


# --- language charts --------------------------------------------------------------------


def is_data_start(note: str) -> bool:
    """Whether a first value's note says it only marks where the data begins (not a change).

    Convention of the data files: such notes contain "the data starts on".
    """
    return "the data starts" in note.lower()


def chart_heading(chart: Any, next_effective: date | None) -> str:
    """"CELPIP-General, tests taken from ..." worded from the version's dates."""
    if next_effective is not None and is_data_start(chart.note):
        return say("{test}, tests taken before {date}", test=chart.name,
                   date=long_date(next_effective))
    if next_effective is not None:
        return say("{test}, tests taken from {start} to the day before {end}", test=chart.name,
                   start=long_date(chart.effective), end=long_date(next_effective))
    if is_data_start(chart.note):
        return say("{test}, current chart", test=chart.name)
    return say("{test}, tests taken from {date}", test=chart.name, date=long_date(chart.effective))


def chart_effective(test_id: str) -> date:
    """The date the newest chart version of ``test_id`` took effect."""
    from pycore import charts

    if test_id not in charts.TESTS:
        raise LookupError(f"unknown test {test_id!r}; known: {', '.join(charts.TESTS)}")
    return max(chart.effective for chart in charts.versions(test_id))


def language_chart(test_id: str) -> str:
    """Every version of one test's chart with the dates it applies to, newest first."""
    from pycore import charts  # the engine's module; imported late so other tables work alone

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
            say("{ability} {low} to {high}", ability=ability_title(a).lower(),
                low=reader_value(chart.scale[a].min), high=reader_value(chart.scale[a].max))
            for a in chart.abilities
        )
        parts.append(
            f"**{chart_heading(chart, following)}.** "
            + say("Lowest score for each level (scores: {scale}). Sources: {sources}",
                  scale=scale, sources=cite(chart.references))
        )
        parts.append(markdown_table(header, body))
    return block(*parts)


# --- CRS ------------------------------------------------------------------------------------

CRS_SECTIONS = ("core", "spouse", "transferability", "additional")


def crs_row(row: dict[str, Any], on: date) -> list[Any]:
    """A grid row as shown: its label, then its points (a dated parameter's value on ``on``,
    the grid's date, for the additional points)."""
    if "parameter" in row:
        return [data_text(row["label"]), parameter("crs", row["parameter"]).value_at(on)]
    return [data_text(row["label"]), *row["points"]]


def crs(section: str) -> str:
    """One section of the CRS grid (sub-tables with titles), or the summary of maxima."""
    data = load("crs")
    if section == "summary":
        rows = data.get("summary")
        if not isinstance(rows, list):
            raise LookupError("crs.toml has no [[summary]] rows")
        body = [[data_text(row["group"]), row["with_spouse"], row["without_spouse"]]
                for row in rows]
        header = [say("Factor group"), say("Maximum with a spouse"), say("Maximum without")]
        table = markdown_table(header, body)
        return block(table, grid_note(data))
    if section not in CRS_SECTIONS:
        raise LookupError(f"crs section must be one of {', '.join(CRS_SECTIONS)} or summary")
    parts: list[str] = []
    for sub in data[section]:
        title = f"**{data_text(sub['title'])}**"
        if sub.get("note"):
            title += f" {data_text(sub['note'])}"
        body = [crs_row(row, data["effective"]) for row in sub["rows"]]
        parts += [title, markdown_table([data_text(c) for c in sub["columns"]], body)]
    parts.append(grid_note(data))
    return block(*parts)


def grid_note(data: dict[str, Any]) -> str:
    """The grid's date and sources, under each CRS table."""
    return say("Grid in force from {date}. Sources: {sources}",
               date=long_date(data["effective"]), sources=cite(data["references"]))


# --- draws ----------------------------------------------------------------------------------


def draws_table(program: str) -> str:
    """Rounds of invitations for ``program``, newest first, with the data set's end date."""
    data = load("draws")
    found = list(reversed(draws.rows(program)))
    named = any("name" in row for row in found)
    header = [say("Date"), say("Draw") if named else say("Number"), say("Invitations"),
              say("Lowest score invited")]
    body = [
        [row["date"], data_text(row["name"]) if "name" in row else row.get("number", ""),
         row["invitations"], row["cutoff"]]
        for row in found
    ]
    note = say("Data up to {date}. Sources: {sources}", date=long_date(data["data_until"]),
               sources=cite(data["references"]))
    # Named draws (long category names) read better as cards on phones.
    table = stacked_table(header, body) if named else markdown_table(header, body)
    return block(table, note)


# --- categories -----------------------------------------------------------------------------


def categories(year: str) -> str:
    """The categories of one year: name, status, priority and the sources for each."""
    data = load("categories")
    key = f"y{year}"
    if key not in data:
        raise LookupError(f"no categories for {year!r} in categories.toml")
    entry = data[key]
    body = [
        [
            data_text(item["name"]),
            data_text(item["status"]),
            data_text(item.get("note", "")),
            cite(item["references"]),
        ]
        for item in entry["categories"]
    ]
    table = stacked_table([say("Category"), say("Status"), say("Notes"), say("Sources")], body)
    intro = (say("Announced {date}.", date=long_date(entry["announced"])) + " "
             + data_text(entry.get("note", ""))).strip()
    return block(intro, table)


# --- timeline -------------------------------------------------------------------------------


def display(value: Any) -> str:
    """A value for the timeline: test ids become test names (``pte_core`` -> PTE Core); a
    list of tables becomes "0: Management occupations; 1: ..." (never a Python repr)."""
    from pycore import charts

    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return "; ".join(": ".join(display(field) for field in row.values()) for row in value)
    if isinstance(value, dict):
        return ": ".join(display(field) for field in value.values())
    if isinstance(value, list) and value and all(v in charts.TESTS for v in value):
        return series([charts.versions(v)[0].name for v in value], "and")
    return reader_value(value)


def shown(value: Any, unit: str) -> str:
    """A timeline value with its unit where it is a number: "1,560 hours", "CLB/NCLC 7"."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return quantity(value, unit)
    return display(value)


def timeline_entries() -> list[tuple[date, str, tuple[str, ...]]]:
    """(date, what changed, references) from every dated value, chart and listed change.

    Left out: parameters marked ``timeline = false`` and first values that only mark
    where the data begins (see ``is_data_start``).
    """
    from pycore import charts

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
                text = f"{data_text(param.description)}: {shown(item.value, param.unit)}"
                if position > 0 and previous != item.value:
                    text += " " + say("(was {value})", value=shown(previous, param.unit))
                if item.note:
                    text += f". {data_text(item.note)}"
                text = WordsHtml(text) if "<span" in text else text
                entries.append((item.effective, text, item.references))
                previous = item.value
    for change in load("express_entry").get("changes", []):
        entries.append((change["date"], data_text(change["title"]), tuple(change["references"])))
    for test_id in charts.TESTS:
        versions = sorted(charts.versions(test_id), key=lambda c: c.effective)
        for position, chart in enumerate(versions):
            if position == 0 and is_data_start(chart.note):
                continue
            entries.append((chart.effective, say("{test}: new score chart for tests taken from "
                            "this date", test=chart.name), tuple(chart.references)))
    return sorted(entries, key=lambda e: e[0], reverse=True)


def timeline() -> str:
    """Every dated change, newest first."""
    body = [[day, text, cite(refs)] for day, text, refs in timeline_entries()]
    header = [say("Date"), say("Change"), say("Sources")]
    return block(stacked_table(header, body, [None, None, say("Sources")]))


# --- sources and choices ------------------------------------------------------------------

GROUP_TITLES = {
    "O": "Official texts",
    "O*": "Official content read through a verbatim copy",
    "T": "Third-party sources (used only where no official text was found)",
}


def sources_all() -> str:
    """Every reference, grouped by reliability, each with its link and note."""
    parts: list[str] = []
    from site_scripts.sources_section import english_title, localized

    for grade, title in GROUP_TITLES.items():
        refs: list[Source] = [ref for ref in sources() if ref.reliability == grade]
        if not refs:
            continue
        items = []
        for ref in refs:
            shown_title, url, english = localized(ref)
            mark = f" *({say('in English')})*" if english else ""
            shown_title = english_title(shown_title) if english else shown_title
            items.append(f"- [{shown_title}]({url}){mark}"
                         + (f": {data_text(ref.note)}" if ref.note else ""))
        parts += [f"### {say(title)}", "\n".join(items)]
    return block(*parts)


def find_choices(node: Any, path: str) -> list[tuple[str, dict[str, Any]]]:
    """Every table below ``node`` that records a ``choice``, with its dotted path."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        if "choice" in node and isinstance(node["choice"], str):
            found.append((path, node))
        for key, child in node.items():
            found += find_choices(child, f"{path}.{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += find_choices(child, f"{path}[{index}]")
    return found


def choice_label(file: str, path: str, node: dict[str, Any]) -> str:
    """What a choice is about: the parameter's description, or the chart version's name."""
    if "description" in node:
        return data_text(str(node["description"]))
    if file.startswith("charts/") and "effective" in node:
        return say("{test} chart for tests taken from {date}", test=load(file)["name"],
                   date=long_date(node["effective"]))
    return path


def choices() -> str:
    """Each recorded doubt and the reading taken, with the value's references."""
    body = []
    for file in data_files():
        for path, node in find_choices(load(file), file):
            refs = sorted({r for v in node.get("values", []) for r in v.get("references", [])}
                          | set(node.get("references", [])))
            body.append([choice_label(file, path, node), data_text(node["choice"]), cite(refs)])
    if not body:
        raise LookupError("no data value records a choice")
    header = [say("Value"), say("Doubt and reading chosen"), say("Sources")]
    return block(stacked_table(header, body, [None, None, say("Sources")]))


TABLES: dict[str, Callable[[str | None], str]] = {}


def register(name: str, needs_arg: bool, func: Callable[..., str]) -> None:
    """Add a table; ``needs_arg`` says whether it takes one argument."""

    def call(arg: str | None) -> str:
        if needs_arg != (arg is not None):
            raise LookupError(f"table {name!r} takes {'one argument' if needs_arg else 'none'}")
        return func(arg) if needs_arg else func()

    TABLES[name] = call


register("language_chart", True, language_chart)
register("crs", True, crs)
register("draws", True, draws_table)
register("categories", True, categories)
register("timeline", False, timeline)
register("choices", False, choices)
TABLES["sources"] = lambda arg: sources_all() if arg == "all" else _bad("sources", arg)


def _bad(name: str, arg: str | None) -> str:
    raise LookupError(f"table {name!r} does not take {arg!r}")


def render(name: str, arg: str | None, reviewed: date) -> str:
    """The Markdown for ``{{ table name arg }}``; LookupError for an unknown table."""
    if name not in TABLES:
        raise LookupError(f"unknown table {name!r}; known: {series(sorted(TABLES), 'and')}")
    return TABLES[name](arg)
