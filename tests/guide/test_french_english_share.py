"""How much of each built French page is English (issue 24): under 5 % of its words, counting
what a reader sees outside elements marked lang="en" and code, proper names aside. A page
over the bound names its English words; each page's share is printed (pytest -s)."""

from __future__ import annotations

import re
from pathlib import Path

from support.french import ENGLISH_WORDS, Text, english_share

BOUND = 0.05  # the bound: under 5 % English words on every French page


def shares(site: Path, *, keep_english: bool = False) -> dict[str, tuple[int, int, str]]:
    """Each French page: (English words, all words, the English words found); with
    ``keep_english``, what is marked lang="en" (source titles, names) counted too."""
    found = {}
    for page in sorted((site / "fr").rglob("index.html")):
        parser = Text(keep_english=keep_english)
        parser.feed(page.read_text(encoding="utf-8"))
        text = " ".join(parser.out)
        english, total = english_share(text)
        seen = sorted({w for w in re.findall(r"[^\W\d_]+", text.lower()) if w in ENGLISH_WORDS})
        found[page.relative_to(site).as_posix()] = (english, total, ", ".join(seen))
    return found


def test_every_french_page_is_under_five_percent_english(built_site: Path) -> None:
    pages = shares(built_site)
    marked = shares(built_site, keep_english=True)  # printed only: English titles of sources
    assert len(pages) >= 15, sorted(pages)
    for name, (english, total, _) in pages.items():
        with_marked = 100 * marked[name][0] / marked[name][1]
        print(
            f"{100 * english / total:5.1f} % English ({english}/{total} words; "
            f"{with_marked:.1f} % with what is marked English) {name}"
        )
    over = {
        name: f"{english}/{total}: {words}"
        for name, (english, total, words) in pages.items()
        if english >= BOUND * total
    }
    assert over == {}


def test_the_share_sees_english_and_spares_french_and_marked_english() -> None:
    """The measure counts an untranslated sentence and leaves French and lang="en" alone."""
    parser = Text()
    parser.feed(
        '<p>Vous avez 1 560 heures de travail.</p><p lang="en">The rules of the class.</p>'
        "<code>hours_per_week</code>"
    )
    assert english_share(" ".join(parser.out)) == (0, 5)
    english, total = english_share("Most points for the first official language")
    assert english >= total // 2
