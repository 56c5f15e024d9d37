"""The checker's "Your ranking" section and CRS result in Chromium: filled by keyboard, a spouse
case, errors on its fields, the answers file round trip, print, axe and the 390 px layout.
Every figure expected comes from CPython's rules core on the same profile."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect
from support.checker import (
    HIGH_LEVEL,
    checker_page,
    cpython,
    open_ranking,
    open_sections,
    open_share_link,
    reader_number,
    result_at,
    share_url,
    wait_for_mark,
)
from support.contract import contract_profile, crs_answers, job
from support.rules import APP

from pycore.common import charts
from pycore.crs.profile import education_levels

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots")
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
SPOUSE_TEST = "crs.spouse.language_test"


def ranking(born_years: int = 29, **fields: Any) -> dict[str, Any]:
    """A complete ``crs`` object for someone ``born_years`` old on the application date."""
    return crs_answers(born_years, education=education_levels()[-3], foreign_work_years=1, **fields)


def ranked(crs: dict[str, Any] | None = None) -> dict[str, Any]:
    """Two years of work at the cap and a test at the higher level, with a ``crs`` object."""
    body = contract_profile(
        [job(APP - timedelta(days=730), None, title="Developer")], [result_at(HIGH_LEVEL)]
    )
    body["crs"] = crs or ranking()
    return body


def spouse_test(level: int, **scores: float) -> dict[str, Any]:
    """A spouse's test at ``level`` in every ability, some scores replaced."""
    result: dict[str, Any] = {**result_at(level, taken=APP - timedelta(days=60)), **scores}
    return result


def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"ranking-{name}.png"), full_page=True)


def expect_result(page: Page, crs: dict[str, Any]) -> None:
    """The page shows the engine's total, each factor's points and sentence, and its levers."""
    result = open_ranking(page)
    expect(result.get_by_test_id("crs-total")).to_have_text(reader_number(crs["total"]))
    expect(result.locator(".cec-crs-total")).to_contain_text(
        f"of {reader_number(crs['max_total'])}"
    )
    for factor in crs["factors"]:
        if factor["id"].startswith("spouse_") and not crs["with_spouse"]:
            continue
        row = result.locator(f'tr[data-factor="{factor["id"]}"]')
        expect(row.locator(".cec-crs-points")).to_have_text(reader_number(factor["points"]))
        expect(row.locator("xpath=following-sibling::tr[1]")).to_have_text(factor["message"])
    ranked_gains = sorted(crs["improvements"], key=lambda item: -item["gain"])
    expect(result.locator(".cec-crs-raise li")).to_have_count(len(ranked_gains))
    expect(result.locator(".cec-crs-raise li").first).to_contain_text(ranked_gains[0]["message"])
    if crs["rounds"]:  # the rounds' section follows the ranking's
        rounds = page.locator("#cec-detail-rounds")
        expect(rounds.locator(".cec-crs-chart")).to_have_count(1)
        expect(rounds.locator("svg.cec-crs-chart circle")).to_have_count(len(crs["rounds"]["cec"]))


