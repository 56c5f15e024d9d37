"""actionlint, as the workflow tests run it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def actionlint() -> str:
    """The actionlint binary installed with the dev requirements (beside this Python)."""
    beside = Path(sys.executable).parent / "actionlint"
    found = str(beside) if beside.exists() else shutil.which("actionlint")
    assert found, "actionlint is missing: install requirements-dev.txt"
    return found


def lint(path: Path) -> subprocess.CompletedProcess[str]:
    """Run actionlint (no shellcheck/pyflakes plug-ins: results must not depend on the host)."""
    return subprocess.run(
        [actionlint(), "-shellcheck=", "-pyflakes=", "-no-color", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
