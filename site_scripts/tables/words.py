"""Words of the generated guide text (tables, notes, sources sections) in the page's language.

Renderers write English and pass it through ``say``: on a French page (the build renders it
inside ``pycore.common.messages.language("fr")``, see ``placeholders.py``) the text comes from
``words.fr.toml``, keyed by the English text, with the same ``{name}`` placeholders. A French
page meeting English with no French entry stops the build, naming the text, so nothing is left
half-translated by accident.
"""

from __future__ import annotations

import html
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from pycore.common.messages import current_language, labels

HERE = Path(__file__).resolve().parent


@cache
def words(lang: str) -> dict[str, str]:
    """English text -> text in ``lang`` (none for English)."""
    if lang == "en":
        return {}
    with (HERE / f"words.{lang}.toml").open("rb") as handle:
        return {str(k): str(v) for k, v in tomllib.load(handle).items()}


def say(english: str, **facts: Any) -> str:
    """``english`` in the current language, its ``{name}`` placeholders filled from ``facts``."""
    lang = current_language()
    template = english
    if lang != "en":
        try:
            template = words(lang)[english]
        except KeyError:
            where = f"site_scripts/words.{lang}.toml"
            raise LookupError(f"no {lang} text for {english!r} in {where}") from None
    return template.format(**facts) if facts else template


class Html(str):
    """Text that is already HTML: a table keeps it as it is (as ``tables.Html``)."""


def data_text(text: str) -> str:
    """Prose from the rules data (a description, a note, a title) in the page's language: its
    French from ``pycore/data/labels.fr.toml``, else the English marked ``lang="en"`` so that
    screen readers read it as English (the data keeps one language; see the French report)."""
    lang = current_language()
    if lang == "en" or not text:
        return text
    names = labels(lang)
    if text in names:
        return names[text]
    return Html(f'<span lang="en">{html.escape(text, quote=False)}</span>')
