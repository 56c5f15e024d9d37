"""Issue 20 on the checker page: a pasted share link opens without a visit, "remember" never
disagrees with what is stored, typed text cannot reorder the sentences around it, and a runtime
file the server does not have is called missing."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect
from support.checker import (
    HIGH_LEVEL,
    encode,
    marks,
    open_sections,
    open_share_link,
    result_at,
    share_url,
    wait_for_mark,
)
from support.contract import contract_profile, job
from support.rules import APP

from pycore.validation import input_limits

pytestmark = pytest.mark.browser

LIMITS = input_limits()
STORAGE_KEY = "cec-checker-profile"
SHOTS = Path(os.environ.get("SCREENSHOTS_DIR", "/tmp/links-shots"))  # looked at, not compared
PASTED = contract_profile(
    [job(APP - timedelta(days=500), None, title="From a pasted link")], [result_at(HIGH_LEVEL)]
)
# U+202E (right-to-left override) and U+2067 (right-to-left isolate), left open on purpose,
# and a stray U+2069 that would close an isolation early.
OVERRIDE = "Dev\u202eeloper"
ISOLATE = "\u2067Analyst"
STRAY = "Cook\u2069\u202e late"
TITLED = contract_profile(
    [
        job(APP - timedelta(days=900), APP - timedelta(days=600), title=OVERRIDE),
        job(APP - timedelta(days=500), None, title=ISOLATE),
        job(APP - timedelta(days=300), None, title=STRAY, teer=5),
    ],
    [result_at(HIGH_LEVEL)],
)


@pytest.fixture(scope="module")
def context(browser: Browser) -> Iterator[BrowserContext]:
    """One browser profile for these tests (its HTTP cache keeps them quick)."""
    context = browser.new_context(service_workers="block")
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A fresh tab that records uncaught errors in ``page.errors``."""
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.errors = errors  # type: ignore[attr-defined]
    yield tab
    tab.close()


def open_checker(page: Page, site_url: str, lang: str = "") -> None:
    """The bare checker (``lang`` "fr/" for French) with empty storage and a ready engine."""
    page.goto(f"{site_url}/{lang}checker/")
    page.evaluate("localStorage.clear()")
    page.reload()
    wait_for_mark(page, "cec:ready")


def fields(page: Page) -> list[Any]:
    """Every control's value (or checked state) on the form, in order."""
    values: list[Any] = page.evaluate(
        """() => [...document.querySelectorAll("[data-cec-form] [data-field]")]
        .map((c) => (c.type === "checkbox" ? c.checked : c.value))"""
    )
    return values


def no_axe_violations(page: Page) -> None:
    page.mouse.move(0, 0)
    # Colours in mid-transition (a button's hover or focus fading) are not the page's colours.
    running = "document.getAnimations().filter(a => a.playState === 'running').length"
    for _ in range(50):  # at most 5 s; the page's CSP forbids wait_for_function's eval
        if page.evaluate(running) == 0:
            break
        page.wait_for_timeout(100)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def shoot(page: Page, name: str) -> None:
    """Screenshots at 1280 and 390 px for a person to look at (not compared)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.locator(".cec-paste").scroll_into_view_if_needed()
        page.screenshot(path=SHOTS / f"{name}-{width}.png")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_pasted_link_opens_its_answers_without_a_visit(page: Page, site_url: str) -> None:
    """A whole address or only its #profile= part fills the form and checks; nothing navigates."""
    open_checker(page, site_url)
    address = page.url
    history = page.evaluate("history.length")
    field = page.get_by_label("Paste a share link")
    for pasted in (share_url("https://elsewhere.example", PASTED), f"#profile={encode(PASTED)}"):
        before = marks(page, "cec:result")
        field.fill(pasted)
        page.get_by_role("button", name="Open the link's answers").click()
        wait_for_mark(page, "cec:result", before + 1)
        expect(page.locator('[data-field="title"]').first).to_have_value("From a pasted link")
        expect(page.get_by_test_id("verdict")).to_have_attribute("data-eligible", "true")
        expect(page.locator(".cec-tools-note")).to_contain_text("The link's answers were filled in")
        expect(field).to_have_value("")  # the answers are not left on the page
    # Enter in the field opens it too.
    field.fill(f"#profile={encode(PASTED)}")
    before = marks(page, "cec:result")
    field.press("Enter")
    wait_for_mark(page, "cec:result", before + 1)
    assert page.url == address and page.evaluate("history.length") == history
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    assert page.errors == []  # type: ignore[attr-defined]


