"""One file read: its encoding sniffed, its header recognised, every physical line accounted
for, and every row mapped by a compiled per-file mapper (column positions resolved once,
values looked up in tables) or reported as a located problem."""

from __future__ import annotations

import csv
import datetime as dt
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from corparent.errors import Problem, shape
from corparent.io.ssda903._fields import (
    MISS,
    Field,
    child_id_problem,
    compile_mapper,
    table_fields,
)
from corparent.io.ssda903._files import table_by_name
from corparent.io.ssda903._lines import MAX_LINE, Decoding, physical_lines, sniff
from corparent.io.ssda903._result import UNRECOGNISED, TableStats
from corparent.io.ssda903._state import LoadState, ReturnState
from corparent.io.ssda903._tables import PERSONAL_COLUMNS, TABLES, TableSpec, table_for_header

__all__ = ["extra_columns_note", "not_utf8_note", "read_file"]

_COLUMN_NAME = re.compile(r"[A-Z][A-Z0-9_]{0,39}")
_FIELDS = table_fields()
_SPECS = {t.name: t for t in TABLES}
_YEAR_COLUMNS = {"episodes": ("start", "end"), "reviews": ("date",)}


def _problem(load: LoadState, code: str, message: str, **where: Any) -> None:
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


def not_utf8_note(file: str, lines: int, first: int | None) -> Problem:
    """The note that ``lines`` lines of ``file`` (the first at line ``first``) were read as
    Windows-1252."""
    return Problem(
        code="not_utf8",
        message=f"{lines} line(s) are not UTF-8 and were read as Windows-1252",
        file=file,
        row=first,
    )


def extra_columns_note(file: str, header_line: int, extra: Sequence[str]) -> Problem:
    """The note that the ``extra`` columns of ``file``'s header are ignored."""
    return Problem(
        code="extra_columns",
        message=f"columns ignored: {_column_names(extra)}",
        file=file,
        row=header_line,
    )


def read_file(load: LoadState, path: Path, named: str | None, ret_index: int) -> None:
    """Read one file of return ``ret_index`` into ``load`` (``named``: the table it was
    given as); a file that cannot be read is reported, never raised."""
    name = str(path)
    by_name = _SPECS.get(named) if named else table_by_name(path)
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
    load: LoadState, stream: Any, name: str, by_name: TableSpec | None, ret_index: int
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
        load.notes.append(not_utf8_note(name, decoding.cp1252_lines, decoding.first_cp1252))
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
    load: LoadState,
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
        load.notes.append(extra_columns_note(name, header_line, extra))
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
    load: LoadState,
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
    date_years = ret.date_years
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
            if day is not None:
                if day > ret.latest:
                    ret.latest = day
                if day <= today:
                    year = day.year + 1 if day.month > 3 else day.year
                    date_years[year] = date_years.get(year, 0) + 1
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
    load: LoadState,
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
    load: LoadState, field: Field, raw: str, name: str, number: int, child: str
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
    load: LoadState,
    ret: ReturnState,
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
