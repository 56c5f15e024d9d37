"""The narrow interface the web worker, the command line and the tests call.

JSON strings in and out, serialised one way (``dumps``) so that CPython and
Pyodide produce the same bytes for the same profile.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pycore import assessment, metadata
from pycore.common import messages
from pycore.validation import ProfileError, parse_json, parse_profile


def dumps(obj: Any) -> str:
    """The one serialisation of every result: compact, UTF-8 characters kept as they are."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def assess(profile: dict[str, Any]) -> dict[str, Any]:
    """The assessment of a decoded profile; ``ProfileError`` (with ``.errors``) on bad input."""
    return assessment.assess(parse_profile(profile))


def _day(text: str | None) -> date | None:
    """The page's today (its own clock, not an answer): ignored when it is not a date."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def check_json(text: str, strict: bool = False, lang: str = "en", today: str | None = None) -> str:
    """Profile JSON in, assessment JSON (or ``{"errors": [...]}``) out. Never raises.

    ``strict`` (used by the command line) also requires the two lists to be written out.
    ``lang`` ("en" or "fr") is the language of the sentences; codes and figures never change
    with it. An unknown language answers in English.
    """
    with messages.language(lang if lang in messages.LANGUAGES else "en"):
        try:
            return dumps(assessment.assess(parse_json(text, strict), _day(today)))
        except ProfileError as error:
            return dumps({"errors": error.errors})
        except Exception:  # a bug must still answer in the contract's shape, never a traceback
            code = "input.internal_error"
            return dumps(
                {"errors": [{"field": "", "code": code, "message": messages.render(code, {})}]}
            )


def form_metadata_json(lang: str = "en") -> str:
    """Tests, scales, thresholds, TEER descriptions and provision links for the web form
    (its ``messages``: the page's words in ``lang``)."""
    return dumps(metadata.form_metadata(language=lang))
