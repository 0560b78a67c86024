"""Write a caseload in the events format (the inverse of :func:`~corparent.io.events.load`).

Episodes are written as the two timelines a case-management system keeps
(:func:`spans_from_episodes`), so the bundled sample shows the format as a system would export
it; :func:`~corparent.io.events.build_episodes` turns them back into the same episodes.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import json
from collections.abc import Iterable, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import Any, Literal

from corparent._atomic import atomic_open, atomic_write_text
from corparent.codes import ReasonEpisodeCeased, ReasonNewEpisode
from corparent.io._loaded import Allocation
from corparent.io.events._format import KINDS, kind
from corparent.io.events._spans import LegalStatusSpan, PlacementSpan
from corparent.model import CaseRecord, Episode

__all__ = ["spans_from_episodes", "write"]

_PLACEMENT_CHANGES = frozenset(
    {ReasonNewEpisode.P, ReasonNewEpisode.T, ReasonNewEpisode.U, ReasonNewEpisode.B}
)
_LEGAL_CHANGES = frozenset({ReasonNewEpisode.L, ReasonNewEpisode.T, ReasonNewEpisode.U})
_SAME_CARER = frozenset({ReasonNewEpisode.U, ReasonNewEpisode.B})


def spans_from_episodes(
    episodes: Sequence[Episode], *, carer_prefix: str = "carer"
) -> tuple[list[PlacementSpan], list[LegalStatusSpan]]:
    """The placement and legal-status timelines that give ``episodes`` back through
    :func:`~corparent.io.events.build_episodes`.

    A placement span starts with care and at every RNE ``P``, ``T``, ``U`` or ``B``; a legal
    status span with care and at every RNE ``L``, ``T`` or ``U``. Carers are numbered: ``U``
    and ``B`` keep the previous carer. The REC that ends care is put on the legal status.
    """
    placements: list[PlacementSpan] = []
    statuses: list[LegalStatusSpan] = []
    carers = 0
    for i, e in enumerate(episodes):
        previous = episodes[i - 1] if i else None
        starts_care = (
            previous is None
            or previous.end != e.start
            or previous.reason_ceased is not ReasonEpisodeCeased.X1
        )
        if starts_care or e.reason_new in _PLACEMENT_CHANGES:
            if not (not starts_care and e.reason_new in _SAME_CARER):
                carers += 1
            if placements and placements[-1].end is None:
                placements[-1] = _ended(placements[-1], e.start)
            placements.append(
                PlacementSpan(
                    start=e.start,
                    placement_type=e.placement,
                    provider=e.provider,
                    carer=f"{carer_prefix}{carers}",
                    urn=e.urn,
                )
            )
        if starts_care or e.reason_new in _LEGAL_CHANGES:
            if statuses and statuses[-1].end is None:
                statuses[-1] = _ended(statuses[-1], e.start)
            statuses.append(
                LegalStatusSpan(
                    start=e.start, legal_status=e.legal_status, category_of_need=e.category_of_need
                )
            )
        if e.end is not None and e.reason_ceased is not ReasonEpisodeCeased.X1:
            placements[-1] = _ended(placements[-1], e.end)
            statuses[-1] = _ended(statuses[-1], e.end, e.reason_ceased)
    return placements, statuses


def _ended(span: Any, end: dt.date, reason: ReasonEpisodeCeased | None = None) -> Any:
    from attrs import evolve

    return evolve(span, end=end, reason_ceased=reason) if reason else evolve(span, end=end)


def _cell(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return getattr(value, "code", value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _rows(record: CaseRecord) -> Iterable[tuple[str, dict[str, Any]]]:
    cid = record.id
    yield "children", {"child_id": cid, "date_of_birth": record.child.date_of_birth}
    placements, statuses = spans_from_episodes(record.episodes, carer_prefix=f"{cid}-carer")
    for p in placements:
        yield "placements", {"child_id": cid, **_fields(p)}
    for s in statuses:
        yield "legal_statuses", {"child_id": cid, **_fields(s)}
    for k in KINDS:
        if k.evidence is None or k.name in ("placements", "legal_statuses", "episodes"):
            continue
        for event in getattr(record, k.evidence):
            yield k.name, {"child_id": cid, **_fields(event)}


def _fields(obj: Any) -> dict[str, Any]:
    import attrs

    return {f.name: getattr(obj, f.name) for f in attrs.fields(type(obj))}


def write(
    caseload: Iterable[CaseRecord],
    folder: str | PathLike[str],
    *,
    form: Literal["csv", "json"] = "csv",
    allocations: Mapping[str, Iterable[Allocation]] | None = None,
) -> dict[str, int]:
    """Write ``caseload`` as an events folder (one file per kind with rows); returns the rows
    written per file. Every column of the format is written, empty where unknown.

    Args:
        caseload: The records.
        folder: Where to write (created if needed).
        form: ``csv`` or ``json`` files.
        allocations: Workers and teams by child id, written as ``allocations``.
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    tables: dict[str, list[dict[str, Any]]] = {k.name: [] for k in KINDS}
    for record in caseload:
        for name, row in _rows(record):
            tables[name].append(row)
        for a in (allocations or {}).get(record.id, ()):
            tables["allocations"].append({"child_id": record.id, **_fields(a)})
    written: dict[str, int] = {}
    for name, rows in tables.items():
        if not rows:
            continue
        columns = kind(name).names
        cleaned = [{c: _cell(row.get(c)) for c in columns} for row in rows]
        if form == "json":
            text = json.dumps(cleaned, indent=1, ensure_ascii=False) + "\n"
            atomic_write_text(target / f"{name}.json", text)
        else:
            with atomic_open(target / f"{name}.csv") as stream:
                writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
                writer.writeheader()
                writer.writerows(
                    {c: "" if v is None else v for c, v in row.items()} for row in cleaned
                )
        written[name] = len(rows)
    return written
