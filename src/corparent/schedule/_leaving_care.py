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
)


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
        until = birthday(dob, 21, run.conventions.leap_day)
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
        run.once(
            "pathway_plan_review_new_accommodation",
            fact.start,
            [p.date for p in record.pathway_plans],
            about,
            kind="pathway_plans",
            end=end,
        )
