"""The build hook that fills guide pages from pycore/data (site_scripts/hooks/placeholders.py)."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from pycore.common import charts, messages
from pycore.common.parameters import load, parameter, parameters, source, sources
from site_scripts.hooks import placeholders
from site_scripts.tables import tables
from site_scripts.tables.formatting import long_date, quantity, reader_value

REVIEWED = date(2026, 11, 21)


def expand(text: str, day: date = REVIEWED) -> str:
    """Expand ``text`` as the hook does for a page reviewed on ``day``."""
    return placeholders.expand(text, day, "test.md")


def markdown_tables(text: str) -> list[list[list[str]]]:
    """Every pipe table in ``text`` as rows of stripped cells, header and separator dropped."""
    found: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            current.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif current:
            found.append(current[2:])
            current = []
    return found


class CellReader(HTMLParser):
    """Body cells of the HTML tables in a text: their text and their ``data-label``."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[tuple[str, str | None]]]] = []
        self.in_body = False
        self.cell: list[str] | None = None
        self.label: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tbody":
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.tables[-1].append([])
        elif tag == "td" and self.in_body:
            self.cell, self.label = [], dict(attrs).get("data-label")

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self.in_body = False
        elif tag == "td" and self.cell is not None:
            self.tables[-1][-1].append((html.unescape("".join(self.cell)).strip(), self.label))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def stacked_cells(text: str) -> list[list[list[tuple[str, str | None]]]]:
    """Every stacked (HTML) table in ``text`` as rows of (cell text, data-label) pairs."""
    assert text.count('<div class="cec-stack" markdown="1">') == text.count("<table")
    reader = CellReader()
    reader.feed(text)
    return reader.tables


def stacked_tables(text: str) -> list[list[list[str]]]:
    """Every stacked (HTML) table in ``text`` as rows of cell texts, header dropped."""
    return [[[value for value, _ in row] for row in table] for table in stacked_cells(text)]


def test_value_is_the_one_in_force_on_the_review_date_formatted() -> None:
    """`value` gives the value in force on the review date, with thousands separators."""
    hours = parameter("work_experience", "hours_required")
    expected = reader_value(hours.value_at(REVIEWED))
    assert expand("{{ value work_experience.hours_required }}") == expected
    assert "," in expected  # 1,560: readers' format, not 1560


def test_value_follows_the_review_date_across_a_change() -> None:
    """A value that changed shows the old value the day before and the new one on the day."""
    points = parameter("crs", "arranged_employment_points")
    change = points.values[-1].effective
    before = expand("{{ value crs.arranged_employment_points }}", change - timedelta(days=1))
    on = expand("{{ value crs.arranged_employment_points }}", change)
    assert before == reader_value(points.values[-2].value)
    assert on == reader_value(points.values[-1].value)
    assert before != on


def test_previous_gives_the_replaced_value() -> None:
    """`previous` gives the value that the one in force replaced."""
    points = parameter("crs", "arranged_employment_points")
    assert expand("{{ previous crs.arranged_employment_points }}") == reader_value(
        points.values[-2].value
    )


def test_effective_is_the_long_date_the_value_took_effect() -> None:
    """`effective` gives the date the value in force took effect, as 'November 16, 2022'."""
    item = parameter("work_experience", "hours_required").at(REVIEWED)
    assert item is not None
    assert expand("{{ effective work_experience.hours_required }}") == long_date(item.effective)
    assert re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", long_date(item.effective))


def test_list_values_read_as_a_series() -> None:
    """A list value reads '0, 1, 2 or 3'."""
    teers = parameter("work_experience", "eligible_teers").value_at(REVIEWED)
    text = expand("{{ value work_experience.eligible_teers }}")
    assert text == ", ".join(str(t) for t in teers[:-1]) + f" or {teers[-1]}"


def test_teer_picks_one_teer_level_from_a_value_given_by_teer() -> None:
    """`value language.minimum_level teer=N` is the level the data sets for TEER N, each TEER."""
    for item in parameter("language", "minimum_level").value_at(REVIEWED):
        for teer in item["teers"]:
            text = expand(f"{{{{ value language.minimum_level teer={teer} }}}}")
            assert text == reader_value(item["level"])


def test_undated_facts_and_top_level_scalars_have_values_but_no_effective_date() -> None:
    """An undated fact expands with `value`; asking for its `effective` date stops the build."""
    assert expand("{{ value draws.data_until }}") == long_date(load("draws")["data_until"])
    fact = load("express_entry")["bowp_permit_expiry_months"]["value"]
    assert expand("{{ value express_entry.bowp_permit_expiry_months }}") == reader_value(fact)
    with pytest.raises(PluginError):
        expand("{{ effective express_entry.bowp_permit_expiry_months }}")


