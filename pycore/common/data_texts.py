"""The sentences and labels of the rules data that reach a page or a result, and where each is.

The data files keep one language (English); the French of each text is in
``pycore/data/labels.fr.toml``, keyed by the English. These are the fields whose text a reader
sees (a value's description, note and reading chosen, a table's rows and columns, a change's
summary ...). A French page or result that meets one of them without its French must stop the
build, and the core tests hold every one of them to having it (``tests/core/test_french_data.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from typing import Any

from pycore.common.parameters import load

# Fields whose text is shown to readers, in every data file.
TEXT_KEYS = frozenset(
    {
        "affects",
        "announced",
        "attribution",
        "checked_note",
        "choice",
        "columns",
        "consulted",
        "description",
        "group",
        "in force",
        "label",
        "name",
        "note",
        "proposed",
        "status",
        "summary",
        "title",
        "unconfirmed",
    }
)
# Fields of that name that are not reader text, or whose French lives elsewhere (files named
# without ".toml").
NOT_TEXT = frozenset(
    {
        ("sources", "title"),  # its French is the source's own title_fr (sources.toml)
        ("changes", "status"),  # an id ("in force"); the page words it (words.fr.toml)
        ("crs", "status"),  # an id, as in changes.toml
        ("review", "*"),  # only its labels are shown (see below)
        ("noc_everyday_names", "name"),  # search terms, each already under its language
    }
)
# Fields shown to readers in one file only (the text values the guide prints with {{ value }}).
EXTRA = frozenset({("express_entry", "value"), ("review", "label")})
# The catalogs and the French of the data are not data text.
CATALOGS = ("interface.", "messages.", "labels.")


def data_files() -> list[str]:
    """Every data file's name under ``pycore/data`` (``charts/tef_canada.toml`` ...)."""
    root = resources.files("pycore").joinpath("data")
    names = []
    for entry in root.iterdir():
        if entry.is_dir():
            names += [f"{entry.name}/{f.name}" for f in entry.iterdir() if f.name.endswith(".toml")]
        elif entry.name.endswith(".toml") and not entry.name.startswith(CATALOGS):
            names.append(entry.name)
    return sorted(names)


def is_reader_text(file: str, key: str) -> bool:
    """Whether the field ``key`` of data file ``file`` ("crs", "charts/tcf_canada") holds
    text a reader sees."""
    file = file.removesuffix(".toml")
    if (file, key) in EXTRA:
        return True
    if (file, key) in NOT_TEXT or (file, "*") in NOT_TEXT:
        return False
    return key in TEXT_KEYS and not (file.startswith("charts/") and key == "name")  # test names


def _walk(node: Any, file: str, path: str, key: str) -> Iterator[tuple[str, str, str]]:
    if isinstance(node, dict):
        for name, value in node.items():
            yield from _walk(value, file, f"{path}.{name}" if path else str(name), str(name))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, file, f"{path}[{index}]", key)
    elif isinstance(node, str) and node and is_reader_text(file, key):
        yield file, path, node


def texts() -> Iterator[tuple[str, str, str]]:
    """(file, key path, English text) for every reader text in the rules data."""
    for file in data_files():
        yield from _walk(load(file.removesuffix(".toml")), file, "", "")


def where(text: str) -> str:
    """Where ``text`` is in the data ("crs.toml: tables.language.rows[3].label"), for an error."""
    places = [f"{file}: {path}" for file, path, found in texts() if found == text]
    return "; ".join(places[:3]) or "not in the rules data"
