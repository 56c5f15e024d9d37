"""The layers of pycore/ hold (import-linter's contracts in pyproject.toml), and they bite."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")


def lint(tree: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports with the project's contracts, run in ``tree``."""
    return subprocess.run(
        [str(LINT), "--no-cache", str(ROOT / "pyproject.toml")],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    )


def copy_of_the_tree(tmp_path: Path) -> Path:
    """pycore, site_scripts and tools as they are (sources only), in a scratch folder."""
    for name in ("pycore", "site_scripts", "tools"):
        shutil.copytree(
            ROOT / name,
            tmp_path / name,
            ignore=shutil.ignore_patterns("__pycache__", "data", "schemas", "*.toml", "*.js"),
        )
    return tmp_path


def test_the_repository_keeps_every_contract() -> None:
    """Common imports no program, programs are independent, pycore imports no build script."""
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        # verification.py: a common module no program imports, so only the layers contract breaks
        ("pycore/common/verification.py", "import pycore.programs.cec.quebec", "pycore's layers"),
        ("pycore/programs/cec/quebec.py", "import pycore.crs.grid", "pycore's layers"),
        ("pycore/programs/fsw/__init__.py", "import pycore.programs.cec", "No program imports"),
        ("pycore/common/noc.py", "import tools.noc_table", "Nothing in pycore imports"),
        ("pycore/crs/text.py", "import site_scripts.runtime.paths", "Nothing in pycore imports"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    """One import across a boundary, added to a copy of the tree, fails the check by name."""
    tree = copy_of_the_tree(tmp_path)
    target = tree / module
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("a", encoding="utf-8") as source:
        source.write(f"\n{line}  # noqa\n")
    result = lint(tree)
    assert result.returncode != 0
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN")]
    assert len(broken) == 1 and broken[0].startswith(contract), result.stdout
