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

from corparent.batch._dates import NEVER
from corparent.codes import CODE_LISTS
from corparent.io.ssda903._fields import MAX_YEAR, MIN_YEAR, Field, child_id_problem, table_fields
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
_PAD = b"\0" * 16
_TOPS = np.uint64(0x8080808080808080)
_TAIL_MASKS = np.array([0, 0xFF00, 0xFFFF], np.uint16)  # bytes 9 and 10 of a cell, if there
_NL_TO_COMMA = bytes.maketrans(b"\n", b",")


def _packed(text: str) -> int:
    return int.from_bytes(text.encode("ascii").ljust(8, b"\0"), "big")


def _cases(code: str) -> list[str]:
    """Every spelling of ``code`` in upper and lower case letters."""
    out = [""]
    for ch in code:
        out = [o + c for o in out for c in {ch.lower(), ch.upper()}]
    return out


def _spellings(spec: str) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int16], str]:
    """The spellings a field kind reads as they stand: those its lookup holds when it is made
    (not what it caches later) and, for codes, the other cases its parser reads as the code
    (packed and sorted, with their encoded values); and the kind (``code``, ``int``, ...)."""
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
        for member in code_list:  # other cases: what its parser makes of them
            for spelling in _cases(member.code):
                if spelling not in table:
                    found = code_list._value2member_map_.get(spelling.upper())
                    if found is not None and found.value != "":
                        table[spelling] = position[found]  # type: ignore[index]
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


_MASKS = np.array(
    [0, *(((1 << 64) - 1) ^ ((1 << (8 * (8 - n))) - 1) for n in range(1, 9))], np.uint64
)
"""``_MASKS[n]`` keeps the first ``n`` bytes of a big-endian 8-byte word."""
_ZEROS = np.uint64(int.from_bytes(b"00000000", "big"))  # XOR: digits become 0-9


def _tops(*positions: int) -> np.uint64:
    """The top bit of each given byte of a big-endian 8-byte word."""
    return np.uint64(sum(0x80 << (8 * (7 - p)) for p in positions))


_NINE = np.uint64(0x7676767676767676)  # + a byte over 9 sets its top bit (no carry: ASCII)
_DMY_DIGITS = _tops(0, 1, 3, 4, 6, 7)  # dd/mm/YY (the last two year digits follow)


class _Bytes:
    """A file's bytes, and views of every 8 and 2 bytes from each position (big-endian): one
    take reads a cell's first bytes as one integer."""

    def __init__(self, body: bytes) -> None:
        data = self.padded = body + _PAD  # the bytes, and 16 zeros
        self.u1 = np.frombuffer(data, np.uint8)
        self.u8 = np.ndarray(shape=(len(body) + 8,), dtype=">u8", buffer=data, strides=(1,))
        self.u2 = np.ndarray(shape=(len(body) + 8,), dtype=">u2", buffer=data, strides=(1,))

    def first8(self, start: Ints, length: Ints) -> npt.NDArray[np.uint64]:
        """Each cell's first (up to) 8 bytes, packed big-endian (zero past the cell's end)."""
        word: npt.NDArray[np.uint64] = self.u8[start].astype(np.uint64)
        word &= _MASKS[np.minimum(length, 8)]
        return word

    def gather(self, start: Ints, length: Ints, width: int) -> Bytes:
        """Each cell's first ``width`` bytes (zeros past its end), one row per cell."""
        cells: Bytes = self.u1[start[:, None] + np.arange(width)]
        cells[np.arange(width) >= length[:, None]] = 0
        return cells


def _month_table() -> tuple[Ints, Ints]:
    """For each month from January 1900 to December 2100: its first day's number and length."""
    first = np.arange(
        np.datetime64(f"{MIN_YEAR}-01"), np.datetime64(f"{MAX_YEAR + 1}-02"), dtype="M8[M]"
    )
    days = first.astype("M8[D]").astype(np.int64)
    return days[:-1], np.diff(days)


_MONTH_FIRST, _MONTH_LENGTH = _month_table()


