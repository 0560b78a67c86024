"""Reviews of the child's case: CPPCR 2010 Part 6 (reg 48(3) for short breaks) and AAR 2005
reg 36."""

from __future__ import annotations

from collections.abc import Sequence

from corparent.leaving_care import ShortBreakSeries
from corparent.model import Episode, PeriodOfCare, Placement
from corparent.schedule._breaks import Regime, regime
from corparent.schedule._run import Run, Steps, dates_between, episode_start_known, event_dates

__all__ = ["plan_reviews"]

# -- reviews (CPPCR Part 6; AAR 2005 reg 36) -------------------------------------------------

_REVIEWS = Steps(("review_first", "review_second"), ("review_subsequent",))
_SHORT_BREAK_REVIEWS = Steps(("review_short_breaks",), ("review_short_breaks_subsequent",))
_ADOPTION_REVIEWS = Steps(
    ("review_adoption_placed", "review_adoption_placed_second"),
    ("review_adoption_placed_subsequent",),
)


def _short_break_reviews(run: Run, series: ShortBreakSeries) -> None:
    """CPPCR reg 48(3): first review within 3 months of the first break, then 6-monthly; the
    series is one placement, so reviews held between breaks count."""
    run.chain(
        series.start,
        _SHORT_BREAK_REVIEWS,
        event_dates(run.record.reviews, series.start, series.end),
        series.end,
        f"short breaks from {series.start.isoformat()}",
        kind="reviews",
        anchor_known=series.periods[0].start_known,
    )


def _placed_for_adoption(placements: Sequence[Placement], period: PeriodOfCare) -> Placement | None:
    """The first placement for adoption beginning in ``period``, if any."""
    for placement in placements:
        if placement.placement_type.is_placed_for_adoption and period.covers(placement.start):
            return placement
    return None


def _placement_order(period: PeriodOfCare) -> Episode | None:
    """The first episode of ``period`` under a placement order (authority to place for
    adoption), if any."""
    for episode in period.episodes:
        if episode.legal_status.is_placement_order:
            return episode
    return None


def plan_reviews(run: Run, period: PeriodOfCare) -> None:
    """Reviews of one period of care, under the regulations its regime (reg 48) gives."""
    kind_of, series = regime(run, period)
    if kind_of is Regime.IN_SERIES:
        return
    if series is not None:
        _short_break_reviews(run, series)
        return
    record = run.record
    about = f"period of care from {period.start.isoformat()}"
    adoption = _placed_for_adoption(record.placements(), period)
    cppcr_end = adoption.start if adoption else period.end
    reviews = event_dates(record.reviews, period.start, period.end)
    cppcr_reviews = reviews
    if cppcr_end is not None:  # reviews before the adoption placement or the period's end
        cppcr_reviews = dates_between(reviews, period.start, cppcr_end)
    run.chain(
        period.start,
        _REVIEWS,
        cppcr_reviews,
        cppcr_end,
        about,
        kind="reviews",
        anchor_known=period.start_known,
    )
    order = _placement_order(period)
    if order is not None:
        authority = order.start
        run.once(
            "review_adoption_authorised_not_placed",
            authority,
            cppcr_reviews,
            f"authority to place for adoption from {authority.isoformat()}",
            kind="reviews",
            end=cppcr_end,
            trigger_known=episode_start_known(period, order),
        )
    if adoption is not None:
        placed_reviews = dates_between(reviews, adoption.start, None)
        run.chain(
            adoption.start,
            _ADOPTION_REVIEWS,
            placed_reviews,
            period.end,
            f"placed for adoption from {adoption.start.isoformat()}",
            kind="reviews",
            anchor_known=adoption.start_known,
        )
