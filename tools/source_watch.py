"""Source watch: fetch every official source and the rounds JSON, report what changed.

Run weekly by ``.github/workflows/source-watch.yml`` (and by hand). For each source in
``pycore/data/sources.toml`` whose reliability is official (``O``, or ``O*``: official content
read through a copy) and whose address is https, and for the pages always watched (IRCC's
rounds JSON, its category-based selection page and the CRS criteria page: ``ALWAYS``), it
fetches the page, normalizes it to text (the page's ``<main>`` when it has one, without
scripts, styles, comments or markup, whitespace collapsed, read by the standard library's HTML
parser; JSON re-serialized with sorted keys) and compares the text's SHA-256 with the digest
recorded in ``.github/source-watch/digests.json``.

No page can stall it or reach past it: only https is fetched (plain-http sources are listed as
not watched), a redirect to another host or away from https is refused, a body larger than
``MOST_BYTES`` or slower than ``FETCH_SECONDS`` is given up, HTML parsing stops after
``PARSE_SECONDS``, and the whole run after ``RUN_SECONDS``. Everything a server sent (changed
lines, error messages) is quoted in the issue as code spans, so it cannot add Markdown,
mentions or links to it.

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
import http.client
import json
import os
import re
import ssl
import sys
import time
import tomllib
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any, Protocol
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SOURCES_FILE = ROOT / "pycore" / "data" / "sources.toml"
DIGESTS_FILE = ROOT / ".github" / "source-watch" / "digests.json"
IRCC = "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada"
ROUNDS_JSON = (
    "ircc_rounds_json",
    "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json",
)
# Watched whatever sources.toml says (issue 19): the rounds, the page that lists the categories
# in force, and the CRS grid. A source of sources.toml at the same address keeps its own id.
ALWAYS = (
    ROUNDS_JSON,
    (
        "ircc_category_based_selection",
        f"{IRCC}/express-entry/rounds-invitations/category-based-selection.html",
    ),
    ("canada_crs_criteria", f"{IRCC}/express-entry/check-score/crs-criteria.html"),
)
OFFICIAL = ("O", "O*")
LABEL = "source-watch"
TITLE = "Source watch: official sources changed"
DIFF_LINES = 12  # at most this many changed lines quoted per source
LINE_CHARS = 200  # each quoted line cut to this length
# Limits: canada.ca pages are a few hundred KB and the rounds JSON about 1 MB; pure-Python HTML
# parsing runs near 1 MB a second, and some malformed markup makes it much slower.
MOST_BYTES = 4_000_000
FETCH_SECONDS = 30.0  # one page, however slowly the server sends it
READ_SECONDS = 10.0  # one wait on the socket
PARSE_SECONDS = 10.0
RUN_SECONDS = 900.0  # the whole run: the workflow stops at 20 minutes
FEED_CHARS = 16_384  # the parser is fed this much at a time, the clock checked in between
MOST_ISSUE_CHARS = 60_000  # GitHub refuses an issue body over 65,536 characters

Fetcher = Callable[[str], tuple[bytes, str]]  # url -> (body, content type)

BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol tr table section article br dt dd details summary".split()
)
SKIPPED = frozenset({"script", "style", "noscript", "template"})


@dataclass(frozen=True)
class Target:
    """One address to watch, with the id it is recorded under."""

    id: str
    url: str


def _official(sources_file: Path) -> list[tuple[str, str]]:
    """(id, address) of every official source of ``sources.toml`` with a web address."""
    data = tomllib.loads(sources_file.read_text(encoding="utf-8"))
    return [
        (key, str(entry["url"]))
        for key, entry in data.items()
        if isinstance(entry, dict)
        and entry.get("reliability") in OFFICIAL
        and str(entry.get("url", "")).startswith(("http://", "https://"))
    ]


def targets(sources_file: Path = SOURCES_FILE) -> list[Target]:
    """Every official https source of ``sources.toml`` (in file order), then the pages always
    watched that it does not list."""
    found = [Target(key, url) for key, url in _official(sources_file) if url.startswith("https://")]
    urls = {target.url for target in found}
    return found + [Target(*pair) for pair in ALWAYS if pair[1] not in urls]


def unwatched(sources_file: Path = SOURCES_FILE) -> list[Target]:
    """Official sources whose address is plain http: never fetched, listed in the issue."""
    return [Target(key, url) for key, url in _official(sources_file) if url.startswith("http://")]


class TextOfPage(HTMLParser):
    """A page's text, one block per line: that of its first ``<main>`` when it has one, never
    that of scripts, styles or comments; character references decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.everything: list[str] = []
        self.main: list[str] = []
        self.main_depth = 0
        self.main_done = False
        self.skipping = 0

    def _add(self, text: str) -> None:
        self.everything.append(text)
        if self.main_depth and not self.main_done:
            self.main.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif tag == "main" and not self.main_done:
            self.main_depth += 1
        elif tag in BLOCKS:
            self._add("\n")
        else:
            self._add(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "main" and self.main_depth:
            self.main_depth -= 1
            self.main_done = self.main_depth == 0
        elif tag in BLOCKS:
            self._add("\n")
        else:
            self._add(" ")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self._add(data)

    def text(self) -> str:
        """The text, whitespace collapsed within lines, empty lines dropped."""
        chosen = self.main if self.main else self.everything
        lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(chosen).splitlines())
        return "\n".join(line for line in lines if line)