def test_keyboard_fills_the_ranking_section(browser: Browser, site_url: str) -> None:
    """Switching the section on and answering it with the keyboard alone gives the engine's CRS."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        body = ranked()
        without = {key: value for key, value in body.items() if key != "crs"}
        open_share_link(page, site_url, without)
        expect(page.locator("[data-crs]")).to_have_count(0)  # no section, no ranking

        def tab_until(test: str, limit: int = 120) -> None:
            for _ in range(limit):
                page.keyboard.press("Tab")
                if page.evaluate(
                    f"(() => {{ const e = document.activeElement; return {test}; }})()"
                ):
                    return
            raise AssertionError(f"Tab never reached {test}")

        def tab_to(field: str) -> None:
            tab_until(f"e.dataset.field === {json.dumps(field)}")

        def choose(field: str, position: int) -> None:
            tab_to(field)
            for _ in range(position):
                page.keyboard.press("ArrowDown")

        page.locator('[data-field="application_date"]').focus()
        tab_to("crs")
        page.keyboard.press("Space")
        crs = body["crs"]
        tab_to("crs.date_of_birth")
        page.keyboard.type(date.fromisoformat(crs["date_of_birth"]).strftime("%m%d%Y"))
        tab_to("crs.foreign_work_years")
        page.keyboard.type(str(crs["foreign_work_years"]))
        choose("crs.education", education_levels().index(crs["education"]) + 1)
        choose("crs.canadian_education", 1)  # the first answer: none
        choose("crs.spouse", 1)  # the first answer: no spouse or partner who counts
        shoot(page, "section-1280")
        tab_until("e.classList.contains('cec-submit')")
        page.keyboard.press("Enter")
        wait_for_mark(page, "cec:result", 2)
        expected = cpython(body)["crs"]
        assert expected["total"] is not None
        expect_result(page, expected)
        shoot(page, "result-1280")
    finally:
        context.close()


def test_a_spouse_changes_the_columns_and_scores(checker: Page, site_url: str) -> None:
    """An accompanying spouse with a test: their factors score and the form shows their answers."""
    test = spouse_test(HIGH_LEVEL)
    crs = ranking(
        spouse={"education": education_levels()[3], "canadian_work_years": 1, "language_test": test}
    )
    body = ranked(crs)
    expected = cpython(body)["crs"]
    assert expected["with_spouse"] is True and expected["spouse"] > 0
    open_share_link(checker, site_url, body)
    expect_result(checker, expected)
    spouse = checker.locator('[data-crs] li[data-section="spouse"]')
    expect(spouse).to_contain_text(f"{expected['spouse']} of {expected['section_max']['spouse']}")
    expect(checker.locator('[data-field="crs.spouse"]')).to_have_value("yes")
    expect(checker.locator(f'[data-field="{SPOUSE_TEST}.test"]')).to_have_value(test["test"])
    expect(checker.locator(f'[data-field="{SPOUSE_TEST}.reading"]')).to_have_value(
        f"{test['reading']:g}"
    )


def test_an_engine_error_lands_on_the_spouse_score(checker: Page, site_url: str) -> None:
    """A spouse's score off the test's scale: the error sits on that input; nothing is cleared."""
    chart = charts.chart("celpip_general", APP)
    off = chart.scale["reading"].max + chart.scale["reading"].step
    crs = ranking(
        spouse={
            "education": "none",
            "canadian_work_years": 0,
            "language_test": spouse_test(HIGH_LEVEL, reading=off),
        }
    )
    body = ranked(crs)
    errors = cpython(body)["errors"]
    error = next(item for item in errors if item["field"] == f"{SPOUSE_TEST}.reading")
    checker.goto(share_url(site_url, body))
    score = checker.locator(f'[data-field="{SPOUSE_TEST}.reading"]')
    expect(score).to_have_attribute("aria-invalid", "true")
    expect(score).to_be_focused()
    described = score.get_attribute("aria-describedby") or ""
    expect(checker.locator(f"#{described.split()[0]}")).to_have_text(error["message"])
    expect(checker.locator(".cec-error-summary")).to_contain_text("Their language test")
    expect(checker.locator('[data-field="crs.date_of_birth"]')).to_have_value(crs["date_of_birth"])
    expect(checker.locator('[data-field="title"]')).to_have_value("Developer")


def test_the_section_is_built_when_first_opened_or_printed(browser: Browser, site_url: str) -> None:
    """The ranking's body is not made while the result mounts: opening it builds it, and so does
    printing (which opens it), once. On a fresh page: a section opened by an earlier test would
    stay open through a new result."""
    body = ranked()
    expected = cpython(body)["crs"]
    with checker_page(browser, site_url) as checker:
        open_share_link(checker, site_url, body)
        _built_once(checker, expected)


def _built_once(checker: Page, expected: dict) -> None:  # type: ignore[type-arg]
    fold = checker.locator("details#cec-detail-crs")
    expect(fold.locator(":scope > summary")).to_have_text("Your ranking: a CRS estimate")
    expect(fold.locator(".cec-crs-total")).to_have_count(0)
    checker.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    expect(fold).to_have_attribute("open", "")
    expect(fold.get_by_test_id("crs-total")).to_have_text(reader_number(expected["total"]))
    fold.locator("summary").click()  # closed and opened again: built once
    fold.locator("summary").click()
    expect(fold.locator(".cec-crs-total")).to_have_count(1)


def test_a_missing_answer_is_named_not_scored(checker: Page, site_url: str) -> None:
    """Without a date of birth there is no total: the result names the answer, linked to it."""
    body = ranked(ranking(date_of_birth=None))
    expected = cpython(body)["crs"]
    assert expected["total"] is None and "crs.date_of_birth" in expected["missing"]
    open_share_link(checker, site_url, body)
    missing = open_ranking(checker).locator(".cec-crs-missing a")
    expect(missing).to_have_count(len(expected["missing"]))
    expect(missing.first).to_have_text("Date of birth")
    open_sections(checker)
    missing.first.click()
    expect(checker.locator('[data-field="crs.date_of_birth"]')).to_be_focused()


@pytest.mark.parametrize("with_crs", [True, False])
def test_the_answers_file_carries_the_section(checker: Page, site_url: str, with_crs: bool) -> None:
    """Opened from a share link, the answers file holds the same profile, crs or no crs key."""
    body = ranked(
        ranking(
            sibling_in_canada=True,
            canadian_work_years=2,
            spouse={
                "education": education_levels()[2],
                "canadian_work_years": 3,
                "language_test": None,
            },
        )
    )
    if not with_crs:
        del body["crs"]
    open_share_link(checker, site_url, body)
    with checker.expect_download() as download:
        checker.get_by_role("button", name="Download answers (JSON)").click()
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert saved == body
    expect(checker.locator("details#cec-detail-crs")).to_have_count(1 if with_crs else 0)


def test_remember_keeps_the_section(browser: Browser, site_url: str) -> None:
    """Remembered answers with the section come back on the next visit, section switched on."""
    context = browser.new_context()
    page = context.new_page()
    try:
        body = ranked()
        open_share_link(page, site_url, body)
        page.get_by_label("Remember my answers on this device").check()
        page.goto(f"{site_url}/checker/")
        expect(page.locator('[data-field="crs"]')).to_be_checked()
        expect(page.locator('[data-field="crs.date_of_birth"]')).to_have_value(
            body["crs"]["date_of_birth"]
        )
        stored = page.evaluate("localStorage.getItem('cec-checker-profile')")
        assert json.loads(stored)["crs"] == body["crs"]
    finally:
        context.close()


def test_print_includes_the_ranking(checker: Page, site_url: str) -> None:
    """Printed, the result keeps the ranking: total, factors and the chart (printing builds and
    opens the folded section)."""
    open_share_link(checker, site_url, ranked())
    checker.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    checker.emulate_media(media="print")
    try:
        expect(checker.get_by_test_id("crs-total")).to_be_visible()
        expect(checker.locator(".cec-crs-factors").first).to_be_visible()
        expect(checker.locator(".cec-crs-chart")).to_be_visible()
        expect(checker.locator("[data-cec-form]")).to_be_hidden()
    finally:
        checker.emulate_media(media="screen")


def test_guide_links_resolve(checker: Page, site_url: str) -> None:
    """The ranking's links to the CRS guide and to Changes ahead lead to pages of the site."""
    open_share_link(checker, site_url, ranked(ranking(born_years=35)))
    hrefs = (
        open_ranking(checker)
        .locator(".cec-crs-note a")
        .evaluate_all("links => links.map(a => a.href)")
    )
    assert len(hrefs) == 2
    for href in hrefs:
        assert href.startswith(site_url)
        assert checker.request.get(href).status == 200


