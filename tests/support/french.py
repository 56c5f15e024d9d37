"""What a French page shows a reader, and the English words that must not be in it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# English words that French prose never uses ("an", "as", "on" are left out: French has them).
ENGLISH = set(
    "the and of to with for is are you your from not this that which was were be by it its "
    "or at have has will would can must what when where who how our their they".split()
)
# A wider list for measuring how much of a French page is English (english_share): common
# English words that are not also French words ("on", "an", "as", "a", "date", "points", "test",
# "transport" are left out: French has them). A heuristic, so it counts words, not sentences.
ENGLISH_WORDS = ENGLISH | set(
    "in all only more less than after before each one two three under over other same been "
    "there these those into about also any but may should such then up out new most first "
    "last time job jobs read language level levels occupation occupations category "
    "categories round rounds draw draws official third party reported rule rules here "
    "given says said work worked working year years hours week weeks month months day days "
    "if no yes must need needed needs counts count counted still until since between "
    "because without within being do does did done get gets got make makes made see shown "
    "show list listed lists found find copy stored checked check choice reading chosen "
    "doubt added removed because while whether so some every many much".split()
)
# Proper names IRCC's French pages keep in English (tests, a benchmark, IELTS's own name).
PROPER_NAMES = (
    "Canadian English Language Proficiency Index Program",
    "International English Language Testing System",
    "Canadian Language Benchmarks",
    "Pearson Test of English",
    "IELTS General Training",
)


class Text(HTMLParser):
    """The text a reader sees, leaving out code, scripts and anything marked lang="en"."""

    SKIP = {"script", "style", "code", "pre", "svg", "title"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}

    def __init__(self, *, keep_english: bool = False) -> None:
        super().__init__()
        self.keep_english = keep_english  # also keep what is marked lang="en" (to measure it)
        self.stack: list[bool] = []
        self.out: list[str] = []
        self.switch: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and "data-language-switch" in found:
            self.switch[str(found.get("hreflang"))] = str(found.get("href"))
        if tag in self.VOID:
            return
        self.stack.append(tag in self.SKIP or (found.get("lang") == "en" and not self.keep_english))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not any(self.stack):
            self.out.append(data)


def english_words(text: str) -> list[str]:
    """English function words in ``text``, with some context, proper names left out."""
    for name in PROPER_NAMES:
        text = text.replace(name, " ")
    return [
        text[max(0, m.start() - 30) : m.end() + 30].replace("\n", " ")
        for m in re.finditer(r"[^\W\d_]+", text)  # letters, accented ones included
        if m.group().lower() in ENGLISH
    ]


# French typography (issue 24, Le guide du rédacteur), as a reader sees it: what breaks each rule.
TYPOGRAPHY = {
    "no no-break space before a colon": r"(?<!\u00a0):(?=\s|$)",
    "no no-break space after «": r"«(?!\u00a0)",
    "no no-break space before »": r"(?<!\u00a0)»",
    "a space before ; ? !": r"[ \u00a0\u202f][;?!]",
    "a range of figures with a dash, not « de … à … »": r"\d\s?–\s?\d",
}


def typography_faults(text: str) -> list[str]:
    """Where ``text`` breaks the French typography rules, each with some context."""
    return [
        f"{rule}: …{text[max(0, m.start() - 30) : m.end() + 30]}…".replace("\n", " ")
        for rule, pattern in TYPOGRAPHY.items()
        for m in re.finditer(pattern, text)
    ]


def english_share(text: str) -> tuple[int, int]:
    """(English words, all words) in ``text``, proper names left out (see ENGLISH_WORDS)."""
    for name in PROPER_NAMES:
        text = text.replace(name, " ")
    words = [m.group().lower() for m in re.finditer(r"[^\W\d_]+", text)]
    return sum(word in ENGLISH_WORDS for word in words), len(words)
