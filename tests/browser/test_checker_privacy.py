"""The checker's promises about the network and the page's life: nothing leaves the site,
typed answers never reach a request, a blocked runtime is explained with the answers kept,
the engine starts on the checker page only and survives instant page changes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, expect
from support.checker import HIGH_LEVEL, result_at, serve_sitemap_here, wait_for_mark
from support.rules import APP, CAP

pytestmark = pytest.mark.browser

WORKER = re.compile(r"/javascripts/checker/engine/worker\.js")
# The runtime's wasm: its gzip copy, or the plain file the worker falls back to.
WASM = re.compile(r"/pyodide/pyodide\.asm[^/]*\.wasm(\.gz)?$")
TITLE = "Quokka-wrangler 7731"  # distinctive values that must never appear in a request
NOC = "21232"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.unroute_all(behavior="ignoreErrors")  # a sitemap fetch may still be under way
    context.close()


def fill_by_hand(page: Page) -> None:
    """Type a complete, eligible set of answers into the form."""
    page.locator('[data-field="title"]').fill(TITLE)
    page.locator('[data-field="noc_code"]').fill(NOC)
    page.locator('[data-field="start"]').fill((APP - timedelta(days=730)).isoformat())
    page.locator('[data-field="application_date"]').fill(APP.isoformat())
    page.get_by_label("I still work here").check()
    page.locator('[data-field="hours_per_week"]').fill(str(CAP))
    scores = result_at(HIGH_LEVEL)
    page.get_by_role("button", name="Add a language test").click()  # the form starts with none
    page.locator('[data-field="test"]').select_option(scores["test"])
    page.locator('[data-field="date"]').fill(scores["date"])
    for ability in ("reading", "writing", "listening", "speaking"):
        page.locator(f'[data-field="{ability}"]').fill(str(scores[ability]))


def test_requests_stay_on_the_site_and_carry_no_answer(
    context: BrowserContext, site_url: str
) -> None:
    """Every request goes to the page's own origin; no typed value is in any URL or body."""
    requests: list[Request] = []
    context.on("request", lambda request: requests.append(request))
    page = context.new_page()
    page.goto(f"{site_url}/checker/")
    fill_by_hand(page)
    page.get_by_role("button", name="Check my eligibility").click()
    wait_for_mark(page, "cec:result")
    expect(page.get_by_test_id("verdict")).to_have_attribute("data-eligible", "true")
    page.get_by_role("button", name="Copy share link").click()
    link = page.evaluate("navigator.clipboard.readText()")
    with page.expect_download():
        page.get_by_role("button", name="Download answers (JSON)").click()
    other = context.new_page()
    other.goto(link)
    wait_for_mark(other, "cec:result")

    origin = urlsplit(site_url)
    assert any(WASM.search(r.url) for r in requests), "the runtime was not requested"
    encoded = link.split("#profile=", 1)[1]
    for request in requests:
        url = urlsplit(request.url)
        if url.scheme in ("blob", "data"):
            continue
        assert (url.scheme, url.netloc) == (origin.scheme, origin.netloc), request.url
        body = request.post_data or ""
        for secret in (TITLE, TITLE.replace(" ", "+"), TITLE.replace(" ", "%20"), NOC, encoded):
            assert secret not in request.url and secret not in body, request.url


def test_blocked_runtime_is_explained_and_answers_stay(
    context: BrowserContext, site_url: str
) -> None:
    """With the wasm file blocked: a clear message with the requirements, the form untouched."""
    context.route(WASM, lambda route: route.abort())
    page = context.new_page()
    page.goto(f"{site_url}/checker/")
    fill_by_hand(page)
    page.get_by_role("button", name="Check my eligibility").click()
    unavailable = page.locator("[data-cec-unavailable]")
    expect(unavailable).to_be_visible(timeout=60_000)
    expect(unavailable).to_contain_text("could not start")
    expect(unavailable.get_by_role("link", name="eligibility guide")).to_be_visible()
    expect(page.locator('[data-field="title"]')).to_have_value(TITLE)
    expect(page.locator('[data-field="noc_code"]')).to_have_value(NOC)
    expect(page.get_by_test_id("verdict")).to_have_count(0)
    expect(page.locator("[data-cec-announcer]")).to_contain_text("answers are still in the form")


def test_guide_pages_start_no_engine(context: BrowserContext, site_url: str) -> None:
    """A guide page loads no checker script, no worker and no runtime byte."""
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(f"{site_url}/eligibility/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "/pyodide/" in url or "/javascripts/checker/" in url]
    assert not [w for w in page.workers if WORKER.search(w.url)]


def test_worker_survives_instant_navigation(context: BrowserContext, site_url: str) -> None:
    """Leaving the checker through the site's own links and coming back keeps one engine."""
    serve_sitemap_here(context, site_url)
    page = context.new_page()
    page.goto(f"{site_url}/checker/")
    wait_for_mark(page, "cec:ready")
    page.evaluate("window.sameDocument = true")
    page.wait_for_timeout(500)  # let Material fetch the sitemap

    page.locator(".md-tabs").get_by_role("link", name="Eligibility").click()
    page.wait_for_url(re.compile(r"/eligibility/$"))
    page.locator(".md-tabs").get_by_role("link", name="Checker").click()
    page.wait_for_url(re.compile(r"/checker/$"))
    expect(page.locator("fieldset.cec-job")).to_have_count(1)

    assert page.evaluate("window.sameDocument === true"), "the page reloaded: no instant navigation"
    assert len([w for w in page.workers if WORKER.search(w.url)]) == 1
    assert page.evaluate("performance.getEntriesByName('cec:ready').length") == 1
    expect(page.locator("[data-cec-engine-text]")).to_contain_text("ready")
    fill_by_hand(page)
    page.get_by_role("button", name="Check my eligibility").click()
    wait_for_mark(page, "cec:result")
    expect(page.get_by_test_id("verdict")).to_have_attribute("data-eligible", "true")
