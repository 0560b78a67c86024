"""Regression tests for the hardened 903 reader: one per defect of the bad-input campaign.

Each test breaks a real-shaped return the way a careless export would and checks that the
break is a clear, located problem (file, row, column), that every physical line is accounted
for, and that no date of birth or UPN from the input reaches any message.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corparent import synth
from corparent._atomic import atomic_open, atomic_write_text
from corparent.codes import LegalStatus, PlacementType
from corparent.errors import (
    CorparentError,
    DateRangeError,
    LoadError,
    OutputError,
    Problem,
    RecordTypeError,
)
from corparent.io.findings import read_json
from corparent.io.ssda903 import LoadResult, load, parse_date
from corparent.model import CaseRecord, Child, from_json

UPN = "A123456789012"


def _return(folder: Path, n: int = 12, seed: int = 3) -> Path:
    """A small real-shaped return, with a UPN for every child (real returns have them)."""
    synth.write_sample(folder, n, seed=seed)
    header = folder / "header.csv"
    lines = header.read_text().splitlines()
    out = [lines[0]]
    for i, line in enumerate(lines[1:]):
        cells = line.split(",")
        cells[4] = f"A{i:012d}"
        out.append(",".join(cells))
    header.write_text("\n".join(out) + "\n")
    return folder


def _dobs_and_upns(folder: Path) -> set[str]:
    found = set()
    for line in (folder / "header.csv").read_text().splitlines()[1:]:
        cells = line.split(",")
        found.update({cells[2], cells[4]})
    return {v for v in found if v}


def _all_text(result: LoadResult) -> str:
    return "\n".join(
        [repr(result), result.stats.summary()]
        + [p.describe() for p in result.problems + result.notes]
        + [repr(p) for p in result.problems + result.notes]
    )


def _assert_private(result: LoadResult, folder: Path) -> None:
    text = _all_text(result)
    for value in _dobs_and_upns(folder):
        assert value not in text


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines()


def _write_lines(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n")


def test_an_unbalanced_quote_loses_one_line_not_the_rest_of_the_file(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    reviews = folder / "reviews.csv"
    lines = _lines(reviews)
    lines[3] = lines[3].replace(",", ',"', 1)
    _write_lines(reviews, lines)
    result = load(folder)
    stats = result.stats.tables["reviews"]
    assert result.stats.accounted
    assert (stats.read, stats.mapped, stats.reported) == (len(lines) - 1, len(lines) - 2, 1)
    [bad] = [p for p in result.problems if p.code == "bad_csv"]
    assert (bad.file, bad.row) == (str(reviews), 4)
    assert "quote" in bad.message
    _assert_private(result, folder)


def test_a_field_over_the_csv_limit_is_a_located_bad_value(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    episodes = folder / "episodes.csv"
    lines = _lines(episodes)
    cells = lines[2].split(",")
    cells[3] = '"' + "C" * 200_000 + '"'  # LS: past csv's 128 KiB default, within our bound
    lines[2] = ",".join(cells)
    _write_lines(episodes, lines)
    result = load(folder)
    assert result.stats.accounted
    [bad] = [p for p in result.problems if p.column == "LS"]
    assert (bad.file, bad.row, bad.code) == (str(episodes), 3, "bad_value")
    assert "200000 characters" in bad.describe()
    assert result.stats.tables["episodes"].mapped == len(lines) - 1  # kept, LS unknown


def test_the_csv_field_limit_is_raised_only_while_a_return_loads(tmp_path: Path) -> None:
    import csv

    before = csv.field_size_limit()
    try:
        csv.field_size_limit(1000)  # another part of the program chose its own limit
        test_a_field_over_the_csv_limit_is_a_located_bad_value(tmp_path)
        assert csv.field_size_limit() == 1000
    finally:
        csv.field_size_limit(before)


def test_a_line_over_the_bound_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    reviews = folder / "reviews.csv"
    lines = _lines(reviews)
    lines.insert(2, "C0001," + "9" * (2 << 20))
    _write_lines(reviews, lines)
    result = load(folder)
    stats = result.stats.tables["reviews"]
    assert result.stats.accounted
    assert stats.lines == len(lines)
    assert stats.reported == 1
    assert stats.mapped == len(lines) - 2
    [bad] = [p for p in result.problems if p.code == "line_too_long"]
    assert bad.row == 3


def test_a_repeated_column_name_is_reported_and_disagreeing_rows_not_read(
    tmp_path: Path,
) -> None:
    folder = _return(tmp_path / "r")
    reviews = folder / "reviews.csv"
    lines = _lines(reviews)
    lines[0] += ",REVIEW"
    lines[1:] = [line + "," + line.split(",")[2] for line in lines[1:]]
    cells = lines[2].split(",")
    cells[-1] = "01/01/2024"
    lines[2] = ",".join(cells)
    _write_lines(reviews, lines)
    result = load(folder)
    assert result.stats.accounted
    repeated = [p for p in result.problems if p.code == "repeated_column"]
    assert [(p.row, p.column) for p in repeated] == [(1, "REVIEW"), (3, "REVIEW")]
    assert result.stats.tables["reviews"].reported == 1


def test_a_duplicate_header_row_is_reported_not_read_as_data(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    episodes = folder / "episodes.csv"
    lines = _lines(episodes)
    lines.insert(4, lines[0])
    _write_lines(episodes, lines)
    result = load(folder)
    assert result.stats.accounted
    [bad] = [p for p in result.problems if p.code == "repeated_header"]
    assert (bad.file, bad.row) == (str(episodes), 5)


def test_a_header_less_file_is_reported_whole_and_its_first_row_never_shown(
    tmp_path: Path,
) -> None:
    folder = _return(tmp_path / "r")
    header = folder / "header.csv"
    lines = _lines(header)
    _write_lines(header, lines[1:])
    result = load(folder)
    stats = result.stats.tables["header"]
    assert result.stats.accounted
    assert (stats.headers, stats.read, stats.reported, stats.mapped) == (
        0,
        len(lines) - 1,
        len(lines) - 1,
        0,
    )
    [bad] = [p for p in result.problems if p.code == "no_header"]
    assert (bad.file, bad.row) == (str(header), 1)
    _assert_private(result, tmp_path / "r")  # the DOBs are still in the file; never shown


def test_utf16_unicode_text_is_decoded_and_noted(tmp_path: Path) -> None:
    plain = load(_return(tmp_path / "a"))
    folder = _return(tmp_path / "b")
    for name in ("header.csv", "reviews.csv"):
        path = folder / name
        path.write_bytes(codecs.BOM_UTF16_LE + path.read_text().encode("utf-16-le"))
    result = load(folder)
    assert result.stats.accounted
    assert result.problems == plain.problems == ()
    assert [p.code for p in result.notes].count("utf16") == 2
    assert len(result.caseload) == len(plain.caseload)
    assert tuple(result.caseload) == tuple(plain.caseload)


def test_utf16_without_a_byte_order_mark_is_recognised(tmp_path: Path) -> None:
    folder = _return(tmp_path / "b")
    path = folder / "reviews.csv"
    path.write_bytes(path.read_text().encode("utf-16-le"))
    result = load(folder)
    assert result.problems == ()
    assert any(p.code == "utf16" for p in result.notes)


def test_windows_1252_lines_are_read_and_noted(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    episodes = folder / "episodes.csv"
    lines = _lines(episodes)
    lines[0] += ",NOTE"
    lines[1:] = [line + "," for line in lines[1:]]
    lines[3] += "caf\xe9"
    episodes.write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
    result = load(folder)
    assert result.stats.accounted
    [note] = [p for p in result.notes if p.code == "not_utf8"]
    assert (note.file, note.row) == (str(episodes), 4)
    assert result.problems == ()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_or_folder_named_csv_is_reported_without_hanging(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    os.mkfifo(folder / "missing2.csv")
    (folder / "oc9.csv").mkdir()
    result = load(folder)
    codes = {(Path(p.file or "").name, p.code) for p in result.problems}
    assert ("missing2.csv", "not_a_file") in codes
    assert result.stats.accounted


def test_rows_repeated_in_another_file_are_counted_as_duplicates(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    (folder / "reviews_copy.csv").write_text((folder / "reviews.csv").read_text())
    single = load(_return(tmp_path / "s"))
    result = load(folder)
    stats = result.stats.tables["reviews"]
    assert result.stats.accounted
    assert stats.duplicates == stats.mapped == single.stats.tables["reviews"].mapped
    assert tuple(result.caseload) == tuple(single.caseload)


def test_a_dob_or_sex_contradicting_the_header_is_reported(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    reviews = folder / "reviews.csv"
    lines = _lines(reviews)
    cells = lines[1].split(",")
    cells[1] = "01/01/1999"
    lines[1] = ",".join(cells)
    _write_lines(reviews, lines)
    uasc = folder / "uasc.csv"
    header = {line.split(",")[0]: line.split(",") for line in _lines(folder / "header.csv")}
    child = cells[0]
    sex = "1" if header[child][1] == "2" else "2"
    uasc.write_text(f"CHILD,SEX,DOB,DUC\n{child},{sex},{header[child][2]},\n")
    result = load(folder)
    found = {(p.file, p.row, p.column) for p in result.problems if p.code == "contradicts_header"}
    assert found == {(str(reviews), 2, "DOB"), (str(uasc), 2, "SEX")}
    _assert_private(result, folder)
    assert "01/01/1999" not in _all_text(result)


def test_a_shifted_row_is_not_read_and_its_values_never_shown(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    reviews = folder / "reviews.csv"
    lines = _lines(reviews)
    lines[2] = lines[2].replace(",", ",,", 1)  # an extra comma: the DOB moves to REVIEW
    _write_lines(reviews, lines)
    result = load(folder)
    [bad] = [p for p in result.problems if p.code == "field_count"]
    assert (bad.file, bad.row) == (str(reviews), 3)
    assert result.stats.tables["reviews"].reported == 1
    _assert_private(result, folder)


def test_values_are_shown_by_shape_unless_asked(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    header = folder / "header.csv"
    lines = _lines(header)
    cells = lines[1].split(",")
    dob = cells[2]
    cells[1] = dob  # a DOB under SEX, same field count
    lines[1] = ",".join(cells)
    _write_lines(header, lines)
    result = load(folder)
    [bad] = [p for p in result.problems if p.column == "SEX"]
    assert (bad.row, bad.code) == (2, "bad_value")
    assert dob not in bad.describe()
    assert "shaped like a date" in bad.describe()
    assert dob in bad.describe(show_values=True)
    assert dob not in repr(bad)


def test_dates_out_of_range_and_non_ascii_digits_are_not_dates(tmp_path: Path) -> None:
    assert parse_date("01/01/9999") is None
    assert parse_date("01/01/1066") is None
    assert parse_date("\u0660\u0661/\u0660\u0662/\u0662\u0660\u0661\u0660") is None
    folder = _return(tmp_path / "r")
    reviews = folder / "reviews.csv"
    lines = _lines(reviews)
    cells = lines[1].split(",")
    cells[2] = "31/12/9999"
    lines[1] = ",".join(cells)
    _write_lines(reviews, lines)
    result = load(folder)
    [bad] = [p for p in result.problems if p.column == "REVIEW"]
    assert (bad.row, bad.code) == (2, "bad_value")
    assert result.collection_year_end.year < 2100


def test_child_ids_with_control_characters_are_reported_not_printed(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    reviews = folder / "reviews.csv"
    lines = _lines(reviews)
    lines[1] = "C\x1b[31mX" + lines[1][lines[1].index(",") :]
    _write_lines(reviews, lines)
    result = load(folder)
    [bad] = [p for p in result.problems if p.code == "bad_child_id"]
    assert (bad.row, bad.column, bad.record_id) == (2, "CHILD", None)
    assert "\x1b" not in _all_text(result)


def test_an_episode_with_an_unknown_ls_or_place_is_kept(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    episodes = folder / "episodes.csv"
    lines = _lines(episodes)
    cells = lines[1].split(",")
    cells[3], cells[5] = "C9", ""
    lines[1] = ",".join(cells)
    _write_lines(episodes, lines)
    result = load(folder)
    assert result.stats.tables["episodes"].mapped == len(lines) - 1
    record = result.caseload[cells[0]]
    first = record.episodes[0]
    assert first.legal_status is LegalStatus.unknown()
    assert first.placement is PlacementType.unknown()
    assert first.legal_status.is_unknown
    found = {(p.row, p.column, p.code) for p in result.problems if p.row == 2}
    assert found == {(2, "LS", "bad_value"), (2, "PLACE", "missing_value")}
    assert all("kept" in p.message for p in result.problems if p.row == 2)


def test_a_truncated_file_reports_its_last_row(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    episodes = folder / "episodes.csv"
    data = episodes.read_bytes()
    episodes.write_bytes(data[: len(data) - 20])
    result = load(folder)
    assert result.stats.accounted
    last = [p for p in result.problems if p.file == str(episodes)]
    assert [p.code for p in last] == ["field_count"]


def test_old_mac_line_ends_are_lines(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    plain = load(folder)
    reviews = folder / "reviews.csv"
    reviews.write_bytes(reviews.read_bytes().replace(b"\r\n", b"\r"))
    result = load(folder)
    assert result.problems == ()
    assert result.stats.tables["reviews"].lines == plain.stats.tables["reviews"].lines
    assert tuple(result.caseload) == tuple(plain.caseload)


def test_load_result_repr_is_a_summary(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    result = load(folder)
    assert repr(result).startswith("LoadResult(children=12,")
    _assert_private(result, folder)


def test_bad_library_input_raises_only_corparent_errors(tmp_path: Path) -> None:
    with pytest.raises(LoadError):
        load(None)  # type: ignore[arg-type]
    with pytest.raises(LoadError):
        load(42)  # type: ignore[arg-type]
    with pytest.raises(LoadError, match="no such file or folder"):
        load(tmp_path / "nowhere")
    with pytest.raises(LoadError):
        read_json(tmp_path / "missing.json")
    for text in ("[1]", '"x"', "{}", '{"child": 5}', "[[["):
        with pytest.raises(LoadError):
            from_json(text, CaseRecord)
    with pytest.raises(LoadError) as info:
        from_json('{"child": {"id": "C1", "date_of_birth": "2011-09-21x"}}', CaseRecord)
    assert "2011-09-21" not in str(info.value)
    child = Child(id="C1", date_of_birth=dt.date(2010, 1, 1))
    with pytest.raises(RecordTypeError):
        CaseRecord(child=child, episodes="abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"episodes\[0\]"):
        CaseRecord(child=child, episodes=["abc"])  # type: ignore[list-item]
    from corparent.dates import ENGLAND_AND_WALES

    with pytest.raises(DateRangeError):
        ENGLAND_AND_WALES.add_working_days(dt.date(2024, 1, 1), 10**9)
    assert issubclass(DateRangeError, CorparentError)


def test_atomic_outputs_keep_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    atomic_write_text(target, "old\n")

    def interrupted() -> None:
        with atomic_open(target) as stream:
            stream.write("half")
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        interrupted()
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    with pytest.raises(OutputError, match="does not exist"):
        atomic_write_text(tmp_path / "nowhere" / "x.csv", "x")
    with pytest.raises(OutputError, match="folder"):
        atomic_write_text(tmp_path, "x")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corparent.cli", *args], capture_output=True, text=True, check=False
    )


def test_cli_unwritable_output_is_one_line_and_exit_2(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    out = _cli(
        "check", str(folder), "--as-of", "2024-03-31", "--output", str(tmp_path / "no" / "f")
    )
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "does not exist" in out.stderr


def test_cli_notes_and_show_values(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    header = folder / "header.csv"
    lines = _lines(header)
    cells = lines[1].split(",")
    cells[1] = cells[2]
    lines[1] = ",".join(cells)
    _write_lines(header, lines)
    episodes = folder / "episodes.csv"
    episodes.write_bytes(episodes.read_bytes() + b"C0001,01/01/2024,S,C2,,U4,,,,,,caf\xe9,\n")
    hidden = _cli("check", str(folder), "--as-of", "2024-03-31")
    assert "Notes on the files" in hidden.stdout
    assert "Windows-1252" in hidden.stdout
    assert cells[2] not in hidden.stdout
    shown = _cli("check", str(folder), "--as-of", "2024-03-31", "--show-values")
    assert cells[2] in shown.stdout


def test_cli_keeps_the_exit_code_when_the_reader_goes_away(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r", n=60)
    full = _cli("check", str(folder), "--as-of", "2024-03-31")
    assert full.returncode == 1  # the sample has findings at error
    proc = subprocess.Popen(
        [sys.executable, "-m", "corparent.cli", "check", str(folder), "--as-of", "2024-03-31"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.close()  # before the first write (loading takes longer): EPIPE every time
    code = proc.wait(timeout=120)
    assert proc.stderr is not None
    assert b"Traceback" not in proc.stderr.read()
    proc.stderr.close()
    assert code == full.returncode


def test_problem_describe_escapes_values_when_shown() -> None:
    problem = Problem(code="x", message="bad", value="\x1b[2J", record_id="C\n1")
    assert "\x1b" not in problem.describe(show_values=True)
    assert "\n" not in problem.describe()


def test_one_mistyped_date_does_not_move_the_collection_year(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    plain = load(folder)
    reviews = folder / "reviews.csv"
    lines = _lines(reviews)
    cells = lines[1].split(",")
    cells[2] = "01/01/2030"
    lines[1] = ",".join(cells)
    _write_lines(reviews, lines)
    result = load(folder)
    assert result.collection_year_end == plain.collection_year_end == dt.date(2024, 3, 31)
    assert [n.code for n in result.notes] == ["dates_after_year"]


@pytest.mark.parametrize("columnar", [False, True])
def test_a_mistyped_later_year_already_past_does_not_move_the_collection_year(
    tmp_path: Path, columnar: bool
) -> None:
    """An old return read again years later: a review typed 2025 instead of 2024 is in the past
    now, but one date must not make the 2023/24 return a 2024/25 one (every finding would then
    vanish as not assessable). The year is the latest holding a tenth of the review dates."""
    from corparent.io.ssda903 import check_return

    folder = _return(tmp_path / "r", n=40)
    plain = load(folder)
    reviews = folder / "reviews.csv"
    lines = _lines(reviews)
    cells = lines[1].split(",")
    cells[2] = "12/05/2025"
    lines[1] = ",".join(cells)
    _write_lines(reviews, lines)
    checked = check_return(folder, dt.date(2024, 3, 31), columnar=columnar).load
    result = load(folder)
    for year_end, notes in (
        (result.collection_year_end, result.notes),
        (checked.collection_year_end, checked.notes),
    ):
        assert year_end == plain.collection_year_end == dt.date(2024, 3, 31)
        assert [n.code for n in notes] == ["dates_after_year"]


def test_a_return_whose_reviews_span_two_years_is_for_the_later_one(tmp_path: Path) -> None:
    """Reviews of a later year, when they are more than a few, make the return that year's."""
    folder = _return(tmp_path / "r", n=40)
    reviews = folder / "reviews.csv"
    lines = _lines(reviews)
    moved = 0
    for i in range(1, len(lines)):  # the 2023/24 reviews a year later
        cells = lines[i].split(",")
        day, month, year = cells[2].split("/")
        if dt.date(2023, 4, 1) <= dt.date(int(year), int(month), int(day)) <= dt.date(2024, 3, 31):
            cells[2] = f"{day}/{month}/{int(year) + 1}"
            lines[i] = ",".join(cells)
            moved += 1
    _write_lines(reviews, lines)
    assert moved * 10 >= len(lines) - 1  # a tenth of the reviews or more
    assert load(folder).collection_year_end == dt.date(2025, 3, 31)


