"""The system's own review due dates against the statutory ones.

A case-management system works out when each looked-after review is due and prompts the
reviewing officer by that date (SSD ``clar_cla_review_due_date``). A workflow set up with the
wrong interval (six months where the second review falls due after three, or a first review
counted in calendar weeks) makes every review late without anyone noticing: the dates look
fine to the people who work from them. This check flags every review whose system due date is
later than the date the law sets (Care Planning, Placement and Case Review (England) Regulations
2010, reg 33).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from corparent.checks import CheckContext, CheckSet, Finding, Severity, check, run_checks
from corparent.io._loaded import SourceLoadResult, SystemReviewDue
from corparent.law import RuleSet
from corparent.model import CaseRecord
from corparent.principles import Principle
from corparent.schedule import Obligation, Status

__all__ = ["SYSTEM_REVIEW_DUE", "compare_review_due_dates", "system_review_due"]

_JUDGED = (Status.MET, Status.MET_LATE, Status.OVERDUE, Status.DUE, Status.MISSED)


def _match(row: SystemReviewDue, reviews: list[Obligation]) -> Obligation | None:
    """The statutory review obligation the system's row is about: of those the review held on
    that day met, or (not yet held) of those still open, the one due first (``reviews`` is in
    due order): the review had to be held by then."""
    if row.held_on is not None:
        return next((o for o in reviews if o.met_on == row.held_on), None)
    return next((o for o in reviews if o.met_on is None), None)


def _rows(
    due_dates: Mapping[str, Iterable[SystemReviewDue]] | None, child: str
) -> tuple[SystemReviewDue, ...]:
    return tuple(due_dates.get(child, ())) if due_dates else ()


@check(
    id="ssd.system_review_due",
    severity=Severity.WARNING,
    description="the case-management system's review due date is later than the statutory one",
    principles=(Principle.SAFETY_AND_STABILITY,),
)
def system_review_due(
    record: CaseRecord,
    context: CheckContext,
    *,
    due_dates: Mapping[str, tuple[SystemReviewDue, ...]] | None = None,
) -> Iterator[Finding]:
    """Flag each review the system expects later than the law requires.

    ``due_dates`` is :attr:`SourceLoadResult.review_due_dates
    <corparent.io.ssd.SourceLoadResult.review_due_dates>`: configure the check with it
    (``CheckSet.configure("ssd.system_review_due", due_dates=...)``). A review whose statutory
    date the data cannot show (not assessable) is not judged.
    """
    rows = _rows(due_dates, record.id)
    if not rows:
        return
    reviews = sorted(
        (o for o in context.schedule if o.duty.id.startswith("review_") and o.status in _JUDGED),
        key=lambda o: o.due,
    )
    for row in rows:
        if row.cancelled:
            continue
        ob = _match(row, reviews)
        if ob is None or row.due <= ob.due:
            continue
        yield context.finding(
            record,
            message=(
                f"the system has review {row.review_id} due on {row.due.isoformat()}, "
                f"{(row.due - ob.due).days} days after the statutory date "
                f"{ob.due.isoformat()} ({ob.duty.id}): check the workflow's review intervals"
            ),
            duty_id=ob.duty.id,
            due=ob.due,
            citation=ob.version.citation.short,
            force=ob.force,
            code="system_due_later",
        )


SYSTEM_REVIEW_DUE = system_review_due
"""The check (a :class:`~corparent.checks.CheckSpec`); unconfigured it finds nothing."""


def compare_review_due_dates(
    loaded: SourceLoadResult, as_of: dt.date, *, rules: RuleSet | None = None
) -> tuple[Finding, ...]:
    """Every review whose system due date is later than the statutory one, as at ``as_of``."""
    checks = CheckSet(checks=[system_review_due]).configure(
        system_review_due.id, due_dates=dict(loaded.review_due_dates)
    )
    result = run_checks(loaded.caseload, as_of, checks=checks, rules=rules)
    return result.findings
