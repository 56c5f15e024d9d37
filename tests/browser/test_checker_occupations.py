"""The occupation search (combobox) in the job form, the category rounds in the result and the
categories page's filter, in Chromium. Expected codes come from the NOC titles file, expected
category figures from CPython's rules core."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Request, expect
from support.checker import (
    HIGH_LEVEL,
    checker_page,
    cpython,
    marks,
    open_sections,
    open_share_link,
    result_at,
    wait_for_mark,
)
from support.contract import contract_profile, job
from support.rules import APP, CAP, days_to_reach

from pycore.categories import eligibility as categories
from pycore.common.parameters import parameter
from site_scripts.tables.category_tables import titles

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots")
SEARCH = '[data-search="occupation"]'
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
TITLES_FILE = "noc-titles."


def codes_titled(start: str) -> list[str]:
    """The unit groups whose English title starts with ``start`` (from the titles file)."""
    return sorted(code for code, (english, _) in titles().items() if english.startswith(start))


def listed_code() -> str:
    """A code listed by an occupation category with a complete list, in force on APP."""
    for category in categories.in_force(APP):
        if category.kind == "occupation" and category.complete and category.codes:
            return category.codes[0]
    raise AssertionError("no complete occupation category in force")


def months_of_work(months: float) -> int:
    """Days at the weekly cap that make ``months`` of category experience on APP."""
    hours = Fraction(parameter("categories", "hours_per_month").value_at(APP)) * Fraction(months)
    return days_to_reach(float(hours), CAP)


def shoot(page: Page, name: str, selector: str | None = None) -> None:
    """A screenshot of the element ``selector``, or of the viewport, to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = str(SHOTS / f"occupations-{name}.png")
    if selector:
        page.locator(selector).screenshot(path=path)
    else:
        page.screenshot(path=path)


@pytest.fixture()
def checker(browser: Browser, site_url: str) -> Iterator[Page]:
    """A fresh checker page at 1280 px (fresh, so the titles file is not yet loaded)."""
    with checker_page(browser, site_url) as page:
        yield page


def options(page: Page) -> list[str]:
    """The codes listed by the first job's search, in order."""
    listbox = page.locator('[role="listbox"]').first
    expect(listbox).to_be_visible()
    return [o.get_attribute("data-code") or "" for o in listbox.locator('[role="option"]').all()]


@pytest.mark.parametrize(("typed", "title_start"), [("cook", "Cooks"), ("soft", "Software")])
def test_a_few_keystrokes_find_the_unit_group(checker: Page, typed: str, title_start: str) -> None:
    """'cook' and 'soft' list their unit groups first; choosing one fills the code and TEER."""
    expected = codes_titled(title_start)
    assert expected
    checker.locator(SEARCH).first.press_sequentially(typed)
    listed = options(checker)
    assert sorted(listed[: len(expected)]) == expected
    checker.locator(SEARCH).first.press("ArrowDown")
    checker.locator(SEARCH).first.press("Enter")
    code = listed[0]
    row = checker.locator(".cec-job").first
    expect(row.locator('[data-field="noc_code"]')).to_have_value(code)
    expect(row.locator('[data-field="teer"]')).to_have_value(code[1])
    link = row.locator(".cec-occupation-chosen a")
    assert code in (link.get_attribute("href") or "")
    expect(row.locator('[role="status"]').first).to_contain_text(code)


# The queries and the unit group each must list first, named by the start of its title
# in the titles file (so the codes come from the data, not from this test).
EVERYDAY_QUERIES = {
    "en": [
        ("personal support worker", "Nurse aides, orderlies"),
        ("PSW", "Nurse aides, orderlies"),
        ("line cook", "Cooks"),
        ("RN", "Registered nurses"),
        ("nurse", "Registered nurses"),
    ],
    "fr": [
        ("camionneur", "Conducteurs/conductrices de camions de transport"),
        ("préposé aux bénéficiaires", "Aides-infirmiers"),
    ],
}


