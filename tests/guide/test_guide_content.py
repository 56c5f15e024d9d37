"""The guide's reader pages (home, eligibility, FAQ): numbers come from data, the seeds' errors
stay out, every page cites an official source, and the worked examples agree with the data."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pycore.assessment import data_verified
from pycore.common import charts, formatting
from pycore.common.parameters import load, parameter, source
from site_scripts.tables.formatting import long_date

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# Markdown source -> built page, for the pages this module covers.
PAGES = {
    "index.md": "index.html",
    "eligibility/index.md": "eligibility/index.html",
    "eligibility/work-experience.md": "eligibility/work-experience/index.html",
    "eligibility/language.md": "eligibility/language/index.html",
    "eligibility/quebec-admissibility.md": "eligibility/quebec-admissibility/index.html",
    "eligibility/not-required.md": "eligibility/not-required/index.html",
    "faq.md": "faq/index.html",
    "express-entry/index.md": "express-entry/index.html",
    "changes-ahead.md": "changes-ahead/index.html",
    "after-invitation/index.md": "after-invitation/index.html",
    "after-invitation/bridging-open-work-permit.md": (
        "after-invitation/bridging-open-work-permit/index.html"
    ),
}

FRONT_MATTER = re.compile(r"\A---\n(?P<meta>.*?)\n---\n", re.S)
PLACEHOLDER = re.compile(r"\{\{[^{}]*\}\}")
QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")


def reviewed() -> date:
    """The guide's review date (``extra.reviewed`` in mkdocs.yml), the day values are read for."""
    match = re.search(r"^\s*reviewed:\s*(\d{4}-\d\d-\d\d)", (ROOT / "mkdocs.yml").read_text(), re.M)
    assert match, "mkdocs.yml has no extra.reviewed date"
    return date.fromisoformat(match.group(1))


def value(file: str, key: str) -> Any:
    """A parameter's value on the review date."""
    return parameter(file, key).value_at(reviewed())


def level(teer: int) -> int:
    """The language level a main occupation of TEER ``teer`` needs on the review date."""
    levels = [item["level"] for item in value("language", "minimum_level") if teer in item["teers"]]
    assert len(levels) == 1, f"TEER {teer} has {len(levels)} levels in language.minimum_level"
    return int(levels[0])


def markdown(page: str) -> str:
    """A page's Markdown source."""
    return (DOCS / page).read_text(encoding="utf-8")


def prose(page: str) -> str:
    """A page's Markdown without front matter and placeholders: the words an author typed."""
    return PLACEHOLDER.sub(" ", FRONT_MATTER.sub("", markdown(page)))


def front_matter(page: str) -> dict[str, str]:
    """The page's front matter as raw ``key: text`` pairs (flat YAML is all the pages use)."""
    match = FRONT_MATTER.match(markdown(page))
    assert match, f"{page} has no front matter"
    pairs = (line.split(":", 1) for line in match.group("meta").splitlines() if ":" in line)
    return {key.strip(): text.strip() for key, text in pairs}


def source_ids(page: str) -> list[str]:
    """The ids listed in the page's ``sources: [...]`` front matter."""
    listed = front_matter(page).get("sources", "")
    return [item.strip() for item in listed.strip("[]").split(",") if item.strip()]


@pytest.fixture(scope="module")
def built_html(built_site: Path) -> dict[str, str]:
    """The HTML of each built page's article (the content, without navigation)."""
    articles = {}
    for page, built in PAGES.items():
        page_html = (built_site / built).read_text(encoding="utf-8")
        articles[page] = page_html[page_html.find("<article") : page_html.find("</article>")]
    return articles


@pytest.fixture(scope="module")
def built_text(built_html: dict[str, str]) -> dict[str, str]:
    """The readable text of each built article (tags removed, entities decoded)."""
    texts = {}
    for page, article in built_html.items():
        article = re.sub(r"<(script|style)\b.*?</\1>", " ", article, flags=re.S)
        # Inline tags (abbreviation tooltips, links, emphasis) sit inside words; others split them.
        article = re.sub(r"</?(abbr|a|strong|em|code|span)\b[^>]*>", "", article)
        texts[page] = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", article)))
    return texts


