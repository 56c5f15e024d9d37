"""Sentences for reason codes, from a catalog kept outside the rules.

``pycore/data/messages.en.toml`` maps each reason code (``work.meets_year``,
``job.unpaid``, ``input.not_date``, ...) to an English template filled from the
facts of the result: ``{qualifying_hours}`` prints 1,302.9; ``{date:date}`` prints
an ISO date as "November 21, 2026"; a list prints comma-separated, or as "0, 1, 2 or 3"
with ``{teers:or}`` (``{parts:and}`` with "and"); ``{hours:plural:hour}`` prints "1 hour"
or "2 hours". ``interface.en.toml`` adds the words of the checker page (``ui.*``) and of
the command line's text report (``cli.*``) to the same catalog; the page renders its keys
with the same rules (``docs/javascripts/checker/i18n/i18n.js``). A French catalog is
``messages.fr.toml`` and ``interface.fr.toml`` beside them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from pycore.common import data_texts, formatting
from pycore.common.formatting import number, plural, series
from pycore.common.parameters import load
from pycore.common.typography import french_spacing

LANGUAGES = ("en", "fr")
# The language sentences are written in while the engine runs (set by ``language()``): the
# rules never see it, so reason codes and figures cannot depend on it.
_LANGUAGE: ContextVar[str] = ContextVar("language", default="en")


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Render every sentence in ``lang`` ("en" or "fr") inside the ``with`` block."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: one of {', '.join(LANGUAGES)}")
    token = _LANGUAGE.set(lang)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def current_language() -> str:
    """The language sentences are rendered in now ("en" unless inside ``language()``)."""
    return _LANGUAGE.get()


def long_date(value: Any, lang: str | None = None) -> str:
    """A long date in ``lang`` (default: the current language); the CLI's report uses it."""
    return formatting.long_date(value, lang or current_language())


FILES = ("messages", "interface")  # reason codes; words of the page and the command line
INTERFACE = ("ui.",)  # the keys the page needs, sent with the form metadata


@cache
def catalog(lang: str = "en") -> dict[str, str]:
    """Every key (reason codes, ``ui.*``, ``cli.*``) and its template, for ``lang``."""
    merged: dict[str, str] = {}
    for name in FILES:
        for key, template in load(f"{name}.{lang}").items():
            if key in merged:
                raise ValueError(f"{key} is in more than one {lang} catalog file")
            merged[str(key)] = str(template)
    if lang == "fr":  # the French catalogs get French spacing (« : », « ») at format time
        return {key: french_spacing(template) for key, template in merged.items()}
    return merged


def interface(lang: str = "en") -> dict[str, str]:
    """The page's keys and templates (``ui.*``), as the form metadata delivers them."""
    return {key: text for key, text in catalog(lang).items() if key.startswith(INTERFACE)}


_JOINS = ("or", "and")


@cache
def labels(lang: str) -> dict[str, str]:
    """French names of the data's labels given as facts (``labels.fr.toml``); none for English."""
    return {} if lang == "en" else {str(k): str(v) for k, v in load(f"labels.{lang}").items()}


def data_label(text: str, lang: str) -> str:
    """A reader text of the rules data (``pycore.common.data_texts``) in ``lang``: its French
    from ``labels.fr.toml``; LookupError naming where the data holds it when there is none."""
    if lang == "en" or not text:
        return text
    try:
        return labels(lang)[text]
    except KeyError:
        raise LookupError(
            f"no {lang} text for {text!r} ({data_texts.where(text)}): "
            f"add it to pycore/data/labels.{lang}.toml"
        ) from None


def _label(text: str, lang: str) -> str:
    """A text fact in ``lang``: a data label's name there, or an ability id before its score
    ("reading 6.5"); any other text (a test's name, a job title) as it is."""
    names = labels(lang)
    if text in names:
        return names[text]
    head, space, tail = text.partition(" ")
    score = tail.replace(".", "", 1).isdigit()
    return names[head] + space + tail if score and head in names else text


class _Fact:
    """A fact as a template prints it: ``{x}`` plain, ``{x:date}`` as a long date."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        return _show(self.value, spec)


def _show(value: Any, spec: str = "") -> str:
    lang = current_language()
    if spec == "date":
        return long_date(value, lang)
    if spec in _JOINS:  # "0, 1, 2 or 3"
        return series([_show(item) for item in value], spec, lang)
    if spec.startswith("plural:"):
        word = spec.removeprefix("plural:")
        return f"{_show(value)} {plural(value, word, lang)}"
    if spec:
        return format(value, spec)
    if isinstance(value, bool) or value is None:
        return str(value).lower()
    if isinstance(value, int | float):
        return number(value, lang)
    if isinstance(value, list | tuple):
        return ", ".join(_show(item) for item in value)
    return _label(str(value), lang)


class _Facts(dict[str, Any]):
    """Wraps each fact on lookup; a missing fact is a KeyError naming it."""

    def __missing__(self, key: str) -> Any:
        raise KeyError(key)

    def __getitem__(self, key: str) -> _Fact:
        return _Fact(dict.__getitem__(self, key))


def render(code: str, facts: Mapping[str, Any], lang: str | None = None) -> str:
    """The sentence for ``code`` filled from ``facts``, in ``lang`` (default: the current
    language); KeyError for an unknown code or fact."""
    if lang is None or lang == current_language():
        return catalog(current_language())[code].format_map(_Facts(facts))
    with language(lang):
        return catalog(lang)[code].format_map(_Facts(facts))