def test_a_stray_nul_byte_spoils_one_value_not_the_file(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    plain = load(folder)
    header = folder / "header.csv"
    data = header.read_bytes()
    second = data.index(b"\n") + 1
    header.write_bytes(data[:second] + b"C\x00" + data[second + 1 :])  # the first child's id
    result = load(folder)
    stats = result.stats.tables["header"]
    assert result.stats.accounted
    assert (stats.mapped, stats.reported) == (plain.stats.tables["header"].mapped - 1, 1)
    [bad] = [p for p in result.problems if p.code == "bad_child_id"]
    assert (bad.file, bad.row, bad.column) == (str(header), 2, "CHILD")
    (folder / "oc2.csv").write_bytes(bytes(range(256)) * 8)  # a binary file is refused whole
    assert any(p.code == "not_csv" for p in load(folder).problems)


def test_pytest_explanations_of_model_objects_hide_personal_fields() -> None:
    from corparent.testing.pytest_plugin import pytest_assertrepr_compare

    a = Child(id="C1", date_of_birth=dt.date(2010, 9, 21), upn=UPN)
    b = Child(id="C2", date_of_birth=dt.date(2011, 9, 21), upn=UPN)
    lines = pytest_assertrepr_compare(None, "==", a, b)
    assert lines is not None
    text = "\n".join(lines)
    assert "date_of_birth: differs" in text
    assert "'C1' != 'C2'" in text
    assert "2010" not in text
    assert UPN not in text
    assert pytest_assertrepr_compare(None, "==", 1, 2) is None


def test_a_child_id_holding_a_date_or_upn_is_refused_not_shown(tmp_path: Path) -> None:
    folder = _return(tmp_path / "r")
    reviews = folder / "reviews.csv"
    lines = _lines(reviews)
    cells = lines[1].split(",")
    lines[1] = ",".join([cells[0][:3] + cells[1], cells[1], *cells[2:]])  # a comma lost
    header = folder / "header.csv"
    hl = _lines(header)
    upn = hl[2].split(",")[4]
    hl[2] = upn + hl[2][hl[2].index(",") :]
    _write_lines(reviews, lines)
    _write_lines(header, hl)
    result = load(folder)
    bad = {(p.file, p.row) for p in result.problems if p.code == "bad_child_id"}
    assert bad == {(str(reviews), 2), (str(header), 3)}
    _assert_private(result, folder)


def test_a_full_disk_is_an_output_error_and_the_old_file_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    target = tmp_path / "findings.csv"
    atomic_write_text(target, "old\n")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="No space left"):
        atomic_write_text(target, "new\n" * 1000)
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["findings.csv"]


def test_excel_unicode_text_tab_separated_utf16_txt_is_read(tmp_path: Path) -> None:
    plain = load(_return(tmp_path / "a"))
    folder = _return(tmp_path / "b")
    for name in ("header", "reviews"):
        path = folder / f"{name}.csv"
        text = path.read_text().replace(",", "\t")
        (folder / f"{name}.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
        path.unlink()
    result = load(folder)
    assert result.problems == ()
    assert result.stats.accounted
    assert sorted(p.code for p in result.notes) == ["tab_separated"] * 2 + ["utf16"] * 2
    assert tuple(result.caseload) == tuple(plain.caseload)