def test_pasted_text_that_is_no_good_link_changes_nothing(page: Page, site_url: str) -> None:
    """No #profile=, a link cut short, or one over the size limit: refused, said, form kept."""
    open_checker(page, site_url)
    page.locator('[data-field="title"]').first.fill("Typed by me")
    typed = fields(page)
    field = page.get_by_label("Paste a share link")
    note = page.locator(".cec-tools-note")
    huge = "A" * (LIMITS.most_profile_bytes * 4 // 3 + 8)
    cases = {
        f"{site_url}/checker/": "no #profile= part",
        f"{site_url}/checker/#profile=eyJhcHBsaWNh": "cut short",
        f"#profile={huge}": "larger than",
    }
    for pasted, said in cases.items():
        field.fill(pasted)
        page.get_by_role("button", name="Open the link's answers").click()
        expect(note).to_contain_text(said)
        expect(note).to_contain_text("Your current answers are unchanged")
        expect(field).to_have_attribute("aria-invalid", "true")
        assert fields(page) == typed
    assert note.get_attribute("role") == "status"  # the refusal is announced
    no_axe_violations(page)
    shoot(page, "paste-refused-en")
    field.fill("x")
    expect(field).not_to_have_attribute("aria-invalid", "true")
    assert page.errors == []  # type: ignore[attr-defined]


def test_the_page_says_a_visited_link_stays_in_the_browsers_history(
    page: Page, site_url: str
) -> None:
    """English and French: the page and the panel say Forget cannot clear the history."""
    open_checker(page, site_url)
    expect(page.locator("article")).to_contain_text("history, its most visited pages")
    expect(page.locator(".cec-tools")).to_contain_text("which Forget cannot clear")
    no_axe_violations(page)
    shoot(page, "paste-en")
    open_checker(page, site_url, "fr/")
    expect(page.locator("article")).to_contain_text("historique, ses pages les plus visitées")
    expect(page.locator(".cec-tools")).to_contain_text("qu'Oublier ne peut pas effacer")
    field = page.get_by_label("Coller un lien de partage")
    field.fill("rien")
    page.get_by_role("button", name="Ouvrir les réponses du lien").click()
    expect(page.locator(".cec-tools-note")).to_contain_text("#profile=")
    no_axe_violations(page)
    shoot(page, "paste-fr")


def test_remember_stays_ticked_while_earlier_answers_are_kept(page: Page, site_url: str) -> None:
    """After a link replaces remembered answers, the box stays ticked and the page says why."""
    open_checker(page, site_url)
    remember = page.get_by_label("Remember my answers on this device")
    remember.check()
    title = page.locator('[data-field="title"]').first
    title.fill("Typed by me")
    title.press("Tab")
    kept = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    assert "Typed by me" in kept

    open_share_link(page, site_url, PASTED)  # asks, then replaces the typed answers
    expect(title).to_have_value("From a pasted link")
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == kept
    expect(remember).to_be_checked()
    expect(page.locator(".cec-page-message")).to_contain_text("“Remember” is still on")

    # Forget empties the store and unticks: the two agree again.
    page.get_by_role("button", name="Forget my answers").click()
    expect(remember).not_to_be_checked()
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    # With nothing kept, a link (another one: a link is read once) leaves the box unticked.
    open_share_link(
        page, site_url, {**PASTED, "application_date": (APP - timedelta(days=1)).isoformat()}
    )
    expect(remember).not_to_be_checked()
    expect(page.locator(".cec-page-message")).not_to_contain_text("Remember")


def x_positions(page: Page, selector: str) -> list[list[float]]:
    """For each SVG text matched: the x of each character, in the order of the string."""
    positions: list[list[float]] = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)].map((text) =>
            Array.from({ length: text.getNumberOfChars() }, (_, i) => {
                try { return text.getStartPositionOfChar(i).x; } catch { return null; }
            }))""",
        selector,
    )
    return positions


def test_direction_controls_in_a_title_do_not_reorder_what_follows(
    page: Page, site_url: str
) -> None:
    """U+202E and U+2067 in titles stay inside them: the job list and the timeline read on."""
    open_checker(page, site_url)
    open_share_link(page, site_url, TITLED)
    open_sections(page)  # laid out, so positions can be read
    items = page.locator(".cec-jobs > li")
    expect(items).to_have_count(3)
    # Each title sits in its own <bdi>, without isolate controls of its own.
    shown = page.locator(".cec-jobs > li > strong bdi").all_text_contents()
    assert shown == [OVERRIDE, ISOLATE.replace("\u2067", ""), "Cook\u202e late"]
    # The words after a title are laid out after it (left to right), not pulled before it.
    placed: list[dict[str, float]] = page.evaluate(
        """() => [...document.querySelectorAll(".cec-jobs > li")].map((item) => {
            const bdi = item.querySelector("strong bdi").getBoundingClientRect();
            const after = item.querySelector("strong").nextSibling;
            const range = document.createRange();
            range.selectNodeContents(after);
            const rect = range.getClientRects()[0];
            return {
                bdiRight: bdi.right, bdiTop: bdi.top, afterLeft: rect.left, afterTop: rect.top,
            };
        })"""
    )
    for where in placed:
        same_line = abs(where["afterTop"] - where["bdiTop"]) < 4
        assert not same_line or where["afterLeft"] >= where["bdiRight"] - 1, placed
    # The timeline's labels: the title between FSI and PDI; what follows runs left to right.
    labels = page.locator(".cec-tl-job-label").all_text_contents()
    assert labels[0].startswith("Job 1: \u2068" + OVERRIDE + "\u2069"), labels
    assert "\u2068Analyst\u2069" in labels[1], labels  # the typed U+2067 dropped
    assert "\u2068Cook\u202e late\u2069" in labels[2], labels  # the stray U+2069 dropped
    for label, xs in zip(labels, x_positions(page, ".cec-tl-job-label"), strict=True):
        after = [x for x in xs[label.index("\u2069") + 1 :] if x is not None]
        assert after == sorted(after), (label, xs)
    description = page.locator(".cec-timeline desc").text_content() or ""
    assert "\u2068" + OVERRIDE + "\u2069" in description
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_file_name_with_an_override_is_isolated(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    """A loaded file's name sits in a <bdi>: a U+202E in it cannot turn the sentence around."""
    open_checker(page, site_url)
    named = tmp_path / "answers\u202enosj.json"
    named.write_text(json.dumps(PASTED), encoding="utf-8")
    before = marks(page, "cec:result")
    page.get_by_label("Load answers from a file").set_input_files(named)
    wait_for_mark(page, "cec:result", before + 1)
    expect(page.locator(".cec-tools-note bdi")).to_have_text("answers\u202enosj.json")


