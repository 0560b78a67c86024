"""What differs on Windows and macOS, simulated on the Linux CI: standard output in the ANSI code
page.

Windows encodes standard output redirected to a file or a pipe in the ANSI code page (cp1252 in
England), not UTF-8, and turns each "\\n" into "\\r\\n".
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import errno
import io
import multiprocessing
import os
import shutil
import stat
import sys
import types
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import attrs
import pytest

from corparent._atomic import atomic_write_text
from corparent.checks import (
    CheckContext,
    CheckSpec,
    Finding,
    Severity,
    _runner,
    check,
    default,
    run_checks,
)
from corparent.cli import _check as cli_check
from corparent.cli import _common as cli_common
from corparent.cli import main
from corparent.errors import ConfigError, LoadError, OutputError
from corparent.model import CaseRecord

BUNDLED = Path(__file__).parent.parent / "examples" / "data" / "ssda903"


def windows_stdout(monkeypatch: pytest.MonkeyPatch) -> io.BytesIO:
    """Standard output as Windows has it when redirected: cp1252, "\\n" written as "\\r\\n"."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252", newline="\r\n", write_through=True)
    monkeypatch.setattr(sys, "stdout", stream)
    return raw


# -- line endings: the findings CSV ends its lines with CRLF itself (RFC 4180); Windows' standard
# output turned each into CR CR LF, a blank line after every row in a spreadsheet.


def test_findings_csv_on_windows_stdout_has_one_crlf_per_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = windows_stdout(monkeypatch)
    args = [str(BUNDLED), "--as-of", "2024-03-31", "--format", "csv", "--fail-on", "never"]
    assert main(["check", *args]) == 0
    data = raw.getvalue()
    assert b"\r\r\n" not in data
    lines = data.split(b"\r\n")
    assert lines[0].startswith(b"child_id,")
    assert lines[-1] == b""  # the last line ends with CRLF too
    assert len(lines) > 10
    assert all(b"\n" not in line and b"\r" not in line for line in lines)


def test_the_same_csv_to_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = windows_stdout(monkeypatch)
    target = tmp_path / "findings.csv"
    args = [str(BUNDLED), "--as-of", "2024-03-31", "--format", "csv", "--fail-on", "never"]
    assert main(["check", *args]) == 0
    assert main(["check", *args, "-o", str(target)]) == 0
    assert target.read_bytes() == raw.getvalue()


@pytest.fixture
def polish_folder(tmp_path: Path) -> Path:
    """The bundled return in a folder whose name cp1252 cannot write, with one bad row (the
    table names its file)."""
    folder = tmp_path / "Łódź 903"
    shutil.copytree(BUNDLED, folder)
    with (folder / "episodes.csv").open("a", encoding="utf-8", newline="") as stream:
        stream.write("garbage,row\r\n")
    return folder


