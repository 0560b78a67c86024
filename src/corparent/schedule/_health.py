"""Reviews of the child's health: CPPCR 2010 reg 8."""

from __future__ import annotations

import datetime as dt
import functools

from corparent.dates import birthday
from corparent.dates._arith import add_months_unchecked
from corparent.law import HealthTransition
from corparent.model import PeriodOfCare
from corparent.schedule._run import Run, StepFn, Steps, event_dates

__all__ = ["plan_health_reviews"]


def plan_health_reviews(run: Run, period: PeriodOfCare, about: str) -> None:
    record = run.record
    assessments = event_dates(
        record.health_assessments, add_months_unchecked(period.start, -3), period.end
    )
    if not assessments:
        return
    fifth = birthday(record.child.date_of_birth, 5, run.conventions.leap_day)
    step: StepFn | Steps
    if run.conventions.health_across_fifth_birthday is HealthTransition.TWELVE_MONTHS:

        def step(k: int, t: dt.date) -> str:
            if t >= fifth or add_months_unchecked(t, 6) >= fifth:
                return "health_review_5_plus"
            return "health_review_under_5"

    else:  # six-monthly until the fifth birthday, yearly from it
        step = _six_monthly_until(fifth)
    run.chain(assessments[0], step, assessments[1:], period.end, about, kind="health_assessments")


@functools.lru_cache(maxsize=65_536)
def _six_monthly_until(fifth: dt.date) -> Steps:
    """Reg 8(2): a review every six months before the fifth birthday, every year from it (the
    same steps for every child with that birthday, so made once)."""
    return Steps((), ("health_review_under_5", "health_review_5_plus"), (fifth,))
