"""Social-worker visits: CPPCR 2010 reg 28 and AAR 2005 reg 36(4)."""

from __future__ import annotations

import datetime as dt
import functools
from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress
from operator import attrgetter

from corparent.codes import LegalStatus
from corparent.dates import add_months
from corparent.dates._arith import add_months_unchecked
from corparent.law import LeaverStatus, VisitStraddle
from corparent.model import Episode, PeriodOfCare, Placement, PlacementUntil18
from corparent.schedule._breaks import Regime, regime
from corparent.schedule._run import ONE_DAY, WEEK, Run, StepFn, Steps, dates_between

__all__ = ["plan_visits", "visit_placements"]

# -- visits (CPPCR reg 28; AAR reg 36(4)) -------------------------------------------------------


def visit_placements(run: Run, period: PeriodOfCare) -> list[tuple[Placement, dt.date | None]]:
    """Placements that start a visiting clock, each with the day its clock stops (worked out
    once per run; callers must not change the list)."""
    key = ("visit_placements", id(period))
    found = run.memo.get(key)
    if found is not None and found[0] is period:
        result: list[tuple[Placement, dt.date | None]] = found[1]
        return result
    result = _visit_placements(run, period)
    run.memo[key] = (period, result)
    return result


def _visit_placements(run: Run, period: PeriodOfCare) -> list[tuple[Placement, dt.date | None]]:
    placements = [p for p in run.record.placements() if period.covers(p.start)]
    if run.conventions.temporary_placements_restart_visits:
        return [(p, p.end) for p in placements]
    out: list[tuple[Placement, dt.date | None]] = []
    previous: Placement | None = None
    interrupted = False
    for placement in placements:
        if placement.is_temporary:
            interrupted = True
            continue
        resumes = (
            interrupted
            and previous is not None
            and previous.placement_type is placement.placement_type
            and previous.provider is placement.provider
        )
        if resumes and out:
            out[-1] = (out[-1][0], placement.end)
        else:
            out.append((placement, placement.end))
        previous = placement
        interrupted = False
    return out


def _first_on_or_after(days: list[dt.date], day: dt.date) -> dt.date:
    """The first of ``days`` (ascending) on or after ``day``, or far future when none."""
    i = bisect_left(days, day)
    return days[i] if i < len(days) else dt.date.max


_SHORT_BREAK_VISITS = Steps(("visit_short_breaks_first",), ("visit_short_breaks",))
_CARE_ORDER_VISITS = Steps(
    ("visit_care_order_with_parent",), ("visit_care_order_with_parent_interval",)
)
_SIX_WEEKS = dt.timedelta(weeks=6)
_DATE = attrgetter("date")
_SEEN = attrgetter("seen")
_FIRST_VISIT = ("visit_first",)
_FIRST_YEAR_THEN_OTHER = ("visit_first_year", "visit_after_first_year_other")


def _plain_steps(
    year_end: dt.date, three_months: bool, until_18: tuple[PlacementUntil18, ...]
) -> Steps | None:
    """The visits of a placement reg 28(2) alone governs (no connected person, interim care
    order at home, placement with a parent before assessment, or reduced long-term visits):
    the first visit, then the first year's (up to ``year_end``, or six weeks before it under
    the three-month straddle), then the later ones, whose duty depends on whether a decision
    that the child stays until 18 covers the trigger. ``None`` if a day falls off the
    calendar (the step function then answers)."""
    if not until_18:
        return _first_year_steps(year_end, three_months)
    try:
        switch = year_end - _SIX_WEEKS if three_months else year_end
    except OverflowError:
        return None
    if all(fact.end is not None and fact.end < switch for fact in until_18):
        # Every decision ended before the later visits begin: none covers a later trigger, so
        # the steps are a first year's alone, made once and already read by the chain (about
        # two in five placements with such a decision in the benchmark's records).
        return _first_year_steps(year_end, three_months)
    try:
        days = {switch}
        for fact in until_18:
            days.add(fact.start)
            if fact.end is not None:
                days.add(fact.end + ONE_DAY)
    except OverflowError:
        return None
    bounds = tuple(sorted(d for d in days if d >= switch))
    later: list[str | None] = ["visit_first_year"]
    for day in bounds:
        for fact in until_18:
            if fact.covers(day):
                later.append("visit_after_first_year")
                break
        else:
            later.append("visit_after_first_year_other")
    return Steps(_FIRST_VISIT, tuple(later), bounds)


@functools.lru_cache(maxsize=65_536)
def _first_year_steps(year_end: dt.date, three_months: bool) -> Steps | None:
    """:func:`_plain_steps` with no decision that the child stays until 18: the same for
    every placement whose first year ends on ``year_end`` (so made once)."""
    try:
        switch = year_end - _SIX_WEEKS if three_months else year_end
    except OverflowError:
        return None
    return Steps(_FIRST_VISIT, _FIRST_YEAR_THEN_OTHER, (switch,))


def _interim_care_order_at_home(episodes: Sequence[Episode]) -> bool:
    """Whether the child was ever placed with a parent under an interim care order."""
    for episode in episodes:
        if episode.legal_status.is_interim_care_order and episode.placement.is_placed_with_parents:
            return True
    return False


def _care_order_at_home(placement: Placement) -> dt.date | None:
    """The day a care order applies while the child lives with a parent (P1), if it does."""
    if not placement.placement_type.is_placed_with_parents:
        return None
    return next((e.start for e in placement.episodes if e.legal_status is LegalStatus.C2), None)


def _adoption_visits(first_review: dt.date) -> StepFn:
    """AAR reg 36(4)(a): within a week, then weekly until the first review."""

    def step(k: int, t: dt.date) -> str | None:
        weekly_due = t + WEEK
        return "visit_adoption_placement" if k == 0 or weekly_due < first_review else None

    return step