def test_reviewed_is_the_long_review_date() -> None:
    """`reviewed` gives the review date in long form."""
    assert expand("Reviewed {{ reviewed }}.") == f"Reviewed {long_date(REVIEWED)}."


@pytest.mark.parametrize(
    "text",
    [
        "{{ nonsense }}",
        "{{ value work_experience.no_such_key }}",
        "{{ value no_such_file.hours }}",
        "{{ value work_experience }}",
        "{{ table no_such_table }}",
        "{{ table crs no_such_section }}",
        "{{ table timeline extra }}",
        "{{ table language_chart no_such_test }}",
        "{{ draws_range cec 1999 }}",
        "{{ latest_draw cec colour }}",
        "{{ value language.minimum_level teer=9 }}",
        "{{ value language.minimum_level teer=one }}",
        "{{ value work_experience.hours_required teer=1 }}",
    ],
)
def test_unknown_placeholder_or_key_stops_the_build_naming_page_and_placeholder(text: str) -> None:
    """An unknown placeholder, file, key, table or argument raises PluginError with both names."""
    with pytest.raises(PluginError) as error:
        expand(f"Before {text} after")
    assert "test.md" in str(error.value)
    assert text in str(error.value)


def test_code_is_left_alone() -> None:
    """Placeholders in code spans and fenced blocks stay literal (the docs show the syntax)."""
    text = "`{{ nonsense }}`\n\n```\n{{ value x.y }}\n```\n"
    assert expand(text) == text


def test_language_chart_matches_pycore_charts_cell_by_cell() -> None:
    """Each generated chart table equals the chart data: every level and lowest score."""
    for test_id in charts.TESTS:
        versions = sorted(charts.versions(test_id), key=lambda c: c.effective, reverse=True)
        generated = markdown_tables(expand(f"{{{{ table language_chart {test_id} }}}}"))
        assert len(generated) == len(versions), test_id
        for chart, rows in zip(versions, generated, strict=True):
            expected = [
                [reader_value(level)] + [reader_value(scores[a]) for a in chart.abilities]
                for level, scores in chart.rows
            ]
            assert rows == expected, (test_id, chart.effective)


def test_tef_chart_shows_both_scales_with_their_dates() -> None:
    """TEF Canada's chart shows every version, each headed with the date that splits them."""
    text = expand("{{ table language_chart tef_canada }}")
    newest = max(c.effective for c in charts.versions("tef_canada"))
    assert len(charts.versions("tef_canada")) >= 2
    assert text.count(long_date(newest)) >= 2  # "from <date>" and "before <date>"


def crs_points(row: dict[str, object], on: date) -> list[object]:
    """A grid row's points: its own, or its dated parameter's value on the grid's date."""
    if "parameter" in row:
        return [parameter("crs", str(row["parameter"])).value_at(on)]
    return list(row["points"])  # type: ignore[call-overload]


def test_crs_sections_reproduce_the_data_rows() -> None:
    """Each CRS section renders every row of every sub-table of crs.toml."""
    data = load("crs")
    for section in tables.CRS_SECTIONS:
        generated = markdown_tables(expand(f"{{{{ table crs {section} }}}}"))
        expected = [
            [
                [reader_value(v) for v in [row["label"], *crs_points(row, data["effective"])]]
                for row in sub["rows"]
            ]
            for sub in data[section]
        ]
        assert generated == expected, section


def test_crs_summary_total_agrees_with_the_maximum_parameters() -> None:
    """The summary's rows agree with the dated maxima that pages quote."""
    rows = {row["group"]: row for row in load("crs")["summary"]}
    total = parameter("crs", "max_total").value_at(REVIEWED)
    assert rows["Total"]["with_spouse"] == rows["Total"]["without_spouse"] == total
    assert rows["Core factors in all"]["with_spouse"] == parameter(
        "crs", "max_core_with_spouse"
    ).value_at(REVIEWED)
    assert rows["Skill transferability"]["without_spouse"] == parameter(
        "crs", "max_transferability"
    ).value_at(REVIEWED)
    with_spouse = [r["with_spouse"] for g, r in rows.items() if g not in ("Total",)]
    assert sum(with_spouse) - rows["Core factors in all"]["with_spouse"] == total


def test_draws_table_lists_every_cec_draw_newest_first() -> None:
    """The CEC draws table has one row per draw, newest first, with number and cut-off."""
    draws = sorted(load("draws")["cec"], key=lambda d: d["date"], reverse=True)
    (rows,) = markdown_tables(expand("{{ table draws cec }}"))
    assert [r[0] for r in rows] == [long_date(d["date"]) for d in draws]
    assert [r[3] for r in rows] == [reader_value(d["cutoff"]) for d in draws]


