"""The rest of the standard library, fetched the first time a module from it is imported.

Runs in the browser's Python, not in the build: ``precompile.split_stdlib`` ships this file in
the standard-library zip the checker downloads (as ``LAZY_MODULE``), which holds only what the
engine was traced using (``trace_stdlib.mjs``), and appends ``REST``: the modules of the other
zip. The worker calls ``install`` once Pyodide has started; a later import of a module in
``REST`` downloads that zip once (synchronously: imports cannot wait), checks its SHA-256
against the digest recorded at build time, mounts it and imports from it. The checker itself
never needs it; it is there so that nothing the full standard library offers goes missing.
"""

from __future__ import annotations

import base64
import sys
from collections.abc import Callable, Sequence
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType
from typing import Any

import _sha2  # type: ignore[import-not-found]  # built into CPython and Pyodide; hashlib may be lazy

MOUNT = "/lib/python_stdlib_rest.zip"
# Replaced at build time by the module names the other zip holds.
REST: frozenset[str] = frozenset()


class RestOfStdlib:
    """A meta path finder for the modules in ``REST``: fetches and mounts their zip once."""

    def __init__(self, url: str, digest: str, fetch: Callable[[str], Any]) -> None:
        self.url = url
        self.digest = digest
        self.fetch = fetch  # url -> bytes-like (in the browser: a synchronous XMLHttpRequest)
        self.mounted = False

    def mount(self, wanted: str) -> None:
        """Download, check and mount the zip (once)."""
        if self.mounted:
            return
        try:
            data = self.fetch(self.url)
            data = data.to_bytes() if hasattr(data, "to_bytes") else bytes(data)
        except Exception as error:  # noqa: BLE001  (any failure: the import fails cleanly)
            raise ImportError(
                f"{wanted}: the rest of the standard library could not be downloaded ({error})",
                name=wanted,
            ) from None
        actual = "sha256-" + base64.b64encode(_sha2.sha256(data).digest()).decode("ascii")
        if actual != self.digest:
            raise ImportError(
                f"{wanted}: the rest of the standard library does not match the "
                "version this site was built with",
                name=wanted,
            )
        with open(MOUNT, "wb") as handle:
            handle.write(data)
        sys.path.append(MOUNT)
        self.mounted = True

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name not in REST:
            return None
        self.mount(name)
        parent = name.rpartition(".")[0]
        if not parent:
            return PathFinder.find_spec(name, [MOUNT], target)
        # A package split between the two zips (encodings, importlib, ...): its other half.
        search = sys.modules[parent].__path__
        other = f"{MOUNT}/{parent.replace('.', '/')}"
        if other not in search:
            search.append(other)
        return PathFinder.find_spec(name, search, target)


def install(url: str, digest: str, fetch: Callable[[str], Any]) -> None:
    """Serve the modules of ``REST`` from the zip at ``url`` (checked against ``digest``)."""
    if not any(isinstance(finder, RestOfStdlib) for finder in sys.meta_path):
        sys.meta_path.append(RestOfStdlib(url, digest, fetch))
