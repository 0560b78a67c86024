"""Load a folder in the events format, with the SSDA903 loader's accounting."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from os import PathLike
from pathlib import Path
from typing import Any

from corparent._gc import collector_paused
from corparent.codes import CodeList, MissingType
from corparent.errors import CodeError, LoadError, Problem
from corparent.io._loaded import Allocation, SourceLoadResult
from corparent.io._values import as_date, as_flag, as_text
from corparent.io.events._format import KINDS, EventField, EventKind, FieldType
from corparent.io.events._spans import LegalStatusSpan, PlacementSpan, build_episodes
from corparent.io.ssda903 import LoadStats, TableStats
from corparent.model import (
    CarePlan,
    Caseload,
    CaseRecord,
    Child,
    DentalCheck,
    Episode,
    Evidence,
    EvidenceWindow,
    HealthAssessment,
    HealthAssessmentKind,
    IROAppointment,
    MissingEpisode,
    NeedsAssessment,
    PathwayPlan,
    PersonalAdviserAppointment,
    PersonalAdviserContact,
    PersonalEducationPlan,
    PlacementPlan,
    Review,
    Visit,
)

__all__ = ["is_events_folder", "load"]

_MODEL: dict[str, type] = {
    "reviews": Review,
    "visits": Visit,
    "health_assessments": HealthAssessment,
    "dental_checks": DentalCheck,
    "peps": PersonalEducationPlan,
    "care_plans": CarePlan,
    "placement_plans": PlacementPlan,
    "pathway_plans": PathwayPlan,
    "needs_assessments": NeedsAssessment,
    "pa_appointments": PersonalAdviserAppointment,
    "pa_contacts": PersonalAdviserContact,
    "iro_appointments": IROAppointment,
    "missing": MissingEpisode,
}
_NOT_HELD = EvidenceWindow(held=False)


def _files(folder: Path, name: str) -> list[Path]:
    """The files of the kind ``name``, the one to read first: ``name.csv``, else
    ``name.json``. Names are matched ignoring case, as Windows and macOS match them, so a
    folder reads the same everywhere (``Visits.csv`` was not read on Linux)."""
    wanted = {f"{name}.csv": 0, f"{name}.json": 1}
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = [p for p in entries if p.name.lower() in wanted and p.is_file()]
    return sorted(found, key=lambda p: (wanted[p.name.lower()], p.name != p.name.lower(), p.name))


def _file(folder: Path, name: str) -> Path | None:
    files = _files(folder, name)
    return files[0] if files else None


def is_events_folder(path: str | PathLike[str]) -> bool:
    """True if ``path`` is a folder in the events format (it has ``children.csv`` or
    ``children.json``)."""
    folder = Path(path)
    return folder.is_dir() and _file(folder, "children") is not None


def _rows(path: Path, counts: TableStats) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line or item number, row)`` pairs; keys lower case. Header and blank lines are
    counted in ``counts``."""
    encoding = _encoding(path)
    if path.suffix.lower() == ".json":
        data = json.loads(path.read_text(encoding=encoding))
        if not isinstance(data, list):
            raise ValueError("a JSON events file must be an array of objects")
        for i, item in enumerate(data, 1):
            if not isinstance(item, dict):
                raise ValueError(f"item {i} is not an object")
            yield i, {str(k).strip().lower(): v for k, v in item.items()}
        return
    with path.open(encoding=encoding, newline="") as stream:
        reader = csv.reader(stream)
        first = next(reader, None)
        header = [h.strip().lower() for h in first or []]
        counts.headers += first is not None
        for cells in reader:
            if not any(c.strip() for c in cells):
                counts.blank += 1
                continue
            yield reader.line_num, dict(zip(header, cells, strict=False))


def _encoding(path: Path) -> str:
    """UTF-16 where the file starts with its byte order mark (what Windows PowerShell's ``>``
    and ``Out-File`` write), else UTF-8, with or without a byte order mark."""
    with path.open("rb") as stream:
        start = stream.read(2)
    return "utf-16" if start in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else "utf-8-sig"


