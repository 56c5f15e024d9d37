"""Command line: exit codes, JSON and text output, standard input, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support.contract import crs_answers, job
from support.rules import APP, CAP

from pycore.validation import input_limits


def run(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pycore", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def profile_json(**override: Any) -> str:
    data = {
        "application_date": APP.isoformat(),
        "plans_to_live_in_quebec": False,
        "jobs": [job(APP.replace(year=APP.year - 2), None, 37.5, noc_code="21232")],
        "language_tests": [
            {
                "test": "celpip_general",
                "date": "2026-01-10",
                "reading": 9,
                "writing": 8,
                "listening": 9,
                "speaking": 8,
            }
        ],
    }
    data.update(override)
    return json.dumps(data)


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "profile.json"
    path.write_text(profile_json(), encoding="utf-8")
    return path


def test_file_gives_json_and_exit_0(profile_file: Path) -> None:
    """A valid profile file prints the assessment JSON on one line and exits 0."""
    done = run("check", str(profile_file))
    assert done.returncode == 0 and done.stderr == ""
    result = json.loads(done.stdout)
    assert result["eligible"] is True and done.stdout.count("\n") == 1


def test_not_eligible_still_exits_0() -> None:
    """An assessment that is not eligible is still a successful run."""
    done = run("check", "-", stdin=profile_json(plans_to_live_in_quebec=True))
    assert done.returncode == 0 and json.loads(done.stdout)["eligible"] is False


def test_stdin_and_text_format() -> None:
    """'-' reads standard input; --format text prints sentences per requirement and per job."""
    done = run("check", "-", "--format", "text", stdin=profile_json())
    assert done.returncode == 0
    assert done.stdout.startswith("Eligible as of November 21, 2026.")
    for heading in ("Work experience (met)", "Language (met)", "Quebec (met)", "Job 1:", "Test 1"):
        assert heading in done.stdout


def test_bad_profile_exits_2_with_field_paths() -> None:
    """A profile breaking the contract prints every error with its field path and exits 2."""
    done = run("check", "-", stdin=profile_json(application_date="tomorrow", jobs=[{"teer": 9}]))
    assert done.returncode == 2 and "Traceback" not in done.stderr + done.stdout
    fields = {e["field"] for e in json.loads(done.stdout)["errors"]}
    assert {"application_date", "jobs[0].teer", "jobs[0].start"} <= fields


def test_cli_requires_both_lists() -> None:
    """On the command line the jobs and language_tests lists must be written out."""
    text = json.dumps({"application_date": APP.isoformat(), "plans_to_live_in_quebec": False})
    done = run("check", "-", stdin=text)
    assert done.returncode == 2
    assert {e["field"] for e in json.loads(done.stdout)["errors"]} == {"jobs", "language_tests"}


@pytest.mark.parametrize("content", [b"{", b"\xff\xfe not utf-8", b""])
def test_unparseable_input_exits_2(tmp_path: Path, content: bytes) -> None:
    """Text that is not JSON, or not UTF-8, exits 2 with an error object, no traceback."""
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    done = run("check", str(path))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert json.loads(done.stdout)["errors"][0]["field"] == ""


def test_missing_file_and_bad_arguments_exit_2(tmp_path: Path) -> None:
    """A file that does not exist, or an unknown command, exits 2 with an error object."""
    for args in (("check", str(tmp_path / "none.json")), ("chek", "x"), ()):
        done = run(*args)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert json.loads(done.stdout)["errors"]


def test_console_script_entry_point_matches_module(profile_file: Path) -> None:
    """cec-check (pycore.cli:main) gives the same output as python -m pycore."""
    code = "import sys; from pycore.cli import main; sys.exit(main(sys.argv[1:]))"
    direct = subprocess.run(
        [sys.executable, "-c", code, "check", str(profile_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert direct.returncode == 0 and direct.stdout == run("check", str(profile_file)).stdout


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    """A profile file saved with a UTF-8 byte-order mark reads like one without."""
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + profile_json().encode("utf-8"))
    done = run("check", str(path))
    assert done.returncode == 0 and json.loads(done.stdout)["eligible"] is True


CRS_FIELDS = crs_answers(date_of_birth="1997-03-10")


def test_text_prints_the_crs_breakdown_and_improvements() -> None:
    """With a crs object, text output gives the CRS total, each factor and the improvements."""
    done = run("check", "-", "--format", "text", stdin=profile_json(crs=CRS_FIELDS))
    assert done.returncode == 0, done.stderr
    crs = json.loads(run("check", "-", stdin=profile_json(crs=CRS_FIELDS)).stdout)["crs"]
    assert f"CRS estimate: {crs['total']} of 1,200 points" in done.stdout
    for item in crs["factors"] + crs["improvements"] + crs["lowers"]:
        assert item["message"] in done.stdout
    assert "What would raise it:" in done.stdout


def test_text_without_crs_has_no_crs_lines() -> None:
    """Without a crs object the text report says nothing about the CRS."""
    done = run("check", "-", "--format", "text", stdin=profile_json())
    assert done.returncode == 0 and "CRS" not in done.stdout


def test_bad_crs_value_exits_2_with_its_path() -> None:
    """A bad CRS value exits 2 with its field path and no traceback."""
    done = run("check", "-", stdin=profile_json(crs={**CRS_FIELDS, "education": "phd"}))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert [e["field"] for e in json.loads(done.stdout)["errors"]] == ["crs.education"]


def assert_refused(done: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """Exit 2, no traceback, and the errors as field path -> code."""
    assert done.returncode == 2 and "Traceback" not in done.stdout + done.stderr
    return {e["field"]: e["code"] for e in json.loads(done.stdout)["errors"]}


def test_a_50_mb_file_is_refused_unread(tmp_path: Path) -> None:
    """A 50 MB file exits 2 as too large (only the bytes up to the size limit are read)."""
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB of NUL bytes on disk in no time
    assert assert_refused(run("check", str(path))) == {"": "input.too_large"}


def test_oversized_standard_input_is_refused() -> None:
    """Standard input past the size limit exits 2 as too large."""
    text = profile_json()[:-1] + ', "note": "' + "x" * input_limits().most_profile_bytes + '"}'
    assert assert_refused(run("check", "-", stdin=text)) == {"": "input.too_large"}


def test_deeply_nested_json_is_refused() -> None:
    """JSON nested 100,000 deep exits 2 as too deep, without reaching the recursion limit."""
    done = run("check", "-", stdin="[" * 100_000 + "]" * 100_000)
    assert assert_refused(done) == {"": "input.too_deep"}


@pytest.mark.parametrize("number", ["1e400", "-1e400", "9" * 5000, "1" + "0" * 100_000])
def test_huge_numbers_are_reported_on_their_field(number: str) -> None:
    """Numbers past a float (1e400) or Python's digit limit exit 2 with a field-level error."""
    text = profile_json().replace('"hours_per_week": 37.5', f'"hours_per_week": {number}', 1)
    assert number in text
    assert set(assert_refused(run("check", "-", stdin=text))) == {"jobs[0].hours_per_week"}


def test_text_report_prints_each_occupations_own_hours_when_jobs_overlap(tmp_path: Path) -> None:
    """With two overlapping jobs in different occupations, the text report lists each
    occupation's own hours (the figures that set the language level), most hours first."""
    start = APP.replace(year=APP.year - 2)
    jobs = [
        job(start, None, CAP, teer=3, noc_code="63200"),
        job(start, None, CAP, noc_code="21232"),
    ]
    path = tmp_path / "overlap.json"
    path.write_text(profile_json(jobs=jobs), encoding="utf-8")
    result = json.loads(run("check", str(path)).stdout)
    ranked = next(r for r in result["requirements"] if r["id"] == "language")["facts"][
        "occupation_hours"
    ]
    out = run("check", str(path), "--format", "text").stdout
    for item in ranked:
        assert f"NOC {item['occupation']} (TEER {item['teer']})" in out
    assert out.index(f"NOC {ranked[0]['occupation']}") < out.index(f"NOC {ranked[1]['occupation']}")


def test_text_report_leaves_out_occupation_hours_for_one_job(profile_file: Path) -> None:
    """One job: nothing overlaps, so no per-occupation lines."""
    out = run("check", str(profile_file), "--format", "text").stdout
    assert "counted on its own" not in out
