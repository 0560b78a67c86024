"""The corparent command end to end on the bundled sample: exit codes, formats, --fail-on."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from corparent.checks import Severity
from corparent.cli import main
from corparent.io.findings import CSV_COLUMNS, read_json

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "data" / "ssda903"
AS_OF = "2024-03-31"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def sample_json() -> dict[str, object]:
    out = io.StringIO()
    sys_stdout, sys.stdout = sys.stdout, out
    try:
        code = main(
            ["check", str(SAMPLE), "--as-of", AS_OF, "--format", "json", "--fail-on", "never"]
        )
    finally:
        sys.stdout = sys_stdout
    assert code == 0
    doc: dict[str, object] = json.loads(out.getvalue())
    return doc


def dates_of_birth() -> dict[str, set[str]]:
    """Each child's date of birth in the forms it could be printed in."""
    header = SAMPLE / "header.csv"
    births: dict[str, set[str]] = {}
    with header.open(encoding="utf-8-sig", newline="") as stream:
        for row in csv.DictReader(stream):
            row = {k.upper(): v for k, v in row.items()}
            try:
                dob = dt.datetime.strptime(row["DOB"].strip(), "%d/%m/%Y").date()
            except ValueError:
                continue
            births[row["CHILD"].strip()] = {dob.isoformat(), dob.strftime("%d/%m/%Y")}
    return births


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert re.match(r"corparent \S+ \(holidays", out)


def test_help_reads_well(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for text in ("check", "schedule", "duties", "exit codes", "examples:"):
        assert text in out
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0
    for option in (
        "--as-of",
        "--format",
        "--output",
        "--checks",
        "--exclude",
        "--fail-on",
        "--strict",
        "--workers",
    ):
        assert option in out


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["check"],
        ["check", str(SAMPLE)],  # --as-of is required
        ["check", str(SAMPLE), "--as-of", "31/03/2024"],
        ["check", str(SAMPLE), "--as-of", AS_OF, "--format", "xml"],
        ["check", str(SAMPLE), "--as-of", AS_OF, "--workers", "0"],
        ["check", str(SAMPLE), "--as-of", AS_OF, "--fail-on", "fatal"],
        ["check", str(SAMPLE), "--as-of", AS_OF, "--checks", "nosuch.check"],
        ["check", "/nonexistent/folder", "--as-of", AS_OF],
        ["schedule", str(SAMPLE), "--as-of", AS_OF, "--child", "NO-SUCH-CHILD"],
        ["frobnicate"],
    ],
)
def test_usage_and_input_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err


def test_table_output(capsys: pytest.CaptureFixture[str], sample_json: dict[str, object]) -> None:
    code, out, _ = run(capsys, "check", str(SAMPLE), "--as-of", AS_OF, "--fail-on", "never")
    assert code == 0
    assert "Loaded" in out
    assert "Findings:" in out
    assert "Summary:" in out
    findings = sample_json["findings"]
    assert isinstance(findings, list)
    assert f"{len(findings)} findings" in out


def test_json_output_round_trips(sample_json: dict[str, object]) -> None:
    findings = read_json(io.StringIO(json.dumps(sample_json)))
    assert findings, "the sample has findings"
    counts = sample_json["counts"]
    assert isinstance(counts, dict)
    assert sum(counts["by_severity"].values()) == len(findings)
    load = sample_json["load"]
    assert isinstance(load, dict)
    assert load["children"] == sample_json["children_checked"]
    assert {f.check_id.split(".")[0] for f in findings} <= {"builtin", "anytown"}


def test_csv_output_to_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_json: dict[str, object]
) -> None:
    target = tmp_path / "findings.csv"
    code, out, err = run(
        capsys,
        "check",
        str(SAMPLE),
        "--as-of",
        AS_OF,
        "--format",
        "csv",
        "--output",
        str(target),
        "--fail-on",
        "never",
    )
    assert code == 0
    assert out == ""  # the findings went to the file; the summary to stderr
    assert "Loaded" in err
    with target.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0]) == CSV_COLUMNS
    findings = sample_json["findings"]
    assert isinstance(findings, list)
    assert len(rows) - 1 == len(findings)


def test_fail_on_follows_the_worst_finding(
    capsys: pytest.CaptureFixture[str], sample_json: dict[str, object]
) -> None:
    findings = read_json(io.StringIO(json.dumps(sample_json)))
    worst = max(f.severity for f in findings)
    for level in Severity:
        code, _, _ = run(
            capsys,
            "check",
            str(SAMPLE),
            "--as-of",
            AS_OF,
            "--format",
            "csv",
            "--fail-on",
            level.value,
        )
        assert code == (1 if worst >= level else 0), level
    code, _, _ = run(
        capsys, "check", str(SAMPLE), "--as-of", AS_OF, "--format", "csv", "--fail-on", "never"
    )
    assert code == 0


def test_checks_and_exclude_select(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "check",
        str(SAMPLE),
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--checks",
        "builtin.completeness",
        "--exclude",
        "builtin.completeness.upn",
        "--fail-on",
        "never",
    )
    assert code == 0
    doc = json.loads(out)
    ids = [c["id"] for c in doc["metadata"]["checks"]]
    assert ids
    assert all(i.startswith("builtin.completeness.") for i in ids)
    assert "builtin.completeness.upn" not in ids
    assert all(f["check_id"] in ids for f in doc["findings"])


def test_duties_filter_compliance_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "check",
        str(SAMPLE),
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--checks",
        "builtin.compliance",
        "--duties",
        "review_*",
        "--fail-on",
        "never",
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["findings"], "the sample has review findings"
    assert all(f["duty_id"].startswith("review_") for f in doc["findings"])


def test_list_checks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "check", str(SAMPLE), "--as-of", AS_OF, "--list-checks", "--no-plugins"
    )
    assert code == 0
    assert out.splitlines()[0].startswith("builtin.integrity")


def test_no_personal_data_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    births = dates_of_birth()
    assert births
    _, out, err = run(capsys, "check", str(SAMPLE), "--as-of", AS_OF, "--fail-on", "never")
    for line in (out + err).splitlines():
        fields = line.split()
        if fields and fields[0] in births:
            for text in births[fields[0]]:
                assert text not in line, f"date of birth of {fields[0]} printed"


def test_duties_lists_every_duty_with_citation(capsys: pytest.CaptureFixture[str]) -> None:
    from corparent.law import ENGLAND

    code, out, _ = run(capsys, "duties")
    assert code == 0
    for duty in ENGLAND:
        assert duty.id in out
    assert "reg 33" in out


def test_schedule_of_one_child(
    capsys: pytest.CaptureFixture[str], sample_json: dict[str, object]
) -> None:
    findings = sample_json["findings"]
    assert isinstance(findings, list)
    child = next(f["child_id"] for f in findings if f["duty_id"])
    code, out, _ = run(capsys, "schedule", str(SAMPLE), "--child", child, "--as-of", AS_OF)
    assert code == 0
    assert child in out
    statuses = {line[50:64].strip() for line in out.splitlines()[2::2]}
    assert statuses & {"met", "met late", "overdue", "missed", "due"}
    # Visits are not in an SSDA903 return: their duties say so, never "overdue".
    assert any(
        line.split()[0].startswith("visit_") and " no data " in line
        for line in out.splitlines()[2::2]
    )
    for text in dates_of_birth().get(child, set()):
        assert text not in out


def test_python_dash_m_and_console_script() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "corparent.cli", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.startswith("corparent ")
