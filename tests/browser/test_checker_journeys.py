"""The checker page in Chromium: journeys from share links and the form, errors, keyboard,
accessibility and the 390 px layout. Expected figures come from CPython's rules core."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect
from support.checker import (
    HIGH_LEVEL,
    LOW_LEVEL,
    cpython,
    marks,
    open_share_link,
    reader_date,
    reader_number,
    requirement,
    result_at,
    share_url,
    wait_for_mark,
)
from support.contract import contract_profile, job
from support.rules import APP, CAP, REQUIRED, days_to_reach

from pycore import validation

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots")


def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"checker-{name}.png"), full_page=True)


def test_eligible_journey(checker: Page, site_url: str) -> None:
    """Two years at the cap in TEER 1 and a test at the required level: every requirement met."""
    body = contract_profile(
        [job(APP - timedelta(days=730), None, title="Developer")], [result_at(HIGH_LEVEL)]
    )
    expected = cpython(body)
    assert expected["eligible"] is True
    open_share_link(checker, site_url, body)
    expect(checker.get_by_test_id("verdict")).to_have_attribute("data-eligible", "true")
    for item in expected["requirements"]:
        section = requirement(checker, item["id"])
        expect(section.locator(".cec-status")).to_have_text("Met")
        expect(section.locator(".cec-message")).to_have_text(item["message"])
        expect(section.locator(".cec-links a")).not_to_have_count(0)
    bar = requirement(checker, "work_experience").locator(".cec-bar-text")
    expect(bar).to_have_text(
        f"{reader_number(expected['qualifying_hours'])} of {reader_number(REQUIRED)} hours"
    )
    expect(checker.locator('[data-field="start"]')).to_have_value(body["jobs"][0]["start"])
    expect(checker.locator('[data-field="ongoing"]')).to_be_checked()
    expect(checker.locator("svg.cec-timeline rect.cec-tl-job")).to_have_count(1)
    expect(checker.locator("[data-cec-announcer]")).to_contain_text("Result: You appear to meet")
    shoot(checker, "results-1280")


def test_print_shows_verdict_and_reasons_only(checker: Page, site_url: str) -> None:
    """Printed, the page keeps the verdict and the reasons and drops the form and site chrome."""
    open_share_link(checker, site_url, contract_profile([job(APP - timedelta(days=300), None)], []))
    checker.emulate_media(media="print")
    try:
        expect(checker.get_by_test_id("verdict")).to_be_visible()
        expect(checker.locator(".cec-requirement .cec-message").first).to_be_visible()
        for hidden in ("[data-cec-form]", ".cec-tools", ".md-header", ".md-sidebar--primary"):
            expect(checker.locator(hidden)).to_be_hidden()
    finally:
        checker.emulate_media(media="screen")


def test_guide_links_resolve(checker: Page, site_url: str) -> None:
    """Each requirement's link to its guide page leads to a page of the site."""
    hrefs = checker.locator('.cec-links a:not([rel="external"])').evaluate_all(
        "links => links.map(a => a.href)"
    )
    assert hrefs
    for href in hrefs:
        assert href.startswith(site_url)
        assert checker.request.get(href).status == 200


def test_short_of_hours_shows_projected_date(checker: Page, site_url: str) -> None:
    """A job a month short of the hours: not met, with the projected date shown."""
    start = APP - timedelta(days=days_to_reach(REQUIRED, CAP) - 30)
    body = contract_profile([job(start, None)], [result_at(HIGH_LEVEL)])
    expected = cpython(body)
    projected = expected["projected_work_experience_date"]
    assert projected and expected["eligible"] is False
    open_share_link(checker, site_url, body)
    expect(checker.get_by_test_id("verdict")).to_have_attribute("data-eligible", "false")
    work = requirement(checker, "work_experience")
    expect(work.locator(".cec-status")).to_have_text("Not met")
    expect(work.locator(".cec-next")).to_contain_text(reader_date(projected))