def test_findings_table_for_a_folder_cp1252_cannot_name(
    polish_folder: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    raw = windows_stdout(monkeypatch)
    args = ["check", str(polish_folder), "--as-of", "2024-03-31", "--fail-on", "never"]
    assert main(args) == 0
    text = raw.getvalue().decode("utf-8")
    assert f"{polish_folder / 'episodes.csv'}, row" in text
    target = tmp_path / "findings.txt"
    assert main([*args, "-o", str(target)]) == 0
    assert target.read_bytes() == raw.getvalue()


def test_a_pledge_is_shown_in_utf8_as_written_to_a_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A Welsh council's pledge names Tŷ Hafan: ŷ is not in cp1252.
    source = Path(__file__).parent.parent / "src" / "corparent" / "pledges" / "data"
    text = (source / "derby.toml").read_text(encoding="utf-8")
    pledge = tmp_path / "cymru.toml"
    pledge.write_text(
        text.replace('council = "Derby City Council"', 'council = "Cyngor Tŷ Hafan"'),
        encoding="utf-8",
    )
    raw = windows_stdout(monkeypatch)
    assert main(["pledge", "show", str(pledge)]) == 0
    assert raw.getvalue().decode("utf-8").startswith("Cyngor Tŷ Hafan: ")
    target = tmp_path / "shown.txt"
    assert main(["pledge", "show", str(pledge), "-o", str(target)]) == 0
    assert target.read_bytes() == raw.getvalue()


@check(id="builtin.polski", description="Zażółć: a description cp1252 cannot write")
def _polish_check(record: object, context: object) -> tuple[()]:
    return ()


def test_list_checks_writes_any_description(monkeypatch: pytest.MonkeyPatch) -> None:
    def possible(text: str) -> tuple[CheckSpec, ...]:
        return (_polish_check,)

    monkeypatch.setattr(cli_check, "possible_checks", possible)
    raw = windows_stdout(monkeypatch)
    assert main(["check", str(BUNDLED), "--as-of", "2024-03-31", "--list-checks"]) == 0
    lines = raw.getvalue().decode("utf-8").splitlines()
    [line] = [x for x in lines if x.startswith("builtin.polski")]
    assert line.split()[1] == Severity.WARNING.value
    assert line.endswith("Zażółć: a description cp1252 cannot write")


# -- files ------------------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX (Linux, macOS)")
def test_a_workbook_gets_the_permissions_a_csv_file_gets(tmp_path: Path) -> None:
    """A workbook was written with the temporary file's owner-only permissions (0600), also
    over one a team could read."""
    pytest.importorskip("openpyxl")
    from corparent.io.xlsx import write_workbook

    sheets = {"s": (("a",), [{"a": 1}])}
    atomic_write_text(tmp_path / "findings.csv", "a\r\n1\r\n")
    write_workbook(tmp_path / "findings.xlsx", sheets)
    usual = (tmp_path / "findings.csv").stat().st_mode & 0o777
    assert (tmp_path / "findings.xlsx").stat().st_mode & 0o777 == usual
    os.chmod(tmp_path / "findings.xlsx", 0o640)
    write_workbook(tmp_path / "findings.xlsx", sheets)
    assert (tmp_path / "findings.xlsx").stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.csv", "findings.xlsx"]


def _held_open(path: Path) -> PermissionError:
    """What Windows raises for replacing a file another program holds open."""
    exc = PermissionError(errno.EACCES, "Access is denied", str(path))
    exc.winerror = 5  # type: ignore[attr-defined]  # set by Windows only
    return exc


def _windows_file_ops(monkeypatch: pytest.MonkeyPatch, held_open: Path) -> None:
    """``os.replace`` onto ``held_open`` fails as on Windows; ``os.unlink`` refuses a read-only
    file as on Windows."""
    replace, unlink = os.replace, os.unlink

    def windows_replace(src: str, dst: str | os.PathLike[str]) -> None:
        if Path(dst) == held_open:
            raise _held_open(held_open)
        replace(src, dst)

    def windows_unlink(path: str | os.PathLike[str]) -> None:
        if not os.stat(path).st_mode & stat.S_IWRITE:
            raise PermissionError(errno.EACCES, "Access is denied", str(path))
        unlink(path)

    monkeypatch.setattr(os, "replace", windows_replace)
    monkeypatch.setattr(os, "unlink", windows_unlink)


def test_a_file_open_in_another_program_is_named_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "findings.csv"
    atomic_write_text(target, "old\r\n")
    _windows_file_ops(monkeypatch, target)
    with pytest.raises(OutputError) as caught:
        atomic_write_text(target, "new\r\n")
    assert str(caught.value) == (
        f"cannot write {target}: Access is denied (is it open in another program, such as "
        "Excel? close it and run again)"
    )
    assert target.read_bytes() == b"old\r\n"
    assert [p.name for p in tmp_path.iterdir()] == ["findings.csv"]


def test_no_temporary_file_is_left_beside_a_read_only_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a read-only file, and the temporary file, given the same
    permissions, could not be deleted either: it was left behind on every run."""
    target = tmp_path / "findings.csv"
    atomic_write_text(target, "old\r\n")
    os.chmod(target, 0o444)
    _windows_file_ops(monkeypatch, target)
    with pytest.raises(OutputError, match=r"findings\.csv"):
        atomic_write_text(target, "new\r\n")
    assert [p.name for p in tmp_path.iterdir()] == ["findings.csv"]


def test_elsewhere_a_permission_error_says_only_what_the_system_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "findings.csv"

    def refused(src: str, dst: str) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted", dst)

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(OutputError) as caught:
        atomic_write_text(target, "new\r\n")
    assert str(caught.value) == f"cannot write {target}: Operation not permitted"
    assert list(tmp_path.iterdir()) == []


# -- text files written on Windows ------------------------------------------------------------

PLEDGES = Path(__file__).parent.parent / "src" / "corparent" / "pledges" / "data"


def test_a_pledge_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """Notepad's "UTF-8 with BOM" and PowerShell's UTF8 start the file with a byte order mark;
    it was refused as "not valid TOML (at line 1, column 1)"."""
    from corparent import pledges

    text = (PLEDGES / "derby.toml").read_text(encoding="utf-8")
    path = tmp_path / "derby.toml"
    path.write_bytes(codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"))
    assert pledges.load(path) == pledges.load("derby")


def test_a_pledge_saved_in_the_ansi_code_page_is_refused_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Saved as cp1252 ("£1") the file stopped the command with a UnicodeDecodeError traceback."""
    from corparent import pledges

    text = (PLEDGES / "derby.toml").read_text(encoding="utf-8")
    line = 1 + text[: text.index("£")].count("\n")
    path = tmp_path / "derby.toml"
    path.write_bytes(text.encode("cp1252"))
    with pytest.raises(ConfigError) as caught:
        pledges.load(path)
    [problem] = caught.value.problems
    assert (problem.code, problem.file, problem.row) == ("not_utf8", str(path), line)
    assert main(["pledge", "validate", str(path)]) == 2
    assert f"{path}, row {line}: the file is not UTF-8 text" in capsys.readouterr().err


# -- file names: case ---------------------------------------------------------------------------
# Windows and macOS match file names ignoring case; Linux does not. A folder must read the same
# everywhere, and where two names differ only in case (possible on Linux only) no file may be
# left unread without a word.

EVENTS = Path(__file__).parent.parent / "examples" / "data" / "events"


def test_events_files_are_found_whatever_the_case_of_their_names(tmp_path: Path) -> None:
    from corparent.io import events

    folder = tmp_path / "export"
    shutil.copytree(EVENTS, folder)
    expected = events.load(folder)
    (folder / "children.csv").rename(folder / "Children.csv")
    (folder / "reviews.csv").rename(folder / "REVIEWS.CSV")
    assert events.is_events_folder(folder)
    loaded = events.load(folder)
    assert loaded.problems == expected.problems == ()
    assert loaded.caseload == expected.caseload
    assert loaded.stats.tables["reviews"].read == expected.stats.tables["reviews"].read > 0


def test_a_second_events_file_of_one_kind_is_reported_not_read(tmp_path: Path) -> None:
    from corparent.io import events

    folder = tmp_path / "export"
    shutil.copytree(EVENTS, folder)
    expected = events.load(folder)
    shutil.copy(folder / "reviews.csv", folder / "Reviews.csv")
    (folder / "visits.json").write_text("[]", encoding="utf-8")
    loaded = events.load(folder)
    assert loaded.caseload == expected.caseload
    assert sorted((p.code, Path(p.file or "").name) for p in loaded.problems) == [
        ("duplicate_file", "Reviews.csv"),
        ("duplicate_file", "visits.json"),
    ]
    with pytest.raises(LoadError):
        events.load(folder, strict=True)


def test_two_ssd_files_of_one_table_are_refused_not_one_left_unread(tmp_path: Path) -> None:
    """``SSD_Person.csv`` beside ``ssd_person.csv`` was silently not read (the tally said
    every row was accounted for, from the other file only)."""
    from corparent import synth
    from corparent.io import ssd

    synth.write_ssd(synth.generate(20, seed=3), tmp_path, as_of=synth.DEFAULT_AS_OF)
    person = tmp_path / "ssd_person.csv"
    lines = person.read_bytes().splitlines(keepends=True)
    person.write_bytes(b"".join(lines[:11]))
    (tmp_path / "SSD_Person.csv").write_bytes(lines[0] + b"".join(lines[11:]))
    with pytest.raises(LoadError) as caught:
        ssd.load(tmp_path)
    [problem] = caught.value.problems
    assert problem.code == "duplicate_table"
    assert "SSD_Person.csv, ssd_person.csv" in problem.message
    assert main(["check", str(tmp_path), "--as-of", "2024-03-31"]) == 2


def test_findings_json_saved_with_a_byte_order_mark_reads_back(tmp_path: Path) -> None:
    """Saved again by Notepad or PowerShell, the file was refused ("row 1: not JSON:
    Unexpected UTF-8 BOM"), without naming it."""
    from corparent import synth
    from corparent.checks import run_checks
    from corparent.io.findings import read_json, write_json

    result = run_checks(synth.generate(20, seed=1).records, synth.DEFAULT_AS_OF, workers=1)
    plain = tmp_path / "findings.json"
    write_json(result, plain)
    saved = tmp_path / "saved.json"
    saved.write_bytes(codecs.BOM_UTF8 + plain.read_bytes().replace(b"\n", b"\r\n"))
    assert read_json(saved) == read_json(plain) == result.findings
    assert result.findings
    broken = tmp_path / "broken.json"
    broken.write_bytes(b"{\n  nothing")
    with pytest.raises(LoadError) as caught:
        read_json(broken)
    [problem] = caught.value.problems
    assert (problem.code, problem.file, problem.row) == ("bad_json", str(broken), 2)


# -- paths as Windows users type them -----------------------------------------------------------


def test_a_windows_path_is_shown_as_typed(capsys: pytest.CaptureFixture[str]) -> None:
    """Shown by its repr, C:\\data\\903 read 'C:\\\\data\\\\903' in the error."""
    assert main(["check", r"C:\data\903", "--as-of", "2024-03-31"]) == 2
    err = capsys.readouterr().err
    assert r"argument PATH: 'C:\data\903' is neither a folder nor a database URL" in err
    assert "quote" not in err
    args = ["check", str(BUNDLED), "--previous", r"C:\data\2023", "--as-of", "2024-03-31"]
    assert main(args) == 2
    assert r"argument --previous: 'C:\data\2023' is not a folder" in capsys.readouterr().err


def test_a_folder_ending_in_a_backslash_and_quote_gets_a_hint(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """cmd.exe and PowerShell pass "C:\\data\\903\\" as C:\\data\\903" (the backslash escapes
    the closing quote)."""
    assert main(["check", 'C:\\data\\903"', "--as-of", "2024-03-31"]) == 2
    err = capsys.readouterr().err
    assert "'C:\\data\\903\"' is neither a folder" in err
    assert "a backslash before a closing quote keeps the quote: leave the last one out" in err


# -- a reader that has gone ----------------------------------------------------------------------


class _GonePipe(io.RawIOBase):
    """A pipe whose reader has gone (``... | head``), failing as Windows often fails: EINVAL,
    not EPIPE (CPython issue 79935)."""

    def __init__(self) -> None:
        self.gone = True

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self.gone:
            raise OSError(errno.EINVAL, "Invalid argument")
        return len(data)


@contextlib.contextmanager
def gone_stdout(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Standard output, in the test's body (pytest sets its own for the body), to a reader that
    has gone."""
    pipe = _GonePipe()
    stream = io.TextIOWrapper(io.BufferedWriter(pipe), encoding="cp1252", newline="\r\n")
    monkeypatch.setattr(sys, "stdout", stream)
    try:
        yield
    finally:
        if sys.stdout is not stream:
            sys.stdout.close()  # the command's os.devnull, opened for the rest of the run
        pipe.gone = False  # the stream closes quietly
        stream.close()


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["duties"], 0),
        (["check", str(BUNDLED), "--as-of", "2024-03-31", "--format", "csv"], 1),
    ],
)
def test_a_closed_pipe_reported_as_einval_on_windows_ends_quietly(
    monkeypatch: pytest.MonkeyPatch, args: list[str], code: int
) -> None:
    """``corparent duties | head`` in Git Bash (or PowerShell's Select-Object -First): an
    OSError traceback instead of the quiet end a broken pipe gets; the exit code still counts
    the findings."""
    monkeypatch.setattr(cli_common, "WINDOWS", True)
    with gone_stdout(monkeypatch):
        assert main(args) == code


def test_elsewhere_einval_on_standard_output_is_not_taken_for_a_closed_pipe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cli_common, "WINDOWS", False)
    with gone_stdout(monkeypatch), pytest.raises(OSError, match="Invalid argument"):
        main(["duties"])


# -- SQLite files in folders with URI characters in their names ---------------------------------


@pytest.mark.parametrize("folder", ["team #2", "100%41 done", "why?"])
def test_a_sqlite_file_is_read_whatever_its_folder_is_called(tmp_path: Path, folder: str) -> None:
    """The file is opened read-only through an SQLite URI, where "#" starts a fragment, "?" a
    query and "%" an escape: "team #2/ssd.db" was opened as "team " (no tables)."""
    pytest.importorskip("sqlalchemy")
    from urllib.parse import quote

    from corparent import synth
    from corparent.io import ssd

    plain = tmp_path / "ssd.db"
    synth.write_ssd(synth.generate(10, seed=3), f"sqlite:///{plain}", as_of=synth.DEFAULT_AS_OF)
    expected = ssd.load(f"sqlite:///{plain}")
    (tmp_path / folder).mkdir()
    database = tmp_path / folder / "ssd.db"
    database.write_bytes(plain.read_bytes())
    loaded = ssd.load(f"sqlite:///{quote(str(database))}")  # a URL escapes "%" and "?" itself
    assert loaded.problems == expected.problems

    def sourceless(records: Iterable[CaseRecord]) -> list[CaseRecord]:
        return [attrs.evolve(r, evidence=attrs.evolve(r.evidence, source="")) for r in records]

    assert sourceless(loaded.caseload) == sourceless(expected.caseload)
    assert len(loaded.caseload) == 10


# -- parallel runs with spawned workers (Windows) ------------------------------------------------


def _spawned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_runner, "_pool_context", lambda: multiprocessing.get_context("spawn"))


def test_a_check_made_inside_a_function_runs_with_spawned_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A spawned worker cannot import a check made inside a function: the pool broke (with
    fork, on Linux, the same run works)."""
    from corparent import synth

    def made(limit: int) -> CheckSpec:
        @check(id="anytown.many_episodes")
        def many(record: CaseRecord, context: CheckContext) -> Iterator[Finding]:
            if len(record.episodes) > limit:
                yield context.finding(record, message="many episodes", code="many")

        return many

    records = synth.generate(30, seed=7).records
    checks = default().with_(made(2))
    one = run_checks(records, synth.DEFAULT_AS_OF, checks=checks, workers=1)
    assert any(f.check_id == "anytown.many_episodes" for f in one.findings)
    forked = run_checks(records, synth.DEFAULT_AS_OF, checks=checks, workers=2, chunk_size=5)
    assert forked.metadata.workers == 2
    assert forked.findings == one.findings
    _spawned(monkeypatch)
    two = run_checks(records, synth.DEFAULT_AS_OF, checks=checks, workers=2, chunk_size=5)
    assert two.findings == one.findings
    assert two.metadata.workers == 1


def test_a_check_defined_in_a_notebook_runs_with_spawned_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A notebook's ``__main__`` has no file for a spawned worker to import again."""
    from corparent import synth

    notebook = types.ModuleType("__main__")

    def nothing(record: CaseRecord, context: CheckContext) -> tuple[()]:
        return ()

    nothing.__module__ = "__main__"
    nothing.__qualname__ = "nothing"
    notebook.nothing = nothing  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "__main__", notebook)
    spec = check(id="anytown.nothing")(nothing)
    records = synth.generate(20, seed=7).records
    checks = default().with_(spec)
    one = run_checks(records, synth.DEFAULT_AS_OF, checks=checks, workers=1)
    _spawned(monkeypatch)
    two = run_checks(records, synth.DEFAULT_AS_OF, checks=checks, workers=2, chunk_size=5)
    assert two.findings == one.findings
    assert two.metadata.workers == 1


def test_importable_checks_still_use_spawned_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    from corparent import synth

    _spawned(monkeypatch)
    records = synth.generate(20, seed=7).records
    two = run_checks(records, synth.DEFAULT_AS_OF, workers=2, chunk_size=5)
    assert two.metadata.workers == 2


def test_an_events_file_saved_in_the_ansi_code_page_is_refused_naming_the_line(
    tmp_path: Path,
) -> None:
    """Excel's "CSV (Comma delimited)" on Windows writes cp1252: the problem quoted Python's
    codec error and a byte offset within a read buffer."""
    from corparent.io import events

    folder = tmp_path / "export"
    shutil.copytree(EVENTS, folder)
    path = folder / "allocations.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[60] = lines[60].replace(lines[60].split(",")[2], "Équipe Nord", 1)
    path.write_bytes("".join(lines).encode("cp1252"))
    loaded = events.load(folder)
    [problem] = loaded.problems
    assert (problem.code, problem.file, problem.row) == ("unreadable_file", str(path), 61)
    assert "not UTF-8 text" in problem.message
    assert "codec" not in problem.message


def test_a_sqlite_file_on_a_network_share_gets_a_uri_sqlite_opens(tmp_path: Path) -> None:
    r"""``\\server\share\ssd.db`` (and a file on a mapped drive, which ``resolve()`` turns into
    one) became ``file://server/share/ssd.db``: SQLite refuses "invalid uri authority: server"."""
    import sqlite3

    from corparent.io.ssd._sql import _sqlite_uri

    share = PureWindowsPath(r"\\server\share\SSD #2\ssd.db")
    assert _sqlite_uri(share) == "file:////server/share/SSD%20%232/ssd.db"
    assert _sqlite_uri(PureWindowsPath(r"C:\SSD\ssd.db")) == "file:C:/SSD/ssd.db"
    # The same form for a path SQLite can open here: two leading slashes after "file://".
    database = tmp_path / "ssd.db"
    with contextlib.closing(sqlite3.connect(database)) as made:
        made.execute("CREATE TABLE ssd_person (pers_person_id TEXT)")
    uri = _sqlite_uri(PurePosixPath("/" + database.as_posix()))
    assert uri.startswith("file:////")
    with contextlib.closing(sqlite3.connect(f"{uri}?mode=ro", uri=True)) as opened:
        assert opened.execute("SELECT name FROM sqlite_master").fetchall() == [("ssd_person",)]


# -- the report in an interactive session -------------------------------------------------------


def test_a_report_leaves_the_programs_matplotlib_backend_as_it_was() -> None:
    """A notebook's or an IDE's backend (Spyder, IPython, macOS's own) was switched to Agg by
    the first report with charts: the user's plots then no longer showed."""
    matplotlib = pytest.importorskip("matplotlib")
    pytest.importorskip("jinja2")
    from corparent import synth
    from corparent.reports import build_report, render_html

    before = matplotlib.get_backend()
    matplotlib.use("svg")  # any backend other than Agg, which the test machine would use
    try:
        report = build_report(synth.generate(60, seed=4), synth.DEFAULT_AS_OF)
        assert render_html(report).count("<svg") == 2  # the charts were drawn
        assert matplotlib.get_backend() == "svg"
    finally:
        matplotlib.use(before)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes here are POSIX ones")
def test_output_to_a_pipe_or_device_is_written_not_replaced(tmp_path: Path) -> None:
    """``-o /dev/stdout``, ``-o /dev/null`` (Windows: ``-o NUL``) or a named pipe: a temporary
    file was renamed onto it, replacing the pipe with a file (as root, /dev/null itself)."""
    pipe = tmp_path / "findings.csv"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # a reader, so the writer can open
    try:
        atomic_write_text(pipe, "child_id\r\nC0001\r\n")
        assert os.read(reader, 1000) == b"child_id\r\nC0001\r\n"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["findings.csv"]


@pytest.mark.skipif(os.name != "posix", reason="a symbolic link needs privileges on Windows")
def test_output_through_a_link_replaces_the_file_it_names_not_the_link(tmp_path: Path) -> None:
    """``-o /dev/stdout`` with standard output redirected to a file is such a link: run as root
    (a container, a CI job), the rename replaced /dev/stdout itself."""
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "findings.csv"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "findings.csv"
    link.symlink_to(real)
    atomic_write_text(link, "new\r\n")
    assert link.is_symlink()
    assert real.read_bytes() == b"new\r\n"
    assert sorted(p.name for p in shared.iterdir()) == ["findings.csv"]


def test_ssd_csv_text_saved_in_the_ansi_code_page_is_read_and_noted(tmp_path: Path) -> None:
    """SQL Server's tools and Excel on Windows write CSV in cp1252: a team "Équipe Nord" became
    "\ufffdquipe Nord" in worklists, without a word."""

    from corparent import synth
    from corparent.io import ssd

    synth.write_ssd(synth.generate(20, seed=3), tmp_path, as_of=synth.DEFAULT_AS_OF)
    path = tmp_path / "ssd_involvements.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    team = rows[0].index("invo_professional_team")
    rows[1][team] = "Équipe Nord"
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    path.write_bytes(text.getvalue().encode("cp1252"))
    loaded = ssd.load(tmp_path)
    teams = {a.team for allocations in loaded.allocations.values() for a in allocations}
    assert "Équipe Nord" in teams
    assert not any("\ufffd" in (t or "") for t in teams)
    [note] = [n for n in loaded.notes if n.code == "not_utf8"]
    assert note.file == str(path)
    assert note.message == "1 byte(s) are not UTF-8 and were read as Windows-1252"
    assert loaded.problems == ()


def test_macos_workers_are_spawned_not_forked(monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS offers fork but it is unsafe there (Python's own default is spawn); the runner
    forked wherever fork existed, though it meant to fork on Linux only."""
    monkeypatch.setattr(sys, "platform", "darwin")
    assert _runner._pool_context().get_start_method() == "spawn"
    monkeypatch.setattr(sys, "platform", "linux")
    assert _runner._pool_context().get_start_method() == "fork"


def test_spawned_workers_are_not_chosen_automatically(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every record is pickled to a spawned worker: 20,000 children took 12.6 s on two spawned
    processes against 2.7 s on one. With macOS now spawning, its load average (a free core)
    chose two."""
    monkeypatch.setattr(_runner, "_cores", lambda: 2)
    monkeypatch.setattr(_runner, "_snapshot", lambda: None)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.1, 0.1, 0.1), raising=False)
    assert _runner.auto_workers(10**6) == 2  # forked workers, a free core
    monkeypatch.setattr(sys, "platform", "darwin")
    assert _runner.auto_workers(10**6) == 1
    monkeypatch.setattr(sys, "platform", "linux")
    _spawned(monkeypatch)  # as on Windows
    assert _runner.auto_workers(10**6) == 1


def test_events_files_written_by_windows_powershell_are_read(tmp_path: Path) -> None:
    """Windows PowerShell's ``>`` and ``Out-File`` write UTF-16 with a byte order mark: the
    file was refused as not UTF-8."""
    import json

    from corparent.io import events

    folder = tmp_path / "export"
    shutil.copytree(EVENTS, folder)
    expected = events.load(folder)
    children = folder / "children.csv"
    text = children.read_text(encoding="utf-8").replace("\n", "\r\n")
    children.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    reviews = folder / "reviews.csv"
    with reviews.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    reviews.unlink()
    (folder / "reviews.json").write_bytes(
        codecs.BOM_UTF16_LE + json.dumps(rows, indent=2).encode("utf-16-le")
    )
    loaded = events.load(folder)
    assert loaded.problems == ()
    assert loaded.caseload == expected.caseload
