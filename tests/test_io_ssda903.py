"""The SSDA903 loader and writer: round trips, messy files, nothing dropped, clear problems."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corparent import synth
from corparent.errors import CorparentError, LoadError
from corparent.io.ssda903 import load, parse_date, write

EXAMPLES = Path(__file__).parent.parent / "examples"
SAMPLE = EXAMPLES / "data" / "ssda903"
MESSY = EXAMPLES / "data" / "ssda903-messy"
PREVIOUS = EXAMPLES / "data" / "ssda903-previous"


def test_round_trip_of_a_synthetic_return(tmp_path: Path) -> None:
    caseload = synth.write_sample(tmp_path, 300, seed=5)
    result = load(tmp_path, strict=True)
    assert result.stats.accounted
    assert result.problems == ()
    assert [r.id for r in result.caseload] == [r.id for r in caseload]
    # The loaded records say what a return can show (its evidence window); all else is equal.
    assert all(result.caseload[r.id] == attrs.evolve(r, evidence=result.evidence) for r in caseload)
    write(result.caseload, tmp_path / "again")
    for name in ("header", "episodes", "reviews", "oc2", "oc3"):
        assert (tmp_path / f"{name}.csv").read_text() == (
            tmp_path / "again" / f"{name}.csv"
        ).read_text()


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 10**6), n=st.integers(1, 25))
def test_round_trip_property(tmp_path: Path, seed: int, n: int) -> None:
    folder = tmp_path / f"{seed}-{n}"
    caseload = synth.write_sample(folder, n, seed=seed)
    result = load(folder, collection_year_end=synth.DEFAULT_AS_OF)
    assert tuple(result.caseload) == tuple(
        attrs.evolve(r, evidence=result.evidence) for r in caseload
    )


def test_bundled_sample_loads_cleanly_and_is_reproducible(tmp_path: Path) -> None:
    result = load(SAMPLE, strict=True)
    assert len(result.caseload) == 240
    for year in ("2023", "2022"):
        previous = load(PREVIOUS / year, strict=True)
        assert previous.collection_year_end == dt.date(int(year), 3, 31)
    spec = importlib.util.spec_from_file_location(
        "generate_sample", EXAMPLES / "generate_sample.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.csv"))
    bundled = EXAMPLES / "data"
    assert written == sorted(p.relative_to(bundled) for p in bundled.rglob("ssda903*/**/*.csv"))
    for path in written:
        assert (bundled / path).read_bytes() == (tmp_path / path).read_bytes(), path


def test_messy_return_reports_every_bad_row_and_keeps_the_rest() -> None:
    result = load(MESSY)
    assert result.stats.accounted
    header = result.stats.tables["header"]
    assert (header.read, header.blank) == (20, 2)
    by_code = {(p.column, p.code) for p in result.problems}
    assert ("LS", "bad_value") in by_code
    assert ("DECOM", "bad_value") in by_code
    assert ("REVIEW_CODE", "bad_value") in by_code
    assert ("DOB", "bad_value") in by_code
    assert any(p.code == "child_not_in_header" for p in result.problems)
    assert any(p.code == "extra_columns" for p in result.notes)
    for problem in result.problems:
        assert problem.file is not None or problem.path is not None  # a row, or a record's field
        text = problem.describe()
        assert "31/02/2009" not in text  # a date of birth is personal: never shown
    ls = next(p for p in result.problems if p.column == "LS")
    assert ls.value == "C9"
    assert ls.row == 3
    assert "LegalStatus" in ls.message
    with pytest.raises(LoadError) as info:
        load(MESSY, strict=True)
    assert len(info.value.problems) == len(result.problems)


def test_review_participation_survives_mixed_case_and_bom(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "x")
    path = tmp_path / "x" / "reviews.csv"
    path.write_bytes(
        b"\xef\xbb\xbf" + path.read_text().replace("REVIEW_CODE", "review_code").encode()
    )
    assert len(load(tmp_path / "x", strict=True).caseload) == 240


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("22/12/2023", dt.date(2023, 12, 22)),
        ("2/1/2024", dt.date(2024, 1, 2)),
        ("2023-12-22", dt.date(2023, 12, 22)),
        ("22-12-2023", dt.date(2023, 12, 22)),
        ("22.12.2023", dt.date(2023, 12, 22)),
        ("31/02/2023", None),
        ("22/12/23", None),
        ("yesterday", None),
    ],
)
def test_date_formats(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_no_files_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no CSV files"):
        load(tmp_path)


_cells = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.lists(_cells, max_size=14), max_size=8),
    raw=st.binary(max_size=200),
    table=st.sampled_from(["header", "episodes", "reviews", "oc3", "missing"]),
)
def test_fuzzed_files_raise_only_corparent_errors(
    tmp_path: Path, rows: list[list[str]], raw: bytes, table: str
) -> None:
    folder = tmp_path / "fuzz"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(SAMPLE, folder)
    target = folder / f"{table}.csv"
    lines = target.read_text().splitlines()
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows(rows)
    target.write_bytes(("\n".join(lines[: len(lines) // 2]) + "\n" + out.getvalue()).encode() + raw)
    try:
        result = load(folder)
    except CorparentError:
        return
    assert result.stats.accounted
    for problem in result.problems:
        assert problem.file is not None or problem.path is not None
        assert problem.describe()
    if result.problems:
        with pytest.raises(LoadError):
            load(folder, strict=True)


def test_several_collection_years_keep_repeated_rows_once(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "2023")
    shutil.copytree(SAMPLE, tmp_path / "2024")
    both = load([tmp_path / "2023", tmp_path / "2024"], collection_year_end=synth.DEFAULT_AS_OF)
    single = load(SAMPLE, collection_year_end=synth.DEFAULT_AS_OF)
    assert both.problems == ()
    assert tuple(both.caseload) == tuple(single.caseload)
    assert both.stats.tables["episodes"].read == 2 * single.stats.tables["episodes"].read


@given(
    st.text(alphabet="0123456789/.-\\ aBz", max_size=24)
    | st.from_regex(r"C?[A-Za-z]\d{11}[0-9A-Za-z]\d{0,3}", fullmatch=True)
    | st.from_regex(r"C\d{0,4}\d{1,2}\s?[/.\-]\d{1,2}[/.\-]\d{2,4}", fullmatch=True)
    | st.from_regex(r"C\d{1,2}-\d{1,2}-\d{4}", fullmatch=True)
)
def test_a_child_id_holding_a_date_or_upn_is_refused_whatever_its_shape(value: str) -> None:
    """The id's cheap pre-tests (a separator for a date, 13 characters for a UPN) never let
    one through that the patterns alone would catch."""
    from corparent.io.ssda903._fields import _DATE_INSIDE, _UPN_INSIDE, child_id_problem

    problem = child_id_problem(value)
    if value and value.isprintable() and len(value) <= 50:
        if _DATE_INSIDE.search(value):
            assert problem == "CHILD holds a date (a field separator may be missing)"
        elif _UPN_INSIDE.search(value):
            assert problem == "CHILD holds a UPN (a field separator may be missing)"
        else:
            assert problem is None
