"""The checker's runtime as shipped: precompiled, content-hashed names, SHA-256 digests.

- Files: the pinned Pyodide runtime with ``python_stdlib.zip`` replaced by its bytecode build
  (``precompile.py``) and the pycore wheel as sourceless bytecode. The standard
  library comes in two zips: what the engine imports (traced at build time, 1.5 of 4.4 MB)
  and the rest (``python_stdlib_rest.zip``), fetched only if something imports from it.
- Names: each file is published as ``<stem>.<10 hex of its SHA-256>.<ext>`` in ``site/pyodide/``
  (``pyodide.asm.1a2b3c4d5e.wasm``): a deploy never mixes old and new files, a browser may keep
  each one as long as it likes, and a change to the rules does not make anyone download the
  9 MB wasm again. The worker maps the names Pyodide asks for to these.
- Digests: SHA-256 of each file in Subresource Integrity form (``sha256-<base64>``), written
  into the checker page at build time; the worker checks each file against them before use.
- Precompressed copies: the wasm also as ``<published name>.gz`` (gzip -9, 9.6 MB -> 3.5 MB),
  which the worker decompresses itself (``DecompressionStream``), since whether a static host
  compresses wasm is unsettled and GitHub Pages does not. Its digest is the wasm's: the check
  covers the bytes that run, not the bytes that travelled.
- The memory snapshot (``build_snapshot.py``): Python started with the rules imported, restored
  on a fast link's first visit; published only as its gzip copy, with two digests: the
  snapshot's (the device's kept copy is checked against it) and its copy's (checked as it
  downloads).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from site_scripts.runtime import build_snapshot, precompile
from site_scripts.runtime.paths import PINNED_FILES as PYODIDE_FILES  # published as npm has them
from site_scripts.runtime.paths import (
    PYODIDE_DIR,
    RUNTIME_FOLDER,
    RUNTIME_ROLES,
    SNAPSHOT,
    STDLIB,
    STDLIB_REST,
)

# Large binaries shipped precompressed too (their gzip copy is what the worker downloads); the
# snapshot only as its copy (the worker restores it only where DecompressionStream exists).
PRECOMPRESSED = (RUNTIME_ROLES["wasm"], SNAPSHOT)
GZIP_ONLY = (SNAPSHOT,)
COMPRESSED_SUFFIX = ".gz"


def digest(data: bytes) -> str:
    """SHA-256 of ``data`` as ``sha256-<base64>`` (what the worker's digest is compared to)."""
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def hashed_name(name: str, data: bytes) -> str:
    """``name`` with the first 10 hex digits of the content's SHA-256 before its extension."""
    stem, dot, extension = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}{dot}{extension}"


@dataclass(frozen=True)
class Runtime:
    """The runtime files to publish (name Pyodide knows -> bytes) and their Pyodide version."""

    version: str
    files: dict[str, bytes] = field(repr=False)

    @cached_property
    def names(self) -> dict[str, str]:
        """Name Pyodide knows -> published (content-hashed) name, sorted."""
        return {name: hashed_name(name, self.files[name]) for name in sorted(self.files)}

    @cached_property
    def digests(self) -> dict[str, str]:
        """Published name -> SRI digest; a file published only as its gzip copy (the snapshot)
        has the copy's digest too, which the worker checks as it decompresses (5 MB to hash,
        not 31)."""
        found = {self.names[name]: digest(data) for name, data in sorted(self.files.items())}
        for name in GZIP_ONLY:
            if name in self.files:
                found[self.compressed[self.names[name]]] = digest(gzipped(self.files[name]))
        return found

    @cached_property
    def compressed(self) -> dict[str, str]:
        """Published name -> published name of its gzip copy (the wasm)."""
        return {
            self.names[name]: self.names[name] + COMPRESSED_SUFFIX
            for name in PRECOMPRESSED
            if name in self.files
        }

    def published(self) -> dict[str, bytes]:
        """Every file to write, by published name: the runtime and its gzip copies."""
        out = {self.names[name]: data for name, data in self.files.items() if name not in GZIP_ONLY}
        for name in PRECOMPRESSED:
            if name in self.files:
                out[self.compressed[self.names[name]]] = gzipped(self.files[name])
        return out

    def write(self, site_dir: Path) -> Path:
        """Write the files to ``site_dir/pyodide`` (identical ones untouched), drop any other."""
        target = site_dir / RUNTIME_FOLDER
        target.mkdir(parents=True, exist_ok=True)
        files = self.published()
        for name, data in files.items():
            path = target / name
            if not (path.exists() and path.stat().st_size == len(data)):
                path.write_bytes(data)  # the name is the content's hash: same size, same bytes
        for other in target.iterdir():
            if other.name not in files:
                remove(other)
        return target


def gzipped(data: bytes) -> bytes:
    """``data`` as gzip -9 without a timestamp (reproducible), cached beside the bytecode."""
    key = hashlib.sha256(data).hexdigest()[:32]
    cached = precompile.CACHE_DIR / f"gzip-{key}.gz"
    if cached.exists():
        return cached.read_bytes()
    packed = gzip.compress(data, 9, mtime=0)
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(packed)
    partial.replace(cached)  # atomic: a concurrent build never reads half a file
    return packed


def remove(path: Path) -> None:
    """Delete a file or a folder tree (an earlier build's runtime)."""
    if path.is_dir():
        for child in path.iterdir():
            remove(child)
        path.rmdir()
    else:
        path.unlink()


_memo: dict[bytes, Runtime] = {}


def runtime(wheel_name: str, wheel: bytes, source: Path = PYODIDE_DIR) -> Runtime:
    """The runtime to publish with this wheel (memoised per build inputs: pages ask repeatedly)."""
    key = hashlib.sha256(
        wheel_name.encode() + wheel + (source / "package.json").read_bytes() + str(source).encode()
    ).digest()
    if key not in _memo:
        files = {name: (source / name).read_bytes() for name in PYODIDE_FILES}
        files[wheel_name] = precompile.precompile_bytes(wheel, "wheel", source)
        files[STDLIB], files[STDLIB_REST] = precompile.split_stdlib(
            precompile.precompiled_stdlib(source), files[wheel_name], source
        )
        files[SNAPSHOT] = build_snapshot.memory_snapshot(
            files[STDLIB], files[wheel_name], build_snapshot.inline_lock(source), source
        )
        _memo.clear()  # only the current build's runtime is worth keeping in memory
        _memo[key] = Runtime(precompile.runtime_version(source), files)
    return _memo[key]