def test_language_short_by_one_ability(checker: Page, site_url: str) -> None:
    """Writing one level short: language not met, that row marked, the score needed named."""
    body = contract_profile(
        [job(APP - timedelta(days=730), None)], [result_at(HIGH_LEVEL, short=("writing",))]
    )
    expected = cpython(body)
    facts = next(r for r in expected["requirements"] if r["id"] == "language")["facts"]
    open_share_link(checker, site_url, body)
    expect(checker.get_by_test_id("verdict")).to_have_attribute("data-eligible", "false")
    language = requirement(checker, "language")
    expect(language.locator(".cec-status")).to_have_text("Not met")
    expect(language.locator("tr.cec-short th")).to_have_text(["Writing"])
    needed = reader_number(facts["shortfalls"][0]["score_needed"])
    expect(language.locator(".cec-next").first).to_contain_text(f"writing to {needed} or more")
    expect(language.locator(".cec-next").last).to_contain_text("stays valid")


def test_two_jobs_hit_the_weekly_cap(checker: Page, site_url: str) -> None:
    """Two full-time jobs at once count no more than the weekly cap together."""
    start = APP - timedelta(days=days_to_reach(REQUIRED, CAP) + 20)
    body = contract_profile(
        [job(start, None, title="Day job"), job(start, None, title="Night job")],
        [result_at(HIGH_LEVEL)],
    )
    expected = cpython(body)
    uncapped = 2 * (APP - start).days * CAP / 7
    assert expected["qualifying_hours"] < uncapped
    open_share_link(checker, site_url, body)
    work = requirement(checker, "work_experience")
    expect(work.locator(".cec-bar-text")).to_contain_text(
        reader_number(expected["qualifying_hours"])
    )
    items = work.locator(".cec-jobs li")
    expect(items).to_have_count(2)
    for index, result in enumerate(expected["jobs"]):
        expect(items.nth(index)).to_contain_text(result["message"])


@pytest.mark.parametrize("dominant", [1, 3])
def test_mixed_occupations_set_the_level(checker: Page, site_url: str, dominant: int) -> None:
    """The occupation with the most experience sets the language level the table asks for."""
    other = 3 if dominant == 1 else 1
    jobs = [
        job(APP - timedelta(days=700), APP - timedelta(days=501), teer=other),
        job(APP - timedelta(days=500), None, teer=dominant),
    ]
    body = contract_profile(jobs, [result_at(LOW_LEVEL)])
    expected = cpython(body)
    open_share_link(checker, site_url, body)
    needed = requirement(checker, "language").locator("tbody td:nth-child(4)")
    expect(needed).to_have_text([str(expected["required_clb"])] * 4)
    status = "Met" if expected["requirements"][1]["met"] else "Not met"
    expect(requirement(checker, "language").locator(".cec-status")).to_have_text(status)


def test_editing_a_job_and_checking_again(checker: Page, site_url: str) -> None:
    """Changing a job's first day in the form and checking again updates the verdict."""
    short_start = APP - timedelta(days=days_to_reach(REQUIRED, CAP) - 30)
    open_share_link(
        checker, site_url, contract_profile([job(short_start, None)], [result_at(HIGH_LEVEL)])
    )
    expect(checker.get_by_test_id("verdict")).to_have_attribute("data-eligible", "false")
    before = marks(checker, "cec:result")
    longer = (APP - timedelta(days=days_to_reach(REQUIRED, CAP) + 30)).isoformat()
    checker.locator('[data-field="start"]').fill(longer)
    checker.get_by_role("button", name="Check my eligibility").click()
    wait_for_mark(checker, "cec:result", before + 1)
    expect(checker.get_by_test_id("verdict")).to_have_attribute("data-eligible", "true")
    expect(checker.locator('[data-field="start"]')).to_have_value(longer)


