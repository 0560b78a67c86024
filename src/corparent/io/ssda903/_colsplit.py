"""One plain SSDA903 file split into rows and cells with numpy, each cell tested and decoded
column by column.

A row is *clean* when the object reader (:mod:`corparent.io.ssda903._rows`) would map it with
no problem, no note and no change of value; the tests here are exact and conservative: a row
they do not pass may still be fine, and is then left to the object reader. Clean means: the
header's number of fields; only printable ASCII; no cell with a leading or trailing space; a
CHILD of 1-12 letters and digits that is not ``CHILD``; dates exactly ``dd/mm/YYYY`` (a real
date, years 1900-2100); codes, flags and whole numbers exactly as the reader's lookup tables
spell them; required cells not empty.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from corparent.batch._dates import NEVER
from corparent.codes import CODE_LISTS
from corparent.io.ssda903._fields import MAX_YEAR, MIN_YEAR, Field, table_fields
from corparent.io.ssda903._tables import TableSpec

__all__ = ["MAX_ID", "SplitFile", "split_file"]

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
Bytes = npt.NDArray[np.uint8]

MAX_ID = 12
"""The longest child id a clean row may have (ids are packed in 12 bytes)."""

_FIELDS = table_fields()
_PRINTABLE_NL = bytes(range(32, 127)) + b"\n"
_ALNUM = np.zeros(256, np.bool_)
for _c in b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789":
    _ALNUM[_c] = True
_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], np.int64)
_PAD = b"\0" * 16


def _packed(text: str) -> int:
    return int.from_bytes(text.encode("ascii").ljust(8, b"\0"), "big")


def _spellings(spec: str) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int16], str]:
    """The spellings a field kind's lookup holds when it is made (not what it caches later),
    packed and sorted, with their encoded values; and the kind (``code``, ``int``, ...)."""
    table: dict[str, int] = {}
    if spec.startswith("int:"):
        low, high = (int(x) for x in spec[4:].split("-"))
        table = {str(i): i for i in range(low, high + 1)}
        kind = "int"
    else:
        code_list = CODE_LISTS[spec]
        position = {m: i for i, m in enumerate(code_list)}
        for member in code_list:  # as _fields._code_kind fills its lookup
            table[member.code] = position[member]
            table[member.code.lower()] = position[member]
        kind = "code"
    table.pop("", None)
    if any(len(k) > 8 or not k.isascii() for k in table):  # pragma: no cover - code lists
        raise ValueError(f"{spec}: a spelling longer than 8 characters")
    keys = np.array([_packed(k) for k in table], np.uint64)
    values = np.array(list(table.values()), np.int16)
    order = np.argsort(keys)
    return keys[order], values[order], kind


def _field_spec(field: Field) -> str:
    """The kind spec a field was made with (``date``, ``text``, ``flag``, ``int:0-40`` or a
    code list's name), recovered from the shared kind objects."""
    return _SPEC_OF_KIND[id(field.kind)]


def _kind_specs() -> dict[int, str]:
    from corparent.io.ssda903 import _fields

    return {id(kind): spec for spec, kind in _fields._KINDS.items()}


_SPEC_OF_KIND = _kind_specs()
_LOOKUPS: dict[str, tuple[npt.NDArray[np.uint64], npt.NDArray[np.int16], str]] = {}


def _lookup(spec: str) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int16], str]:
    found = _LOOKUPS.get(spec)
    if found is None:
        found = _LOOKUPS[spec] = _spellings(spec)
    return found


def _gather(body: Bytes, start: Ints, length: Ints, width: int) -> Bytes:
    """Each cell's first ``width`` bytes (zeros past its end), one row per cell."""
    index = start[:, None] + np.arange(width)
    cells: Bytes = body[index]
    cells[np.arange(width) >= length[:, None]] = 0
    return cells


def _pack8(body: Bytes, start: Ints, length: Ints) -> npt.NDArray[np.uint64]:
    g = np.ascontiguousarray(_gather(body, start, length, 8))
    return g.view(">u8").ravel().astype(np.uint64)


