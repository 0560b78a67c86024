"""Cells of one column decoded at once with numpy, as the object reader reads them one by one:
dates, codes, flags and whole numbers, each with whether the cell is clean (read as it stands,
with no problem). See :mod:`corparent.io.ssda903._colsplit`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from corparent.batch._dates import NEVER
from corparent.codes import CODE_LISTS
from corparent.io.ssda903._fields import MAX_YEAR, MIN_YEAR, Field

__all__ = ["empty_values"]

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
Bytes = npt.NDArray[np.uint8]

_PAD = b"\0" * 16
_TOPS = np.uint64(0x8080808080808080)


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


def empty_values(spec: str, count: int) -> npt.NDArray[Any]:
    if spec == "date":
        return np.full(count, NEVER, np.int64)
    if spec == "text":
        return np.zeros(count, np.bool_)
    return np.full(count, -1, np.int16)
