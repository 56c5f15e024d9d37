"""Every reader text of the rules data has its French (issue 24): the descriptions, notes,
readings chosen, table rows, change summaries ... of every file in pycore/data, walked by
pycore.common.data_texts, each have an entry in labels.fr.toml."""

from __future__ import annotations

import pytest

from pycore.common import data_texts, messages


def test_every_data_text_has_its_french() -> None:
    french = messages.labels("fr")
    texts = list(data_texts.texts())
    files = {file for file, _, _ in texts}
    # Every data file with reader text is walked, charts included.
    assert {"crs.toml", "changes.toml", "categories.toml", "charts/tef_canada.toml"} <= files
    missing = [f"{file}: {path}: {text[:60]!r}" for file, path, text in texts if text not in french]
    assert missing == []


def test_french_entries_are_not_left_empty_or_in_english_by_mistake() -> None:
    """An entry whose French is its English is a proper name or a number, never a sentence."""
    same = [e for e, f in messages.labels("fr").items() if e == f and len(e.split()) > 3]
    empty = [e for e, f in messages.labels("fr").items() if not f.strip()]
    assert (same, empty) == ([], [])


def test_the_walk_finds_a_known_text_and_says_where_it_is() -> None:
    """A CRS grid row is found with its file and key path (as the build's error names it)."""
    label = "CLB 7 or more in all four, one or more under 9"
    assert any(text == label for _, _, text in data_texts.texts())
    assert data_texts.where(label).startswith("crs.toml: ")
    assert data_texts.where("A sentence nobody wrote") == "not in the rules data"


@pytest.mark.parametrize(
    ("file", "key", "shown"),
    [
        ("crs.toml", "label", True),
        ("sources.toml", "title", False),  # French from the source's own title_fr
        ("sources.toml", "checked_note", True),
        ("changes.toml", "status", False),  # an id the page words itself
        ("charts/tcf_canada.toml", "name", False),  # a test's name
        ("express_entry.toml", "value", True),  # text values the guide prints
        ("review.toml", "why", False),
    ],
)
def test_which_fields_are_reader_text(file: str, key: str, shown: bool) -> None:
    assert data_texts.is_reader_text(file, key) is shown


def test_a_french_result_meeting_data_text_without_french_stops_with_where_it_is() -> None:
    """The checker's French metadata (CRS labels, TEER summaries) reads the data's texts
    strictly: French when there is one, else a LookupError naming the text and its place."""
    row = "CLB 7 or more in all four, one or more under 9"
    assert messages.data_label(row, "en") == row
    assert messages.data_label(row, "fr") == messages.labels("fr")[row]
    with pytest.raises(LookupError, match=r"'A sentence nobody wrote' \(not in the rules data\)"):
        messages.data_label("A sentence nobody wrote", "fr")