def _dates(data: _Bytes, start: Ints, length: Ints, required: bool) -> tuple[Ints, Bools]:
    """Day numbers (NEVER where empty), and which cells are clean: dates spelled as the reader
    reads them (:func:`~corparent.io.ssda903._fields.parse_date`): ``d/m/YYYY`` with one or two
    digits of day and month and separators ``/``, ``.`` or ``-``, or ``YYYY-m-d``."""
    x = data.u8[start].astype(np.uint64) ^ _ZEROS
    y = data.u2[start + 8].astype(np.uint16) ^ np.uint16(0x3030)
    over = (x + _NINE) & _TOPS  # a byte's top bit: not a digit
    tail = (length == 10) & (((y + np.uint16(0x7676)) & np.uint16(0x8080)) == 0)
    b = x.astype(">u8").view(np.uint8).reshape(-1, 8).astype(np.int32)  # the bytes in order
    yy = y.astype(">u2").view(np.uint8).reshape(-1, 2).astype(np.int32)
    # "/", ".", "-" XOR "0" are 0x1F, 0x1E, 0x1D
    dmy = tail & ((over & _DMY_DIGITS) == 0) & (b[:, 2] >= 0x1D) & (b[:, 2] <= 0x1F)
    dmy &= (b[:, 5] >= 0x1D) & (b[:, 5] <= 0x1F)
    day = b[:, 0] * 10 + b[:, 1]
    month = b[:, 3] * 10 + b[:, 4]
    year = b[:, 6] * 1000 + b[:, 7] * 100 + yy[:, 0] * 10 + yy[:, 1]
    other = np.flatnonzero(~dmy & (length != 0))
    if len(other):  # other spellings (ISO dates, one-digit days, ...), and cells not dates
        found, day[other], month[other], year[other] = _other_dates(
            np.concatenate([b[other], yy[other]], axis=1), length[other]
        )
        dmy[other] = found
    index = (year - MIN_YEAR) * 12 + month - 1
    valid = dmy & (month >= 1) & (month <= 12) & (year >= MIN_YEAR) & (year <= MAX_YEAR)
    index[~valid] = 0
    valid &= (day >= 1) & (day <= _MONTH_LENGTH[index])
    days = np.where(valid, _MONTH_FIRST[index] + (day - 1), NEVER)
    ok = valid if required else valid | (length == 0)
    return days, ok


def _number(cells: npt.NDArray[np.int32], at: int, digits: int) -> npt.NDArray[np.int32]:
    value = cells[:, at]
    for i in range(at + 1, at + digits):
        value = value * 10 + cells[:, i]
    return value


def _other_dates(
    cells: npt.NDArray[np.int32], length: Ints
) -> tuple[Bools, npt.NDArray[np.int32], npt.NDArray[np.int32], npt.NDArray[np.int32]]:
    """Every spelling :func:`~corparent.io.ssda903._fields.parse_date` reads, one layout at a
    time (``cells``: a cell's first 10 bytes XOR ``0``, so digits are 0-9): whether the cell
    has one, and its day, month and year."""
    digit = cells <= 9
    sep = (cells >= 0x1D) & (cells <= 0x1F)  # "-", ".", "/"
    dash = cells == 0x1D
    found = np.zeros(len(cells), np.bool_)
    day = np.zeros(len(cells), np.int32)
    month, year = day.copy(), day.copy()
    for first in (1, 2):
        for second in (1, 2):
            size = first + second + 6
            sized = length == size
            # day, month, year: (\d{1,2})[/.-](\d{1,2})[/.-](\d{4})
            a, b = first, first + 1 + second
            match = sized & sep[:, a] & sep[:, b] & digit[:, :a].all(axis=1)
            match &= digit[:, a + 1 : b].all(axis=1) & digit[:, b + 1 : size].all(axis=1)
            found |= match
            day = np.where(match, _number(cells, 0, first), day)
            month = np.where(match, _number(cells, a + 1, second), month)
            year = np.where(match, _number(cells, b + 1, 4), year)
            # year, month, day: (\d{4})-(\d{1,2})-(\d{1,2}) (month ``first``, day ``second``)
            b = 5 + first
            match = sized & dash[:, 4] & dash[:, b] & digit[:, :4].all(axis=1)
            match &= digit[:, 5:b].all(axis=1) & digit[:, b + 1 : size].all(axis=1)
            found |= match
            year = np.where(match, _number(cells, 0, 4), year)
            month = np.where(match, _number(cells, 5, first), month)
            day = np.where(match, _number(cells, b + 1, second), day)
    return found, day, month, year


def _codes(
    data: _Bytes, start: Ints, length: Ints, spec: str, required: bool
) -> tuple[npt.NDArray[np.int16], Bools]:
    keys, values, _ = _lookup(spec)
    packed = data.first8(start, length)
    at = np.minimum(np.searchsorted(keys, packed), len(keys) - 1)
    found = (keys[at] == packed) & (length > 0) & (length <= 8)
    ok = found if required else found | (length == 0)
    return np.where(found, values[at], np.int16(-1)).astype(np.int16), ok


def _flags(data: _Bytes, start: Ints, length: Ints) -> tuple[npt.NDArray[np.int16], Bools]:
    first = data.u1[start].astype(np.int16) - 48
    one = (length == 1) & ((first == 0) | (first == 1))
    return np.where(one, first, np.int16(-1)).astype(np.int16), one | (length == 0)


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


def empty_values(spec: str, count: int) -> npt.NDArray[Any]:
    if spec == "date":
        return np.full(count, NEVER, np.int64)
    if spec == "text":
        return np.zeros(count, np.bool_)
    return np.full(count, -1, np.int16)


def split_file(table: TableSpec, columns: Sequence[str], body: bytes) -> SplitFile:
    """Split and decode ``body`` (the bytes after the header line, ending with a line end)."""
    return SplitFile(table, columns, body)
