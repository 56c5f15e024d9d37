"""Six people's journeys, in Chromium: the result in short sits in the first screen under the
verdict, at 1280 and at 390 px, in English and in French, with axe clean. One page load per
person and language; the viewport changes from 1280 to 390 px on the same page. The lines and
their figures are CPython's for the same profile (the assessment's ``summary``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect
from support.checker import (
    HIGH_LEVEL,
    LOW_LEVEL,
    encode,
    open_share_link,
    result_at,
    wait_for_mark,
)
from support.contract import contract_profile, crs_answers, job
from support.rules import APP, CAP, REQUIRED

from pycore import api
from pycore.common import messages
from pycore.common.dates import years_before
from pycore.common.parameters import load

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots")
SCREENS = ((1280, 800), (390, 844))  # a laptop's first screen, then a phone's
FRENCH_LEVEL = load("crs")["combined_levels"]["french"][0]
DAYS_FOR_YEAR = int(-(-REQUIRED * 7 // CAP))


def ranking(**changes: Any) -> dict[str, Any]:
    """The ranking answers of a single person of 30 with a bachelor's degree."""
    return crs_answers(**changes)


def marc() -> dict[str, Any]:
    """Marc: TEF with NCLC 6 in listening and speaking, one level under the French category's;
    not eligible (language) and the French rounds within reach by one test."""
    body = contract_profile(
        [job(APP - timedelta(days=400), None, title="Analyste")],
        [result_at(FRENCH_LEVEL, "tef_canada", short=("listening", "speaking"))],
    )
    body["crs"] = ranking(date_of_birth=years_before(APP, 32).isoformat())
    return body


def priya() -> dict[str, Any]:
    """Priya: a registered nurse for a year and a half, CLB 8 in English: eligible, the
    healthcare category met (its rounds' range in the summary)."""
    nurse = job(APP - timedelta(days=550), None, noc_code="31301", title="Registered nurse")
    body = contract_profile([nurse], [result_at(8)])
    body["crs"] = ranking()
    return body


def ana() -> dict[str, Any]:
    """Ana: invited five days before her planned date, a few days short of the year that day:
    the alert to decline, first in the summary; no ranking answers."""
    invited = APP - timedelta(days=5)
    start = invited - timedelta(days=DAYS_FOR_YEAR - 3)
    body = contract_profile([job(start, None, title="Accountant")], [result_at(HIGH_LEVEL)])
    body["invitation_date"] = invited.isoformat()
    return body


def sam() -> dict[str, Any]:
    """Sam: a licensed practical nurse for seven months: not yet (hours), the healthcare
    category within reach on its projected date."""
    lpn = job(APP - timedelta(days=213), None, teer=2, noc_code="32101", title="LPN")
    body = contract_profile([lpn], [result_at(LOW_LEVEL)])
    body["crs"] = ranking(education="two_year")
    return body


def lee() -> dict[str, Any]:
    """Lee: two years as a developer without a code, a top test, no ranking answers."""
    return contract_profile(
        [job(APP - timedelta(days=730), None, title="Developer")], [result_at(9)]
    )


def diego() -> dict[str, Any]:
    """Diego: an electrician who plans to live in Quebec (not the CEC), with a spouse who took
    a test: the trades category met, a spouse in the estimate."""
    trade = job(APP - timedelta(days=800), None, teer=2, noc_code="72200", title="Électricien")
    body = contract_profile([trade], [result_at(LOW_LEVEL)], quebec=True)
    spouse_test = result_at(LOW_LEVEL)
    body["crs"] = ranking(
        education="two_year",
        spouse={"education": "secondary", "canadian_work_years": 0, "language_test": spouse_test},
    )
    return body


PEOPLE: dict[str, Callable[[], dict[str, Any]]] = {
    "marc": marc,
    "priya": priya,
    "ana": ana,
    "sam": sam,
    "lee": lee,
    "diego": diego,
}


def engine(body: dict[str, Any], lang: str) -> dict[str, Any]:
    """CPython's assessment in ``lang`` on the day the page's worker runs it."""
    text = api.check_json(json.dumps(body), lang=lang, today=date.today().isoformat())
    answer: dict[str, Any] = json.loads(text)
    return answer


def no_axe_violations(page: Page) -> None:
    """Axe once the page's transitions are over (colours mid-fade are not the page's)."""
    running = "document.getAnimations().filter(a => a.playState === 'running').length"
    for _ in range(50):  # at most 5 s; the page's CSP forbids wait_for_function's eval
        if page.evaluate(running) == 0:
            break
        page.wait_for_timeout(100)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def expected_lines(result: dict[str, Any]) -> list[str]:
    """The summary's lines for ``result``, in order."""
    summary = result["summary"]
    lines = ["invitation"] if (result["invitation"] or {}).get("met_at_invitation") is False else []
    lines += ["cec", "crs"]
    lines += ["cutoffs"] if summary["cutoffs"] else []
    lines += ["categories"] if result["categories"] else []
    lines += ["lever"] if summary["best_lever"] else []
    return lines


