"""Time one eligibility check (pycore.api.check_json) in CPython and in Pyodide under Node.

The profile is a heavy but realistic one: 20 jobs (overlapping, several occupations, some
excluded, two still ongoing) and 3 language tests. Each figure is the median over REPEAT runs
of the mean time of NUMBER evaluations. With ``--worst``, each of the costliest profiles
found within the input limits (``worst_profiles.py``) is timed instead: the slowest of them
is what the checker page's watchdog must allow. Run on its own:

    .venv/bin/python bench/bench_core.py [--repeat 7] [--number 200] [--no-pyodide] [--json]
    .venv/bin/python bench/bench_core.py --worst [--repeat 5] [--number 1] [--no-pyodide]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import timeit
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # runnable as a plain script from any directory

from pycore.api import check_json  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from worst_profiles import worst_profiles  # noqa: E402

PYODIDE_RUNNER = ROOT / "bench" / "bench_core_pyodide.mjs"
APPLICATION_DATE = date(2026, 11, 21)
TEERS_AND_CODES = [(1, "21232"), (1, "21231"), (2, "72410"), (3, "63200"), (0, "00012")]


def benchmark_profile() -> dict[str, Any]:
    """20 jobs across the window and before it, and 3 tests (English and French)."""
    jobs = []
    for index in range(20):
        teer, code = TEERS_AND_CODES[index % len(TEERS_AND_CODES)]
        start = APPLICATION_DATE - timedelta(days=1300 - 60 * index)
        ongoing = index >= 18
        jobs.append(
            {
                "title": f"Job {index + 1}",
                "noc_code": code,
                "teer": teer,
                "start": start.isoformat(),
                "end": None if ongoing else (start + timedelta(days=90 + 7 * index)).isoformat(),
                "hours_per_week": [37.5, 20, 15, 12.5][index % 4],
                "paid": index != 7,
                "self_employed": index == 11,
                "full_time_student": index == 4,
                "work_authorized": True,
                "in_canada": index != 15,
            }
        )
    tests = [
        {"test": "ielts_general", "date": "2025-06-01", "reading": 6.5, "writing": 6.0,
         "listening": 7.5, "speaking": 6.5},
        {"test": "celpip_general", "date": "2024-03-10", "reading": 9, "writing": 8,
         "listening": 10, "speaking": 7},
        {"test": "tef_canada", "date": "2026-01-15", "reading": 450, "writing": 430,
         "listening": 470, "speaking": 500},
    ]  # fmt: skip
    return {
        "application_date": APPLICATION_DATE.isoformat(),
        "plans_to_live_in_quebec": False,
        "jobs": jobs,
        "language_tests": tests,
    }


def cpython_timings(text: str, repeat: int, number: int) -> list[float]:
    """Seconds per evaluation, one value per repeat (timeit, warm)."""
    check_json(text)
    runs = timeit.Timer(lambda: check_json(text)).repeat(repeat=repeat, number=number)
    return [total / number for total in runs]


def build_wheel(work: Path) -> Path:
    """A pycore wheel built by pip from a copy of the sources (the tree itself stays clean)."""
    source = work / "src"
    source.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", source)
    shutil.copytree(
        ROOT / "pycore", source / "pycore", ignore=shutil.ignore_patterns("__pycache__")
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(work), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = work.glob("pycore-*.whl")
    return wheel


def worst_texts() -> dict[str, str]:
    """Each worst profile as the JSON text the page sends, checked to give an assessment."""
    texts = {name: json.dumps(p, ensure_ascii=False) for name, p in worst_profiles().items()}
    for name, text in texts.items():
        assert "errors" not in json.loads(check_json(text)), name  # time real assessments
    return texts


def pyodide_timings(text: str, repeat: int, number: int) -> dict[str, Any]:
    """Pyodide's Python version, start-up times and seconds per evaluation, from Node."""
    with tempfile.TemporaryDirectory(prefix="cec-bench-") as folder:
        work = Path(folder)
        wheel = build_wheel(work)
        profile = work / "profile.json"
        profile.write_text(text, encoding="utf-8")
        completed = subprocess.run(
            ["node", str(PYODIDE_RUNNER), str(wheel), str(profile), str(repeat), str(number)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
    if completed.returncode != 0:
        raise SystemExit(f"Pyodide benchmark failed:\n{completed.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(completed.stdout)
    return result


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


def worst(repeat: int, number: int, pyodide: bool, as_json: bool) -> int:
    """Time each worst profile: median and slowest run, CPython then Pyodide."""
    texts = worst_texts()
    figures: dict[str, Any] = {"cpython": {}, "pyodide": {}}
    for name, text in texts.items():
        check_json(text)
        runs = timeit.Timer(lambda text=text: check_json(text)).repeat(repeat, number)
        figures["cpython"][name] = [total / number for total in runs]
    if pyodide:
        payload = json.dumps({"profiles": texts}, ensure_ascii=False)
        figures["pyodide"] = pyodide_timings(payload, repeat, number)["per_profile_seconds"]
    if as_json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"check_json on the worst profiles; median and slowest of {repeat} runs of {number}")
    header = ("profile", "CPython median", "CPython slowest", "Pyodide median", "Pyodide slowest")
    rows = [header]
    for name in texts:
        cells = [name]
        for runtime in ("cpython", "pyodide"):
            runs = figures[runtime].get(name)
            cells += (
                [milliseconds(statistics.median(runs)), milliseconds(max(runs))]
                if runs
                else ["", ""]
            )
        rows.append(tuple(cells))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in [rows[0], tuple("-" * w for w in widths), *rows[1:]]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=None, help="timed runs (median reported)")
    parser.add_argument("--number", type=int, default=None, help="evaluations per timed run")
    parser.add_argument("--no-pyodide", action="store_true", help="CPython only")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--worst", action="store_true", help="the worst profiles, each timed")
    args = parser.parse_args(argv)
    if args.worst:
        return worst(args.repeat or 5, args.number or 1, not args.no_pyodide, args.json)
    args.repeat, args.number = args.repeat or 7, args.number or 200

    text = json.dumps(benchmark_profile())
    assessment = json.loads(check_json(text))
    assert "errors" not in assessment, assessment  # the benchmark must time a real assessment

    rows: list[tuple[str, str, str, str]] = []
    figures: dict[str, Any] = {"profile": {"jobs": 20, "language_tests": 3}}
    cpython = cpython_timings(text, args.repeat, args.number)
    figures["cpython"] = {
        "python": ".".join(map(str, sys.version_info[:3])),
        "median_seconds": statistics.median(cpython),
        "min_seconds": min(cpython),
    }
    rows.append(
        (f"CPython {figures['cpython']['python']}", milliseconds(statistics.median(cpython)),
         milliseconds(min(cpython)), "")
    )  # fmt: skip
    if not args.no_pyodide:
        pyodide = pyodide_timings(text, args.repeat, args.number)
        per_evaluation = pyodide["per_evaluation_seconds"]
        figures["pyodide"] = {
            "python": pyodide["python"],
            "median_seconds": statistics.median(per_evaluation),
            "min_seconds": min(per_evaluation),
            "load_seconds": pyodide["load_seconds"],
            "import_seconds": pyodide["import_seconds"],
        }
        startup = f"load {pyodide['load_seconds']:.2f} s, import {pyodide['import_seconds']:.3f} s"
        rows.append(
            (f"Pyodide {pyodide['python']} (Node)", milliseconds(statistics.median(per_evaluation)),
             milliseconds(min(per_evaluation)), startup)
        )  # fmt: skip

    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"check_json, 20 jobs + 3 tests; median of {args.repeat} runs of {args.number} evaluations"
    )
    header = ("runtime", "median / check", "best / check", "start-up")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
