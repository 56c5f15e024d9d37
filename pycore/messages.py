"""Sentences for reason codes, from a catalog kept outside the rules.

``pycore/data/messages.en.toml`` maps each reason code (``work.meets_year``,
``job.unpaid``, ``input.not_date``, ...) to an English template filled from the
facts of the result: ``{qualifying_hours}`` prints 1,302.9; ``{date:date}`` prints
an ISO date as "November 21, 2026"; a list prints comma-separated, or as "0, 1, 2 or 3"
with ``{teers:or}`` (``{parts:and}`` with "and"); ``{hours:plural:hour}`` prints "1 hour"
or "2 hours". ``interface.en.toml`` adds the words of the checker page (``ui.*``) and of
the command line's text report (``cli.*``) to the same catalog; the page renders its keys
with the same rules (``docs/javascripts/checker/i18n.js``). A French catalog is
``messages.fr.toml`` and ``interface.fr.toml`` beside them.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from pycore.formatting import long_date as long_date  # the CLI's text report uses it from here
from pycore.formatting import number, series
from pycore.parameters import load

FILES = ("messages", "interface")  # reason codes; words of the page and the command line
INTERFACE = ("ui.",)  # the keys the page needs, sent with the form metadata


@cache
def catalog(language: str = "en") -> dict[str, str]:
    """Every key (reason codes, ``ui.*``, ``cli.*``) and its template, for ``language``."""
    merged: dict[str, str] = {}
    for name in FILES:
        for key, template in load(f"{name}.{language}").items():
            if key in merged:
                raise ValueError(f"{key} is in more than one {language} catalog file")
            merged[str(key)] = str(template)
    return merged


def interface(language: str = "en") -> dict[str, str]:
    """The page's keys and templates (``ui.*``), as the form metadata delivers them."""
    return {key: text for key, text in catalog(language).items() if key.startswith(INTERFACE)}


_JOINS = ("or", "and")


class _Fact:
    """A fact as a template prints it: ``{x}`` plain, ``{x:date}`` as a long date."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        return _show(self.value, spec)


def _show(value: Any, spec: str = "") -> str:
    if spec == "date":
        return long_date(value)
    if spec in _JOINS:  # "0, 1, 2 or 3"
        return series([_show(item) for item in value], spec)
    if spec.startswith("plural:"):
        word = spec.removeprefix("plural:")
        return f"{_show(value)} {word if value == 1 else word + 's'}"
    if spec:
        return format(value, spec)
    if isinstance(value, bool) or value is None:
        return str(value).lower()
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, list | tuple):
        return ", ".join(_show(item) for item in value)
    return str(value)


class _Facts(dict[str, Any]):
    """Wraps each fact on lookup; a missing fact is a KeyError naming it."""

    def __missing__(self, key: str) -> Any:
        raise KeyError(key)

    def __getitem__(self, key: str) -> _Fact:
        return _Fact(dict.__getitem__(self, key))


def render(code: str, facts: Mapping[str, Any], language: str = "en") -> str:
    """The sentence for ``code`` filled from ``facts``; KeyError for an unknown code or fact."""
    return catalog(language)[code].format_map(_Facts(facts))
