"""The source watch: official sources fetched, normalized, compared, reported in one issue."""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.workflow import lint

from tools import source_watch
from tools.source_watch import Target

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "source_watch"
ROUNDS_SAMPLE = FIXTURES.parent / "ee_rounds_sample.json"
WORKFLOW = ROOT / ".github" / "workflows" / "source-watch.yml"
PAGE = Target("official_page", "https://www.canada.ca/en/example/cec.html")
ROUNDS = Target(*source_watch.ROUNDS_JSON)


def fixture(name: str) -> bytes:
    """A recorded fixture's bytes."""
    return (FIXTURES / name).read_bytes()


def fetcher(pages: dict[str, bytes | Exception]) -> source_watch.Fetcher:
    """A fetcher serving recorded bodies by URL (an Exception value is raised): no network."""

    def fetch(url: str) -> tuple[bytes, str]:
        found = pages[url]
        if isinstance(found, Exception):
            raise found
        return found, "application/json" if url.endswith(".json") else "text/html"

    return fetch


class FakeIssues:
    """A GitHub issues client that records calls."""

    def __init__(self, open_issues: list[dict[str, Any]] | None = None) -> None:
        self.issues = list(open_issues or [])
        self.calls: list[tuple[str, Any]] = []

    def open_issues(self, label: str) -> list[dict[str, Any]]:
        self.calls.append(("list", label))
        return self.issues

    def create(self, title: str, body: str, label: str) -> dict[str, Any]:
        self.calls.append(("create", (title, body, label)))
        return {"number": 7}

    def update(self, number: int, body: str) -> dict[str, Any]:
        self.calls.append(("update", (number, body)))
        return {"number": number}


def recorded_for(*pairs: tuple[Target, bytes]) -> dict[str, str]:
    """Digests as the watch records them for the given bodies."""
    return {t.id: source_watch.digest(source_watch.normalize(body)) for t, body in pairs}


def test_watched_sources_are_the_official_web_ones_plus_the_pages_always_watched() -> None:
    """O and O* sources with an https address are watched, third-party ones not; then the
    rounds JSON, IRCC's category-based selection page and the CRS criteria page."""
    ids = [t.id for t in source_watch.targets(FIXTURES / "sources.toml")]
    assert ids == [
        "official_page",
        "official_copy",
        ROUNDS.id,
        "ircc_category_based_selection",
        "canada_crs_criteria",
    ]


def test_every_official_source_of_the_guide_is_watched_or_listed_as_not_https() -> None:
    """Each O/O* https source of the real sources.toml is a watch target; each plain-http one is
    listed as not watched; the category and CRS criteria pages are watched whatever the file."""
    data = tomllib.loads((ROOT / "pycore" / "data" / "sources.toml").read_text())
    official = {
        key: entry["url"]
        for key, entry in data.items()
        if entry["reliability"] in ("O", "O*") and entry["url"].startswith("http")
    }
    watched = {t.id: t.url for t in source_watch.targets()}
    not_https = {t.id for t in source_watch.unwatched()}
    assert {k for k, url in official.items() if url.startswith("https://")} <= set(watched)
    assert not_https == {k for k, url in official.items() if url.startswith("http://")}
    assert all(url.startswith("https://") for url in watched.values())
    for _, url in source_watch.ALWAYS:
        assert url.startswith("https://www.canada.ca/") and url in watched.values()


def test_markup_noise_does_not_change_the_digest() -> None:
    """Scripts, navigation, comments and whitespace outside the main text leave the digest as is."""
    plain = source_watch.normalize(fixture("page_v1.html"))
    noisy = source_watch.normalize(fixture("page_v1_noise.html"))
    assert plain == noisy
    assert "CLB 5 for TEER 2 or 3 jobs" in plain and "dataLayer" not in plain


def test_json_is_compared_by_content_not_layout() -> None:
    """The rounds JSON re-indented or reordered keeps its digest; a changed cut-off changes it."""
    data = json.loads(ROUNDS_SAMPLE.read_text())
    compact = json.dumps(data, separators=(",", ":")).encode()
    assert source_watch.normalize(compact, "application/json") == source_watch.normalize(
        ROUNDS_SAMPLE.read_bytes(), "application/json"
    )
    data["rounds"][0]["drawCRS"] = str(int(data["rounds"][0]["drawCRS"]) + 1)
    changed = json.dumps(data).encode()
    assert source_watch.digest(source_watch.normalize(changed)) != source_watch.digest(
        source_watch.normalize(compact)
    )


def test_a_changed_page_is_reported_with_a_short_quoted_diff(tmp_path: Path) -> None:
    """A page whose text changed is listed with its removed and added lines quoted."""
    old, new = fixture("page_v1.html"), fixture("page_v2.html")
    recorded = recorded_for((PAGE, old))
    source_watch.check([PAGE], fetcher({PAGE.url: old}), {}, tmp_path)  # an earlier run
    report = source_watch.check([PAGE], fetcher({PAGE.url: new}), recorded, tmp_path)
    ((target, _, lines),) = report.changed
    assert target == PAGE
    assert "-Language: CLB 7 for TEER 0 or 1 jobs; CLB 5 for TEER 2 or 3 jobs." in lines
    assert "+Language: CLB 7 for TEER 0 or 1 jobs; CLB 6 for TEER 2 or 3 jobs." in lines
    body = source_watch.issue_body(report)
    assert "- ` -Language: CLB 7 for TEER 0 or 1 jobs; CLB 5 for TEER 2 or 3 jobs. `" in body
    assert PAGE.url in body


