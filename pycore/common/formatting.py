"""How a person reads dates, numbers and lists: one formatter for the engine and the guide.

The engine's sentences (``pycore.common.messages``) and the build hooks' pages
(``site_scripts/tables/formatting.py``) both print through these functions, so a date or a figure
reads the same on a guide page and in a result. Nothing here depends on the machine's locale
(``%B`` would: a build on a French machine would print "novembre" in an English page); the
month names are per language, so French is a row here beside the ``messages.fr`` catalog.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from numbers import Real

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}
# French Canadian figures: a narrow no-break space between thousands, a decimal comma.
THOUSANDS = {"en": ",", "fr": "\u202f"}
DECIMAL = {"en": ".", "fr": ","}
CONJUNCTIONS = {"en": {"or": "or", "and": "and"}, "fr": {"or": "ou", "and": "et"}}


def _localised(text: str, lang: str) -> str:
    """An English-written figure (1,302.9) in ``lang``'s separators (1 302,9 in French)."""
    if lang == "en":
        return text
    return "".join(THOUSANDS[lang] if c == "," else DECIMAL[lang] if c == "." else c for c in text)


def long_date(value: date | str, lang: str = "en") -> str:
    """A date (or ISO date text) as a reader writes it: 2026-11-21 -> November 21, 2026
    (French: 21 novembre 2026; 1er novembre 2026, as canada.ca writes the first)."""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    month = MONTHS[lang][day.month - 1]
    if lang == "fr":
        return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
    return f"{month} {day.day}, {day.year}"


def number(value: float, lang: str = "en") -> str:
    """A figure with thousands separators and at most one decimal: 1560 -> 1,560; 0.5 -> 0.5."""
    if isinstance(value, int) or float(value).is_integer():
        return _localised(f"{int(value):,}", lang)
    return _localised(f"{value:,.1f}", lang)


def as_written(value: int | float, lang: str = "en") -> str:
    """A data value as its file writes it: integers with separators, decimals kept (6.0, 0.25).

    A float keeps at least one decimal and at most two, so an IELTS band 6.0 stays 6.0.
    """
    if isinstance(value, int):
        return _localised(f"{value:,}", lang)
    text = f"{value:,.2f}".rstrip("0")
    return _localised(text + "0" if text.endswith(".") else text, lang)


def series(items: Sequence[str], conjunction: str = "or", lang: str = "en") -> str:
    """Items joined for a sentence: "0, 1, 2 or 3" (no serial comma, as canada.ca writes);
    ``conjunction`` is "or" or "and", written in ``lang`` ("0, 1, 2 ou 3")."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    word = CONJUNCTIONS[lang].get(conjunction, conjunction)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def plural(value: float, word: str, lang: str = "en") -> str:
    """``word`` for ``value`` of it: English plural from 2 and for 0; French from 2 (0 heure,
    1,5 heure, 2 heures), as French grammar has it, and a French word ending in s, x or z
    stays as it is (2 mois)."""
    if lang == "fr":
        single = isinstance(value, Real) and abs(value) < 2
        return word if single or word.endswith(("s", "x", "z")) else word + "s"
    return word if value == 1 else word + "s"
