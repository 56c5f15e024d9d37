"""Shared pieces of the generated tables: cells, pipe and stacked tables, citations, and the
registry behind ``{{ table NAME [ARG] }}`` (the families register themselves on import:
``table_language``, ``table_crs``, ``table_rounds``, ``table_history``, ``table_sources``,
``category_tables``, ``changes_ahead``, ``source_dates``; ``tables`` imports them all)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from pycore.common.parameters import source
from site_scripts.tables.formatting import long_date, reader_value, series
from site_scripts.tables.words import Html as WordsHtml
from site_scripts.tables.words import href, inert


def cell_text(value: Any) -> str:
    """A value formatted for readers on one line, as page markup: ``Html`` is kept as it is
    (markup the renderers built from inert parts); anything else is text, shown as itself."""
    if isinstance(value, WordsHtml):
        return str(value).replace("\n", " ")
    return inert(long_date(value)) if isinstance(value, date) else reader_value(value)


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
        "| " + " | ".join(cell(name) for name in header) + " |",
        "|" + "|".join("---:" if n else "---" for n in numeric) + "|",
    ]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in body]
    return "\n".join(lines)


class Html(WordsHtml):
    """Text that is already HTML (citation links): a stacked table keeps it as it is."""


def cite(ids: Sequence[str]) -> Html:
    """Numbered links to references, titled with the source title (inline HTML: titles hold
    quotes and parentheses that a Markdown link title cannot)."""
    return Html(
        " ".join(
            f'<a href="{href(ref.url)}" title="{inert(ref.title)}">{index}</a>'
            for index, ref in enumerate((source(i) for i in ids), start=1)
        )
    )


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
        return f"<td{attrs}>{cell_text(value)}</td>"

    heads = "".join(
        f'<th scope="col"{number_class(i)}>{cell_text(name)}</th>' for i, name in enumerate(header)
    )
    rows = [
        '<tr role="row" markdown="1">' + "".join(td(i, v) for i, v in enumerate(row)) + "</tr>"
        for row in body
    ]
    return "\n".join(
        [
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
        ]
    )


def block(*parts: str) -> str:
    """Markdown parts separated by blank lines, framed by blank lines."""
    return "\n\n" + "\n\n".join(p for p in parts if p) + "\n\n"


TABLES: dict[str, Callable[[str | None], str]] = {}


def register(name: str, needs_arg: bool, func: Callable[..., str]) -> None:
    """Add a table; ``needs_arg`` says whether it takes one argument."""

    def call(arg: str | None) -> str:
        if needs_arg != (arg is not None):
            raise LookupError(f"table {name!r} takes {'one argument' if needs_arg else 'none'}")
        return func(arg) if needs_arg else func()

    TABLES[name] = call


def _bad(name: str, arg: str | None) -> str:
    raise LookupError(f"table {name!r} does not take {arg!r}")


def render(name: str, arg: str | None, reviewed: date) -> str:
    """The Markdown for ``{{ table name arg }}``; LookupError for an unknown table."""
    if name not in TABLES:
        raise LookupError(f"unknown table {name!r}; known: {series(sorted(TABLES), 'and')}")
    return TABLES[name](arg)
