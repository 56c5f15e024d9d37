"""The Content-Security-Policy: on every page, every inline script hashed, nothing breaks."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import QuietHandler
from playwright.sync_api import Browser, Page
from support.checker import share_url

from site_scripts.runtime import csp

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)

# Collects policy violations where the page can see them (init scripts are exempt from CSP).
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


PROFILE = {
    "application_date": "2026-11-21",
    "plans_to_live_in_quebec": False,
    "jobs": [],
    "language_tests": [],
}


def pages(site: Path) -> list[Path]:
    """Every HTML page of the built site."""
    return sorted(site.rglob("*.html"))


def directives(page: Path) -> dict[str, list[str]]:
    """The page's policy as directive -> sources."""
    found = META.findall(page.read_text(encoding="utf-8"))
    assert len(found) == 1, f"{page}: {len(found)} CSP meta tags"
    return {part.split()[0]: part.split()[1:] for part in found[0].split("; ")}


def violations(page: Page) -> list[str]:
    """The violations the page has seen (securitypolicyviolation events)."""
    seen: list[str] = page.evaluate("window.__violations")
    return seen


@pytest.fixture()
def watched(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A fresh page recording CSP violations and console errors about the policy."""
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    console: list[str] = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    yield page, console
    context.close()


class HeaderHandler(QuietHandler):
    """Sends the checker's policy as a real header too, so it also binds the worker."""

    header = ""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.header)
        super().end_headers()


@pytest.fixture(scope="module")
def header_site_url(built_site: Path) -> Iterator[str]:
    """The built site served with the checker page's policy as an HTTP header on every file."""
    engine_policy = META.findall((built_site / "checker" / "index.html").read_text())[0]
    handler = type("Handler", (HeaderHandler,), {"header": engine_policy})
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(built_site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_inline_scripts_are_found_and_data_blocks_ignored() -> None:
    """Only scripts a browser would run need a hash: not src= scripts, not JSON data blocks."""
    html = (
        '<script>a()</script><script src="x.js"></script>'
        '<script type="application/json">{"b":1}</script><script type="module">c()</script>'
    )
    assert csp.inline_scripts(html) == ["a()", "c()"]


def test_every_page_has_one_policy_before_any_script_or_style(built_site: Path) -> None:
    """Each page carries one CSP meta, ahead of every script, stylesheet and link."""
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        directives(page)
        meta_at = html.index('http-equiv="Content-Security-Policy"')
        for tag in ("<script", "<link", "<style"):
            if tag in html:
                assert meta_at < html.index(tag), f"{page}: {tag} before the policy"


def test_policy_allows_only_the_sites_own_origin(built_site: Path) -> None:
    """No other host, no unsafe-inline/eval anywhere; WebAssembly only on the checker page."""
    for page in pages(built_site):
        policy = directives(page)
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
        for sources in policy.values():
            for source in sources:
                assert source in {"'self'", "'none'", "data:", "'wasm-unsafe-eval'"} or (
                    source.startswith("'sha256-")
                ), f"{page}: {source}"
        is_checker = page.relative_to(built_site).as_posix() in csp.ENGINE_PAGES
        assert ("'wasm-unsafe-eval'" in policy["script-src"]) == is_checker


def test_every_inline_script_is_hashed_and_no_inline_handlers(built_site: Path) -> None:
    """Every inline script of every page is allowed on every page; no on*= attributes exist."""
    every = {
        csp.script_hash(body)
        for page in pages(built_site)
        for body in csp.inline_scripts(page.read_text(encoding="utf-8"))
    }
    assert every, "Material's inline scripts were expected"
    for page in pages(built_site):
        assert every <= set(directives(page)["script-src"]), page
        assert not EVENT_HANDLER.search(META.sub("", page.read_text(encoding="utf-8"))), page


@pytest.mark.browser
def test_guide_pages_work_under_the_policy(site_url: str, watched: tuple[Page, list[str]]) -> None:
    """Home and a guide page run Material (palette, search) with no violation reported."""
    page, console = watched
    with page.expect_response(lambda response: "search_index.json" in response.url):
        page.goto(site_url + "/")  # Material's search worker fetches its index
    page.wait_for_timeout(300)  # and builds it before it answers queries
    page.locator("input[name='query']").press_sequentially("language")
    page.locator(".md-search-result__item").first.wait_for()
    page.goto(site_url + "/eligibility/")
    page.locator("form[data-md-component='palette'] label").first.click()
    page.wait_for_timeout(200)
    assert violations(page) == [] and console == []


@pytest.mark.browser
def test_a_script_outside_the_policy_is_blocked(
    site_url: str, built_site: Path, watched: tuple[Page, list[str]]
) -> None:
    """Control: an unhashed inline script added to a page is refused and reported."""
    page, _ = watched
    html = (built_site / "index.html").read_text(encoding="utf-8")
    tampered = html.replace("</body>", "<script>window.__ran = true</script></body>")
    page.route(site_url + "/", lambda route: route.fulfill(body=tampered, content_type="text/html"))
    page.goto(site_url + "/")
    page.wait_for_function("window.__violations.length > 0")
    assert page.evaluate("window.__ran === undefined")


@pytest.mark.browser
def test_checker_shows_a_verdict_under_the_policy(
    site_url: str, watched: tuple[Page, list[str]]
) -> None:
    """A share link gives a verdict with the page's meta policy and no violation."""
    page, console = watched
    page.goto(share_url(site_url, PROFILE))
    page.get_by_test_id("verdict").wait_for(timeout=30_000)
    assert violations(page) == [] and console == []


@pytest.mark.browser
def test_checker_worker_runs_under_the_policy_as_a_header(
    header_site_url: str, watched: tuple[Page, list[str]]
) -> None:
    """Sent as a header the policy also binds the worker: Pyodide still starts and answers."""
    page, console = watched
    page.goto(share_url(header_site_url, PROFILE))
    page.get_by_test_id("verdict").wait_for(timeout=30_000)
    assert violations(page) == [] and console == []


@pytest.mark.browser
def test_no_page_reports_a_violation_or_asks_for_a_missing_file(
    built_site: Path, site_url: str, watched: tuple[Page, list[str]]
) -> None:
    """Every page, English and French: no securitypolicyviolation event, no request answered 404
    (the French pages asked Material's fr/sitemap.xml, the tables' style attributes broke CSP)."""
    page, console = watched
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    seen: dict[str, list[str]] = {}
    paths = sorted(
        "/" + p.parent.relative_to(built_site).as_posix() + "/"
        for p in built_site.rglob("index.html")
    )
    assert any(path.startswith("/fr/") for path in paths)
    for path in paths:
        page.goto(site_url + path.replace("/./", "/"), wait_until="load")
        page.wait_for_load_state("networkidle")
        if violations(page):
            seen[path] = violations(page)
    assert seen == {} and console == []
    assert missing == []
