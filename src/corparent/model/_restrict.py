"""Cut a record down to what a source would show: the same history seen through a window.

:func:`restrict` is how tests (and users checking their own tools) build the record a one-year
SSDA903 return would give from a child's full history: episodes open during the window (one
still open at its end shows no end), reviews held in it, nothing the source does not hold.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from corparent.model._episodes import Episode
from corparent.model._evidence import Evidence, EvidenceWindow
from corparent.model._record import CaseRecord

__all__ = ["restrict"]

_NOT_EVENTS = frozenset({"child", "evidence", "episodes", "jurisdiction", "_views"})


def restrict(record: CaseRecord, evidence: Evidence) -> CaseRecord:
    """``record`` as a source holding only ``evidence`` would show it.

    Episodes are kept when open at any time in the episodes window; an episode that ends
    after the window shows no end (the source cannot know it). Every other kind keeps the
    events (or the periods overlapping) its window covers, and none where it is not held. The
    result carries ``evidence``, so the engine knows what it cannot see.

    >>> import datetime as dt
    >>> from corparent.codes import LegalStatus, PlacementType, ReasonNewEpisode
    >>> from corparent.model import Child, Episode, Review, Visit
    >>> full = CaseRecord(
    ...     child=Child(id="C1", date_of_birth=dt.date(2012, 5, 1)),
    ...     episodes=[Episode(start=dt.date(2020, 1, 6), legal_status=LegalStatus.C2,
    ...                       placement=PlacementType.U4)],
    ...     reviews=[Review(date=dt.date(2023, 2, 1)), Review(date=dt.date(2023, 7, 20))],
    ...     visits=[Visit(date=dt.date(2023, 5, 1), seen=True)],
    ... )
    >>> seen = restrict(full, Evidence.ssda903(dt.date(2023, 4, 1), dt.date(2024, 3, 31)))
    >>> [r.date.isoformat() for r in seen.reviews], seen.visits
    (['2023-07-20'], ())
    """
    fields: dict[str, Any] = {
        "child": record.child,
        "evidence": evidence,
        "jurisdiction": record.jurisdiction,
    }
    fields["episodes"] = _episodes(record.episodes, evidence.window("episodes"))
    for attribute in attrs.fields(CaseRecord):
        name = attribute.name
        if name in _NOT_EVENTS or not attribute.init:
            continue
        window = evidence.window(name)
        values = getattr(record, name)
        if window.is_complete:
            fields[name] = values
        elif not window.held:
            fields[name] = ()
        else:
            fields[name] = tuple(v for v in values if _shown(v, window))
    return CaseRecord.unchecked(**fields)


def _episodes(episodes: tuple[Episode, ...], window: EvidenceWindow) -> tuple[Episode, ...]:
    if window.is_complete:
        return episodes
    if not window.held:
        return ()
    out = []
    for episode in episodes:
        if window.end is not None and episode.start > window.end:
            continue
        if window.start is not None and episode.end is not None and episode.end < window.start:
            continue
        if window.end is not None and episode.end is not None and episode.end > window.end:
            episode = attrs.evolve(episode, end=None, reason_ceased=None)
        out.append(episode)
    return tuple(out)


def _shown(value: object, window: EvidenceWindow) -> bool:
    day: dt.date | None = getattr(value, "date", None)
    if day is None and hasattr(value, "year_ending"):
        day = value.year_ending
    if day is not None and not hasattr(value, "start"):
        return window.covers(day)
    start: dt.date | None = getattr(value, "start", None) or getattr(value, "sort_date", None)
    if start is None:
        return True
    end: dt.date | None = getattr(value, "end", None)
    after_start = window.end is None or start <= window.end
    before_end = window.start is None or end is None or end >= window.start
    return after_start and before_end
