"""Approvals: CPPCR 2010 regs 19 (placement with parents), 23 (emergency placements) and
24-25 (connected persons)."""

from __future__ import annotations

import datetime as dt

from corparent.schedule._run import ONE_DAY, Run

__all__ = ["plan_approvals"]

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
        ended = fact.end + ONE_DAY if fact.end is not None else None
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
            ended = emergency.end + ONE_DAY if emergency.end is not None else None
            run.emit(
                duty,
                emergency.start,
                _earliest(emergency.approval_amended_on, ended),
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
            ended = pending.end + ONE_DAY if pending.end is not None else None
            run.emit(
                decision,
                pending.assessment_completed_on,
                _earliest(pending.decision_on, ended),
                about,
                kind=_PENDING,
            )
