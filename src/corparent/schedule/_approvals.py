"""Approvals: CPPCR 2010 regs 19 (placement with parents), 23 (emergency placements) and
24-25 (connected persons)."""

from __future__ import annotations

import datetime as dt

from corparent.dates import add_months
from corparent.law import UnannouncedVisitYear
from corparent.model import Carer
from corparent.schedule._run import ONE_DAY, Run

__all__ = ["plan_approvals", "plan_unannounced_visits"]

_CONNECTED = "connected_person_approvals"
_PENDING = "parent_placements_pending_assessment"

# -- approvals (CPPCR regs 19, 23, 24-25) -----------------------------------------------------


def _earliest(*days: dt.date | None) -> dt.date | None:
    present = [d for d in days if d is not None]
    return min(present) if present else None


def plan_approvals(run: Run) -> None:
    record = run.record
    conv = run.conventions
    for fact in record.connected_person_approvals:
        about = f"temporary approval from {fact.start.isoformat()}"
        temp = run.duty("connected_person_temp_approval")
        if temp is None:
            continue
        # A fact's end is the last day it holds: a placement whose last day is the last
        # permitted day did not exceed the period.
        ended = fact.end
        met = _earliest(fact.full_approval_on, fact.extended_on, ended)
        due = run.emit(temp, fact.start, met, about, kind=_CONNECTED)
        if due is not None and fact.extended_on is not None:
            ext = run.duty("connected_person_extension")
            if ext is not None:
                trigger = due + ONE_DAY if conv.period_includes_trigger else due
                run.emit(
                    ext, trigger, _earliest(fact.full_approval_on, ended), about, kind=_CONNECTED
                )
    for emergency in record.emergency_placements_outside_approval:
        duty = run.duty("emergency_foster_outside_approval")
        if duty is not None:
            run.emit(
                duty,
                emergency.start,
                _earliest(emergency.approval_amended_on, emergency.end),
                f"emergency placement from {emergency.start.isoformat()}",
                kind="emergency_placements_outside_approval",
            )
    for pending in record.parent_placements_pending_assessment:
        about = f"placement with parent from {pending.start.isoformat()}"
        assessment = run.duty("placement_with_parent_before_assessment")
        if assessment is not None:
            run.emit(
                assessment, pending.start, pending.assessment_completed_on, about, kind=_PENDING
            )
        decision = run.duty("placement_with_parent_decision")
        if decision is not None and pending.assessment_completed_on is not None:
            run.emit(
                decision,
                pending.assessment_completed_on,
                _earliest(pending.decision_on, pending.end),
                about,
                kind=_PENDING,
            )


def plan_unannounced_visits(run: Run, carer: Carer) -> None:
    """Fostering NMS 2011 standard 21.8: at least one unannounced visit to the foster home a
    year, read as a rolling year (from approval, then from each visit) or, by convention,
    each year counted from the approval date."""
    visits = [d for d in carer.unannounced_visits if d >= carer.approved_on]
    about = f"carer approved on {carer.approved_on.isoformat()}"
    if run.conventions.unannounced_visit_year is UnannouncedVisitYear.ROLLING:
        run.chain(
            carer.approved_on,
            lambda k, _: "foster_unannounced_visit",
            visits,
            None,
            about,
            kind="carer_unannounced_visits",
        )
        return
    duty = run.duty("foster_unannounced_visit")
    if duty is None:
        return
    year = 0
    while True:
        start = add_months(carer.approved_on, 12 * year)
        if start > run.as_of:
            return
        last = add_months(carer.approved_on, 12 * (year + 1)) - ONE_DAY
        met = next((d for d in visits if start <= d <= last), None)
        run.emit(
            duty,
            start,
            met,
            f"approval year from {start.isoformat()}",
            due=last,
            kind="carer_unannounced_visits",
        )
        year += 1
