"""The checker page's modules bundled by esbuild: every page module in, the worker's out, the
relative addresses still pointing where the sources pointed, one engine per document."""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path

import pytest

from site_scripts.runtime import delivery
from site_scripts.runtime.bundle_modules import ENTRIES, Bundle, BundleError, bundle
from site_scripts.runtime.paths import CHECKER_MODULES, ROOT

SOURCE = ROOT / "docs" / CHECKER_MODULES
RELATIVE_URL = re.compile(r"""new URL\((["'`])(\.{1,2}/[^"'`]*)\1,\s*import\.meta\.url\)""")
PLACEHOLDER = re.compile(r"\$\{[^}]*\}")


@functools.cache
def built() -> Bundle:
    return bundle(SOURCE)


def sources() -> set[str]:
    return {p.relative_to(SOURCE).as_posix() for p in SOURCE.rglob("*.js")}


def test_every_page_module_is_bundled_and_no_worker_module() -> None:
    """The bundle holds each source module but the worker's, which stay published as sources."""
    assert built().inputs == sources() - set(delivery.WORKER_MODULES)
    assert set(delivery.WORKER_MODULES) <= sources()


def test_relative_addresses_point_where_the_sources_did() -> None:
    """Each `new URL("./x", import.meta.url)` of a source names the same file from the bundle's
    folder (the worker, the titles files, the service worker)."""

    def targets(folder: str, text: str) -> set[str]:
        # A template's variable is renamed by the minifier: `${language}` -> `${}`.
        return {
            PLACEHOLDER.sub("${}", posixpath.normpath(posixpath.join(folder, match.group(2))))
            for match in RELATIVE_URL.finditer(text)
        }

    expected: set[str] = set()
    for name in built().inputs:
        folder = posixpath.dirname(name)
        expected |= targets(folder, (SOURCE / name).read_text(encoding="utf-8"))
    found: set[str] = set()
    for content in built().outputs.values():
        found |= targets("", content.decode("utf-8"))
    assert expected and found == expected
    assert "engine/worker.js" in found and "../../sw.js" in found


def test_start_and_main_share_one_engine() -> None:
    """The engine (which keeps one worker per document) is in one chunk both entries import."""
    page = built()
    chunks = page.chunks()
    holding = [name for name, text in page.outputs.items() if b"engine/worker.js" in text]
    assert holding and set(holding) <= set(chunks)
    for entry in ("engine/start.js", "main.js"):
        text = page.outputs[page.output_of(entry)].decode("utf-8")
        assert any(f'"./{chunk}"' in text for chunk in holding), entry
    assert set(page.outputs) == {page.output_of(entry) for entry in ENTRIES} | set(chunks)


def test_the_build_stops_without_esbuild(tmp_path: Path) -> None:
    """No esbuild: the build fails, naming what to run, rather than publish a page without it."""
    with pytest.raises(BundleError, match="make setup"):
        bundle(SOURCE, esbuild_dir=tmp_path)


def test_another_esbuild_version_stops_the_build(tmp_path: Path) -> None:
    """An esbuild other than package.json's pin is refused (its output could differ)."""
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "main.js").write_text("", encoding="utf-8")
    (tmp_path / "package.json").write_text('{"version": "0.0.1"}', encoding="utf-8")
    with pytest.raises(BundleError, match="0.0.1 installed"):
        bundle(SOURCE, esbuild_dir=tmp_path)


def test_a_module_that_does_not_parse_stops_the_build(tmp_path: Path) -> None:
    """esbuild's error reaches the build."""
    for entry in ENTRIES:
        path = tmp_path / entry
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("export const x = ;\n", encoding="utf-8")
    with pytest.raises(BundleError, match="bundle_modules.mjs failed"):
        bundle(tmp_path)


def test_modules_other_pages_import_stay_published() -> None:
    """A checker module a guide page's script imports (the categories page's occupation filter
    uses the checker's matching) is reported, so the build keeps publishing it."""
    imported = {
        posixpath.normpath(match.group(1))
        for script in SOURCE.parent.glob("*.js")
        for match in re.finditer(r'from "\./checker/([^"]+)"', script.read_text(encoding="utf-8"))
    }
    assert imported and imported <= built().read <= built().inputs