def sentences(text: str) -> list[str]:
    """Text split into sentences (good enough for checking what a sentence claims)."""
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


# --- numbers come from data ------------------------------------------------------------------


def typed_number_patterns() -> dict[str, re.Pattern[str]]:
    """Patterns for legal numbers written out by hand, built from the data's current values."""
    hours = value("work_experience", "hours_required")
    cap = value("work_experience", "weekly_hours_cap")
    years = {
        value("work_experience", "window_years"),
        value("language", "result_validity_years"),
        value("express_entry", "eca_validity_years"),
    }
    days = value("express_entry", "ita_response_days")
    months = value("express_entry", "profile_validity_months")
    levels = {item["level"] for item in value("language", "minimum_level")}
    either = "|".join
    return {
        "hours required": re.compile(rf"\b{hours // 1000}[,\s]?{hours % 1000:03d}\b|\b{hours}\b"),
        "weekly cap": re.compile(rf"\b{cap}\s*(hours|h)\b"),
        "years": re.compile(rf"\b({either(str(y) for y in years)})[\s-]*years?\b"),
        "ITA days": re.compile(rf"\b{days}\s+(calendar\s+)?days\b"),
        "profile months": re.compile(rf"\b{months}\s+months\b"),
        "language level": re.compile(rf"\b(CLB|NCLC)\s*({either(str(n) for n in levels)})\b"),
    }


@pytest.mark.parametrize("page", PAGES)
def test_markdown_types_no_legal_number(page: str) -> None:
    """A page's own words never type a legal number the data holds (quotes of old pages aside)."""
    typed = QUOTED.sub(" ", prose(page))
    for name, pattern in typed_number_patterns().items():
        found = pattern.search(typed)
        assert found is None, f"{page} types the {name} {found.group(0)!r}: use a placeholder"


@pytest.mark.parametrize("page", PAGES)
def test_built_page_has_no_placeholder_left(built_text: dict[str, str], page: str) -> None:
    """Every placeholder of the page was expanded at build time."""
    assert "{{" not in built_text[page] and "}}" not in built_text[page]


def test_built_pages_show_the_data_values(built_text: dict[str, str]) -> None:
    """The built pages print the thresholds in force on the review date, formatted for readers."""
    hours = f"{value('work_experience', 'hours_required'):,} hours"
    cap = f"{value('work_experience', 'weekly_hours_cap')} hours a week"
    window = f"{value('work_experience', 'window_years')} years before"
    teers = [str(t) for t in value("work_experience", "eligible_teers")]
    teer_list = f"TEER {', '.join(teers[:-1])} or {teers[-1]}"
    high = f"CLB {level(1)}"
    low = f"CLB {level(3)}"
    validity = f"{value('language', 'result_validity_years')} years"
    for page in ("index.md", "eligibility/index.md", "eligibility/work-experience.md"):
        for expected in (hours, cap, window, teer_list):
            assert expected in built_text[page], f"{page} lacks {expected!r}"
    for page in ("eligibility/language.md", "faq.md"):
        for expected in (high, low, validity):
            assert expected in built_text[page], f"{page} lacks {expected!r}"
    assert f"{value('express_entry', 'ita_response_days')} days" in built_text["index.md"]


def test_language_page_renders_every_chart_version(
    built_html: dict[str, str], built_text: dict[str, str]
) -> None:
    """The language page shows each approved test's chart, one table per dated version."""
    for test_id in charts.TESTS:
        assert charts.versions(test_id)[0].name in built_text["eligibility/language.md"]
    total_versions = sum(len(charts.versions(t)) for t in charts.TESTS)
    # The page's own tables (levels, approved tests), counted by their delimiter rows.
    own_tables = len(re.findall(r"^\|\s*:?-{3}", markdown("eligibility/language.md"), re.M))
    assert built_html["eligibility/language.md"].count("<table") == total_versions + own_tables


# --- the seeds' wrong claims stay out -----------------------------------------------------------

