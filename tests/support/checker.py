"""Helpers for the checker's browser tests: language results at a level, share links, waiting on
the page's performance marks, and the CPython reference answer (contract input: ``contract``)."""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Locator, Page, Route

from pycore import api
from pycore.common import charts

from .rules import APP, level_for_teer

ABILITIES = charts.ABILITIES


HIGH_LEVEL = level_for_teer(1)  # what the journeys' TEER 1 jobs need
LOW_LEVEL = level_for_teer(3)  # what a TEER 3 job needs


def result_at(
    level: int,
    test_id: str = "celpip_general",
    taken: date | None = None,
    short: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A result at the lowest scores of ``level``; the abilities in ``short`` one level lower."""
    taken = taken or APP - timedelta(days=100)
    chart = charts.chart(test_id, taken)
    result: dict[str, Any] = {"test": test_id, "date": taken.isoformat()}
    for ability in ABILITIES:
        wanted = level - 1 if ability in short else level
        result[ability] = chart.lowest_score(ability, wanted)
    return result


def cpython(body: dict[str, Any]) -> dict[str, Any]:
    """The assessment CPython's rules core gives (the reference the page must show), on the
    day the check runs, as the page's worker passes it."""
    today = date.today().isoformat()
    answer: dict[str, Any] = json.loads(api.check_json(json.dumps(body), today=today))
    return answer


def encode(body: dict[str, Any]) -> str:
    """base64url of the profile's JSON without padding (the share-link format)."""
    raw = json.dumps(body, ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def share_url(site_url: str, body: dict[str, Any]) -> str:
    """The checker page's share link for ``body``."""
    return f"{site_url}/checker/#profile={encode(body)}"


def marks(page: Page, name: str) -> int:
    """How many times the page has set the performance mark ``name``."""
    count: int = page.evaluate("(name) => performance.getEntriesByName(name).length", name)
    return count


def wait_for_mark(page: Page, name: str, count: int = 1, timeout: float = 90) -> None:
    """Wait until mark ``name`` was set ``count`` times (polled: the page's CSP forbids the
    string evaluation Playwright's wait_for_function uses)."""
    deadline = time.monotonic() + timeout
    while marks(page, name) < count:
        if time.monotonic() > deadline:
            raise AssertionError(f"performance mark {name} not set {count} time(s) in {timeout} s")
        page.wait_for_timeout(25)


def open_share_link(page: Page, site_url: str, body: dict[str, Any]) -> None:
    """Open ``body``'s share link in ``page`` and wait for the verdict it triggers (replacing
    typed answers when the page asks first, as it does since issue 10)."""
    before = marks(page, "cec:result") if page.url.startswith(f"{site_url}/checker/") else 0
    page.goto(share_url(site_url, body))
    replace = page.get_by_role("button", name="Replace with the link's answers")
    deadline = time.monotonic() + 90
    while marks(page, "cec:result") < before + 1:
        if time.monotonic() > deadline:
            raise AssertionError("no result for the share link in 90 s")
        if replace.is_visible():
            replace.click()
        page.wait_for_timeout(25)


def open_sections(page: Page) -> None:
    """Unfold every folded section of the result (a reader opens them from the summary's
    lines or by their headings), so what they hold can be seen, clicked and read as text."""
    page.evaluate(
        "document.querySelectorAll('details.cec-detail').forEach(d => { d.open = true; })"
    )
    # A lazy section (the ranking) builds its body on its toggle event, queued as a task.
    page.evaluate("new Promise(done => setTimeout(done, 0))")


def reader_number(value: float) -> str:
    """A number as the page prints it: thousands separators, at most one decimal."""
    text = f"{round(value, 1):,.1f}"
    return text[:-2] if text.endswith(".0") else text


def reader_date(iso: str) -> str:
    """An ISO date as the page prints it: November 21, 2026."""
    day = date.fromisoformat(iso)
    return f"{day:%B} {day.day}, {day.year}"


@contextmanager
def checker_page(browser: Browser, site_url: str) -> Iterator[Page]:
    """A checker page at 1280 px in a browser profile of its own, engine ready (downloads on)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/checker/")
        wait_for_mark(page, "cec:ready")
        yield page
    finally:
        context.close()


def open_ranking(page: Page) -> Locator:
    """The result's ranking section, opened from its heading (its body is built on the first
    opening)."""
    fold = page.locator("details#cec-detail-crs")
    if fold.get_attribute("open") is None:
        fold.locator(":scope > summary").click()
    return page.locator("[data-crs]")


def requirement(page: Page, rid: str) -> Locator:
    """The result's block for requirement ``rid``."""
    return page.locator(f'[data-requirement="{rid}"]')


def serve_sitemap_here(context: BrowserContext, site_url: str) -> None:
    """Point the site's sitemap at this test server: Material navigates instantly only to URLs
    in its sitemap, which names the configured site_url. Close such a context after
    ``context.unroute_all(behavior="ignoreErrors")``: Material may still be fetching it."""

    def sitemap(route: Route) -> None:
        response = route.fetch()
        text = re.sub(r"<loc>https?://[^/<]+/", f"<loc>{site_url}/", response.text())
        route.fulfill(response=response, body=text)

    context.route(re.compile(r"/sitemap\.xml$"), sitemap)
