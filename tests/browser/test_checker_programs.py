"""The checker's "Other Express Entry programs" section and result in Chromium (issue 22): an
FSW-eligible person with mostly foreign work, an FST tradesperson with a certificate, and a
CEC-only person who sees nothing new, at 390 and 1280 px in English and French, axe clean.
Every status and figure expected comes from CPython's rules core on the same profile."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect
from support.checker import HIGH_LEVEL, LOW_LEVEL, encode, result_at, wait_for_mark
from support.contract import contract_profile, job
from support.rules import APP

from pycore import api
from pycore.common.dates import years_before
from pycore.programs_form import programs_form

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots")
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
WIDTHS = [390, 1280]
LANGS = ["en", "fr"]


def crs(**fields: Any) -> dict[str, Any]:
    """A ranking section for someone 30 on the application date with a bachelor's degree."""
    answers: dict[str, Any] = {
        "date_of_birth": years_before(APP, 30).isoformat(),
        "education": "bachelors",
        "canadian_education": "none",
        "foreign_work_years": 3,
        "canadian_work_years": None,
        "certificate_of_qualification": False,
        "provincial_nomination": False,
        "sibling_in_canada": False,
        "spouse": None,
    }
    return {**answers, **fields}


def express_entry(**fields: Any) -> dict[str, Any]:
    """Every programs answer, with the funds the table in force asks of a family of one."""
    table = programs_form(APP)["settlement_funds"]
    answers: dict[str, Any] = {
        "education_assessed": True,
        "job_offer": None,
        "canadian_study_two_years": False,
        "spouse_canadian_study_two_years": False,
        "relative_in_canada": False,
        "settlement_funds": table["by_size"][0],
        "family_size": 1,
    }
    return {**answers, **fields}


def fsw_person() -> dict[str, Any]:
    """Three years of TEER 1 work abroad and half a year in Canada, a top test, a degree."""
    abroad = job(
        APP - timedelta(days=4 * 365),
        APP - timedelta(days=365),
        noc_code="21232",
        title="Developer",
        in_canada=False,
        work_authorized=False,
    )
    here = job(APP - timedelta(days=180), None, noc_code="21232", title="Developer")
    body = contract_profile([abroad, here], [result_at(9)])
    body["crs"] = crs()
    body["express_entry"] = express_entry()
    return body


def fst_person() -> dict[str, Any]:
    """Three years as an electrician abroad, a certificate of qualification, CLB 5 English."""
    trade = job(
        APP - timedelta(days=3 * 365),
        APP - timedelta(days=1),
        teer=2,
        noc_code="72200",
        title="Electrician",
        in_canada=False,
        work_authorized=False,
    )
    body = contract_profile([trade], [result_at(LOW_LEVEL)])
    body["crs"] = crs(
        education="secondary", certificate_of_qualification=True, foreign_work_years=3
    )
    body["express_entry"] = express_entry(education_assessed=False)
    return body


def cec_person() -> dict[str, Any]:
    """Two years of TEER 1 work in Canada and a test at its level: no programs answers."""
    return contract_profile(
        [job(APP - timedelta(days=730), None, title="Developer")], [result_at(HIGH_LEVEL)]
    )


def engine(body: dict[str, Any], lang: str) -> dict[str, Any]:
    """CPython's assessment in ``lang``, on the day the page's worker runs it."""
    text = api.check_json(json.dumps(body), lang=lang, today=date.today().isoformat())
    answer: dict[str, Any] = json.loads(text)
    return answer


def open_checker(
    browser: Browser, site_url: str, body: dict[str, Any], lang: str, width: int
) -> Page:
    """A fresh page at ``width`` showing ``body``'s result in ``lang``."""
    context = browser.new_context(
        viewport={"width": width, "height": 900}, is_mobile=width < 600, has_touch=width < 600
    )
    page = context.new_page()
    prefix = "" if lang == "en" else f"/{lang}"
    page.goto(f"{site_url}{prefix}/checker/#profile={encode(body)}")
    wait_for_mark(page, "cec:result")
    return page


def check_page(page: Page, name: str) -> None:
    """No sideways scroll, axe finds nothing, and a full-page screenshot for a person to look at."""
    page.mouse.move(0, 0)
    assert page.evaluate(OVERFLOW) <= 0
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"programs-{name}.png"), full_page=True)
    # The parts this feature adds, each on its own (the full page is too tall to look at).
    for part in ("#cec-programs", "#cec-programs-result", "#cec-categories"):
        if page.locator(part).is_visible():
            page.locator(part).screenshot(path=str(SHOTS / f"programs-{name}-{part[5:]}.png"))


def expect_programs(page: Page, expected: dict[str, Any]) -> None:
    """Each program in IRCC's order with the engine's status, requirement sentences and grid."""
    result = page.locator("#cec-programs-result")
    shown = result.locator("[data-program]")
    expect(shown).to_have_count(len(expected["programs"]))
    assert [p["id"] for p in expected["programs"]] == ["cec", "fsw", "fst"]
    for index, program in enumerate(expected["programs"]):
        block = shown.nth(index)
        expect(block).to_have_attribute("data-program", program["id"])
        expect(block).to_have_attribute("data-met", json.dumps(program["met"]))
        for requirement in program.get("requirements", []):
            line = block.locator(f'li[data-requirement="{requirement["id"]}"]')
            expect(line).to_have_attribute("data-met", json.dumps(requirement["met"]))
            expect(line).to_contain_text(requirement["message"])
        for factor in (program.get("points") or {}).get("factors", []):
            row = block.locator(f'tr[data-factor="{factor["id"]}"]')
            expect(row).to_have_attribute("data-points", str(factor["points"]))
            expect(row.locator("xpath=following-sibling::tr[1]")).to_have_text(factor["message"])