# (what the seeds got wrong, a pattern for sentences that mention it, words one of which such a
# sentence must contain so that it reads as a correction, not as a current rule)
SEED_CLAIMS = [
    (
        "NOC 0/A/B as the current rule",
        r"NOC (0|B)\b|NOC Skill Type|Skill Level [AB]",
        (
            "older",
            "old ",
            "before",
            "out of date",
            "no longer",
            "was the rule",
            "became",
            "split",
            "replaced",
            "former",
            "?",
        ),
    ),
    ("TEER B", r"TEER [AB]\b", ("no ",)),
    (
        "high school diploma required",
        r"(high|secondary) school diploma",
        ("no ", "not ", "don't", "do not", "older pages", "?"),
    ),
    (
        "Quebec work excluded",
        r"(work|experience) in Quebec do(es)? not|Quebec work does not",
        ("older pages", "wrong", "does not say"),
    ),
    ("a good score in the high 400s", r"high 400", ("out of date", "older pages")),
    ("IELTS 6 as a CLB equivalent", r"IELTS 6", ("older pages", "it depends", "?")),
    ("CLB 7 for everyone", r"minimum of (CLB|Canadian Language Benchmark)", ("TEER",)),
]


@pytest.mark.parametrize(
    ("claim", "pattern", "markers"), SEED_CLAIMS, ids=[c[0] for c in SEED_CLAIMS]
)
def test_seed_claims_appear_only_as_corrections(
    built_text: dict[str, str], claim: str, pattern: str, markers: tuple[str, ...]
) -> None:
    """A sentence that mentions an error of the seed pages always says it is outdated or wrong."""
    regex = re.compile(pattern, re.I)
    for page, text in built_text.items():
        for sentence in sentences(text):
            if regex.search(sentence):
                lowered = sentence.lower()
                assert any(m.lower() in lowered for m in markers), f"{page}: {sentence!r}"


# --- what the audit of issue 9 found out of date stays out ------------------------------------

# (the outdated claim, a pattern for sentences that state it, words one of which such a sentence
# must contain so that it reads as a correction or as dated history)
AUDIT_CLAIMS = [
    (
        "language validity counted from the test date",
        r"valid for .{0,60}(from|after) the (test date|day you (took|sat))",
        ("not the day",),
    ),
    (
        "requirements judged only on the day the application is submitted",
        r"not on the day you were invited|only on the day you (submit|apply)",
        ("older pages",),
    ),
    (
        "bridging permit needs a work permit expiring within a few months",
        r"(expire|expiring|expires) within \S+ months",
        ("until", "older", "no longer"),
    ),
]


@pytest.mark.parametrize(
    ("claim", "pattern", "markers"), AUDIT_CLAIMS, ids=[c[0] for c in AUDIT_CLAIMS]
)
def test_audit_findings_appear_only_as_corrections(
    built_text: dict[str, str], claim: str, pattern: str, markers: tuple[str, ...]
) -> None:
    """A sentence stating a rule the audit found outdated says it is outdated or history."""
    regex = re.compile(pattern, re.I)
    for page, text in built_text.items():
        for sentence in sentences(text):
            if regex.search(sentence):
                lowered = sentence.lower()
                assert any(m.lower() in lowered for m in markers), f"{page}: {sentence!r}"


def test_requirement_dates_pages_name_both_the_invitation_and_the_application() -> None:
    """Pages saying when requirements are met name the invitation day and the application day."""
    for page in ("after-invitation/index.md", "eligibility/index.md", "express-entry/index.md"):
        text = " ".join(prose(page).split())
        assert "invited" in text and "receives your application" in text, page
        assert "pdi_ee_assessment" in source_ids(page), page


def test_bridging_page_shows_the_current_status_condition_first(built_text: dict[str, str]) -> None:
    """The bridging page states the status condition in force, before the older window."""
    text = " ".join(built_text["after-invitation/bridging-open-work-permit.md"].split())
    current = parameter("express_entry", "bowp_status_condition").value_at(reviewed())
    assert current in text
    assert text.index(current) < text.index("History")


def test_profile_validity_dates_from_the_start_of_express_entry(built_text: dict[str, str]) -> None:
    """The Express Entry page dates the profile's months from the first value in the data."""
    first = parameter("express_entry", "profile_validity_months").values[0]
    assert long_date(first.effective) in built_text["express-entry/index.md"]


