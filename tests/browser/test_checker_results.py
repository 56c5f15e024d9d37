"""Results a person can act on (issue 11), in Chromium: the weekly cap per job, every reason a job
was left out, why this language level, the target without a test, a result expiring soon, the
invitation's safe window, "What next", an untouched test row, score fields in each test's print
order, progress beside the submit button, and the home page's first screen. Expected sentences and
figures come from CPython's rules core and the data; axe finds nothing in each new state."""

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
    LOW_LEVEL,
    cpython,
    marks,
    open_sections,
    open_share_link,
    reader_date,
    requirement,
    result_at,
    wait_for_mark,
)
from support.contract import contract_profile, job
from support.rules import APP, CAP, REQUIRED, days_to_reach

from pycore import api
from pycore.common import charts
from pycore.common.dates import years_before
from pycore.common.parameters import parameter

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots")
PHONE = {"width": 390, "height": 844}
VALIDITY = parameter("language", "result_validity_years").value_at(APP)
ITA_DAYS = parameter("express_entry", "ita_response_days").value_at(APP)


def look(page: Page, name: str, part: str = "[data-cec-results]") -> None:
    """Axe finds nothing; screenshots at 1280 and at 390 px, of the page and of the ``part``
    that changed (no sideways scrolling at 390 px)."""
    open_sections(page)
    page.mouse.move(0, 0)
    page.evaluate("window.scrollTo(0, 0)")  # Material's "Back to top" fades out at the top
    page.wait_for_timeout(400)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    SHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    page.screenshot(path=str(SHOTS / f"results-{name}-1280.png"), full_page=True)
    page.locator(part).first.screenshot(path=str(SHOTS / f"part-{name}-1280.png"))
    page.set_viewport_size(PHONE)
    try:
        overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        assert page.evaluate(overflow) <= 0
        page.screenshot(path=str(SHOTS / f"results-{name}-390.png"), full_page=True)
        page.locator(part).first.screenshot(path=str(SHOTS / f"part-{name}-390.png"))
    finally:
        page.set_viewport_size(size or {"width": 1280, "height": 900})


def check(page: Page, site_url: str, body: dict[str, Any]) -> dict[str, Any]:
    """Open ``body``'s share link and return CPython's assessment of it."""
    expected = cpython(body)
    assert "errors" not in expected, expected
    open_share_link(page, site_url, body)
    return expected


def test_weekly_cap_per_job(checker: Page, site_url: str) -> None:
    """A job above the weekly cap says the hours entered and the hours that count."""
    start = APP - timedelta(days=days_to_reach(REQUIRED, CAP) + 70)
    body = contract_profile(
        [job(start, None, hours=CAP + 10, title="Cook")], [result_at(HIGH_LEVEL)]
    )
    expected = check(checker, site_url, body)
    entry = expected["jobs"][0]
    assert entry["count_reason"] == "job.counted_capped"
    assert entry["counted_hours"] < entry["uncapped_hours"]
    item = requirement(checker, "work_experience").locator(".cec-jobs > li")
    expect(item).to_contain_text(entry["message"])
    expect(item).to_contain_text(f"You entered {CAP + 10} hours a week")
    look(checker, "cap", '[data-requirement="work_experience"]')


def test_cap_shared_between_concurrent_jobs(checker: Page, site_url: str) -> None:
    """Two jobs at the cap held together: each says the cap was shared and names the other."""
    start = APP - timedelta(days=400)
    body = contract_profile([job(start, None, title="Day"), job(start, None, title="Night")], [])
    expected = check(checker, site_url, body)
    items = requirement(checker, "work_experience").locator(".cec-jobs > li")
    for index, entry in enumerate(expected["jobs"]):
        assert entry["count_reason"] == "job.counted_shared"
        expect(items.nth(index)).to_contain_text(entry["message"])
        expect(items.nth(index)).to_contain_text(f"job {2 - index}")


def test_every_exclusion_reason_listed(checker: Page, site_url: str) -> None:
    """A TEER 5 job done while studying full time lists both reasons, not only the TEER."""
    body = contract_profile(
        [
            job(APP - timedelta(days=700), None),
            job(APP - timedelta(days=300), None, teer=5, full_time_student=True, title="Cashier"),
        ],
        [result_at(HIGH_LEVEL)],
    )
    expected = check(checker, site_url, body)
    reasons = expected["jobs"][1]["reason_messages"]
    assert expected["jobs"][1]["excluded_reasons"] == [
        "job.teer_not_eligible",
        "job.full_time_student",
    ]
    lines = requirement(checker, "work_experience").locator(".cec-job-reasons li")
    expect(lines).to_have_text(reasons)
    # The TEER 4-5 pointer in "What next".
    expect(checker.get_by_test_id("what-next")).to_contain_text("TEER 4 or 5")
    look(checker, "exclusions", '[data-requirement="work_experience"]')


