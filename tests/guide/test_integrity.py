"""Published runtime: content-hashed names, digests that match, files checked before use."""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route

from site_scripts.runtime import integrity, paths, runtime_assets


@pytest.fixture(scope="module")
def runtime() -> integrity.Runtime:
    """The runtime this build publishes."""
    published: integrity.Runtime = runtime_assets.published_runtime()
    return published


def sha256_of(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def test_hashed_name_keeps_the_extension_and_follows_the_content() -> None:
    """The hash goes before the extension and changes with the bytes."""
    first = integrity.hashed_name("pyodide.asm.wasm", b"a")
    assert re.fullmatch(r"pyodide\.asm\.[0-9a-f]{10}\.wasm", first)
    assert integrity.hashed_name("pyodide.asm.wasm", b"b") != first


def test_digests_are_the_sha256_of_the_written_files(
    runtime: integrity.Runtime, tmp_path: Path
) -> None:
    """Each published file's bytes hash to the digest the page records for it (a file published
    only as its gzip copy: the copy's decompressed bytes)."""
    target = runtime.write(tmp_path)
    for name, value in runtime.digests.items():
        path = target / name
        data = (
            path.read_bytes()
            if path.exists()
            else gzip.decompress((target / (name + ".gz")).read_bytes())
        )
        assert value == "sha256-" + sha256_of(data), name


def test_the_snapshot_is_published_gzipped_only_with_the_rules_imported(
    runtime: integrity.Runtime, tmp_path: Path
) -> None:
    """The build's memory snapshot ships as its gzip copy alone (5 MB, not 31), and is Python
    with the rules imported: the engine's module name is in it."""
    target = runtime.write(tmp_path)
    name = runtime.names[paths.SNAPSHOT]
    assert not (target / name).exists()
    packed = (target / runtime.compressed[name]).read_bytes()
    assert len(packed) < 8e6
    assert b"pycore.api" in gzip.decompress(packed)


def test_write_leaves_same_files_alone_and_drops_others(
    runtime: integrity.Runtime, tmp_path: Path
) -> None:
    """A rebuild does not rewrite unchanged files and removes an earlier build's files."""
    target = runtime.write(tmp_path)
    (target / "pyodide.asm.0000000000.wasm").write_bytes(b"old build")
    (target / "314.0.6").mkdir()
    written = runtime.published()
    before = {p.name: p.stat().st_mtime_ns for p in target.iterdir() if p.name in written}
    runtime.write(tmp_path)
    assert {p.name: p.stat().st_mtime_ns for p in target.iterdir()} == before


def test_published_stdlib_and_wheel_are_bytecode(
    runtime: integrity.Runtime,
) -> None:
    """The stdlib is the precompiled one; the wheel has 3.14 bytecode in place of its sources."""
    with zipfile.ZipFile(io.BytesIO(runtime.files["python_stdlib.zip"])) as stdlib:
        assert "json/__init__.pyc" in stdlib.namelist()
    wheel = next(name for name in runtime.files if name.endswith(".whl"))
    with zipfile.ZipFile(io.BytesIO(runtime.files[wheel])) as archive:
        names = archive.namelist()
    assert "pycore/api.pyc" in names and not [name for name in names if name.endswith(".py")]


def test_wasm_gzip_copy_holds_exactly_the_wasm(runtime: integrity.Runtime, tmp_path: Path) -> None:
    """The wasm's gzip copy is written beside it, decompresses to it byte for byte, is much
    smaller, and has no digest of its own (the check covers the decompressed bytes)."""
    target = runtime.write(tmp_path)
    wasm = runtime.names["pyodide.asm.wasm"]
    packed = runtime.compressed[wasm]
    assert packed == wasm + ".gz" and packed not in runtime.digests
    data = (target / packed).read_bytes()
    assert gzip.decompress(data) == (target / wasm).read_bytes()
    assert len(data) < len((target / wasm).read_bytes()) / 2


def test_the_standard_library_ships_in_two_digested_parts(runtime: integrity.Runtime) -> None:
    """Shipped stdlib and its on-demand rest are both published with digests."""
    for name in (paths.STDLIB, paths.STDLIB_REST):
        assert runtime.names[name] in runtime.digests


def test_pinned_runtime_files_are_unchanged(runtime: integrity.Runtime) -> None:
    """JavaScript, wasm and lock file are the pinned npm package's, byte for byte."""
    for name in integrity.PYODIDE_FILES:
        assert runtime.files[name] == (runtime_assets.PYODIDE_DIR / name).read_bytes()


def tamper(page: Page, pattern: str) -> None:
    """Serve the matching runtime file with one byte changed."""

    def handle(route: Route) -> None:
        response = route.fetch()
        body = bytearray(response.body())
        body[len(body) // 2] ^= 0xFF
        route.fulfill(response=response, body=bytes(body))

    page.route(re.compile(pattern), handle)


@pytest.mark.browser
@pytest.mark.parametrize(
    "pattern",
    [r"/python_stdlib\.[0-9a-f]+\.zip$", r"/pyodide\.asm\.[0-9a-f]+\.wasm(\.gz)?$", r"\.whl$"],
    ids=["stdlib", "wasm", "wheel"],
)
def test_a_damaged_runtime_file_is_refused_with_a_clear_message(
    page: Page, site_url: str, pattern: str
) -> None:
    """A file whose SHA-256 differs from the build's is not used; the page says which one."""
    tamper(page, pattern)
    page.goto(site_url + "/checker/")
    reason = page.locator("[data-cec-unavailable-reason]")
    reason.wait_for(timeout=30_000)
    text = reason.inner_text()
    assert "does not match" in text
    config = json.loads(page.locator("#cec-config").text_content() or "{}")
    names = config["runtime"]["integrity"]
    damaged = next(name for name in names if re.search(pattern, "/" + name))
    assert damaged in text
    assert page.evaluate("performance.getEntriesByName('cec:ready').length") == 0


# Resolves once the engine is ready and its decompressed wasm is kept (a function: the site's CSP
# forbids the eval Playwright's polling uses).
KEPT_COPY = """() => new Promise((resolve) => {
  const look = async () => {
    const keys = await (await caches.open("cec-unpacked")).keys();
    const ready = performance.getEntriesByName("cec:ready").length > 0;
    if (ready && keys.length) resolve(keys.map((request) => request.url));
    else setTimeout(look, 100);
  };
  look();
})"""
DAMAGE_KEPT_COPY = """async (url) => {
  const cache = await caches.open("cec-unpacked");
  const wasm = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]); // a valid but different module
  await cache.put(url, new Response(wasm, { headers: { "Content-Type": "application/wasm" } }));
}"""
READY = """() => new Promise((resolve) => {
  const look = () =>
    performance.getEntriesByName("cec:ready").length ? resolve(true) : setTimeout(look, 100);
  look();
})"""


@pytest.mark.browser
def test_a_damaged_kept_wasm_copy_is_refused_then_fetched_afresh(page: Page, site_url: str) -> None:
    """The decompressed wasm kept for revisits is checked too: a changed copy is refused with
    the clear message, dropped, and the next load fetches and checks the real one."""
    page.goto(site_url + "/checker/")
    kept = page.evaluate(KEPT_COPY)
    assert len(kept) == 1 and re.search(r"/pyodide\.asm\.[0-9a-f]+\.wasm$", kept[0])
    page.evaluate(DAMAGE_KEPT_COPY, kept[0])
    page.reload()
    reason = page.locator("[data-cec-unavailable-reason]")
    reason.wait_for(timeout=30_000)
    assert "does not match" in reason.inner_text()
    page.reload()
    assert page.evaluate(READY)
