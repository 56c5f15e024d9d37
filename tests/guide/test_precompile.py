"""The runtime's zips precompiled to Python 3.14 bytecode by Pyodide under Node."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from site_scripts.runtime import paths, precompile, runtime_assets

pytestmark = pytest.mark.node

STDLIB = precompile.PYODIDE_DIR / "python_stdlib.zip"

# Runs in Pyodide under Node: which stdlib modules import, and where each came from.
PROBE = """
import { loadPyodide } from "%(pyodide)s/pyodide.mjs";
const options = process.argv[2] ? { stdLibURL: process.argv[2] } : {};
const pyodide = await loadPyodide(options);
console.log(pyodide.runPython(`
import json, pkgutil, sys, importlib
names = sorted(m.name for m in pkgutil.walk_packages(
    [p for p in sys.path if p.endswith(".zip")]) if "test" not in m.name)
ok = {}
for name in names:
    try:
        module = importlib.import_module(name)
        ok[name] = getattr(module, "__file__", None) or ""
    except BaseException as error:  # some modules refuse to run in a browser: same either way
        ok[name] = "error: " + type(error).__name__
json.dumps(ok)
`));
"""


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The precompiled standard library made in a private cache (a real Node run)."""
    return precompile.precompiled_stdlib(cache_dir=tmp_path_factory.mktemp("cache"))


def probe(tmp_path: Path, stdlib: Path | None) -> dict[str, str]:
    """Import every module of the runtime's stdlib under Node; name -> __file__ or error."""
    script = tmp_path / "probe.mjs"
    script.write_text(PROBE % {"pyodide": precompile.PYODIDE_DIR.as_posix()})
    args = ["node", str(script)] + ([str(stdlib)] if stdlib else [])
    done = subprocess.run(args, capture_output=True, text=True, timeout=300, check=True)
    result: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_every_source_module_becomes_bytecode_and_nothing_is_dropped(compiled: bytes) -> None:
    """Each .py of the shipped stdlib has a .pyc in its place; every other entry is kept."""
    with zipfile.ZipFile(STDLIB) as original, zipfile.ZipFile(io.BytesIO(compiled)) as made:
        before, after = set(original.namelist()), set(made.namelist())
    sources = {name for name in before if name.endswith(".py")}
    assert sources and not any(name.endswith(".py") for name in after)
    assert {name + "c" for name in sources} | (before - sources) == after


def test_bytecode_is_for_the_browsers_python(compiled: bytes) -> None:
    """The .pyc header carries an unchecked-hash flag, so file times never invalidate it."""
    with zipfile.ZipFile(io.BytesIO(compiled)) as made:
        header = made.read("json/__init__.pyc")[:16]
    flags = int.from_bytes(header[4:8], "little")
    assert header[2:4] == b"\r\n" and flags == 0b01  # hash-based, check_source off


def test_same_input_gives_the_same_bytes(compiled: bytes, tmp_path: Path) -> None:
    """A second independent run produces identical bytes, so the content hash is stable."""
    assert precompile.precompiled_stdlib(cache_dir=tmp_path) == compiled