def test_level_explained_with_the_tie_rule(checker: Page, site_url: str) -> None:
    """Equal hours in a TEER 1 and a TEER 3 occupation: the tie and the higher level are said."""
    start = APP - timedelta(days=400)
    body = contract_profile(
        [job(start, None, noc_code="21231"), job(start, None, teer=3, noc_code="33100")],
        [result_at(LOW_LEVEL)],
    )
    expected = check(checker, site_url, body)
    facts = expected["requirements"][1]["facts"]
    assert facts["level_tie"] is True and expected["required_clb"] == HIGH_LEVEL
    why = requirement(checker, "language").locator(".cec-level-why")
    expect(why).to_have_count(2)
    expect(why.nth(0)).to_contain_text("NOC 21231 (TEER 1)")
    expect(why.nth(1)).to_contain_text(f"the higher level, CLB {HIGH_LEVEL}")
    look(checker, "level-tie", '[data-requirement="language"]')


def test_target_without_a_test(checker: Page, site_url: str) -> None:
    """No test yet with TEER 3 work: the level needed and each accepted test's scores for it."""
    body = contract_profile([job(APP - timedelta(days=700), None, teer=3)], [])
    expected = check(checker, site_url, body)
    targets = expected["requirements"][1]["facts"]["targets"]
    assert targets and all(item["level"] == LOW_LEVEL for item in targets)
    block = checker.get_by_test_id("language-target")
    expect(block.locator("p")).to_contain_text(f"CLB/NCLC {LOW_LEVEL} in each ability (TEER 3)")
    expect(block.locator("li")).to_have_count(len(targets))
    ielts = next(item for item in targets if item["test"] == "ielts_general")
    first = ielts["scores"][0]
    expect(block).to_contain_text(f"{first['ability']} {first['text']}")
    look(checker, "target", '[data-requirement="language"]')


def test_expiry_warning_with_engine_dates(checker: Page, site_url: str) -> None:
    """A result that expires soon after the work requirement is met is flagged with its dates."""
    taken = years_before(APP + timedelta(days=40), VALIDITY)
    body = contract_profile(
        [job(APP - timedelta(days=700), None)], [result_at(HIGH_LEVEL, taken=taken)]
    )
    expected = check(checker, site_url, body)
    notice = next(n for n in expected["notices"] if n["code"] == "notice.test_expires_soon_met")
    shown = checker.locator('[data-notice="notice.test_expires_soon_met"]')
    expect(shown).to_contain_text(notice["message"])
    expect(shown).to_contain_text(reader_date(notice["facts"]["valid_until"]))
    look(checker, "expiry", ".cec-notice[data-notice]")


def test_invitation_safe_window(checker: Page, site_url: str) -> None:
    """Invited, with a result expiring before the deadline, checked on a later day: the safe
    window replaces the red verdict."""
    # The window starts on the day the page runs the check (its clock): dates follow today.
    today = date.today()
    invited = today - timedelta(days=3)
    app = invited + timedelta(days=25)
    taken = years_before(invited + timedelta(days=20), VALIDITY)
    body = contract_profile(
        [job(app - timedelta(days=900), None)], [result_at(HIGH_LEVEL, taken=taken)], app=app
    )
    body["invitation_date"] = invited.isoformat()
    check(checker, site_url, body)
    expected = json.loads(api.check_json(json.dumps(body), today=today.isoformat()))
    assert expected["invitation"]["safe_window"]["first"] == today.isoformat()
    window = expected["invitation"]["safe_window"]
    assert expected["eligible"] is False and window is not None
    assert (
        expected["invitation"]["submission_deadline"]
        == (invited + timedelta(days=ITA_DAYS)).isoformat()
    )
    verdict = checker.get_by_test_id("verdict")
    expect(verdict).to_have_class("cec-verdict cec-verdict--window")
    expect(verdict).to_contain_text(
        f"Submit between {reader_date(window['first'])} and {reader_date(window['last'])}"
    )
    expect(checker.get_by_test_id("invitation")).to_contain_text(expected["invitation"]["message"])
    expect(checker.locator('[data-field="invitation_date"]')).to_have_value(invited.isoformat())
    look(checker, "invitation", "[data-cec-results]")


