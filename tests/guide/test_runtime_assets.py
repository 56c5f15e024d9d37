"""The runtime-assets hook: the pycore wheel, the copied Pyodide runtime and the page config."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from site_scripts.runtime import integrity, paths, runtime_assets

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel() -> tuple[str, bytes]:
    """The wheel's name and bytes as the hook makes them."""
    return runtime_assets.runtime_wheel()


def test_wheel_is_reproducible(wheel: tuple[str, bytes]) -> None:
    """Two builds from the same sources give the same bytes (stable hashes, cache-friendly)."""
    assert runtime_assets.runtime_wheel() == wheel


def test_wheel_holds_every_module_and_data_file(wheel: tuple[str, bytes]) -> None:
    """Every pycore module is in the wheel, every TOML data file as its pre-parsed copy only
    (the browser reads nothing else), and no bytecode cache."""
    from pycore.common import parameters

    name, data = wheel
    names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    package = ROOT / "pycore"
    modules = {path.relative_to(ROOT).as_posix() for path in package.rglob("*.py")}
    tomls = {
        path.relative_to(ROOT).as_posix()
        for pattern in ("data/*.toml", "data/**/*.toml")
        for path in package.glob(pattern)
    }
    assert modules <= names
    assert {toml + parameters.PREPARSED for toml in tomls} <= names
    assert not tomls & names
    assert not any("__pycache__" in item or item.endswith(".pyc") for item in names)
    meta = runtime_assets.project()
    assert name == f"{meta['name']}-{meta['version']}-py3-none-any.whl"


def test_wheel_data_copies_hold_the_toml_values(wheel: tuple[str, bytes]) -> None:
    """Each data file's pre-parsed copy in the wheel holds the same values as its TOML."""
    from pycore.common import parameters

    archive = zipfile.ZipFile(io.BytesIO(wheel[1]))
    copies = [n for n in archive.namelist() if n.endswith(".toml" + parameters.PREPARSED)]
    assert copies
    for name in copies:
        copy = archive.read(name).decode("utf-8")
        toml = (ROOT / name.removesuffix(parameters.PREPARSED)).read_text(encoding="utf-8")
        assert repr(parameters.from_preparsed(copy)) == repr(tomllib.loads(toml))


def test_wheel_record_matches_contents(wheel: tuple[str, bytes]) -> None:
    """RECORD lists each file with its size and urlsafe SHA-256, as installers check."""
    archive = zipfile.ZipFile(io.BytesIO(wheel[1]))
    record_name = next(n for n in archive.namelist() if n.endswith(".dist-info/RECORD"))
    rows = [line.split(",") for line in archive.read(record_name).decode().splitlines()]
    listed = {row[0] for row in rows}
    assert listed == set(archive.namelist())
    for arcname, digest, size in rows:
        if arcname == record_name:
            continue
        content = archive.read(arcname)
        expected = base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=").decode()
        assert (digest, int(size)) == (f"sha256={expected}", len(content))


def test_wheel_imports_from_the_zip(wheel: tuple[str, bytes], tmp_path: Path) -> None:
    """The package and its data load straight from the wheel (as importlib.resources must)."""
    path = tmp_path / wheel[0]
    path.write_bytes(wheel[1])
    code = (
        "import pycore.common.parameters as p, pycore;"
        f"assert pycore.__file__.startswith({str(path)!r});"
        "print(p.parameter('work_experience', 'hours_required').values[0].value)"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(path)!r}); {code}"],
        capture_output=True,
        text=True,
        check=True,
    )
    from pycore.common.parameters import parameter

    assert result.stdout.strip() == str(
        parameter("work_experience", "hours_required").values[0].value
    )


@pytest.mark.site  # publishes the runtime: bytecode made by Pyodide under Node
def test_install_copies_runtime_and_wheel(tmp_path: Path, wheel: tuple[str, bytes]) -> None:
    """The runtime files and the wheel land in site/pyodide under content-hashed names.

    The bytes themselves (precompiled stdlib, wheel with bytecode) are tested in
    test_integrity.py; here: the JS and wasm are the pinned ones, one file per runtime file.
    """
    target = runtime_assets.install_runtime(tmp_path)
    assert target == tmp_path / "pyodide"
    runtime = runtime_assets.published_runtime()
    names = runtime.names
    copies = list(runtime.compressed.values())  # gzip copies (test_integrity.py)
    only_copies = [names[name] for name in integrity.GZIP_ONLY]  # published as the copy alone
    plain = [name for name in names.values() if name not in only_copies]
    assert sorted(p.name for p in target.iterdir()) == sorted([*plain, *copies])
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json"):
        pinned = (runtime_assets.PYODIDE_DIR / name).read_bytes()
        assert (target / names[name]).read_bytes() == pinned
    assert names[wheel[0]].startswith(wheel[0].removesuffix(".whl"))


