"""The engine's memory snapshots: revisits restore the copy the device kept (snapshot.js), a
fast link's first visit the build's (build_snapshot.py); neither holds answers, and a damaged
copy is replaced or passed over without the person noticing."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, Playwright, Route
from support.checker import cpython, share_url
from support.contract import contract_profile, job

# A title no runtime or rules file contains: found in the snapshot only if answers leak into it.
MARKER = "Quokka-Zebra welder 4417"
PROFILE = contract_profile(
    jobs=[job(date(2024, 1, 8), None, hours=37.5, teer=2, title=MARKER, noc_code="72106")]
)

# Links as Chromium emulates them (DevTools protocol); the worker reads navigator.connection.
LINKS = {
    "fast": {"latency": 2, "downloadThroughput": 500e6 / 8, "uploadThroughput": 100e6 / 8},
    "phone": {"latency": 40, "downloadThroughput": 10e6 / 8, "uploadThroughput": 5e6 / 8},
}
ELIGIBLE = {True: "true", False: "false", None: "unknown"}

# The kept copy, read and written as the worker keeps it (kept.js): one file in the origin
# private file system, a 4-byte length, the key and headers as JSON, then the snapshot's bytes.
KEPT_FILE = """
const FILE = "cec-snapshot.bin";
const sha = async (bytes) => "sha256-" + btoa(String.fromCharCode(
  ...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))));
