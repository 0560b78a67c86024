"""One plain SSDA903 file split into rows and cells with numpy, each cell tested and decoded
column by column.

A row is *clean* when the object reader (:mod:`corparent.io.ssda903._rows`) would map it with
no problem, no note and no change of value; the tests here are exact and conservative: a row
they do not pass may still be fine, and is then left to the object reader. Clean means: the
header's number of fields; only printable ASCII; quotes only around whole cells (read as the
csv module reads them); cells stripped of spaces as the reader strips them; a CHILD of 1-12
characters the reader takes as they are (not ``CHILD``); dates as the reader reads them,
``dd/mm/YYYY`` (one or two digits of day and month; separators ``/``, ``.`` or ``-``) or
``YYYY-mm-dd`` (a real date, years 1900-2100); codes (in any case), flags and whole numbers as
the reader reads them; required cells not empty.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from corparent.io.ssda903._colcells import (
    _Bytes,
    _codes,
    _dates,
    _field_spec,
    _flags,
    empty_values,
)
from corparent.io.ssda903._fields import child_id_problem, table_fields
from corparent.io.ssda903._tables import TableSpec

__all__ = ["MAX_ID", "SplitFile", "empty_values", "split_file"]

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
Bytes = npt.NDArray[np.uint8]

MAX_ID = 12
"""The longest child id a clean row may have (ids are packed in 12 bytes)."""

_FIELDS = table_fields()
_PLAIN = bytes(range(32, 127)) + b"\n"
_ODD = bytes(0 if c in _PLAIN else 1 for c in range(256))  # translated: 1 where not plain
"""The bytes a clean row may hold: printable ASCII but the quote, and the line end."""
_ID_BYTE = np.zeros(256, np.bool_)
_ID_BYTE[32:127] = True
_ID_BYTE[34] = False  # a quote: the line is the object reader's
_ALNUM = np.zeros(256, np.bool_)
for _c in b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789":
    _ALNUM[_c] = True
_TAIL_MASKS = np.array([0, 0xFF00, 0xFFFF], np.uint16)  # bytes 9 and 10 of a cell, if there
_NL_TO_COMMA = bytes.maketrans(b"\n", b",")


class SplitFile:
    """One file's rows (lines after the header), split, tested and decoded.

    Attributes:
        table: The table.
        columns: The header's columns (upper case).
        line_start, line_end: Each line's first byte and its line end (positions in the bytes
            after the header line).
        rows: The lines with the header's number of fields (line indices).
        clean: Per row, whether every cell but CHILD is clean (:meth:`keys` tests CHILD).
        values: Per model field, per row, the decoded value.
        dob, sex: Per row, the raw DOB (its first 8 bytes, and bytes 9-10) and SEX cells,
            packed, where the table has them (compared with the child's header row).
    """

    def __init__(self, table: TableSpec, columns: Sequence[str], body: bytes) -> None:
        self.table = table
        self.columns = list(columns)
        width = len(columns)
        position = {c: i for i, c in enumerate(columns)}
        data = self._data = _Bytes(body)
        self._ascii = body.isascii()
        self._body = data.padded  # one copy of the bytes kept (slices end before the zeros)
        raw = data.u1[: len(body)]
        seps = np.flatnonzero(np.frombuffer(body.translate(_NL_TO_COMMA), np.uint8) == 44)
        is_end = raw[seps] == 10
        nl_at = np.flatnonzero(is_end)
        line_end = seps[nl_at]
        self.line_end = line_end
        line_start = np.empty(len(line_end), np.int64)
        line_start[:1] = 0
        line_start[1:] = line_end[:-1] + 1
        self.line_start = line_start
        fields = np.diff(nl_at, prepend=-1)
        line_ok = fields == width
        if body.translate(None, _PLAIN):
            odd = np.flatnonzero(np.frombuffer(body.translate(_ODD), np.bool_))
            line_ok[np.searchsorted(line_end, odd)] = False
        after_sep = np.empty_like(seps)  # each field starts after the separator before it
        after_sep[:1] = 0
        after_sep[1:] = seps[:-1] + 1
        wide = fields == width
        if wide.all():
            rows = np.arange(len(line_end))
            ends = seps.reshape(-1, width)
            starts = after_sep.reshape(-1, width)
        else:
            rows = np.flatnonzero(wide)
            keep = np.repeat(wide, fields)
            ends = seps[keep].reshape(-1, width)
            starts = after_sep[keep].reshape(-1, width)
        self.rows = rows
        lengths = ends - starts
        clean = line_ok[rows]
        if b'"' in body:
            starts, lengths = _unquoted(data, line_end, rows, starts, lengths, clean)
        if b" " in body:
            starts, lengths = _stripped(data, line_end, rows, starts, lengths)
        at = position["CHILD"]
        self._child = starts[:, at].copy(), lengths[:, at].copy()  # not views: free the rest
        values: dict[str, npt.NDArray[Any]] = {}
        for field in _FIELDS[table.name]:
            col = position.get(field.column, -1)
            spec = _field_spec(field)
            if col < 0:
                values[field.name] = empty_values(spec, len(rows))
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
        self.dob: tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint16]] | None = None
        self.sex: npt.NDArray[np.uint64] | None = None
        if "DOB" in position:
            s, n = starts[:, position["DOB"]], lengths[:, position["DOB"]]
            if table.name != "header":
                clean &= (n >= 1) & (n <= 10)  # to equal a header's DOB, a clean date
            tail = data.u2[s + 8].astype(np.uint16) & _TAIL_MASKS[np.clip(n - 8, 0, 2)]
            self.dob = (data.first8(s, n), tail)
        if "SEX" in position:
            s, n = starts[:, position["SEX"]], lengths[:, position["SEX"]]
            clean &= n <= 8
            self.sex = data.first8(s, n)
        elif table.name == "header":
            self.sex = np.zeros(len(rows), np.uint64)
        self.clean = clean

    def id_lengths(self) -> Ints:
        """Per row, the length of the CHILD cell."""
        lengths: Ints = self._child[1]
        return lengths

    def keys(self, width: int) -> tuple[npt.NDArray[Any], Bools]:
        """Per row, the CHILD cell as a key (``uint64`` for ``width`` 8, else ``S12``), and
        whether it can be a clean child's (1 to ``width`` bytes; :meth:`valid_ids` tests the
        bytes)."""
        start, length = self._child
        fits = (length >= 1) & (length <= width)
        if width <= 8:
            return self._data.first8(start, length), fits
        cells = np.ascontiguousarray(self._data.gather(start, length, MAX_ID))
        return cells.view("S12").ravel(), fits

    def valid_ids(self) -> Bools:
        """Per row, whether CHILD is a record id the reader takes as it stands: 1-12 printable
        ASCII characters (no quote), not ``CHILD`` in any case, nothing
        :func:`~corparent.io.ssda903._fields.child_id_problem` refuses (a date inside)."""
        start, length = self._child
        g = self._data.gather(start, length, MAX_ID)
        beyond = np.arange(MAX_ID) >= length[:, None]
        ok = (length >= 1) & (length <= MAX_ID) & (_ID_BYTE[g] | beyond).all(axis=1)
        upper = g[:, :5] & np.uint8(0xDF)  # ASCII letters in upper case
        ok &= ~((length == 5) & (upper == np.frombuffer(b"CHILD", np.uint8)).all(axis=1))
        other = np.flatnonzero(ok & ~(_ALNUM[g] | beyond).all(axis=1))
        for i in other.tolist():  # not only letters and digits: asked as the reader asks
            text = g[i, : length[i]].tobytes().decode("ascii")
            ok[i] = child_id_problem(text) is None
        valid: Bools = ok
        return valid

    def texts(self, lines: Ints) -> Iterator[tuple[int, str]]:
        """``(line number, text)`` of the given lines (indices), each decoded as the object
        reader decodes it: UTF-8, or else Windows-1252."""
        body = self._body
        for line, begin, end in zip(
            lines.tolist(),
            self.line_start[lines].tolist(),
            self.line_end[lines].tolist(),
            strict=True,
        ):
            raw = body[begin:end]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252", errors="replace")
            yield line + 2, text

    def cp1252(self, lines: Ints) -> tuple[int, int | None]:
        """How many of ``lines`` (indices) are not UTF-8, and the first one's line number."""
        count, first = 0, None
        if self._ascii:
            return count, first
        high = np.flatnonzero(self._data.u1 > 127)
        lines = np.intersect1d(lines, np.searchsorted(self.line_end, high))  # not ASCII
        for line, begin, end in zip(
            lines.tolist(),
            self.line_start[lines].tolist(),
            self.line_end[lines].tolist(),
            strict=True,
        ):
            try:
                self._body[begin:end].decode("utf-8")
            except UnicodeDecodeError:
                count += 1
                first = line + 2 if first is None else first
        return count, first