def test_draws_range_spans_that_years_cutoffs() -> None:
    """`draws_range` gives the lowest and highest cut-off of the year, or one end."""
    for year in (2025, 2026):
        cutoffs = [d["cutoff"] for d in load("draws")["cec"] if d["date"].year == year]
        assert expand(f"{{{{ draws_range cec {year} }}}}") == f"{min(cutoffs)}–{max(cutoffs)}"
        assert expand(f"{{{{ draws_range cec {year} low }}}}") == str(min(cutoffs))


def test_a_french_page_reads_a_range_as_de_a() -> None:
    """In French prose a range reads « de 507 à 523 » (Le guide du rédacteur), not 507–523."""
    cutoffs = [d["cutoff"] for d in load("draws")["cec"] if d["date"].year == 2025]
    with messages.language("fr"):
        shown = expand("{{ draws_range cec 2025 }}")
    assert shown == f"de {min(cutoffs)} à {max(cutoffs)}"


def test_latest_draw_is_the_most_recent_one() -> None:
    """`latest_draw` reads the newest draw's fields."""
    latest = max(load("draws")["cec"], key=lambda d: d["date"])
    assert expand("{{ latest_draw cec date }}") == long_date(latest["date"])
    assert expand("{{ latest_draw cec cutoff }}") == reader_value(latest["cutoff"])


def test_categories_table_lists_the_years_categories() -> None:
    """The categories table has one row per category of that year, in file order."""
    for year in ("2025", "2026"):
        (rows,) = stacked_tables(expand(f"{{{{ table categories {year} }}}}"))
        names = [c["name"] for c in load("categories")[f"y{year}"]["categories"]]
        assert [r[0] for r in rows] == names


def test_timeline_is_newest_first_and_includes_real_changes() -> None:
    """The timeline is sorted newest first and has each replaced value and each listed event."""
    (rows,) = stacked_tables(expand("{{ table timeline }}"))
    days = [entry[0] for entry in tables.timeline_entries()]
    assert days == sorted(days, reverse=True)
    assert len(rows) == len(days)
    cells = {(r[0], r[1]) for r in rows}
    points = parameter("crs", "arranged_employment_points")
    assert any(
        d == long_date(points.values[-1].effective) and points.description in c for d, c in cells
    )
    for change in load("express_entry")["changes"]:
        assert (long_date(change["date"]), change["title"]) in cells


def test_timeline_leaves_out_data_start_markers_and_untimed_parameters() -> None:
    """First values that only mark where data starts, and `timeline = false` ones, are omitted."""
    texts = [text for _, text, _ in tables.timeline_entries()]
    assert not any(parameter("crs", "max_total").description in t for t in texts)
    for file in ("language", "work_experience", "quebec", "program", "noc"):
        for param in parameters(file):
            first = param.values[0]
            if tables.is_data_start(first.note):
                assert (first.effective, param.description) not in [
                    (d, t.split(":")[0]) for d, t, _ in tables.timeline_entries()
                ]


def test_choices_lists_every_recorded_choice() -> None:
    """The choices table has a row for each data value with a `choice`."""
    text = expand("{{ table choices }}")
    expected = [
        node["choice"]
        for file in tables.data_files()
        for _, node in tables.find_choices(load(file), file)
    ]
    assert len(expected) >= 3
    for choice in expected:
        assert " ".join(choice.split()) in html.unescape(text)


def test_long_text_tables_label_each_card_cell_with_its_column() -> None:
    """Categories, named draws, timeline and choices are stacked tables whose cells after the
    first carry their column name (the phone layout shows it), and nothing else is stacked."""
    headers = {
        "categories 2026": ["Category", "Status", "Notes", "Sources"],
        "draws category": ["Date", "Draw", "Invitations", "Lowest score invited"],
    }
    for placeholder, header in headers.items():
        (rows,) = stacked_cells(expand(f"{{{{ table {placeholder} }}}}"))
        assert rows
        for row in rows:
            assert [label for _, label in row] == [None, *header[1:]]
    for placeholder in ("timeline", "choices"):
        (rows,) = stacked_cells(expand(f"{{{{ table {placeholder} }}}}"))
        assert all(row[0][1] is None and row[-1][1] == "Sources" for row in rows)
    for placeholder in ("draws cec", "crs core", "language_chart ielts_general"):
        assert "cec-stack" not in expand(f"{{{{ table {placeholder} }}}}")


def test_stacked_table_escapes_text_but_keeps_citation_links() -> None:
    """Plain cell text is HTML-escaped; citation links (already HTML) pass through."""
    link = tables.cite(["irpr_87_1"])
    generated = tables.stacked_table(["Name", "Sources"], [["A <b> & B", link]])
    assert "<b>" not in generated
    assert str(link) in generated
    ((row,),) = stacked_cells(generated)
    assert row == [("A <b> & B", None), ("1", "Sources")]


