"""What the Node tests need from the Python side, as JSON on standard output.

``metadata``: ``pycore.metadata.form_metadata()``, as embedded in the checker page.
``cases``: every catalog template rendered by ``pycore.common.messages`` with facts made up for its
placeholders (several sets each), so i18n.js can be checked against the same sentences.
``numbers``: figures (ties, thousands, negatives) and ``pycore.common.formatting.number`` of each.
``titles``: the occupation search's titles document of each language, as the site publishes it.
"""

from __future__ import annotations

import json
import string
import sys
from typing import Any

from pycore.common import formatting, messages
from pycore.common.parameters import load
from pycore.common.typography import french_spacing
from pycore.metadata import form_metadata
from site_scripts.tables import noc_search

# Values of each kind to fill a placeholder with: whole and tenths figures, thousands, one
# (for plurals), lists of two and of more items, and text.
PLAIN: tuple[Any, ...] = (1, 2, 1560, 1302.9, 0.5, 12345.6, "IELTS General Training")
LISTS: tuple[list[Any], ...] = ([0, 1], [0, 1, 2, 3], ["reading to 6", "writing to 7"], [7])
DATES = ("2026-11-21", "2024-02-29", "2023-01-01")


def _value(spec: str, turn: int) -> Any:
    if spec == "date":
        return DATES[turn % len(DATES)]
    if spec in ("or", "and"):
        return LISTS[turn % len(LISTS)]
    return PLAIN[turn % len(PLAIN)]


def cases() -> list[dict[str, Any]]:
    """Each template with a few sets of facts and the sentence Python renders from them."""
    out = []
    for lang, locale in (("en", "en-CA"), ("fr", "fr-CA")):
        out += _cases(lang, locale)
    return out


def _cases(lang: str, locale: str) -> list[dict[str, Any]]:
    """The cases of one language's catalog (``locale``: its ui.locale, for i18n.js)."""
    out = []
    for key, template in messages.catalog(lang).items():
        fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(template) if name]
        for turn in range(len(PLAIN)):
            facts = {
                name: _value(spec or "", turn + index) for index, (name, spec) in enumerate(fields)
            }
            out.append(
                {
                    "key": key,
                    "template": template,
                    "facts": facts,
                    "text": messages.render(key, facts, lang),
                    "locale": locale,
                }
            )
    return out


def numbers() -> list[list[Any]]:
    """[value, English, French] for figures around every rounding case."""
    values: list[float] = [0, 1, 999, 1000, 1560, 1234567, -1560, 0.05, 0.25, 0.75, 2.15, -3.25]
    values += [step * factor for step in range(2000) for factor in (0.05, 0.25, 7.3, 1001)]
    return [[value, formatting.number(value), formatting.number(value, "fr")] for value in values]


def titles() -> dict[str, Any]:
    """Language -> the search's titles document (site_scripts/tables/noc_search.py)."""
    return {language: noc_search.document(language) for language in noc_search.LANGUAGES}


def spacing() -> list[list[str]]:
    """[text, French-spaced] for every French template as written (before spacing) and for the
    edge cases: times, addresses, placeholders, spaces already there."""
    texts = [str(v) for name in messages.FILES for v in load(f"{name}.fr").values()]
    texts += ["12:30", "https://x.ca/a:b", "{x:date} :", " : a", "« a »", "«a»", "a ; b ?", "a:\nb"]
    return [[text, french_spacing(text)] for text in texts]


if __name__ == "__main__":
    what = sys.argv[1]
    makers = {"metadata": form_metadata, "cases": cases, "numbers": numbers}
    makers |= {"titles": titles, "spacing": spacing}
    data = makers[what]()
    sys.stdout.write(json.dumps(data, ensure_ascii=False))
