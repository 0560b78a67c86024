"""Read SSDA903 returns into a :class:`~corparent.model.Caseload`, losing nothing silently.

Every *physical line* of every file is accounted for, by construction: it is a header, a blank
line, or a row read; every row read is mapped into the model, reported as a
:class:`~corparent.errors.Problem` (naming file, row, column and the value's shape, never the
value), dropped as a duplicate of a row in another file of the same return, or superseded by a
later return. :class:`LoadStats` proves it, table by table.

Rows are streamed: one line at a time, mapped by a compiled per-file mapper (column positions
resolved once, values looked up in tables), so memory holds the rows kept, not the file text.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from corparent._gc import collector_paused
from corparent.errors import LoadError, Problem, shape
from corparent.io.ssda903._build import build_records
from corparent.io.ssda903._fields import (
    MIN_YEAR,
    MISS,
    Field,
    child_id_problem,
    compile_mapper,
    parse_date,
    table_fields,
)
from corparent.io.ssda903._lines import MAX_LINE, Decoding, physical_lines, sniff
from corparent.io.ssda903._tables import PERSONAL_COLUMNS, TABLES, TableSpec, table_for_header
from corparent.model import Caseload, Evidence

__all__ = ["CollectionYear", "LoadResult", "LoadStats", "TableStats", "load", "parse_date"]

StrPath = str | PathLike[str]
Source = StrPath | Mapping[str, StrPath] | Iterable[StrPath]

UNRECOGNISED = "unrecognised"
"""The stats entry for files that are not a table of the return (their lines are reported)."""

_MAX_FIELD = MAX_LINE
"""A field may be as long as a line (1 MiB) and no longer: the csv module's limit (128 KiB by
default) is raised to it while a return loads, so that a long field is reported by its column,
and restored afterwards (the limit is the whole process's)."""
_COLUMN_NAME = re.compile(r"[A-Z][A-Z0-9_]{0,39}")
_FIELDS = table_fields()
_SPECS = {t.name: t for t in TABLES}
_YEAR_COLUMNS = {"episodes": ("start", "end"), "reviews": ("date",)}


@attrs.define(kw_only=True)
class TableStats:
    """Where every physical line of one table's files went.

    ``lines == headers + blank + read`` and ``read == mapped + reported + duplicates +
    superseded`` (see :attr:`accounted`).

    Attributes:
        files: Files read for the table.
        lines: Physical lines in those files.
        headers: Header rows (one per file that has one).
        blank: Blank lines (and lines of only commas) skipped.
        read: Rows read.
        mapped: Rows mapped into the model.
        reported: Rows that could not be used, each reported as a problem.
        duplicates: Rows identical to a row of another file of the same return, kept once.
        superseded: Rows replaced by the same row (same key) in a later return.
    """

    files: int = 0
    lines: int = 0
    headers: int = 0
    blank: int = 0
    read: int = 0
    mapped: int = 0
    reported: int = 0
    duplicates: int = 0
    superseded: int = 0

    @property
    def accounted(self) -> bool:
        """True when every line is a header, a blank or a row read, and every row read was
        mapped, reported, a duplicate or superseded."""
        return (
            self.lines == self.headers + self.blank + self.read
            and self.read == self.mapped + self.reported + self.duplicates + self.superseded
        )


@attrs.frozen(kw_only=True)
class LoadStats:
    """Line and row counts per table (see :class:`TableStats`) and children loaded."""

    tables: Mapping[str, TableStats]
    children: int

    @property
    def accounted(self) -> bool:
        """True when nothing was dropped (every line and row accounted for, in every table)."""
        return all(t.accounted for t in self.tables.values())

    def summary(self) -> str:
        """One line per table, e.g. ``episodes: 512 read = 510 mapped + 2 reported``."""
        lines = []
        for name, t in self.tables.items():
            if not t.files:
                continue
            text = f"{name}: {t.read} read = {t.mapped} mapped + {t.reported} reported"
            if t.duplicates:
                text += f" + {t.duplicates} duplicates"
            if t.superseded:
                text += f" + {t.superseded} superseded by a later return"
            if t.blank:
                text += f" ({t.blank} blank rows skipped)"
            lines.append(text)
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class CollectionYear:
    """One return loaded: where it came from and the collection year it covers.

    Attributes:
        source: The folder (or files) of the return.
        year_end: The 31 March the collection year ends on.
        explicit: True when the year was given, False when derived from the return's dates.
        files: How many files were read from it.
    """

    source: str
    year_end: dt.date
    explicit: bool
    files: int

    @property
    def start(self) -> dt.date:
        """1 April, the first day of the collection year."""
        return dt.date(self.year_end.year - 1, 4, 1)

    @property
    def label(self) -> str:
        """``"2023/24"``."""
        return f"{self.year_end.year - 1}/{self.year_end.year % 100:02d}"


@attrs.frozen(kw_only=True, repr=False)
class LoadResult:
    """What :func:`load` gives back.

    Attributes:
        caseload: Every child that could be read (records with integrity problems are kept).
        problems: Every row, value or record that could not be used as it stood.
        notes: Things worth knowing that lose no data (extra columns ignored, encoding, a
            child with no header row, rows superseded by a later return).
        stats: The line and row accounting, per table.
        collection_year_end: The 31 March of the latest return loaded.
        years: Each return loaded, oldest first, with its own collection year.
        evidence: The evidence window every record carries: 1 April of the earliest year
            loaded to 31 March of the latest.
        record_problems: Each record's integrity problems (by child id), computed once when
            the record was built; checks reuse them rather than recompute.
    """

    caseload: Caseload
    problems: tuple[Problem, ...]
    notes: tuple[Problem, ...]
    stats: LoadStats
    collection_year_end: dt.date
    years: tuple[CollectionYear, ...] = ()
    evidence: Evidence = attrs.field(factory=Evidence.complete)
    record_problems: Mapping[str, tuple[Problem, ...]] = attrs.field(factory=dict)

    def __repr__(self) -> str:
        years = ", ".join(y.label for y in self.years)
        return (
            f"LoadResult(children={len(self.caseload)}, problems={len(self.problems)}, "
            f"notes={len(self.notes)}, years=[{years}], accounted={self.stats.accounted})"
        )


# -- the state of one load ----------------------------------------------------------------------


class _Return:
    """One return being read."""

    def __init__(self, source: str, year_end: dt.date | None) -> None:
        self.source = source
        self.year_end = year_end
        self.explicit = year_end is not None
        self.latest = dt.date(MIN_YEAR, 1, 1)  # the latest episode or review date
        self.latest_past = self.latest  # the same, among dates not after today
        self.files = 0
        # child -> (date of birth, sex, raw DOB, raw SEX) from this return's header, to check
        # the other tables against
        self.header: dict[str, tuple[Any, Any, str, str]] = {}


class _Load:
    """State of one load: problems, notes, stats and the rows gathered per child."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []
        self.stats: dict[str, TableStats] = {t.name: TableStats() for t in TABLES}
        self.files: list[tuple[str, int]] = []  # (file name, return index)
        self.returns: list[_Return] = []
        # child -> table -> rows: each the field values, then the file's index and the line
        self.rows: dict[str, dict[str, list[tuple[Any, ...]]]] = {}
        self.fallback_dob: dict[str, tuple[dt.date, int, int]] = {}
        self.valid_ids: set[str] = set()

    def table_stats(self, name: str) -> TableStats:
        stats = self.stats.get(name)
        if stats is None:
            stats = self.stats[name] = TableStats()
        return stats


# -- files ----------------------------------------------------------------------------------------


def _stem(path: Path) -> str:
    return re.sub(r"[^a-z0-9]", "", path.stem.lower())


def _table_by_name(path: Path) -> TableSpec | None:
    stem = _stem(path)
    return next((t for t in TABLES if stem in t.file_stems), None)


def _is_csv_name(path: Path) -> bool:
    return path.suffix.lower() in (".csv", ".txt") and (
        path.suffix.lower() == ".csv" or _table_by_name(path) is not None
    )


def _files(load: _Load, source: Source) -> list[tuple[Path, str | None]]:
    """The files of one return, each with the table it was named for (mapping sources)."""
    if source is None:
        raise LoadError(
            [Problem(code="no_files", message="no folder or file given", expected="a folder")]
        )
    if isinstance(source, Mapping):
        return [(Path(p), str(name)) for name, p in source.items()]
    if isinstance(source, str | PathLike):
        path = Path(source)
        if path.is_dir():
            found: list[tuple[Path, str | None]] = []
            try:
                entries = sorted(path.iterdir())
            except OSError as exc:
                raise LoadError(
                    [
                        Problem(
                            code="unreadable_folder",
                            message=f"cannot list the folder ({type(exc).__name__})",
                            file=str(path),
                        )
                    ]
                ) from None
            for entry in entries:
                if entry.is_dir() and not entry.is_symlink():
                    if any(_is_csv_name(p) for p in _safe_iter(entry)):
                        load.notes.append(
                            Problem(
                                code="subfolder_ignored",
                                message="the subfolder's CSV files were not read; pass a "
                                "previous year's return as a previous return",
                                file=str(entry),
                            )
                        )
                    continue
                if _is_csv_name(entry):
                    found.append((entry, None))
            return found
        if not path.exists() and not path.is_symlink():
            raise LoadError(
                [
                    Problem(
                        code="no_files",
                        message="no such file or folder",
                        file=str(path),
                        expected="a folder of SSDA903 CSV files",
                    )
                ]
            )
        return [(path, None)]
    if isinstance(source, bytes):
        raise LoadError([Problem(code="no_files", message="a path must be text, not bytes")])
    try:
        items = list(source)
    except TypeError:
        raise LoadError(
            [
                Problem(
                    code="no_files",
                    message=f"cannot read a return from a {type(source).__name__}",
                    expected="a folder, a file, several of either, or {table: file}",
                )
            ]
        ) from None
    return [f for item in items for f in _files(load, item)]


def _safe_iter(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _problem(load: _Load, code: str, message: str, **where: Any) -> None:
    load.problems.append(Problem(code=code, message=message, **where))


def _count_rest(lines: Iterator[tuple[int, str | None]], stats: TableStats) -> int:
    """Count the remaining lines as read and reported (blank ones as blank); the count read."""
    read = 0
    for _, text in lines:
        stats.lines += 1
        if text is not None and _blank(text):
            stats.blank += 1
        else:
            read += 1
    stats.read += read
    stats.reported += read
    return read


def _blank(text: str) -> bool:
    return not text.strip(" \t,\"'\ufeff")


def _split(text: str, sep: str = ",") -> list[str]:
    """The cells of one line (``csv.Error`` when its quotes do not balance)."""
    if '"' in text:
        return next(csv.reader((text,), strict=True, delimiter=sep))
    return text.split(sep)


def _column_names(columns: Sequence[str]) -> str:
    """Column names as a message may show them: a name that does not look like one (a date,
    a UPN or postcode from a row merged into the header) is given by shape."""
    return ", ".join(
        c if _COLUMN_NAME.fullmatch(c) and sum(ch.isdigit() for ch in c) <= 1 else shape(c)
        for c in columns
    )


def _read_file(load: _Load, path: Path, named: str | None, ret_index: int) -> None:
    name = str(path)
    by_name = _SPECS.get(named) if named else _table_by_name(path)
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        _problem(load, "unreadable_file", f"cannot read the file ({type(exc).__name__})", file=name)
        return
    if not stat.S_ISREG(mode):
        _problem(
            load,
            "not_a_file",
            "not a regular file (a folder, pipe or device); not read",
            file=name,
            expected="a CSV file",
        )
        return
    try:
        stream = path.open("rb")
    except OSError as exc:
        _problem(load, "unreadable_file", f"cannot read the file ({type(exc).__name__})", file=name)
        return
    with stream:
        try:
            _read_stream(load, stream, name, by_name, ret_index)
        except OSError as exc:
            _problem(load, "unreadable_file", f"reading stopped ({type(exc).__name__})", file=name)


def _read_stream(
    load: _Load, stream: Any, name: str, by_name: TableSpec | None, ret_index: int
) -> None:
    sample = stream.read(4096)
    stream.seek(0)
    encoding, codec = sniff(sample)
    decoding = Decoding(encoding=encoding)
    fidx = len(load.files)
    load.files.append((name, ret_index))
    load.returns[ret_index].files += 1
    if encoding == "binary":
        stats = load.table_stats(by_name.name if by_name else UNRECOGNISED)
        stats.files += 1
        count = sum(1 for _ in physical_lines(stream, None, decoding))
        stats.lines += count
        stats.read += count
        stats.reported += count
        _problem(
            load,
            "not_csv",
            f"the file is binary, not CSV: its {count} line(s) were not read",
            file=name,
            expected="a CSV text file",
        )
        return
    if codec is not None:
        load.notes.append(
            Problem(code="utf16", message="the file is UTF-16 (Unicode Text); decoded", file=name)
        )
    lines = physical_lines(stream, codec, decoding)
    try:
        _read_lines(load, lines, name, by_name, fidx, ret_index)
    finally:
        for _ in lines:  # pragma: no cover - only after an unexpected error
            pass
    if decoding.cp1252_lines:
        load.notes.append(
            Problem(
                code="not_utf8",
                message=f"{decoding.cp1252_lines} line(s) are not UTF-8 and were read as "
                "Windows-1252",
                file=name,
                row=decoding.first_cp1252,
            )
        )
    if decoding.replaced_lines:
        load.notes.append(
            Problem(
                code="undecodable",
                message=f"{decoding.replaced_lines} line(s) hold bytes that are not UTF-16; "
                "they were replaced",
                file=name,
            )
        )


def _read_lines(
    load: _Load,
    lines: Iterator[tuple[int, str | None]],
    name: str,
    by_name: TableSpec | None,
    fidx: int,
    ret_index: int,
) -> None:
    blank_before = 0
    first: tuple[int, str | None] | None = None
    for number, text in lines:
        if text is not None and _blank(text):
            blank_before += 1
            continue
        first = (number, text)
        break
    header: list[str] | None = None
    sep = ","
    if first is not None and first[1] is not None:
        try:
            # Excel's "Unicode Text" is tab-separated: a header with tabs and no commas says so
            sep = "\t" if "\t" in first[1] and "," not in first[1] else ","
            header = _split(first[1], sep)
        except csv.Error:
            header = None
    columns = [h.strip().lstrip("\ufeff").strip().upper() for h in header] if header else []
    table = by_name or (table_for_header(set(columns)) if columns else None)
    stats = load.table_stats(table.name if table else UNRECOGNISED)
    stats.files += 1
    stats.lines += blank_before
    stats.blank += blank_before
    if first is None:
        _problem(
            load,
            "empty_file",
            "the file is empty",
            file=name,
            expected="a header row of SSDA903 column names",
        )
        return
    stats.lines += 1
    if table is None:
        stats.read += 1
        stats.reported += 1
        count = 1 + _count_rest(lines, stats)
        _problem(
            load,
            "unknown_table",
            f"the file is not an SSDA903 table: its {count} row(s) were not read",
            file=name,
            expected="a table of the return, e.g. header.csv or episodes.csv",
        )
        return
    if not any(c in table.columns for c in columns):
        stats.read += 1
        stats.reported += 1
        count = 1 + _count_rest(lines, stats)
        _problem(
            load,
            "no_header",
            f"the file has no header row (its first row is data): its {count} row(s) were not read",
            file=name,
            row=first[0],
            expected=f"a first row of column names: {', '.join(table.columns)}",
        )
        return
    stats.headers += 1
    header_line = first[0]
    repeated = sorted({c for c in columns if columns.count(c) > 1 and c})
    for column in repeated:
        where = [str(i + 1) for i, c in enumerate(columns) if c == column]
        _problem(
            load,
            "repeated_column",
            f"the column appears {len(where)} times (positions {', '.join(where)}); the first "
            "is read and a row whose copies differ is reported",
            file=name,
            row=header_line,
            column=column if column in table.columns else None,
        )
    extra = [c for c in columns if c not in table.columns]
    if extra:
        load.notes.append(
            Problem(
                code="extra_columns",
                message=f"columns ignored: {_column_names(extra)}",
                file=name,
                row=header_line,
            )
        )
    missing = [c for c in table.required if c not in columns]
    if missing:
        count = _count_rest(lines, stats)
        _problem(
            load,
            "missing_column",
            f"the file has no {', '.join(missing)} column: its {count} row(s) were not read",
            file=name,
            row=header_line,
            column=missing[0],
            expected=f"columns {', '.join(table.required)}",
        )
        return
    if sep == "\t":
        load.notes.append(
            Problem(code="tab_separated", message="the file is tab-separated", file=name)
        )
    _map_rows(load, lines, name, table, columns, repeated, fidx, ret_index, stats, sep)


def _map_rows(
    load: _Load,
    lines: Iterator[tuple[int, str | None]],
    name: str,
    table: TableSpec,
    columns: list[str],
    repeated: list[str],
    fidx: int,
    ret_index: int,
    stats: TableStats,
    sep: str = ",",
) -> None:
    ret = load.returns[ret_index]
    fields = _FIELDS[table.name]
    width = len(columns)
    position = {c: columns.index(c) for c in reversed(columns)}

    def bad(field: Field, raw: str, number: int, child: str) -> tuple[Any, bool]:
        return _bad_value(load, field, raw, name, number, child)

    mapper = compile_mapper(fields, position, bad, fidx)  # rows end with (fidx, line)
    header = ret.header
    dob_at_header = position.get("DOB", -1)
    sex_at_header = position.get("SEX", -1)
    child_at = position["CHILD"]
    dob_at = position.get("DOB", -1) if table.name != "header" else -1
    sex_at = position.get("SEX", -1) if table.name == "uasc" else -1
    copies = [[i for i, c in enumerate(columns) if c == r] for r in repeated if r in table.columns]
    year_at = [i for i, f in enumerate(fields) if f.name in _YEAR_COLUMNS.get(table.name, ())]
    today = dt.date.today()
    is_header = table.name == "header"
    rows = load.rows
    valid_ids = load.valid_ids
    dates = _FIELDS["header"][0].kind
    sexes = _FIELDS["header"][1].kind
    table_name = table.name
    read = mapped = reported = blank = count = 0
    # A child's rows usually follow one another: the list of the last child's rows and its
    # header row are kept, not looked up again (three lookups a row: 0.1 s of 1.5 s on a
    # 100,000-child return; the header table is read first and not changed by the others).
    last_child: str | None = None
    per_table: list[tuple[Any, ...]] = []
    known: tuple[Any, Any, str, str] | None = None
    for number, text in lines:
        count += 1
        if text is None:
            read += 1
            reported += 1
            _problem(
                load,
                "line_too_long",
                f"the line is longer than {MAX_LINE // 1024} KiB; not read",
                file=name,
                row=number,
            )
            continue
        if '"' in text:
            try:
                cells = next(csv.reader((text,), strict=True, delimiter=sep))
            except csv.Error as exc:
                read += 1
                reported += 1
                unclosed = "end of data" in str(exc)
                _problem(
                    load,
                    "bad_csv",
                    "a quote opens and never closes on this line; the row was not read"
                    if unclosed
                    else "a quote is misplaced on this line; the row was not read",
                    file=name,
                    row=number,
                    expected="quotes in pairs around a whole field",
                )
                continue
            if not any(c.strip() for c in cells):
                blank += 1
                continue
        else:
            if (not text or text[0] in " \t,\ufeff") and not text.strip(" \t,\ufeff"):
                blank += 1
                continue
            cells = text.split(sep)
        read += 1
        if " " in text or "\t" in text or not text.isascii():
            cells = [c.strip() for c in cells]
        if len(cells) != width and (len(cells) < width or any(cells[width:])):
            reported += 1
            _problem(
                load,
                "field_count",
                f"the row has {len(cells)} fields, the header {width}; the row was not read "
                "(a value may have moved to another column)",
                file=name,
                row=number,
                expected=f"{width} fields",
            )
            continue
        child = cells[child_at]
        if child not in valid_ids:
            if child.upper() == "CHILD" and [c.upper() for c in cells[:width]] == columns:
                reported += 1
                _problem(
                    load, "repeated_header", "the header row is repeated", file=name, row=number
                )
                continue
            wrong = child_id_problem(child)
            if wrong is not None:
                reported += 1
                _problem(
                    load,
                    "bad_child_id" if child else "missing_value",
                    wrong,
                    file=name,
                    row=number,
                    column="CHILD",
                    value=child or None,
                    expected="the child's record id",
                )
                continue
            if child.upper() != "CHILD":
                valid_ids.add(child)
        if copies and not _copies_agree(load, copies, cells, columns, name, number, child):
            reported += 1
            continue
        row = mapper(cells, number, child)
        if row is None:
            reported += 1
            continue
        mapped += 1
        if child != last_child:
            per_child = rows.get(child)
            if per_child is None:
                per_child = rows[child] = {}
            found = per_child.get(table_name)
            if found is None:
                found = per_child[table_name] = []
            per_table = found
            known = header.get(child)  # this return's header row of the child, if read
            last_child = child
        per_table.append(row)
        for i in year_at:
            day = row[i]
            if day is not None and day > ret.latest_past:
                if day > ret.latest:
                    ret.latest = day
                if day <= today:
                    ret.latest_past = day
        if is_header:
            if child not in header:
                header[child] = (
                    row[0],
                    row[1],
                    cells[dob_at_header],
                    cells[sex_at_header] if sex_at_header >= 0 else "",
                )
        elif dob_at >= 0 and (
            known is None
            or cells[dob_at] != known[2]
            or (sex_at >= 0 and cells[sex_at] != known[3])
        ):
            _other_dob(load, ret, child, cells, dob_at, sex_at, dates, sexes, name, number, fidx)
    stats.lines += count
    stats.read += read
    stats.mapped += mapped
    stats.reported += reported
    stats.blank += blank


def _copies_agree(
    load: _Load,
    copies: list[list[int]],
    cells: list[str],
    columns: list[str],
    name: str,
    number: int,
    child: str,
) -> bool:
    """True when every repeated column holds the same value in the row (else reported)."""
    ok = True
    for group in copies:
        if len({cells[i] for i in group}) > 1:
            ok = False
            _problem(
                load,
                "repeated_column",
                f"the copies of {columns[group[0]]} differ",
                file=name,
                row=number,
                column=columns[group[0]],
                record_id=child,
            )
    return ok


def _bad_value(
    load: _Load, field: Field, raw: str, name: str, number: int, child: str
) -> tuple[Any, bool]:
    """Report an unusable value; return the value to keep and whether the row is usable."""
    column = field.column
    empty = not raw.strip()
    keep_unknown = field.unknown
    message = f"{column} is empty" if empty else f"{column} is not {field.kind.what}"
    if field.required and keep_unknown:
        message += f"; the row is kept with {column} unknown"
    elif field.required:
        message += "; the row was not read"
    load.problems.append(
        Problem(
            code="missing_value" if empty else "bad_value",
            message=message,
            file=name,
            row=number,
            column=column,
            value=None if empty else raw,
            record_id=child,
            expected=field.kind.expected,
            personal=column in PERSONAL_COLUMNS,
        )
    )
    if field.required:
        return (field.unknown_value, True) if keep_unknown else (None, False)
    return None, True


def _other_dob(
    load: _Load,
    ret: _Return,
    child: str,
    cells: list[str],
    dob_at: int,
    sex_at: int,
    dates: Any,
    sexes: Any,
    name: str,
    number: int,
    fidx: int,
) -> None:
    """Check a non-header row's DOB (and SEX) against the return's header row for the child."""
    raw = cells[dob_at]
    dob = dates.convert(raw)
    if dob is MISS:
        load.problems.append(
            Problem(
                code="bad_value",
                message="DOB is not a date",
                file=name,
                row=number,
                column="DOB",
                value=raw,
                record_id=child,
                expected="a date dd/mm/YYYY",
                personal=True,
            )
        )
        return
    known = ret.header.get(child)
    if known is None:
        if dob is not None and child not in load.fallback_dob:
            load.fallback_dob[child] = (dob, fidx, number)
        return
    if dob is not None and dob != known[0]:
        load.problems.append(
            Problem(
                code="contradicts_header",
                message="DOB differs from the child's date of birth in the header",
                file=name,
                row=number,
                column="DOB",
                record_id=child,
                expected="the header's date of birth",
                personal=True,
            )
        )
    if sex_at >= 0:
        sex = sexes.convert(cells[sex_at])
        if sex not in (None, MISS) and known[1] is not None and sex is not known[1]:
            load.problems.append(
                Problem(
                    code="contradicts_header",
                    message="SEX differs from the child's sex in the header",
                    file=name,
                    row=number,
                    column="SEX",
                    record_id=child,
                    expected="the header's sex",
                )
            )


# -- years --------------------------------------------------------------------------------------


def _year_end_of(day: dt.date) -> dt.date:
    """The 31 March on or after ``day``."""
    year = day.year if day <= dt.date(day.year, 3, 31) else day.year + 1
    return dt.date(year, 3, 31)


def _as_year_end(year: int | dt.date | None, what: str) -> dt.date | None:
    if year is None:
        return None
    if isinstance(year, dt.date):
        if (year.month, year.day) != (3, 31):
            raise LoadError(
                [
                    Problem(
                        code="bad_year",
                        message=f"{what} must end on 31 March",
                        expected="a 31 March date, or the year it falls in",
                    )
                ]
            )
        return year
    if isinstance(year, bool) or not isinstance(year, int) or not 1901 <= year <= 2100:
        raise LoadError(
            [
                Problem(
                    code="bad_year",
                    message=f"{what} is not a year from 1901 to 2100",
                    expected="the year the collection year ends in, e.g. 2024 for 2023/24",
                )
            ]
        )
    return dt.date(year, 3, 31)


def _previous(item: Any) -> tuple[Any, dt.date | None]:
    if isinstance(item, tuple) and len(item) == 2:
        return item[0], _as_year_end(item[1], "a previous return's year")
    return item, None


def load(
    source: Source,
    *,
    strict: bool = False,
    collection_year_end: dt.date | None = None,
    year: int | None = None,
    previous: Iterable[StrPath | tuple[StrPath, int]] = (),
) -> LoadResult:
    """Load an SSDA903 return (and, optionally, earlier returns) from folders of CSV files.

    Files are recognised by name (``header.csv``, ``episodes.csv``, ...) or by their header
    row; headers match case-insensitively; a byte-order mark is tolerated, UTF-16 decoded,
    non-UTF-8 lines read as Windows-1252 (noted); extra columns are ignored (noted); blank
    lines are skipped (counted). A folder's subfolders are not read (noted): earlier returns
    are passed explicitly as ``previous``.

    Each return keeps its own collection year (OC2 and OC3 rows belong to it). A later return
    supersedes an earlier one row by row: an episode is the same episode when it has the same
    child and DECOM, a review the same review when it has the same child and date (header
    rows by child; missing episodes, DoLo and adoption rows by child and start date); every
    superseded row is counted in the table's
    :class:`~corparent.io.ssda903.TableStats` and noted per table.

    Args:
        source: This year's return: a folder, a file, several of either, or
            ``{"episodes": path, ...}``.
        strict: Raise one :class:`~corparent.errors.LoadError` listing every problem instead of
            returning them.
        collection_year_end: The 31 March this return's year ends on (same as ``year``).
        year: The year this return's collection year ends in (2024 for 2023/24); by default
            the year of the 31 March on or after its latest episode or review date.
        previous: Earlier returns, each a folder (its year derived from its dates) or a
            ``(folder, year)`` pair.

    Raises:
        LoadError: ``strict`` is set and anything could not be used as it stood; no file of
            a return was found; two returns are for the same collection year.
    """
    this_year = _as_year_end(year, "year") or _as_year_end(
        collection_year_end, "collection_year_end"
    )
    state = _Load()
    if isinstance(previous, str | PathLike):
        previous = [previous]  # one folder, not the characters of its name
    sources: list[tuple[Any, dt.date | None]] = [_previous(p) for p in previous]
    sources.append((source, this_year))
    plans = [(src, year_end, _files(state, src)) for src, year_end in sources]
    for src, _, files in plans:
        if not files:
            raise LoadError(
                [
                    Problem(
                        code="no_files",
                        message="no CSV files found",
                        file=str(src),
                        expected="a folder of SSDA903 CSV files",
                    )
                ]
            )
    field_limit = csv.field_size_limit()
    csv.field_size_limit(max(field_limit, _MAX_FIELD))
    try:
        with collector_paused():
            for index, (src, year_end, files) in enumerate(plans):
                state.returns.append(_Return(str(src), year_end))
                ordered = sorted(
                    files,
                    key=lambda f: (0 if (f[1] or (_table_by_name(f[0]) or TABLES[1]).name)
                                   == "header" else 1, str(f[0])),
                )  # fmt: skip
                for path, named in ordered:
                    _read_file(state, path, named, index)
            years = _settle_years(state, len(plans) - 1)
            evidence = Evidence.ssda903(years[0].start, years[-1].year_end)
            built = build_records(state, evidence)
    finally:
        csv.field_size_limit(field_limit)
    stats = LoadStats(tables=state.stats, children=len(built.records))
    if strict and state.problems:
        raise LoadError(state.problems, headline="the SSDA903 return has problems")
    return LoadResult(
        caseload=Caseload(records=built.records),
        problems=tuple(state.problems),
        notes=tuple(state.notes),
        stats=stats,
        collection_year_end=years[-1].year_end,
        years=years,
        evidence=evidence,
        record_problems=built.record_problems,
    )


def _derived_year(ret: _Return) -> dt.date:
    """The collection year of the return's latest episode or review date, leaving out dates
    after today (a mistyped year cannot have happened yet, and must not move the year)."""
    if ret.latest_past.year > MIN_YEAR:
        return _year_end_of(ret.latest_past)
    if ret.latest.year > MIN_YEAR:
        return _year_end_of(ret.latest)
    return _year_end_of(dt.date.today())


def _settle_years(state: _Load, latest: int) -> tuple[CollectionYear, ...]:
    """Each return's collection year: given, or derived from its dates (see _derived_year)."""
    out: list[CollectionYear] = []
    for ret in state.returns:
        if ret.year_end is None:
            ret.year_end = _derived_year(ret)
        if ret.latest > ret.year_end:
            state.notes.append(
                Problem(
                    code="dates_after_year",
                    message=f"some dates lie after {ret.year_end.isoformat()}, the end of the "
                    "collection year the return was taken to be (give the year if that is "
                    "wrong)",
                    file=ret.source,
                )
            )
        out.append(
            CollectionYear(
                source=ret.source, year_end=ret.year_end, explicit=ret.explicit, files=ret.files
            )
        )
    seen: dict[dt.date, str] = {}
    for index, y in enumerate(out):
        if y.year_end in seen:
            raise LoadError(
                [
                    Problem(
                        code="same_year",
                        message=f"two returns are for the {y.label} collection year: "
                        f"{seen[y.year_end]} and {y.source}",
                        expected="one return per collection year (give each previous "
                        "return's year explicitly if its dates mislead)",
                    )
                ]
            )
        seen[y.year_end] = y.source
        if index < latest and y.year_end > out[latest].year_end:
            raise LoadError(
                [
                    Problem(
                        code="previous_is_later",
                        message=f"the previous return {y.source} ({y.label}) is later than "
                        f"this year's ({out[latest].label})",
                        expected="previous returns for earlier collection years",
                    )
                ]
            )
    return tuple(sorted(out, key=lambda y: y.year_end))