def test_add_duplicate_remove_jobs(checker: Page, site_url: str) -> None:
    """Duplicate copies a job's answers below it; remove takes it away; legends renumber."""
    open_share_link(
        checker,
        site_url,
        contract_profile([job(APP - timedelta(days=400), None, title="Chef")], []),
    )
    checker.get_by_role("button", name="Duplicate job 1 (Chef)").click()
    rows = checker.locator("fieldset.cec-job")
    expect(rows).to_have_count(2)
    expect(rows.nth(1).locator('[data-field="title"]')).to_have_value("Chef")
    expect(rows.nth(1).locator("legend").first).to_have_text("Job 2")
    checker.get_by_role("button", name="Remove job 1 (Chef)").click()
    expect(rows).to_have_count(1)
    expect(rows.first.locator("legend").first).to_have_text("Job 1")
    checker.get_by_role("button", name="Add a job").click()
    expect(rows).to_have_count(2)
    expect(rows.nth(1).locator('[data-field="title"]')).to_be_focused()


def test_client_errors_beside_fields_and_nothing_lost(checker: Page, site_url: str) -> None:
    """An incomplete job: messages next to its fields, focus on the first, answers kept."""
    open_share_link(
        checker,
        site_url,
        contract_profile([job(APP - timedelta(days=400), None, title="Kept")], []),
    )
    checker.get_by_role("button", name="Add a job").click()
    checker.get_by_role("button", name="Check my eligibility").click()
    teer = checker.locator("fieldset.cec-job").nth(1).locator('[data-field="teer"]')
    expect(teer).to_be_focused()
    expect(teer).to_have_attribute("aria-invalid", "true")
    error_id = teer.get_attribute("aria-describedby").split()[0]
    expect(checker.locator(f"#{error_id}")).to_have_text("Choose the job's TEER category.")
    expect(checker.locator(".cec-error-summary li")).to_have_count(4)
    expect(checker.locator("[data-cec-announcer]")).to_contain_text("4 answers need checking")
    expect(checker.locator('[data-field="title"]').first).to_have_value("Kept")
    expect(checker.get_by_test_id("verdict")).to_be_hidden()  # the earlier result is withdrawn
    shoot(checker, "errors-1280")
    checker.mouse.move(0, 0)
    results = Axe().run(checker)
    assert results.violations_count == 0, results.generate_report()


def test_engine_errors_map_to_fields(checker: Page, site_url: str) -> None:
    """Field paths in the engine's errors land on the matching inputs."""
    too_early = validation._EARLIEST_DATE - timedelta(days=365)
    body = contract_profile([job(too_early, too_early + timedelta(days=30))], [])
    expected = cpython(body)
    fields = {error["field"] for error in expected["errors"]}
    assert "jobs[0].start" in fields
    before = marks(checker, "cec:result")
    checker.goto(share_url(site_url, body))
    start = checker.locator('[data-field="start"]')
    expect(start).to_have_attribute("aria-invalid", "true")
    expect(start).to_be_focused()
    message = next(e["message"] for e in expected["errors"] if e["field"] == "jobs[0].start")
    expect(checker.locator(f"#{start.get_attribute('aria-describedby').split()[0]}")).to_have_text(
        message
    )
    assert marks(checker, "cec:result") == before


def test_no_axe_violations_with_results(checker: Page, site_url: str) -> None:
    """With a result on screen (every requirement kind shown) axe finds no violation."""
    body = contract_profile(
        [
            job(APP - timedelta(days=400), None),
            job(APP - timedelta(days=900), APP - timedelta(days=800), teer=5),
        ],
        [
            result_at(HIGH_LEVEL, short=("speaking",)),
            result_at(HIGH_LEVEL, taken=APP - timedelta(days=1200)),
        ],
    )
    open_share_link(checker, site_url, body)
    checker.mouse.move(0, 0)  # no hover colours
    results = Axe().run(checker)
    assert results.violations_count == 0, results.generate_report()


