"""Benchmark of the built site in Debian's Chromium: the checker against a bare Pyodide page.

Run with `make bench` (or `.venv/bin/python bench/bench_site.py --runs 5`). Not a test: it prints
a table of median / min / max and the ratios the project's targets are stated in.

- baseline: a bare page written into a temporary copy of the site (never into docs/): pristine
  ``node_modules/pyodide`` and a plain ``loadPyodide()`` in a module worker; "ready" is when
  loadPyodide resolves.
- cold: a share link opened in a fresh browser (empty cache) -> ``cec:result`` for the checker,
  navigation -> ready for the baseline.
- revisit: the same persistent profile after a browser restart -> ``cec:ready`` (baseline: ready);
  also with service workers blocked, to show the offline worker does not slow revisits.
- submit: form submitted -> ``cec:result``, p50/p95 over 50 checks in one page.
- bytes: counted by the server (what went over the wire) and the files' own (raw) sizes.
- fast line: the cold runs again on an emulated fast line (500 Mbit/s, 2 ms), which the
  browser reports as fast: the checker starts from the build's memory snapshot there.
- link: the cold runs again on an emulated phone link (Chromium's network emulation through the
  DevTools protocol, ``Network.emulateNetworkConditions``: 10 Mbit/s down, 5 up, 40 ms latency).
  The emulation also throttles the engine worker's requests: the report checks it by the
  baseline's throughput (wire bytes / time to ready, which must not exceed the link's rate).
  Bytes to the first verdict are split by file class (wasm, standard library, ...).
- mount (``--mount-only``): the main thread's total blocking time with the CPU slowed 4x
  (``Emulation.setCPUThrottlingRate``), cold, share link with a ranking section -> 2 s after the
  verdict, and the blocking time of the task that showed the result; ``--compare OTHER_SITE``
  alternates it with another build (before / after one change).

The server answers like GitHub Pages (``Cache-Control: max-age=600``, gzip for text types, not
for wasm or zip) so transfers and revisits behave as they would there. Variants alternate
within each round so machine load affects them alike.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the tests' server and browser set-up, reused

from conftest import BROWSER_ARGS, QuietHandler, chromium_path, serve_directory  # noqa: E402
from support.checker import encode  # noqa: E402  (share-link format)

from pycore.api import RANKED_SAMPLE as RANKED  # noqa: E402  (a ranking section: the result's largest part)
from pycore.api import SAMPLE_PROFILE as PROFILE  # noqa: E402
from site_scripts.runtime.paths import PYODIDE_DIR, RUNTIME_FILES  # noqa: E402

CHROMIUM = chromium_path() or "/usr/bin/chromium"
ARGS = list(BROWSER_ARGS)
GUIDE_PAGE = "/eligibility/work-experience/"
WARM_UP_SECONDS = 3.0  # let the first visit finish caching compiled code before the restart
TIMEOUT_MS = 120_000
# The emulated phone link (Network.emulateNetworkConditions takes bytes per second and ms).
LINK_DOWN_MBIT = 10.0
LINK = {
    "offline": False,
    "latency": 40,
    "downloadThroughput": LINK_DOWN_MBIT * 1e6 / 8,
    "uploadThroughput": 5e6 / 8,
}
# A fast line as Chromium emulates it: its Network Information API then reports what the
# engine's fastLink() asks for (4g, 10 Mbit/s, its ceiling, and a round trip under 25 ms), so
# the checker starts from the build's snapshot; the phone link above reports a 50 ms round trip.
FAST_LINK = {
    "offline": False,
    "latency": 2,
    "downloadThroughput": 500e6 / 8,
    "uploadThroughput": 100e6 / 8,
}
CPU_SLOWDOWN = 4  # Lighthouse's mobile CPU throttling
SETTLE_MS = 2000  # long tasks are still counted this long after the verdict
# Long tasks from the page's first script on (an init script: the page's CSP does not apply).
LONG_TASKS = """(() => {
  const seen = (window.__cecLongTasks = []);
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) seen.push([task.startTime, task.duration]);
  }).observe({ type: "longtask" });
})();"""
# File classes for the bytes table: (label, test on the URL path), first match wins.
FILE_CLASSES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("runtime wasm", lambda path: "/pyodide/" in path and ".wasm" in path),
    ("standard library", lambda path: "/pyodide/" in path and "stdlib" in path),
    ("runtime JavaScript", lambda path: "/pyodide/" in path and path.endswith(".mjs")),
    ("lock file", lambda path: "/pyodide/" in path and path.endswith(".json")),
    ("rules wheel", lambda path: path.endswith(".whl")),
    ("other runtime", lambda path: "/pyodide/" in path),
    ("page, styles, scripts", lambda path: True),
)


BASELINE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pyodide baseline</title></head>
<body><p id="state">loading</p>
<script type="module">
const worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = (event) => {
  performance.mark("cec:ready");
  document.getElementById("state").textContent = event.data;
};
</script></body></html>
"""
BASELINE_WORKER = """import { loadPyodide } from "./pyodide/pyodide.mjs";
await loadPyodide();
self.postMessage("ready");
"""

