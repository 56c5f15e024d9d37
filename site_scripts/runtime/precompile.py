"""Bytecode-compiled copies of the runtime's zips, made by Pyodide's own Python under Node.

The browser's Python is 3.14 while the build may run on 3.11, so the bytecode cannot come from
the build's interpreter: ``precompile_stdlib.mjs`` runs the pinned Pyodide under Node instead
(about 5 s). Results are cached in ``.cache/precompiled/`` keyed by the input bytes, the script
and the Pyodide version, so rebuilds cost a hash, not a Python start-up.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

from pycore.api import SAMPLE_PROFILE
from site_scripts.runtime.paths import LAZY_MODULE, PYODIDE_DIR, ROOT, STDLIB

SCRIPT = Path(__file__).with_name("precompile_stdlib.mjs")
CACHE_DIR = ROOT / ".cache" / "precompiled"
MODES = ("stdlib", "wheel")


class PrecompileError(RuntimeError):
    """Precompiling failed (no Node, no runtime, or Pyodide reported an error)."""


def cache_key(data: bytes, mode: str, pyodide_dir: Path) -> str:
    """What the output depends on: input bytes, mode, this script, and the exact runtime build."""
    digest = hashlib.sha256()
    digest.update(data)
    digest.update(mode.encode())
    digest.update(SCRIPT.read_bytes())
    digest.update((pyodide_dir / "package.json").read_bytes())
    return digest.hexdigest()[:32]


def precompile_bytes(
    data: bytes, mode: str = "stdlib", pyodide_dir: Path = PYODIDE_DIR, cache_dir: Path = CACHE_DIR
) -> bytes:
    """The zip ``data`` with its ``.py`` files compiled for the runtime in ``pyodide_dir``."""
    if mode not in MODES:
        raise PrecompileError(f"unknown mode {mode!r}; expected one of {MODES}")
    if not (pyodide_dir / "pyodide.mjs").exists():
        raise PrecompileError(f"Pyodide not found in {pyodide_dir}; run `npm ci` or `make setup`.")
    cached = cache_dir / f"{mode}-{cache_key(data, mode, pyodide_dir)}.zip"
    if cached.exists():
        return cached.read_bytes()
    node = shutil.which("node")
    if node is None:
        raise PrecompileError("Node.js is needed to precompile the runtime's Python (`node`).")
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Per-process names: two builds sharing the cache never clobber each other's files.
    source = cache_dir / f"{cached.stem}.{os.getpid()}.in.zip"
    partial = cache_dir / f"{cached.stem}.{os.getpid()}.part.zip"
    source.write_bytes(data)
    try:
        done = subprocess.run(
            [node, str(SCRIPT), str(pyodide_dir), str(source), str(partial), "--mode", mode],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            raise PrecompileError(f"precompile_stdlib.mjs failed:\n{done.stderr.strip()[-2000:]}")
        partial.replace(cached)  # atomic: a concurrent build never reads half a file
    finally:
        source.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    return cached.read_bytes()


def precompiled_stdlib(pyodide_dir: Path = PYODIDE_DIR, cache_dir: Path = CACHE_DIR) -> bytes:
    """The runtime's ``python_stdlib.zip`` with every module as 3.14 bytecode (none dropped)."""
    return precompile_bytes((pyodide_dir / STDLIB).read_bytes(), "stdlib", pyodide_dir, cache_dir)


def runtime_version(pyodide_dir: Path = PYODIDE_DIR) -> str:
    """The installed Pyodide version (``package.json``)."""
    return str(json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))["version"])


# --- the standard library in two parts --------------------------------------------------------

TRACER = Path(__file__).with_name("trace_stdlib.mjs")
# How the worker, the trace and the build's snapshot install the rules wheel (one module).
RULES_WHEEL_JS = ROOT / "docs" / "javascripts" / "checker" / "engine" / "rules-wheel.js"
LAZY_SOURCE = Path(__file__).with_name("lazy_stdlib.py")
SPLITTER = Path(__file__)  # this module: how the zips are made
# What the engine is traced doing: checks of a complete profile, an empty one and bad JSON, then
# its warm-up in both languages (the worker also builds the form metadata, and installs the
# wheel). Dates are fixed: the trace must not depend on the day of the build.
TRACE_INPUTS = (
    json.dumps(SAMPLE_PROFILE),
    "{}",
    "not json",
)