def test_keyboard_only_journey(browser: Browser, site_url: str) -> None:
    """Filling the form and getting a verdict with the keyboard alone."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site_url}/checker/")
        shoot(page, "form-1280")

        def tab_to(field: str, limit: int = 80) -> None:
            for _ in range(limit):
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement.dataset.field || ''") == field:
                    return
            raise AssertionError(f"Tab never reached {field}")

        start = APP - timedelta(days=730)
        tab_to("application_date")
        page.keyboard.type(APP.strftime("%m%d%Y"))
        tab_to("noc_code")
        page.keyboard.type("21232")
        tab_to("start")
        page.keyboard.type(start.strftime("%m%d%Y"))
        tab_to("ongoing")
        page.keyboard.press("Space")
        tab_to("hours_per_week")
        page.keyboard.type(str(CAP))
        page.get_by_role("button", name="Add a language test").focus()  # no test row at first
        page.keyboard.press("Enter")  # adds a row and focuses its test
        page.keyboard.press("ArrowDown")  # the first test in the list
        tab_to("date")
        page.keyboard.type((APP - timedelta(days=100)).strftime("%m%d%Y"))
        scores = result_at(HIGH_LEVEL, test_id=page.locator('[data-field="test"]').input_value())
        for ability in ("reading", "writing", "listening", "speaking"):
            tab_to(ability)
            page.keyboard.type(str(scores[ability]))
        page.keyboard.press("Enter")
        wait_for_mark(page, "cec:result")
        expect(page.get_by_test_id("verdict")).to_have_attribute("data-eligible", "true")
        expect(page.locator("[data-cec-results]")).to_be_focused()
    finally:
        context.close()


def test_narrow_screen_journey(browser: Browser, site_url: str) -> None:
    """At 390 px: no sideways scrolling with the form, errors or results shown."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    try:
        page.goto(f"{site_url}/checker/")
        shoot(page, "form-390")
        assert page.evaluate(overflow) <= 0
        page.get_by_role("button", name="Check my eligibility").click()
        expect(page.locator(".cec-error-summary")).to_be_visible()
        shoot(page, "errors-390")
        assert page.evaluate(overflow) <= 0
        body = contract_profile(
            [
                job(APP - timedelta(days=500), None, title="Registered nurse"),
                job(APP - timedelta(days=1000), APP - timedelta(days=600), teer=4, title="Cashier"),
            ],
            [result_at(HIGH_LEVEL, short=("listening",))],
        )
        open_share_link(page, site_url, body)
        expect(page.get_by_test_id("verdict")).to_be_in_viewport()
        shoot(page, "results-390")
        assert page.evaluate(overflow) <= 0
    finally:
        context.close()


def test_without_webassembly_the_summary_is_shown(browser: Browser, site_url: str) -> None:
    """A browser without WebAssembly gets the explanation and the requirements summary."""
    context = browser.new_context()
    context.add_init_script("delete globalThis.WebAssembly")
    page = context.new_page()
    try:
        page.goto(f"{site_url}/checker/")
        unavailable = page.locator("[data-cec-unavailable]")
        expect(unavailable).to_be_visible()
        expect(unavailable).to_contain_text("WebAssembly")
        expect(unavailable).to_contain_text(reader_number(REQUIRED))
        page.locator('[data-field="title"]').fill("Still here")
        page.get_by_role("button", name="Check my eligibility").click()
        expect(page.locator('[data-field="title"]')).to_have_value("Still here")
    finally:
        context.close()


def test_without_javascript_the_page_points_to_the_guide(browser: Browser, site_url: str) -> None:
    """With JavaScript off the page says so and links to the guide's requirement pages."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/checker/")
        note = page.locator(
            "noscript .admonition"
        )  # (Playwright's text and role engines skip noscript)
        expect(note).to_be_visible()
        expect(note).to_contain_text("This checker needs JavaScript")
        assert note.locator('a[href="../eligibility/work-experience/"]').count() == 1
        expect(page.locator("[data-cec-checker]")).to_be_hidden()
    finally:
        context.close()
