"""Duties Wales and Northern Ireland have and England has not, scheduled after England's
planners have run under the Welsh or Northern Irish rule set.

* Remand-only children in Wales: a care and support plan within 5 working days of the remand
  (CPPCR(W) 2015 reg 57(2)(a)).
* Relevant children: a needs assessment within 3 months of becoming relevant (Wales: CL(W)
  2015 reg 5(2)(a); Northern Ireland: CLC(NI) 2005 reg 6(2)(b), only for one without a
  pathway plan), and in Wales former relevant young people without a pathway plan
  (reg 5(2)(b)).
"""

from __future__ import annotations

from corparent.jurisdiction import Jurisdiction
from corparent.law import LeaverStatus
from corparent.schedule._run import Run, event_dates

__all__ = ["plan_nation_additions"]

_ADDITIONS = (
    "care_plan_prepare_remand",
    "needs_assessment_relevant",
    "needs_assessment_former_relevant_no_plan",
)


def plan_nation_additions(run: Run) -> None:
    """Schedule the additions the rule set holds (none for England)."""
    rules = run.rules
    if not run.law_answer("nation_additions", lambda: any(i in rules for i in _ADDITIONS)):
        return
    record = run.record
    if run.duty("care_plan_prepare_remand") is not None:
        for period in record.periods_of_care():
            if not all(e.legal_status.is_remand for e in period.episodes):
                continue
            run.once(
                "care_plan_prepare_remand",
                period.start,
                event_dates(record.care_plans, period.start, period.end),
                f"remand from {period.start.isoformat()}",
                kind="care_plans",
                end=period.end,
                trigger_known=period.start_known,
            )
    if not record.episodes:
        return
    assessments = [a.date for a in record.needs_assessments]
    plans = [p.date for p in record.pathway_plans]
    only_without_plan = run.rules.jurisdiction is Jurisdiction.NORTHERN_IRELAND
    for status in run.timeline:
        has_plan = any(d < status.start for d in plans)
        if status.status is LeaverStatus.RELEVANT and not (only_without_plan and has_plan):
            run.once(
                "needs_assessment_relevant",
                status.start,
                assessments,
                "became a relevant child",
                kind="needs_assessments",
            )
        elif status.status is LeaverStatus.FORMER_RELEVANT and not has_plan:
            run.once(
                "needs_assessment_former_relevant_no_plan",
                status.start,
                assessments,
                "became a former relevant young person without a pathway plan",
                kind="needs_assessments",
            )
