"""Care plans, IROs, initial health assessments and placement plans.

CPPCR 2010 Part 2 and regs 7, 9 and 13; CA 1989 s.25A.
"""

from __future__ import annotations

import datetime as dt

from corparent.dates import add_months
from corparent.model import HealthAssessmentKind, PeriodOfCare
from corparent.schedule._education import plan_education
from corparent.schedule._health import plan_health_reviews
from corparent.schedule._run import Run, event_dates
from corparent.schedule._visits import visit_placements

__all__ = ["plan_care_planning"]

# -- care planning, health, education (CPPCR Parts 2-3, reg 7; guidance) ---------------------


def plan_care_planning(
    run: Run, period: PeriodOfCare, previous_end: dt.date | None, short_breaks: bool
) -> None:
    record = run.record
    about = f"period of care from {period.start.isoformat()}"
    since = previous_end or dt.date.min
    known = period.start_known
    run.once(
        "care_plan_prepare",
        period.start,
        event_dates(record.care_plans, since, period.end),
        about,
        kind="care_plans",
        end=period.end,
        earliest=since,
        trigger_known=known,
    )
    iro = event_dates(record.iro_appointments, period.start, period.end)
    for duty_id in ("iro_appoint", "iro_appoint_good_practice"):
        run.once(
            duty_id,
            period.start,
            iro,
            about,
            kind="iro_appointments",
            end=period.end,
            trigger_known=known,
        )
    if short_breaks:
        return
    three_months_before = add_months(period.start, -3)
    initial = [h for h in record.health_assessments if h.kind is HealthAssessmentKind.INITIAL]
    by_doctor = event_dates(
        (h for h in initial if h.by_medical_practitioner), three_months_before, period.end
    )
    run.once(
        "health_assessment_initial",
        period.start,
        by_doctor,
        about,
        kind="health_assessments",
        end=period.end,
        earliest=three_months_before,
        trigger_known=known,
    )
    run.once(
        "health_assessment_initial_guidance",
        period.start,
        event_dates(initial, three_months_before, period.end),
        about,
        kind="health_assessments",
        end=period.end,
        earliest=three_months_before,
        trigger_known=known,
    )
    for placement, _ in visit_placements(run, period):
        if placement.placement_type.is_placed_for_adoption:
            continue
        place_about = f"placement from {placement.start.isoformat()}"
        plans = [p.date for p in record.placement_plans if p.placement_start == placement.start]
        run.once(
            "placement_plan_prepare",
            placement.start,
            plans,
            place_about,
            kind="placement_plans",
            earliest=dt.date.min,
            trigger_known=placement.start_known,
        )
        notes = [
            n.date for n in record.placement_notifications if n.placement_start == placement.start
        ]
        run.once(
            "placement_notify",
            placement.start,
            notes,
            place_about,
            kind="placement_notifications",
            earliest=dt.date.min,
            trigger_known=placement.start_known,
        )
    plan_health_reviews(run, period, about)
    plan_education(run, period, about)