def copy_entry(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A fresh entry with ``info``'s name, time and attributes (writing one fills in offsets)."""
    entry = zipfile.ZipInfo(info.filename, info.date_time)
    entry.compress_type = info.compress_type
    entry.external_attr = info.external_attr
    return entry


def module_name(entry: str) -> str | None:
    """``json/decoder.pyc`` -> ``json.decoder``, ``json/__init__.pyc`` -> ``json``; else None."""
    if not entry.endswith(".pyc"):
        return None
    parts = entry[: -len(".pyc")].split("/")
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def traced_files(
    stdlib: bytes, wheel: bytes, pyodide_dir: Path = PYODIDE_DIR, cache_dir: Path = CACHE_DIR
) -> list[str]:
    """The entries of ``stdlib`` (precompiled) the engine imports, traced under Node."""
    node = shutil.which("node")
    if node is None:
        raise PrecompileError("Node.js is needed to trace the standard library (`node`).")
    cache_dir.mkdir(parents=True, exist_ok=True)
    stem = cache_dir / f"trace.{os.getpid()}"
    inputs = {".zip": stdlib, ".whl": wheel, ".json": json.dumps(TRACE_INPUTS).encode()}
    for suffix, data in inputs.items():
        stem.with_suffix(suffix).write_bytes(data)
    try:
        done = subprocess.run(
            [node, str(TRACER), str(pyodide_dir)] + [str(stem.with_suffix(s)) for s in inputs],
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        for suffix in inputs:
            stem.with_suffix(suffix).unlink(missing_ok=True)
    if done.returncode != 0:
        raise PrecompileError(f"trace_stdlib.mjs failed:\n{done.stderr.strip()[-2000:]}")
    # found["missing"]: optional imports that fail with the whole standard library as well
    # (``try: import x``), so they change nothing here.
    files: list[str] = json.loads(done.stdout.strip().splitlines()[-1])["files"]
    return files


def split_stdlib(
    stdlib: bytes, wheel: bytes, pyodide_dir: Path = PYODIDE_DIR, cache_dir: Path = CACHE_DIR
) -> tuple[bytes, bytes]:
    """The precompiled ``stdlib`` as (what the engine uses plus the lazy loader, the rest).

    Every module is in exactly one of the two; folders are in the second and, when it holds
    some of their modules, in the first (other entries: in both). The first
    zip carries ``LAZY_MODULE`` (``lazy_stdlib.py`` with the second zip's module names), which
    fetches the second on the first import of one of its modules.
    """
    digest = hashlib.sha256()
    scripts = (TRACER, RULES_WHEEL_JS, LAZY_SOURCE, SPLITTER)
    for part in (stdlib, wheel, *(script.read_bytes() for script in scripts)):
        digest.update(hashlib.sha256(part).digest())
    digest.update(json.dumps(TRACE_INPUTS).encode())
    digest.update((pyodide_dir / "package.json").read_bytes())
    key = digest.hexdigest()[:32]
    cached = [cache_dir / f"split-{key}.{part}.zip" for part in ("core", "rest")]
    if all(path.exists() for path in cached):
        return cached[0].read_bytes(), cached[1].read_bytes()

    used = set(traced_files(stdlib, wheel, pyodide_dir, cache_dir))
    core, rest = io.BytesIO(), io.BytesIO()
    rest_modules: list[str] = []
    with (
        zipfile.ZipFile(io.BytesIO(stdlib)) as source,
        zipfile.ZipFile(core, "w") as core_zip,
        zipfile.ZipFile(rest, "w") as rest_zip,
    ):
        for info in source.infolist():
            data = source.read(info)
            name = module_name(info.filename)
            # A folder without its package's code would import as an empty namespace package
            # and hide the real one: folders go only where their modules are.
            folder = info.filename.endswith("/")
            in_core = any(path.startswith(info.filename) for path in used) if folder else True
            if (name is None and in_core) or info.filename in used:
                core_zip.writestr(copy_entry(info), data, compresslevel=9)
            if name is None or info.filename not in used:
                rest_zip.writestr(copy_entry(info), data, compresslevel=9)
                if name is not None:
                    rest_modules.append(name)
        loader = LAZY_SOURCE.read_text(encoding="utf-8").replace(
            "REST: frozenset[str] = frozenset()",
            f"REST: frozenset[str] = frozenset({sorted(rest_modules)!r})",
        )
        entry = zipfile.ZipInfo(f"{LAZY_MODULE}.py", (1980, 1, 1, 0, 0, 0))
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        core_zip.writestr(entry, loader, compresslevel=9)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for path, data in zip(cached, (core.getvalue(), rest.getvalue()), strict=True):
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(data)
        partial.replace(path)  # atomic: a concurrent build never reads half a file
    return core.getvalue(), rest.getvalue()