def test_work_experience_page_says_maintained_status_work_is_authorized(
    built_text: dict[str, str],
) -> None:
    """The work-experience page counts work on maintained status as authorized, citing 186(u)."""
    text = built_text["eligibility/work-experience.md"]
    assert "maintained status" in text and "186(u)" in text
    assert "irpr_186" in source_ids("eligibility/work-experience.md")


def test_language_page_counts_validity_from_the_result_date(built_text: dict[str, str]) -> None:
    """The language page says results are valid for the data's years after the result date."""
    text = built_text["eligibility/language.md"]
    years = value("language", "result_validity_years")
    assert re.search(rf"valid for {years} years after the date of\s+the\s+test result", text)


# --- sources ------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_page_cites_official_sources(page: str) -> None:
    """Each page has a description and lists known sources, at least one of them official."""
    assert front_matter(page).get("description"), f"{page} has no description"
    ids = source_ids(page)
    assert ids, f"{page} lists no sources"
    known = load("sources")
    assert [i for i in ids if i not in known] == []
    assert any(source(i).reliability == "O" for i in ids), f"{page} cites no official text"


@pytest.mark.parametrize("page", PAGES)
def test_built_page_ends_with_its_sources(built_text: dict[str, str], page: str) -> None:
    """The build appended the page's reference list, under "Sources" where a third-party
    source is listed and "Official sources" otherwise, and the last-reviewed date."""
    text = built_text[page]
    refs = [source(source_id) for source_id in source_ids(page)]
    third_party = any(ref.reliability == "T" for ref in refs)
    if third_party:
        assert "Official sources" not in text and "Sources" in text
    else:
        assert "Official sources" in text
    assert "Last reviewed" in text
    for source_id in source_ids(page):
        assert source(source_id).title in text


# --- examples and claims that depend on the data ----------------------------------------------


def test_work_examples_add_up_with_the_data() -> None:
    """The worked examples' inputs (typed on the page) still give the results the data prints."""
    hours = value("work_experience", "hours_required")
    cap = value("work_experience", "weekly_hours_cap")
    text = prose("eligibility/work-experience.md")
    # Example 1 and 4: full time for 52 weeks; example 5: two stretches of 26 weeks.
    assert cap * 52 == hours and "52 weeks" in text
    assert cap * (26 + 26) == hours and "26 weeks" in text
    # Example 2: 15 hours a week for 104 weeks.
    assert 15 * 104 == hours and "15 hours a week" in text and "104 weeks" in text
    # Example 3: 25 + 15 hours a week is over the cap, and the surplus is 10 hours.
    assert 25 + 15 > cap and 25 + 15 - cap == 10 and "extra 10 hours" in text
    # Example 1 variant: 40 hours a week still counts as the cap.
    assert 40 > cap and "40 hours a week" in text


def test_teer_statements_follow_the_data() -> None:
    """TEER 3 counts and TEER 4 does not, as the NOC transition paragraph says."""
    teers = value("work_experience", "eligible_teers")
    assert 3 in teers and 4 not in teers


def test_language_statements_follow_the_data() -> None:
    """The TEER 0-1 level is the higher one, and every chart's lowest row is level 4."""
    assert level(0) == level(1) > level(2) == level(3)
    for test_id in charts.TESTS:
        for chart in charts.versions(test_id):
            assert min(level for level, _ in chart.rows) == 4
    ielts = charts.chart("ielts_general", reviewed())
    uneven = [level for level, scores in ielts.rows if len(set(scores.values())) > 1]
    assert len(uneven) > len(ielts.rows) / 2  # "at most levels ... not the same in every ability"


def test_footer_says_when_the_data_was_verified_and_how_recent_the_rounds_are(
    built_site: Path,
) -> None:
    """Every page's footer gives the data's last check and the rounds' last day (the dates the
    checker's result gives), not the date of the latest rule change."""
    for lang, built in (("en", "index.html"), ("fr", "fr/index.html")):
        page_html = (built_site / built).read_text(encoding="utf-8")
        footer = re.search(r'<p class="cec-footer-note">(.*?)</p>', page_html, re.S)
        assert footer, lang
        text = " ".join(footer.group(1).split())
        assert "rule change" not in text and "modification" not in text
        for day in data_verified().values():
            assert formatting.long_date(day, lang) in text, (lang, day)