def _rows_with(data: _Bytes, byte: int, line_end: Ints, rows: Ints) -> tuple[Ints, Ints]:
    """The rows (positions in ``rows``) whose line holds ``byte``, and how many times."""
    per_line = np.bincount(
        np.searchsorted(line_end, np.flatnonzero(data.u1 == byte)), minlength=len(line_end)
    )[rows]
    at = np.flatnonzero(per_line)
    return at, per_line[at]


def _unquoted(
    data: _Bytes, line_end: Ints, rows: Ints, starts: Ints, lengths: Ints, clean: Bools
) -> tuple[Ints, Ints]:
    """Cells in quotes as the csv module reads them (``clean`` updated): a row is clean only
    when every quote opens or closes a whole cell (no quote inside a cell, no comma inside
    quotes). Only the rows with a quote are looked at."""
    at, count = _rows_with(data, 34, line_end, rows)
    if not len(at):
        return starts, lengths
    s, n = starts[at], lengths[at]
    last = data.u1[s + n - 1]  # an empty cell: the byte before it, not a quote
    quoted = (n >= 2) & (data.u1[s] == 34) & (last == 34)
    clean[at] &= count == 2 * quoted.sum(axis=1)
    starts[at] = s + quoted  # in place: the split's own arrays
    lengths[at] = n - 2 * quoted
    return starts, lengths


def _stripped(
    data: _Bytes, line_end: Ints, rows: Ints, starts: Ints, lengths: Ints
) -> tuple[Ints, Ints]:
    """Cells without their leading and trailing spaces: a line with a space has every cell
    stripped by the object reader (other whitespace makes a line odd, not clean). Only the
    rows with a space are looked at."""
    at, _ = _rows_with(data, 32, line_end, rows)
    if not len(at):
        return starts, lengths
    s, n = starts[at], lengths[at]
    for at_end in (False, True):
        while True:
            space = (n > 0) & (data.u1[s + (n - 1 if at_end else 0)] == 32)
            if not space.any():
                break
            n -= space
            if not at_end:
                s += space
    starts[at], lengths[at] = s, n  # in place: the split's own arrays
    return starts, lengths


def split_file(table: TableSpec, columns: Sequence[str], body: bytes) -> SplitFile:
    """Split and decode ``body`` (the bytes after the header line, ending with a line end)."""
    return SplitFile(table, columns, body)
