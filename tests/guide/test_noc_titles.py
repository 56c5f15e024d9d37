"""The occupation search's titles files: one per language, from the NOC table, source named."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from pycore.common import noc
from site_scripts.hooks import noc_titles
from site_scripts.runtime import delivery
from site_scripts.tables.category_tables import titles

# The budget for what the titles add to the checker page (gzip).
BUDGET_GZIP = 25_000


def test_each_language_lists_every_unit_group_with_its_title() -> None:
    """Every code of the NOC table, in code order, with its title in that language."""
    for language, column in noc_titles.LANGUAGES.items():
        rows = noc_titles.titles_document(language)["units"]
        assert [code for code, _ in rows] == sorted(noc.unit_groups())
        assert all(title == titles()[code][column] for code, title in rows)


def test_the_file_names_statistics_canada_and_the_licence() -> None:
    """Statistics Canada, the NOC version and the Open Licence travel with the titles."""
    for language in noc_titles.LANGUAGES:
        document = noc_titles.titles_document(language)
        assert "Statistics Canada" in document["attribution"]
        assert document["noc_version"] == noc.version()
        assert document["licence_url"].startswith("https://www.statcan.gc.ca/")
        assert "{code}" in document["unit_group_url"]


def test_built_titles_fit_the_budget_and_are_kept_offline(built_site: Path) -> None:
    """The built English file stays within the gzip budget and is on the offline list."""
    name = noc_titles.file_name("en")
    data = (built_site / name).read_bytes()
    assert json.loads(data) == noc_titles.titles_document("en")
    assert len(gzip.compress(data)) <= BUDGET_GZIP
    assert name in delivery.precache_list(built_site)