def _detention_visit(run: Run, period: PeriodOfCare) -> None:
    """Visits to Former Looked After Children in Detention (England) Regs 2010 reg 4: a child
    accommodated or remanded (not in care) whose care ended on being sentenced to custody,
    and who is not a relevant child, is visited within 10 working days."""
    end = period.end
    reason = period.reason_ceased
    if end is None or reason is None or not reason.is_custody or end > run.as_of:
        return
    if period.episodes[-1].legal_status.is_in_care:
        return  # a child in care stays looked after in custody
    if any(p.status is LeaverStatus.RELEVANT and p.covers(end) for p in run.timeline):
        return  # a relevant child has a personal adviser instead
    run.once(
        "visit_former_lac_in_detention",
        end,
        [v.date for v in run.record.visits if v.date >= end],
        f"detained from {end.isoformat()}",
        kind="visits",
    )


def plan_visits(run: Run, period: PeriodOfCare) -> None:
    """Visits in one period of care, under the regulations its regime (reg 48) gives."""
    record = run.record
    conv = run.conventions
    kind_of, series = regime(run, period)
    if kind_of is Regime.IN_SERIES:
        return
    # The days of the visits that saw the child, in order (events are sorted by date).
    seen = list(compress(map(_DATE, record.visits), map(_SEEN, record.visits)))
    if series is not None:
        # CPPCR reg 48(3)(c): visits on days the child is placed, the series being one
        # placement: within 3 months of the first break, then at most 6-monthly.
        on_break_days = [
            d
            for d in dates_between(seen, series.start, series.end)
            if any(p.covers(d) or p.end == d for p in series.periods)
        ]
        run.chain(
            series.start,
            _SHORT_BREAK_VISITS,
            on_break_days,
            series.end,
            f"short breaks from {series.start.isoformat()}",
            kind="visits",
            anchor_known=series.periods[0].start_known,
        )
        return
    if period.end is not None:
        _detention_visit(run, period)
    # What the step functions ask of every visit, settled once for the record.
    approvals = record.connected_person_approvals
    long_term = record.long_term_foster
    reduced = record.reduced_visit_consents
    until_18 = record.placements_until_18
    pending = record.parent_placements_pending_assessment
    ico_at_home = _interim_care_order_at_home(record.episodes)
    three_months = conv.visit_straddle is VisitStraddle.THREE_MONTHS
    six_weeks = _SIX_WEEKS
    reviews = list(map(_DATE, record.reviews))
    for placement, end in visit_placements(run, period):
        start = placement.start
        events = dates_between(seen, start, end)
        about = f"placement from {start.isoformat()}"
        if placement.placement_type.is_placed_for_adoption:
            run.chain(
                start,
                _adoption_visits(_first_on_or_after(reviews, start)),
                events,
                end,
                about,
                kind="visits",
                anchor_known=placement.start_known,
            )
            continue
        known = placement.start_known
        if known:
            year_end = add_months_unchecked(start, 12)
            first_review = _first_on_or_after(reviews, start)
        else:
            # The placement began before the data, on an unknown day: take the looser rules
            # (past its first year, first review held) so no breach rests on the unknown.
            year_end = first_review = start
        with_parent = bool(pending) and any(f.covers(start) for f in pending)
        plain = not (with_parent or ico_at_home or approvals or (long_term and reduced))
        step: StepFn | Steps | None = (
            _plain_steps(year_end, three_months, until_18) if plain else None
        )
        if step is None:

            def step_fn(
                k: int,
                t: dt.date,
                start: dt.date = start,
                year_end: dt.date = year_end,
                first_review: dt.date = first_review,
                with_parent: bool = with_parent,
            ) -> str | None:
                if k == 0:
                    return "visit_first"
                # "weekly until the first review"
                if with_parent and t + WEEK < first_review:
                    return "visit_placed_with_parent_pre_assessment"
                if ico_at_home:
                    episode = record.episode_on(t)
                    ico_home = (
                        episode is not None
                        and episode.legal_status.is_interim_care_order
                        and episode.placement.is_placed_with_parents
                    )
                else:
                    ico_home = False
                if ico_home or (approvals and any(f.covers(t) for f in approvals)):
                    if t + WEEK < first_review:
                        return "visit_connected_person_or_ico_with_parent"
                    return "visit_connected_person_after_first_review"
                if t < year_end:
                    if three_months and t + six_weeks >= year_end:
                        return _after_first_year(t)
                    return "visit_first_year"
                return _after_first_year(t)

            def _after_first_year(t: dt.date, start: dt.date = start, known: bool = known) -> str:
                if (
                    long_term
                    and reduced
                    and any(f.covers(t) for f in long_term)
                    and any(f.covers(t) for f in reduced)
                    and (not known or add_months(start, 12) <= t)
                ):
                    return "visit_long_term_foster_reduced"
                if until_18 and any(f.covers(t) for f in until_18):
                    return "visit_after_first_year"
                return "visit_after_first_year_other"

            step = step_fn

        # Placed with a parent before assessment (reg 19): reg 28(3) applies, not 28(5).
        order = None if with_parent else _care_order_at_home(placement)
        if order is None:
            run.chain(start, step, events, end, about, kind="visits", anchor_known=known)
            continue
        # CPPCR reg 28(5): from the care order (made or taking effect at home), a visit within
        # a week and then at least every six weeks; before it the usual rules apply.
        if order > start:
            before = [d for d in events if d < order]
            run.chain(start, step, before, order, about, kind="visits", anchor_known=known)
        run.chain(
            order,
            _CARE_ORDER_VISITS,
            [d for d in events if d >= order],
            end,
            f"care order at home from {order.isoformat()}",
            kind="visits",
            anchor_known=known or order > start,
        )
