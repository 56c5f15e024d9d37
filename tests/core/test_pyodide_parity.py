"""The scenario suite in Pyodide (Python 3.14) under Node gives CPython's output byte for byte."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from support.scenarios import Scenario, all_scenarios

from pycore.api import check_json

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "node" / "run_scenarios.mjs"
SCENARIOS = all_scenarios()
sys.path.insert(0, str(ROOT / "bench"))
from worst_profiles import worst_profiles  # noqa: E402

# The costliest profiles found within the input limits (issue 20), as the page sends them.
WORST = {
    f"worst profile: {name}": json.dumps(body, ensure_ascii=False)
    for name, body in worst_profiles().items()
}

pytestmark = pytest.mark.node


def build_wheel(destination: Path) -> Path:
    """A pycore wheel built by pip from a copy of the sources (the shared tree stays clean)."""
    source = destination / "src"
    source.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", source)
    skip_caches = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "pycore", source / "pycore", ignore=skip_caches)
    out = destination / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = out.glob("pycore-*.whl")
    return wheel


@pytest.fixture(scope="module")
def pip_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pycore wheel freshly built by pip."""
    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="module")
def pyodide_run(tmp_path_factory: pytest.TempPathFactory, pip_wheel: Path) -> dict[str, Any]:
    """Every scenario evaluated once by Pyodide under Node, from a freshly built wheel."""
    work = tmp_path_factory.mktemp("pyodide")
    wheel = pip_wheel
    inputs = work / "inputs.json"
    inputs.write_text(
        json.dumps(
            [{"name": s.name, "text": s.text} for s in SCENARIOS]
            + [{"name": name, "text": text} for name, text in WORST.items()],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    completed = subprocess.run(
        ["node", str(RUNNER), str(wheel), str(inputs)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    result: dict[str, Any] = json.loads(completed.stdout)
    return result


def test_pyodide_runs_python_3_14(pyodide_run: dict[str, Any]) -> None:
    """The browser runtime is Python 3.14 (CPython here is older), so parity is meaningful."""
    assert pyodide_run["python"].startswith("3.14.")


def test_every_pycore_source_compiles_on_3_14(pyodide_run: dict[str, Any]) -> None:
    """Pyodide's 3.14 compiles every pycore module shipped in the wheel without a syntax error."""
    shipped = sorted(p.name for p in (ROOT / "pycore").rglob("*.py"))
    assert pyodide_run["compile_errors"] == []
    assert pyodide_run["compiled"] == shipped


def test_the_site_wheel_ships_the_same_package_files_as_pip(pip_wheel: Path) -> None:
    """The wheel the site builds for the browser holds every pycore file pip's wheel holds, each
    data file as its pre-parsed copy instead (the only form the browser reads)."""
    from pycore.common.parameters import PREPARSED
    from site_scripts.runtime.runtime_assets import runtime_wheel

    def package_entries(data: bytes) -> set[str]:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {name for name in archive.namelist() if name.startswith("pycore/")}

    _name, site_wheel = runtime_wheel()
    site, pip = package_entries(site_wheel), package_entries(pip_wheel.read_bytes())
    data = {name for name in pip if name.startswith("pycore/data/") and name.endswith(".toml")}
    assert data
    assert site == (pip - data) | {name + PREPARSED for name in data}


def test_every_scenario_was_evaluated(pyodide_run: dict[str, Any]) -> None:
    """Pyodide returned one output per scenario name."""
    assert set(pyodide_run["outputs"]) == {s.name for s in SCENARIOS} | set(WORST)


@pytest.mark.parametrize("name", list(WORST))
def test_worst_profile_matches_cpython(name: str, pyodide_run: dict[str, Any]) -> None:
    """Each costliest profile gives CPython's bytes in Pyodide, in English and French (its time
    is the benchmark's: bench_core.py --worst)."""
    text = WORST[name]
    assert pyodide_run["outputs"][name] == check_json(text)
    assert pyodide_run["outputs_fr"][name] == check_json(text, lang="fr")


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario_output_matches_cpython(scenario: Scenario, pyodide_run: dict[str, Any]) -> None:
    """check_json prints the same bytes in Pyodide 3.14 as in CPython."""
    assert pyodide_run["outputs"][scenario.name] == check_json(scenario.text)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_french_scenario_output_matches_cpython(
    scenario: Scenario, pyodide_run: dict[str, Any]
) -> None:
    """check_json in French prints the same bytes in Pyodide 3.14 as in CPython (issue 15)."""
    assert pyodide_run["outputs_fr"][scenario.name] == check_json(scenario.text, lang="fr")
