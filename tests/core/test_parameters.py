"""Dated parameters and the data lint: every rule value described, dated and cited."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from pycore.assessment import RULE_FILES
from pycore.common import charts
from pycore.common.parameters import (
    PREPARSED,
    from_preparsed,
    load,
    parameter,
    parameters,
    preparsed,
    source,
    sources,
)

DOCS = Path(__file__).resolve().parents[2] / "docs"
PYCORE = Path(__file__).resolve().parents[2] / "pycore"
NOT_PARAMETER_FILES = {"sources", "messages.en"}


def data_files() -> list[str]:
    """Every data file name under pycore/data, as ``load`` takes it (``charts/x``)."""
    root = resources.files("pycore").joinpath("data")
    names = [entry.name[:-5] for entry in root.iterdir() if entry.name.endswith(".toml")]
    names += [f"charts/{entry.name[:-5]}" for entry in root.joinpath("charts").iterdir()]
    return sorted(names)


PARAMETER_FILES = [
    name for name in data_files() if name not in NOT_PARAMETER_FILES and "/" not in name
]


def references_in(node: Any) -> set[str]:
    """Every source id named under a ``references`` or ``sources`` key, at any depth."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("references", "sources") and isinstance(value, list):
                found |= {item for item in value if isinstance(item, str)}
            found |= references_in(value)
    elif isinstance(node, list):
        for item in node:
            found |= references_in(item)
    return found


def page_sources() -> set[str]:
    """Source ids named in the front matter of the guide's pages."""
    found: set[str] = set()
    for page in DOCS.rglob("*.md"):
        match = re.match(r"---\n(.*?)\n---", page.read_text(encoding="utf-8"), re.S)
        if match:
            for listed in re.findall(r"sources:\s*\[(.*?)\]", match.group(1)):
                found |= {item.strip().strip("'\"") for item in listed.split(",") if item.strip()}
    return found


@pytest.mark.parametrize("name", PARAMETER_FILES)
def test_every_parameter_is_described_dated_and_cited(name: str) -> None:
    """Each parameter has a description, unit, provision and values in date order, each cited."""
    raw = load(name)
    for key, table in raw.items():
        if not (isinstance(table, dict) and "values" in table):
            continue
        assert table.get("description") and table.get("unit"), f"{name}.{key}"
        effective = [value["effective"] for value in table["values"]]
        assert all(isinstance(day, date) for day in effective), f"{name}.{key}"
        assert effective == sorted(effective) and len(set(effective)) == len(effective)
        for value in table["values"]:
            assert value.get("references"), f"{name}.{key} {value['effective']}"
            for ref in value["references"]:
                source(ref)  # KeyError when the id is not in sources.toml


@pytest.mark.parametrize("test_id", charts.TESTS)
def test_chart_versions_dated_and_cited(test_id: str) -> None:
    """Each chart version is in date order and cites existing sources."""
    raw = load(f"charts/{test_id}")
    effective = [version["effective"] for version in raw["versions"]]
    assert effective == sorted(effective)
    for version in raw["versions"]:
        assert version["references"]
        for ref in version["references"]:
            source(ref)


def test_every_source_is_used_or_says_why_it_is_kept() -> None:
    """A source is cited by data or a page, or its note explains why it is kept."""
    used = page_sources()
    for name in data_files():
        used |= references_in(load(name))
    for item in sources():
        assert item.id in used or item.note, item.id
        assert item.reliability in ("O", "O*", "T") and item.url.startswith("http")


def test_value_in_force_by_date() -> None:
    """A parameter gives the last value effective on or before the day, none before the first."""
    accepted = parameter("language", "accepted_tests")
    first, second = accepted.values[0], accepted.values[1]
    assert accepted.at(second.effective) == second
    assert accepted.value_at(date.fromordinal(second.effective.toordinal() - 1)) == first.value
    with pytest.raises(LookupError):
        accepted.value_at(date.fromordinal(first.effective.toordinal() - 1))


def test_choices_recorded_for_the_doubts() -> None:
    """The facts sheet's doubts the engine decides carry a recorded choice beside the value."""
    assert parameter("work_experience", "weekly_hours_cap").choice
    assert parameter("quebec", "quebec_work_counts").choice
    assert charts.versions("tef_canada")[-1].choice


def test_parameters_lists_only_dated_tables() -> None:
    """parameters() returns each table with a values list, named file.key."""
    names = {p.name for p in parameters("work_experience")}
    assert "work_experience.hours_required" in names
    raw = tomllib.loads(
        resources.files("pycore").joinpath("data", "work_experience.toml").read_text("utf-8")
    )
    assert len(names) == sum(
        1 for table in raw.values() if isinstance(table, dict) and "values" in table
    )


def test_package_and_data_load_from_a_zip(tmp_path: Path) -> None:
    """Zipped like a wheel, pycore still reads its data (importlib.resources, no file paths)."""
    package = Path(__file__).resolve().parents[2] / "pycore"
    archive = tmp_path / "pycore.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".toml"):
                zipped.write(path, path.relative_to(package.parent).as_posix())
    code = (
        "import json, pycore, pycore.api as api; assert '.zip' in pycore.__file__; "
        "json.loads(api.form_metadata_json()); "
        "print(json.loads(api.check_json(json.dumps({'application_date': '2026-11-21', "
        "'plans_to_live_in_quebec': False, 'jobs': [], 'language_tests': []})))['eligible'])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(archive)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "None"


@pytest.mark.parametrize("name", data_files())
def test_preparsed_copy_gives_the_same_values(name: str) -> None:
    """The wheel's JSON copy of each data file reads back as the TOML's values (types, order)."""
    data = load(name)
    assert repr(from_preparsed(preparsed(data))) == repr(data)


def test_preparsed_refuses_what_it_cannot_carry() -> None:
    """A datetime, or a table shaped like a tagged date, fails the build instead of changing."""
    with pytest.raises(TypeError):
        preparsed({"at": datetime(2022, 11, 16, 9, 0)})
    with pytest.raises(ValueError):
        preparsed({"looks_like_a_date": {"$date": "2022-11-16"}})


def test_load_prefers_the_preparsed_copy(tmp_path: Path) -> None:
    """Where a data file has a pre-parsed copy beside it (built wheels), that copy is read."""
    package = Path(__file__).resolve().parents[2] / "pycore"
    shutil.copytree(package, tmp_path / "pycore", ignore=shutil.ignore_patterns("__pycache__"))
    program = tmp_path / "pycore" / "data" / "program.toml"
    marker = {"marker": {"description": "from the copy", "values": []}}
    program.with_name(program.name + PREPARSED).write_text(preparsed(marker), encoding="utf-8")
    code = (
        "from pycore.common.parameters import load; print(load('program')['marker']['description'])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(tmp_path)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "from the copy"


def test_every_rule_parameter_is_read_by_the_engine_or_marked_guide_only() -> None:
    """Each parameter of a rule file is named in the engine's code, or says ``guide_only``."""
    code = "\n".join(path.read_text(encoding="utf-8") for path in PYCORE.rglob("*.py"))
    for name in RULE_FILES:
        for item in parameters(name):
            key = item.name.split(".", 1)[1]
            named = f'"{key}"' in code
            assert named != item.guide_only, (
                f"{item.name}: read by the engine and marked guide_only"
                if named
                else f"{item.name}: not read by the engine; mark it guide_only = true or use it"
            )