def html_text(text: str, seconds: float | None = None) -> str:
    """The text of an HTML page (``TextOfPage``), fed to the parser a piece at a time so that
    markup that parses slowly is given up after ``seconds`` (ValueError). The parser is never
    closed: an unfinished tag at the very end is dropped rather than parsed at close, where
    Python's parser is slowest on malformed input."""
    limit = PARSE_SECONDS if seconds is None else seconds
    deadline = time.monotonic() + limit
    parser = TextOfPage()
    for start in range(0, len(text), FEED_CHARS):
        if time.monotonic() > deadline:
            raise ValueError(f"the page's HTML took more than {limit:g} s to read")
        parser.feed(text[start : start + FEED_CHARS])
    return parser.text()


def normalize(body: bytes, content_type: str = "") -> str:
    """The text that matters: JSON re-serialized, or HTML's main text, one block per line.
    ValueError for a body over ``MOST_BYTES`` or HTML too slow to read."""
    if len(body) > MOST_BYTES:
        raise ValueError(f"the body is larger than {MOST_BYTES} bytes")
    text = body.decode("utf-8", errors="replace")
    if "json" in content_type or text.lstrip().startswith(("{", "[")):
        try:
            return json.dumps(json.loads(text), sort_keys=True, indent=1, ensure_ascii=False)
        except (ValueError, RecursionError):
            pass
    return html_text(text)


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
    not_watched: list[Target] = field(default_factory=list)  # plain-http official sources

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
    """Fetch and compare every target; texts are kept in ``texts/<id>/<digest>.txt`` if given.
    Targets left when ``RUN_SECONDS`` have passed are reported as failed, not fetched."""
    report = Report()
    deadline = time.monotonic() + RUN_SECONDS
    for target in watched:
        if time.monotonic() > deadline:
            report.failed.append((target, f"not fetched: the run took over {RUN_SECONDS:g} s"))
            continue
        try:
            body, content_type = fetch(target.url)
            text = normalize(body, content_type)
        except (OSError, ValueError) as error:  # URLError, HTTPError and timeouts are OSErrors
            report.failed.append((target, str(error) or type(error).__name__))
            continue
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


