"""Every built page in Chromium at desktop and phone widths: local-only, accessible, no overflow.

One browser and one tab per width crawl all pages (fast). Set ``SCREENSHOTS_DIR`` to also save
a full-page screenshot of each page at each width (e.g. ``SCREENSHOTS_DIR=/tmp/shots``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Route

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def page_paths(site: Path) -> list[str]:
    """URL paths of every built page (``index.html`` files), 404 page excluded."""
    paths = []
    for index in site.rglob("index.html"):
        folder = index.parent.relative_to(site).as_posix()
        paths.append("/" if folder == "." else f"/{folder}/")
    return sorted(paths)


@pytest.fixture(scope="module", params=list(WIDTHS))
def tab(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[str, Page, list[str]]]:
    """A tab at one width; the list collects every request that tried to leave 127.0.0.1."""
    width, height = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    outside: list[str] = []

    def guard(route: Route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    yield request.param, page, outside
    context.close()


def visit(page: Page, url: str) -> None:
    """Load ``url`` and wait until the network is quiet (the checker loads its runtime)."""
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")


# What a phone shows before each stacked table cell: its column's name and a colon (CSS).
STACKED_LABELS = """() => [...document.querySelectorAll("td[data-label]")].map(
  (cell) => getComputedStyle(cell, "::before").content)"""


def stacked_label_problems(page: Page) -> list[str]:
    """Stacked cells whose label breaks the page language's typography: French puts a no-break
    space before the colon, English none."""
    french = page.evaluate("document.documentElement.lang") == "fr"
    colon = '\u00a0: "' if french else '[^\u00a0 ]: "'
    labels: list[str] = page.evaluate(STACKED_LABELS)
    return [f"stacked label {label}" for label in labels if not re.search(colon, label)]


def test_pages_are_local_accessible_and_fit(
    tab: tuple[str, Page, list[str]], built_site: Path, site_url: str
) -> None:
    """Each page requests nothing off 127.0.0.1, has zero axe violations and no sideways scroll;
    on phones, stacked table cells name their column with the page language's colon."""
    width_name, page, outside = tab
    shots = os.environ.get("SCREENSHOTS_DIR")
    axe = Axe()
    problems: list[str] = []
    paths = page_paths(built_site)
    assert len(paths) >= 10, paths
    for path in paths:
        visit(page, site_url + path)
        results = axe.run(page)
        if results.violations_count:
            problems.append(f"{path} [{width_name}] axe:\n{results.generate_report()}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            problems.append(f"{path} [{width_name}] overflows sideways by {overflow}px")
        if width_name == "phone":
            problems.extend(f"{path} [phone] {label}" for label in stacked_label_problems(page))
        if shots:
            name = path.strip("/").replace("/", "_") or "home"
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{shots}/{name}-{width_name}.png", full_page=True)
    assert not outside, f"requests to other hosts: {sorted(set(outside))}"
    assert not problems, "\n\n".join(problems)
