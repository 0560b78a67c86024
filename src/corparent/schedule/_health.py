"""Reviews of the child's health: CPPCR 2010 reg 8."""

from __future__ import annotations

import datetime as dt

from corparent.dates import add_months, birthday
from corparent.dates._arith import add_months_unchecked
from corparent.model import PeriodOfCare
from corparent.schedule._run import Run, StepFn, Steps, event_dates

__all__ = ["plan_health_reviews"]


def plan_health_reviews(run: Run, period: PeriodOfCare, about: str) -> None:
    record = run.record
    assessments = event_dates(record.health_assessments, add_months(period.start, -3), period.end)
    if not assessments:
        return
    fifth = birthday(record.child.date_of_birth, 5, run.conventions.leap_day)
    step: StepFn | Steps
    if run.conventions.health_across_fifth_birthday.value == "twelve_months":

        def step(k: int, t: dt.date) -> str:
            if t >= fifth or add_months_unchecked(t, 6) >= fifth:
                return "health_review_5_plus"
            return "health_review_under_5"

    else:  # six-monthly until the fifth birthday, yearly from it
        step = Steps((), ("health_review_under_5", "health_review_5_plus"), (fifth,))
    run.chain(assessments[0], step, assessments[1:], period.end, about, kind="health_assessments")
