"""Leaving care: CPPCR 2010 regs 40-43, CLR 2010, CA 1989 s.23B-23C."""

from __future__ import annotations

import datetime as dt

from corparent.dates import add_months, birthday
from corparent.dates._arith import add_months_unchecked
from corparent.law import LeaverStatus
from corparent.schedule._run import ONE_DAY, Run, Steps

__all__ = ["plan_leaving_care"]

# -- leaving care (CPPCR regs 40-43; CLR 2010; CA 1989 s.23B-23C) -----------------------------


_LEAVING_CARE_DUTIES = (
    "needs_assessment_eligible",
    "pathway_plan_review",
    "pa_visit_when_accommodated",
    "pa_visit_interval",
    "pathway_plan_review_new_accommodation",
    "pa_visit_before_accommodation_review",
    "pathway_plan_review_after_21_with_adviser",
    "pathway_plan_review_after_21_in_education",
)

_FIFTEEN_YEARS = dt.timedelta(days=365 * 15)
_LEAVER = (LeaverStatus.RELEVANT, LeaverStatus.FORMER_RELEVANT)

_PA_VISITS = Steps(("pa_visit_when_accommodated",), ("pa_visit_interval",))

_EDUCATION_OR_TRAINING = frozenset({"F1", "P1", "F2", "P2", "F4", "P4"})
"""903 OC3 activities in education or training: higher or other education, apprenticeships
(full or part time); "training or employment" (F5, P5) cannot be told from employment."""


def _after_21(run: Run) -> str | None:
    """The duty that continues pathway-plan reviews after 21, if any: a personal adviser
    appointed on or after the 21st birthday (CA 1989 s.23CZB), else education or training
    shown by the leaving-care return around that birthday (s.23C(7), s.23CA)."""
    record = run.record
    twenty_one = birthday(record.child.date_of_birth, 21, run.conventions.leap_day)
    if any(a.date >= twenty_one for a in record.pa_appointments):
        return "pathway_plan_review_after_21_with_adviser"
    around = [o for o in record.leaver_outcomes if o.year_ending >= twenty_one]
    activity = around[0].activity if around else None
    if activity is not None and activity.code in _EDUCATION_OR_TRAINING:
        return "pathway_plan_review_after_21_in_education"
    return None


def plan_leaving_care(run: Run) -> None:
    record = run.record
    if not record.episodes or not run.law_answer(
        "leaving_care_duties", lambda: any(run.duty(i) for i in _LEAVING_CARE_DUTIES)
    ):
        return
    dob = record.child.date_of_birth
    if dob > run.as_of - _FIFTEEN_YEARS:
        return  # nobody under 15 on as_of has a leaving-care status yet
    timeline = run.timeline
    episodes_window = run.window("episodes")
    eligible = leaver = None
    for status in timeline:  # the first eligible, and the first relevant or former relevant
        if status.status is LeaverStatus.ELIGIBLE:
            eligible = eligible or status
        elif status.status in _LEAVER:
            leaver = leaver or status
    if eligible is not None:
        run.once(
            "needs_assessment_eligible",
            eligible.start,
            [a.date for a in record.needs_assessments],
            "became an eligible child",
            kind="needs_assessments",
            earliest=add_months(eligible.start, -3),
            trigger_known=(
                episodes_window.is_complete
                or eligible.start == birthday(dob, 16, run.conventions.leap_day)
            ),
        )
    if leaver is not None:
        twenty_one = birthday(dob, 21, run.conventions.leap_day)
        after_21 = _after_21(run)
        until = birthday(dob, 25, run.conventions.leap_day) if after_21 else twenty_one
        plans = [p.date for p in record.pathway_plans if p.date < until]
        before = [d for d in plans if d < leaver.start]
        anchor = before[-1] if before else leaver.start
        later = [d for d in plans if d > anchor]
        run.chain(
            anchor,
            # A review falling due after the 21st birthday is owed only under the duties
            # that continue past 21.
            lambda k, t: (
                "pathway_plan_review"
                if add_months_unchecked(t, 6) < twenty_one
                else after_21
                if t < until
                else None
            ),
            later,
            until,
            "relevant or former relevant child",
            kind="pathway_plans",
            anchor_known=bool(before) or not episodes_window.may_lack_since(leaver.start),
        )
    for fact in record.accommodation_provided:
        about = f"accommodation from {fact.start.isoformat()}"
        end = fact.end + ONE_DAY if fact.end is not None else None
        visits = [
            c.date
            for c in record.pa_contacts
            if c.visit_at_accommodation and c.date >= fact.start and (end is None or c.date < end)
        ]
        run.chain(
            fact.start,
            _PA_VISITS,
            visits,
            end,
            about,
            kind="pa_contacts",
        )
        plans_after = [p.date for p in record.pathway_plans]
        review_due = _accommodation_review(run, fact.start, plans_after, about, end)
        # CLR reg 8(2): the adviser visits again, after the first visit, before the reg 7(3)
        # review (with no visit yet, no visit can count as the second).
        review_held = (
            next((d for d in plans_after if d >= review_due), None) if review_due else None
        )
        run.once(
            "pa_visit_before_accommodation_review",
            fact.start,
            visits[1:],
            about,
            kind="pa_contacts",
            end=end,
            earliest=visits[0] + ONE_DAY if visits else fact.start,
            due=min(review_held, review_due) if review_held and review_due else None,
        )


def _accommodation_review(
    run: Run, start: dt.date, plans: list[dt.date], about: str, end: dt.date | None
) -> dt.date | None:
    """CLR reg 7(3): a review as soon as practicable after the 28 days beginning with the day
    accommodation was first provided; a review inside the 28 days does not count."""
    duty = run.duty("pathway_plan_review_new_accommodation")
    version = duty.version_at(start) if duty is not None else None
    if version is None:
        return None
    due = version.rule.due(start, run.conventions)
    run.once(
        "pathway_plan_review_new_accommodation",
        start,
        plans,
        about,
        kind="pathway_plans",
        end=end,
        earliest=due,
    )
    return due
