"""What the checker's occupation search reads, one document per language: the NOC unit groups'
class titles, the everyday names and abbreviations this project maps to them
(``pycore/data/noc_everyday_names.toml``) and, when ``tools/noc_table.py`` was given Statistics
Canada's elements files, StatCan's illustrative example titles (``noc_2021_examples.tsv``).

The document's bytes are built here once: the hook ``noc_titles.py`` writes them into the site,
and the checker page's configuration carries their SHA-256, which the browser checks on fetch.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from importlib import resources
from typing import Any

from site_scripts.tables import category_tables
from site_scripts.tables.words import web_address

LANGUAGES = ("en", "fr")
NAMES = "noc_everyday_names"
EXAMPLES_FILE = "noc_2021_examples.tsv"  # written by tools/noc_table.py from StatCan's files
EXAMPLES_HEADER = "code\tlanguage\texample_title"
# What the search may cost a visitor: the file is fetched on first use, gzipped by the host.
BUDGET_GZIP_BYTES = 150 * 1024


def everyday_names(language: str) -> list[tuple[str, str]]:
    """(name, code) pairs of one language, each code a NOC 2021 unit group."""
    from pycore.common import noc  # late: the hook loads while pycore is being edited
    from pycore.common.parameters import load

    pairs = [(str(item["name"]), str(item["code"])) for item in load(NAMES)[language]]
    unknown = [pair for pair in pairs if not noc.is_unit_group(pair[1])]
    if unknown:
        raise ValueError(f"{NAMES}.toml: not NOC 2021 unit groups: {unknown}")
    return pairs


def statcan_examples(language: str) -> list[tuple[str, str]]:
    """(example title, code) pairs of one language from Statistics Canada's elements files, or
    none when the repository holds no examples file (no copy of those files was at hand)."""
    source = resources.files("pycore").joinpath("data", EXAMPLES_FILE)
    if not source.is_file():
        return []
    return examples_in(source.read_text(encoding="utf-8"), language)


def examples_in(text: str, language: str) -> list[tuple[str, str]]:
    """The (example title, code) pairs of ``language`` in an examples file's text."""
    lines = text.splitlines()
    if lines[:1] != [EXAMPLES_HEADER]:
        raise ValueError(f"{EXAMPLES_FILE}: the first line must be {EXAMPLES_HEADER!r}")
    rows = [line.split("\t") for line in lines[1:]]
    return [(title, code) for code, lang, title in rows if lang == language]


def document(language: str) -> dict[str, Any]:
    """Source and licence, the unit-group page pattern, [code, title] rows, the project's
    [name, code] pairs and StatCan's [example title, code] pairs, in ``language``."""
    from pycore.common import noc
    from pycore.common.parameters import load

    table = load(noc.TABLE)
    column = LANGUAGES.index(language)
    # The checker makes a link of it: an http(s) address once the code is in, nothing else.
    web_address(table["unit_group_url"][language].replace("{code}", "00010"))
    web_address(table["licence_url"])
    return {
        "noc_version": table["noc_version"],
        "publisher": table["publisher"],
        "attribution": table["attribution"],
        "licence": table["licence"],
        "licence_url": table["licence_url"],
        "unit_group_url": table["unit_group_url"][language],
        "units": [
            [code, names[column]] for code, names in sorted(category_tables.titles().items())
        ],
        "names": [list(pair) for pair in everyday_names(language)],
        "examples": [list(pair) for pair in statcan_examples(language)],
    }


@cache
def document_bytes(language: str) -> bytes:
    """The published file: the document as compact UTF-8 JSON."""
    text = json.dumps(document(language), ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def integrity(language: str) -> str:
    """The file's digest as the browser's ``fetch(..., {integrity})`` takes it."""
    digest = hashlib.sha256(document_bytes(language)).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
