"""MkDocs hook: French spacing on French pages (issue 24), as ``pycore.common.typography`` sets
it: a no-break space before « : » and inside « », none before ; ? !.

Applied to the built page's text nodes only: never inside tags (attributes, URLs), nor in code,
preformatted text, scripts, styles or anything marked ``lang="en"`` (an English title keeps its
English punctuation). The page's Markdown is not touched, so Markdown and placeholders cannot
be broken by it.
"""

from __future__ import annotations

import re
from typing import Any

from pycore.common.typography import french_spacing
from site_scripts.hooks.placeholders import page_language

# A comment, a tag, or the text between tags.
_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^>]*?)(/?)>", re.S)
SKIP = frozenset({"code", "pre", "script", "style", "kbd", "samp", "textarea", "svg", "math"})
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_ENGLISH = re.compile(r"""\slang\s*=\s*["']?en\b""")


def french_html(page: str) -> str:
    """``page`` (HTML) with French spacing in its text nodes outside code and English parts."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements, and whether each one is skipped
    for token in _TOKEN.findall(page):
        tag = _TAG.fullmatch(token)
        if tag is None:
            skipped = token.startswith("<") or any(skip for _, skip in stack)
            out.append(token if skipped else french_spacing(token))
            continue
        out.append(token)
        closing, name, attrs, self_closing = tag.groups()
        name = name.lower()
        if closing:
            while stack:
                if stack.pop()[0] == name:
                    break
        elif name not in VOID and not self_closing:
            stack.append((name, name in SKIP or bool(_ENGLISH.search(attrs))))
    return "".join(out)


def on_post_page(output: str, page: Any, config: Any, **_: Any) -> str:
    """French pages get French spacing; English pages are returned as they are."""
    return french_html(output) if page_language(page, config) == "fr" else output
