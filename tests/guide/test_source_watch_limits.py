"""The source watch against hostile servers and pages: https only, no redirect to another host,
capped size and time, a real HTML parser, and server text quoted as code in the issue. A local
HTTPS server with a certificate made for the test stands in for the web: no network."""

from __future__ import annotations

import functools
import re
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tools import source_watch
from tools.source_watch import Target

PAGE = b"<html><body><nav>menu</nav><main><h1>Rounds</h1><p>Cut-off 520</p></main></body></html>"


class Handler(BaseHTTPRequestHandler):
    """Routes of the stand-in server (its port is in ``server.server_port``)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        port = self.server.server_port
        if self.path == "/page":
            self.send(200, PAGE, Content_Type="text/html", Content_Length=str(len(PAGE)))
        elif self.path == "/same-host":
            self.send(302, Location="/page", Content_Length="0")
        elif self.path == "/other-host":
            self.send(302, Location=f"https://localhost:{port}/page", Content_Length="0")
        elif self.path == "/to-http":
            self.send(302, Location=f"http://127.0.0.1:{port}/page", Content_Length="0")
        elif self.path == "/huge":
            self.send_response(200)
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"<p>" + b"x" * 10_000 + b"</p>")
        elif self.path == "/trickle":
            self.send_response(200)
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
        elif self.path == "/silent":
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.flush()
            time.sleep(3)
        else:
            self.send(404, b"no such page")


class QuietServer(ThreadingHTTPServer):
    """The stand-in server; a client hanging up on purpose (the tests' point) is not news."""

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, made by openssl for this test."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture(scope="module")
def server(tls: tuple[Path, Path]) -> Iterator[str]:
    """The stand-in HTTPS server's base address (https://127.0.0.1:PORT)."""
    cert, key = tls
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture
def fetch(tls: tuple[Path, Path]) -> source_watch.Fetcher:
    """The watch's own fetcher, trusting the test certificate."""
    context = ssl.create_default_context(cafile=str(tls[0]))
    return functools.partial(source_watch.http_fetch, context=context)


def test_a_page_is_fetched_and_a_same_host_redirect_followed(
    server: str, fetch: source_watch.Fetcher
) -> None:
    """The stand-in works: a page, and a redirect on the same host to https, are read."""
    assert fetch(f"{server}/page")[0] == PAGE
    assert fetch(f"{server}/same-host")[0] == PAGE


@pytest.mark.parametrize("path", ["/other-host", "/to-http"])
def test_a_redirect_to_another_host_or_to_http_is_refused(
    server: str, fetch: source_watch.Fetcher, path: str
) -> None:
    """A page cannot send the watch elsewhere: the redirect is refused and reported."""
    report = source_watch.check([Target("page", server + path)], fetch, {})
    ((_, why),) = report.failed
    assert "redirect to another host refused" in why


def test_only_https_is_fetched() -> None:
    """A plain-http address is refused before any connection is made."""
    with pytest.raises(ValueError, match="only https"):
        source_watch.http_fetch("http://127.0.0.1:9/page")


def test_a_body_over_the_cap_is_given_up(
    server: str, fetch: source_watch.Fetcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page that never ends (no length given) stops being read at the size cap."""
    monkeypatch.setattr(source_watch, "MOST_BYTES", 50_000)
    with pytest.raises(ValueError, match="larger than 50000 bytes"):
        fetch(f"{server}/huge")


@pytest.mark.timeout(20)
@pytest.mark.parametrize(("path", "kind"), [("/trickle", TimeoutError), ("/silent", OSError)])
def test_a_slow_server_cannot_stall_the_watch(
    server: str,
    fetch: source_watch.Fetcher,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    kind: type[Exception],
) -> None:
    """A server sending a byte at a time, or nothing at all, is given up on time."""
    monkeypatch.setattr(source_watch, "FETCH_SECONDS", 1.0)
    monkeypatch.setattr(source_watch, "READ_SECONDS", 0.5)
    started = time.monotonic()
    with pytest.raises(kind):
        fetch(server + path)
    assert time.monotonic() - started < 4


def test_the_run_stops_fetching_when_its_time_is_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the run's budget the remaining targets are reported as not fetched."""
    monkeypatch.setattr(source_watch, "RUN_SECONDS", 0.0)
    report = source_watch.check([Target("a", "https://x.org/")], lambda url: (b"", ""), {})
    assert [why for _, why in report.failed] == ["not fetched: the run took over 0 s"]


# --- the HTML parser --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<!-- <main>old</main> --><main><p>new</p></main>", "new"),
        ('<main data-note="a>b"><p>text</p></main>', "text"),
        ("<main><script>var s = '</main><p>fake</p>';</script><p>kept</p></main>", "kept"),
        ("<main><p>A &amp; B &#8212; C&nbsp;D</p></main>", "A & B \u2014 C D"),
        ("<p>no main</p><style>p { x: '<main>' }</style><p>here</p>", "no main\nhere"),
    ],
)
def test_pages_are_read_by_an_html_parser(markup: str, text: str) -> None:
    """Comments, quoted attributes, scripts and styles are read as HTML, not by pattern."""
    assert source_watch.normalize(markup.encode(), "text/html") == text


