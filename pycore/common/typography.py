"""French spacing, as the Translation Bureau's *Le guide du rédacteur* sets it: a no-break space
(U+00A0) before a colon and inside « », no space before ; ? ! (Canadian practice).

One function for every French text: the engine's catalog (``messages.catalog("fr")``), the guide's
built pages (``site_scripts/hooks/french_typography.py``, on text nodes only) and, written the
same way in JavaScript, the checker page's templates (``docs/javascripts/checker/i18n/i18n.js``).
It is idempotent, and leaves alone a colon not followed by a space or the end (``12:30``,
``https://``, ``{x:date}``).
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
# Any run of spaces (none included) before a colon that ends a phrase.
_BEFORE_COLON = re.compile(r"(?<=\S)[ \u00a0\u202f]*:(?=\s|$)|^[ \u00a0\u202f]*:(?=\s|$)")
_AFTER_OPENING = re.compile(r"«[ \u00a0\u202f]*")
_BEFORE_CLOSING = re.compile(r"[ \u00a0\u202f]*»")
_BEFORE_OTHERS = re.compile(r"[ \u00a0\u202f]+(?=[;?!])")


def french_spacing(text: str) -> str:
    """``text`` with French spacing: ``a : b`` and ``« c »`` with no-break spaces, ``d; e?``."""
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    text = _AFTER_OPENING.sub("«" + NBSP, text)
    text = _BEFORE_CLOSING.sub(NBSP + "»", text)
    return _BEFORE_OTHERS.sub("", text)