def _first_line_not_utf8(path: Path) -> int | None:
    """The number of the first line of ``path`` that is not UTF-8 text."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return data.count(b"\n", 0, exc.start) + 1
    return None


class _Load:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []
        self.stats: dict[str, TableStats] = {k.name: TableStats() for k in KINDS}
        self.rows: dict[str, dict[str, list[tuple[str, int, dict[str, Any]]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.present: set[str] = set()

    def value(
        self, kind: EventKind, f: EventField, raw: Any, where: tuple[str, int, str | None]
    ) -> tuple[Any, bool]:
        """The parsed value and whether it was usable."""
        file, line, child = where
        expected: str | None = None
        value: Any = None
        if f.datatype is FieldType.DATE:
            value, expected = as_date(raw)
        elif f.datatype is FieldType.BOOLEAN:
            value, expected = as_flag(raw)
        else:
            value = as_text(raw)
            if value is not None and f.datatype is FieldType.CODE and f.codes is not None:
                try:
                    if issubclass(f.codes, CodeList):
                        value = f.codes.parse(value)
                    else:
                        value = f.codes(value.strip().lower())
                except (CodeError, ValueError):
                    expected = "one of " + ", ".join(f.allowed())
        if expected is not None:
            self.problems.append(
                Problem(
                    code="bad_value",
                    message=f"{f.name} is not readable",
                    file=file,
                    row=line,
                    column=f.name,
                    value=None if f.name == "date_of_birth" else str(raw),
                    expected=expected,
                    record_id=child,
                    personal=f.name == "date_of_birth",
                )
            )
            return None, not f.required
        if value is None and f.required:
            self.problems.append(
                Problem(
                    code="missing_value",
                    message=f"{f.name} is empty",
                    file=file,
                    row=line,
                    column=f.name,
                    record_id=child,
                    expected="a value",
                )
            )
            return None, False
        return value, True

    def read(self, folder: Path, kind: EventKind) -> None:
        files = _files(folder, kind.name)
        if not files:
            return
        path, *others = files
        for other in others:  # visits.csv and visits.json; Visits.csv and visits.csv on Linux
            self.problems.append(
                Problem(
                    code="duplicate_file",
                    message=f"not read: {path.name} was read for {kind.name}",
                    file=str(other),
                    expected=f"one file for {kind.name}: {kind.name}.csv or {kind.name}.json",
                )
            )
        self.present.add(kind.name)
        stats = self.stats[kind.name]
        stats.files += 1
        try:
            rows = list(_rows(path, stats))
        except UnicodeDecodeError:
            # Excel's "CSV (Comma delimited)" on Windows saves in the ANSI code page (cp1252).
            self.problems.append(
                Problem(
                    code="unreadable_file",
                    message="the file is not UTF-8 text (saved in another encoding, such as "
                    f"Windows' ANSI: save it as {'' if path.suffix.lower() == '.json' else 'CSV '}"
                    "UTF-8); nothing in it was read",
                    file=str(path),
                    row=_first_line_not_utf8(path),
                    expected="a UTF-8 file",
                )
            )
            return
        except (ValueError, csv.Error) as exc:
            self.problems.append(
                Problem(
                    code="unreadable_file",
                    message=f"the file cannot be read ({exc})",
                    file=str(path),
                    expected="CSV with a header row, or a JSON array of objects",
                )
            )
            return
        for line, raw in rows:
            stats.read += 1
            child = as_text(raw.get("child_id"))
            where = (str(path), line, child)
            fields: dict[str, Any] = {}
            ok = True
            for f in kind.fields:
                value, usable = self.value(kind, f, raw.get(f.name), where)
                ok = ok and usable
                if f.name != "child_id":
                    fields[f.name] = value
            if ok:
                stats.mapped += 1
                self.rows[child or ""][kind.name].append((str(path), line, fields))
            else:
                stats.reported += 1
        stats.lines = stats.headers + stats.blank + stats.read

    def unmap(self, kind: str, count: int) -> None:
        self.stats[kind].mapped -= count
        self.stats[kind].reported += count


def _evidence(load: _Load, rows: list[tuple[str, int, dict[str, Any]]], source: str) -> Evidence:
    windows: dict[str, EvidenceWindow] = {}
    for k in KINDS:
        if k.evidence is not None and k.evidence not in windows:
            held = any(
                other.name in load.present for other in KINDS if other.evidence == k.evidence
            )
            windows[k.evidence] = EvidenceWindow() if held else _NOT_HELD
    for file, line, fields in rows:
        name = fields["kind"]
        target = next((k.evidence for k in KINDS if name in (k.name, k.evidence)), None)
        if target is None:
            load.problems.append(
                Problem(
                    code="bad_value",
                    message="the evidence row names no kind of event",
                    file=file,
                    row=line,
                    column="kind",
                    value=name,
                    expected="a file name of the events format, e.g. visits",
                )
            )
            load.unmap("evidence", 1)
            continue
        windows[target] = EvidenceWindow(
            start=fields["start"], end=fields["end"], held=fields["held"] is not False
        )
    return Evidence(windows=windows, default=_NOT_HELD, source=source)


def _episodes(load: _Load, child: str, tables: dict[str, Any]) -> list[Episode]:
    if tables.get("episodes"):
        for name in ("placements", "legal_statuses"):
            if tables.get(name):
                load.notes.append(
                    Problem(
                        code="episodes_given",
                        message=f"the child has rows in episodes; its {name} rows are not used",
                        file=tables[name][0][0],
                        record_id=child,
                    )
                )
        return [Episode(**f) for _, _, f in tables["episodes"]]
    placements = [PlacementSpan(**f) for _, _, f in tables.get("placements", [])]
    statuses = [LegalStatusSpan(**f) for _, _, f in tables.get("legal_statuses", [])]
    if not placements and not statuses:
        return []
    episodes, problems = build_episodes(placements, statuses)
    for p in problems:
        name = (p.path or "placements").partition("[")[0]
        rows = tables.get(name) or [("", None, None)]
        load.problems.append(
            Problem(
                code=p.code,
                message=p.message,
                record_id=child,
                file=rows[0][0] or None,
                path=p.path,
            )
        )
    return episodes


def _format_defaults(name: str, data: dict[str, Any]) -> None:
    """The events format's documented defaults, given explicitly to the model (which assumes
    nothing): a visit's child was seen unless ``seen`` says otherwise; a health assessment is
    an initial one unless ``kind`` says otherwise, and an initial assessment is taken as done by
    a registered medical practitioner, as the regulation requires (the format has no column
    for it)."""
    if name == "visits":
        data.setdefault("seen", True)
    elif name == "health_assessments":
        data.setdefault("kind", HealthAssessmentKind.INITIAL)
        if data["kind"] in (HealthAssessmentKind.INITIAL, "initial"):
            data.setdefault("by_medical_practitioner", True)


def load(folder: str | PathLike[str], *, strict: bool = False) -> SourceLoadResult:
    """Load a folder in the events format (see the "Events format" page of the docs).

    Every row read is mapped or reported (``read == mapped + reported`` per file). A row for a
    child not in ``children`` is reported. Episodes come from ``episodes`` where a child has
    rows there, else from ``placements`` and ``legal_statuses``
    (:func:`~corparent.io.events.build_episodes`).

    Raises:
        LoadError: there is no ``children`` file, or ``strict`` and anything could not be used.
    """
    path = Path(folder)
    if not is_events_folder(path):
        raise LoadError(
            [
                Problem(
                    code="no_files",
                    message="the folder has no children.csv or children.json",
                    file=str(path),
                    expected="a folder in the events format",
                )
            ]
        )
    with collector_paused():  # many small objects, none garbage: see corparent._gc
        return _load_folder(path, strict)


def _load_folder(path: Path, strict: bool) -> SourceLoadResult:
    work = _Load()
    for k in KINDS:
        work.read(path, k)
    key_child = dict(work.rows.pop("", {}))
    evidence_rows = key_child.pop("evidence", [])
    for name, rows in key_child.items():
        for file, line, _ in rows:
            work.problems.append(
                Problem(
                    code="missing_value",
                    message="child_id is empty",
                    file=file,
                    row=line,
                    column="child_id",
                    expected="the child's record id",
                )
            )
        work.unmap(name, len(rows))
    evidence = _evidence(work, evidence_rows, f"events {path}")
    records: list[CaseRecord] = []
    allocations: dict[str, list[Allocation]] = {}
    children: dict[str, dt.date] = {}
    for child, tables in work.rows.items():
        for file, line, f in tables.get("children", []):
            if child in children:
                work.problems.append(
                    Problem(
                        code="duplicate_child",
                        message="the child appears more than once in children; the first row "
                        "is used",
                        file=file,
                        row=line,
                        record_id=child,
                    )
                )
                work.unmap("children", 1)
            else:
                children[child] = f["date_of_birth"]
    for child in sorted(work.rows):
        tables = work.rows[child]
        if child not in children:
            for name, rows in tables.items():
                for file, line, _ in rows:
                    work.problems.append(
                        Problem(
                            code="unknown_child",
                            message="the child is not in children",
                            file=file,
                            row=line,
                            column="child_id",
                            record_id=child,
                            expected="a child_id listed in children",
                        )
                    )
                work.unmap(name, len(rows))
            continue
        fields: dict[str, Any] = {
            "child": Child(id=child, date_of_birth=children[child]),
            "episodes": _episodes(work, child, tables),
            "evidence": evidence,
        }
        for name, cls in _MODEL.items():
            items = []
            for _, _, f in tables.get(name, []):
                data = {k: v for k, v in f.items() if v is not None}
                if name == "missing" and "kind" not in data:
                    data["kind"] = MissingType.M
                _format_defaults(name, data)
                items.append(cls(**data))
            fields[name] = items
        record, problems = CaseRecord.build(**fields)
        work.problems.extend(problems)
        records.append(record)
        allocations[child] = [
            Allocation(child_id=child, **f) for _, _, f in tables.get("allocations", [])
        ]
    if strict and work.problems:
        raise LoadError(work.problems, headline="the events folder has problems")
    latest = max(
        (e.end or e.start for r in records for e in r.episodes), default=dt.date(2000, 1, 1)
    )
    year = latest.year if latest <= dt.date(latest.year, 3, 31) else latest.year + 1
    return SourceLoadResult(
        caseload=Caseload(records=records),
        problems=tuple(work.problems),
        notes=tuple(work.notes),
        stats=LoadStats(tables=work.stats, children=len(records)),
        collection_year_end=dt.date(year, 3, 31),
        source=str(path),
        allocations=allocations,
    )