def code_titled(language: str, start: str) -> str:
    """The one unit group whose title in ``language`` starts with ``start``."""
    column = ("en", "fr").index(language)
    found = [code for code, names in titles().items() if names[column].startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


@pytest.mark.parametrize(("language", "width"), [("en", 1280), ("fr", 390)])
def test_everyday_names_find_their_unit_group_first(
    browser: Browser, site_url: str, language: str, width: int
) -> None:
    """'PSW', 'RN', 'line cook', 'nurse' (English) and 'camionneur' (French) list their unit
    group first, say which name matched, announce the count; no axe violation, no overflow."""
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 500 else 900})
    page = context.new_page()
    try:
        page.goto(f"{site_url}{'/fr' if language == 'fr' else ''}/checker/")
        wait_for_mark(page, "cec:ready")
        search = page.locator(SEARCH).first
        status = page.locator(".cec-occupation [role='status']").first
        for typed, title in EVERYDAY_QUERIES[language]:
            search.fill("")
            search.press_sequentially(typed)
            listed = options(page)
            assert listed[0] == code_titled(language, title), typed
            first = page.locator('[role="listbox"] [role="option"]').first
            expect(first).to_contain_text(typed)  # "Found as ..." names what matched
            expect(status).to_contain_text(str(len(listed)) if len(listed) < 8 else "8")
        search.press("ArrowDown")
        page.locator('[role="listbox"]').first.scroll_into_view_if_needed()
        shoot(page, f"everyday-{language}-{width}")
        assert page.evaluate(OVERFLOW) <= 0
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


def test_combobox_by_keyboard_only(checker: Page) -> None:
    """Tab in, type, arrows move the active option, Escape closes then clears, Enter picks."""
    search = checker.locator(SEARCH).first
    for _ in range(80):
        checker.keyboard.press("Tab")
        if checker.evaluate("document.activeElement.dataset.search || ''") == "occupation":
            break
    expect(search).to_be_focused()
    prefix = listed_code()[:3]
    checker.keyboard.type(prefix)
    expect(search).to_have_attribute("aria-expanded", "true")
    listed = options(checker)
    assert listed == sorted(listed) and all(code.startswith(prefix) for code in listed)
    status = checker.locator(".cec-occupation [role='status']").first
    expect(status).not_to_be_empty()

    def active() -> str:
        ident = search.get_attribute("aria-activedescendant")
        assert ident
        option = checker.locator(f"#{ident}")
        expect(option).to_have_attribute("aria-selected", "true")
        return option.get_attribute("data-code") or ""

    checker.keyboard.press("ArrowDown")
    assert active() == listed[0]
    checker.keyboard.press("ArrowDown")
    assert active() == listed[1]
    checker.keyboard.press("ArrowUp")
    assert active() == listed[0]
    checker.keyboard.press("Escape")
    expect(search).to_have_attribute("aria-expanded", "false")
    expect(search).to_have_value(prefix)
    checker.keyboard.press("Escape")
    expect(search).to_have_value("")
    results = marks(checker, "cec:result")
    checker.keyboard.type(prefix)
    checker.keyboard.press("ArrowDown")
    checker.keyboard.press("Enter")
    expect(search).to_have_attribute("aria-expanded", "false")
    expect(checker.locator('[data-field="noc_code"]').first).to_have_value(listed[0])
    assert marks(checker, "cec:result") == results  # Enter picked; it did not submit the form


