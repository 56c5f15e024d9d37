"""The guide's category tables: every listed occupation with Statistics Canada's title."""

from __future__ import annotations

from datetime import date

import pytest

from pycore.categories import eligibility as categories
from pycore.common import noc
from site_scripts.tables import category_tables, tables

LIST_IDS = [item["id"] for item in categories.lists()]


@pytest.mark.parametrize("list_id", LIST_IDS)
def test_each_category_lists_its_codes_with_their_titles(list_id: str) -> None:
    """Every code of every category of the list appears as a row: code, title, TEER."""
    text = tables.render("category_occupations", list_id, date(2026, 11, 21))
    for category in categories.all_categories():
        if category.list_id != list_id:
            continue
        assert category.name in text
        for code in category.codes:
            title = category_tables.titles()[code][0]
            assert f"| {code} | {title} | {noc.teer(code)} |" in text


@pytest.mark.parametrize("list_id", LIST_IDS)
def test_statistics_canada_is_named_and_incomplete_lists_say_so(list_id: str) -> None:
    """The titles are credited to Statistics Canada; a list not read in full is marked."""
    text = tables.render("category_occupations", list_id, date(2026, 11, 21))
    assert "Statistics Canada" in text and "Open Licence" in text
    incomplete = [c for c in categories.all_categories() if c.list_id == list_id and not c.complete]
    assert text.count("Not the complete list") == sum(
        1 for c in incomplete if c.kind == "occupation"
    )


def test_titles_cover_every_unit_group() -> None:
    """The titles file names every NOC code the rules accept, in English and French."""
    assert set(category_tables.titles()) == noc.unit_groups()
    assert all(english and french for english, french in category_tables.titles().values())


def test_unknown_list_is_an_error() -> None:
    """A list id not in the data stops the build."""
    with pytest.raises(LookupError):
        tables.render("category_occupations", "1999", date(2026, 11, 21))
