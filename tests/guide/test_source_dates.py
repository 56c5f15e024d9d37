"""Honest dates: each source's last check and method, the home page's sentence, newest round."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pycore.common.parameters import load
from site_scripts.hooks import placeholders
from site_scripts.tables import source_dates
from site_scripts.tables.formatting import long_date
from site_scripts.tables.sources_section import sources_section

ROOT = Path(__file__).resolve().parents[2]
REVIEWED = date(2026, 11, 21)


def expand(text: str) -> str:
    """Expand ``text`` as the placeholder hook does."""
    return placeholders.expand(text, REVIEWED, "test.md")


def raw_sources() -> dict[str, dict[str, Any]]:
    """sources.toml read directly (not through the modules under test)."""
    data = tomllib.loads((ROOT / "pycore" / "data" / "sources.toml").read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if isinstance(value, dict)}


def test_every_source_says_when_and_how_it_was_checked() -> None:
    """Each source has a check date and one of the known methods."""
    for key, entry in raw_sources().items():
        assert isinstance(entry.get("checked"), date), key
        assert entry.get("checked_by") in source_dates.METHODS, key


def test_the_summary_gives_the_date_range_and_the_count_of_each_method() -> None:
    """The sentence states the first and last check dates and how many sources each way."""
    entries = raw_sources().values()
    text = " ".join(expand("{{ table checked_summary }}").split())
    days = sorted(e["checked"] for e in entries)
    assert long_date(days[0]) in text and long_date(days[-1]) in text
    assert f"The {len(entries)} sources" in text
    for method, (words, _) in source_dates.METHODS.items():
        count = sum(1 for e in entries if e["checked_by"] == method)
        if count:
            assert f"{count} {words}" in text


def test_a_source_without_a_check_date_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A source missing its check fields stops the build instead of being counted silently."""
    data = {"bad": {"title": "t", "url": "https://example.org", "reliability": "O"}}
    monkeypatch.setattr(source_dates, "load", lambda name: data)
    with pytest.raises(LookupError, match="bad"):
        source_dates.checked_sources()


def test_the_newest_round_is_the_latest_date_of_any_program() -> None:
    """The newest round is the latest row of any program in draws.toml; the sentence shows it."""
    data = load("draws")
    latest = max(
        row["date"]
        for value in data.values()
        if isinstance(value, list)
        for row in value
        if "date" in row
    )
    assert source_dates.newest_round_date() == latest
    text = expand("{{ table newest_round }}")
    assert f"**{long_date(latest)}**" in text
    assert long_date(data["data_until"]) in text


def test_every_source_is_listed_with_its_check_date() -> None:
    """The sources page table has one row per source with its date."""
    table = expand("{{ table sources_checked }}")
    rows = re.findall(r'<tr role="row" markdown="1"><td.*?</tr>', table)
    assert len(rows) == len(raw_sources())
    for entry in raw_sources().values():
        assert long_date(entry["checked"]) in table


def test_page_footer_gives_the_range_of_its_own_sources_checks() -> None:
    """A page's footer says when its own sources were checked: one date, or the range."""
    entries = raw_sources()
    by_day: dict[date, str] = {}
    for key, entry in entries.items():
        by_day.setdefault(entry["checked"], key)
    first, last = min(by_day), max(by_day)
    single = sources_section([by_day[first]], REVIEWED)
    assert f"last checked on {long_date(first)}." in single
    if first != last:
        both = sources_section([by_day[first], by_day[last]], REVIEWED)
        assert f"between {long_date(first)} and {long_date(last)}." in both


@pytest.mark.parametrize("page", ["index.html", "faq/index.html", "express-entry/index.html"])
def test_pages_show_the_newest_round(built_site: Path, page: str) -> None:
    """The home page, the FAQ and the Express Entry page show the newest round's date."""
    text = (built_site / page).read_text(encoding="utf-8")
    assert long_date(source_dates.newest_round_date()) in text


def test_home_page_does_not_claim_one_check_date_for_every_rule() -> None:
    """The home page no longer says every rule was checked on one day; it uses the summary."""
    text = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "{{ table checked_summary }}" in text
    assert not re.search(r"every rule and number on this site was last checked", text, re.I)
