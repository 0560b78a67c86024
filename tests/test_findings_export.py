"""Findings to CSV (formula injection neutralised) and JSON (lossless round trip)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corparent.checks import CheckSet, Finding, Severity, run_checks
from corparent.errors import LoadError
from corparent.io.findings import (
    CSV_COLUMNS,
    neutralise,
    read_json,
    to_csv,
    to_json,
    write_csv,
    write_json,
)
from corparent.law import Force
from corparent.principles import Principle

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

texts = st.text(min_size=0, max_size=40)
findings = st.builds(
    Finding,
    check_id=st.from_regex(r"[a-z][a-z0-9_]{0,8}(\.[a-z][a-z0-9_]{0,8}){1,2}", fullmatch=True),
    severity=st.sampled_from(list(Severity)),
    child_id=texts,
    message=texts,
    duty_id=st.none() | texts,
    due=st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)),
    days_overdue=st.none() | st.integers(-10_000, 10_000),
    citation=st.none() | texts,
    principles=st.lists(st.sampled_from(list(Principle)), max_size=3, unique=True),
    force=st.none() | st.sampled_from(list(Force)),
    code=st.none() | texts,
)


def finding(**overrides: object) -> Finding:
    fields: dict[str, object] = {
        "check_id": "builtin.compliance.overdue",
        "severity": Severity.ERROR,
        "child_id": "C0042",
        "message": "review_first 67 days overdue",
        "duty_id": "review_first",
        "due": dt.date(2024, 1, 24),
        "days_overdue": 67,
        "citation": "CPPCR 2010 reg 33(1)",
        "principles": [Principle.EXPRESS_VIEWS],
    }
    fields.update(overrides)
    return Finding(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "payload",
    [
        '=HYPERLINK("http://evil","x")',
        "+1+1",
        "-2+3",
        "@SUM(A1:A2)",
        "\tcmd",
        "\rcmd",
    ],
)
def test_csv_cells_that_look_like_formulas_are_quoted(payload: str) -> None:
    text = to_csv([finding(message=payload, child_id=payload, citation=payload)])
    header, row = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(header) == CSV_COLUMNS
    cells = dict(zip(header, row, strict=True))
    for column in ("message", "child_id", "citation"):
        assert cells[column] == "'" + payload


def test_negative_days_are_neutralised_too() -> None:
    # "-3" would be read by a spreadsheet as a formula operand; it is quoted like any other.
    text = to_csv([finding(days_overdue=-3)])
    row = list(csv.reader(io.StringIO(text, newline="")))[1]
    assert row[CSV_COLUMNS.index("days_overdue")] == "'-3"


@settings(max_examples=200)
@given(st.lists(findings, max_size=5))
def test_no_csv_cell_starts_a_formula(items: list[Finding]) -> None:
    rows = list(csv.reader(io.StringIO(to_csv(items), newline="")))
    assert len(rows) == len(items) + 1
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS)


@given(texts)
def test_neutralise_only_prefixes(cell: str) -> None:
    out = neutralise(cell)
    assert out == cell or out == "'" + cell
    assert (out != cell) == cell.startswith(FORMULA_STARTS)


@settings(max_examples=200)
@given(st.lists(findings, max_size=8))
def test_json_round_trip(items: list[Finding]) -> None:
    assert read_json(io.StringIO(to_json(items))) == tuple(items)


def test_files_round_trip(tmp_path: Path) -> None:
    items = [finding(), finding(child_id="C0043", due=None, days_overdue=None, principles=[])]
    write_json(items, tmp_path / "f.json")
    assert read_json(tmp_path / "f.json") == tuple(items)
    write_csv(items, tmp_path / "f.csv")
    with (tmp_path / "f.csv").open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["child_id"] for r in rows] == ["C0042", "C0043"]
    assert rows[0]["principles"] == "EXPRESS_VIEWS"
    assert rows[0]["due"] == "2024-01-24"


def test_run_result_json_has_metadata_counts_and_findings() -> None:
    result = run_checks([], dt.date(2024, 3, 31), checks=CheckSet())
    doc = json.loads(to_json(result, load={"children": 0}))
    assert doc["metadata"]["as_of"] == "2024-03-31"
    assert doc["metadata"]["holidays_version"].startswith("holidays")
    assert doc["counts"]["by_severity"] == {"error": 0, "warning": 0, "info": 0}
    assert doc["findings"] == []
    assert doc["crashes"] == []
    assert doc["load"] == {"children": 0}
    assert read_json(io.StringIO(json.dumps(doc))) == ()


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"findings": [{"severity": "fatal"}]}', "findings[0].severity"),
        (
            '{"findings": [{"severity": "info", "check_id": "a.b", "child_id": "C1",'
            ' "message": "m", "due": "31/03/2024"}]}',
            "findings[0].due",
        ),
        (
            '{"findings": [{"severity": "info", "check_id": "a.b", "child_id": "C1",'
            ' "message": "m", "principles": ["KINDNESS"]}]}',
            "findings[0].principles",
        ),
        ('{"findings": [{"severity": "info", "child_id": "C1", "message": "m"}]}', None),
        ('{"findings": [3]}', None),
    ],
)
def test_bad_json_is_a_load_error_naming_the_field(text: str, path: str | None) -> None:
    with pytest.raises(LoadError) as err:
        read_json(io.StringIO(text))
    if path is not None:
        assert err.value.problems[0].path == path


def test_not_json_is_a_load_error() -> None:
    with pytest.raises(LoadError):
        read_json(io.StringIO("not json"))
    with pytest.raises(LoadError):
        read_json(io.StringIO('{"nothing": 1}'))


def test_csv_rows_are_the_reference_cells_of_each_finding() -> None:
    """The fast CSV line writer gives exactly what the csv module writes of the cells of the
    reference form, formulas neutralised, for findings of every shape (negative days, missing
    fields, repeats, cells that need quotes)."""
    from corparent.checks import Finding, Severity
    from corparent.law import Force
    from corparent.principles import Principle

    findings = [
        Finding(check_id="c", severity=Severity.ERROR, child_id="=1", message="-m"),
        Finding(
            check_id="+c",
            severity=Severity.WARNING,
            child_id="2",
            message="m",
            duty_id="review_first",
            due=dt.date(2024, 1, 2),
            days_overdue=-3,
            citation="@x",
            principles=(Principle.BEST_INTERESTS, Principle.EXPRESS_VIEWS),
            force=Force.REGULATION,
            code="overdue",
        ),
        Finding(check_id="c", severity=Severity.INFO, child_id="3", message="m", days_overdue=0),
        Finding(check_id="c", severity=Severity.ERROR, child_id="4", message="m", days_overdue=7),
        Finding(
            check_id='a,"b"',
            severity=Severity.INFO,
            child_id="C,5",
            message='say "no",\r\nthen go',
            citation="reg 1(2), (3)",
            code="line\nbreak",
        ),
    ]
    findings += findings  # repeated values come from the cache
    assert _fast_csv(findings) == _reference_csv(findings)


# Text full of what CSV quotes or a spreadsheet evaluates, beside any text.
csv_texts = st.text(alphabet=',"\r\n=+-@\t a1\u00e9', max_size=12) | texts
csv_findings = st.builds(
    Finding,
    check_id=csv_texts,
    severity=st.sampled_from(list(Severity)),
    child_id=csv_texts,
    message=csv_texts,
    duty_id=st.none() | csv_texts,
    due=st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)),
    days_overdue=st.none() | st.integers(-10_000, 10_000),
    citation=st.none() | csv_texts,
    principles=st.lists(st.sampled_from(list(Principle)), max_size=3, unique=True),
    force=st.none() | st.sampled_from(list(Force)),
    code=st.none() | csv_texts,
)


@given(st.lists(csv_findings, max_size=8))
def test_csv_rows_equal_the_reference_cells_on_any_findings(items: list[Finding]) -> None:
    assert _fast_csv(items + items) == _reference_csv(items + items)


def _fast_csv(items: list[Finding]) -> str:
    from corparent.io.findings import to_csv

    return to_csv(items)


def _reference_csv(items: list[Finding]) -> str:
    """The csv module given the reference cells of each finding (``_row``)."""
    import csv

    from corparent.io.findings import CSV_COLUMNS, _row

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_row(f) for f in items)
    return buffer.getvalue()


@given(st.lists(csv_findings, max_size=4))
def test_findings_made_with_slots_set_equal_the_constructors(items: list[Finding]) -> None:
    """``_made`` (the checks' and the runner's fast path) gives the constructor's object."""
    from corparent.checks._finding import _made

    for f in items:
        again = _made(
            f.check_id,
            f.severity,
            f.child_id,
            f.message,
            f.duty_id,
            f.due,
            f.days_overdue,
            f.citation,
            list(f.principles),
            f.force,
            f.code,
        )
        assert again == f
        assert again.principles.__class__ is tuple
        assert repr(again) == repr(f)
    bad: Any = "2024-01-01"
    with pytest.raises(TypeError) as checked:
        Finding(check_id="c", severity=Severity.INFO, child_id="C1", message="m", due=bad)
    with pytest.raises(TypeError) as made:
        _made("c", Severity.INFO, "C1", "m", None, bad, None, None, (), None, None)
    assert str(made.value) == str(checked.value)
