"""Command line: ``cec-check check PROFILE.json`` (or ``-`` for standard input).

Prints the assessment as JSON (``--format json``, the default) or as sentences
for a person (``--format text``) and exits 0 whatever the outcome. Input that
breaks the contract, or a file that cannot be read, prints ``{"errors": [...]}``
and exits 2; there is never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from pycore import api
from pycore.common import messages
from pycore.crs.text import crs_lines
from pycore.programs_text import program_lines
from pycore.validation import input_limits

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in the contract's error shape (exit 2)."""

    def error(self, message: str) -> Any:  # argparse calls this instead of raising
        _print_errors([{"field": "", "code": "input.unreadable", "message": message}])
        raise SystemExit(EXIT_BAD_INPUT)


def _print_errors(errors: list[dict[str, str]]) -> None:
    _emit(api.dumps({"errors": errors}) + "\n")


def _emit(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (e.g. `| head`): not an error here
        # Point stdout at /dev/null so the interpreter's exit-time flush stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


class _TooLarge(Exception):
    """The input has more bytes than the size limit; the rest was not read."""


def _read(path: str) -> str:
    # Never more than one byte past the size limit: a larger input is refused unread.
    most = input_limits().most_profile_bytes
    if path == "-":
        data = sys.stdin.buffer.read(most + 1)
    else:
        with open(path, "rb") as handle:
            data = handle.read(most + 1)
    if len(data) > most:
        raise _TooLarge
    # utf-8-sig: files saved by some Windows editors start with a byte-order mark.
    return data.decode("utf-8-sig")


# Catalog keys written out in full, so a test can tell that every key is used somewhere.
_VERDICT = {True: "cli.verdict_true", False: "cli.verdict_false", None: "cli.verdict_null"}
_STATUS = {True: "cli.status_true", False: "cli.status_false", None: "cli.status_null"}
_TITLE = {
    "work_experience": "cli.requirement_work_experience",
    "language": "cli.requirement_language",
    "quebec": "cli.requirement_quebec",
}


_ABILITY = {
    "reading": "cli.ability_reading",
    "writing": "cli.ability_writing",
    "listening": "cli.ability_listening",
    "speaking": "cli.ability_speaking",
}


def _iso_day(text: str) -> date:
    """``--today``'s value: an ISO date, or a usage error in the report's language."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            messages.render("cli.today_invalid", {"value": text})
        ) from None


def _language(argv: Sequence[str] | None) -> str:
    """The ``--lang`` asked for (read before the parser is built: its help is in that language)."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang", default="en")
    known, _ = early.parse_known_args(argv)
    return known.lang if known.lang in messages.LANGUAGES else "en"


def text_report(result: dict[str, Any]) -> str:
    """The assessment as paragraphs: the verdict, one per requirement, then one line per item."""
    say = messages.render
    verdict = say(_VERDICT[result["eligible"]], {})
    lines = [say("cli.verdict", {"verdict": verdict, "as_of": result["as_of"]}), ""]
    for requirement in result["requirements"]:
        facts = {
            "title": say(_TITLE[requirement["id"]], {}),
            "status": say(_STATUS[requirement["met"]], {}),
            "message": requirement["message"],
        }
        lines += [say("cli.requirement", facts), ""]
    lines += _occupation_lines(result)
    projected = result.get("projected_work_experience_date")
    if projected:
        lines += [say("cli.projected", {"date": projected}), ""]
    for index, job in enumerate(result["jobs"]):
        if job["message"]:
            lines.append(say("cli.job", {"number": index + 1, "message": job["message"]}))
    for index, test in enumerate(result["language_tests"]):
        if test["message"]:
            levels = test["clb"]
            shown = ""
            if levels:
                each = [
                    say(
                        "cli.level",
                        {
                            "ability": say(_ABILITY.get(ability, ability), {}),
                            "level_name": test["level_name"],
                            "level": level,
                        },
                    )
                    for ability, level in levels.items()
                ]
                shown = say("cli.levels", {"levels": each})
            facts = {"number": index + 1, "test_name": test["name"], "message": test["message"]}
            lines.append(say("cli.test", {**facts, "levels": shown}))
    lines += program_lines(result.get("programs"))
    lines += crs_lines(result.get("crs"))
    notices = [say("cli.notice", {"message": n["message"]}) for n in result.get("notices") or []]
    lines += ["", *notices] if notices else []
    return "\n".join(lines).rstrip() + "\n"


def _occupation_lines(result: dict[str, Any]) -> list[str]:
    """When jobs overlap (hours shared under the weekly cap), each occupation's own hours,
    counted as if the other jobs did not exist (IRPR 87.1(2)(e)): the figures that chose the
    language level, which the per-job shared hours do not show."""
    say = messages.render
    shared = any(job.get("shared_with") for job in result["jobs"])
    language = next((r for r in result["requirements"] if r["id"] == "language"), None)
    ranked = (language or {}).get("facts", {}).get("occupation_hours") or []
    if not shared or len(ranked) < 2:
        return []
    lines = [say("cli.occupations", {})]
    for item in ranked:
        code = item["occupation"]
        key = "cli.occupation_code" if str(code).isdigit() else "cli.occupation_teer"
        lines.append(say(key, {"code": code, "teer": item["teer"], "hours": item["hours"]}))
    return [*lines, ""]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status. ``--lang fr`` writes French sentences
    (codes and figures stay the same)."""
    with messages.language(_language(argv)):
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    say = messages.render
    parser = _Parser(prog="cec-check", description=say("cli.description", {}))
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = commands.add_parser("check", help=say("cli.check_help", {}))
    check.add_argument("profile", help=say("cli.profile_help", {}))
    check.add_argument("--format", choices=("json", "text"), default="json")
    check.add_argument("--lang", choices=messages.LANGUAGES, default="en")
    # The day the check runs (the one place pycore reads the clock): values not checked
    # against their sources within their review horizon on this day get a notice.
    check.add_argument(
        "--today", type=_iso_day, default=date.today(), help=say("cli.today_help", {})
    )
    args = parser.parse_args(argv)
    try:
        text = _read(args.profile)
    except _TooLarge:
        code, most = "input.too_large", input_limits().most_profile_bytes
        message = messages.render(code, {"most": most})
        _print_errors([{"field": "", "code": code, "message": message}])
        return EXIT_BAD_INPUT
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        message = messages.render("input.unreadable", {"reason": reason})
        _print_errors([{"field": "", "code": "input.unreadable", "message": message}])
        return EXIT_BAD_INPUT
    output = api.check_json(text, strict=True, lang=args.lang, today=args.today.isoformat())
    result = json.loads(output)
    if "errors" in result:
        _emit(output + "\n")
        return EXIT_BAD_INPUT
    _emit(text_report(result) if args.format == "text" else output + "\n")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
