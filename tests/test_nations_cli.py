"""``corparent duties --law NAME`` and ``corparent check --law NAME``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corparent.cli import main

DATA = Path(__file__).resolve().parents[1] / "examples" / "data" / "ssda903"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("scotland", "review_first  [regulation]  First review within 6 weeks of the placement"),
        ("wales", "(CPPCR(W) 2015 reg 57(2)(a))"),
        ("northern-ireland", "(RCC(NI) 1996 reg 3 (provisional: wording not yet checked))"),
        ("england", "(CPPCR 2010 reg 33(1))"),
    ],
)
def test_duties_for_each_nation(
    capsys: pytest.CaptureFixture[str], name: str, expected: str
) -> None:
    code, out, _ = run(capsys, "duties", "--law", name)
    assert code == 0
    assert expected in out


def test_duties_shows_prospective_law(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "duties", "--law", "scotland")
    assert "aftercare_2026" in out
    assert "    prospective: until the 19th birthday" in out


def test_unknown_nation_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "duties", "--law", "france")
    assert code == 2
    assert "england, wales, scotland or northern-ireland" in err


def test_check_under_scottish_law(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "findings.json"
    code, _, _ = run(
        capsys,
        "check",
        str(DATA),
        "--as-of",
        "2024-03-31",
        "--law",
        "scotland",
        "--format",
        "json",
        "--output",
        str(out_file),
        "--fail-on",
        "never",
    )
    assert code == 0
    findings = json.loads(out_file.read_text())["findings"]
    reviews = [f for f in findings if f.get("duty_id") == "review_first"]
    assert reviews
    assert all(f["citation"] == "LAC(S) 2009 reg 45(2)(a)" for f in reviews)


def test_check_under_ni_law_needs_the_first_review_period(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "check", str(DATA), "--as-of", "2024-03-31", "--law", "ni")
    assert code == 2
    assert "--ni-first-review-weeks" in err
    code, out, _ = run(
        capsys,
        "check",
        str(DATA),
        "--as-of",
        "2024-03-31",
        "--law",
        "ni",
        "--ni-first-review-weeks",
        "4",
        "--fail-on",
        "never",
    )
    assert code == 0
    assert "RCC(NI) 1996 reg 3 (provisional" in out


def test_schedule_one_child_under_welsh_law(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "schedule",
        str(DATA),
        "--child",
        "C0001",
        "--as-of",
        "2024-03-31",
        "--law",
        "wales",
        "--duties",
        "review_*",
    )
    assert code == 0
    assert "CPPCR(W) 2015 Part 6" in out
    assert "CPPCR 2010" not in out
