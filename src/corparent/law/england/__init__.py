"""England's rule set: every duty of an English authority as corporate parent with a date
that can be computed from a case record.

One module per area, each reading like the regulation it cites: ``care_planning`` (CPPCR
Parts 2-4), ``reviews`` (Part 6, AAR reg 36), ``visits`` (reg 28), ``health`` (reg 7),
``education`` (PEPs), ``leaving_care`` (regs 40-43, CLR 2010, CA 1989 ss.23B-23CZB) and
``fostering`` (FSR 2011).
"""

from __future__ import annotations

import attrs

from corparent.law._duty import Duty
from corparent.law._ruleset import RuleSet
from corparent.law.england import (
    care_planning,
    education,
    fostering,
    health,
    leaving_care,
    reviews,
    visits,
)

__all__ = ["ENGLAND"]

# The record field whose events discharge each duty, by duty-id prefix (first match wins).
_EVIDENCE = (
    ("review_", "reviews"),
    ("visit_", "visits"),
    ("health_", "health_assessments"),
    ("pep_", "peps"),
    ("care_plan_", "care_plans"),
    ("placement_plan_", "placement_plans"),
    ("placement_notify", "placement_notifications"),
    ("iro_", "iro_appointments"),
    ("needs_assessment_", "needs_assessments"),
    ("pathway_plan_", "pathway_plans"),
    ("pa_visit_", "pa_contacts"),
    ("connected_person_", "connected_person_approvals"),
    ("emergency_foster_", "emergency_placements_outside_approval"),
    ("placement_with_parent_", "parent_placements_pending_assessment"),
    ("foster_approval_review", "carer_reviews"),
)


def _with_evidence(duty: Duty) -> Duty:
    if duty.evidence:
        return duty
    kind = next((k for prefix, k in _EVIDENCE if duty.id.startswith(prefix)), "")
    return attrs.evolve(duty, evidence=kind)


ENGLAND = RuleSet(
    "England",
    [
        _with_evidence(d)
        for d in (
            *care_planning.DUTIES,
            *reviews.DUTIES,
            *visits.DUTIES,
            *health.DUTIES,
            *education.DUTIES,
            *leaving_care.DUTIES,
            *fostering.DUTIES,
        )
    ],
)
"""Every date-computable duty of an English local authority as corporate parent."""
