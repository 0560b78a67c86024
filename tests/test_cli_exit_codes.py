"""Every command's documented exit codes (0 clean, 1 findings, 2 usage or input, 3 missing
optional dependency), the same flags everywhere, and the safe gate of a broken load."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from corparent.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "data" / "ssda903"
HARROW = ROOT / "src" / "corparent" / "pledges" / "data" / "harrow.toml"
AS_OF = "2024-03-31"

LOOSE_STANDARD = """
[[standards]]
id = "x.reviews_yearly"
title = "A review every year"
text = "We review your case every year."
tightens = "review_subsequent"
rule = { kind = "interval_max_months", months = 12 }
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def copy_of_sample(tmp_path: Path) -> Path:
    folder = tmp_path / "903"
    shutil.copytree(SAMPLE, folder)
    return folder


@pytest.fixture
def loose_pledge(tmp_path: Path) -> Path:
    path = tmp_path / "loose-pledge.toml"
    path.write_text(HARROW.read_text(encoding="utf-8") + LOOSE_STANDARD, encoding="utf-8")
    return path


# --- 0 and 1 -------------------------------------------------------------------------------


def test_check_exits_1_on_findings_and_0_when_told_never(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "check", str(SAMPLE), "--as-of", AS_OF)[0] == 1
    assert run(capsys, "check", str(SAMPLE), "--as-of", AS_OF, "--fail-on", "never")[0] == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["schedule", str(SAMPLE), "--child", "C0001", "--as-of", AS_OF],
        ["report", str(SAMPLE), "--as-of", AS_OF, "--format", "json"],
        ["duties"],
        ["pledge", "list"],
        ["pledge", "validate", "harrow"],
        ["ambiguities", str(SAMPLE), "--as-of", AS_OF, "--child", "C0001"],
        ["worklist", str(SAMPLE), "--as-of", AS_OF],
    ],
)
def test_commands_exit_0_when_clean(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert run(capsys, *argv)[0] == 0


# --- the same flags everywhere -------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["check", str(SAMPLE), "--as-of", AS_OF, "--fail-on", "never", "--format", "csv"],
        ["schedule", str(SAMPLE), "--child", "C0001", "--as-of", AS_OF],
        ["report", str(SAMPLE), "--as-of", AS_OF, "--format", "json"],
        ["duties"],
        ["pledge", "coverage", "harrow"],
        ["ambiguities", str(SAMPLE), "--as-of", AS_OF, "--child", "C0001"],
        ["worklist", str(SAMPLE), "--as-of", AS_OF, "--duties", "review_*"],
    ],
)
@pytest.mark.parametrize("flag", ["-o", "--output"])
def test_output_flag_is_the_same_everywhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], flag: str
) -> None:
    target = tmp_path / "out.txt"
    code, out, _ = run(capsys, *argv, flag, str(target))
    assert code == 0
    assert target.read_text(encoding="utf-8").strip()
    assert out == ""


@pytest.mark.parametrize("command", ["check", "schedule", "report", "ambiguities", "worklist"])
def test_duties_is_repeatable_and_comma_separated_everywhere(command: str) -> None:
    parser = build_parser()
    extra = ["--child", "C0001"] if command == "schedule" else []
    duties = ["--duties", "review_first,review_second", "--duties", "visit_*"]
    args = parser.parse_args([command, str(SAMPLE), "--as-of", AS_OF, *extra, *duties])
    assert args.duties == ["review_first,review_second", "visit_*"]


def test_schedule_duties_filters_the_schedule(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["schedule", str(SAMPLE), "--child", "C0001", "--as-of", AS_OF]
    code, everything, _ = run(capsys, *argv)
    assert code == 0
    code, reviews, _ = run(capsys, *argv, "--duties", "review_*")
    assert code == 0
    duty_lines = [line.split()[0] for line in reviews.splitlines()[2::2]]
    assert duty_lines
    assert all(d.startswith("review_") for d in duty_lines)
    assert len(reviews.splitlines()) < len(everything.splitlines())


# --- 2: usage and input errors, and the safe gate ------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["check", str(SAMPLE), "--as-of", AS_OF, "--duties", "no_such_duty"],
        ["schedule", str(SAMPLE), "--child", "C0001", "--as-of", AS_OF, "--duties", "nope_*"],
        ["report", str(SAMPLE), "--as-of", AS_OF, "--format", "json", "--duties", "nope"],
        ["worklist", str(SAMPLE), "--as-of", AS_OF, "--duties", "nope"],
        ["check", str(SAMPLE), "--as-of", AS_OF, "--checks", "nosuch.check"],
    ],
)
def test_a_pattern_that_matches_nothing_exits_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _, err = (
        run(capsys, *argv, "--fail-on", "never") if argv[0] == "check" else run(capsys, *argv)
    )
    assert code == 2
    assert "matches no" in err or "nosuch.check" in err


@pytest.mark.parametrize("command", ["check", "schedule", "report", "ambiguities", "worklist"])
@pytest.mark.parametrize("as_of", ["2031-01-01", "1990-01-01"])
def test_as_of_outside_the_data_exits_2(
    capsys: pytest.CaptureFixture[str], command: str, as_of: str
) -> None:
    argv = [command, str(SAMPLE), "--as-of", as_of]
    argv += {
        "check": ["--fail-on", "never"],
        "schedule": ["--child", "C0001"],
        "worklist": [],
    }.get(command, ["--format", "json"])
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert "lies outside the data" in err
    assert out == ""


