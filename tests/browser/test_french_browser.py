"""The French edition in Chromium: the language switch both ways from a deep page with instant
navigation kept, and the checker in French end to end (issue 15)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page
from support.checker import (
    HIGH_LEVEL,
    encode,
    open_sections,
    result_at,
    serve_sitemap_here,
    wait_for_mark,
)
from support.contract import contract_profile, job
from support.french import Text, english_words
from support.rules import APP

from pycore import api
from pycore.common import messages

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
ELIGIBLE = contract_profile(
    [job(APP - timedelta(days=500), None, noc_code="21232", title="Développeuse")],
    [result_at(HIGH_LEVEL, test_id="tef_canada")],
)


@pytest.fixture(params=list(WIDTHS))
def tab(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[str, Page]]:
    width, height = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    yield request.param, context.new_page()
    context.close()


def switch_to(page: Page, lang: str) -> None:
    """Open the header's language menu and choose ``lang``."""
    page.hover(".md-header .md-select")
    with page.expect_navigation():
        page.click(f".md-header a[data-language-switch][hreflang={lang}]")
    page.wait_for_load_state("load")


def instant_navigation_to(page: Page, href_end: str) -> None:
    """Follow an in-page link to ``href_end`` and check it was an instant (no reload) swap."""
    page.wait_for_timeout(500)  # let Material fetch the sitemap
    page.evaluate("window.cecMarker = 1")
    link = page.locator(f'a[href$="{href_end}"]:visible').first
    link.click()
    page.wait_for_url(f"**/{href_end}")
    page.wait_for_load_state("load")
    assert page.evaluate("window.cecMarker") == 1, "the page reloaded: no instant navigation"


def test_language_switch_keeps_the_page_both_ways_with_instant_navigation(
    browser: Browser, site_url: str
) -> None:
    """From a deep page reached by instant navigation, the switch opens its twin, both ways."""
    context = browser.new_context()
    serve_sitemap_here(context, site_url)
    page = context.new_page()
    page.goto(f"{site_url}/eligibility/")
    instant_navigation_to(page, "language/")  # the header (and its switch) is not swapped
    switch_to(page, "fr")
    assert page.url == f"{site_url}/fr/eligibility/language/"
    assert page.evaluate("document.documentElement.lang") == "fr"
    instant_navigation_to(page, "work-experience/")  # instant navigation still works in French
    assert page.url.startswith(f"{site_url}/fr/eligibility/work-experience/")
    switch_to(page, "en")
    assert page.url == f"{site_url}/eligibility/work-experience/"
    assert page.evaluate("document.documentElement.lang") == "en"
    # Material may still be fetching the sitemap: drop the route first, so a fetch cut short by
    # the closing context is not reported into the next test.
    context.unroute_all(behavior="ignoreErrors")
    context.close()


def checker_text(page: Page) -> str:
    """What a reader sees in the checker (lang="en" parts left out)."""
    parser = Text()
    parser.feed(page.inner_html("[data-cec-checker]"))
    return " ".join(parser.out)


def shoot(page: Page, name: str) -> None:
    shots = os.environ.get("SCREENSHOTS_DIR")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{shots}/{name}.png", full_page=True)


def test_french_share_link_journey(tab: tuple[str, Page], site_url: str) -> None:
    """A French share link opens the French checker; every sentence is French, the figures and
    the verdict those of the engine, no missing value shown as text, axe finds nothing, no
    English outside marked parts."""
    width, page = tab
    page.goto(f"{site_url}/fr/checker/#profile={encode(ELIGIBLE)}")
    wait_for_mark(page, "cec:result")
    expected = json.loads(api.check_json(json.dumps(ELIGIBLE), lang="fr"))
    english = json.loads(api.check_json(json.dumps(ELIGIBLE)))
    open_sections(page)
    shown = page.inner_text("[data-cec-results]")
    assert messages.render("ui.verdict_true", {}, "fr") in shown
    for requirement in expected["requirements"]:
        assert requirement["message"] in shown
    assert [r["met"] for r in expected["requirements"]] == [
        r["met"] for r in english["requirements"]
    ]
    assert english_words(checker_text(page)) == []
    assert re.findall(r"\b(?:null|undefined|NaN)\b", shown) == []  # a value shown as text
    shoot(page, f"fr-checker-result-{width}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_french_form_and_its_errors(tab: tuple[str, Page], site_url: str) -> None:
    """The French form, and its error summary after an empty submit, speak French only."""
    width, page = tab
    page.goto(f"{site_url}/fr/checker/")
    wait_for_mark(page, "cec:ready")
    assert english_words(checker_text(page)) == []
    shoot(page, f"fr-checker-form-{width}")
    page.fill("input[type=date]", "")
    page.click("button[type=submit]")
    page.wait_for_selector(".cec-error-summary:not([hidden])")
    assert english_words(checker_text(page)) == []
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