async function readKept() {
  try {
    const root = await navigator.storage.getDirectory();
    const file = await (await root.getFileHandle(FILE)).getFile();
    const all = new Uint8Array(await file.arrayBuffer());
    const length = new DataView(all.buffer).getUint32(0);
    const head = JSON.parse(new TextDecoder().decode(all.subarray(4, 4 + length)));
    return { head, bytes: all.slice(4 + length) };
  } catch {
    return null;
  }
}
async function writeKept(head, bytes) {
  const text = new TextEncoder().encode(JSON.stringify(head));
  const all = new Uint8Array(4 + text.length + bytes.length);
  new DataView(all.buffer).setUint32(0, text.length);
  all.set(text, 4);
  all.set(bytes, 4 + text.length);
  const root = await navigator.storage.getDirectory();
  const writable = await (await root.getFileHandle(FILE, { create: true })).createWritable();
  await writable.write(all);
  await writable.close();
}
// The kept copy once whole (its digest matches), else null after 20 s; keep(kept) -> bool.
async function keptWhole(keep = () => true) {
  for (let tries = 0; tries < 400; tries += 1) {
    const kept = await readKept();
    const whole = kept && (await sha(kept.bytes)) === kept.head.headers["x-cec-digest"];
    if (whole && keep(kept)) return kept;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}
"""
KEPT = "async () => {" + KEPT_FILE + " return (await keptWhole())?.head.key ?? null; }"
READY_DETAIL = "performance.getEntriesByName('cec:ready')[0].detail"


def visit(
    playwright: Playwright, folder: Path, args: dict[str, Any]
) -> tuple[BrowserContext, Page]:
    """Chromium on the persistent profile in ``folder`` (it survives a restart) and a page."""
    context = playwright.chromium.launch_persistent_context(str(folder), **args)
    return context, context.new_page()


def verdict_of(page: Page, url: str) -> tuple[str | None, str]:
    # What is asserted is the verdict (waited for below), not the page's load event: once, in
    # a full CI run, a fast-link visit's load event took over goto's 30 s (not seen again in
    # 15 runs here).
    page.goto(url, wait_until="commit")
    verdict = page.get_by_test_id("verdict")
    verdict.wait_for(timeout=30_000)
    return verdict.get_attribute("data-eligible"), verdict.inner_text()


def first_visit(
    playwright: Playwright, folder: Path, args: dict[str, Any], url: str
) -> tuple[str | None, str]:
    """A share link on a fresh profile; returns its verdict once the snapshot is kept."""
    context, page = visit(playwright, folder, args)
    try:
        found = verdict_of(page, url)
        assert page.evaluate(READY_DETAIL) == {"restored": False}
        assert page.evaluate(KEPT)
        return found
    finally:
        context.close()


@pytest.mark.browser
def test_revisit_restores_the_snapshot_and_gives_the_same_verdict(
    playwright: Playwright, site_url: str, tmp_path: Path, browser_type_launch_args: dict[str, Any]
) -> None:
    """After one visit, the next one starts Python from the kept snapshot; same verdict."""
    url = share_url(site_url, PROFILE)
    first = first_visit(playwright, tmp_path, browser_type_launch_args, url)
    context, page = visit(playwright, tmp_path, browser_type_launch_args)
    try:
        assert verdict_of(page, url) == first
        assert page.evaluate(READY_DETAIL) == {"restored": "device"}
    finally:
        context.close()


@pytest.mark.browser
def test_snapshot_never_holds_the_answers(
    playwright: Playwright, site_url: str, tmp_path: Path, browser_type_launch_args: dict[str, Any]
) -> None:
    """The snapshot is taken before any check: a job title from the share link is not in it,
    while text the rules loaded at start-up is (so the search does find what is there)."""
    url = share_url(site_url, PROFILE)
    first_visit(playwright, tmp_path, browser_type_launch_args, url)
    context, page = visit(playwright, tmp_path, browser_type_launch_args)
    try:
        page.goto(site_url + "/checker/")
        found = page.evaluate(
            "async (needles) => {"
            + KEPT_FILE
            + """
              const text = new TextDecoder("latin1").decode((await keptWhole()).bytes);
              return needles.map((needle) => text.includes(needle));
            }""",
            [MARKER, "pycore.api"],
        )
    finally:
        context.close()
    assert found == [False, True]


@pytest.mark.browser
@pytest.mark.parametrize("damage", ["bytes changed", "not a snapshot"])
def test_damaged_snapshot_is_replaced_and_the_checker_answers(
    playwright: Playwright,
    site_url: str,
    tmp_path: Path,
    browser_type_launch_args: dict[str, Any],
    damage: str,
) -> None:
    """A kept copy whose bytes no longer match its digest, or that Pyodide refuses although
    its digest matches, is forgotten: Python starts the usual way, same verdict, a good copy
    is kept again."""
    url = share_url(site_url, PROFILE)
    first = first_visit(playwright, tmp_path, browser_type_launch_args, url)
    context, page = visit(playwright, tmp_path, browser_type_launch_args)
    try:
        page.goto(site_url + "/glossary/")  # same origin, no engine running
        page.evaluate(
            "async (matching) => {"
            + KEPT_FILE
            + """
              const { head, bytes } = await keptWhole();
              bytes.fill(7, 0, 64);
              if (matching) head.headers["x-cec-digest"] = await sha(bytes);
              await writeKept(head, bytes);
            }""",
            damage == "not a snapshot",
        )
        assert verdict_of(page, url) == first
        assert page.evaluate(READY_DETAIL) == {"restored": False}
        valid = page.evaluate(
            "async () => {"
            + KEPT_FILE
            + " return Boolean(await keptWhole((kept) => kept.bytes[0] !== 7)); }"
        )
    finally:
        context.close()
    assert valid


@pytest.mark.browser
@pytest.mark.parametrize("case", ["fast", "phone", "fast, damaged copy"])
def test_a_fast_link_starts_from_the_builds_snapshot(
    playwright: Playwright,
    site_url: str,
    tmp_path: Path,
    browser_type_launch_args: dict[str, Any],
    case: str,
) -> None:
    """A fast link's first visit restores the build's snapshot and gives the engine's verdict; a
    phone's link never downloads it; a copy that fails its digest is passed over (usual start).
    On every link the rules wheel is asked for only once the wasm has arrived (it downloads
    while Python starts, not beside the wasm)."""
    link, _, damaged = case.partition(", ")
    context, page = visit(playwright, tmp_path, browser_type_launch_args)
    requested: list[str] = []
    try:
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", {"offline": False, **LINKS[link]})
        context.on("request", lambda request: requested.append(request.url))
        context.on("requestfinished", lambda request: requested.append("done " + request.url))
        if damaged:

            def damage(route: Route) -> None:
                body = bytearray(route.fetch().body())
                body[-64:] = bytes(64)  # the gzip stream's end: the digest cannot match
                route.fulfill(body=bytes(body))

            page.route("**/python_snapshot.*", damage)
        eligible, _ = verdict_of(page, share_url(site_url, PROFILE))
        restored = page.evaluate(READY_DETAIL)
    finally:
        context.close()
    assert eligible == ELIGIBLE[cpython(PROFILE)["eligible"]]
    fetched = any("python_snapshot." in url for url in requested)
    wasm_arrived = next(
        i for i, url in enumerate(requested) if url.startswith("done") and ".wasm" in url
    )
    wheel_asked = next(i for i, url in enumerate(requested) if url.endswith(".whl"))
    assert wasm_arrived < wheel_asked
    assert (restored, fetched) == {
        "fast": ({"restored": "build"}, True),
        "phone": ({"restored": False}, False),
        "fast, damaged copy": ({"restored": False}, True),
    }[case]