def assert_first_screen(page: Page, height: int) -> None:
    """Every summary line lies under the verdict and inside the screen the verdict opens."""
    page.evaluate(
        "document.querySelector('[data-testid=verdict]').scrollIntoView({block: 'start'})"
    )
    verdict = page.get_by_test_id("verdict").bounding_box()
    assert verdict is not None and verdict["y"] >= 0
    for line in page.get_by_test_id("summary").locator("li").all():
        box = line.bounding_box()
        assert box is not None
        assert box["y"] >= verdict["y"] + verdict["height"], line.get_attribute("data-summary")
        assert box["y"] + box["height"] <= height, (line.get_attribute("data-summary"), box)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("person", list(PEOPLE))
def test_the_summary_is_in_the_first_screen(
    browser: Browser, site_url: str, person: str, lang: str
) -> None:
    """The summary's lines (the engine's figures) are in the first screen under the verdict at
    1280 and 390 px; each links to a section of the page; axe finds nothing at either width."""
    body = PEOPLE[person]()
    expected = engine(body, lang)
    summary = expected["summary"]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        prefix = "/fr" if lang == "fr" else ""
        page.goto(f"{site_url}{prefix}/checker/#profile={encode(body)}")
        wait_for_mark(page, "cec:result")
        lines = page.get_by_test_id("summary").locator("li")
        expect(lines).to_have_count(len(expected_lines(expected)))
        keys = [line.get_attribute("data-summary") for line in lines.all()]
        assert keys == expected_lines(expected)
        if summary["crs_total"] is not None:
            total = f"{summary['crs_total']}"
            expect(lines.filter(has_text=total)).to_have_count(1)
        if summary["best_lever"]:
            expect(page.locator("[data-summary=lever]")).to_contain_text(
                summary["best_lever"]["message"]
            )
        if summary["programs_notice"]:  # categories met, no program: their rounds cannot invite
            key = {"category.no_program_met": "ui.summary_categories_no_program"}.get(
                summary["programs_notice"], "ui.summary_categories_program_unknown"
            )
            notice = messages.catalog(lang)[key]
            expect(page.locator("[data-summary=categories]")).to_contain_text(notice)
        for link in page.get_by_test_id("summary").locator("a").all():
            href = link.get_attribute("href") or ""
            assert href.startswith("#") or href.startswith("../"), href
            if href.startswith("#"):
                assert page.locator(href).count() == 1, href
        for width, height in SCREENS:
            page.set_viewport_size({"width": width, "height": height})
            assert_first_screen(page, height)
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / f"summary-{person}-{lang}-{width}.png"))
            page.mouse.move(0, 0)
            no_axe_violations(page)
    finally:
        context.close()


def test_a_summary_line_opens_its_section_and_printing_opens_them_all(
    browser: Browser, site_url: str
) -> None:
    """Priya follows the categories line with the keyboard: its section opens with the healthcare
    category first and the others folded in one line. Before printing every section opens; after,
    they fold back."""
    body = priya()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{site_url}/checker/#profile={encode(body)}")
        wait_for_mark(page, "cec:result")
        section = page.locator("#cec-detail-categories")
        expect(section).not_to_have_attribute("open", "")
        page.locator("[data-summary=categories] a").focus()
        page.keyboard.press("Enter")
        expect(section).to_have_attribute("open", "")
        first = section.locator(".cec-category-list li").first
        expect(first).to_have_attribute("data-category", "healthcare")
        expect(first).to_be_in_viewport()
        others = section.locator("details.cec-category-others")
        expect(others).not_to_have_attribute("open", "")
        closed = page.locator("details.cec-detail:not([open])")
        before = closed.count()
        assert before > 0
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        expect(closed).to_have_count(0)
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
        expect(closed).to_have_count(before)
    finally:
        context.close()


def test_sections_opened_stay_open_when_the_result_is_replaced(
    browser: Browser, site_url: str
) -> None:
    """Priya opens the ranking, then checks again one year older (typed in the form): the new result
    keeps the ranking open (built, with the new total) and the other sections folded."""
    body = priya()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        open_share_link(page, site_url, body)
        page.locator("#cec-detail-crs > summary").click()
        older = json.loads(json.dumps(body))
        older["crs"]["date_of_birth"] = years_before(APP, 31).isoformat()
        page.locator('[data-field="crs.date_of_birth"]').fill(older["crs"]["date_of_birth"])
        page.get_by_role("button", name="Check my eligibility").click()
        total = engine(older, "en")["crs"]["total"]
        expect(page.locator("#cec-detail-crs")).to_have_attribute("open", "")
        expect(page.get_by_test_id("crs-total")).to_have_text(str(total))
        expect(page.locator("details.cec-detail[open]")).to_have_count(1)
    finally:
        context.close()
