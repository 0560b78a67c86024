"""Build SSDA903-style episodes from two separate timelines: placements and legal statuses.

Case-management systems keep where a child lives (placements) apart from the legal basis of
their care (legal statuses); the SSDA903 return, and corparent's model, want *episodes*: a new
one whenever either changes. :func:`build_episodes` merges the two:

- The child is looked after on the days a placement **and** a legal status both cover
  (each span runs from ``start`` to the day before ``end``: on ``end`` the next one, if any,
  has begun). A day with only one of the two is a gap in the data and is reported.
- Every change of placement or legal status starts a new episode; the one before it ends the
  same day with REC ``X1``.
- The reason for a new episode (RNE) is worked out from what changed: ``S`` when care starts
  (the first episode, or the first after a gap); ``L`` legal status only; ``P`` placement
  only, or ``B`` when the new placement has the same carer (``carer`` equal on both);
  ``T`` both, or ``U`` when both changed and the carer is the same.
- When care ends (no span continues the next day) the episode's REC is the
  ``reason_ceased`` of the legal status that ended, else of the placement that ended. If
  neither gives one the episode ends without a reason, which the record's integrity check
  reports.
- Temporary placements (``T0``-``T4``) are placements like any other here: the 903 guide
  records a move into and out of one as placement changes (RNE ``P``). Duties decide how to
  treat them (:attr:`corparent.model.Placement.is_temporary`).

>>> import datetime as dt
>>> from corparent.codes import LegalStatus, PlacementType
>>> d = dt.date
>>> episodes, problems = build_episodes(
...     [PlacementSpan(start=d(2024, 1, 5), end=d(2024, 3, 1), placement_type=PlacementType.U6,
...                    carer="F1"),
...      PlacementSpan(start=d(2024, 3, 1), placement_type=PlacementType.U4, carer="F1")],
...     [LegalStatusSpan(start=d(2024, 1, 5), end=d(2024, 2, 10), legal_status=LegalStatus.C1),
...      LegalStatusSpan(start=d(2024, 2, 10), legal_status=LegalStatus.C2)],
... )
>>> [(e.start.isoformat(), e.reason_new.code, e.reason_ceased and e.reason_ceased.code)
...  for e in episodes]
[('2024-01-05', 'S', 'X1'), ('2024-02-10', 'L', 'X1'), ('2024-03-01', 'B', None)]
>>> problems
()
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

import attrs

from corparent.codes import (
    CategoryOfNeed,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
)
from corparent.errors import Problem
from corparent.model import Episode

__all__ = ["LegalStatusSpan", "PlacementSpan", "build_episodes"]


@attrs.frozen(kw_only=True)
class PlacementSpan:
    """Where the child lived from ``start`` until ``end`` (the day they moved on).

    Attributes:
        start: The first day of the placement.
        end: The day it ended, or ``None`` while it continues.
        placement_type: 903 PLACE.
        provider: 903 PLACE_PROVIDER.
        carer: The carer (household) id, when known: the same carer on both sides of a change
            makes it RNE ``B`` or ``U``.
        urn: The Ofsted URN of the provider.
        reason_place_change: 903 REASON_PLACE_CHANGE, on the placement that ended.
        reason_ceased: 903 REC, if care ended when this placement did.
    """

    start: dt.date
    end: dt.date | None = None
    placement_type: PlacementType
    provider: PlacementProvider | None = None
    carer: str | None = None
    urn: str | None = None
    reason_place_change: ReasonPlaceChange | None = None
    reason_ceased: ReasonEpisodeCeased | None = None


@attrs.frozen(kw_only=True)
class LegalStatusSpan:
    """The legal basis of the child's care from ``start`` until ``end``.

    Attributes:
        start: The first day it applied.
        end: The day it ended, or ``None`` while it continues.
        legal_status: 903 LS.
        category_of_need: 903 CIN, if recorded with the status.
        reason_ceased: 903 REC, if care ended when this status did.
    """

    start: dt.date
    end: dt.date | None = None
    legal_status: LegalStatus
    category_of_need: CategoryOfNeed | None = None
    reason_ceased: ReasonEpisodeCeased | None = None


Span = PlacementSpan | LegalStatusSpan


def _covering(spans: Sequence[Span], day: dt.date) -> Span | None:
    found: Span | None = None
    for span in spans:
        if span.start <= day and (span.end is None or day < span.end):
            found = span  # the latest-starting span wins if two overlap (reported below)
    return found


def _overlaps(spans: Sequence[Span], what: str, path: str) -> list[Problem]:
    problems: list[Problem] = []
    for i, (a, b) in enumerate(itertools.pairwise(spans)):
        if a.end is None or b.start < a.end:
            problems.append(
                Problem(
                    code="overlapping_spans",
                    message=f"two {what} overlap from {b.start.isoformat()}; the later one is used",
                    path=f"{path}[{i + 1}]",
                )
            )
    return problems


def _rne(
    prev_p: PlacementSpan, prev_l: LegalStatusSpan, p: PlacementSpan, ls: LegalStatusSpan
) -> ReasonNewEpisode:
    placement_changed = p is not prev_p
    legal_changed = ls is not prev_l
    same_carer = p.carer is not None and p.carer == prev_p.carer
    if placement_changed and legal_changed:
        return ReasonNewEpisode.U if same_carer else ReasonNewEpisode.T
    if placement_changed:
        return ReasonNewEpisode.B if same_carer else ReasonNewEpisode.P
    return ReasonNewEpisode.L


def build_episodes(
    placements: Sequence[PlacementSpan],
    legal_statuses: Sequence[LegalStatusSpan],
) -> tuple[list[Episode], tuple[Problem, ...]]:
    """Episodes from one child's placement and legal-status timelines (see the module notes).

    Returns:
        The episodes in date order, and every problem found: spans that end before they start
        (left out), overlapping spans, and days covered by only one of the two timelines.
    """
    problems: list[Problem] = []
    usable: dict[str, list[Span]] = {}
    timelines: tuple[tuple[str, Sequence[Span]], ...] = (
        ("placements", placements),
        ("legal_statuses", legal_statuses),
    )
    for name, spans in timelines:
        kept: list[Span] = []
        for i, span in enumerate(spans):
            if span.end is not None and span.end < span.start:
                problems.append(
                    Problem(
                        code="ends_before_start",
                        message=f"the span ends ({span.end.isoformat()}) before it starts "
                        f"({span.start.isoformat()}); left out",
                        path=f"{name}[{i}]",
                    )
                )
            elif span.end != span.start:  # an empty span covers no day
                kept.append(span)
        kept.sort(key=lambda s: s.start)
        problems.extend(_overlaps(kept, name.replace("_", " "), name))
        usable[name] = kept
    pls, lss = usable["placements"], usable["legal_statuses"]
    days = sorted(
        {s.start for s in (*pls, *lss)} | {s.end for s in (*pls, *lss) if s.end is not None}
    )
    episodes: list[Episode] = []
    prev: tuple[PlacementSpan, LegalStatusSpan] | None = None
    for day in days:
        p, ls = _covering(pls, day), _covering(lss, day)
        if p is None or ls is None:
            if (p is None) != (ls is None):
                only = "a placement" if ls is None else "a legal status"
                problems.append(
                    Problem(
                        code="timeline_gap",
                        message=f"from {day.isoformat()} there is {only} but no "
                        f"{'legal status' if ls is None else 'placement'}: not an episode",
                        path="placements" if ls is None else "legal_statuses",
                    )
                )
            if prev is not None and episodes:
                last = episodes[-1]
                reason = prev[1].reason_ceased or prev[0].reason_ceased
                episodes[-1] = attrs.evolve(last, end=day, reason_ceased=reason)
            prev = None
            continue
        assert isinstance(p, PlacementSpan)
        assert isinstance(ls, LegalStatusSpan)
        if prev is not None and prev[0] is p and prev[1] is ls:
            continue  # a boundary of some other, overlapping span: nothing changed
        if prev is None:
            rne = ReasonNewEpisode.S
        else:
            rne = _rne(prev[0], prev[1], p, ls)
            episodes[-1] = attrs.evolve(
                episodes[-1],
                end=day,
                reason_ceased=ReasonEpisodeCeased.X1,
                reason_place_change=prev[0].reason_place_change if p is not prev[0] else None,
            )
        episodes.append(
            Episode(
                start=day,
                legal_status=ls.legal_status,
                placement=p.placement_type,
                provider=p.provider,
                urn=p.urn,
                reason_new=rne,
                category_of_need=ls.category_of_need,
            )
        )
        prev = (p, ls)
    return episodes, tuple(problems)
