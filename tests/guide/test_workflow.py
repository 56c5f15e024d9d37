"""The GitHub workflows: actionlint-clean, tested before publishing, least privilege, pinned."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.workflow import lint

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# `uses: owner/repo[/path]@<full commit SHA> # <tag>`: the SHA fixes the code, the tag says which.
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


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
    """Runs on pushes to main; by default a job only reads the code."""
    assert workflow[True]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read"}


def test_only_the_deploy_job_may_write_to_pages_or_mint_a_token(workflow: dict[Any, Any]) -> None:
    """The build (it runs pip and npm code) only reads; deploy alone writes Pages, gets OIDC."""
    jobs = workflow["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for name, job in jobs.items():
        granted = job.get("permissions", workflow["permissions"])
        if name != "deploy":
            assert "write" not in granted.values(), name


def uses_lines(path: Path) -> list[str]:
    """The text after `uses:` on each line of a workflow, comment included."""
    found = re.findall(r"^\s*(?:- )?uses:\s*(.+?)\s*$", path.read_text(encoding="utf-8"), re.M)
    return [str(text) for text in found]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_by_commit_sha_with_its_tag(path: Path) -> None:
    """Each `uses:` names a full 40-hex commit SHA followed by its release tag in a comment."""
    uses = uses_lines(path)
    assert uses, path.name
    unpinned = [text for text in uses if not PINNED.match(text)]
    assert not unpinned, unpinned


def test_the_pin_check_rejects_a_tag_or_a_short_sha() -> None:
    """The pattern has teeth: a moving tag, a short SHA or a missing tag comment fail it."""
    sha = "11d5960a326750d5838078e36cf38b85af677262"
    assert PINNED.match(f"actions/checkout@{sha} # v4.4.0")
    assert PINNED.match(f"actions/cache/save@{sha} # v4.3.0")
    for bad in (
        "actions/checkout@v4",
        f"actions/checkout@{sha[:12]} # v4.4.0",
        f"actions/checkout@{sha}",
    ):
        assert not PINNED.match(bad), bad


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_checkout_leaves_no_credentials_behind(path: Path) -> None:
    """Every checkout sets persist-credentials: false (nothing pushes with git)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    checkouts = [
        step
        for job in data["jobs"].values()
        for step in job["steps"]
        if str(step.get("uses", "")).startswith("actions/checkout@")
    ]
    assert checkouts, path.name
    assert all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)


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
