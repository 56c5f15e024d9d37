"""Size of the occupation search's titles files (one per language) against their budget.

Reads the built files (``site/javascripts/checker/noc-titles.<lang>.json``, ``make build``
first) and prints, per language, the entries they hold and their size raw, gzipped as GitHub
Pages sends text (level 6) and at gzip's best (level 9). Exits 1 when a file is over the
budget (site_scripts/tables/noc_search.py, BUDGET_GZIP_BYTES) or missing. Not a test: the
size is also held by tests/guide/test_noc_titles.py; this is the figure bench/README.md quotes.

    .venv/bin/python bench/titles_size.py [--site site]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from site_scripts.hooks.noc_titles import file_name  # noqa: E402
from site_scripts.tables.noc_search import BUDGET_GZIP_BYTES, LANGUAGES  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Print the table; 0 when every file is within the budget."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    print(
        "| language | unit groups | everyday names | StatCan examples | raw | gzip -6 | gzip -9 |"
    )
    print("|---|---|---|---|---|---|---|")
    over = False
    for language in LANGUAGES:
        path = args.site / file_name(language)
        if not path.is_file():
            print(f"{path}: missing (run make build first)", file=sys.stderr)
            return 1
        data = path.read_bytes()
        document = json.loads(data)
        six, nine = len(gzip.compress(data, 6)), len(gzip.compress(data, 9))
        over = over or six > BUDGET_GZIP_BYTES
        counts = [len(document[key]) for key in ("units", "names", "examples")]
        print(
            f"| {language} | {counts[0]} | {counts[1]} | {counts[2]} | {len(data):,} B"
            f" | {six:,} B | {nine:,} B |"
        )
    print(f"budget: {BUDGET_GZIP_BYTES:,} B gzipped per language")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
