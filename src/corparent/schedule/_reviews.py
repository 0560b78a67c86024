"""Reviews of the child's case: CPPCR 2010 Part 6 and AAR 2005 reg 36."""

from __future__ import annotations

from corparent.model import PeriodOfCare
from corparent.schedule._run import Run, StepFn, episode_start_known, event_dates

__all__ = ["plan_reviews"]

# -- reviews (CPPCR Part 6; AAR 2005 reg 36) -------------------------------------------------


def plan_reviews(run: Run, period: PeriodOfCare, short_breaks: bool) -> None:
    record = run.record
    about = f"period of care from {period.start.isoformat()}"
    adoption = next(
        (
            p
            for p in record.placements()
            if p.placement_type.is_placed_for_adoption and period.covers(p.start)
        ),
        None,
    )
    cppcr_end = adoption.start if adoption else period.end
    reviews = event_dates(record.reviews, period.start, period.end)
    cppcr_reviews = [d for d in reviews if cppcr_end is None or d < cppcr_end]
    if short_breaks:
        steps: StepFn = lambda k, _: "review_short_breaks" if k == 0 else "review_subsequent"  # noqa: E731
    else:
        steps = lambda k, _: ("review_first", "review_second")[k] if k < 2 else "review_subsequent"  # noqa: E731
    run.chain(
        period.start,
        steps,
        cppcr_reviews,
        cppcr_end,
        about,
        kind="reviews",
        anchor_known=period.start_known,
    )
    order = next((e for e in period.episodes if e.legal_status.is_placement_order), None)
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
        placed_reviews = [d for d in reviews if d >= adoption.start]
        names = ("review_adoption_placed", "review_adoption_placed_second")
        run.chain(
            adoption.start,
            lambda k, _: names[k] if k < 2 else "review_adoption_placed_subsequent",
            placed_reviews,
            period.end,
            f"placed for adoption from {adoption.start.isoformat()}",
            kind="reviews",
            anchor_known=adoption.start_known,
        )
