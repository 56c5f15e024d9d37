"""Shared paths and names of the checker's delivery: one place for the build hooks and the bench.

The browser side never repeats these: the runtime's file names (by role) reach the worker in the
configuration block the checker page embeds (``runtime_assets.runtime_config``), so a Pyodide
update that renames or adds a file is a change here, not in the JavaScript.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The pinned runtime as npm installs it (package.json pins the version).
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"

# In docs/ and in the built site.
CHECKER_PAGE = "checker/index.md"
# Each checker page and its language (the French twin is built to fr/checker/).
CHECKER_PAGES = {CHECKER_PAGE: "en", "checker/index.fr.md": "fr"}
CHECKER_HTML = "checker/index.html"
CHECKER_MODULES = "javascripts/checker"
RUNTIME_FOLDER = "pyodide"  # site/pyodide/: the runtime and the rules wheel

# The runtime files the worker loads, by role: the JavaScript loader and Emscripten glue (both
# imported by the worker), the wasm binary, the lock file (read by loadPyodide) and the
# standard library (replaced by its bytecode build, precompile.py).
RUNTIME_ROLES = {
    "loader": "pyodide.mjs",
    "glue": "pyodide.asm.mjs",
    "wasm": "pyodide.asm.wasm",
    "lock": "pyodide-lock.json",
    "stdlib": "python_stdlib.zip",
}
RUNTIME_FILES = tuple(RUNTIME_ROLES.values())
STDLIB = RUNTIME_ROLES["stdlib"]
# Made by the build: the standard library modules the engine does not import (the shipped
# STDLIB keeps only the rest), fetched on first import by the Python module LAZY_MODULE
# (site_scripts/runtime/lazy_stdlib.py, shipped inside STDLIB).
STDLIB_REST = "python_stdlib_rest.zip"
LAZY_MODULE = "_cec_lazy_stdlib"
# Made by the build: Python's memory once started with the rules imported (build_snapshot.py),
# published only as its gzip copy and fetched on a fast link's first visit only (worker.js).
SNAPSHOT = "python_snapshot.bin"
# Published unchanged (the stdlib is rebuilt; the wheel is ours).
PINNED_FILES = tuple(name for name in RUNTIME_FILES if name != STDLIB)