@pytest.mark.timeout(60)
@pytest.mark.parametrize("unit", ["<a", "<a b='", '<a b="', "<", "<script>a<", "<!--", "< "])
def test_markup_that_parses_slowly_cannot_stall_the_watch(
    unit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Malformed markup up to the size cap is read, or given up, within the parse budget."""
    monkeypatch.setattr(source_watch, "PARSE_SECONDS", 0.5)
    body = (unit * (source_watch.MOST_BYTES // len(unit))).encode()
    started = time.monotonic()
    try:
        source_watch.normalize(body, "text/html")
    except ValueError as error:
        assert "took more than 0.5 s" in str(error)
    assert time.monotonic() - started < 6


def test_a_body_over_the_cap_is_not_parsed() -> None:
    """A body handed over larger than the cap is refused before parsing."""
    with pytest.raises(ValueError, match="larger than"):
        source_watch.normalize(b"x" * (source_watch.MOST_BYTES + 1), "text/html")


# --- what the issue quotes ----------------------------------------------------------------------

HOSTILE_SERVER_TEXT = [
    "plain words",
    "`code` and ``double``",
    "```\n# Injected heading\n```",
    "@maintainer please merge #1",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1)) ![x](https://tracker.example/p.png)",
    "ends with a backtick`",
    "right-to-left \u202eevil\u202c and a\nline\rbreak",
]


def code_spans(line: str) -> list[str]:
    """The contents of the CommonMark code spans in one line (backtick strings of equal length,
    neither preceded nor followed by a backtick; one space stripped each side when both)."""
    found: list[str] = []
    position = 0
    while True:
        opening = re.compile(r"(?<!`)(`+)(?!`)").search(line, position)
        if opening is None:
            return found
        fence = opening.group(1)
        closing = re.compile(rf"(?<!`){fence}(?!`)").search(line, opening.end())
        if closing is None:
            return found
        content = line[opening.end() : closing.start()]
        if content.startswith(" ") and content.endswith(" ") and content.strip():
            content = content[1:-1]
        found.append(content)
        position = closing.end()


@pytest.mark.parametrize("text", HOSTILE_SERVER_TEXT)
def test_server_text_is_quoted_as_one_code_span(text: str) -> None:
    """Changed lines and error messages are each one code span holding the text as sent
    (control and invisible characters shown as U+FFFD), so they add no Markdown, mention,
    link or image to the issue."""
    page = Target("page", "https://www.canada.ca/en/page.html")
    report = source_watch.Report(changed=[(page, "0" * 64, [text])], failed=[(page, text)])
    body = source_watch.issue_body(report)
    quoted = [
        line for line in body.splitlines() if line.startswith("- ") and "canada.ca" not in line
    ]
    failed = [line.split(": ", 1)[1] for line in body.splitlines() if page.url + ": " in line]
    expected = re.sub(r"[\n\r\u202e\u202c]", "\ufffd", text)
    for line in [quoted[0][2:], failed[0]]:
        assert code_spans(line) == [expected]
        assert line.startswith("`") and line.endswith("`")


def test_the_issue_fits_github_s_limit() -> None:
    """However many long changes, the issue body stays under GitHub's 65,536 characters."""
    lines = ["+" + "x" * 199] * source_watch.DIFF_LINES
    report = source_watch.Report(
        changed=[
            (Target(f"s{i}", f"https://www.canada.ca/{i}"), "0" * 64, lines) for i in range(60)
        ]
    )
    body = source_watch.issue_body(report)
    assert len(body) <= source_watch.MOST_ISSUE_CHARS and "cut here" in body


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("sources.toml", "not = [toml"),
        ("digests.json", "{not json"),
        ("digests.json", "[1]"),
        ("digests.json", '{"digests": [1]}'),
    ],
)
def test_a_damaged_sources_or_digests_file_is_a_status_not_a_traceback(
    tmp_path: Path, name: str, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``main(argv)`` returns 2 with one line when its own files are damaged, and returns
    argparse's status for a usage error instead of exiting."""
    files = {"sources.toml": tmp_path / "sources.toml", "digests.json": tmp_path / "d.json"}
    files["sources.toml"].write_text("", encoding="utf-8")
    files[name].write_text(text, encoding="utf-8")
    args = ["--sources", str(files["sources.toml"]), "--digests", str(files["digests.json"])]
    assert source_watch.main(args, fetch=lambda url: (b"", "")) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1
    assert source_watch.main(["--no-such-option"]) == 2