def test_timeline_never_shows_a_python_repr() -> None:
    """Values that are lists of tables (the TEER summaries) read as text, never as a repr."""
    summaries = parameter("noc", "teer_categories").values[0].value
    shown = tables.display(summaries)
    assert "{" not in shown and "'" not in shown
    for row in summaries:
        assert f"{row['teer']}: {row['description']}" in shown
    for _, text, _ in tables.timeline_entries():
        assert not re.search(r"[{}\[\]]|': ", text), text


def test_level_units_go_before_the_number() -> None:
    """A language level reads "CLB/NCLC 7" in the timeline, not "7 CLB/NCLC level"."""
    level = parameter("language", "minimum_level")
    assert level.unit.endswith(" level")
    texts = [t for _, t, _ in tables.timeline_entries() if t.startswith(level.description)]
    assert texts
    for item in level.values[-1].value:
        value = item["level"]
        assert quantity(value, level.unit) == f"{level.unit.removesuffix(' level')} {value}"
        teers = " or ".join(str(t) for t in item["teers"])
        assert all(f"{quantity(value, level.unit)} (TEER {teers})" in t for t in texts)
        assert not any(f"{value} {level.unit}" in t for t in texts)
    hours = parameter("work_experience", "hours_required")
    assert quantity(hours.values[-1].value, hours.unit) == (
        f"{reader_value(hours.values[-1].value)} {hours.unit}"
    )


def test_readings_that_are_not_changes_stay_out_of_the_timeline() -> None:
    """The Quebec-work reading and the TEER summaries are marked as data starts, not changes."""
    texts = [text for _, text, _ in tables.timeline_entries()]
    for file, key in (("quebec", "quebec_work_counts"), ("noc", "teer_categories")):
        param = parameter(file, key)
        assert tables.is_data_start(param.values[0].note)
        assert not any(t.startswith(param.description) for t in texts)


def test_sources_all_lists_every_reference_grouped_by_reliability() -> None:
    """Every reference appears once, under the heading of its reliability grade."""
    text = expand("{{ table sources all }}")
    for ref in sources():
        assert text.count(f"]({ref.url})") >= 1, ref.id
    sections = re.split(r"^### ", text, flags=re.M)[1:]
    for section in sections:
        title = section.splitlines()[0]
        grade = next(g for g, t in tables.GROUP_TITLES.items() if t == title)
        for url in re.findall(r"\]\((\S+)\)", section):
            assert any(r.url == url and r.reliability == grade for r in sources())


def page(meta: dict[str, object]) -> SimpleNamespace:
    """A stand-in for an MkDocs page with front matter ``meta``."""
    return SimpleNamespace(meta=meta, file=SimpleNamespace(src_uri="guide/page.md"))


CONFIG = {"extra": {"reviewed": REVIEWED}}


def test_sources_front_matter_appends_official_sources_and_last_reviewed() -> None:
    """Front matter `sources` appends linked titles, third-party marks and the review date,
    under "Sources" (not "Official sources") when a third-party source is listed."""
    third_party = next(r for r in sources() if r.reliability == "T")
    official = source("irpr_87_1")
    out = placeholders.on_page_markdown(
        "# Title\n\nText.", page({"sources": [official.id, third_party.id]}), CONFIG, None
    )
    assert "## Official sources" not in out
    tail = out.split("## Sources {", 1)[1]
    assert f"[{official.title}]({official.url})" in tail
    marked = next(line for line in tail.splitlines() if third_party.url in line)
    assert "third-party" in marked
    assert f"Last reviewed: {long_date(REVIEWED)}." in tail


def test_only_official_sources_keep_the_official_heading() -> None:
    """A page citing only official sources (read directly or through a copy) keeps the
    heading "Official sources"."""
    ids = [r.id for r in sources() if r.reliability in ("O", "O*")][:3]
    out = placeholders.on_page_markdown("# Title", page({"sources": ids}), CONFIG, None)
    assert "## Official sources {" in out and "## Sources {" not in out


def test_page_without_sources_gets_no_section() -> None:
    """A page without `sources` front matter gets no sources section."""
    out = placeholders.on_page_markdown("# Title", page({}), CONFIG, None)
    assert "Official sources" not in out


def test_unknown_source_id_stops_the_build() -> None:
    """A source id missing from sources.toml raises PluginError naming the page."""
    with pytest.raises(PluginError, match="guide/page.md"):
        placeholders.on_page_markdown("# T", page({"sources": ["no_such_source"]}), CONFIG, None)


def test_review_date_accepts_text_and_rejects_nonsense() -> None:
    """`extra.reviewed` may be a date or ISO text; anything else stops the build."""
    assert placeholders.review_date({"extra": {"reviewed": "2026-11-21"}}) == REVIEWED
    with pytest.raises(PluginError):
        placeholders.review_date({"extra": {"reviewed": "soon"}})