def _dates(body: Bytes, start: Ints, length: Ints, required: bool) -> tuple[Ints, Bools]:
    """``dd/mm/YYYY`` cells as day numbers (NEVER where empty), and which cells are clean."""
    g = _gather(body, start, length, 10).astype(np.int64) - 48
    digits = g[:, [0, 1, 3, 4, 6, 7, 8, 9]]
    shaped = ((length == 10) & ((digits >= 0) & (digits <= 9)).all(axis=1) & (g[:, 2] == -1)) & (
        g[:, 5] == -1
    )  # "/" is 47
    day = g[:, 0] * 10 + g[:, 1]
    month = g[:, 3] * 10 + g[:, 4]
    year = g[:, 6] * 1000 + g[:, 7] * 100 + g[:, 8] * 10 + g[:, 9]
    month_ok = (month >= 1) & (month <= 12)
    safe_month = np.where(month_ok, month, 1)
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    last = _MONTH_DAYS[safe_month] + ((safe_month == 2) & leap)
    valid = shaped & month_ok & (year >= MIN_YEAR) & (year <= MAX_YEAR) & (day >= 1) & (day <= last)
    # days from the civil date (H. Hinnant's algorithm), for years >= 1
    y = year - (safe_month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (safe_month + np.where(safe_month > 2, -3, 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days = np.where(valid, era * 146097 + doe - 719468, NEVER)
    ok = valid if required else valid | (length == 0)
    return days, ok


def _codes(
    body: Bytes, start: Ints, length: Ints, spec: str, required: bool
) -> tuple[npt.NDArray[np.int16], Bools]:
    keys, values, _ = _lookup(spec)
    packed = _pack8(body, start, length)
    at = np.minimum(np.searchsorted(keys, packed), len(keys) - 1)
    found = (keys[at] == packed) & (length > 0) & (length <= 8)
    ok = found if required else found | (length == 0)
    return np.where(found, values[at], np.int16(-1)).astype(np.int16), ok


def _flags(body: Bytes, start: Ints, length: Ints) -> tuple[npt.NDArray[np.int16], Bools]:
    first = body[start].astype(np.int16) - 48
    one = (length == 1) & ((first == 0) | (first == 1))
    return np.where(one, first, np.int16(-1)).astype(np.int16), one | (length == 0)


class SplitFile:
    """One file's rows (lines after the header), split, tested and decoded.

    Attributes:
        table: The table.
        body: The bytes after the header line, ending with a line end, as an array.
        line_start, line_end: Each line's first byte and its line end (positions in body).
        rows: The lines with the header's number of fields (line indices).
        clean: Per row, whether it is clean (see the module docstring).
        keys: Per row, the CHILD cell (``S12``; meaningful where the id is clean).
        values: Per model field, per row, the decoded value.
        dob, sex: Per row, the raw DOB (``S10``) and SEX (packed) cells, where the table has
            them and they are not a model field (compared with the child's header row).
        bad_lines: Line indices of every line that is not a clean row.
    """

    def __init__(self, table: TableSpec, columns: Sequence[str], body: bytes) -> None:
        self.table = table
        self.columns = list(columns)
        width = len(columns)
        position = {c: i for i, c in enumerate(columns)}
        data = np.frombuffer(body + _PAD, np.uint8)
        raw = data[: len(body)]
        self.body = data
        seps = np.flatnonzero((raw == 44) | (raw == 10))
        nl_at = np.flatnonzero(raw[seps] == 10)
        line_end = seps[nl_at]
        self.line_end = line_end
        line_start = np.empty(len(line_end), np.int64)
        line_start[:1] = 0
        line_start[1:] = line_end[:-1] + 1
        self.line_start = line_start
        nlines = len(line_end)
        fields = np.diff(nl_at, prepend=-1)
        line_ok = fields == width
        if body.translate(None, _PRINTABLE_NL):
            odd = np.flatnonzero(((raw < 32) & (raw != 10)) | (raw > 126))
            line_ok[np.searchsorted(line_end, odd)] = False
        spaces = np.flatnonzero(raw == 32)
        if len(spaces):
            before = data[spaces - 1]
            after = data[spaces + 1]
            edge = (spaces == 0) | (before == 44) | (before == 10)
            edge |= (after == 44) | (after == 10)
            line_ok[np.searchsorted(line_end, spaces[edge])] = False
        rows = np.flatnonzero(fields == width)
        self.rows = rows
        ends = seps[nl_at[rows][:, None] + np.arange(1 - width, 1)]
        starts = np.empty_like(ends)
        starts[:, :1] = line_start[rows][:, None]
        starts[:, 1:] = ends[:, :-1] + 1
        lengths = ends - starts
        clean = line_ok[rows]
        # CHILD
        at = position["CHILD"]
        s, n = starts[:, at], lengths[:, at]
        g = _gather(data, s, n, MAX_ID)
        id_ok = (n >= 1) & (n <= MAX_ID) & (_ALNUM[g] | (np.arange(MAX_ID) >= n[:, None])).all(1)
        upper = g[:, :6] & np.uint8(0xDF)  # ASCII letters to upper case (digits: not letters)
        id_ok &= ~((n == 5) & (upper[:, :5] == np.frombuffer(b"CHILD", np.uint8)).all(1))
        self.keys = np.ascontiguousarray(g).view("S12").ravel()
        self.id_ok = id_ok
        clean &= id_ok
        values: dict[str, npt.NDArray[Any]] = {}
        for field in _FIELDS[table.name]:
            col = position.get(field.column, -1)
            spec = _field_spec(field)
            count = len(rows)
            if col < 0:
                values[field.name] = _empty(spec, count)
                continue
            s, n = starts[:, col], lengths[:, col]
            value: npt.NDArray[Any]
            if spec == "date":
                value, ok = _dates(data, s, n, field.required)
            elif spec == "text":
                value, ok = n > 0, (n > 0) | (not field.required)
            elif spec == "flag":
                value, ok = _flags(data, s, n)
            else:
                value, ok = _codes(data, s, n, spec, field.required)
            values[field.name] = value
            clean &= ok
        self.values: Mapping[str, npt.NDArray[Any]] = values
        self.dob: npt.NDArray[Any] | None = None
        self.sex: npt.NDArray[np.uint64] | None = None
        if table.name == "header":
            s, n = starts[:, position["DOB"]], lengths[:, position["DOB"]]
            self.dob = np.ascontiguousarray(_gather(data, s, n, 10)).view("S10").ravel()
            if "SEX" in position:
                s, n = starts[:, position["SEX"]], lengths[:, position["SEX"]]
                self.sex = _pack8(data, s, n)
            else:
                self.sex = np.zeros(len(rows), np.uint64)
        elif "DOB" in position:
            s, n = starts[:, position["DOB"]], lengths[:, position["DOB"]]
            clean &= n == 10  # equal to a header's DOB, a clean date
            self.dob = np.ascontiguousarray(_gather(data, s, n, 10)).view("S10").ravel()
            if table.name == "uasc" and "SEX" in position:
                s, n = starts[:, position["SEX"]], lengths[:, position["SEX"]]
                clean &= n <= 8
                self.sex = _pack8(data, s, n)
        self.clean = clean
        bad = np.ones(nlines, np.bool_)
        bad[rows[clean]] = False
        self.bad_lines = np.flatnonzero(bad)

    def text(self, line: int) -> str:
        """The text of line ``line`` (an index), as the object reader reads it."""
        return self.body[self.line_start[line] : self.line_end[line]].tobytes().decode("ascii")


def _empty(spec: str, count: int) -> npt.NDArray[Any]:
    if spec == "date":
        return np.full(count, NEVER, np.int64)
    if spec == "text":
        return np.zeros(count, np.bool_)
    return np.full(count, -1, np.int16)


def split_file(table: TableSpec, columns: Sequence[str], body: bytes) -> SplitFile:
    """Split and decode ``body`` (the bytes after the header line, ending with a line end)."""
    return SplitFile(table, columns, body)
