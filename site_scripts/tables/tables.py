"""Markdown tables generated from ``pycore/data`` for ``{{ table NAME [ARG] }}``.

Names and arguments:

- ``language_chart TEST``: every version of a test's score chart (``pycore.common.charts``), newest
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

Each family is its own module (``table_language``, ``table_crs``, ``table_rounds``,
``table_history``, ``table_sources``, and ``category_tables``, ``changes_ahead``,
``source_dates``); this module gathers their names and the registry (``table_base``).
"""

from __future__ import annotations

from site_scripts.tables.data_values import data_files
from site_scripts.tables.table_base import (
    TABLES,
    Html,
    block,
    cell,
    cell_text,
    cite,
    markdown_table,
    register,
    render,
    stacked_table,
)
from site_scripts.tables.table_crs import CRS_SECTIONS, crs, crs_row
from site_scripts.tables.table_history import display, shown, timeline, timeline_entries
from site_scripts.tables.table_language import (
    ABILITY_TITLES,
    ability_title,
    chart_effective,
    chart_heading,
    is_data_start,
    language_chart,
)
from site_scripts.tables.table_rounds import categories, draws_table
from site_scripts.tables.table_sources import (
    GROUP_TITLES,
    choice_label,
    choices,
    find_choices,
    sources_all,
)

__all__ = [
    "ABILITY_TITLES",
    "CRS_SECTIONS",
    "GROUP_TITLES",
    "TABLES",
    "Html",
    "ability_title",
    "block",
    "categories",
    "cell",
    "cell_text",
    "chart_effective",
    "chart_heading",
    "choice_label",
    "choices",
    "cite",
    "crs",
    "crs_row",
    "data_files",
    "display",
    "draws_table",
    "find_choices",
    "is_data_start",
    "language_chart",
    "markdown_table",
    "register",
    "render",
    "shown",
    "sources_all",
    "stacked_table",
    "timeline",
    "timeline_entries",
]
