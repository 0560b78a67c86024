"""Reviews of the child's case: CPPCR 2010 Part 6 and AAR 2005 reg 36."""

from __future__ import annotations

from corparent.model import PeriodOfCare
from corparent.schedule._run import Run, StepFn, event_dates

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
    run.chain(period.start, steps, cppcr_reviews, cppcr_end, about)
    authority = next((e.start for e in period.episodes if e.legal_status.is_placement_order), None)
    if authority is not None:
        run.once(
            "review_adoption_authorised_not_placed",
            authority,
            cppcr_reviews,
            f"authority to place for adoption from {authority.isoformat()}",
            end=cppcr_end,
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
        )
