"""Python's memory after start-up, made at build time for a fast link's first visit.

``make_snapshot.mjs`` starts the pinned Pyodide under Node exactly as the worker does (the
shipped standard library, the lock's info inline, the rules wheel, ``pycore.api`` and the lazy
standard library's module imported) and
copies its memory before any check: no answer can be in it. The browser restores it instead of
starting Python and importing the rules (worker.js), on a fast link only: it is 31 MB, 5 MB
gzipped, too much for a phone's budget. Cached in ``.cache/precompiled/``, keyed by
its inputs, the script and the Pyodide version; restoring it is tested on every build.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from site_scripts.runtime.paths import LAZY_MODULE, PYODIDE_DIR, RUNTIME_ROLES
from site_scripts.runtime.precompile import CACHE_DIR, RULES_WHEEL_JS, PrecompileError

SCRIPT = Path(__file__).with_name("make_snapshot.mjs")


def inline_lock(source: Path = PYODIDE_DIR) -> dict[str, Any]:
    """The lock file's ``info`` without its package list: the checker loads no package, and
    passed inline (``lockFileContents``) start-up neither waits for nor parses the 119 KB file."""
    lock = json.loads((source / RUNTIME_ROLES["lock"]).read_text(encoding="utf-8"))
    return {"info": lock["info"], "packages": {}}


def memory_snapshot(
    stdlib: bytes,
    wheel: bytes,
    lock: dict[str, Any],
    pyodide_dir: Path = PYODIDE_DIR,
    cache_dir: Path = CACHE_DIR,
) -> bytes:
    """The snapshot of Pyodide in ``pyodide_dir`` started on ``stdlib`` with ``wheel`` imported."""
    inputs = {".zip": stdlib, ".whl": wheel, ".json": json.dumps(lock, sort_keys=True).encode()}
    digest = hashlib.sha256()
    for part in (
        *inputs.values(),
        SCRIPT.read_bytes(),
        RULES_WHEEL_JS.read_bytes(),
        (pyodide_dir / "package.json").read_bytes(),
    ):
        digest.update(hashlib.sha256(part).digest())
    cached = cache_dir / f"snapshot-{digest.hexdigest()[:32]}.bin"
    if cached.exists():
        return cached.read_bytes()
    node = shutil.which("node")
    if node is None:
        raise PrecompileError("Node.js is needed to make the memory snapshot (`node`).")
    cache_dir.mkdir(parents=True, exist_ok=True)
    stem = cache_dir / f"snapshot.{os.getpid()}"  # per process: concurrent builds never clash
    for suffix, data in inputs.items():
        stem.with_suffix(suffix).write_bytes(data)
    out = stem.with_suffix(".bin")
    try:
        done = subprocess.run(
            [
                node,
                str(SCRIPT),
                str(pyodide_dir),
                *(str(stem.with_suffix(s)) for s in inputs),
                str(out),
                LAZY_MODULE,
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            raise PrecompileError(f"make_snapshot.mjs failed:\n{done.stderr.strip()[-2000:]}")
        image = out.read_bytes()
        partial = cached.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(image)
        partial.replace(cached)  # atomic: a concurrent build never reads half a file
    finally:
        for suffix in (*inputs, ".bin"):
            stem.with_suffix(suffix).unlink(missing_ok=True)
    return image