@pytest.mark.site  # publishes the runtime: bytecode made by Pyodide under Node
def test_rebuild_rewrites_nothing_and_drops_stale_wheels(
    tmp_path: Path, wheel: tuple[str, bytes]
) -> None:
    """A second install leaves unchanged files alone and removes a wheel of another version."""
    target = runtime_assets.install_runtime(tmp_path)
    stale = target / "pycore-0.0.1-py3-none-any.whl"
    stale.write_bytes(b"old")
    before = {p.name: p.stat().st_mtime_ns for p in target.iterdir() if p != stale}
    runtime_assets.install_runtime(tmp_path)
    after = {p.name: p.stat().st_mtime_ns for p in target.iterdir()}
    assert after == before


def test_missing_runtime_fails_with_the_fix(tmp_path: Path) -> None:
    """Without node_modules/pyodide the build stops and says to run npm ci."""
    with pytest.raises(PluginError, match="npm ci"):
        runtime_assets.install_runtime(
            tmp_path / "site", source=tmp_path / "node_modules" / "pyodide"
        )


def test_wrong_runtime_version_fails(tmp_path: Path) -> None:
    """An installed Pyodide other than the pinned one stops the build, naming both versions."""
    source = tmp_path / "pyodide"
    shutil.copytree(
        runtime_assets.PYODIDE_DIR,
        source,
        ignore=shutil.ignore_patterns("*.wasm", "*.zip", "*.map"),
    )
    manifest = json.loads((source / "package.json").read_text())
    manifest["version"] = "0.0.1"
    (source / "package.json").write_text(json.dumps(manifest))
    with pytest.raises(PluginError, match=f"0.0.1.*{runtime_assets.pinned_pyodide_version()}"):
        runtime_assets.check_runtime_source(source)


def test_missing_runtime_file_is_named(tmp_path: Path) -> None:
    """A runtime file absent from node_modules is named in the error."""
    source = tmp_path / "pyodide"
    shutil.copytree(
        runtime_assets.PYODIDE_DIR, source, ignore=shutil.ignore_patterns("*.wasm", "*.map")
    )
    with pytest.raises(PluginError, match="pyodide.asm.wasm"):
        runtime_assets.check_runtime_source(source)


def _page(src_uri: str, url: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=url)


def test_config_only_on_the_checker_page() -> None:
    """Guide pages get no checker configuration (and so start no engine)."""
    html = "<p>guide</p>"
    assert (
        runtime_assets.on_post_page(html, page=_page("eligibility/index.md", "eligibility/"))
        == html
    )


@pytest.mark.site  # publishes the runtime: bytecode made by Pyodide under Node
def test_checker_page_config_points_at_runtime(wheel: tuple[str, bytes]) -> None:
    """The checker page embeds the runtime folder (relative to the page), wheel and metadata."""
    html = runtime_assets.on_post_page(
        "<head></head><p>x</p>", page=_page("checker/index.md", "checker/")
    )
    assert html.index('id="cec-config"') < html.index("</head>")  # instant navigation keeps it
    block = html.split('<script type="application/json" id="cec-config">', 1)[1].split("</script>")[
        0
    ]
    config = json.loads(block)
    runtime = runtime_assets.published_runtime()
    assert config["runtime"] == {
        "dir": "../pyodide/",
        "roles": {
            **paths.RUNTIME_ROLES,
            "stdlib_rest": paths.STDLIB_REST,
            "snapshot": paths.SNAPSHOT,
        },
        "wheel": runtime.names[wheel[0]],
        "files": runtime.names,
        "integrity": runtime.digests,
        "compressed": runtime.compressed,
        "lazyModule": paths.LAZY_MODULE,
        "lock": runtime_assets.lock_contents(),
    }
    assert config["runtime"]["lock"]["packages"] == {}  # the checker loads no package
    assert set(config["runtime"]["roles"].values()) <= set(runtime.names)
    assert "metadata" in config


@pytest.mark.site  # publishes the runtime: bytecode made by Pyodide under Node
def test_config_cannot_close_its_script_tag(monkeypatch: pytest.MonkeyPatch) -> None:
    """A "</" inside the JSON is escaped, so data cannot end the script element early."""
    monkeypatch.setattr(runtime_assets, "form_metadata", lambda lang="en": {"name": "</script><b>"})
    block = runtime_assets.checker_config("checker/")
    inner = block.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert "</" not in inner
    assert json.loads(inner)["metadata"] == {"name": "</script><b>"}
