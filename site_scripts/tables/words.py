"""Words of the generated guide text (tables, notes, sources sections) in the page's language.

Renderers write English and pass it through ``say``: on a French page (the build renders it
inside ``pycore.common.messages.language("fr")``, see ``placeholders.py``) the text comes from
``words.fr.toml``, keyed by the English text, with the same ``{name}`` placeholders. A French
page meeting English with no French entry stops the build, naming the text, so nothing is left
half-translated by accident.
"""

from __future__ import annotations

import html
import re
import string
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from pycore.common.messages import current_language, data_label

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


# What the data may not put on a page: these characters mean something to HTML or to Markdown
# and the extensions of mkdocs.yml (emphasis, code, links, footnotes and abbreviations open with
# "[", attr_list's "{: ...}" sets any attribute, "|" splits a table cell) wherever they stand.
MARKUP = frozenset('&<>"`\\*_[]{}|')
# At the start of a line any ASCII punctuation may open a block (heading, list, quote,
# definition, admonition "!!!", details "???", snippet "--8<--"), and so may "2026. " (a list).
LINE_START = frozenset(string.punctuation)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Runs of white space, but not the no-break spaces French typography puts before « : » and
# inside « » (U+00A0) or between thousands (U+202F): those stay as they are.
SPACES = re.compile(r"[^\S\u00a0\u202f]+")
# The Markdown extensions whose syntax MARKUP and LINE_START were chosen for; a test holds
# mkdocs.yml to this list, so adding one (pymdownx.tilde, emoji ...) means revisiting them.
EXTENSIONS_COVERED = (
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.snippets",
)


def inert(text: str) -> Html:
    """``text`` shown as itself on a page: one line, every character that HTML or Markdown
    would act on written as a character reference (``*`` -> ``&#42;``), which both leave alone
    and the browser shows as the character. For all text that comes from data files."""
    flat = " ".join(part for part in SPACES.split(CONTROL.sub(" ", text)) if part)
    out = []
    for index, char in enumerate(flat):
        opens_block = index == 0 and char in LINE_START
        ends_number = char == "." and flat[:index].isdigit() and flat[index + 1 : index + 2] == " "
        out.append(f"&#{ord(char)};" if char in MARKUP or opens_block or ends_number else char)
    return Html("".join(out))


# A web address a page may link to: http(s) only (no javascript: or data:), and none of the
# characters that could end a Markdown link or an HTML attribute early.
WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#][^\s<>\"'`\\()\[\]{}|^]*)?")


def web_address(url: str) -> str:
    """``url`` as it is, once checked to be a plain http(s) address; ValueError otherwise."""
    if not WEB_ADDRESS.fullmatch(url):
        raise ValueError(f"not a web address a page may link to: {url!r}")
    return url


def href(url: str) -> Html:
    """A checked web address for an HTML attribute."""
    return Html(html.escape(web_address(url)))


def data_text(text: str) -> Html:
    """Prose from the rules data (a description, a note, a title) in the page's language: its
    French from ``pycore/data/labels.fr.toml``. A French page meeting a text with no French
    stops the build with a LookupError naming the text and where the data holds it (a proper
    name that stays as it is maps to itself there). Always inert: data text never adds markup
    to a page."""
    return inert(data_label(text, current_language()))
