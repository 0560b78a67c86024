"""Which children of a plain return are readable column-wise, and their rows as columns.

Each line belongs to the child its CHILD cell names (for a line that is not clean, as the object
reader would read the cell); a child is readable when all its lines are clean rows, it has one
header row (and at most one UASC row), and its other rows spell its DOB (and the UASC SEX) as
its header row does. See :mod:`corparent.io.ssda903._columnar`.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from corparent.batch._dates import NEVER, from_day, to_day
from corparent.batch._tables import TABLE_FIELDS, ReturnColumns, TableColumns
from corparent.io.ssda903._colsplit import SplitFile
from corparent.io.ssda903._state import ReturnState
from corparent.io.ssda903._tables import TableSpec

__all__ = ["FileRead", "columns_of", "merge_years", "readable_children", "subset"]

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

_LOWEST = np.int64(-(2**62))
_DTYPES = {"date": np.int64, "code": np.int16, "flag": np.int16, "int": np.int16, "text": np.bool_}

_SORT: dict[str, tuple[str, ...]] = {
    "episodes": ("start",),
    "reviews": ("date",),
    "missing": ("start",),
    "sw_episodes": ("start",),
    "dolo": ("start",),
    "placed_adoption": ("date",),
    "prev_perm": ("date",),
    "ad1": ("decided_on", "matched_on"),
}
"""The fields a table's rows sort by within a child, as the model sorts them: the first that is
not empty (an empty date sorts first); other tables keep file order."""


@attrs.frozen(kw_only=True, eq=False)
class FileRead:
    """One file of the return, split."""

    path: Path
    name: str
    table: TableSpec
    columns: list[str]
    split: SplitFile
    index: int  # the file's index in the load state


def _child_cells(text: str, at: int) -> tuple[str, ...]:
    """The CHILD cell of a line as the object reader may read it (as split, and stripped)."""
    if '"' in text:
        try:
            cells = next(csv.reader((text,), strict=True))
        except csv.Error:
            return ()  # reported as bad CSV: no child
    else:
        cells = text.split(",")
    if at >= len(cells):
        return ()
    return cells[at], cells[at].strip()


def _key(text: str, width: int) -> int | bytes | None:
    """A child id as :meth:`SplitFile.keys` gives it (``None``: no clean child has it)."""
    if not text.isascii():
        return None
    raw = text.encode("ascii")
    if not 1 <= len(raw) <= width:
        return None
    return int.from_bytes(raw.ljust(8, b"\0"), "big") if width <= 8 else raw


def readable_children(files: list[FileRead]) -> tuple[list[str], dict[str, Ints]]:
    """The readable children's ids (sorted) and, per table, each row's child (its index among
    them, ``-1`` when the row goes to the object path)."""
    header = next((f for f in files if f.table.name == "header"), None)
    nobody: dict[str, Ints] = {f.table.name: np.full(len(f.split.rows), -1) for f in files}
    if header is None:
        return [], nobody
    lengths = header.split.id_lengths()
    width = 12 if ((lengths > 8) & (lengths <= 12)).any() else 8
    bad: set[int | bytes] = set()
    keyed: dict[str, tuple[npt.NDArray[Any], Bools]] = {}
    for f in files:
        split = f.split
        keys, fits = split.keys(width)
        valid = split.clean & fits
        if f is header:
            valid &= split.valid_ids()
        keyed[f.table.name] = keys, valid
        other = np.ones(len(split.line_end), np.bool_)
        other[split.rows[valid]] = False
        child_at = f.columns.index("CHILD")
        for _, text in split.texts(np.flatnonzero(other)):
            for child in _child_cells(text, child_at):
                bad.add(_key(child, width))  # type: ignore[arg-type]
    bad.discard(None)  # type: ignore[arg-type,unused-ignore]
    keys, valid = keyed["header"]
    ids = keys[valid]
    order = np.argsort(ids, kind="stable")
    ids = ids[order]
    twice = ids[1:] == ids[:-1]
    bad.update(ids[1:][twice].tolist())
    dob8, dob2 = (a[valid][order] for a in header.split.dob)  # type: ignore[union-attr]
    sex = header.split.sex[valid][order]  # type: ignore[index]
    found: dict[str, tuple[Ints, Bools]] = {}
    for f in files:
        if f is header or not len(ids):
            continue
        split = f.split
        keys, valid = keyed[f.table.name]
        mine = keys[valid]
        at = np.minimum(np.searchsorted(ids, mine), len(ids) - 1)
        ok = ids[at] == mine
        if split.dob is not None:
            ok &= (split.dob[0][valid] == dob8[at]) & (split.dob[1][valid] == dob2[at])
        if split.sex is not None:
            ok &= split.sex[valid] == sex[at]
        if f.table.name == "uasc":
            repeated = np.diff(at[ok]) == 0 if _ascending(at[ok]) else None
            if repeated is None:
                unique, counts = np.unique(mine[ok], return_counts=True)
                bad.update(unique[counts > 1].tolist())
            else:
                bad.update(mine[ok][1:][repeated].tolist())
        bad.update(mine[~ok].tolist())
        found[f.table.name] = at, ok
    drop = np.isin(ids, np.array(sorted(bad), ids.dtype)) if bad else np.zeros(len(ids), bool)
    rank = np.cumsum(~drop) - 1
    child_of: dict[str, Ints] = {}
    for f in files:
        keys, valid = keyed[f.table.name]
        owner = np.full(len(valid), -1, np.int64)
        if f is header:
            at = np.empty(len(order), np.int64)
            at[order] = np.arange(len(order))
            ok = np.ones(len(order), np.bool_)
        elif f.table.name in found:
            at, ok = found[f.table.name]
        else:
            child_of[f.table.name] = owner
            continue
        hit = ok & ~drop[at]
        where = np.flatnonzero(valid)[hit]
        owner[where] = rank[at[hit]]
        child_of[f.table.name] = owner
    kept = ids[~drop]
    names = kept.astype(">u8").view("S8").tolist() if width <= 8 else kept.tolist()
    return [k.decode("ascii") for k in names], child_of


def _ascending(values: Ints) -> bool:
    return bool(len(values) < 2 or (values[1:] >= values[:-1]).all())


def columns_of(
    files: list[FileRead],
    readable: list[str],
    child_of: dict[str, Ints],
    year_end: dt.date | None,
) -> tuple[ReturnColumns, dict[str, tuple[Ints, Ints]]]:
    n = len(readable)
    tables: dict[str, TableColumns] = {}
    rows: dict[str, tuple[Ints, Ints]] = {}
    by_name = {f.table.name: f for f in files}
    for name, fields in TABLE_FIELDS.items():
        f = by_name.get(name)
        if f is None:
            tables[name] = TableColumns(
                offsets=np.zeros(n + 1, np.int64),
                values={field: np.zeros(0, _DTYPES[kind]) for field, kind in fields},
                line=np.zeros(0, np.int64),
            )  # fmt: skip
            continue
        split = f.split
        owner = child_of[name]
        keep = owner >= 0
        every = bool(keep.all())
        child = owner if every else owner[keep]
        line = split.rows if every else split.rows[keep]
        rows[name] = (line, child)
        sort = _SORT.get(name)
        key = None
        if sort:
            key = split.values[sort[0]] if every else split.values[sort[0]][keep]
            for more in sort[1:]:
                other = split.values[more] if every else split.values[more][keep]
                key = np.where(key == NEVER, other, key)
            key = np.where(key == NEVER, _LOWEST, key)
        step = np.diff(child)
        ordered = (step > 0) | ((step == 0) & (np.diff(key) >= 0 if key is not None else True))
        if ordered.all():
            order = None  # already in order (a file sorted by child, as most are)
        elif key is not None:
            order = np.lexsort((key, child))
        else:
            order = np.argsort(child, kind="stable")
        tables[name] = TableColumns(
            offsets=np.searchsorted(
                child if order is None else child[order], np.arange(n + 1)
            ).astype(np.int64),
            values={
                field: _arranged(split.values[field], keep, every, order) for field, _ in fields
            },
            line=_arranged(split.rows, keep, every, order) + 2,
        )
    columns = ReturnColumns(
        child_ids=tuple(readable), tables=tables, year_end=year_end or dt.date(1900, 3, 31)
    )
    return columns, rows


def _arranged(
    values: npt.NDArray[Any], keep: Bools, every: bool, order: Ints | None
) -> npt.NDArray[Any]:
    kept = values if every else values[keep]
    return kept if order is None else kept[order]


def merge_years(ret: ReturnState, columns: ReturnColumns) -> None:
    """Take the readable children's episode and review dates into the return's latest dates
    and, those not after today, into its count of dates per collection year (as the object
    reader does row by row)."""
    today = to_day(dt.date.today())
    parts = [
        columns.tables["episodes"].values["start"],
        columns.tables["episodes"].values["end"],
        columns.tables["reviews"].values["date"],
    ]
    days = np.concatenate([p[p != NEVER] for p in parts])
    if not len(days):
        return
    past = days[days <= today]
    if len(past):
        as_dates = past.astype("datetime64[D]")
        years = as_dates.astype("datetime64[Y]").astype(np.int64) + 1970
        months = as_dates.astype("datetime64[M]").astype(np.int64) % 12 + 1
        found, counts = np.unique(years + (months > 3), return_counts=True)
        for year, count in zip(found.tolist(), counts.tolist(), strict=True):
            ret.date_years[year] = ret.date_years.get(year, 0) + count
    latest = from_day(int(days.max()))
    if latest > ret.latest:
        ret.latest = latest


def subset(columns: ReturnColumns, keep: Bools) -> ReturnColumns:
    """The children of ``columns`` where ``keep``, with their rows."""
    if keep.all():
        return columns
    tables: dict[str, TableColumns] = {}
    for name, t in columns.tables.items():
        counts = np.diff(t.offsets)
        rows = np.repeat(keep, counts)
        tables[name] = TableColumns(
            offsets=np.concatenate(([0], np.cumsum(counts[keep]))).astype(np.int64),
            values={k: v[rows] for k, v in t.values.items()},
            line=t.line[rows],
        )
    ids = tuple(c for c, k in zip(columns.child_ids, keep.tolist(), strict=True) if k)
    return ReturnColumns(child_ids=ids, tables=tables, year_end=columns.year_end)
