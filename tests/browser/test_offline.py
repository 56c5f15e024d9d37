"""Offline use and the checker page's delivery: service worker, head hints, guide untouched."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, Playwright

from site_scripts.runtime import delivery

PROFILE = {
    "application_date": "2026-11-21",
    "plans_to_live_in_quebec": False,
    "jobs": [],
    "language_tests": [],
}
SHARE = "#profile=" + base64.urlsafe_b64encode(
    json.dumps(PROFILE, separators=(",", ":")).encode()
).decode().rstrip("=")


def open_profile(
    playwright: Playwright, folder: Path, launch_args: dict[str, Any]
) -> BrowserContext:
    """Chromium on a persistent profile in ``folder`` (survives a restart, like a real one)."""
    return playwright.chromium.launch_persistent_context(str(folder), **launch_args)


def wait_for_offline_copy(page: Page) -> None:
    """Until the service worker is active and holds its copy of the site."""
    page.wait_for_function(
        "navigator.serviceWorker.controller !== null || "
        "navigator.serviceWorker.ready.then(() => true)"
    )
    page.evaluate(
        """async () => {
          const registration = await navigator.serviceWorker.ready;
          while (!registration.active || registration.active.state !== "activated")
            await new Promise((resolve) => setTimeout(resolve, 50));
        }"""
    )


def test_precache_holds_checker_page_modules_and_runtime(built_site: Path) -> None:
    """The offline copy lists the checker page, each checker module and each runtime file."""
    listed = set(delivery.precache_list(built_site))
    assert "checker/" in listed
    folder = built_site / "javascripts" / "checker"
    modules = {p.relative_to(built_site).as_posix() for p in folder.rglob("*.js")}
    published = {p.name for p in (built_site / "pyodide").iterdir()}
    # The wasm travels as its gzip copy; the rest of the stdlib comes only if imported; the
    # lock file's contents are in the page; the build's snapshot is for a fast link's first
    # visit only (the device keeps its own).
    unused = ("python_stdlib_rest.", "pyodide-lock.", "python_snapshot.")
    runtime = {
        f"pyodide/{name}"
        for name in published
        if name + ".gz" not in published and not name.startswith(unused)
    }
    assert modules | runtime <= listed
    assert not [name for name in listed if name.startswith(tuple("pyodide/" + u for u in unused))]
    for name in listed - {"checker/", "fr/checker/"}:
        assert (built_site / name).is_file(), name


def test_service_worker_is_written_for_this_build(built_site: Path) -> None:
    """sw.js at the site root carries this build's file list and no placeholder."""
    source = (built_site / "sw.js").read_text(encoding="utf-8")
    assert "__PRECACHE__" not in source and "__VERSION__" not in source
    found = re.search(r"const PRECACHE = (\[.*?\]);", source, re.S)
    assert found
    assert json.loads(found.group(1)) == delivery.precache_list(built_site)


def test_only_the_checker_page_mentions_the_runtime(built_site: Path) -> None:
    """Guide pages carry no runtime reference, engine start or service worker script."""
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        is_checker = page.relative_to(built_site).as_posix() in (
            "checker/index.html",
            "fr/checker/index.html",
        )
        for marker in (
            "pyodide/",
            "javascripts/checker/start.js",
            "javascripts/checker/offline.js",
            "modulepreload",
        ):
            assert (marker in html) == is_checker, f"{page}: {marker}"


def test_checker_head_starts_engine_before_the_page_modules(built_site: Path) -> None:
    """The head holds the configuration, then start.js, then hints for the page's bundle and the
    chunk it shares with start.js (the page's modules are bundled; the worker's are not hinted)."""
    html = (built_site / "checker" / "index.html").read_text(encoding="utf-8")
    head = html.split("</head>")[0]
    assert head.index('id="cec-config"') < head.index("javascripts/checker/start.js")
    hinted = re.findall(r'rel="modulepreload" href="../javascripts/checker/([^"]+)"', head)
    published = {p.name for p in (built_site / "javascripts" / "checker").glob("*.js")}
    assert set(hinted) == published - {"start.js", "offline.js"}
    assert "main.js" in hinted and len(hinted) >= 2
    assert not (built_site / "javascripts" / "checker" / "form" / "form.js").exists()  # bundled
    assert 'rel="preload"' not in head  # runtime files: see delivery.py for why


