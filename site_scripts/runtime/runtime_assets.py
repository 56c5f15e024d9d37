"""MkDocs hook: the checker's runtime beside the built site.

- ``on_post_build`` copies the pinned Pyodide runtime from ``node_modules/pyodide`` and a
  freshly made ``pycore`` wheel into ``site/pyodide/``. The runtime lives outside ``docs/`` so
  the guide never ships it to readers who do not open the checker.
- ``on_post_page`` embeds, in the checker page's head only, a JSON block with the form metadata
  (``pycore.api.form_metadata_json()``) and where the runtime is, so the form is usable before
  Python has loaded and the worker knows the wheel's name.

The wheel is written directly with ``zipfile`` (a pure wheel is a zip of the package plus three
metadata files): it takes milliseconds, needs no network or build backend, and is byte-for-byte
reproducible (fixed timestamps), so rebuilds are fast and its hash only changes with the code.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # hooks load by path; site_scripts.* must be importable
    sys.path.insert(0, str(ROOT))

from site_scripts.runtime.paths import (  # noqa: E402  (after the path set-up above)
    CHECKER_PAGES,
    LAZY_MODULE,
    PYODIDE_DIR,
    RUNTIME_FILES,
    RUNTIME_FOLDER,
    RUNTIME_ROLES,
    SNAPSHOT,
    STDLIB_REST,
)

# Same-day fixed timestamp: zip entries must not carry the build time, or the wheel's hash
# would change on every build.
ZIP_TIME = (2022, 11, 16, 0, 0, 0)


def project() -> dict[str, Any]:
    """The ``[project]`` table of ``pyproject.toml``."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        table: dict[str, Any] = tomllib.load(handle)["project"]
    return table


def package_files(package: Path) -> list[Path]:
    """The files a wheel of ``package`` holds: sources, data and the typing marker, sorted."""
    wanted = {".py", ".toml", ".typed"}
    return sorted(
        path
        for path in package.rglob("*")
        if path.is_file() and path.suffix in wanted and "__pycache__" not in path.parts
    )


def record_hash(data: bytes) -> str:
    """A RECORD line's hash field (urlsafe base64 SHA-256 without padding, per the wheel spec)."""
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode("ascii")


def preparsed_entry(arcname: str, path: Path) -> tuple[str, bytes]:
    """A data file's pre-parsed (JSON) copy for the wheel: the browser's Python reads it much
    faster than the TOML, with the same values (``pycore.common.parameters.load``)."""
    from pycore.common import (
        parameters,  # late, like form_metadata: the hook loads while pycore is edited
    )

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return arcname + parameters.PREPARSED, parameters.preparsed(data).encode()


def wheel_name(name: str, version: str) -> str:
    """The file name of a pure-Python wheel."""
    return f"{name.replace('-', '_')}-{version}-py3-none-any.whl"


