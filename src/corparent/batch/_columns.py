"""A caseload as columns: the episodes, reviews and short-break arrangements of every record.

One flat ``int64`` array per field, records one after another; ``*_offsets[i]:*_offsets[i+1]``
are record ``i``'s rows. Codes become bit flags once per code value, dates day numbers (see
:mod:`corparent.batch._dates`). Built from :class:`~corparent.model.CaseRecord` objects here; a
reader could fill the same columns straight from a file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import chain
from operator import attrgetter

import attrs
import numpy as np
import numpy.typing as npt

from corparent.batch._dates import EPOCH_ORDINAL, FIRST_YEAR, LAST_YEAR, NEVER, to_day
from corparent.codes import LegalStatus, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode
from corparent.model import CaseRecord

__all__ = [
    "ADOPTION_PLACEMENT",
    "CHANGES_PLACEMENT",
    "CONTINUES_CARE",
    "NO_START",
    "PLACEMENT_ORDER",
    "SHORT_BREAK",
    "STARTS_PERIOD",
    "Columns",
]

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

SHORT_BREAK = 1
"""Episode flag: legal status V3/V4 (an agreed series of short breaks)."""
PLACEMENT_ORDER = 2
"""Episode flag: legal status D1/E1 (authorised to place for adoption)."""
ADOPTION_PLACEMENT = 4
"""Episode flag: placement A3-A6 (placed for adoption)."""
STARTS_PERIOD = 8
"""Episode flag: RNE S (a new period of care)."""
CHANGES_PLACEMENT = 16
"""Episode flag: RNE P, T, U or B (a new placement)."""
CONTINUES_CARE = 32
"""Episode flag: REC X1 (the next episode starts the same day, care continues)."""

# Keyed by id(): enum members are singletons, and Enum.__hash__ runs in Python.
_LS_FLAGS = {
    id(s): (SHORT_BREAK if s.is_short_break else 0)
    | (PLACEMENT_ORDER if s.is_placement_order else 0)
    for s in LegalStatus
}
_PLACE_FLAGS = {id(p): ADOPTION_PLACEMENT if p.is_placed_for_adoption else 0 for p in PlacementType}
_RNE_FLAGS = {
    id(r): (STARTS_PERIOD if r.starts_period_of_care else 0)
    | (CHANGES_PLACEMENT if r.changes_placement else 0)
    for r in ReasonNewEpisode
}
_REC_FLAGS = {id(r): CONTINUES_CARE if r.continues_care else 0 for r in ReasonEpisodeCeased}
_REC_FLAGS[id(None)] = 0
# A loader keeps an episode whose LS or PLACE it could not read, with the code list's unknown
# value (not a member): no property holds for it, so it sets no flag.
_LS_FLAGS[id(LegalStatus.unknown())] = 0
_PLACE_FLAGS[id(PlacementType.unknown())] = 0

_FIRST_DAY = to_day(dt.date(FIRST_YEAR, 1, 1))
_LAST_DAY = to_day(dt.date(LAST_YEAR, 12, 31))


def _offsets(counts: list[int]) -> Ints:
    out = np.zeros(len(counts) + 1, np.int64)
    np.cumsum(np.asarray(counts, np.int64), out=out[1:])
    return out


def _days(values: list[dt.date]) -> Ints:
    out = np.fromiter(map(dt.date.toordinal, values), np.int64, len(values))
    out -= EPOCH_ORDINAL
    return out


def _optional_days(values: list[dt.date | None]) -> Ints:
    never = int(NEVER) + EPOCH_ORDINAL
    out = np.fromiter(
        [never if d is None else d.toordinal() for d in values], np.int64, len(values)
    )
    out -= EPOCH_ORDINAL
    return out


def _flags(table: dict[int, int], values: list[object]) -> Ints:
    return np.fromiter(map(table.__getitem__, map(id, values)), np.int64, len(values))


NO_START = np.int64(-(2**40))
"""The day number standing for "no start" in window-start columns (earlier than any date)."""


def _windows(records: Sequence[CaseRecord]) -> tuple[Ints, Ints, Bools, Bools]:
    """Per record: the reviews window (start, end, held) and whether the episodes are complete.

    A loader gives every record the same :class:`~corparent.model.Evidence`, so each distinct
    one is looked at once."""
    seen: dict[int, int] = {}
    table: list[tuple[int, int, bool, bool]] = []
    which = []
    for evidence in map(attrgetter("evidence"), records):
        index = seen.get(id(evidence))
        if index is None:
            reviews = evidence.window("reviews")
            index = seen[id(evidence)] = len(table)
            table.append(
                (
                    int(NO_START) if reviews.start is None else to_day(reviews.start),
                    int(NEVER) if reviews.end is None else to_day(reviews.end),
                    reviews.held,
                    evidence.window("episodes").is_complete,
                )
            )
        which.append(index)
    rows = np.array(which, np.int64)
    values = np.array(table or [(0, 0, False, False)], np.int64)[rows]
    return values[:, 0], values[:, 1], values[:, 2] != 0, values[:, 3] != 0


@attrs.frozen(kw_only=True, eq=False)
class Columns:
    """The review-relevant data of many records, as columns.

    Attributes:
        child_ids: Each record's id, in order.
        ep_offsets: Record ``i``'s episodes are rows ``ep_offsets[i]:ep_offsets[i+1]``.
        ep_start: Episode start (day number).
        ep_end: Episode end (day number; ``NEVER`` while open).
        ep_flags: Episode code flags (``SHORT_BREAK``, ``PLACEMENT_ORDER``, ...).
        rv_offsets: Record ``i``'s reviews are rows ``rv_offsets[i]:rv_offsets[i+1]``.
        rv_date: Review dates (day numbers), sorted within each record.
        sb_offsets: Record ``i``'s short-break arrangements.
        sb_start: Arrangement start (day number).
        sb_end: Arrangement last day (inclusive; ``NEVER`` while it holds).
        rv_window_start: Per record: the first day its reviews are known from
            (``NO_START``: the whole history).
        rv_window_end: Per record: the last day its reviews are known to (``NEVER``: up to
            any ``as_of``).
        episodes_complete: Per record: whether every episode of its history is known.
        batchable: Per record: False when the object engine must judge it (see
            :meth:`from_records`).
    """

    child_ids: tuple[str, ...]
    ep_offsets: Ints
    ep_start: Ints
    ep_end: Ints
    ep_flags: Ints
    rv_offsets: Ints
    rv_date: Ints
    sb_offsets: Ints
    sb_start: Ints
    sb_end: Ints
    rv_window_start: Ints
    rv_window_end: Ints
    episodes_complete: Bools
    batchable: Bools

    def __len__(self) -> int:
        return len(self.child_ids)

    @classmethod
    def from_records(cls, records: Sequence[CaseRecord]) -> Columns:
        """The columns of ``records``.

        A record is *not batchable* (the object engine schedules it) when its source holds no
        reviews, or when any of its episode, review, short-break or evidence-window dates lies
        outside the years the batch engine's calendars cover.
        """
        episodes = list(chain.from_iterable(map(attrgetter("episodes"), records)))
        reviews = list(chain.from_iterable(map(attrgetter("reviews"), records)))
        breaks = list(chain.from_iterable(map(attrgetter("short_breaks"), records)))
        ep_offsets = _offsets(list(map(len, map(attrgetter("episodes"), records))))
        rv_offsets = _offsets(list(map(len, map(attrgetter("reviews"), records))))
        sb_offsets = _offsets(list(map(len, map(attrgetter("short_breaks"), records))))
        flags = (
            _flags(_LS_FLAGS, list(map(attrgetter("legal_status"), episodes)))
            | _flags(_PLACE_FLAGS, list(map(attrgetter("placement"), episodes)))
            | _flags(_RNE_FLAGS, list(map(attrgetter("reason_new"), episodes)))
            | _flags(_REC_FLAGS, list(map(attrgetter("reason_ceased"), episodes)))
        )
        ep_start = _days(list(map(attrgetter("start"), episodes)))
        ep_end = _optional_days(list(map(attrgetter("end"), episodes)))
        rv_date = _days(list(map(attrgetter("date"), reviews)))
        sb_start = _days([b.start for b in breaks])
        sb_end = _optional_days([b.end for b in breaks])
        win_start, win_end, held, complete = _windows(records)
        batchable = held.copy()
        outside = (
            (win_start != NO_START) & ((win_start < _FIRST_DAY) | (win_start > _LAST_DAY))
        ) | ((win_end != NEVER) & ((win_end < _FIRST_DAY) | (win_end > _LAST_DAY)))
        batchable &= ~outside
        for offsets, values in (
            (ep_offsets, ep_start),
            (ep_offsets, np.where(ep_end == NEVER, _FIRST_DAY, ep_end)),
            (rv_offsets, rv_date),
            (sb_offsets, sb_start),
            (sb_offsets, np.where(sb_end == NEVER, _FIRST_DAY, sb_end)),
        ):
            bad = (values < _FIRST_DAY) | (values > _LAST_DAY)
            if bad.any():
                owner = np.repeat(np.arange(len(records)), np.diff(offsets))
                batchable[owner[bad]] = False
        return cls(
            child_ids=tuple(map(attrgetter("child.id"), records)),
            ep_offsets=ep_offsets,
            ep_start=ep_start,
            ep_end=ep_end,
            ep_flags=flags,
            rv_offsets=rv_offsets,
            rv_date=rv_date,
            sb_offsets=sb_offsets,
            sb_start=sb_start,
            sb_end=sb_end,
            rv_window_start=win_start,
            rv_window_end=win_end,
            episodes_complete=complete,
            batchable=batchable,
        )
