"""MkDocs hook: the occupation titles the checker's search reads, one small file per language.

``site/javascripts/checker/noc-titles.<lang>.json`` holds every NOC unit group's code and
class title in that language, the everyday names this project maps to them and any
Statistics Canada example titles, with Statistics Canada named as the source (Open Licence)
(``site_scripts/tables/noc_search.py`` builds it; the page's configuration carries its
digest). The checker page fetches it only when the person first types in an occupation
search, so guide pages and the first verdict never wait for it. It sits beside the checker's
modules, so the page finds it from its own script's address whatever the page's language folder.

Registered before ``delivery.py`` in ``mkdocs.yml``: the offline list it writes must see it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # hooks load by path; site_scripts.* must be importable
    sys.path.insert(0, str(ROOT))

FOLDER = "javascripts/checker"


def file_name(language: str) -> str:
    """The titles file of one language, relative to the site root."""
    return f"{FOLDER}/noc-titles.{language}.json"


def on_post_build(config: Any, **_: Any) -> None:
    """Write one titles file per language into the built site."""
    from site_scripts.tables import noc_search  # late: the hook loads while pycore is edited

    site_dir = Path(config["site_dir"])
    for language in noc_search.LANGUAGES:
        path = site_dir / file_name(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(noc_search.document_bytes(language))
