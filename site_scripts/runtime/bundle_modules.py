"""The checker page's modules as the site ships them: bundled by esbuild at build time.

``docs/javascripts/checker/`` stays the source (the Node unit tests import it); the site gets
one minified ES module per entry the page loads (``main.js``, ``start.js``, ``offline.js``) and
the chunk ``main.js`` and ``start.js`` share (the engine: one per document), all in that folder,
instead of about forty modules. Measured (bench/README.md, issue 25): the page's largest paint
waited for the modules' requests. The engine worker's own modules are not bundled: the worker
loads them itself, and the page's bundle only points at ``engine/worker.js``.

esbuild comes from npm (``package.json`` pins it, ``make setup`` installs it); the build stops
if it is missing, not the pinned version, or fails, rather than publish a page without its
checker.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from site_scripts.runtime.paths import ROOT

SCRIPT = Path(__file__).with_name("bundle_modules.mjs")
ESBUILD_DIR = ROOT / "node_modules" / "esbuild"
PACKAGE = ROOT / "package.json"
# The page's entries, relative to the checker's module folder: the engine's early start and the
# offline copy's installer (both loaded from the head), and the page's module.
ENTRIES = ("engine/start.js", "storage/offline.js", "main.js")


class BundleError(RuntimeError):
    """The page's modules could not be bundled (no Node, no esbuild, or esbuild failed)."""


@dataclass(frozen=True)
class Bundle:
    """What esbuild wrote: output name -> bytes, the source modules now inside them, and those
    of them other site scripts import (they stay published)."""

    outputs: dict[str, bytes]
    inputs: frozenset[str]
    read: frozenset[str]

    def output_of(self, entry: str) -> str:
        """The output file of an entry (``engine/start.js`` -> ``start.js``)."""
        name = entry.rpartition("/")[2]
        if name not in self.outputs:
            raise BundleError(f"esbuild wrote no {name} for {entry}")
        return name

    def chunks(self) -> list[str]:
        """Outputs that are not an entry's: the code entries share."""
        entries = {entry.rpartition("/")[2] for entry in ENTRIES}
        return sorted(name for name in self.outputs if name not in entries)


def bundle(source_dir: Path, esbuild_dir: Path = ESBUILD_DIR) -> Bundle:
    """Bundle the page entries found in ``source_dir`` (the checker's module folder); the
    scripts beside that folder are traced for the checker modules they import (the categories
    page's occupation filter uses the checker's matching)."""
    node = shutil.which("node")
    if node is None:
        raise BundleError("Node.js is needed to bundle the checker's modules (`node`).")
    if not (esbuild_dir / "lib" / "main.js").exists():
        raise BundleError(f"esbuild not found in {esbuild_dir}; run `npm ci` or `make setup`.")
    pinned = json.loads(PACKAGE.read_text(encoding="utf-8"))["devDependencies"]["esbuild"]
    found = json.loads((esbuild_dir / "package.json").read_text(encoding="utf-8"))["version"]
    if found != pinned:
        raise BundleError(f"esbuild {found} installed, {pinned} pinned; run `npm ci`.")
    readers = sorted(str(p.resolve()) for p in source_dir.parent.glob("*.js"))
    job = json.dumps({"entries": list(ENTRIES), "readers": readers})
    with tempfile.TemporaryDirectory(prefix="cec-bundle-") as out:
        done = subprocess.run(
            [node, str(SCRIPT), str(esbuild_dir), str(source_dir), out, job],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise BundleError(f"bundle_modules.mjs failed:\n{done.stderr.strip()[-2000:]}")
        written = json.loads(done.stdout.strip().splitlines()[-1])
        outputs = {name: (Path(out) / name).read_bytes() for name in written["outputs"]}
    if any("/" in name for name in outputs):
        raise BundleError(f"esbuild wrote outside the checker's folder: {sorted(outputs)}")
    return Bundle(
        outputs=outputs, inputs=frozenset(written["inputs"]), read=frozenset(written["read"])
    )
