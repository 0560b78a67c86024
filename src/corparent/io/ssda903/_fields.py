"""Compiled row mappers: one per table and file, column positions resolved once.

A mapper turns the cells of one row into the values of one model object. The fast path is a
dictionary lookup per cell (dates through a cache of the distinct date strings a return holds,
codes through a table of their spellings); only a value that misses every table takes the slow
path, which parses it and records a located :class:`~corparent.errors.Problem` (naming the
value's shape, never the value).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

from corparent.codes import CODE_LISTS, CodeList

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "Field",
    "FieldKind",
    "child_id_problem",
    "parse_date",
]

MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2100
"""Dates outside these years are refused: no child in a return was born before 1900, and later
arithmetic (months, working days) must never run off the calendar."""

_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", re.ASCII)
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_DATE_CACHE: dict[str, dt.date | None] = {}
_DATE_CACHE_LIMIT = 200_000

MISS: Final = object()


def _parse_date(text: str) -> dt.date | None:
    m = _DMY.fullmatch(text)
    try:
        if m:
            year, month, day = int(m[3]), int(m[2]), int(m[1])
        else:
            m = _YMD.fullmatch(text)
            if not m:
                return None
            year, month, day = int(m[1]), int(m[2]), int(m[3])
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """A date as councils export it: ``dd/mm/YYYY`` (also ``d/m/YYYY``, ``dd-mm-YYYY``,
    ``dd.mm.YYYY``) or ISO ``YYYY-MM-DD``; ``None`` if it is not one.

    Two-digit years are refused (``01/02/03`` is ambiguous), so are years outside 1900-2100
    and digits other than ASCII ``0-9``.
    """
    value = _DATE_CACHE.get(text, MISS)
    if value is not MISS:
        return value  # type: ignore[return-value]
    parsed = _parse_date(text)
    if len(_DATE_CACHE) < _DATE_CACHE_LIMIT:
        _DATE_CACHE[text] = parsed
    return parsed


_DATE_INSIDE = re.compile(r"\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}")
_UPN_INSIDE = re.compile(r"[A-Za-z]\d{11}[0-9A-Za-z]")


def child_id_problem(value: str) -> str | None:
    """What is wrong with ``value`` as a child's record id (``None``: nothing).

    Record ids are the one thing messages show, so an id that holds a date or a UPN (a row
    whose first comma went missing) is refused like one with control characters.
    """
    if not value:
        return "CHILD is empty"
    if not value.isprintable():
        return "CHILD contains control or invisible characters"
    if len(value) > 50:
        return "CHILD is longer than 50 characters"
    # Each search only where it could match (a date needs a separator, a UPN 13 characters):
    # most ids are short runs of letters and digits, and every child's id is asked about.
    if ("/" in value or "." in value or "-" in value) and _DATE_INSIDE.search(value):
        return "CHILD holds a date (a field separator may be missing)"
    if len(value) >= 13 and _UPN_INSIDE.search(value):
        return "CHILD holds a UPN (a field separator may be missing)"
    return None


class FieldKind:
    """How one column becomes one value: a lookup table for the fast path, a parser for the
    slow one, and the words for a problem."""

    __slots__ = ("expected", "lookup", "parse", "what")

    def __init__(
        self,
        lookup: dict[str, Any],
        parse: Callable[[str], Any],
        what: str,
        expected: str,
    ) -> None:
        self.lookup, self.parse, self.what, self.expected = lookup, parse, what, expected

    def convert(self, raw: str) -> Any:
        """The value of ``raw``, or :data:`MISS` when it is not one (cached either way)."""
        value = self.lookup.get(raw, MISS)
        if value is MISS:
            stripped = raw.strip()
            value = self.parse(stripped) if stripped else None
            if len(self.lookup) < _DATE_CACHE_LIMIT:
                self.lookup[raw] = value
        return value


def _date_kind() -> FieldKind:
    def parse(text: str) -> Any:
        value = parse_date(text)
        return MISS if value is None else value

    return FieldKind({"": None}, parse, "a date", "a date dd/mm/YYYY")


def _code_kind(code_list: type[CodeList]) -> FieldKind:
    lookup: dict[str, Any] = {"": None}
    for member in code_list:
        lookup[member.code] = member
        lookup[member.code.lower()] = member

    def parse(text: str) -> Any:
        member = code_list._value2member_map_.get(text.upper())
        return MISS if member is None or member.value == "" else member

    codes = ", ".join(m.code for m in code_list)
    return FieldKind(lookup, parse, f"a {code_list.__name__} code", f"one of {codes}")


def _text_kind() -> FieldKind:
    def parse(text: str) -> Any:
        return text if text.isprintable() else MISS

    return FieldKind({"": None}, parse, "text", "printable text")


def _flag_kind() -> FieldKind:
    return FieldKind({"": None, "0": False, "1": True}, lambda t: MISS, "0 or 1", "0 or 1")


def _int_kind(low: int, high: int) -> FieldKind:
    lookup: dict[str, Any] = {"": None, **{str(i): i for i in range(low, high + 1)}}
    return FieldKind(
        lookup, lambda t: MISS, f"a whole number from {low} to {high}", f"{low}-{high}"
    )


_KINDS: dict[str, FieldKind] = {}


def _kind(spec: str) -> FieldKind:
    kind = _KINDS.get(spec)
    if kind is None:
        if spec == "date":
            kind = _date_kind()
        elif spec == "text":
            kind = _text_kind()
        elif spec == "flag":
            kind = _flag_kind()
        elif spec.startswith("int:"):
            low, high = spec[4:].split("-")
            kind = _int_kind(int(low), int(high))
        else:
            kind = _code_kind(CODE_LISTS[spec])
        _KINDS[spec] = kind
    return kind


class Field:
    """One model field read from one column.

    Attributes:
        name: The model field (``"start"``).
        column: The 903 column (``"DECOM"``).
        kind: How the cell is read.
        required: A row without a usable value cannot be used (unless ``unknown`` is set).
        unknown: For a required code the row can do without: an unreadable value becomes the
            code list's ``unknown()`` and the row is kept (and reported).
    """

    __slots__ = ("column", "kind", "name", "required", "unknown", "unknown_value")

    def __init__(
        self, name: str, column: str, kind: str, *, required: bool = False, unknown: bool = False
    ) -> None:
        self.name, self.column, self.kind = name, column, _kind(kind)
        self.required, self.unknown = required, unknown
        self.unknown_value: Any = CODE_LISTS[kind].unknown() if unknown else None


BadValue = Callable[[Field, str, int, str], tuple[Any, bool]]
RowMapper = Callable[[list[str], int, str], "tuple[Any, ...] | None"]


def compile_mapper(
    fields: Sequence[Field], position: Mapping[str, int], bad: BadValue, file: int | None = None
) -> RowMapper:
    """A function ``(cells, line, child) -> values | None`` for one file's column layout.

    The function is generated once per file with the column positions and lookup tables bound
    as constants: per cell, one dictionary lookup; a value that misses goes through the
    field's parser, and one that is still unusable through ``bad`` (which records the problem
    and says whether the row can be kept). ``None`` when the row cannot be used. With
    ``file`` (the file's index), the values are followed by ``file`` and the line: the row as
    the reader keeps it, in one tuple.
    """
    scope: dict[str, Any] = {"MISS": MISS, "bad": bad, "FILE": file}
    body = ["def mapper(cells, line, child):", "    ok = True"]
    names = []
    for i, field in enumerate(fields):
        at = position.get(field.column, -1)
        scope[f"F{i}"], scope[f"L{i}"], scope[f"C{i}"] = field, field.kind.lookup, field.kind
        test = "v is MISS or v is None" if field.required else "v is MISS"
        if at >= 0:
            body += [
                f"    r = cells[{at}]",
                "    try:",
                f"        v = L{i}[r]",
                "    except KeyError:",
                f"        v = C{i}.convert(r)",
            ]
        else:
            body += ["    r = ''", "    v = None"]
        body += [
            f"    if {test}:",
            f"        v, usable = bad(F{i}, r, line, child)",
            "        ok = ok and usable",
            f"    v{i} = v",
        ]
        names.append(f"v{i}")
    if file is not None:
        names += ["FILE", "line"]
    body.append(f"    return ({', '.join(names)},) if ok else None")
    exec("\n".join(body), scope)  # generated from our own field table, never from input
    mapper: RowMapper = scope["mapper"]
    return mapper


def table_fields() -> Mapping[str, Sequence[Field]]:
    """The fields of every table, in model order."""
    f = Field
    return {
        "header": (
            f("date_of_birth", "DOB", "date", required=True),
            f("sex", "SEX", "SEX"),
            f("ethnicity", "ETHNIC", "ETHNIC"),
            f("upn", "UPN", "text"),
            f("mother", "MOTHER", "flag"),
            f("mother_child_date_of_birth", "MC_DOB", "date"),
        ),
        "episodes": (
            f("start", "DECOM", "date", required=True),
            f("reason_new", "RNE", "RNE", required=True),
            f("legal_status", "LS", "LS", required=True, unknown=True),
            f("category_of_need", "CIN", "CIN"),
            f("placement", "PLACE", "PLACE", required=True, unknown=True),
            f("provider", "PLACE_PROVIDER", "PLACE_PROVIDER"),
            f("end", "DEC", "date"),
            f("reason_ceased", "REC", "REC"),
            f("reason_place_change", "REASON_PLACE_CHANGE", "REASON_PLACE_CHANGE"),
            f("home_postcode", "HOME_POST", "text"),
            f("placement_postcode", "PL_POST", "text"),
            f("urn", "URN", "text"),
        ),
        "reviews": (
            f("date", "REVIEW", "date", required=True),
            f("participation", "REVIEW_CODE", "REVIEW_CODE"),
        ),
        "uasc": (f("uasc_ceased", "DUC", "date"),),
        "oc2": (
            f("sdq_score", "SDQ_SCORE", "int:0-40"),
            f("sdq_reason", "SDQ_REASON", "SDQ_REASON"),
            *(
                f(name, column, "flag")
                for name, column in (
                    ("convicted", "CONVICTED"),
                    ("health_check", "HEALTH_CHECK"),
                    ("immunisations", "IMMUNISATIONS"),
                    ("teeth_check", "TEETH_CHECK"),
                    ("health_assessment", "HEALTH_ASSESSMENT"),
                    ("substance_misuse", "SUBSTANCE_MISUSE"),
                    ("intervention_received", "INTERVENTION_RECEIVED"),
                    ("intervention_offered", "INTERVENTION_OFFERED"),
                )
            ),
        ),
        "oc3": (
            f("in_touch", "IN_TOUCH", "IN_TOUCH", required=True),
            f("activity", "ACTIV", "ACTIV"),
            f("accommodation", "ACCOM", "ACCOM"),
        ),
        "ad1": (
            f("decided_on", "DATE_INT", "date"),
            f("matched_on", "DATE_MATCH", "date"),
            f("foster_care", "FOSTER_CARE", "flag"),
            f("number_of_adopters", "NB_ADOPTR", "int:1-2"),
            f("adopter_sex", "SEX_ADOPTR", "SEX_ADOPTR"),
            f("adopter_legal_status", "LS_ADOPTR", "LS_ADOPTR"),
        ),
        "placed_adoption": (
            f("date", "DATE_PLACED", "date", required=True),
            f("ceased_on", "DATE_PLACED_CEASED", "date"),
            f("reason_ceased", "REASON_PLACED_CEASED", "REASON_PLACED_CEASED"),
        ),
        "prev_perm": (
            f("kind", "PREV_PERM", "text"),
            f("local_authority", "LA_PERM", "text"),
            f("date", "DATE_PERM", "date"),
        ),
        "missing": (
            f("kind", "MISSING", "MISSING", required=True),
            f("start", "MIS_START", "date", required=True),
            f("end", "MIS_END", "date"),
        ),
        "sw_episodes": (
            f("sw_id", "SW_ID", "text", required=True),
            f("start", "SW_DECOM", "date", required=True),
            f("end", "SW_DEC", "date"),
            f("reason", "SW_REASON", "text"),
        ),
        "dolo": (
            f("start", "DOLO_START", "date", required=True),
            f("end", "DOLO_END", "date"),
        ),
    }
