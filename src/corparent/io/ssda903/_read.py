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
from collections.abc import Iterable
from os import PathLike
from typing import Any

from corparent._gc import collector_paused
from corparent.errors import LoadError, Problem
from corparent.io.ssda903._build import build_records
from corparent.io.ssda903._files import Source, StrPath, return_files, table_by_name
from corparent.io.ssda903._lines import MAX_LINE
from corparent.io.ssda903._result import LoadResult, LoadStats
from corparent.io.ssda903._rows import read_file
from corparent.io.ssda903._state import LoadState, ReturnState
from corparent.io.ssda903._tables import TABLES
from corparent.io.ssda903._years import as_year_end, previous_source, settle_years
from corparent.model import Caseload, Evidence

__all__ = ["load"]

_MAX_FIELD = MAX_LINE
"""A field may be as long as a line (1 MiB) and no longer: the csv module's limit (128 KiB by
default) is raised to it while a return loads, so that a long field is reported by its column,
and restored afterwards (the limit is the whole process's)."""


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
    this_year = as_year_end(year, "year") or as_year_end(collection_year_end, "collection_year_end")
    state = LoadState()
    if isinstance(previous, str | PathLike):
        previous = [previous]  # one folder, not the characters of its name
    sources: list[tuple[Any, dt.date | None]] = [previous_source(p) for p in previous]
    sources.append((source, this_year))
    plans = [(src, year_end, return_files(state, src)) for src, year_end in sources]
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
                state.returns.append(ReturnState(str(src), year_end))
                ordered = sorted(
                    files,
                    key=lambda f: (0 if (f[1] or (table_by_name(f[0]) or TABLES[1]).name)
                                   == "header" else 1, str(f[0])),
                )  # fmt: skip
                for path, named in ordered:
                    read_file(state, path, named, index)
            years = settle_years(state, len(plans) - 1)
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