@pytest.mark.parametrize("command", ["check", "schedule", "report"])
def test_as_of_before_the_returns_year_exits_2(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """Inside the episodes' span but before the 2023/24 return's year: its reviews are known from
    1 April 2023 only, so nothing about them could be judged as at 2023-03-31."""
    argv = [command, str(SAMPLE), "--as-of", "2023-03-31"]
    argv += {"check": ["--fail-on", "never"], "schedule": ["--child", "C0001"]}.get(
        command, ["--format", "json"]
    )
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert "lies before the data's first collection year, 2023/24" in err
    assert out == ""
    assert run(capsys, *argv[:3], "2023-04-01", *argv[4:])[0] != 2  # the year's first day is fine


@pytest.mark.parametrize("table", ["header", "episodes"])
def test_a_missing_required_table_exits_2_even_with_fail_on_never(
    capsys: pytest.CaptureFixture[str], copy_of_sample: Path, table: str
) -> None:
    (copy_of_sample / f"{table}.csv").unlink()
    code, _, err = run(capsys, "check", str(copy_of_sample), "--as-of", AS_OF, "--fail-on", "never")
    assert code == 2
    assert f"the {table} table is missing" in err


def test_a_table_with_no_readable_row_exits_2(
    capsys: pytest.CaptureFixture[str], copy_of_sample: Path
) -> None:
    reviews = copy_of_sample / "reviews.csv"
    lines = reviews.read_text(encoding="utf-8").splitlines()
    broken = [lines[0]] + [",".join(["C0001", "x", "not a date", "PN1"]) for _ in lines[1:5]]
    reviews.write_text("\n".join(broken) + "\n", encoding="utf-8")
    for argv in (
        ["check", str(copy_of_sample), "--as-of", AS_OF, "--fail-on", "never"],
        ["report", str(copy_of_sample), "--as-of", AS_OF, "--format", "csv"],
    ):
        code, _, err = run(capsys, *argv)
        assert code == 2
        assert "none of the 4 rows of the reviews table could be read" in err


def test_bad_arguments_exit_2_for_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["check", str(SAMPLE)],
        ["schedule", str(SAMPLE), "--as-of", AS_OF],
        ["report", str(SAMPLE), "--as-of", "31/03/2024"],
        ["duties", "--nonsense"],
        ["pledge", "frobnicate"],
        ["pledge", "show", "no-such-council"],
        ["schedule", str(SAMPLE), "--child", "NO-SUCH-CHILD", "--as-of", AS_OF],
        [],
    ):
        assert run(capsys, *argv)[0] == 2, argv


# --- pledges that loosen the law -----------------------------------------------------------


@pytest.mark.parametrize("action", ["validate", "show", "coverage", "compare"])
def test_a_pledge_that_loosens_the_law_is_refused_naming_the_file(
    capsys: pytest.CaptureFixture[str], loose_pledge: Path, action: str
) -> None:
    code, out, err = run(capsys, "pledge", action, str(loose_pledge))
    assert code == 2
    assert str(loose_pledge) in err
    assert "x.reviews_yearly" in err
    assert "later than review_subsequent" in err
    assert out == ""


def test_validate_reports_each_valid_pledge(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "pledge", "validate", "harrow", str(HARROW))
    assert code == 0
    assert out.count("valid (London Borough of Harrow") == 2


# --- 3: a missing optional dependency ------------------------------------------------------


def test_report_without_jinja2_exits_3_with_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    target = tmp_path / "report.html"
    code, out, err = run(capsys, "report", str(SAMPLE), "--as-of", AS_OF, "-o", str(target))
    assert code == 3
    assert out == ""
    assert err.strip().count("\n") == 0
    assert "pip install 'corparent[report]'" in err
    assert not target.exists()
    # CSV and JSON need no extra.
    assert run(capsys, "report", str(SAMPLE), "--as-of", AS_OF, "--format", "csv")[0] == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["check", str(SAMPLE), "--as-of", AS_OF, "--fail-on", "never"],
        ["schedule", str(SAMPLE), "--child", "C0001", "--as-of", AS_OF],
        ["duties"],
        ["pledge", "list"],
    ],
)
def test_commands_without_optional_needs_run_without_the_extras(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    for module in ("jinja2", "matplotlib", "hypothesis"):
        monkeypatch.setitem(sys.modules, module, None)
    assert run(capsys, *argv)[0] == 0


def test_an_import_of_a_missing_extra_deep_inside_exits_3(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import corparent.cli._duties as duties

    def needs_jinja(args: object) -> int:
        import jinja2  # noqa: F401

        return 0

    monkeypatch.setitem(sys.modules, "jinja2", None)
    monkeypatch.setattr(duties, "run", needs_jinja)
    code, _, err = run(capsys, "duties")
    assert code == 3
    assert "pip install 'corparent[report]'" in err


def test_the_cli_reference_page_renders_every_commands_help() -> None:
    import argparse

    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(sub.choices) == {
        "check",
        "schedule",
        "report",
        "pledge",
        "duties",
        "ambiguities",
        "worklist",
    }
    for command in sub.choices:
        assert f"```{{cli-help}} {command}\n```" in page, command
    assert "```{cli-version}\n```" in page


@pytest.mark.parametrize("command", ["check", "report"])
def test_check_and_report_refuse_a_loosening_pledge_naming_the_file(
    capsys: pytest.CaptureFixture[str], loose_pledge: Path, command: str
) -> None:
    argv = [command, str(SAMPLE), "--as-of", AS_OF, "--pledge", str(loose_pledge)]
    argv += ["--fail-on", "never"] if command == "check" else ["--format", "json"]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert str(loose_pledge) in err
    assert "x.reviews_yearly" in err
    assert out == ""


def test_duties_name_the_record_field_that_discharges_each(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "duties")
    assert code == 0
    lines = out.splitlines()
    first = lines.index(next(line for line in lines if line.startswith("review_first ")))
    assert lines[first + 1].strip().startswith("discharged by: reviews (")