def test_the_quoted_diff_is_capped() -> None:
    """A large change quotes at most the set number of lines, then says how many more."""
    old = "\n".join(f"line {i}" for i in range(100))
    new = "\n".join(f"line {i} changed" for i in range(100))
    lines = source_watch.quoted_diff(old, new)
    assert len(lines) == source_watch.DIFF_LINES + 1
    assert lines[-1].startswith("… ")


def test_unchanged_sources_open_no_issue() -> None:
    """When every digest matches, no issue is opened or updated."""
    body = fixture("page_v1.html")
    report = source_watch.check(
        [PAGE, ROUNDS],
        fetcher({PAGE.url: body, ROUNDS.url: ROUNDS_SAMPLE.read_bytes()}),
        recorded_for((PAGE, body), (ROUNDS, ROUNDS_SAMPLE.read_bytes())),
    )
    client = FakeIssues()
    assert source_watch.publish(report, client) is None
    assert client.calls == []


def test_a_failed_fetch_is_reported_not_fatal() -> None:
    """A source that cannot be fetched is listed in the issue; the others are still checked."""
    report = source_watch.check(
        [PAGE, ROUNDS],
        fetcher({PAGE.url: OSError("HTTP Error 503"), ROUNDS.url: ROUNDS_SAMPLE.read_bytes()}),
        {},
    )
    assert [t.id for t, _ in report.failed] == [PAGE.id]
    assert "HTTP Error 503" in source_watch.issue_body(report)
    assert [t.id for t, _ in report.unrecorded] == [ROUNDS.id]


def test_one_issue_is_created_then_updated() -> None:
    """With no open source-watch issue one is created; with one open it is updated, not doubled."""
    report = source_watch.check([PAGE], fetcher({PAGE.url: fixture("page_v2.html")}), {})
    fresh = FakeIssues()
    assert source_watch.publish(report, fresh) == 7
    assert [call[0] for call in fresh.calls] == ["list", "create"]
    assert fresh.calls[1][1][2] == source_watch.LABEL
    existing = FakeIssues([{"number": 12}, {"number": 15}, {"number": 3, "pull_request": {}}])
    assert source_watch.publish(report, existing) == 12
    assert [call[0] for call in existing.calls] == ["list", "update"]


def test_the_watch_never_edits_rules_or_data(tmp_path: Path) -> None:
    """A full run, issue included, leaves every file under pycore/data as it was."""

    def snapshot() -> dict[str, str]:
        return {
            str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((ROOT / "pycore" / "data").rglob("*"))
            if p.is_file()
        }

    before = snapshot()
    pages: dict[str, bytes | Exception] = {
        t.url: fixture("page_v2.html") for t in source_watch.targets()
    }
    pages[ROUNDS.url] = ROUNDS_SAMPLE.read_bytes()
    code = source_watch.main(
        ["--digests", str(tmp_path / "d.json"), "--texts", str(tmp_path / "t"), "--issue"],
        fetch=fetcher(pages),
        client=FakeIssues(),
    )
    assert code == 0
    assert snapshot() == before


def test_record_writes_the_digests_a_later_run_matches(tmp_path: Path) -> None:
    """--record stores the digests; a run on the same pages then finds nothing to report."""
    digests = tmp_path / "digests.json"
    sources = ["--sources", str(FIXTURES / "sources.toml"), "--digests", str(digests)]
    pages: dict[str, bytes | Exception] = {
        "https://www.canada.ca/en/example/cec.html": fixture("page_v1.html"),
        "https://example.org/copy-of-chart": fixture("page_v2.html"),
        **{url: fixture("page_v1_noise.html") for _, url in source_watch.ALWAYS},
        ROUNDS.url: ROUNDS_SAMPLE.read_bytes(),
    }
    assert source_watch.main([*sources, "--record"], fetch=fetcher(pages)) == 0
    assert set(source_watch.read_digests(digests)) == {
        "official_page",
        "official_copy",
        *(key for key, _ in source_watch.ALWAYS),
    }
    client = FakeIssues()
    assert source_watch.main([*sources, "--issue"], fetch=fetcher(pages), client=client) == 0
    assert client.calls == []


def test_issue_mode_without_a_token_exits_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Asked to publish with no GITHUB_TOKEN, the command says so and exits 2."""
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    pages: dict[str, bytes | Exception] = {
        t.url: b"<main>x</main>" for t in source_watch.targets(FIXTURES / "sources.toml")
    }
    args = ["--sources", str(FIXTURES / "sources.toml"), "--digests", str(tmp_path / "d.json")]
    assert source_watch.main([*args, "--issue"], fetch=fetcher(pages)) == 2


# --- the workflow -------------------------------------------------------------------------------


def test_actionlint_accepts_the_source_watch_workflow() -> None:
    """actionlint reports nothing for source-watch.yml."""
    result = lint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_runs_weekly_and_by_hand_with_issue_rights_only() -> None:
    """A weekly cron and workflow_dispatch; permissions read code and write issues, nothing else."""
    data: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text())
    triggers = data[True]  # PyYAML reads `on` as True
    assert "workflow_dispatch" in triggers
    (schedule,) = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert day == month == "*" and weekday.isdigit()  # once a week
    assert data["permissions"] == {"contents": "read", "issues": "write"}
    (job,) = data["jobs"].values()
    runs = [step.get("run", "") for step in job["steps"]]
    assert any("tools.source_watch" in run and "--issue" in run for run in runs)
    assert not any("--record" in run or "git push" in run for run in runs)