def build_wheel(package: Path, name: str, version: str) -> bytes:
    """A reproducible pure-Python wheel of ``package`` (bytes)."""
    dist_info = f"{name.replace('-', '_')}-{version}.dist-info"
    entries: list[tuple[str, bytes]] = []
    for path in package_files(package):
        arcname = path.relative_to(package.parent).as_posix()
        # A data file travels only as its pre-parsed copy: the browser never reads the TOML
        # (pycore.common.parameters.load prefers the copy), and a phone would pay 67 KB for it.
        if path.suffix == ".toml" and "data" in path.relative_to(package).parts:
            entries.append(preparsed_entry(arcname, path))
        else:
            entries.append((arcname, path.read_bytes()))
    entries.append(
        (
            f"{dist_info}/METADATA",
            (f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n").encode(),
        )
    )
    entries.append(
        (
            f"{dist_info}/WHEEL",
            (
                b"Wheel-Version: 1.0\nGenerator: site_scripts.runtime.runtime_assets\n"
                b"Root-Is-Purelib: true\nTag: py3-none-any\n"
            ),
        )
    )
    record = "".join(f"{arc},{record_hash(data)},{len(data)}\n" for arc, data in entries)
    record += f"{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode()))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for arcname, data in entries:
            info = zipfile.ZipInfo(arcname, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def pinned_pyodide_version() -> str:
    """The Pyodide version pinned in ``package.json``."""
    pins = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    return str(pins["pyodide"])


def check_runtime_source(source: Path = PYODIDE_DIR) -> None:
    """Fail with a clear message when the pinned runtime is not installed in ``source``."""
    hint = "run `npm ci` (or `make setup`) in the project root"
    manifest = source / "package.json"
    if not manifest.exists():
        raise PluginError(f"The Pyodide runtime is missing: {source} not found; {hint}.")
    installed = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    pinned = pinned_pyodide_version()
    if installed != pinned:
        raise PluginError(
            f"node_modules/pyodide is {installed} but package.json pins {pinned}; {hint}."
        )
    missing = [name for name in RUNTIME_FILES if not (source / name).exists()]
    if missing:
        raise PluginError(
            f"Pyodide runtime files missing in {source}: {', '.join(missing)}; {hint}."
        )


def copy_if_changed(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` unless an identical-looking copy (size, mtime) is there."""
    if target.exists():
        src, dst = source.stat(), target.stat()
        if src.st_size == dst.st_size and src.st_mtime_ns == dst.st_mtime_ns:
            return
    shutil.copy2(source, target)


def write_if_changed(target: Path, data: bytes) -> None:
    """Write ``data`` unless ``target`` already holds exactly it (keeps mtimes stable)."""
    if target.exists() and target.read_bytes() == data:
        return
    target.write_bytes(data)


def runtime_wheel() -> tuple[str, bytes]:
    """The pycore wheel's file name and bytes."""
    meta = project()
    name, version = meta["name"], meta["version"]
    return wheel_name(name, version), build_wheel(ROOT / name, name, version)


def published_runtime(source: Path = PYODIDE_DIR) -> Any:
    """The runtime as published: precompiled stdlib and wheel, hashed names, digests."""
    from site_scripts.runtime import integrity  # the performance helper's module(see integrity.py)

    return integrity.runtime(*runtime_wheel(), source=source)


def install_runtime(site_dir: Path, source: Path = PYODIDE_DIR) -> Path:
    """Write the runtime and the pycore wheel into ``site_dir/pyodide``; returns that folder."""
    check_runtime_source(source)
    target: Path = published_runtime(source).write(site_dir)
    return target


def form_metadata(lang: str = "en") -> Any:
    """The form metadata from the rules core, as a JSON value (the page's words in ``lang``)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from pycore import api  # imported late: the hook must load even while pycore is edited

    return json.loads(api.form_metadata_json(lang))


def runtime_config(folder: str) -> dict[str, Any]:
    """Where the runtime is: its folder, the name Pyodide knows for each role (``paths``), the
    published (content-hashed) name of each file and of the wheel, each file's SHA-256, which
    the worker checks before use, the gzip copies and the lazy standard library's loader."""
    runtime = published_runtime()
    return {
        "dir": folder,
        "roles": {**RUNTIME_ROLES, "stdlib_rest": STDLIB_REST, "snapshot": SNAPSHOT},
        "lazyModule": LAZY_MODULE,
        "lock": lock_contents(),
        "wheel": runtime.names[runtime_wheel()[0]],
        "files": runtime.names,
        "integrity": runtime.digests,
        "compressed": runtime.compressed,
    }


def lock_contents(source: Path = PYODIDE_DIR) -> dict[str, Any]:
    """The lock's info passed inline (the build's snapshot is made with the same)."""
    from site_scripts.runtime.build_snapshot import inline_lock

    return inline_lock(source)


def checker_config(page_url: str, lang: str = "en") -> str:
    """The checker page's embedded JSON block (``</`` escaped so it cannot end the script)."""
    depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 0
    from site_scripts.tables import noc_search  # late, like pycore: the hook loads first

    config = {
        "runtime": runtime_config("../" * depth + RUNTIME_FOLDER + "/"),
        "metadata": form_metadata(lang),
        # The occupation search's titles file, fetched on first use: its digest, checked on fetch.
        "titles": {"integrity": noc_search.integrity(lang)},
    }
    text = json.dumps(config, ensure_ascii=False, separators=(",", ":"))
    return (
        '<script type="application/json" id="cec-config">'
        + text.replace("</", "<\\/")
        + "</script>"
    )


def on_post_page(output: str, page: Any, **_: Any) -> str:
    """Put the checker's configuration in the checker page's head (and in no other page).

    The head, not the content: with instant navigation Material re-creates the content's
    inline scripts without their type and id, which would turn this JSON block into a script
    the CSP refuses and leave the checker without its configuration. Head elements are moved
    over as they are.
    """
    if page.file.src_uri not in CHECKER_PAGES:
        return output
    block = checker_config(page.url, CHECKER_PAGES[page.file.src_uri])
    return output.replace("</head>", block + "\n</head>", 1)


def on_post_build(config: Any, **_: Any) -> None:
    """Put the runtime and the wheel into the built site."""
    install_runtime(Path(config["site_dir"]))
