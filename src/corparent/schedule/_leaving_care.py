"""Leaving care: CPPCR 2010 regs 40-43, CLR 2010, CA 1989 s.23B-23C."""

from __future__ import annotations

import datetime as dt

from corparent.dates import add_months, birthday
from corparent.law import LeaverStatus
from corparent.schedule._run import ONE_DAY, Run

__all__ = ["plan_leaving_care"]

# -- leaving care (CPPCR regs 40-43; CLR 2010; CA 1989 s.23B-23C) -----------------------------


_LEAVING_CARE_DUTIES = (
    "needs_assessment_eligible",
    "pathway_plan_review",
    "pa_visit_when_accommodated",
    "pa_visit_interval",
    "pathway_plan_review_new_accommodation",
    "pa_visit_before_accommodation_review",
)

_EDUCATION_OR_TRAINING = frozenset({"F1", "P1", "F2", "P2", "F4", "P4"})
"""903 OC3 activities in education or training: higher or other education, apprenticeships
(full or part time); "training or employment" (F5, P5) cannot be told from employment."""


def _pathway_until(run: Run) -> dt.date:
    """The day pathway-plan duties stop: the 21st birthday, or the 25th while the young
    person is in the education or training their plan sets out (CA 1989 s.23C(7), s.23CA) or
    has a personal adviser on request (s.23CZB)."""
    record = run.record
    dob = record.child.date_of_birth
    twenty_one = birthday(dob, 21, run.conventions.leap_day)
    twenty_five = birthday(dob, 25, run.conventions.leap_day)
    if any(a.date >= twenty_one for a in record.pa_appointments):
        return twenty_five
    around = [o for o in record.leaver_outcomes if o.year_ending >= twenty_one]
    if (
        around
        and around[0].activity is not None
        and around[0].activity.code in _EDUCATION_OR_TRAINING
    ):
        return twenty_five
    return twenty_one


def plan_leaving_care(run: Run) -> None:
    record = run.record
    if not record.episodes or not any(run.duty(i) for i in _LEAVING_CARE_DUTIES):
        return
    dob = record.child.date_of_birth
    if dob > run.as_of - dt.timedelta(days=365 * 15):
        return  # nobody under 15 on as_of has a leaving-care status yet
    timeline = run.timeline
    episodes_window = run.window("episodes")
    eligible = next((p for p in timeline if p.status is LeaverStatus.ELIGIBLE), None)
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
    leaver = next(
        (p for p in timeline if p.status in (LeaverStatus.RELEVANT, LeaverStatus.FORMER_RELEVANT)),
        None,
    )
    if leaver is not None:
        until = _pathway_until(run)
        plans = [p.date for p in record.pathway_plans if p.date < until]
        before = [d for d in plans if d < leaver.start]
        anchor = before[-1] if before else leaver.start
        later = [d for d in plans if d > anchor]
        run.chain(
            anchor,
            lambda k, t: "pathway_plan_review" if t < until else None,
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
            lambda k, _: "pa_visit_when_accommodated" if k == 0 else "pa_visit_interval",
            visits,
            end,
            about,
            kind="pa_contacts",
        )
        plans_after = [p.date for p in record.pathway_plans]
        review_due = _accommodation_review(run, fact.start, plans_after, about, end)
        if visits:
            # CLR reg 8(2): the adviser visits again before the reg 7(3) review.
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
                earliest=visits[0] + ONE_DAY,
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
