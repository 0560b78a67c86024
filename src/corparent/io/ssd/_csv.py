"""Read SSD tables from a folder of CSV exports, one ``ssd_<table>.csv`` per table."""

from __future__ import annotations

import codecs
import csv
import threading
from collections.abc import Callable, Iterator
from operator import itemgetter
from pathlib import Path
from typing import Any

from corparent.errors import LoadError, Problem
from corparent.io.ssd._raw import RawTable
from corparent.io.ssd._tables import TABLES

__all__ = ["csv_files", "read_tables"]

_BATCH = 2_000
"""Rows parsed at a time: a batch that stays in the processor's cache is parsed faster."""


def csv_files(folder: Path) -> dict[str, Path]:
    """The ``ssd_*.csv`` files in ``folder``, by table name (lower case).

    Raises:
        LoadError: two files name the same table corparent reads (``ssd_person.csv`` and
            ``SSD_Person.csv`` can both exist where file names are case-sensitive, as on
            Linux): one would be left unread.
    """
    found: dict[str, list[Path]] = {}
    for p in sorted(folder.iterdir()):
        if p.is_file() and p.suffix.lower() == ".csv" and p.stem.lower().startswith("ssd_"):
            found.setdefault(p.stem.lower(), []).append(p)
    read = {spec.name for spec in TABLES}
    twice = [paths for name, paths in found.items() if name in read and len(paths) > 1]
    if twice:
        raise LoadError(
            [
                Problem(
                    code="duplicate_table",
                    message=f"{len(paths)} files name the table {paths[0].stem.lower()} "
                    f"({', '.join(p.name for p in paths)}); none was read",
                    file=str(paths[-1]),
                    expected="one file per table",
                )
                for paths in twice
            ]
        )
    return {name: paths[0] for name, paths in found.items()}


_ANSI = "corparent.ssd.cp1252"
"""The decoding error handler that reads bytes that are not UTF-8 as Windows-1252 (what
SQL Server's tools and Excel write on Windows), counting them."""
_not_utf8 = threading.local()


def _as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    _not_utf8.count = getattr(_not_utf8, "count", 0) + len(bad)
    return bytes(bad).decode("cp1252", errors="replace"), exc.end


codecs.register_error(_ANSI, _as_cp1252)


def _batches(
    path: Path, positions: tuple[int, ...], counts: dict[str, int], bad: list[int]
) -> Iterator[tuple[list[int | None], list[tuple[Any, ...]]]]:
    lines: list[int | None] = []
    rows: list[tuple[Any, ...]] = []
    # The columns read, picked at C speed from a line that has them all (a short line's missing
    # cells are None).
    last = max(positions, default=-1)
    pick: Callable[[list[str]], tuple[Any, ...]] | None = (
        itemgetter(*positions) if len(positions) > 1 else None
    )
    counts["headers"] = counts["blank"] = 0
    before = getattr(_not_utf8, "count", 0)
    with path.open(encoding="utf-8-sig", errors=_ANSI, newline="") as stream:
        reader = csv.reader(stream)
        if next(reader, None) is not None:
            counts["headers"] = 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error:  # a NUL byte, an over-long field: the row is reported
                bad.append(reader.line_num)
                continue
            if not any(c.strip() for c in cells):
                counts["blank"] += 1
                continue
            lines.append(reader.line_num)
            if pick is not None and len(cells) > last:
                rows.append(pick(cells))
            else:
                rows.append(tuple((cells[i] if i < len(cells) else None) for i in positions))
            if len(rows) >= _BATCH:
                yield lines, rows
                lines, rows = [], []
    counts["not_utf8"] = getattr(_not_utf8, "count", 0) - before
    if rows:
        yield lines, rows


def read_tables(folder: Path) -> Iterator[RawTable]:
    """Every SSD table corparent reads, from ``folder``'s CSV files (headers matched
    case-insensitively; columns in any order; extra columns ignored and never read)."""
    files = csv_files(folder)
    for spec in TABLES:
        path = files.get(spec.name)
        if path is None:
            yield RawTable(name=spec.name, where=str(folder / f"{spec.name}.csv"), found=False)
            continue
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
            header = next(csv.reader(stream), [])
        index = {h.strip().lower(): i for i, h in enumerate(header)}
        present = tuple(c for c in spec.names if c in index)
        counts: dict[str, int] = {}
        bad: list[int] = []
        yield RawTable(
            name=spec.name,
            where=str(path),
            found=True,
            columns=present,
            batches=_batches(path, tuple(index[c] for c in present), counts, bad),
            counts=counts,
            bad_lines=bad,
        )