@pytest.mark.browser
def test_checker_works_offline_after_one_visit(
    playwright: Playwright, site_url: str, tmp_path: Path, browser_type_launch_args: dict[str, Any]
) -> None:
    """Visit once, restart the browser with the network off: a share link still gives a verdict."""
    context = open_profile(playwright, tmp_path, browser_type_launch_args)
    page = context.new_page()
    page.goto(site_url + "/checker/" + SHARE)
    page.get_by_test_id("verdict").wait_for(timeout=30_000)
    wait_for_offline_copy(page)
    context.close()

    context = open_profile(playwright, tmp_path, browser_type_launch_args)
    context.set_offline(True)
    page = context.new_page()
    page.goto(site_url + "/checker/" + SHARE)
    verdict = page.get_by_test_id("verdict")
    verdict.wait_for(timeout=30_000)
    assert verdict.get_attribute("data-eligible") in {"true", "false", "unknown"}
    context.close()


@pytest.mark.browser
def test_wasm_never_comes_from_the_service_worker_online(
    playwright: Playwright, site_url: str, tmp_path: Path, browser_type_launch_args: dict[str, Any]
) -> None:
    """On a revisit no wasm passes through the service worker: the engine compiles the copy it
    decompressed and kept on the first visit (verify.js), or the network stack's."""
    context = open_profile(playwright, tmp_path, browser_type_launch_args)
    page = context.new_page()
    page.goto(site_url + "/checker/")
    wait_for_offline_copy(page)
    context.close()

    context = open_profile(playwright, tmp_path, browser_type_launch_args)
    served: dict[str, bool] = {}
    context.on(
        "response",
        lambda r: served.__setitem__(r.url, r.from_service_worker) if ".wasm" in r.url else None,
    )
    page = context.new_page()
    page.goto(site_url + "/checker/" + SHARE)
    page.get_by_test_id("verdict").wait_for(timeout=30_000)
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    kept = page.evaluate(
        "caches.open('cec-unpacked').then((c) => c.keys()).then((k) => k.map((r) => r.url))"
    )
    context.close()
    assert not any(served.values())
    assert served or [url for url in kept if url.endswith(".wasm")]


@pytest.mark.browser
def test_guide_page_registers_no_service_worker_and_loads_no_runtime(
    page: Page, site_url: str
) -> None:
    """Reading the guide downloads no runtime byte and installs no service worker."""
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + "/eligibility/work-experience/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/pyodide/" in url or "/checker/" in url]
    assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r === undefined)")


@pytest.mark.browser
def test_share_link_answers_never_reach_cache_storage(
    playwright: Playwright, site_url: str, tmp_path: Path, browser_type_launch_args: dict[str, Any]
) -> None:
    """Pages opened through a share link are kept under their bare address: no stored entry
    (request or response URL) carries the ``#profile=`` fragment."""
    context = open_profile(playwright, tmp_path, browser_type_launch_args)
    page = context.new_page()
    page.goto(site_url + "/checker/" + SHARE)
    page.get_by_test_id("verdict").wait_for(timeout=30_000)
    wait_for_offline_copy(page)
    page.goto(site_url + "/checker/?from=link" + SHARE)  # now through the service worker
    page.get_by_test_id("verdict").wait_for(timeout=30_000)
    # A guide page, opened last, is not precached: once it is kept, the earlier puts are done.
    guide = "/eligibility/work-experience/"
    page.goto(site_url + guide + SHARE)
    stored = page.evaluate(
        """async (guide) => {
          const urls = async () => {
            const found = [];
            for (const name of await caches.keys()) {
              const cache = await caches.open(name);
              for (const request of await cache.keys()) {
                found.push(request.url);
                const response = await cache.match(request);
                if (response) found.push(response.url);
              }
            }
            return found;
          };
          for (let tries = 0; tries < 200; tries += 1) {
            const found = await urls();
            if (found.some((url) => url.includes(guide))) return found;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          throw new Error("the guide page was never kept");
        }""",
        guide,
    )
    context.close()
    assert any(guide in url for url in stored)
    assert [url for url in stored if "profile=" in url or "from=link" in url] == []
