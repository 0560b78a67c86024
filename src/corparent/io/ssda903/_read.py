"""Read an SSDA903 return into a :class:`~corparent.model.Caseload`, losing nothing silently.

Every row read is either mapped into the model or reported as a :class:`~corparent.errors.Problem`
naming file, row (line number), column, value (unless personal) and what was expected;
:class:`LoadStats` proves it, table by table: ``read == mapped + reported``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from corparent.codes import CODE_LISTS, CodeList
from corparent.errors import CodeError, LoadError, Problem
from corparent.io.ssda903._tables import PERSONAL_COLUMNS, TABLES, TableSpec, table_for_header
from corparent.model import (
    AdoptionDecision,
    Caseload,
    CaseRecord,
    Child,
    DeprivationOfLiberty,
    Episode,
    HealthOutcome,
    LeaverOutcome,
    MissingEpisode,
    PlacedForAdoption,
    PreviousPermanence,
    Review,
    SocialWorkerEpisode,
)

__all__ = ["LoadResult", "LoadStats", "TableStats", "load", "parse_date"]

StrPath = str | PathLike[str]
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_CACHE: dict[str, dt.date | None] = {}


def parse_date(text: str) -> dt.date | None:
    """A date as councils export it: ``dd/mm/YYYY`` (also ``d/m/YYYY``, ``dd-mm-YYYY``,
    ``dd.mm.YYYY``) or ISO ``YYYY-MM-DD``; ``None`` if it is not one.

    Two-digit years are refused: ``01/02/03`` is ambiguous.
    """
    cached = _DATE_CACHE.get(text, ...)
    if cached is not ...:
        return cached
    value: dt.date | None = None
    m = _DMY.match(text)
    try:
        if m:
            value = dt.date(int(m[3]), int(m[2]), int(m[1]))
        else:
            m = _YMD.match(text)
            if m:
                value = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        value = None
    if len(_DATE_CACHE) < 200_000:
        _DATE_CACHE[text] = value
    return value


@attrs.define(kw_only=True)
class TableStats:
    """How many rows of one table were read, mapped, reported and skipped as blank."""

    files: int = 0
    read: int = 0
    mapped: int = 0
    reported: int = 0
    blank: int = 0

    @property
    def accounted(self) -> bool:
        """True when every row read was mapped or reported."""
        return self.read == self.mapped + self.reported


@attrs.frozen(kw_only=True)
class LoadStats:
    """Row counts per table (see :class:`TableStats`) and children loaded."""

    tables: Mapping[str, TableStats]
    children: int

    @property
    def accounted(self) -> bool:
        """True when nothing was dropped (every row mapped or reported, in every table)."""
        return all(t.accounted for t in self.tables.values())

    def summary(self) -> str:
        """One line per table, e.g. ``episodes: 512 read = 510 mapped + 2 reported``."""
        return "\n".join(
            f"{name}: {t.read} read = {t.mapped} mapped + {t.reported} reported"
            + (f" ({t.blank} blank rows skipped)" if t.blank else "")
            for name, t in self.tables.items()
            if t.files
        )


@attrs.frozen(kw_only=True)
class LoadResult:
    """What :func:`load` gives back.

    Attributes:
        caseload: Every child that could be read (records with integrity problems are kept).
        problems: Every row, value or record that could not be used as it stood.
        notes: Things worth knowing that lose no data (extra columns ignored, encoding).
        stats: The row accounting, per table.
        collection_year_end: The 31 March the return's OC2/OC3 rows refer to.
    """

    caseload: Caseload
    problems: tuple[Problem, ...]
    notes: tuple[Problem, ...]
    stats: LoadStats
    collection_year_end: dt.date


class _Reader:
    """State of one load: problems, stats and the rows gathered per child."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []
        self.stats: dict[str, TableStats] = {t.name: TableStats() for t in TABLES}
        self.rows: dict[str, dict[str, list[tuple[str, int, dict[str, Any]]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.row_problems: list[Problem] = []

    def problem(self, code: str, message: str, **where: Any) -> None:
        column = where.get("column")
        self.row_problems.append(
            Problem(code=code, message=message, personal=column in PERSONAL_COLUMNS, **where)
        )


def _files(source: StrPath | Mapping[str, StrPath] | Iterable[StrPath]) -> list[Path]:
    if isinstance(source, Mapping):
        return [Path(p) for p in source.values()]
    if isinstance(source, str | PathLike):
        path = Path(source)
        if path.is_dir():
            return sorted(p for p in path.rglob("*") if p.suffix.lower() == ".csv")
        return [path]
    return [f for item in source for f in _files(item)]


def _decode(reader: _Reader, path: Path) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reader.problems.append(
            Problem(
                code="unreadable_file",
                message=f"cannot read the file ({type(exc).__name__})",
                file=str(path),
            )
        )
        return None
    if b"\x00" in raw[:4096]:
        reader.problems.append(
            Problem(
                code="not_csv",
                message="the file is binary, not CSV",
                file=str(path),
                expected="a CSV text file",
            )
        )
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        reader.notes.append(
            Problem(
                code="not_utf8",
                message="the file is not UTF-8; read as Windows-1252",
                file=str(path),
            )
        )
        return raw.decode("cp1252", errors="replace")


def _table_of(path: Path, header: list[str]) -> TableSpec | None:
    stem = re.sub(r"[^a-z0-9]", "", path.stem.lower())
    for table in TABLES:
        if stem in table.file_stems:
            return table
    return table_for_header({h.strip().upper() for h in header})


def _read_file(reader: _Reader, path: Path) -> None:
    text = _decode(reader, path)
    if text is None:
        return
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(rows)
    except (StopIteration, csv.Error):
        reader.problems.append(
            Problem(
                code="empty_file",
                message="the file has no header row",
                file=str(path),
                expected="a header row of SSDA903 column names",
            )
        )
        return
    table = _table_of(path, header)
    if table is None:
        reader.problems.append(
            Problem(
                code="unknown_table",
                message="the file is not an SSDA903 table",
                file=str(path),
                expected="a table of the return, e.g. header.csv or episodes.csv",
            )
        )
        return
    columns = [h.strip().upper() for h in header]
    stats = reader.stats[table.name]
    stats.files += 1
    extra = [c for c in columns if c not in table.columns]
    if extra:
        reader.notes.append(
            Problem(
                code="extra_columns",
                message=f"columns ignored: {', '.join(extra)}",
                file=str(path),
                row=1,
            )
        )
    missing = [c for c in table.required if c not in columns]
    parse = _PARSERS[table.name]
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            stats.read += 1
            stats.reported += 1
            reader.problems.append(
                Problem(
                    code="bad_csv",
                    message=f"the row is not valid CSV ({exc})",
                    file=str(path),
                    row=rows.line_num,
                )
            )
            continue
        line = rows.line_num
        if not any(c.strip() for c in cells):
            stats.blank += 1
            continue
        stats.read += 1
        reader.row_problems = []
        if missing:
            reader.problem(
                "missing_column",
                f"the file has no {', '.join(missing)} column",
                file=str(path),
                row=line,
                column=missing[0],
                expected=f"columns {', '.join(table.required)}",
            )
            ok = False
        else:
            if len(cells) != len(columns):
                reader.problem(
                    "field_count",
                    f"the row has {len(cells)} fields, the header {len(columns)}",
                    file=str(path),
                    row=line,
                    expected=f"{len(columns)} fields",
                )
            values = {
                c: (cells[i].strip() if i < len(cells) else "") for i, c in enumerate(columns)
            }
            ok = parse(reader, str(path), line, values)
        if ok:
            stats.mapped += 1
        else:
            stats.reported += 1
        reader.problems.extend(reader.row_problems)


# -- field parsing ----------------------------------------------------------------------------


class _Row:
    """Field access for one row that records a problem for every bad value."""

    def __init__(self, reader: _Reader, file: str, line: int, values: dict[str, str]) -> None:
        self.reader, self.file, self.line, self.values = reader, file, line, values
        self.child = values.get("CHILD", "")
        self.ok = True

    def _bad(self, column: str, message: str, expected: str, *, required: bool) -> None:
        self.reader.problem(
            "bad_value" if self.values.get(column) else "missing_value",
            message,
            file=self.file,
            row=self.line,
            column=column,
            value=self.values.get(column) or None,
            record_id=self.child or None,
            expected=expected,
        )
        if required:
            self.ok = False

    def text(self, column: str, *, required: bool = False) -> str | None:
        value = self.values.get(column, "")
        if not value:
            if required:
                self._bad(column, f"{column} is empty", "a value", required=True)
            return None
        return value

    def date(self, column: str, *, required: bool = False) -> dt.date | None:
        value = self.values.get(column, "")
        if not value:
            if required:
                self._bad(column, f"{column} is empty", "a date dd/mm/YYYY", required=True)
            return None
        parsed = parse_date(value)
        if parsed is None:
            self._bad(column, f"{column} is not a date", "a date dd/mm/YYYY", required=required)
        return parsed

    def code(self, column: str, *, required: bool = False) -> Any:
        value = self.values.get(column, "")
        if not value:
            if required:
                self._bad(column, f"{column} is empty", "a code", required=True)
            return None
        code_list: type[CodeList] = CODE_LISTS[column if column != "RNE" else "RNE"]
        try:
            return code_list.parse(value)
        except CodeError as exc:
            self._bad(
                column,
                f"{column} is not a {code_list.__name__} code",
                exc.expected,
                required=required,
            )
            return None

    def flag(self, column: str) -> bool | None:
        value = self.values.get(column, "")
        if not value:
            return None
        if value in ("0", "1"):
            return value == "1"
        self._bad(column, f"{column} is not 0 or 1", "0 or 1", required=False)
        return None

    def integer(self, column: str, low: int, high: int) -> int | None:
        value = self.values.get(column, "")
        if not value:
            return None
        if value.isdigit() and low <= int(value) <= high:
            return int(value)
        self._bad(
            column,
            f"{column} is not a whole number from {low} to {high}",
            f"{low}-{high}",
            required=False,
        )
        return None

    def keep(self, table: str, fields: dict[str, Any]) -> bool:
        if not self.child:
            self._bad("CHILD", "CHILD is empty", "the child's record id", required=True)
        if self.ok:
            self.reader.rows[self.child][table].append((self.file, self.line, fields))
        return self.ok


def _header(reader: _Reader, file: str, line: int, values: dict[str, str]) -> bool:
    r = _Row(reader, file, line, values)
    fields = {
        "date_of_birth": r.date("DOB", required=True),
        "sex": r.code("SEX"),
        "ethnicity": r.code("ETHNIC"),
        "upn": r.text("UPN"),
        "mother": r.flag("MOTHER"),
        "mother_child_date_of_birth": r.date("MC_DOB"),
    }
    return r.keep("header", fields)


def _episode(reader: _Reader, file: str, line: int, values: dict[str, str]) -> bool:
    r = _Row(reader, file, line, values)
    fields = {
        "start": r.date("DECOM", required=True),
        "reason_new": r.code("RNE", required=True),
        "legal_status": r.code("LS", required=True),
        "category_of_need": r.code("CIN"),
        "placement": r.code("PLACE", required=True),
        "provider": r.code("PLACE_PROVIDER"),
        "end": r.date("DEC"),
        "reason_ceased": r.code("REC"),
        "reason_place_change": r.code("REASON_PLACE_CHANGE"),
        "home_postcode": r.text("HOME_POST"),
        "placement_postcode": r.text("PL_POST"),
        "urn": r.text("URN"),
    }
    return r.keep("episodes", fields)


def _simple(table: str, build: Callable[[_Row], dict[str, Any]]) -> Callable[..., bool]:
    def parse(reader: _Reader, file: str, line: int, values: dict[str, str]) -> bool:
        r = _Row(reader, file, line, values)
        fields = build(r)
        dob = r.date("DOB") if "DOB" in values else None
        if dob is not None:
            fields["__dob"] = dob
        return r.keep(table, fields)

    return parse


_PARSERS: dict[str, Callable[..., bool]] = {
    "header": _header,
    "episodes": _episode,
    "reviews": _simple("reviews", lambda r: {"date": r.date("REVIEW", required=True),
                                             "participation": r.code("REVIEW_CODE")}),
    "uasc": _simple("uasc", lambda r: {"uasc_ceased": r.date("DUC")}),
    "oc2": _simple("oc2", lambda r: {
        "sdq_score": r.integer("SDQ_SCORE", 0, 40), "sdq_reason": r.code("SDQ_REASON"),
        **{name: r.flag(col) for name, col in (
            ("convicted", "CONVICTED"), ("health_check", "HEALTH_CHECK"),
            ("immunisations", "IMMUNISATIONS"), ("teeth_check", "TEETH_CHECK"),
            ("health_assessment", "HEALTH_ASSESSMENT"), ("substance_misuse", "SUBSTANCE_MISUSE"),
            ("intervention_received", "INTERVENTION_RECEIVED"),
            ("intervention_offered", "INTERVENTION_OFFERED"))}}),
    "oc3": _simple("oc3", lambda r: {
        "in_touch": r.code("IN_TOUCH", required=True), "activity": r.code("ACTIV"),
        "accommodation": r.code("ACCOM")}),
    "ad1": _simple("ad1", lambda r: {
        "decided_on": r.date("DATE_INT"), "matched_on": r.date("DATE_MATCH"),
        "foster_care": r.flag("FOSTER_CARE"), "number_of_adopters": r.integer("NB_ADOPTR", 1, 2),
        "adopter_sex": r.code("SEX_ADOPTR"), "adopter_legal_status": r.code("LS_ADOPTR")}),
    "placed_adoption": _simple("placed_adoption", lambda r: {
        "date": r.date("DATE_PLACED", required=True), "ceased_on": r.date("DATE_PLACED_CEASED"),
        "reason_ceased": r.code("REASON_PLACED_CEASED")}),
    "prev_perm": _simple("prev_perm", lambda r: {
        "kind": r.text("PREV_PERM"), "local_authority": r.text("LA_PERM"),
        "date": r.date("DATE_PERM")}),
    "missing": _simple("missing", lambda r: {
        "kind": r.code("MISSING", required=True), "start": r.date("MIS_START", required=True),
        "end": r.date("MIS_END")}),
    "sw_episodes": _simple("sw_episodes", lambda r: {
        "sw_id": r.text("SW_ID", required=True), "start": r.date("SW_DECOM", required=True),
        "end": r.date("SW_DEC"), "reason": r.text("SW_REASON")}),
    "dolo": _simple("dolo", lambda r: {
        "start": r.date("DOLO_START", required=True), "end": r.date("DOLO_END")}),
}  # fmt: skip


# -- building records -------------------------------------------------------------------------

_MODEL: dict[str, tuple[str, type]] = {
    "reviews": ("reviews", Review),
    "oc2": ("health_outcomes", HealthOutcome),
    "oc3": ("leaver_outcomes", LeaverOutcome),
    "ad1": ("adoption_decisions", AdoptionDecision),
    "placed_adoption": ("placed_for_adoption", PlacedForAdoption),
    "prev_perm": ("previous_permanence", PreviousPermanence),
    "missing": ("missing", MissingEpisode),
    "sw_episodes": ("social_worker_episodes", SocialWorkerEpisode),
    "dolo": ("deprivations_of_liberty", DeprivationOfLiberty),
    "episodes": ("episodes", Episode),
}


def _unique(
    rows: list[tuple[str, int, dict[str, Any]]],
) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """The rows, keeping one of each identical row read from different files (several
    collection years). Rows of a single file are all kept: a repeat there is reported by the
    record's integrity check instead."""
    if len(rows) < 2 or all(row[0] == rows[0][0] for row in rows):
        yield from rows
        return
    seen: set[tuple[tuple[str, Any], ...]] = set()
    for file, line, fields in rows:
        key = tuple(sorted((k, v) for k, v in fields.items()))
        if key not in seen:
            seen.add(key)
            yield file, line, fields


def _year_end(reader: _Reader) -> dt.date:
    latest = dt.date(2000, 1, 1)
    for tables in reader.rows.values():
        for file_line_fields in tables.get("episodes", []):
            fields = file_line_fields[2]
            for key in ("start", "end"):
                if fields.get(key) and fields[key] > latest:
                    latest = fields[key]
        for _, _, fields in tables.get("reviews", []):
            if fields["date"] > latest:
                latest = fields["date"]
    year = latest.year if latest <= dt.date(latest.year, 3, 31) else latest.year + 1
    return dt.date(year, 3, 31)


def _build(reader: _Reader, year_end: dt.date) -> list[CaseRecord]:
    records: list[CaseRecord] = []
    for child_id in sorted(reader.rows):
        tables = reader.rows[child_id]
        headers = list(_unique(tables.get("header", [])))
        if len(headers) > 1:
            for file, line, _ in headers[1:]:
                reader.problems.append(
                    Problem(
                        code="duplicate_child",
                        message="the child appears twice in the header with "
                        "different details; the first row is used",
                        file=file,
                        row=line,
                        record_id=child_id,
                    )
                )
        if headers:
            child_fields = dict(headers[0][2])
        else:
            dob = next(
                (f["__dob"] for rows in tables.values() for _, _, f in rows if "__dob" in f), None
            )
            first = next(iter(r for rows in tables.values() for r in rows))
            if dob is None:
                count = sum(len(rows) for rows in tables.values())
                reader.problems.append(
                    Problem(
                        code="child_not_in_header",
                        message=f"the child is not in the header file and "
                        f"no table gives a date of birth: {count} row(s) could not be used",
                        file=first[0],
                        row=first[1],
                        record_id=child_id,
                        expected="a header row for the child",
                    )
                )
                for name, rows in tables.items():
                    reader.stats[name].mapped -= len(rows)
                    reader.stats[name].reported += len(rows)
                continue
            reader.notes.append(
                Problem(
                    code="child_not_in_header",
                    message="no usable header row for the child; the date of birth was "
                    "taken from another table",
                    file=first[0],
                    row=first[1],
                    record_id=child_id,
                )
            )
            child_fields = {"date_of_birth": dob}
        uasc = tables.get("uasc", [])
        child = Child(
            id=child_id,
            uasc=bool(uasc),
            uasc_ceased=uasc[0][2].get("uasc_ceased") if uasc else None,
            **{k: v for k, v in child_fields.items() if not k.startswith("__")},
        )
        fields: dict[str, Any] = {"child": child}
        for table, (field, cls) in _MODEL.items():
            items = []
            for _, _, row in _unique(tables.get(table, [])):
                data = {k: v for k, v in row.items() if not k.startswith("__")}
                if table in ("oc2", "oc3"):
                    data["year_ending"] = year_end
                items.append(cls(**data))
            fields[field] = items
        record, problems = CaseRecord.build(**fields)
        reader.problems.extend(problems)
        records.append(record)
    return records


def load(
    source: StrPath | Mapping[str, StrPath] | Iterable[StrPath],
    *,
    strict: bool = False,
    collection_year_end: dt.date | None = None,
) -> LoadResult:
    """Load an SSDA903 return from a folder of CSV files (or several folders, or a mapping of
    table name to file).

    Files are recognised by name (``header.csv``, ``episodes.csv``, ...) or by their header
    row; headers match case-insensitively; a byte-order mark is tolerated; extra columns are
    ignored (and noted); blank rows are skipped (and counted). Rows repeated identically across
    files (several collection years) are kept once.

    Args:
        source: A folder, a file, several of either, or ``{"episodes": path, ...}``.
        strict: Raise one :class:`~corparent.errors.LoadError` listing every problem instead of
            returning them.
        collection_year_end: The 31 March that OC2 and OC3 rows refer to; by default the 31 March
            on or after the latest episode or review date.

    Raises:
        LoadError: ``strict`` is set and anything could not be used as it stood, or no file of
            the return was found.
    """
    reader = _Reader()
    files = _files(source)
    if not files:
        raise LoadError(
            [
                Problem(
                    code="no_files",
                    message="no CSV files found",
                    file=str(source),
                    expected="a folder of SSDA903 CSV files",
                )
            ]
        )
    for path in files:
        _read_file(reader, path)
    year_end = collection_year_end or _year_end(reader)
    records = _build(reader, year_end)
    stats = LoadStats(tables=reader.stats, children=len(records))
    if strict and reader.problems:
        raise LoadError(reader.problems, headline="the SSDA903 return has problems")
    return LoadResult(
        caseload=Caseload(records=records),
        problems=tuple(reader.problems),
        notes=tuple(reader.notes),
        stats=stats,
        collection_year_end=year_end,
    )