# Submits the form n times in the page; each time from the submit to the next cec:result mark.
SUBMIT_LOOP = """async (n) => {
  const form = document.querySelector("[data-cec-form]");
  const times = [];
  for (let i = 0; i < n; i++) {
    const seen = performance.getEntriesByName("cec:result").length;
    const started = performance.now();
    form.requestSubmit();
    while (performance.getEntriesByName("cec:result").length === seen) {
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    times.push(performance.getEntriesByName("cec:result")[seen].startTime - started);
  }
  return times;
}"""


def share_fragment(profile: dict[str, Any]) -> str:
    """`#profile=` + base64url JSON without padding (the checker's share link)."""
    return "#profile=" + encode(profile)


# --- the served copy of the site --------------------------------------------------------------


@dataclass
class Traffic:
    """Files the server sent since the last reset: (path, bytes of body)."""

    sent: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.sent.append((path, size))

    def take(self) -> list[tuple[str, int]]:
        with self.lock:
            sent, self.sent = self.sent, []
        return sent


class PagesLikeHandler(QuietHandler):
    """Static files served like GitHub Pages: Pyodide's MIME types (the tests' handler),
    ``Cache-Control: max-age=600``, gzip for text types (not for wasm or zip); counts the
    bytes it sends."""

    compressible = ("text/", "application/json", "application/xml", "image/svg+xml")
    traffic: Traffic

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self) -> None:
        requested = Path(self.translate_path(self.path))
        path = requested / "index.html" if requested.is_dir() else requested
        kind = self.guess_type(str(path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        folder_without_slash = requested.is_dir() and not urlsplit(self.path).path.endswith("/")
        if folder_without_slash or not (
            path.is_file() and wants_gzip and kind.startswith(self.compressible)
        ):
            super().do_GET()
            return
        body = gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        self.wfile.write(body)
        self.traffic.add(urlsplit(self.path).path, len(body))

    def copyfile(self, source: Any, outputfile: Any) -> None:
        start = source.tell()
        super().copyfile(source, outputfile)
        self.traffic.add(urlsplit(self.path).path, source.tell() - start)

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser closed while a file was on its way (e.g. at a restart)


@functools.cache
def gzipped(path: Path) -> bytes:
    """``path`` compressed as a static host would (gzip -6)."""
    return gzip.compress(path.read_bytes(), 6)


@contextmanager
def serve(directory: Path) -> Iterator[tuple[str, Traffic]]:
    """Serve ``directory`` on a free 127.0.0.1 port; yields the base URL and its traffic log."""
    traffic = Traffic()
    handler = type("Handler", (PagesLikeHandler,), {"traffic": traffic})
    server, url = serve_directory(directory, handler)
    try:
        yield url, traffic
    finally:
        server.shutdown()


def prepare_site(site: Path, work: Path) -> Path:
    """A copy of the built site plus the bare baseline page under /baseline/."""
    copy = work / "site"
    shutil.copytree(site, copy)
    baseline = copy / "baseline"
    (baseline / "pyodide").mkdir(parents=True)
    for name in RUNTIME_FILES:
        shutil.copy2(PYODIDE_DIR / name, baseline / "pyodide" / name)
    (baseline / "index.html").write_text(BASELINE_PAGE, encoding="utf-8")
    (baseline / "worker.mjs").write_text(BASELINE_WORKER, encoding="utf-8")
    return copy


def byte_counts(sent: list[tuple[str, int]], site: Path) -> dict[str, int]:
    """Bytes on the wire (text gzipped as GitHub Pages does), the files' own sizes, and the
    Pyodide runtime's share of the wire bytes."""
    wire = sum(size for _, size in sent)
    raw = 0
    pyodide = 0
    for path, size in sent:
        local = site / unquote(path).lstrip("/")
        if local.is_dir():
            local = local / "index.html"
        raw += local.stat().st_size if size and local.is_file() else 0
        if "/pyodide/" in path:
            pyodide += size
    return {"wire": wire, "raw": raw, "pyodide": pyodide, "requests": len(sent)}


def by_class(sent: list[tuple[str, int]]) -> dict[str, int]:
    """Wire bytes per file class (FILE_CLASSES), in the classes' order."""
    counts = dict.fromkeys((label for label, _ in FILE_CLASSES), 0)
    for path, size in sent:
        label = next(label for label, test in FILE_CLASSES if test(unquote(path)))
        counts[label] += size
    return counts


# --- measurements -----------------------------------------------------------------------------


# A function, not a polled expression: the site's CSP forbids the eval Playwright polls with.
WAIT_FOR_MARK = """([name, timeout]) => new Promise((resolve, reject) => {
  const found = () => performance.getEntriesByName(name)[0];
  if (found()) return resolve(found().startTime);
  const observer = new PerformanceObserver(() => {
    if (found()) { observer.disconnect(); resolve(found().startTime); }
  });
  observer.observe({ type: "mark" });
  setTimeout(() => reject(new Error("no " + name + " mark")), timeout);
})"""


def mark(page: Page, name: str) -> float:
    """Wait for the performance mark ``name``; its time since navigation start, in ms."""
    value: float = page.evaluate(WAIT_FOR_MARK, [name, TIMEOUT_MS])
    return value


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def persistent(playwright: Playwright, profile_dir: Path, workers: bool = True) -> BrowserContext:
    """Chromium on an on-disk profile; ``workers=False`` blocks service workers."""
    return playwright.chromium.launch_persistent_context(
        str(profile_dir),
        executable_path=CHROMIUM,
        args=ARGS,
        service_workers="allow" if workers else "block",
    )


def emulate_link(context: BrowserContext, page: Page, conditions: dict[str, Any] = LINK) -> None:
    """Throttle ``page`` (and the workers it starts) to ``conditions``."""
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", conditions)


def cold(playwright: Playwright, url: str, mark_name: str, work: Path) -> float:
    """A fresh browser profile (empty caches, on disk like a real one): ms to ``mark_name``."""
    return cold_on_link(playwright, url, mark_name, work, link=False)[0]


def cold_on_link(
    playwright: Playwright,
    url: str,
    mark_name: str,
    work: Path,
    link: bool = True,
    traffic: Traffic | None = None,
    conditions: dict[str, Any] = LINK,
) -> tuple[float, list[tuple[str, int]]]:
    """A cold visit, on the emulated link (``conditions``) unless ``link`` is false: ms to
    ``mark_name`` and the files sent until then (when ``traffic`` is given)."""
    profile_dir = Path(tempfile.mkdtemp(prefix="profile-", dir=work))
    context = persistent(playwright, profile_dir)
    try:
        page = context.new_page()
        if link:
            emulate_link(context, page, conditions)
        if traffic is not None:
            traffic.take()
        page.goto(url)
        value = mark(page, mark_name)
        return value, traffic.take() if traffic is not None else []
    finally:
        context.close()
        shutil.rmtree(profile_dir, ignore_errors=True)


def revisit(
    playwright: Playwright, first_url: str, again_url: str, work: Path, workers: bool = True
) -> float:
    """Visit, close the browser, start it again on the same profile: ms to ``cec:ready``."""
    profile_dir = Path(tempfile.mkdtemp(prefix="profile-", dir=work))
    try:
        context = persistent(playwright, profile_dir, workers)
        page = context.new_page()
        page.goto(first_url)
        mark(page, "cec:ready")
        time.sleep(WARM_UP_SECONDS)
        context.close()
        context = persistent(playwright, profile_dir, workers)
        page = context.new_page()
        page.goto(again_url)
        value = mark(page, "cec:ready")
        context.close()
        return value
    finally:
        shutil.rmtree(profile_dir, ignore_errors=True)


def mount_blocking(playwright: Playwright, url: str, work: Path) -> tuple[float, float]:
    """A cold visit of ``url`` with the CPU slowed CPU_SLOWDOWN times: the total blocking time
    (each long task's time past 50 ms) from navigation to SETTLE_MS after the verdict, and that
    of the task that showed the result (it holds the ``cec:result`` mark), in ms."""
    profile_dir = Path(tempfile.mkdtemp(prefix="profile-", dir=work))
    context = persistent(playwright, profile_dir)
    try:
        page = context.new_page()
        page.add_init_script(LONG_TASKS)
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.goto(url)
        shown = mark(page, "cec:result")
        page.wait_for_timeout(SETTLE_MS)
        tasks: list[list[float]] = page.evaluate("() => window.__cecLongTasks")
    finally:
        context.close()
        shutil.rmtree(profile_dir, ignore_errors=True)
    total = sum(max(0.0, duration - 50) for _, duration in tasks)
    mount = sum(
        max(0.0, duration - 50) for start, duration in tasks if start <= shown <= start + duration
    )
    return total, mount


def mount_runs(
    playwright: Playwright, sites: dict[str, str], runs: int, work: Path
) -> dict[str, list[float]]:
    """mount_blocking for each site's ranked share link, alternating, ``runs`` rounds."""
    found: dict[str, list[float]] = {}
    link = "/checker/" + share_fragment(RANKED)
    for round_ in range(runs):
        print(f"mount round {round_ + 1}/{runs}", file=sys.stderr, flush=True)
        for name, base in sites.items():
            total, mount = mount_blocking(playwright, base + link, work)
            found.setdefault(f"{name}: total blocking time", []).append(total)
            found.setdefault(f"{name}: the result's task", []).append(mount)
    return found


def submits(playwright: Playwright, url: str, count: int) -> list[float]:
    """Times from submit to verdict shown, ``count`` checks in one ready page."""
    browser = launch(playwright)
    try:
        page = browser.new_context().new_page()
        page.goto(url)
        mark(page, "cec:result")
        times: list[float] = page.evaluate(SUBMIT_LOOP, count)
        return times
    finally:
        browser.close()


def page_bytes(
    playwright: Playwright,
    url: str,
    traffic: Traffic,
    site: Path,
    work: Path,
    until: Callable[[Page], Any],
) -> dict[str, int]:
    """Bytes a fresh browser profile downloads for ``url`` until ``until(page)`` returns."""
    profile_dir = Path(tempfile.mkdtemp(prefix="profile-", dir=work))
    context = persistent(playwright, profile_dir)
    try:
        traffic.take()
        page = context.new_page()
        page.goto(url)
        until(page)
        page.wait_for_load_state("networkidle")
        return byte_counts(traffic.take(), site)
    finally:
        context.close()
        shutil.rmtree(profile_dir, ignore_errors=True)


def revisit_bytes(
    playwright: Playwright, url: str, traffic: Traffic, site: Path, work: Path
) -> dict[str, int]:
    """Bytes downloaded by the second visit (after a restart) of the checker."""
    profile_dir = Path(tempfile.mkdtemp(prefix="profile-", dir=work))
    try:
        context = persistent(playwright, profile_dir)
        page = context.new_page()
        page.goto(url)
        mark(page, "cec:result")
        time.sleep(WARM_UP_SECONDS)
        context.close()
        traffic.take()
        context = persistent(playwright, profile_dir)
        page = context.new_page()
        page.goto(url)
        mark(page, "cec:result")
        page.wait_for_load_state("networkidle")
        context.close()
        return byte_counts(traffic.take(), site)
    finally:
        shutil.rmtree(profile_dir, ignore_errors=True)


# --- Lighthouse -------------------------------------------------------------------------------


# Lighthouse's LCP breakdown (the `largest-contentful-paint-element` audit's second table).
LCP_PHASES = ("TTFB", "Load Delay", "Load Time", "Render Delay")


def lighthouse(url: str, work: Path) -> dict[str, Any] | str:
    """Lighthouse 12 (npm) mobile scores for ``url``, or why it could not run."""
    npx = shutil.which("npx")
    if npx is None:
        return "npx not found"
    report = work / f"lighthouse-{abs(hash(url))}.json"
    command = [
        npx,
        "--yes",
        "lighthouse@12",
        url,
        "--only-categories=performance,accessibility",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox " + " ".join(ARGS),
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    if done.returncode != 0 or not report.exists():
        return "failed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:200]
    data = json.loads(report.read_text())
    scores: dict[str, Any] = {name: cat["score"] for name, cat in data["categories"].items()}
    audits = data["audits"]
    for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time"):
        scores[key] = audits[key]["numericValue"]
    # Material's share of the blocking time: its bundle's long tasks (Lighthouse attributes each
    # to a script) over all long tasks, each counted past 50 ms as TBT counts them.
    tasks = audits.get("long-tasks", {}).get("details", {}).get("items", [])
    blocking = [(str(task.get("url", "")), max(0.0, task["duration"] - 50)) for task in tasks]
    total = sum(ms for _, ms in blocking)
    material = sum(ms for url, ms in blocking if "/assets/javascripts/bundle." in url)
    scores["material share"] = material / total if total else 0.0
    scores.update(lcp_breakdown(audits))
    return scores


def lcp_breakdown(audits: dict[str, Any]) -> dict[str, Any]:
    """The LCP element (its selector) and what its time is made of, from Lighthouse's report."""
    tables = audits.get("largest-contentful-paint-element", {}).get("details", {}).get("items", [])
    found: dict[str, Any] = {"lcp element": "?"}
    for table in tables:
        for item in table.get("items", []):
            if "node" in item:
                found["lcp element"] = item["node"].get("selector", "?").split(" > ")[-1]
            elif item.get("phase") in LCP_PHASES:
                found[item["phase"]] = item["timing"]
    return found


def lighthouse_runs(sites: dict[str, str], work: Path, runs: int) -> dict[str, list[Any]]:
    """``runs`` Lighthouse runs of the home page and the checker of each site, alternating."""
    scores: dict[str, list[Any]] = {}
    for round_ in range(runs):
        for label, base in sites.items():
            for page, path in (("home", "/"), ("checker", "/checker/")):
                name = f"{page} {label}".strip()
                print(f"lighthouse {name} {round_ + 1}/{runs}", file=sys.stderr, flush=True)
                scores.setdefault(name, []).append(lighthouse(base + path, work))
    return scores


def print_lighthouse(scores: dict[str, list[Any]]) -> None:
    """One line per Lighthouse run (scores, then the LCP element and its breakdown) and, per
    page, the medians."""
    print("\nLighthouse 12 (mobile)")
    for name, runs in scores.items():
        for value in runs:
            if isinstance(value, str):
                print(f"  {name:18} {value}")
                continue
            print(
                f"  {name:18} performance {value['performance']:.2f}  accessibility "
                f"{value['accessibility']:.2f}  FCP {value['first-contentful-paint']:.0f} ms"
                f"  LCP {value['largest-contentful-paint']:.0f} ms"
                f"  TBT {value['total-blocking-time']:.0f} ms"
                f"  (Material's bundle {value['material share']:.0%} of long tasks' blocking)"
            )
            phases = ", ".join(
                f"{phase} {value[phase]:.0f}" for phase in LCP_PHASES if phase in value
            )
            print(f"  {'':18}   LCP element {value['lcp element']}: {phases} ms (observed)")
        done = [v for v in runs if not isinstance(v, str)]
        if done:
            medians = {
                key: statistics.median(v[key] for v in done)
                for key in ("performance", "largest-contentful-paint", "total-blocking-time")
            }
            print(
                f"  {name:18} median of {len(done)} runs: performance "
                f"{medians['performance']:.2f}, LCP {medians['largest-contentful-paint']:.0f} ms,"
                f" TBT {medians['total-blocking-time']:.0f} ms"
            )


# --- report -----------------------------------------------------------------------------------


def summary(values: list[float]) -> str:
    return (
        f"{statistics.median(values):8.0f} {min(values):8.0f} {max(values):8.0f} {len(values):5d}"
    )


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def kb(n: int) -> str:
    return f"{n / 1024:,.0f} KiB"


def mb(n: float) -> str:
    return f"{n / 1e6:5.2f} MB"


def link_runs(
    playwright: Playwright, urls: dict[str, str], traffic: Traffic, runs: int, work: Path
) -> dict[str, Any]:
    """Cold visits on the emulated link, baseline and checker alternating: times, files sent."""
    found: dict[str, Any] = {
        "baseline": [],
        "checker": [],
        "baseline files": [],
        "checker files": [],
    }
    for round_ in range(runs):
        print(f"link round {round_ + 1}/{runs}", file=sys.stderr, flush=True)
        for name, mark_name in (("baseline", "cec:ready"), ("checker", "cec:result")):
            value, sent = cold_on_link(playwright, urls[name], mark_name, work, traffic=traffic)
            found[name].append(value)
            found[name + " files"].append(sent)
    return found


def print_local(results: dict[str, list[float]]) -> tuple[float, float, float]:
    """The local runs' table; returns the cold ratios (no link estimate, fast line) and the
    revisit ratio (medians, same run)."""
    print(f"{'measure (ms)':45} {'median':>8} {'min':>8} {'max':>8} {'runs':>5}")
    for name, values in results.items():
        print(f"{name:45} {summary(values)}")

    def ratio(a: str, b: str) -> float:
        return statistics.median(results[a]) / statistics.median(results[b])

    fast = ratio(
        "checker cold, fast line: share link -> verdict",
        "baseline cold, fast line: navigation -> ready",
    )
    print(f"  cold on the fast line (build's snapshot) / baseline on it: {fast:5.2f}")
    return (
        ratio("checker cold: share link -> verdict", "baseline cold: navigation -> ready"),
        fast,
        ratio("checker revisit: navigation -> ready", "baseline revisit: navigation -> ready"),
    )


def print_fast_bytes(fast_bytes: dict[str, list[int]]) -> None:
    for name, sizes in fast_bytes.items():
        print(f"  wire bytes, {name.split(':')[0]}: {mb(statistics.median(sizes))}")


def print_local_targets(cold_ratio: float, fast_ratio: float, again_ratio: float) -> None:
    # Headless Chromium gives a page served from 127.0.0.1 no link estimate (Network Information
    # API: 4g, 1.35-1.6 Mbit/s, 100 ms), so the checker starts there as on a phone; a desktop on
    # a fast line reports one, which the emulated fast line reproduces (bench/README.md).
    for label, value, limit in (
        ("cold verdict / baseline, fast line  ", fast_ratio, 0.5),
        ("cold verdict / baseline, no estimate", cold_ratio, 0.5),
        ("revisit ready / baseline revisit    ", again_ratio, 0.45),
    ):
        print(f"  {label} {value:5.2f}  (<= {limit:.2f}) {'met' if value <= limit else 'NOT met'}")


def print_link(found: dict[str, Any], runs: int) -> tuple[float, float]:
    """The emulated-link table; returns the ratio of medians and the median wire bytes to the
    verdict."""
    down = LINK["downloadThroughput"] * 8 / 1e6
    print(
        f"\nemulated link ({down:g} Mbit/s down, {LINK['uploadThroughput'] * 8 / 1e6:g} up,"
        f" {LINK['latency']} ms latency), cold, {runs} alternating runs"
    )
    print(f"{'measure (ms)':45} {'median':>8} {'min':>8} {'max':>8} {'runs':>5}")
    print(f"{'baseline cold (link): navigation -> ready':45} {summary(found['baseline'])}")
    print(f"{'checker cold (link): share link -> verdict':45} {summary(found['checker'])}")
    ratio = statistics.median(found["checker"]) / statistics.median(found["baseline"])
    rounds = [c / b for c, b in zip(found["checker"], found["baseline"], strict=True)]
    print(f"  ratio of medians {ratio:.2f}; per round {min(rounds):.2f}-{max(rounds):.2f}")
    # The emulation must cover the worker, which fetches nearly all the bytes: then no run can
    # receive faster than the link allows.
    rates = [
        sum(size for _, size in sent) * 8 / (ms / 1000) / 1e6
        for sent, ms in zip(found["baseline files"], found["baseline"], strict=True)
    ]
    verdict = "yes" if max(rates) <= down * 1.02 else "NO (faster than the link)"
    print(
        f"  worker throttled: baseline received at {min(rates):.1f}-{max(rates):.1f} Mbit/s"
        f" on average (link {down:g}): {verdict}"
    )
    print("  wire bytes to the verdict / to ready, by file class (median of runs)")
    classes = [by_class(sent) for sent in found["checker files"]]
    bases = [by_class(sent) for sent in found["baseline files"]]
    for label, _ in FILE_CLASSES:
        checker = statistics.median(counts[label] for counts in classes)
        base = statistics.median(counts[label] for counts in bases)
        print(f"    {label:28} checker {mb(checker)}   baseline {mb(base)}")
    totals = [sum(counts.values()) for counts in classes]
    base_totals = [sum(counts.values()) for counts in bases]
    print(
        f"    {'total':28} checker {mb(statistics.median(totals))}"
        f"   baseline {mb(statistics.median(base_totals))}"
    )
    return ratio, statistics.median(totals)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="built site (make build)")
    parser.add_argument("--runs", type=int, default=5, help="runs per variant (>= 5)")
    parser.add_argument("--checks", type=int, default=50, help="submits for the p50/p95")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument(
        "--lighthouse-runs", type=int, default=5, help="Lighthouse runs per page (target: 4 of 5)"
    )
    parser.add_argument("--lighthouse-only", action="store_true", help="only the Lighthouse runs")
    parser.add_argument("--no-link", action="store_true", help="skip the emulated-link runs")
    parser.add_argument(
        "--link-only",
        action="store_true",
        help="only the emulated-link runs (a quick comparison of one change)",
    )
    parser.add_argument(
        "--local-only",
        action="store_true",
        help="only the local cold and revisit runs (a quick comparison of one change)",
    )
    parser.add_argument(
        "--mount-only",
        action="store_true",
        help=f"only the main thread's blocking time with the CPU slowed {CPU_SLOWDOWN}x",
    )
    parser.add_argument(
        "--compare",
        type=Path,
        help="another built site, alternated with --site (--mount-only, --lighthouse-only)",
    )
    args = parser.parse_args(argv)
    if not (args.site / "checker" / "index.html").exists():
        print(f"{args.site} has no checker page: run `make build` first", file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix="cec-bench-"))
    results: dict[str, list[float]] = {}
    fast_bytes: dict[str, list[int]] = {}
    linked: dict[str, Any] = {}
    try:
        site = prepare_site(args.site, work)
        with serve(site) as (base, traffic), sync_playwright() as playwright:
            checker = base + "/checker/"
            share = checker + share_fragment(PROFILE)
            baseline = base + "/baseline/"
            if args.mount_only:
                sites = {"site": base}
                with ExitStack() as stack:
                    if args.compare:
                        other, _ = stack.enter_context(
                            serve(prepare_site(args.compare, work / "b"))
                        )
                        sites = {"compared": other, "site": base}
                    found = mount_runs(playwright, sites, args.runs, work)
                print(f"CPU slowed {CPU_SLOWDOWN}x, cold, ranked share link, {args.runs} rounds")
                print(f"{'measure (ms)':45} {'median':>8} {'min':>8} {'max':>8} {'runs':>5}")
                for name, values in found.items():
                    print(f"{name:45} {summary(values)}")
                return 0
            if args.lighthouse_only:
                sites = {"": base}
                with ExitStack() as stack:
                    if args.compare:
                        other, _ = stack.enter_context(
                            serve(prepare_site(args.compare, work / "b"))
                        )
                        sites = {"(compared)": other, "": base}
                    print_lighthouse(lighthouse_runs(sites, work, args.lighthouse_runs))
                return 0
            if not args.no_link and not args.local_only:
                linked = link_runs(
                    playwright, {"baseline": baseline, "checker": share}, traffic, args.runs, work
                )
            if args.link_only:
                print_link(linked, args.runs)
                return 0
            for round_ in range(args.runs):
                print(f"round {round_ + 1}/{args.runs}", file=sys.stderr, flush=True)
                results.setdefault("baseline cold: navigation -> ready", []).append(
                    cold(playwright, baseline, "cec:ready", work)
                )
                results.setdefault("checker cold: share link -> verdict", []).append(
                    cold(playwright, share, "cec:result", work)
                )
                results.setdefault("checker cold: share link -> ready", []).append(
                    cold(playwright, share, "cec:ready", work)
                )
                # The same on an emulated fast line: the checker starts from the build's snapshot.
                for name, url, mark_name in (
                    ("baseline cold, fast line: navigation -> ready", baseline, "cec:ready"),
                    ("checker cold, fast line: share link -> verdict", share, "cec:result"),
                ):
                    value, sent = cold_on_link(
                        playwright, url, mark_name, work, traffic=traffic, conditions=FAST_LINK
                    )
                    results.setdefault(name, []).append(value)
                    fast_bytes.setdefault(name, []).append(sum(size for _, size in sent))
                results.setdefault("baseline revisit: navigation -> ready", []).append(
                    revisit(playwright, baseline, baseline, work)
                )
                results.setdefault("checker revisit: navigation -> ready", []).append(
                    revisit(playwright, share, checker, work)
                )
                # The same without the offline service worker: it must not slow revisits.
                results.setdefault("checker revisit, service worker blocked", []).append(
                    revisit(playwright, share, checker, work, workers=False)
                )
            if args.local_only:
                print_local_targets(*print_local(results))
                print_fast_bytes(fast_bytes)
                return 0
            checks = submits(playwright, share, args.checks)
            cold_bytes = page_bytes(
                playwright, share, traffic, site, work, lambda page: mark(page, "cec:result")
            )
            again_bytes = revisit_bytes(playwright, share, traffic, site, work)
            guide_bytes = page_bytes(
                playwright, base + GUIDE_PAGE, traffic, site, work, lambda page: None
            )
            scores = {}
            if not args.no_lighthouse:
                scores = lighthouse_runs({"": base}, work, args.lighthouse_runs)

        print(
            f"\nSite benchmark: {args.runs} runs per variant, Chromium {CHROMIUM}, "
            f"{os.cpu_count()} CPUs, 127.0.0.1 served like GitHub Pages"
            " (max-age=600, gzip for text)\n"
        )
        cold_ratio, fast_ratio, again_ratio = print_local(results)
        print_fast_bytes(fast_bytes)
        print(
            f"{'checker submit -> verdict':45} p50 {percentile(checks, 50):6.1f}"
            f"   p95 {percentile(checks, 95):6.1f}   max {max(checks):6.1f}"
            f"   ({len(checks)} checks)"
        )
        link_ratio, link_bytes = print_link(linked, args.runs) if linked else (None, None)

        p95 = percentile(checks, 95)
        print("\ntargets")
        if link_ratio is not None and link_bytes is not None:
            print(
                f"  link: cold verdict / baseline cold   {link_ratio:5.2f}  (<= 0.50) "
                f"{'met' if link_ratio <= 0.5 else 'NOT met'}"
            )
            print(
                f"  link: bytes to the first verdict     {mb(link_bytes)} (<= 6 MB) "
                f"{'met' if link_bytes <= 6e6 else 'NOT met'}"
            )
        print_local_targets(cold_ratio, fast_ratio, again_ratio)
        print(
            f"  cold bytes until the network is quiet after the verdict (not a target)"
            f" {mb(cold_bytes['wire'])}"
        )
        print(
            f"  revisit bytes                        {again_bytes['wire']:5d}  (= 0) "
            f"{'met' if again_bytes['wire'] == 0 else 'NOT met'}"
        )
        print(
            f"  submit -> verdict p95                {p95:5.1f} ms (<= 50) "
            f"{'met' if p95 <= 50 else 'NOT met'}"
        )
        print(
            f"  guide page Pyodide bytes             {guide_bytes['pyodide']:5d}  (= 0) "
            f"{'met' if guide_bytes['pyodide'] == 0 else 'NOT met'}"
        )
        print(
            "\nbytes transferred (wire: counted by the server, text gzipped like GitHub Pages;"
            " raw: the files' sizes)"
        )
        for name, counts in (
            ("checker cold", cold_bytes),
            ("checker revisit", again_bytes),
            ("guide page " + GUIDE_PAGE, guide_bytes),
        ):
            print(
                f"  {name:38} wire {kb(counts['wire']):>11}  raw {kb(counts['raw']):>11}"
                f"  requests {counts['requests']:3d}  pyodide {kb(counts['pyodide'])}"
            )
        if scores:
            print_lighthouse(scores)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
