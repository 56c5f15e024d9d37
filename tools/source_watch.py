"""Source watch: fetch every official source and the rounds JSON, report what changed.

Run weekly by ``.github/workflows/source-watch.yml`` (and by hand). For each source in
``pycore/data/sources.toml`` whose reliability is official (``O``, or ``O*``: official content
read through a copy) and whose address is http(s), and for IRCC's rounds JSON, it fetches the
page, normalizes it to text (the page's ``<main>`` when it has one, without scripts, styles,
comments or markup, whitespace collapsed; JSON re-serialized with sorted keys) and compares the
text's SHA-256 with the digest recorded in ``.github/source-watch/digests.json``.

It opens, or updates, ONE GitHub issue (label ``source-watch``) listing what changed, with a
short quoted diff when the text behind the recorded digest is in the texts folder (the
workflow keeps it in the Actions cache), the sources it could not fetch, and those with no
digest recorded yet. It reads and reports: it never edits rules or data. After reviewing a
change (and editing the rules if needed), a maintainer records the new digests with
``python -m tools.source_watch --record`` and commits the digests file.

Standard library only (the workflow installs nothing). The fetcher and the GitHub client are
arguments, so the tests run offline on recorded fixtures.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import html
import json
import os
import re
import sys
import tomllib
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

ROOT = Path(__file__).resolve().parent.parent
SOURCES_FILE = ROOT / "pycore" / "data" / "sources.toml"
DIGESTS_FILE = ROOT / ".github" / "source-watch" / "digests.json"
ROUNDS_JSON = (
    "ircc_rounds_json",
    "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json",
)
OFFICIAL = ("O", "O*")
LABEL = "source-watch"
TITLE = "Source watch: official sources changed"
DIFF_LINES = 12  # at most this many changed lines quoted per source
LINE_CHARS = 200  # each quoted line cut to this length

Fetcher = Callable[[str], tuple[bytes, str]]  # url -> (body, content type)

BLOCK_TAGS = re.compile(
    r"</?(p|div|h[1-6]|li|ul|ol|tr|table|section|article|br|dt|dd|details|summary)\b[^>]*>", re.I
)


@dataclass(frozen=True)
class Target:
    """One address to watch, with the id it is recorded under."""

    id: str
    url: str


def targets(sources_file: Path = SOURCES_FILE) -> list[Target]:
    """Every official http(s) source of ``sources.toml`` (in file order), then the rounds JSON."""
    data = tomllib.loads(sources_file.read_text(encoding="utf-8"))
    found = [
        Target(key, entry["url"])
        for key, entry in data.items()
        if isinstance(entry, dict)
        and entry.get("reliability") in OFFICIAL
        and str(entry.get("url", "")).startswith(("http://", "https://"))
    ]
    return found + [Target(*ROUNDS_JSON)]


def normalize(body: bytes, content_type: str = "") -> str:
    """The text that matters: JSON re-serialized, or HTML's main text, one block per line."""
    text = body.decode("utf-8", errors="replace")
    if "json" in content_type or text.lstrip().startswith(("{", "[")):
        try:
            return json.dumps(json.loads(text), sort_keys=True, indent=1, ensure_ascii=False)
        except ValueError:
            pass
    main = re.search(r"<main\b[^>]*>(.*?)</main>", text, re.S | re.I)
    text = main.group(1) if main else text
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"<(script|style|noscript|template)\b.*?</\1\s*>", " ", text, flags=re.S | re.I)
    text = BLOCK_TAGS.sub("\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    lines = (re.sub(r"\s+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def digest(text: str) -> str:
    """The SHA-256 of normalized text, as recorded in the digests file."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def quoted_diff(old: str, new: str) -> list[str]:
    """Up to DIFF_LINES removed (-) and added (+) lines, each cut to LINE_CHARS."""
    changed = [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    shown = [line if len(line) <= LINE_CHARS else line[: LINE_CHARS - 1] + "…" for line in changed]
    if len(shown) > DIFF_LINES:
        shown = shown[:DIFF_LINES] + [f"… {len(changed) - DIFF_LINES} more changed line(s)"]
    return shown


@dataclass
class Report:
    """What one run found."""

    changed: list[tuple[Target, str, list[str]]] = field(default_factory=list)  # new digest, diff
    unrecorded: list[tuple[Target, str]] = field(default_factory=list)
    failed: list[tuple[Target, str]] = field(default_factory=list)
    unchanged: list[Target] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)  # every digest fetched this run

    @property
    def needs_attention(self) -> bool:
        """Whether anything changed, failed or lacks a recorded digest."""
        return bool(self.changed or self.unrecorded or self.failed)


def check(
    watched: Sequence[Target],
    fetch: Fetcher,
    recorded: dict[str, str],
    texts: Path | None = None,
) -> Report:
    """Fetch and compare every target; texts are kept in ``texts/<id>/<digest>.txt`` if given."""
    report = Report()
    for target in watched:
        try:
            body, content_type = fetch(target.url)
        except (OSError, ValueError) as error:  # URLError and HTTPError are OSErrors
            report.failed.append((target, str(error) or type(error).__name__))
            continue
        text = normalize(body, content_type)
        new = digest(text)
        report.digests[target.id] = new
        if texts is not None:
            folder = texts / target.id
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{new}.txt").write_text(text, encoding="utf-8")
        old = recorded.get(target.id)
        if old is None:
            report.unrecorded.append((target, new))
        elif old == new:
            report.unchanged.append(target)
        else:
            previous = texts / target.id / f"{old}.txt" if texts is not None else None
            lines = (
                quoted_diff(previous.read_text(encoding="utf-8"), text)
                if previous is not None and previous.exists()
                else []
            )
            report.changed.append((target, new, lines))
    return report


def issue_body(report: Report) -> str:
    """The issue's Markdown: what changed (with quoted diffs), what failed, what is unrecorded."""
    parts = [
        "The weekly source watch compared each official source with the digest recorded in "
        "`.github/source-watch/digests.json`. It never edits rules: review each change, update "
        "`pycore/data/` if a rule changed (a new dated value with its source), then record the "
        "digests with `python -m tools.source_watch --record` and commit them.",
    ]
    if report.changed:
        parts.append(f"## Changed ({len(report.changed)})")
        for target, _, lines in report.changed:
            parts.append(f"### `{target.id}`\n{target.url}")
            if lines:
                parts.append("```diff\n" + "\n".join(lines) + "\n```")
            else:
                parts.append("_The previous text is not in the cache: no diff to quote._")
    if report.failed:
        parts.append(f"## Could not fetch ({len(report.failed)})")
        parts.append("\n".join(f"- `{t.id}` {t.url}: {why}" for t, why in report.failed))
    if report.unrecorded:
        parts.append(f"## No digest recorded yet ({len(report.unrecorded)})")
        parts.append("\n".join(f"- `{t.id}` {t.url}" for t, _ in report.unrecorded))
    parts.append(f"Unchanged: {len(report.unchanged)} source(s).")
    return "\n\n".join(parts) + "\n"


class IssueClient(Protocol):
    """The two GitHub calls the watch needs."""

    def open_issues(self, label: str) -> list[dict[str, Any]]:
        """Open issues carrying ``label``."""
        ...

    def create(self, title: str, body: str, label: str) -> dict[str, Any]:
        """Open a new issue."""
        ...

    def update(self, number: int, body: str) -> dict[str, Any]:
        """Replace an issue's body."""
        ...


class GitHubIssues:
    """GitHub's REST API through urllib, authenticated with ``GITHUB_TOKEN``."""

    def __init__(self, repository: str, token: str, api: str = "https://api.github.com") -> None:
        self.base = f"{api}/repos/{repository}"
        self.token = token

    def _call(self, method: str, path: str, payload: Any = None) -> Any:
        request = urllib.request.Request(
            self.base + path,
            method=method,
            data=None if payload is None else json.dumps(payload).encode(),
            headers={
                "Accept": "application/vnd.github+json",
                "Authorization": f"Bearer {self.token}",
                "X-GitHub-Api-Version": "2022-11-28",
                "User-Agent": "cec-guide-source-watch",
            },
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (https only)
            return json.loads(response.read() or b"null")

    def open_issues(self, label: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self._call("GET", f"/issues?state=open&labels={label}")
        return found

    def create(self, title: str, body: str, label: str) -> dict[str, Any]:
        created: dict[str, Any] = self._call(
            "POST", "/issues", {"title": title, "body": body, "labels": [label]}
        )
        return created

    def update(self, number: int, body: str) -> dict[str, Any]:
        updated: dict[str, Any] = self._call("PATCH", f"/issues/{number}", {"body": body})
        return updated


def publish(report: Report, client: IssueClient) -> int | None:
    """Open or update the one source-watch issue; None when there is nothing to report."""
    if not report.needs_attention:
        return None
    body = issue_body(report)
    existing = [i for i in client.open_issues(LABEL) if "pull_request" not in i]
    if existing:
        number = int(min(existing, key=lambda i: int(i["number"]))["number"])
        client.update(number, body)
        return number
    return int(client.create(TITLE, body, LABEL)["number"])


def http_fetch(url: str) -> tuple[bytes, str]:
    """GET ``url``: its body and content type (raises OSError on failure)."""
    request = urllib.request.Request(url, headers={"User-Agent": "cec-guide-source-watch"})
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (http(s) only)
        body: bytes = response.read()
        return body, str(response.headers.get("Content-Type", ""))


def read_digests(path: Path) -> dict[str, str]:
    """The recorded digests (id -> SHA-256); empty when the file does not exist yet."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    digests: dict[str, str] = data.get("digests", {})
    return digests


def write_digests(path: Path, digests: dict[str, str]) -> None:
    """Record digests, sorted, with a note on how they were made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "note": "SHA-256 of each official source's normalized text (tools/source_watch.py)."
        " Update with: python -m tools.source_watch --record",
        "digests": dict(sorted(digests.items())),
    }
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def main(
    argv: Sequence[str] | None = None,
    fetch: Fetcher = http_fetch,
    client: IssueClient | None = None,
) -> int:
    """The command. 0 on success (whatever changed); 2 when it cannot run at all."""
    parser = argparse.ArgumentParser(prog="python -m tools.source_watch")
    parser.add_argument("--digests", type=Path, default=DIGESTS_FILE)
    parser.add_argument("--sources", type=Path, default=SOURCES_FILE)
    parser.add_argument("--texts", type=Path, help="folder keeping fetched texts for diffs")
    parser.add_argument("--issue", action="store_true", help="open or update the GitHub issue")
    parser.add_argument("--record", action="store_true", help="record the digests fetched now")
    args = parser.parse_args(argv)
    report = check(targets(args.sources), fetch, read_digests(args.digests), args.texts)
    print(issue_body(report))
    if args.record:
        write_digests(args.digests, {**read_digests(args.digests), **report.digests})
    if args.issue:
        if client is None:
            repository, token = os.environ.get("GITHUB_REPOSITORY"), os.environ.get("GITHUB_TOKEN")
            if not repository or not token:
                print(
                    "source-watch: GITHUB_REPOSITORY and GITHUB_TOKEN are needed", file=sys.stderr
                )
                return 2
            client = GitHubIssues(repository, token)
        try:
            number = publish(report, client)
        except (OSError, ValueError) as error:
            print(f"source-watch: could not open or update the issue: {error}", file=sys.stderr)
            return 2
        print(f"issue #{number} opened or updated" if number else "nothing to report")
    return 0


if __name__ == "__main__":
    sys.exit(main())
