"""From the rows kept per child to case records: later returns supersede earlier ones row by row,
rows repeated in another file of the same return are kept once, and each record is built once
through the model's trusted path (values already parsed are not converted again; the
integrity problems computed once and kept)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from corparent.errors import Problem
from corparent.io.ssda903._fields import table_fields
from corparent.model import (
    AdoptionDecision,
    CaseRecord,
    Child,
    DeprivationOfLiberty,
    Episode,
    Evidence,
    HealthOutcome,
    LeaverOutcome,
    MissingEpisode,
    PlacedForAdoption,
    PreviousPermanence,
    Review,
    SocialWorkerEpisode,
)
from corparent.model._trusted import RECORD_SORT_KEYS, trusted_maker

if TYPE_CHECKING:
    from corparent.io.ssda903._state import LoadState

__all__ = ["Built", "build_records"]

_NAMES = {table: tuple(f.name for f in fields) for table, fields in table_fields().items()}

_MODEL: dict[str, tuple[str, type]] = {
    "episodes": ("episodes", Episode),
    "reviews": ("reviews", Review),
    "oc2": ("health_outcomes", HealthOutcome),
    "oc3": ("leaver_outcomes", LeaverOutcome),
    "ad1": ("adoption_decisions", AdoptionDecision),
    "placed_adoption": ("placed_for_adoption", PlacedForAdoption),
    "prev_perm": ("previous_permanence", PreviousPermanence),
    "missing": ("missing", MissingEpisode),
    "sw_episodes": ("social_worker_episodes", SocialWorkerEpisode),
    "dolo": ("deprivations_of_liberty", DeprivationOfLiberty),
}

SUPERSEDE_KEYS: Mapping[str, tuple[int, ...] | None] = {
    "header": (),
    "episodes": (0,),
    "reviews": (0,),
    "uasc": (),
    "oc2": None,
    "oc3": None,
    "ad1": (0, 1),
    "placed_adoption": (0,),
    "prev_perm": (),
    "missing": (1,),
    "sw_episodes": (0, 1),
    "dolo": (0,),
}
"""Which fields make a row "the same row" in a later return (positions in the table's fields):
an episode is the same episode with the same DECOM, a review the same review with the same
date; ``()`` means one row per child (the later return's rows replace all earlier ones);
``None``: rows belong to their own collection year and are never superseded (OC2, OC3)."""

Entry = tuple[Any, ...]
"""One row as read: the table's field values in order, then the file's index and the line
(``row[-2]``, ``row[-1]``): one tuple a row, not the values' and a pair's."""


def _maker(
    table: str, cls: type, params: tuple[str, ...] = ("year",), given: Mapping[str, str] = {}
) -> Callable[..., Any]:
    """``(row, *params) -> object``: the model class built with keywords straight from the
    row's positions, plus ``given`` (field -> parameter), generated once: no dictionary per row.

    The row's values are already parsed into their final types (codes, dates): the trusted
    constructor sets them without converting them again.
    """
    args = [f"{name}=row[{i}]" for i, name in enumerate(_NAMES[table])]
    args += [f"{field}={param}" for field, param in given.items()]
    scope: dict[str, Any] = {"cls": trusted_maker(cls)}
    exec(  # our own field names
        f"def make(row, {', '.join(params)}):\n    return cls({', '.join(args)})", scope
    )
    maker: Callable[..., Any] = scope["make"]
    return maker


_MAKERS = {
    table: _maker(table, cls, given={"year_ending": "year"} if table in ("oc2", "oc3") else {})
    for table, (_, cls) in _MODEL.items()
}
_CHILD = _maker(
    "header",
    Child,
    ("child_id", "uasc", "ceased"),
    {"id": "child_id", "uasc": "uasc", "uasc_ceased": "ceased"},
)
_RECORD = trusted_maker(CaseRecord)


@attrs.frozen(kw_only=True)
class Built:
    """The records built, and each record's integrity problems (computed once)."""

    records: list[CaseRecord]
    record_problems: dict[str, tuple[Problem, ...]]


def build_records(state: LoadState, evidence: Evidence | None = None) -> Built:
    """Build one record per child from ``state.rows``; record every decision in ``state``."""
    by_year = sorted(
        range(len(state.returns)), key=lambda i: state.returns[i].year_end or dt.date.min
    )
    rank_of_return = {ret: rank for rank, ret in enumerate(by_year)}
    file_rank = [rank_of_return[ret] for _, ret in state.files]
    file_year = [state.returns[ret].year_end for _, ret in state.files]
    superseded: Counter[tuple[str, int]] = Counter()
    records: list[CaseRecord] = []
    record_problems: dict[str, tuple[Problem, ...]] = {}
    extra: dict[str, Any] = {} if evidence is None else {"evidence": evidence}
    # Rows can be superseded only with more than one return, and repeated only when a table
    # was read from more than one file of a return: most loads need neither pass.
    several_returns = len(state.returns) > 1
    several_files = any(stats.files > 1 for stats in state.stats.values())
    with attrs.validators.disabled():
        for child_id in sorted(state.rows):
            tables = state.rows.pop(child_id)  # free the rows as the record takes their place
            if several_returns or several_files:
                for table, entries in list(tables.items()):
                    if len(entries) < 2:
                        continue
                    entries = _supersede(state, table, entries, file_rank, superseded)
                    tables[table] = _dedupe(state, table, entries, file_rank)
            child = _child(state, child_id, tables)
            if child is None:
                continue
            fields: dict[str, Any] = {"child": child}
            for table, (field, _) in _MODEL.items():
                kept = tables.get(table)
                if not kept:
                    continue
                make = _MAKERS[table]
                if table in ("oc2", "oc3"):
                    made = [make(row, file_year[row[-2]]) for row in kept]
                else:
                    made = [make(row, None) for row in kept]  # the maker reads the values
                if len(made) > 1:
                    made.sort(key=RECORD_SORT_KEYS[field])  # as the checked constructor sorts
                fields[field] = tuple(made)
            record = _RECORD(**fields, **extra)
            problems = record.problems()
            state.problems.extend(problems)
            record_problems[child_id] = problems
            records.append(record)
    labels = [_label(state.returns[ret].year_end) for ret in by_year]
    for (table, rank), count in sorted(superseded.items()):
        state.notes.append(
            Problem(
                code="superseded",
                message=f"{count} {table} row(s) of the {labels[rank]} return were superseded "
                "by the same rows in a later return",
                file=state.returns[by_year[rank]].source,
            )
        )
    return Built(records=records, record_problems=record_problems)


def _label(year_end: dt.date | None) -> str:
    if year_end is None:  # pragma: no cover - years are settled before building
        return "unknown"
    return f"{year_end.year - 1}/{year_end.year % 100:02d}"


def _supersede(
    state: LoadState,
    table: str,
    entries: list[Entry],
    file_rank: list[int],
    superseded: Counter[tuple[str, int]],
) -> list[Entry]:
    """Drop the rows a later return holds again (same key); count each drop."""
    key = SUPERSEDE_KEYS[table]
    ranks = {file_rank[e[-2]] for e in entries}
    if key is None or len(ranks) < 2:
        return entries
    stats = state.stats[table]
    later: set[tuple[Any, ...]] = set()
    kept: list[Entry] = []
    for rank in sorted(ranks, reverse=True):
        group = [e for e in entries if file_rank[e[-2]] == rank]
        keys = set()
        for entry in group:
            k = tuple(entry[i] for i in key)
            if k in later:
                stats.superseded += 1
                stats.mapped -= 1
                superseded[(table, rank)] += 1
            else:
                kept.append(entry)
            keys.add(k)
        later |= keys
    kept.sort(key=lambda e: (file_rank[e[-2]], e[-2], e[-1]))
    return kept


def _dedupe(
    state: LoadState, table: str, entries: list[Entry], file_rank: list[int]
) -> list[Entry]:
    """Keep once a row repeated identically in another file of the same return (rows of
    different returns are never duplicates: OC2 and OC3 rows belong to their own year)."""
    if len(entries) < 2 or all(e[-2] == entries[0][-2] for e in entries):
        return entries
    stats = state.stats[table]
    first_file: dict[tuple[Any, ...], int] = {}
    kept: list[Entry] = []
    for entry in entries:
        seen = first_file.setdefault((file_rank[entry[-2]], *entry[:-2]), entry[-2])
        if seen != entry[-2]:
            stats.duplicates += 1
            stats.mapped -= 1
        else:
            kept.append(entry)
    return kept


def _child(state: LoadState, child_id: str, tables: dict[str, list[Entry]]) -> Child | None:
    """The child from its header row (or a date of birth from another table); ``None`` and
    every row reported when neither exists."""
    headers = tables.get("header", [])
    if len(headers) > 1:
        stats = state.stats["header"]
        for *_, fidx, line in headers[1:]:
            stats.mapped -= 1
            stats.reported += 1
            state.problems.append(
                Problem(
                    code="duplicate_child",
                    message="the child has more than one header row; the first is used",
                    file=state.files[fidx][0],
                    row=line,
                    record_id=child_id,
                )
            )
    uasc_rows = tables.get("uasc", [])
    uasc = bool(uasc_rows)
    ceased: dt.date | None = uasc_rows[0][0] if uasc_rows else None
    if headers:
        child: Child = _CHILD(headers[0], child_id, uasc, ceased)
        return child
    fallback = state.fallback_dob.get(child_id)
    first = min((row[-2], row[-1]) for rows in tables.values() for row in rows)
    if fallback is None:
        count = sum(len(rows) for rows in tables.values())
        state.problems.append(
            Problem(
                code="child_not_in_header",
                message=f"the child is not in the header file and no table gives a date of "
                f"birth: {count} row(s) could not be used",
                file=state.files[first[0]][0],
                row=first[1],
                record_id=child_id,
                expected="a header row for the child",
            )
        )
        for name, rows in tables.items():
            state.stats[name].mapped -= len(rows)
            state.stats[name].reported += len(rows)
        return None
    state.notes.append(
        Problem(
            code="child_not_in_header",
            message="no usable header row for the child; the date of birth was taken from "
            "another table",
            file=state.files[fallback[1]][0],
            row=fallback[2],
            record_id=child_id,
        )
    )
    return Child(id=child_id, date_of_birth=fallback[0], uasc=uasc, uasc_ceased=ceased)