def code_span(text: str) -> str:
    """Server text as one Markdown code span: shown as written, never read as Markdown, a
    mention or a link. Its fence is one backtick longer than any run of backticks inside, with
    a space each side (so a leading or trailing backtick stays text); control and invisible
    format characters (line breaks, bidirectional overrides) become U+FFFD."""
    clean = "".join(
        "\ufffd" if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char
        for char in text
    )
    longest = max((len(run) for run in re.findall(r"`+", clean)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {clean} {fence}"


def issue_body(report: Report) -> str:
    """The issue's Markdown: what changed (with quoted diffs), what failed, what is unrecorded;
    everything the servers sent in code spans; cut to fit GitHub's limit."""
    body = _issue_body(report)
    if len(body) <= MOST_ISSUE_CHARS:
        return body
    return body[: MOST_ISSUE_CHARS - 200].rsplit("\n", 1)[0] + (
        "\n\n_The report was cut here to fit in an issue; run the watch by hand for all of it._\n"
    )


def _issue_body(report: Report) -> str:
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
                parts.append("\n".join(f"- {code_span(line)}" for line in lines))
            else:
                parts.append("_The previous text is not in the cache: no diff to quote._")
    if report.failed:
        parts.append(f"## Could not fetch ({len(report.failed)})")
        parts.append("\n".join(f"- `{t.id}` {t.url}: {code_span(why)}" for t, why in report.failed))
    if report.unrecorded:
        parts.append(f"## No digest recorded yet ({len(report.unrecorded)})")
        parts.append("\n".join(f"- `{t.id}` {t.url}" for t, _ in report.unrecorded))
    if report.not_watched:
        parts.append(f"## Not watched: no https address ({len(report.not_watched)})")
        parts.append("\n".join(f"- `{t.id}` {t.url}" for t in report.not_watched))
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


class SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to https on the same host: a page cannot send the watch to
    another server (an internal address, a slow one, one that answers for it)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        old, new = urlsplit(req.full_url), urlsplit(newurl)
        if new.scheme != "https" or new.hostname != old.hostname:
            raise urllib.error.HTTPError(
                req.full_url, code, f"redirect to another host refused: {newurl}", headers, fp
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def read_capped(response: Any, most: int, deadline: float) -> bytes:
    """A response's body, refused (ValueError, TimeoutError) past ``most`` bytes or the
    ``deadline`` (``time.monotonic()``); read a piece at a time so a trickle cannot hold it."""
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page took more than {FETCH_SECONDS:g} s to arrive")
        chunk = response.read1(65_536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > most:
            raise ValueError(f"the page is larger than {most} bytes")
        chunks.append(chunk)


def http_fetch(url: str, context: ssl.SSLContext | None = None) -> tuple[bytes, str]:
    """GET an https ``url``: its body and content type (OSError or ValueError on failure,
    refusal included). ``context`` is the TLS setup (tests trust their own certificate)."""
    if not url.startswith("https://"):
        raise ValueError(f"only https:// addresses are fetched, not {url}")
    opener = urllib.request.build_opener(
        SameHostRedirects, urllib.request.HTTPSHandler(context=context)
    )
    request = urllib.request.Request(url, headers={"User-Agent": "cec-guide-source-watch"})
    deadline = time.monotonic() + FETCH_SECONDS
    with opener.open(request, timeout=READ_SECONDS) as response:
        if not response.geturl().startswith("https://"):
            raise ValueError("left https")
        body = read_capped(response, MOST_BYTES, deadline)
        return body, str(response.headers.get("Content-Type", ""))


def read_digests(path: Path) -> dict[str, str]:
    """The recorded digests (id -> SHA-256); empty when the file does not exist yet."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    digests = data.get("digests", {}) if isinstance(data, dict) else None
    if not isinstance(digests, dict) or not all(isinstance(v, str) for v in digests.values()):
        raise ValueError(f'{path.name}: expected {{"digests": {{id: sha256}}}}')
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
    try:  # argparse ends a usage error (or --help) with SystemExit: return its status instead
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2
    try:
        watched, recorded = targets(args.sources), read_digests(args.digests)
        not_watched = unwatched(args.sources)
    except (OSError, ValueError, KeyError, AttributeError) as error:
        print(f"source-watch: cannot read the sources or digests: {error!r}", file=sys.stderr)
        return 2
    report = check(watched, fetch, recorded, args.texts)
    report.not_watched = not_watched
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
    raise SystemExit(main())
