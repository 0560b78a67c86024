"""A column-wise read of one plain SSDA903 return: the children whose every row is clean as
columns (:class:`~corparent.batch._tables.ReturnColumns`), every other child through the object
reader's own row code, so that the result is exactly what :func:`load` gives.

The files are split with numpy (:mod:`corparent.io.ssda903._colsplit`); each line belongs to
the child its CHILD cell names. A child is *readable* when every line naming it (as the object
reader would read the line) is a clean row, it has exactly one header row (and at most one UASC
row), and every DOB (and the UASC SEX) in its other rows is spelled as in its header row. Every
line of every other child, and every line that names no child, goes through
:func:`~corparent.io.ssda903._rows._map_rows`, in the object order (the header file first, then
by file name; lines in file order), into the same load state: its problems, notes, counts and
rows are the object path's. Readable children produce none of those, so their rows are simply
counted, and their dates join the collection year's.

What the reader does not do for readable children: check their records' integrity
(:meth:`~corparent.model.CaseRecord.problems`). A caller marks the children whose records
would have integrity problems (and any other it needs a record for) in
:meth:`ColumnarRead.finish`; with those marked, the result equals :func:`load`'s.

A return that is not plain (previous returns; a file that is UTF-16 or binary, or has a line
over 64 KiB; a header line that is not plain ASCII without tabs, or that the object
reader would report: a column repeated or missing (extra columns are noted and ignored, as it
notes and ignores them); a file of no table; two files of one table) is not read here:
:func:`read_columns` gives ``None`` and the caller loads it with :func:`load`. Files are found
by name or by their header, as the object reader finds them. Odd lines of a plain file (quotes
inside cells, tabs, bytes that are not ASCII, NUL, blank lines) are the object reader's, with
their children; lines that are not UTF-8 are noted as it notes them.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import stat
from collections.abc import Iterable, Iterator
from os import PathLike
from pathlib import Path

import attrs
import numpy as np
import numpy.typing as npt

from corparent._gc import collector_paused
from corparent.batch._dates import from_day
from corparent.batch._tables import ReturnColumns
from corparent.errors import LoadError, Problem
from corparent.io.ssda903._build import build_records
from corparent.io.ssda903._colchildren import (
    FileRead,
    columns_of,
    merge_years,
    readable_children,
    subset,
)
from corparent.io.ssda903._colsplit import split_file
from corparent.io.ssda903._files import Source, return_files, table_by_name
from corparent.io.ssda903._lines import sniff
from corparent.io.ssda903._result import CollectionYear, LoadStats, TableStats
from corparent.io.ssda903._rows import (
    _blank,
    _map_rows,
    extra_columns_note,
    not_utf8_note,
)
from corparent.io.ssda903._state import LoadState, ReturnState
from corparent.io.ssda903._tables import TABLES, TableSpec, table_for_header
from corparent.io.ssda903._years import as_year_end, settle_years
from corparent.model import CaseRecord, Evidence

__all__ = ["ColumnarLoad", "ColumnarRead", "read_columns"]

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

_SPECS = {t.name: t for t in TABLES}
_LONGEST_LINE = 1 << 16
"""Files with a longer line are left to the object reader (it reports lines over 1 MiB)."""


@attrs.frozen(kw_only=True, eq=False)
class ColumnarLoad:
    """What :func:`load` gives, with the caseload split between records and clean columns.

    Attributes:
        records: The records built (the children read by the object path, and those marked
            for it), sorted by id.
        record_problems: Each built record's integrity problems, by child id.
        clean: Every other child, as columns (no record built).
        problems, notes, stats, collection_year_end, years, evidence: As
            :class:`~corparent.io.ssda903.LoadResult` (``stats.children`` counts both parts;
            the problems hold the integrity problems of the records built only).
    """

    records: tuple[CaseRecord, ...]
    record_problems: dict[str, tuple[Problem, ...]]
    clean: ReturnColumns
    problems: tuple[Problem, ...]
    notes: tuple[Problem, ...]
    stats: LoadStats
    collection_year_end: dt.date
    years: tuple[CollectionYear, ...]
    evidence: Evidence

    @property
    def first_episode_start(self) -> dt.date | None:
        """The earliest episode start of the whole return (``None`` without episodes)."""
        starts = [e.start for r in self.records for e in r.episodes]
        column = self.clean.tables["episodes"].values["start"]
        if len(column):
            starts.append(from_day(int(column.min())))
        return min(starts, default=None)


class ColumnarRead:
    """A return read column-wise (see the module docstring); :meth:`finish` completes it.

    Attributes:
        columns: The readable children.
        years: The collection year (settled, as :func:`load` settles it).
        evidence: The evidence window every record carries.
    """

    def __init__(
        self,
        state: LoadState,
        files: list[FileRead],
        columns: ReturnColumns,
        rows: dict[str, tuple[Ints, Ints]],
        years: tuple[CollectionYear, ...],
    ) -> None:
        self._state = state
        self._files = files
        self.columns = columns
        self._rows = rows  # per table: each readable row's line index and child, file order
        self.years = years
        self.evidence = Evidence.ssda903(years[0].start, years[-1].year_end)
        self._finished = False

    def finish(self, more: Bools | None = None) -> ColumnarLoad:
        """Build the records of every object-path child, and of the readable children marked
        in ``more`` (a mask over :attr:`columns`' children); the rest stay columns. Once."""
        if self._finished:
            raise RuntimeError("finish() was called already")
        self._finished = True
        state = self._state
        n = len(self.columns)
        marked = np.zeros(n, np.bool_) if more is None else np.asarray(more, np.bool_)
        if marked.shape != (n,):
            raise ValueError(f"the mask has {marked.shape} values, the columns {n} children")
        with collector_paused():
            if marked.any():
                before = len(state.problems), len(state.notes)
                for f in self._files:
                    line, child = self._rows[f.table.name]
                    pick = line[marked[child]]
                    if len(pick):
                        scratch = TableStats()
                        _map(state, f, pick, scratch)
                        if scratch.mapped != len(pick):  # pragma: no cover - by construction
                            raise AssertionError("a clean row was not mapped")
                if (len(state.problems), len(state.notes)) != before:  # pragma: no cover
                    raise AssertionError("a clean row was reported")
            built = build_records(state, self.evidence)
        self._files, self._rows = [], {}  # the files' bytes are no longer needed
        clean = subset(self.columns, ~marked)
        stats = LoadStats(tables=state.stats, children=len(built.records) + len(clean))
        return ColumnarLoad(
            records=tuple(built.records),
            record_problems=built.record_problems,
            clean=clean,
            problems=tuple(state.problems),
            notes=tuple(state.notes),
            stats=stats,
            collection_year_end=self.years[-1].year_end,
            years=self.years,
            evidence=self.evidence,
        )


def _map(state: LoadState, f: FileRead, lines: Ints, stats: TableStats) -> None:
    """Map the given lines (indices, ascending) of a file with the object reader's row code."""
    texts: Iterator[tuple[int, str | None]] = f.split.texts(lines)
    _map_rows(state, texts, f.name, f.table, f.columns, [], f.index, 0, stats)


def _accepted(table: TableSpec, columns: list[str]) -> bool:
    """Whether the object reader takes the header as it stands: no column repeated (it
    reports that), every required one there (else it reads no row); extra ones are noted."""
    named = [c for c in columns if c]
    return len(set(named)) == len(named) and all(c in columns for c in table.required)


def _plain_file(path: Path) -> tuple[list[str], bytes] | None:
    """The header's columns and the bytes after the header line (ending with a line end) of a
    file the column-wise reader can take; ``None`` otherwise."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        data = path.read_bytes()
    except OSError:
        return None
    if sniff(data[:4096]) != ("utf-8", None):
        return None
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    if b"\r" in data:  # a line ends at \r\n, \n or \r (as bytes.splitlines() ends them)
        data = data.replace(b"\r\n", b"\n")
        if b"\r" in data:
            data = data.replace(b"\r", b"\n")
    cut = data.find(b"\n")
    head = data[: cut if cut >= 0 else len(data)]
    if not data or len(head) > _LONGEST_LINE or not head.isascii() or b"\t" in head:
        return None
    if b"\0" in head:
        return None
    first = head.decode("ascii")
    if _blank(first):
        return None
    names = first.split(",")
    if '"' in first:  # as the object reader reads its header: with the csv module
        try:
            names = next(csv.reader((first,), strict=True))
        except csv.Error:
            return None
        if len(names) != first.count(",") + 1:
            return None  # a comma inside quotes
    columns = [h.strip().upper() for h in names]
    body = data[cut + 1 :] if cut >= 0 else b""
    if body and not body.endswith(b"\n"):
        body += b"\n"
    return columns, body


def read_columns(
    source: Source,
    *,
    year: int | None = None,
    collection_year_end: dt.date | None = None,
    previous: Iterable[object] = (),
) -> ColumnarRead | None:
    """Read a plain return column-wise (see the module docstring); ``None`` when the return
    is not plain, or cannot be read at all, or ``previous`` returns are given: then
    :func:`load` reads it (and reports why). The options are :func:`load`'s (``strict`` is
    the caller's: raise when the finished load has problems)."""
    if isinstance(previous, str | PathLike) or any(True for _ in previous):
        return None
    try:
        this_year = as_year_end(year, "year") or as_year_end(
            collection_year_end, "collection_year_end"
        )
        state = LoadState()
        found = return_files(state, source)
    except LoadError:
        return None
    if not found or state.notes or state.problems:
        return None
    named_as = [(path, named, _SPECS.get(named) if named else table_by_name(path))
                for path, named in found]  # fmt: skip
    if any(named and table is None for _, named, table in named_as):
        return None
    # in load()'s order: the files named for the header table first, then by name
    named_as.sort(
        key=lambda f: (0 if (f[1] or (f[2] or TABLES[1]).name) == "header" else 1, str(f[0]))
    )
    with collector_paused():
        files: list[FileRead] = []
        for index, (path, _, by_name) in enumerate(named_as):
            plain = _plain_file(path)
            if plain is None:
                return None
            columns, body = plain
            table = by_name or table_for_header(set(columns))  # as the object reader finds it
            if table is None or not _accepted(table, columns):
                return None
            split = split_file(table, columns, body)
            if len(split.line_end) and np.diff(split.line_end, prepend=-1).max() > _LONGEST_LINE:
                return None
            files.append(
                FileRead(
                    path=path, name=str(path), table=table, columns=columns, split=split,
                    index=index,
                )
            )  # fmt: skip
        tables = [f.table.name for f in files]
        if len(set(tables)) != len(tables):
            return None  # two files of a table (rows repeated across them are kept once)
        return _read(state, source, this_year, files)


def _read(
    state: LoadState, source: Source, this_year: dt.date | None, files: list[FileRead]
) -> ColumnarRead:
    ret = ReturnState(str(source), this_year)
    state.returns.append(ret)
    for f in files:
        state.files.append((f.name, 0))
        ret.files += 1
    readable, child_of = readable_children(files)
    # the object path: every line that is not a readable child's, file by file
    for f in files:
        stats = state.table_stats(f.table.name)
        stats.files += 1
        stats.lines += 1
        stats.headers += 1
        split = f.split
        owner = child_of[f.table.name]
        keep = owner >= 0
        other = np.ones(len(split.line_end), np.bool_)
        other[split.rows[keep]] = False
        lines = np.flatnonzero(other)
        extra = [c for c in f.columns if c not in f.table.columns]
        if extra:  # as the object reader notes them, before the file's rows
            state.notes.append(extra_columns_note(f.name, 1, extra))
        _map(state, f, lines, stats)
        count, first = split.cp1252(lines)
        if count:  # as the object reader notes it, after the file's rows
            state.notes.append(not_utf8_note(f.name, count, first))
        count = int(keep.sum())
        stats.lines += count
        stats.read += count
        stats.mapped += count
    columns, rows = columns_of(files, readable, child_of, this_year)
    merge_years(ret, columns)
    years = settle_years(state, 0)
    columns = attrs.evolve(columns, year_end=years[-1].year_end)
    return ColumnarRead(state, files, columns, rows, years)