def test_what_next_after_every_verdict(checker: Page, site_url: str) -> None:
    """Eligible or not, "What next" says eligible is not invited and links the ranking and guide."""
    for tests in ([result_at(HIGH_LEVEL)], []):
        body = contract_profile([job(APP - timedelta(days=700), None)], tests)
        check(checker, site_url, body)
        block = checker.get_by_test_id("what-next")
        expect(block.locator('a[href="#cec-ranking"]')).to_have_count(1)
        expect(checker.locator("#cec-ranking")).to_have_count(1)  # the link has a target
        expect(block.locator('a[href="../after-invitation/"]')).to_have_count(1)
        expect(block.locator('a[href^="../express-entry/#"]')).not_to_have_count(0)
    quebec = contract_profile([], [], quebec=True)
    check(checker, site_url, quebec)
    expect(checker.get_by_test_id("what-next")).to_contain_text("Quebec selects its own")
    expect(checker.get_by_test_id("what-next")).to_contain_text("Federal Skilled Worker")
    look(checker, "what-next", '[data-testid="what-next"]')


def test_untouched_test_row_is_no_test(browser: Browser, site_url: str) -> None:
    """The form starts with no test; an added row left empty is no test, not six errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site_url}/checker/")
        expect(page.locator("fieldset.cec-test")).to_have_count(0)
        row = page.locator("fieldset.cec-job").first
        row.locator('[data-field="teer"]').select_option("1")
        row.locator('[data-field="start"]').fill((APP - timedelta(days=700)).isoformat())
        row.locator('[data-field="ongoing"]').check()
        row.locator('[data-field="hours_per_week"]').fill(str(CAP))
        page.get_by_role("button", name="Add a language test").click()
        expect(page.locator("fieldset.cec-test")).to_have_count(1)
        before = marks(page, "cec:result")
        page.get_by_role("button", name="Check my eligibility").click()
        wait_for_mark(page, "cec:result", before + 1)
        expect(page.locator(".cec-error-summary")).to_be_hidden()
        language = requirement(page, "language")
        expect(language).to_have_attribute("class", "cec-requirement cec-requirement--unknown")
        expect(page.locator(".cec-submit-progress")).to_be_hidden()  # engine ready
        look(page, "empty-test-row", ".cec-form")
    finally:
        context.close()


@pytest.mark.parametrize("test_id", charts.TESTS)
def test_score_fields_in_print_order(checker: Page, site_url: str, test_id: str) -> None:
    """Choosing a test puts its score fields in the order its result prints them, scale beside."""
    version = charts.versions(test_id)[-1]
    check(
        checker,
        site_url,
        contract_profile(
            [],
            [
                result_at(
                    LOW_LEVEL,
                    test_id=test_id,
                    taken=max(version.effective, APP - timedelta(days=100)),
                )
            ],
        ),
    )
    row = checker.locator("fieldset.cec-test").first
    order = row.locator(".cec-scores [data-ability]")
    expect(order).to_have_count(4)
    assert [order.nth(i).get_attribute("data-ability") for i in range(4)] == list(
        version.print_order
    )
    scale = version.scale[version.print_order[0]]
    expect(order.first.locator(".cec-scale-one")).to_contain_text(f"{scale.min:g} to {scale.max:g}")
    if test_id == "tef_canada":
        look(checker, "tef-order", "fieldset.cec-test")


@pytest.mark.parametrize(
    ("path", "call"),
    [
        ("/", "Check if you qualify: private, about 3 minutes"),
        ("/fr/", "Vérifiez votre admissibilité en privé, en 3 minutes environ"),
    ],
)
def test_home_first_screen_on_a_phone(
    browser: Browser, site_url: str, path: str, call: str
) -> None:
    """At 390 px the call to action and the three requirements are in the first screen, in
    both editions."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{site_url}{path}")
        cta = page.get_by_role("link", name=call)
        expect(cta).to_be_visible()
        box = cta.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"]
        items = page.locator("article ol").first.locator("> li")
        expect(items).to_have_count(3)
        last = items.nth(2).bounding_box()
        assert last is not None and last["y"] + last["height"] <= PHONE["height"]
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        SHOTS.mkdir(parents=True, exist_ok=True)
        edition = "fr" if path == "/fr/" else "en"
        page.screenshot(path=str(SHOTS / f"results-home-{edition}-390.png"))
        page.set_viewport_size({"width": 1280, "height": 900})
        page.reload()
        page.screenshot(path=str(SHOTS / f"results-home-{edition}-1280.png"))
    finally:
        context.close()
