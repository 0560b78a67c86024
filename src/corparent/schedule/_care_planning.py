"""Care plans, IROs, initial health assessments, placement plans, placement endings and
ceasing to look after.

CPPCR 2010 Part 2, regs 7, 9, 13, 14, 39 and 48(3); CA 1989 s.25A; permanence guidance.
"""

from __future__ import annotations

import datetime as dt

from corparent.dates._arith import add_months_unchecked
from corparent.leaving_care import ShortBreakSeries
from corparent.model import HealthAssessmentKind, PeriodOfCare, Placement
from corparent.schedule._breaks import Regime, regime
from corparent.schedule._education import plan_education
from corparent.schedule._health import plan_health_reviews
from corparent.schedule._run import Run, event_dates
from corparent.schedule._visits import visit_placements

__all__ = ["plan_care_planning"]

# -- care planning, health, education (CPPCR Parts 2-3, reg 7; guidance) ---------------------


def _before_first_review(
    run: Run, duty_id: str, period: PeriodOfCare, reviews: list[dt.date]
) -> dt.date | None:
    """The due date of a "before the first review" duty: the day of the first review if it
    was held before the long-stop, else the long-stop (``None``: the rule's own date).
    ``reviews`` are the period's reviews."""
    first = reviews[0] if reviews else None
    if first is None or first > run.as_of:
        return None
    found = run.resolve(duty_id, period.start)
    if found is not None:
        return min(first, found[2])
    # Not in force, or no date: once() schedules nothing; keep the rule's own answer.
    duty = run.duty(duty_id)
    version = duty.version_at(period.start) if duty is not None else None
    if version is None:
        return None
    return min(first, version.rule.due(period.start, run.conventions))


def _short_break_plan(run: Run, series: ShortBreakSeries, since: dt.date) -> None:
    about = f"short breaks from {series.start.isoformat()}"
    run.once(
        "care_plan_short_breaks",
        series.start,
        event_dates(run.record.care_plans, since, series.end),
        about,
        kind="care_plans",
        end=series.end,
        earliest=since,
        trigger_known=series.periods[0].start_known,
    )
    iro = event_dates(run.record.iro_appointments, series.start, series.end)
    for duty_id in ("iro_appoint", "iro_appoint_good_practice"):
        run.once(
            duty_id,
            series.start,
            iro,
            about,
            kind="iro_appointments",
            end=series.end,
            trigger_known=series.periods[0].start_known,
        )


def plan_care_planning(run: Run, period: PeriodOfCare, previous_end: dt.date | None) -> None:
    """Care planning for one period, under the regulations its regime (reg 48) gives."""
    record = run.record
    since = previous_end or dt.date.min
    kind_of, series = regime(run, period)
    if kind_of is Regime.IN_SERIES:
        return
    if series is not None:
        _short_break_plan(run, series, since)
        return
    about = f"period of care from {period.start.isoformat()}"
    known = period.start_known
    reviews = event_dates(record.reviews, period.start, period.end)
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
    run.once(
        "iro_appoint",
        period.start,
        iro,
        about,
        kind="iro_appointments",
        end=period.end,
        trigger_known=known,
        due=_before_first_review(run, "iro_appoint", period, reviews),
    )
    run.once(
        "iro_appoint_good_practice",
        period.start,
        iro,
        about,
        kind="iro_appointments",
        end=period.end,
        trigger_known=known,
    )
    _permanence(run, period, about, reviews)
    _ceasing(run, period, about)
    three_months_before = add_months_unchecked(period.start, -3)
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
        due=_before_first_review(run, "health_assessment_initial", period, reviews),
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
        _termination(run, period, placement)
    plan_health_reviews(run, period, about)
    plan_education(run, period, about)


def _termination(run: Run, period: PeriodOfCare, placement: Placement) -> None:
    """CPPCR reg 14(4): written notice within 10 working days of the day the authority ended
    a placement (when notice before it was not practicable). A placement ending with the
    period of care is ceasing to look after (reg 39), not a termination."""
    end = placement.end
    if end is None or end == period.end or end > run.as_of:
        return
    change = placement.episodes[-1].reason_place_change
    if change is None or change not in run.conventions.authority_ended_placement_reasons:
        return
    notices = [
        n.date for n in run.record.termination_notices if n.placement_start == placement.start
    ]
    run.once(
        "placement_terminate_notice",
        end,
        notices,
        f"placement from {placement.start.isoformat()} ended {end.isoformat()}",
        kind="termination_notices",
        earliest=dt.date.min,
    )


_NOT_A_DECISION = frozenset(
    {"E2", "E3", "E9", "E11", "E12", "E14", "E15", "E16", "E17", "E41", "E45", "E46", "E47", "E48"}
)
"""Care ends without the authority deciding to stop looking after the child: death, another
authority, custody, adoption, remand ending, age, moving abroad, a court order."""


def _ceasing(run: Run, period: PeriodOfCare, about: str) -> None:
    """CPPCR reg 39: a decision to stop looking after a child accommodated under s.20 who has
    been looked after for at least 20 working days needs the nominated officer's approval
    before it takes effect."""
    end = period.end
    reason = period.reason_ceased
    if end is None or reason is None or end > run.as_of or reason.code in _NOT_A_DECISION:
        return
    last = period.episodes[-1].legal_status
    if not last.is_accommodated_s20 or last.is_short_break:
        return
    if run.record.age_on(end, run.conventions.leap_day) >= 18:
        return
    if run.conventions.calendar.working_days_between(period.start, end) < 20:
        return
    run.once(
        "cease_to_look_after_approval",
        end,
        [a.date for a in run.record.cease_approvals],
        about,
        kind="cease_approvals",
        earliest=period.start,
    )


def _permanence(run: Run, period: PeriodOfCare, about: str, reviews: list[dt.date]) -> None:
    """Statutory guidance: a permanence plan by the second review (the day it is held, or
    its due date if not yet held, whichever is earlier). ``reviews`` are the period's."""
    first_duty, second_duty = run.duty("review_first"), run.duty("review_second")
    if (
        first_duty is None
        or second_duty is None
        or run.duty("care_plan_permanence_by_second_review") is None
    ):
        return
    first_version = run.version_at(first_duty, period.start)
    if first_version is None:
        return
    if reviews and reviews[-1] > run.as_of:  # reviews after as_of are not known yet
        reviews = [d for d in reviews if d <= run.as_of]
    first = reviews[0] if reviews else run.due_on(first_duty, first_version, period.start)
    second_version = run.version_at(second_duty, first)
    if second_version is None:
        return
    due = run.due_on(second_duty, second_version, first)
    if len(reviews) > 1:
        due = min(due, reviews[1])
    run.once(
        "care_plan_permanence_by_second_review",
        period.start,
        event_dates(run.record.permanence_plans, period.start, period.end),
        about,
        kind="permanence_plans",
        end=period.end,
        trigger_known=period.start_known,
        due=due,
    )
