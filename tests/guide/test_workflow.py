"""The GitHub Pages workflow: valid for actionlint, tests before it publishes, official actions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from support.workflow import lint

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    """The parsed workflow (PyYAML reads the key `on` as True)."""
    data: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return data


def steps_using(job: dict[str, Any], prefix: str) -> list[int]:
    """Positions of the steps whose `uses` starts with ``prefix``."""
    uses = [str(step.get("uses", "")) for step in job["steps"]]
    return [i for i, name in enumerate(uses) if name.startswith(prefix)]


def test_actionlint_accepts_the_workflow() -> None:
    """actionlint reports nothing for pages.yml."""
    result = lint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path: Path) -> None:
    """The check has teeth: an unknown job dependency in a copy is reported."""
    broken = tmp_path / ".github" / "workflows" / "pages.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(WORKFLOW.read_text().replace("needs: build", "needs: biuld"))
    result = lint(broken)
    assert result.returncode != 0 and "biuld" in result.stdout


def test_publishes_on_push_to_main_with_least_privilege(workflow: dict[Any, Any]) -> None:
    """Runs on pushes to main; may write to Pages and mint an OIDC token, only read the code."""
    assert workflow[True]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_tests_pass_before_anything_is_uploaded(workflow: dict[Any, Any]) -> None:
    """`make test` runs before the site is built for Pages and before the upload."""
    build = workflow["jobs"]["build"]
    runs = [str(step.get("run", "")) for step in build["steps"]]
    test_at = runs.index("make test")
    build_at = next(i for i, run in enumerate(runs) if "mkdocs build" in run)
    (upload_at,) = steps_using(build, "actions/upload-pages-artifact@")
    assert test_at < build_at < upload_at
    assert build["steps"][upload_at]["with"]["path"] == "site"


def test_site_url_comes_from_the_repository_pages_settings(workflow: dict[Any, Any]) -> None:
    """The build takes its address from actions/configure-pages, so any fork's sub-path works."""
    build = workflow["jobs"]["build"]
    (configure_at,) = steps_using(build, "actions/configure-pages@")
    assert build["steps"][configure_at]["id"] == "pages"
    step = next(step for step in build["steps"] if "mkdocs build" in str(step.get("run", "")))
    assert step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    mkdocs_yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "!ENV [SITE_URL" in mkdocs_yml


def test_deploys_with_the_official_action_after_the_build(workflow: dict[Any, Any]) -> None:
    """A separate job deploys the uploaded artifact to the github-pages environment."""
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert steps_using(deploy, "actions/deploy-pages@") == [0]