def expect_category_notes(page: Page, expected: dict[str, Any]) -> None:
    """Each category line shown says which programs are met (or the engine's notice)."""
    lines = page.locator(".cec-category[data-category]")
    for index in range(lines.count()):
        line = lines.nth(index)
        entry = next(
            e for e in expected["categories"] if e["id"] == line.get_attribute("data-category")
        )
        note = line.locator(".cec-category-programs")
        if entry.get("programs_notice"):
            expect(note).to_have_text(entry["programs_notice"]["message"])
        elif entry["programs_met"]:
            expect(note).to_have_attribute("data-programs-met", " ".join(entry["programs_met"]))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_fsw_with_mostly_foreign_work(
    browser: Browser, site_url: str, width: int, lang: str
) -> None:
    """Foreign skilled work, a degree and top scores: FSW met, its grid factor by factor."""
    body = fsw_person()
    expected = engine(body, lang)
    fsw = expected["programs"][1]
    assert fsw["met"] is True and expected["programs"][0]["met"] is False
    page = open_checker(browser, site_url, body, lang, width)
    try:
        expect_programs(page, expected)
        expect(page.locator(".cec-program-grid-total")).to_have_attribute(
            "data-total", str(fsw["points"]["total"])
        )
        expect_category_notes(page, expected)
        # The section is open with the answers, and the job abroad says so.
        expect(page.locator('[data-field="express_entry"]')).to_be_checked()
        expect(page.locator('[data-field="express_entry.family_size"]')).to_have_value("1")
        expect(page.locator('[data-field="in_canada"]').first).not_to_be_checked()
        check_page(page, f"fsw-{lang}-{width}")
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_fst_tradesperson_with_a_certificate(
    browser: Browser, site_url: str, width: int, lang: str
) -> None:
    """An electrician with a certificate and CLB 5: FST met, its trade, hours and bar shown."""
    body = fst_person()
    expected = engine(body, lang)
    fst = expected["programs"][2]
    assert fst["met"] is True
    page = open_checker(browser, site_url, body, lang, width)
    try:
        expect_programs(page, expected)
        trade = page.locator('[data-program="fst"] .cec-program-trade')
        expect(trade).to_have_attribute("data-trade", fst["trade"]["noc_code"])
        check_page(page, f"fst-{lang}-{width}")
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_cec_only_sees_nothing_new(browser: Browser, site_url: str, width: int, lang: str) -> None:
    """Without the section nothing new is asked or shown: it stays folded, no programs result."""
    body = cec_person()
    assert engine(body, lang)["eligible"] is True
    page = open_checker(browser, site_url, body, lang, width)
    try:
        expect(page.get_by_test_id("verdict")).to_have_attribute("data-eligible", "true")
        expect(page.locator("#cec-programs-result")).to_have_count(0)
        expect(page.locator('[data-field="express_entry"]')).not_to_be_checked()
        expect(page.locator(".cec-programs-body")).to_be_hidden()
        expect(page.locator(".cec-category-programs[data-programs-met]")).to_have_count(0)
        check_page(page, f"cec-{lang}-{width}")
    finally:
        page.context.close()


def test_bad_family_size_is_a_field_error_and_the_form_stays(
    browser: Browser, site_url: str
) -> None:
    """A family of 0 and negative funds: errors on those fields, in the summary; nothing cleared."""
    page = open_checker(browser, site_url, fsw_person(), "en", 1280)
    try:
        size = page.locator('[data-field="express_entry.family_size"]')
        funds = page.locator('[data-field="express_entry.settlement_funds"]')
        size.fill("0")
        funds.fill("-5")
        page.locator(".cec-submit").click()
        expect(page.locator(".cec-error-summary")).to_be_visible()
        expect(size).to_have_attribute("aria-invalid", "true")
        expect(funds).to_have_attribute("aria-invalid", "true")
        expect(size).to_have_value("0")
        expect(page.locator('[data-field="crs.education"]')).to_have_value("bachelors")
        check_page(page, "errors-en-1280")
    finally:
        page.context.close()


def test_a_job_offer_opens_its_code_and_teer(browser: Browser, site_url: str) -> None:
    """An offer from a link shows its code and TEER in the form and scores arranged employment;
    a code typed by hand sets the TEER."""
    body = fst_person()
    body["express_entry"]["job_offer"] = {"noc_code": "72200", "teer": 2}
    expected = engine(body, "en")
    page = open_checker(browser, site_url, body, "en", 1280)
    try:
        expect(page.locator('[data-field="express_entry.job_offer"]')).to_have_value("yes")
        expect(page.locator('[data-field="express_entry.job_offer.noc_code"]')).to_be_visible()
        expect(page.locator('[data-field="express_entry.job_offer.noc_code"]')).to_have_value(
            "72200"
        )
        expect(page.locator('[data-field="express_entry.job_offer.teer"]')).to_have_value("2")
        expect_programs(page, expected)
        # A code typed by hand fills the TEER from its digit, as in a job row.
        page.locator('[data-field="express_entry.job_offer.noc_code"]').fill("31301")
        expect(page.locator('[data-field="express_entry.job_offer.teer"]')).to_have_value("1")
        # Answering "no" hides the offer's fields again; nothing else in the form changes.
        page.locator('[data-field="express_entry.job_offer"]').select_option("no")
        expect(page.locator('[data-field="express_entry.job_offer.noc_code"]')).to_be_hidden()
        expect(page.locator('[data-field="express_entry.family_size"]')).to_have_value("1")
        check_page(page, "offer-en-1280")
    finally:
        page.context.close()
