"""Scotland: reviews and visits run from the placement (LAC(S) 2009 regs 45-46), emergency
placements (regs 36, 38, 39) and continuing care (Continuing Care (Scotland) Order 2015 art 5).

Unlike England, a Scottish child's first review is due within 6 weeks of *the placement*
(reg 45(2)(a)), and visits are at most 3 months apart from the first week of any placement
(reg 46(2)). Regulations 45 and 46 apply to kinship, foster, residential and reg 39
placements: a child cared for at home by parents (placement type P1) is reviewed as often as
agreed (reg 44(5)), so no date is due. Placements for adoption follow the Scottish adoption
regulations, which corparent does not code.

An emergency placement (reg 36) is recorded as a fact beside the episode that shows it. Its
episode is also scheduled as a placement from its first day: reg 45 names reg 39 placements,
not reg 36 ones, so this can only add a review and visits that fall due early, never drop one.
The reg 45(3) clock of a continued placement (from the reg 39(3) review) is not scheduled: the
reg 39 periods were not read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from corparent.dates import birthday
from corparent.model import PeriodOfCare, Placement
from corparent.schedule._run import (
    ONE_DAY,
    Run,
    StepFn,
    event_dates,
    is_short_break_period,
    merged_periods,
)
from corparent.schedule._visits import visit_placements

__all__ = ["plan_scotland", "reg_45_placements"]


def _reviews(k: int, _: dt.date) -> str:
    return ("review_first", "review_second")[k] if k < 2 else "review_subsequent"


def _short_break_reviews(k: int, _: dt.date) -> str:
    return "review_short_breaks" if k == 0 else "review_subsequent"


def _visits(k: int, _: dt.date) -> str:
    return "visit_first" if k == 0 else "visit_routine"


def reg_45_placements(run: Run, period: PeriodOfCare) -> list[tuple[Placement, dt.date | None]]:
    """The placements of ``period`` regs 45-46 apply to, each with the day its clock stops
    (temporary moves do not interrupt a placement; see :func:`visit_placements`)."""
    return [
        (p, end)
        for p, end in visit_placements(run, period)
        if not p.placement_type.is_placed_with_parents
        and not p.placement_type.is_placed_for_adoption
    ]


def plan_scotland(run: Run) -> None:
    """Every Scottish obligation of ``run.record``."""
    for period in merged_periods(run):
        if period.start > run.as_of:
            break
        if is_short_break_period(run.record, period):
            _plan_short_breaks(run, period)
        else:
            _plan_placements(run, period)
    _plan_emergency_placements(run)
    _plan_continuing_care(run)


def _chain(
    run: Run,
    step: StepFn,
    kind: str,
    start: dt.date,
    end: dt.date | None,
    about: str,
    known: bool,
    events: Iterable[object] | None = None,
) -> None:
    """A chain over the events of ``kind`` (the record field) from ``start`` to ``end``."""
    found = getattr(run.record, kind) if events is None else events
    run.chain(
        start,
        step,
        event_dates(found, start, end),
        end,
        about,
        kind=kind,
        anchor_known=known,
    )


def _plan_short_breaks(run: Run, period: PeriodOfCare) -> None:
    """Reg 45(3): a series of short-term placements (regs 14, 30) is reviewed within 3 months
    of the first, then within 6 months of the previous review; visits as reg 46."""
    about = f"short-term placements from {period.start.isoformat()}"
    seen = [v for v in run.record.visits if v.seen]
    known = period.start_known
    _chain(run, _short_break_reviews, "reviews", period.start, period.end, about, known)
    _chain(run, _visits, "visits", period.start, period.end, about, known, seen)


def _plan_placements(run: Run, period: PeriodOfCare) -> None:
    record = run.record
    placements = reg_45_placements(run, period)
    if not placements:
        return
    seen = [v for v in record.visits if v.seen]
    for placement, end in placements:
        about = f"placement from {placement.start.isoformat()}"
        known = placement.start_known
        _chain(run, _visits, "visits", placement.start, end, about, known, seen)
        if run.conventions.placement_restarts_reviews:
            _chain(run, _reviews, "reviews", placement.start, end, about, known)
    if not run.conventions.placement_restarts_reviews:
        first = placements[0][0]
        about = f"placement from {first.start.isoformat()}"
        _chain(run, _reviews, "reviews", first.start, period.end, about, first.start_known)


def _plan_emergency_placements(run: Run) -> None:
    """Regs 36, 38 and 39: at most 3 working days, reviewed within 3 working days; a placement
    continued after that review must end within the (provisional) further 6 weeks."""
    reviews = [r.date for r in run.record.reviews]
    for emergency in run.record.emergency_placements:
        about = f"emergency placement from {emergency.start.isoformat()}"
        window = emergency.end + ONE_DAY if emergency.end is not None else None
        run.once(
            "emergency_placement_review",
            emergency.start,
            reviews,
            about,
            kind="reviews",
            end=window,
        )
        limit = run.duty("emergency_placement_max")
        if limit is not None:
            ends = [d for d in (emergency.continued_on, emergency.end) if d is not None]
            run.emit(
                limit, emergency.start, min(ends) if ends else None, about, kind=limit.evidence
            )
        further = run.duty("emergency_placement_continuation")
        if further is not None and emergency.continued_on is not None:
            run.emit(further, emergency.continued_on, emergency.end, about, kind=further.evidence)


def _plan_continuing_care(run: Run) -> None:
    """Art 5(a): a welfare assessment at intervals not exceeding 12 months while in continuing
    care (recorded as :attr:`~corparent.model.CaseRecord.staying_put`), until 21."""
    record = run.record
    if not record.staying_put or run.duty("continuing_care_welfare_assessment") is None:
        return
    last_day = birthday(record.child.date_of_birth, 21, run.conventions.leap_day)
    for fact in record.staying_put:
        end = fact.end + ONE_DAY if fact.end is not None else None
        stop = min(end, last_day) if end is not None else last_day
        run.chain(
            fact.start,
            lambda k, _: "continuing_care_welfare_assessment",
            event_dates(record.needs_assessments, fact.start, stop),
            stop,
            f"continuing care from {fact.start.isoformat()}",
            kind="needs_assessments",
        )
