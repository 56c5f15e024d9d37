"""Bytecode-compiled copies of the runtime's zips, made by Pyodide's own Python under Node.

The browser's Python is 3.14 while the build may run on 3.11, so the bytecode cannot come from
the build's interpreter: ``precompile_stdlib.mjs`` runs the pinned Pyodide under Node instead
(about 5 s). Results are cached in ``.cache/precompiled/`` keyed by the input bytes, the script
and the Pyodide version, so rebuilds cost a hash, not a Python start-up.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
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
    return precompile_bytes(
        (pyodide_dir / "python_stdlib.zip").read_bytes(), "stdlib", pyodide_dir, cache_dir
    )


def runtime_version(pyodide_dir: Path = PYODIDE_DIR) -> str:
    """The installed Pyodide version (``package.json``)."""
    return str(json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))["version"])