def test_the_occupation_search_repeats_a_long_paste_bounded(page: Page, site_url: str) -> None:
    """A long paste in the occupation search is cut by the field; the status repeats 60 at most."""
    open_checker(page, site_url)
    search = page.locator('[data-search="occupation"]').first
    most = 2 * LIMITS.most_title_characters
    search.fill("zqxj" * most)  # matches no title
    assert len(search.input_value()) <= most
    status = page.locator(".cec-occupation p[role='status']").first
    expect(status).to_contain_text("No occupation title matches")
    said = status.locator("bdi").text_content() or ""
    assert said.endswith("…") and len(said) == 61, said


def test_a_runtime_file_answered_404_is_called_missing(page: Page, site_url: str) -> None:
    """The standard library answered 404: the page says the file is missing, not damaged."""

    def missing(route: Route) -> None:
        route.fulfill(status=404, body="Not found")

    page.route(re.compile(r"/python_stdlib\.[0-9a-f]+\.zip$"), missing)
    page.goto(f"{site_url}/checker/")
    reason = page.locator("[data-cec-unavailable-reason]")
    expect(reason).to_contain_text("python_stdlib", timeout=30_000)
    expect(reason).to_contain_text("is missing from this site")
    expect(reason).not_to_contain_text("damaged")
    expect(reason).not_to_contain_text("WebAssembly")
