"""The occupation search's titles files: one per language, from the NOC table, source named,
with the everyday names of pycore/data/noc_everyday_names.toml, within the gzip budget."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from pycore.common import noc
from pycore.common.parameters import load
from site_scripts.hooks import noc_titles
from site_scripts.runtime import delivery
from site_scripts.tables import noc_search
from site_scripts.tables.category_tables import titles
from tools.safe_text import refusal


def test_each_language_lists_every_unit_group_with_its_title() -> None:
    """Every code of the NOC table, in code order, with its title in that language."""
    for column, language in enumerate(noc_search.LANGUAGES):
        rows = noc_search.document(language)["units"]
        assert [code for code, _ in rows] == sorted(noc.unit_groups())
        assert all(title == titles()[code][column] for code, title in rows)


def test_the_file_names_statistics_canada_and_the_licence() -> None:
    """Statistics Canada, the NOC version and the Open Licence travel with the titles."""
    for language in noc_search.LANGUAGES:
        document = noc_search.document(language)
        assert "Statistics Canada" in document["attribution"]
        assert document["noc_version"] == noc.version()
        assert document["licence_url"].startswith("https://www.statcan.gc.ca/")
        assert "{code}" in document["unit_group_url"]


def test_every_everyday_name_maps_to_a_unit_group_and_says_why() -> None:
    """Each name of both languages names a NOC 2021 unit group, gives a reason, and uses only
    the characters a title may (it reaches the page as an option's text)."""
    data = load(noc_search.NAMES)
    for language in noc_search.LANGUAGES:
        entries = data[language]
        assert entries
        for entry in entries:
            assert noc.is_unit_group(entry["code"]), entry
            assert entry["why"].strip() and refusal(entry["name"]) is None, entry
        assert noc_search.document(language)["names"] == [[e["name"], e["code"]] for e in entries]


def test_a_name_mapped_to_no_unit_group_stops_the_build() -> None:
    """A code that is not in NOC 2021 is refused, naming the file."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(load(noc_search.NAMES), "en", [{"name": "X", "code": "99999", "why": "-"}])
        with pytest.raises(ValueError, match="noc_everyday_names"):
            noc_search.everyday_names("en")


def test_examples_file_is_read_per_language() -> None:
    """StatCan's example titles (as tools/noc_table.py writes them) go to their language only;
    a file without its header is refused."""
    text = f"{noc_search.EXAMPLES_HEADER}\n33102\ten\tnurse aide\n33102\tfr\taide-infirmier\n"
    assert noc_search.examples_in(text, "en") == [("nurse aide", "33102")]
    assert noc_search.examples_in(text, "fr") == [("aide-infirmier", "33102")]
    with pytest.raises(ValueError, match="first line"):
        noc_search.examples_in("33102\ten\tnurse aide\n", "en")


def test_built_titles_fit_the_budget_are_checked_and_kept_offline(built_site: Path) -> None:
    """Each built file is the document, within the gzip budget, its digest in the checker
    page's configuration, and on the offline list."""
    for language in noc_search.LANGUAGES:
        name = noc_titles.file_name(language)
        data = (built_site / name).read_bytes()
        assert json.loads(data) == noc_search.document(language)
        assert len(gzip.compress(data, 6)) <= noc_search.BUDGET_GZIP_BYTES
        assert name in delivery.precache_list(built_site)
        page = built_site / ("checker" if language == "en" else "fr/checker") / "index.html"
        assert noc_search.integrity(language) in page.read_text(encoding="utf-8")
