"""The "Changes ahead" page: entries from changes.toml, statuses, sources and reliability."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pycore.common.messages import labels
from pycore.common.parameters import load, source
from site_scripts.hooks import placeholders
from site_scripts.tables import changes_ahead
from site_scripts.tables.formatting import long_date

ROOT = Path(__file__).resolve().parents[2]


def expand(text: str) -> str:
    """Expand ``text`` as the placeholder hook does."""
    return placeholders.expand(text, date(2026, 11, 21), "test.md")


def rows(html_table: str) -> list[str]:
    """The body rows of a stacked table, as raw HTML strings."""
    return re.findall(r'<tr role="row" markdown="1"><td.*?</tr>', html_table)


def test_every_entry_is_a_row_newest_first_with_its_date_and_status() -> None:
    """The table has one row per entry, newest date first, showing the date and the status."""
    entries = sorted(load("changes")["entries"], key=lambda e: e["date"], reverse=True)
    body = rows(expand("{{ table changes_ahead }}"))
    assert len(body) == len(entries)
    for row, entry in zip(body, entries, strict=True):
        assert long_date(entry["date"]) in row
        assert entry["status"].capitalize() in row
        if "until" in entry:
            assert long_date(entry["until"]) in row


def test_each_source_is_cited_with_its_reliability_in_words() -> None:
    """Every reference of an entry is linked and followed by its reliability, third party too."""
    table = expand("{{ table changes_ahead }}")
    for entry in load("changes")["entries"]:
        for ref_id in entry["references"]:
            ref = source(ref_id)
            word = changes_ahead.RELIABILITY_WORDS[ref.reliability]
            assert re.search(
                re.escape(ref.url.replace("&", "&amp;")) + r'".*?</a> \(' + word, table
            )


def test_every_status_used_is_explained_and_known() -> None:
    """Each entry's status is one the page explains, and the explanation list covers them all."""
    data = load("changes")
    assert set(data["statuses"]) == set(changes_ahead.STATUSES)
    explained = expand("{{ table change_statuses }}")
    for status in changes_ahead.STATUSES:
        assert f"**{status.capitalize()}**" in explained
    assert {e["status"] for e in data["entries"]} <= set(changes_ahead.STATUSES)


def test_an_unknown_status_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry with a status the page does not know is an error, not a silent row."""
    data = load("changes")
    bad = {**data, "entries": [{**data["entries"][0], "status": "rumoured"}]}

    def fake_load(name: str) -> dict[str, Any]:
        return bad if name == "changes" else load(name)

    monkeypatch.setattr(changes_ahead, "load", fake_load)
    with pytest.raises(LookupError, match="rumoured"):
        changes_ahead.entries()


def test_the_unconfirmed_crs_claim_is_labelled_and_third_party() -> None:
    """A claim no official text confirms is shown as unconfirmed, cited to a third party."""
    unconfirmed = [e for e in load("changes")["entries"] if e["status"] == "unconfirmed"]
    assert unconfirmed
    for entry in unconfirmed:
        assert any(source(r).reliability == "T" for r in entry["references"])


@pytest.mark.parametrize("page", ["index.md", "faq.md", "express-entry/index.md"])
def test_page_links_to_changes_ahead(page: str) -> None:
    """The home page, the FAQ and the CRS page link to the Changes ahead page."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    assert re.search(r"\]\((\.\./)?changes-ahead\.md\)", text)


def test_every_entry_has_its_french_twin() -> None:
    """Each entry's title, summary and what it would mean has a French text (labels.fr.toml),
    so the French page shows no English prose."""
    french = labels("fr")
    missing = [
        f"{entry['id']}.{field}"
        for entry in load("changes")["entries"]
        for field in ("title", "summary", "affects")
        if entry[field] not in french
    ]
    assert missing == []