def test_cached_result_needs_no_node(
    compiled: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild with unchanged inputs is served from the cache without starting Node."""
    first = precompile.precompiled_stdlib(cache_dir=tmp_path)
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    assert precompile.precompiled_stdlib(cache_dir=tmp_path) == first == compiled


def test_missing_node_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without Node and without a cached copy the build stops with a message naming Node."""
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(precompile.PrecompileError, match="Node"):
        precompile.precompiled_stdlib(cache_dir=tmp_path)


def test_missing_runtime_is_a_clear_error(tmp_path: Path) -> None:
    """A missing node_modules/pyodide stops the build with the command that fixes it."""
    with pytest.raises(precompile.PrecompileError, match="npm ci"):
        precompile.precompile_bytes(b"", pyodide_dir=tmp_path, cache_dir=tmp_path)


def test_wheel_mode_ships_bytecode_without_sources(tmp_path: Path) -> None:
    """In a wheel each source becomes sourceless bytecode in its place; data files stay."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as wheel:
        wheel.writestr("pkg/__init__.py", "VALUE = 1\n")
        wheel.writestr("pkg/data/x.toml", "a = 1\n")
    made = precompile.precompile_bytes(buffer.getvalue(), "wheel", cache_dir=tmp_path)
    with zipfile.ZipFile(io.BytesIO(made)) as archive:
        assert sorted(archive.namelist()) == ["pkg/__init__.pyc", "pkg/data/x.toml"]


def test_every_module_imports_from_bytecode_as_from_source(compiled: bytes, tmp_path: Path) -> None:
    """Under Pyodide, each stdlib module imports (or fails) the same way, now from a .pyc."""
    path = tmp_path / "stdlib.zip"
    path.write_bytes(compiled)
    from_source, from_bytecode = probe(tmp_path, None), probe(tmp_path, path)
    assert from_source.keys() == from_bytecode.keys() and len(from_source) > 300
    for name, origin in from_source.items():
        if origin.startswith("error"):
            assert from_bytecode[name] == origin, name
        elif origin.endswith(".py"):  # frozen modules (e.g. __hello__) keep their origin
            assert from_bytecode[name] in (origin, origin + "c"), name
    from_pyc = [name for name, origin in from_bytecode.items() if origin.endswith(".pyc")]
    assert len(from_pyc) > 300


# Imports the given modules in Pyodide under Node from the split standard library: the zip the
# checker ships plus, on demand, the rest (fetched from disk here, by XMLHttpRequest in the worker).
SPLIT_PROBE = """
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { loadPyodide } from "%(pyodide)s/pyodide.mjs";
const [core, rest, names, digest] = process.argv.slice(2);
const pyodide = await loadPyodide({ stdLibURL: core });
const actual = createHash("sha256").update(readFileSync(rest)).digest("base64");
const expected = digest || "sha256-" + actual;
pyodide.pyimport("%(lazy)s").install(rest, expected, (url) => new Uint8Array(readFileSync(url)));
pyodide.globals.set("NAMES", readFileSync(names, "utf8"));
console.log(pyodide.runPython(`
import importlib, json
ok = {}
for name in json.loads(NAMES):
    try:
        module = importlib.import_module(name)
        ok[name] = getattr(module, "__file__", None) or ""
    except BaseException as error:
        ok[name] = "error: " + type(error).__name__ + ": " + str(error)
json.dumps(ok)
`));
"""


@pytest.fixture(scope="module")
def split(compiled: bytes, tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    """The precompiled stdlib split for the browser wheel (a real trace under Node)."""
    wheel = next(
        data
        for name, data in runtime_assets.published_runtime().files.items()
        if name.endswith(".whl")
    )
    return precompile.split_stdlib(compiled, wheel, cache_dir=tmp_path_factory.mktemp("split"))


def split_probe(
    tmp_path: Path, split: tuple[bytes, bytes], names: list[str], digest: str = ""
) -> dict[str, str]:
    """Import ``names`` from the split stdlib under Node: name -> __file__ or error."""
    (tmp_path / "core.zip").write_bytes(split[0])
    (tmp_path / "rest.zip").write_bytes(split[1])
    (tmp_path / "names.json").write_text(json.dumps(names))
    script = tmp_path / "split_probe.mjs"
    script.write_text(
        SPLIT_PROBE % {"pyodide": precompile.PYODIDE_DIR.as_posix(), "lazy": paths.LAZY_MODULE}
    )
    args = ["node", str(script)] + [
        str(tmp_path / n) for n in ("core.zip", "rest.zip", "names.json")
    ]
    done = subprocess.run(
        args + ([digest] if digest else []), capture_output=True, text=True, timeout=300, check=True
    )
    result: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def modules_of(data: bytes) -> set[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name for entry in archive.namelist() if (name := precompile.module_name(entry))}


def test_split_puts_each_module_in_exactly_one_zip(
    compiled: bytes, split: tuple[bytes, bytes]
) -> None:
    """Shipped and on-demand parts hold each stdlib module once; the shipped part is smaller."""
    core, rest = modules_of(split[0]), modules_of(split[1])
    assert not core & rest
    assert core | rest == modules_of(compiled)
    assert {"json", "encodings", "pyodide"} <= core
    with zipfile.ZipFile(io.BytesIO(split[0])) as archive:
        assert f"{paths.LAZY_MODULE}.py" in archive.namelist()
    assert len(split[0]) < len(split[1])


def test_no_folder_without_its_package_in_the_shipped_zip(split: tuple[bytes, bytes]) -> None:
    """A folder whose package is on demand is absent (it would import as an empty namespace)."""
    with zipfile.ZipFile(io.BytesIO(split[0])) as archive:
        entries = archive.namelist()
    for folder in (entry for entry in entries if entry.endswith("/")):
        assert any(e.startswith(folder) and e.endswith(".pyc") for e in entries), folder


def test_every_module_imports_from_the_split_stdlib_as_from_the_whole(
    compiled: bytes, split: tuple[bytes, bytes], tmp_path: Path
) -> None:
    """Under Pyodide, each module imports (or fails) the same way when most come on demand."""
    path = tmp_path / "stdlib.zip"
    path.write_bytes(compiled)
    whole = probe(tmp_path, path)
    parts = split_probe(tmp_path, split, sorted(whole))
    on_demand = modules_of(split[1])
    assert parts.keys() == whole.keys()
    for name, origin in whole.items():
        if origin.startswith("error"):
            assert parts[name].startswith(origin), name
        elif name in on_demand and not origin.endswith(".py"):  # frozen ones keep their name
            moved = origin.replace("/python314.zip/", f"/{paths.STDLIB_REST}/")
            assert parts[name] == moved, name
        else:
            assert parts[name] == origin, name
    assert len(on_demand & whole.keys()) > 300


def test_a_damaged_rest_of_the_stdlib_is_refused(
    split: tuple[bytes, bytes], tmp_path: Path
) -> None:
    """On-demand modules whose zip does not match the build's digest do not import, saying so."""
    result = split_probe(tmp_path, split, ["json", "email.message"], digest="sha256-AAAA")
    assert result["json"].endswith("json/__init__.pyc")
    assert "does not match" in result["email.message"]
