"""The characters a maintainer tool lets into a name or title that will reach the guide's pages
(NOC class titles, round names): letters of any script with their accents, digits, the plain
space, and ``- , . ( ) ' ’ / :``.

Why these: Statistics Canada's NOC titles (English and French) and IRCC's round names
("Healthcare and social services occupations (Version 2)", "Transport Occupations,
2026-Version 2", "Physicians with Canadian work experience", "Cadres supérieurs/cadres
supérieures - administration publique") use nothing else, and none of them means anything to
HTML (``< > & "``), to Markdown (`` * _ ` [ ] { } | \\ # ``) or to a TOML string (``" \\``).
Control and format characters (line breaks, NUL, escape sequences, right-to-left overrides,
zero-width spaces) are refused too: they change how text looks without being seen. The pages
escape data text anyway (``site_scripts/words.inert``); this check stops such text at the door.
"""

from __future__ import annotations

import unicodedata

PUNCTUATION = frozenset("-,.()'’/:")
# Unicode categories: letters (L*), combining marks that write accents in decomposed text and in
# many scripts (Mn, Mc), decimal digits of any script (Nd).
CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Nd"})
ALLOWED = "letters, digits, spaces and " + " ".join(sorted(PUNCTUATION))


def allowed(char: str) -> bool:
    """Whether one character may stand in a name or title."""
    return char == " " or char in PUNCTUATION or unicodedata.category(char) in CATEGORIES


def refusal(text: str) -> str | None:
    """Why ``text`` is refused, naming its first bad character and where it is; None if safe."""
    for index, char in enumerate(text):
        if not allowed(char):
            name = unicodedata.name(char, "a control or unassigned character")
            return (
                f"character {index + 1} is {char!r} (U+{ord(char):04X}, {name}); "
                f"only {ALLOWED} are allowed"
            )
    return None
