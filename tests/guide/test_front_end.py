"""The checker's JavaScript: its Node unit tests pass, Biome finds nothing, no English in it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "docs" / "javascripts"

# String literals and comments, in the order they occur (a comment's quotes are not a string).
_TOKEN = re.compile(
    r"""("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`|//[^\n]*|/\*.*?\*/)""", re.S
)
_WORD = re.compile(r"^\(?[A-Za-z’']{2,}[.,:;!?)]*$")

# Literals that look like words but are no sentence a person reads, by file.
NOT_PROSE = {
    # A CSS selector.
    "checker/form/errors.js": {"input, select"},
    # KeyboardEvent.key values.
    "checker/form/noc-search.js": {"Enter", "Escape"},
    # A CSS selector.
    "occupation-filter.js": {"tbody tr"},
    # Programmer errors (a template without its fact, a key missing from the catalog).
    "checker/i18n/i18n.js": {
        "unknown format {: }",
        'no fact " " for the template " "',
        'no " " in the catalog',
    },
}
# Guide pages' scripts take their words from the page (overrides/main.html), none pending.
PENDING: dict[str, set[str]] = {}


def literals(text: str) -> Iterator[str]:
    """Each string literal's text, ``${...}`` in template literals blanked to a space."""
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if not token.startswith("/"):
            yield re.sub(r"\$\{[^}]*\}", " ", token[1:-1])


def is_prose(text: str) -> bool:
    """Two or more words, or one capitalised word ("Remove"): something a person reads."""
    words = [word for word in text.split() if _WORD.match(word)]
    return len(words) >= 2 or re.fullmatch(r"[A-Z][a-z]+", text.strip()) is not None


def prose_literals() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for script in sorted(SCRIPTS.rglob("*.js")):
        name = script.relative_to(SCRIPTS).as_posix()
        texts = {text for text in literals(script.read_text(encoding="utf-8")) if is_prose(text)}
        if texts:
            found[name] = texts
    return found


def test_the_scan_sees_prose_and_not_identifiers() -> None:
    """The literal scan flags sentences and labels, not class lists, keys or field names."""
    sample = 'h("p", {class: "md-button cec-x"}, "Check my eligibility", `Job ${n}`, "Remove");'
    flagged = {text for text in literals(sample) if is_prose(text)}
    assert flagged == {"Check my eligibility", "Job  ", "Remove"}
    assert not any(
        is_prose(text) for text in ["ui.check_end", "application/json,.json", "jobs[0].end"]
    )


def test_no_english_in_the_front_end() -> None:
    """Every sentence and label the page shows comes from the catalog, none from a JS literal."""
    found = prose_literals()
    unexpected = {
        name: texts - NOT_PROSE.get(name, set()) - PENDING.get(name, set())
        for name, texts in found.items()
    }
    assert {name: texts for name, texts in unexpected.items() if texts} == {}


def test_the_allow_lists_name_only_literals_that_exist() -> None:
    """An allow-listed literal that is gone is taken off the list (so the list only shrinks)."""
    found = prose_literals()
    for listed in (NOT_PROSE, PENDING):
        for name, texts in listed.items():
            assert texts <= found.get(name, set()), name


def test_node_unit_tests_pass() -> None:
    """The Node unit tests of the pure front-end modules (tests/js) pass."""
    node = shutil.which("node")
    assert node, "Node is needed for the front end's unit tests"
    done = subprocess.run(
        [node, "--test", "tests/js/"],
        cwd=ROOT,
        env={"PATH": str(Path(node).parent), "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert re.search(r"^# pass [1-9]", done.stdout, re.M), done.stdout[-2000:]


def test_biome_finds_nothing() -> None:
    """The front end is formatted and linted by the Biome pinned in package.json."""
    biome = ROOT / "node_modules" / ".bin" / "biome"
    assert biome.exists(), "run `npm ci` to install the pinned Biome"
    done = subprocess.run(
        [str(biome), "check", "--error-on-warnings", "docs/javascripts", "tests/js"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_stylesheets_close_every_block() -> None:
    """Every stylesheet closes each block it opens (an unclosed @media swallows what follows)."""
    for sheet in (ROOT / "docs" / "stylesheets").glob("*.css"):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        depth = 0
        for character in text:
            depth += {"{": 1, "}": -1}.get(character, 0)
            assert depth >= 0, f"{sheet.name}: a block closes before it opens"
        assert depth == 0, f"{sheet.name}: {depth} block(s) left open"
