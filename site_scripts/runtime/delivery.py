"""MkDocs hook: how the checker reaches the browser fast, and keeps working offline.

- The checker page's own modules reach the site bundled (``bundle_modules.py``): the page's
  entries and the chunk they share instead of the sources' forty-odd modules; the engine
  worker's modules are published as they are.
- Checker page only (guide pages download no byte of the runtime):
  - ``start.js`` in the head, an async module that starts the engine worker as soon as it is
    fetched, before Material and the form's modules run (it reads the runtime's location and
    digests from the configuration block runtime_assets.py puts in the head);
  - ``<link rel=modulepreload>`` for the page's bundle and its chunk (no import waterfall). No
    preload for the runtime files: measured, it made Chromium fetch them twice when the
    worker asked while the preload was in flight, and on a slow phone link (Lighthouse) it
    took the bandwidth the page's own CSS needed (checker LCP 2.0 s -> 25 s). start.js
    already has the worker request them within the page's first few hundred ms;
  - ``offline.js``, which installs the service worker once the engine is ready.
- ``site/sw.js``: the service worker (``sw.template.js``) with the list of files to keep for
  offline use: the checker page, the assets it loads and the runtime.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # hooks load by path; site_scripts.* must be importable
    sys.path.insert(0, str(ROOT))

from site_scripts.runtime.bundle_modules import (  # noqa: E402  (after the path set-up above)
    Bundle,
    BundleError,
    bundle,
)
from site_scripts.runtime.paths import (  # noqa: E402
    CHECKER_HTML,
    CHECKER_MODULES,
    CHECKER_PAGES,
    RUNTIME_FOLDER,
    RUNTIME_ROLES,
    SNAPSHOT,
    STDLIB_REST,
)

SERVICE_WORKER = "sw.js"
TEMPLATE = Path(__file__).with_name("sw.template.js")
# Module paths are relative to CHECKER_MODULES (its subfolders group them by role).
# Modules that run in the worker, published unbundled: the worker imports them itself.
WORKER_MODULES = (
    "engine/worker.js",
    "engine/verify.js",
    "engine/snapshot.js",
    "engine/kept.js",
    "engine/link.js",
    "engine/rules-wheel.js",
    "engine/unpack.js",
    "engine/aside.js",
    "engine/aside-worker.js",
    "engine/engine-errors.js",
)
# Page entries loaded by the head itself (their outputs need no preload hint).
START_MODULE = "engine/start.js"
OFFLINE_MODULE = "storage/offline.js"
# Site files the checker page needs besides its modules and the runtime (globs).
PAGE_ASSETS = (
    "assets/stylesheets/*.css",
    "assets/javascripts/bundle.*.js",
    "assets/images/favicon.png",
    "stylesheets/*.css",
    "javascripts/*.js",
    "javascripts/checker/*.json",  # the occupation search's titles (noc_titles.py)
)


def relative_root(page_url: str) -> str:
    """``../`` per folder level of ``page_url`` (the site root seen from that page)."""
    return "../" * page_url.strip("/").count("/") + ("../" if page_url.strip("/") else "")


def runtime_names(site_dir: Path) -> list[str]:
    """Published runtime files (content-hashed names) the worker downloads, sorted: a file with
    a gzip copy (``.gz``) travels as that copy, so only the copy is kept for offline use."""
    folder = site_dir / RUNTIME_FOLDER
    names = {p.name for p in folder.iterdir() if p.is_file()} if folder.exists() else set()
    # Not downloaded by the worker: the rest of the stdlib (only if imported), the lock file
    # (its contents come in the page's configuration); nor kept: the memory snapshot (a fast
    # link's first visit only; the device keeps its own copy, snapshot.js).
    unused = tuple(
        name.rpartition(".")[0] + "." for name in (STDLIB_REST, RUNTIME_ROLES["lock"], SNAPSHOT)
    )
    return sorted(
        name for name in names if name + ".gz" not in names and not name.startswith(unused)
    )


def head_tags(root: str, page_bundle: Bundle) -> str:
    """The checker page's head additions, URLs relative to the page."""
    folder = f"{root}{CHECKER_MODULES}"
    start, offline = page_bundle.output_of(START_MODULE), page_bundle.output_of(OFFLINE_MODULE)
    tags = [
        f'<script type="module" async src="{folder}/{start}"></script>',
        f'<script type="module" src="{folder}/{offline}"></script>',
    ]
    # The chunk start.js imports, and main.js (the page's module, at the end of the body).
    for name in page_bundle.chunks() + [page_bundle.output_of("main.js")]:
        tags.append(f'<link rel="modulepreload" href="{folder}/{name}">')
    return "\n".join(tags)


def precache_list(site_dir: Path) -> list[str]:
    """What the service worker keeps: checker page, its assets and modules, the runtime."""
    files = {"checker/"}
    if (site_dir / "fr" / CHECKER_HTML).exists():
        files.add("fr/checker/")
    for pattern in PAGE_ASSETS:
        files.update(p.relative_to(site_dir).as_posix() for p in site_dir.glob(pattern))
    files.update(
        p.relative_to(site_dir).as_posix() for p in (site_dir / CHECKER_MODULES).rglob("*.js")
    )
    files.update(f"{RUNTIME_FOLDER}/{name}" for name in runtime_names(site_dir))
    return sorted(files)


def service_worker(site_dir: Path) -> str:
    """The service worker's source for this build."""
    precache = precache_list(site_dir)
    version = hashlib.sha256()
    for name in precache:
        path = site_dir / (name + "index.html" if name.endswith("/") else name)
        version.update(name.encode() + b"\0" + path.read_bytes())
    return (
        TEMPLATE.read_text(encoding="utf-8")
        .replace("__VERSION__", version.hexdigest()[:12])
        .replace("__PRECACHE__", json.dumps(precache, indent=2))
    )


_bundle: Bundle | None = None  # this build's, from on_files


def on_files(files: Files, config: Any, **_: Any) -> Files:
    """Bundle the page's modules; the site gets the bundle (on_post_build) instead of them.
    (Not added here as generated files: the i18n plugin cannot handle those.)"""
    global _bundle
    source = Path(config["docs_dir"]) / CHECKER_MODULES
    _bundle = bundle(source)
    shared = sorted(set(WORKER_MODULES) & _bundle.inputs)
    if shared:  # the worker would load a second copy of these, with their own state
        raise BundleError(f"page modules imported by the worker too: {shared}")
    for name in _bundle.inputs - _bundle.read:
        found = files.get_file_from_path(f"{CHECKER_MODULES}/{name}")
        if found is not None:
            files.remove(found)
    return files


def on_post_page(output: str, page: Any, config: Any, **_: Any) -> str:
    """Early engine start, preload hints and offline support, on the checker page only."""
    if page.file.src_uri not in CHECKER_PAGES:
        return output
    if _bundle is None:
        raise BundleError("the checker's modules were not bundled (on_files did not run)")
    tags = head_tags(relative_root(page.url), _bundle)
    return output.replace("</head>", tags + "\n</head>", 1)


def on_post_build(config: Any, **_: Any) -> None:
    """Write the page's bundle, then sw.js at the site root (its scope is the whole site)."""
    site_dir = Path(config["site_dir"])
    if (site_dir / CHECKER_HTML).exists():
        if _bundle is None:
            raise BundleError("the checker's modules were not bundled (on_files did not run)")
        for name, content in _bundle.outputs.items():
            (site_dir / CHECKER_MODULES / name).write_bytes(content)
        (site_dir / SERVICE_WORKER).write_text(service_worker(site_dir), encoding="utf-8")
