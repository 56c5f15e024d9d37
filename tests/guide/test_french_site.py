"""The French edition of the guide, as built: every page has its twin, pages say their
language, the switch names the twin, no English outside what is marked English (issue 15)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.french import Text, english_words

from pycore.common import messages
from site_scripts.tables import words

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SITE_SCRIPTS = ROOT / "site_scripts"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh strict build (both languages) into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return out


def english_pages() -> list[Path]:
    return sorted(
        p for p in DOCS.rglob("*.md") if not p.name.endswith(".fr.md") and "includes" not in p.parts
    )


def french_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.fr.md") if "includes" not in p.parts)


def built(site: Path, page: Path) -> Path:
    """Where a Markdown page is built (French under fr/, at the same path)."""
    rel = page.relative_to(DOCS)
    french = rel.name.endswith(".fr.md")
    stem = rel.name.removesuffix(".fr.md").removesuffix(".md")
    folder = rel.parent if stem == "index" else rel.parent / stem
    return site / ("fr" if french else "") / folder / "index.html"


def test_every_english_page_has_its_french_twin_and_back() -> None:
    """page.md and page.fr.md come in pairs, both ways; the message names the missing ones."""
    english = {p.relative_to(DOCS).as_posix().removesuffix(".md") for p in english_pages()}
    french = {p.relative_to(DOCS).as_posix().removesuffix(".fr.md") for p in french_pages()}
    assert not english - french, f"no French twin: {sorted(english - french)}"
    assert not french - english, f"no English twin: {sorted(french - english)}"


def test_both_editions_are_built_at_the_same_paths_in_their_language(site: Path) -> None:
    """Each page is built (French under fr/ at the same path) with <html lang> of its edition."""
    for page in english_pages() + french_pages():
        html = built(site, page).read_text(encoding="utf-8")
        lang = "fr" if page.name.endswith(".fr.md") else "en"
        assert f'<html lang="{lang}"' in html, page


def parsed(path: Path) -> Text:
    parser = Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_no_english_on_french_pages_outside_what_is_marked_english(site: Path) -> None:
    """A word-level check: French pages have no English sentence that is not marked lang=en."""
    found = {
        str(page.relative_to(site)): hits
        for page in sorted((site / "fr").rglob("index.html"))
        if (hits := english_words(" ".join(parsed(page).out)))
    }
    assert found == {}


def test_the_word_check_sees_english() -> None:
    """The check flags an English sentence and lets French and marked English through."""
    parser = Text()
    parser.feed('<p>Vous avez 1 560 heures.</p><p lang="en">The rules of the class.</p>')
    assert english_words(" ".join(parser.out)) == []
    assert english_words("Work done while you were a student does not count.") != []


def test_switch_names_the_twin_in_both_directions(site: Path) -> None:
    """On every page the language switch links to the same page in the other language."""
    for page in english_pages():
        twins = {
            "en": built(site, page),
            "fr": built(site, page.with_name(page.name[:-3] + ".fr.md")),
        }
        for here in twins.values():
            switch = parsed(here).switch
            for lang, twin in twins.items():
                assert (here.parent / switch[lang]).resolve() == twin.parent.resolve(), here


def test_sitemap_gives_hreflang_alternates_both_ways(site: Path) -> None:
    """sitemap.xml lists each page in both languages, each naming the other as alternate."""
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<url>(.*?)</url>", text, re.S)
    assert len(urls) == len(english_pages()) + len(french_pages())
    for url in urls:
        links = dict(re.findall(r'hreflang="(\w+)" href="([^"]+)"', url))
        assert set(links) == {"en", "fr"}
        assert links["fr"].replace("/fr/", "/", 1) == links["en"]


def test_french_glossary_and_tooltips_explain_the_same_terms() -> None:
    """Every French tooltip has a French glossary entry, and every entry a tooltip."""
    tooltips = set(
        re.findall(
            r"^\*\[([^\]]+)\]:",
            (DOCS / "includes/abbreviations.fr.md").read_text(encoding="utf-8"),
            re.M,
        )
    )
    glossary = (DOCS / "glossary.fr.md").read_text(encoding="utf-8")
    terms = set(re.findall(r"^(\S[^\n]*)\n:   ", glossary, re.M))
    assert len(tooltips) >= 20
    assert tooltips == terms


def test_french_pages_carry_french_tooltips(site: Path) -> None:
    """A French page explains CEC in French; the English page in English."""
    french = (site / "fr" / "index.html").read_text(encoding="utf-8")
    english = (site / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Catégorie de l\'expérience canadienne">CEC</abbr>' in french
    assert '<abbr title="Canadian Experience Class">CEC</abbr>' in english


def checker_config(site: Path, lang: str) -> dict[str, object]:
    page = site / ("fr/" if lang == "fr" else "") / "checker" / "index.html"
    match = re.search(
        r'<script type="application/json" id="cec-config">(.*?)</script>',
        page.read_text(encoding="utf-8"),
        re.S,
    )
    assert match, page
    config: dict[str, object] = json.loads(match.group(1).replace("<\\/", "</"))
    return config


def test_the_french_checker_page_carries_the_french_page_words(site: Path) -> None:
    """The French checker's form metadata carries interface.fr's ui.* keys, the same keys."""
    french = checker_config(site, "fr")["metadata"]
    english = checker_config(site, "en")["metadata"]
    assert isinstance(french, dict) and isinstance(english, dict)
    assert french["messages"] == messages.interface("fr")
    assert set(french["messages"]) == set(english["messages"])
    assert french["messages"]["ui.locale"] == "fr-CA"


SAY = re.compile(r'say\(\s*((?:"[^"]*"\s*)+)')


def said() -> set[str]:
    """Every literal English text the renderers pass to ``say`` (joined implicit concatenation)."""
    found = set()
    for module in SITE_SCRIPTS.rglob("*.py"):
        for match in SAY.finditer(module.read_text(encoding="utf-8")):
            found.add("".join(re.findall(r'"([^"]*)"', match.group(1))))
    return found


def test_every_renderer_text_has_its_french() -> None:
    """Each text the renderers say has a French entry with the same placeholders."""
    french = words.words("fr")
    texts = said()
    assert len(texts) > 30
    missing = sorted(texts - set(french))
    assert missing == []
    for text in texts:
        assert set(re.findall(r"\{(\w+)\}", text)) == set(re.findall(r"\{(\w+)\}", french[text]))


def test_a_french_page_meeting_untranslated_renderer_text_stops_the_build() -> None:
    """say() on a French page with no French entry raises, naming the text."""
    with messages.language("fr"), pytest.raises(LookupError, match="A sentence nobody"):
        words.say("A sentence nobody translated")


def test_a_french_page_meeting_data_text_without_french_stops_the_build() -> None:
    """data_text() on a French page raises for a data text with no French, naming where the
    data holds it; with its French it gives the French (issue 24)."""
    with messages.language("fr"):
        with pytest.raises(LookupError, match="A sentence nobody.*labels.fr.toml"):
            words.data_text("A sentence nobody translated")
        row = "CLB 7 or more in all four, one or more under 9"
        assert words.data_text(row) == words.inert(messages.labels("fr")[row])
        assert words.data_text(row).startswith("NCLC 7")


def test_french_pages_type_no_number_the_english_twin_does_not() -> None:
    """French pages use the data placeholders their English twins use, no more typed numbers."""

    def numbers(text: str) -> list[str]:
        body = re.sub(r"\{\{[^}]*\}\}", " ", text.split("---", 2)[-1])
        body = re.sub(r"\([^)]*\.md[^)]*\)|\{ #[^}]*\}|\]\([^)]*\)", " ", body)
        return sorted(re.findall(r"(?<![\w.])\d[\d ,.]*\d|(?<![\w.])\d(?![\w])", body))

    def placeholders(text: str) -> list[str]:
        return sorted(re.findall(r"\{\{\s*([^}]*?)\s*\}\}", text))

    for page in english_pages():
        twin = page.with_name(page.name[:-3] + ".fr.md")
        english, french = page.read_text(encoding="utf-8"), twin.read_text(encoding="utf-8")
        assert set(placeholders(french)) == set(placeholders(english)), twin
        extra = set(numbers(french)) - set(numbers(english))
        assert extra <= {"1", "2", "3", "4", "5", "6"}, (twin, sorted(extra))