def test_titles_loaded_only_when_the_search_is_used(browser: Browser, site_url: str) -> None:
    """Guide pages and a checker verdict fetch no titles; the first keystroke fetches them once."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    fetched: list[str] = []

    def record(request: Request) -> None:
        if TITLES_FILE in request.url:
            fetched.append(request.url)

    page.on("request", record)
    try:
        for path in ("/", "/express-entry/categories/", "/eligibility/work-experience/"):
            page.goto(site_url + path)
            page.wait_for_load_state("networkidle")
        assert fetched == []
        code = listed_code()
        body = contract_profile(
            [job(APP - timedelta(days=500), None, teer=int(code[1]), noc_code=code)], []
        )
        open_share_link(page, site_url, body)
        page.wait_for_load_state("networkidle")
        assert fetched == []
        page.locator(SEARCH).first.press_sequentially("co")
        options(page)
        page.locator(SEARCH).first.press_sequentially("ok")
        options(page)
        assert len(fetched) == 1 and fetched[0].endswith("noc-titles.en.json"), fetched
    finally:
        context.close()


def test_no_axe_violations_with_the_list_open(checker: Page) -> None:
    """With the options listed and one active, axe finds no violation."""
    checker.locator(SEARCH).first.press_sequentially("software")
    options(checker)
    checker.locator(SEARCH).first.press("ArrowDown")
    checker.locator(SEARCH).first.scroll_into_view_if_needed()
    shoot(checker, "listbox-1280")
    results = Axe().run(checker)
    assert results.violations_count == 0, results.generate_report()


def category_profile(months: float) -> dict:  # type: ignore[type-arg]
    """An ongoing job in a listed code with ``months`` of experience on APP, and a test."""
    code = listed_code()
    start = APP - timedelta(days=months_of_work(months))
    return contract_profile(
        [job(start, None, teer=int(code[1]), noc_code=code, title="Listed job")],
        [result_at(HIGH_LEVEL)],
    )


@pytest.mark.parametrize("short", [False, True])
def test_categories_beside_the_verdict(browser: Browser, site_url: str, short: bool) -> None:
    """Met and short profiles: each category's status, sentence and figures are the engine's.
    Each on a fresh page (the module's shared page once showed no result for the second link
    under load; see the closing note of issue 23)."""
    required = parameter("categories", "experience_months").value_at(APP)
    body = category_profile(required - 4 if short else required + 1)
    expected = cpython(body)["categories"]
    with checker_page(browser, site_url) as checker:
        _categories_beside_the_verdict(checker, site_url, body, expected, short)


def _categories_beside_the_verdict(
    checker: Page,
    site_url: str,
    body: dict,
    expected: list,
    short: bool,  # type: ignore[type-arg]
) -> None:
    open_share_link(checker, site_url, body)
    open_sections(checker)
    section = checker.locator("#cec-categories")
    expect(section).to_be_visible()
    unlisted = [e for e in expected if "category.no_listed_occupation" in e["reasons"]]
    for entry in expected:
        if entry in unlisted:
            continue
        item = section.locator(f'[data-category="{entry["id"]}"]')
        met = "null" if entry["met"] is None else str(entry["met"]).lower()
        expect(item).to_have_attribute("data-met", met)
        expect(item).to_contain_text(entry["message"])
        facts = entry["facts"]
        if facts.get("occupation"):
            expect(item).to_have_attribute("data-occupation", facts["occupation"])
            expect(item).to_have_attribute("data-months", str(facts["months"]))
            expect(item).to_have_attribute("data-projected", facts["projected_date"] or "")
    listed = [e for e in expected if e["facts"].get("occupation")]
    assert listed and all(e["met"] is (not short) for e in listed)
    if short:
        assert any(e["facts"]["projected_date"] for e in listed)
    if unlisted:
        line = section.locator(".cec-category--unlisted")
        for entry in unlisted:
            expect(line).to_contain_text(entry["name"])
    checker.mouse.move(0, 0)
    shoot(checker, f"categories-{'short' if short else 'met'}-1280", "#cec-categories")
    results = Axe().run(checker)
    assert results.violations_count == 0, results.generate_report()


def test_narrow_screen_with_list_and_categories(browser: Browser, site_url: str) -> None:
    """At 390 px: no sideways scrolling with the options open or the categories shown."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    try:
        page.goto(f"{site_url}/checker/")
        wait_for_mark(page, "cec:ready")
        page.locator(SEARCH).first.press_sequentially("software")
        options(page)
        page.locator(SEARCH).first.scroll_into_view_if_needed()
        shoot(page, "listbox-390")
        assert page.evaluate(OVERFLOW) <= 0
        required = parameter("categories", "experience_months").value_at(APP)
        open_share_link(page, site_url, category_profile(required - 4))
        open_sections(page)
        shoot(page, "categories-390", "#cec-categories")
        assert page.evaluate(OVERFLOW) <= 0
    finally:
        context.close()


def test_categories_page_filter(browser: Browser, site_url: str) -> None:
    """The guide's filter keeps the rows matching 'cook' and hides the other categories."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site_url}/express-entry/categories/")
        box = page.locator("[data-occupation-filter]")
        expect(box).to_be_visible()
        rows_before = page.locator("details tbody tr").count()
        page.locator("#occupation-filter-input").press_sequentially("cook")
        shown = page.locator("details:not([hidden]) tbody tr:not([hidden])")
        cooks = codes_titled("Cooks")
        assert shown.count() > 0
        for text in shown.all_inner_texts():
            assert any(code in text for code in cooks), text
        expect(box.locator("[role='status']")).not_to_be_empty()
        box.scroll_into_view_if_needed()
        shoot(page, "categories-page-1280")
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        page.locator("#occupation-filter-input").fill("")
        assert page.locator("details tbody tr:not([hidden])").count() == rows_before
        page.set_viewport_size({"width": 390, "height": 844})
        page.locator("#occupation-filter-input").press_sequentially("software")
        box.scroll_into_view_if_needed()
        shoot(page, "categories-page-390")
        assert page.evaluate(OVERFLOW) <= 0
    finally:
        context.close()


def test_categories_page_without_javascript(browser: Browser, site_url: str) -> None:
    """Without JavaScript the filter stays hidden and every list is on the page."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/express-entry/categories/")
        expect(page.locator("[data-occupation-filter]")).to_be_hidden()
        codes = {code for c in categories.all_categories() for code in c.codes}
        html = page.content()
        assert all(code in html for code in codes)
    finally:
        context.close()