@pytest.mark.parametrize("width", [1280, 390])
def test_no_axe_violations_nor_sideways_scroll(browser: Browser, site_url: str, width: int) -> None:
    """With the section open (a spouse and their test) and with its result, axe finds nothing and
    nothing scrolls sideways."""
    context = browser.new_context(
        viewport={"width": width, "height": 900}, is_mobile=width < 600, has_touch=width < 600
    )
    page = context.new_page()
    try:
        crs = ranking(
            spouse={
                "education": "none",
                "canadian_work_years": 0,
                "language_test": spouse_test(HIGH_LEVEL),
            }
        )
        body = ranked(crs)
        open_share_link(page, site_url, body)
        expect(page.locator(f'[data-field="{SPOUSE_TEST}.test"]')).to_be_visible()
        open_sections(page)
        expect(page.locator("#cec-detail-rounds .cec-crs-chart")).to_be_visible()
        page.mouse.move(0, 0)
        assert page.evaluate(OVERFLOW) <= 0
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        shoot(page, f"open-{width}")
        # The section alone, before any result: switched on from a fresh page.
        page.goto(f"{site_url}/checker/")
        page.locator('[data-field="crs"]').check()
        page.locator('[data-field="crs.spouse"]').select_option("yes")
        page.get_by_role("button", name="Add their language test").click()
        expect(page.locator(f'[data-field="{SPOUSE_TEST}.test"]')).to_be_focused()
        assert page.evaluate(OVERFLOW) <= 0
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
