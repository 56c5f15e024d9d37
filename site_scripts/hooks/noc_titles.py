"""MkDocs hook: the occupation titles the checker's search reads, one small file per language.

``site/javascripts/checker/noc-titles.<lang>.json`` holds every NOC unit group's code and
class title in that language (``pycore/data/noc_2021_titles.tsv``), with Statistics Canada
named as the source (Open Licence) and the pattern of its page for one unit group. The
checker page fetches it only when the person first types in an occupation search, so guide
pages and the first verdict never wait for it. It sits beside the checker's modules, so the
page finds it from its own script's address whatever the page's language folder.

Registered before ``delivery.py`` in ``mkdocs.yml``: the offline list it writes must see it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # hooks load by path; site_scripts.* must be importable
    sys.path.insert(0, str(ROOT))

FOLDER = "javascripts/checker"
LANGUAGES = {"en": 0, "fr": 1}  # language -> column of the title in category_tables.titles()


def file_name(language: str) -> str:
    """The titles file of one language, relative to the site root."""
    return f"{FOLDER}/noc-titles.{language}.json"


def titles_document(language: str) -> dict[str, Any]:
    """The file's content: source and licence, unit-group page pattern, [code, title] rows."""
    from pycore.common import noc  # late: the hook loads while pycore is being edited
    from pycore.common.parameters import load
    from site_scripts.tables.category_tables import titles
    from site_scripts.tables.words import web_address

    table = load(noc.TABLE)
    column = LANGUAGES[language]
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
        "units": [[code, names[column]] for code, names in sorted(titles().items())],
    }


def on_post_build(config: Any, **_: Any) -> None:
    """Write one titles file per language into the built site."""
    site_dir = Path(config["site_dir"])
    for language in LANGUAGES:
        path = site_dir / file_name(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(titles_document(language), ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
