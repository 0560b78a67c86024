"""Built-in compliance checks: duties overdue, met late, or falling due soon.

Each reads the record's schedule from the context (computed once per record by the runner) and
reports one finding per obligation, citing the provision the duty comes from. Severity follows
the duty's legal force: a regulation or statute is an ``ERROR``, statutory guidance a
``WARNING``, a council's local standard whatever the council configures (``local_severity``).

Obligations the data cannot judge (status ``NOT_ASSESSABLE``: their trigger or the event that
would discharge them may lie outside the record's evidence window) are never reported as
breaches; the runner counts them. A breach judged against the latest day a duty could have been
due (the history before the data's window is unknown) says so in its message.

Every compliance check has a ``duties`` setting: shell-style patterns of the duty ids to report
(empty: all). Data that cannot show a duty being met (the SSDA903 return records no visits,
for instance) is best checked with ``duties=("review_*",)`` or similar.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Callable, Iterator

from corparent.checks._context import CheckContext
from corparent.checks._finding import Finding, Severity
from corparent.checks._spec import check
from corparent.dates import add_months
from corparent.law import Force
from corparent.model import CaseRecord
from corparent.schedule import Obligation, Status

__all__ = ["due_soon", "met_late", "missed", "overdue", "severity_for"]


def severity_for(force: Force, *, local: Severity = Severity.WARNING) -> Severity:
    """The severity of a breach of a duty with ``force``.

    Statute and regulation: ``ERROR``; a local standard: ``local``; anything else (statutory
    guidance, practice): ``WARNING``.
    """
    if force.is_binding:
        return Severity.ERROR
    if force is Force.LOCAL:
        return local
    return Severity.WARNING


def _wanted(duty_id: str, patterns: tuple[str, ...]) -> bool:
    return not patterns or any(fnmatch.fnmatchcase(duty_id, p) for p in patterns)


def _finding(
    record: CaseRecord,
    ctx: CheckContext,
    ob: Obligation,
    *,
    message: str,
    severity: Severity,
    days: int | None,
) -> Finding:
    duty = ob.duty
    return ctx.finding(
        record,
        message=message,
        severity=severity,
        duty_id=duty.id,
        due=ob.due,
        days_overdue=days,
        citation=str(ob.version.citation),
        principles=duty.principles,
        force=duty.force,
        code=ob.status.name.lower(),
    )


def _since(as_of: dt.date, months: int | None, days: int | None) -> dt.date | None:
    """The last day before the look-back window (``None``: no window)."""
    if days is not None:
        return as_of - dt.timedelta(days=days)
    if months is not None:
        return add_months(as_of, -months)
    return None


def _met_on(ob: Obligation) -> dt.date | None:
    return ob.met_on


def _closed_on(ob: Obligation) -> dt.date | None:
    return ob.closed_on


def _settled(
    ctx: CheckContext,
    status: Status,
    day_of: Callable[[Obligation], dt.date | None],
    since: dt.date | None,
    duties: tuple[str, ...],
) -> Iterator[tuple[Obligation, dt.date]]:
    """The wanted obligations with ``status`` whose settling day (met, or clock stopped) falls
    after ``since``, each with that day."""
    for ob in ctx.schedule:
        if ob.status is not status:
            continue
        day = day_of(ob)
        if day is None or not _wanted(ob.duty.id, duties):
            continue
        if since is None or day > since:
            yield ob, day


def _bound(ob: Obligation) -> str:
    """A note for breaches judged against the latest possible due date."""
    return "; at least: earlier history is not in the data" if ob.reason else ""


@check(
    id="builtin.compliance.overdue",
    severity=Severity.ERROR,
    description="Duties past their due date and not yet met (severity by legal force)",
)
def overdue(
    record: CaseRecord,
    ctx: CheckContext,
    *,
    local_severity: Severity = Severity.WARNING,
    duties: tuple[str, ...] = (),
) -> Iterator[Finding]:
    """One finding per OVERDUE obligation; ``days_overdue`` counts to the run's ``as_of``."""
    for ob in ctx.schedule:
        if ob.status is Status.OVERDUE and _wanted(ob.duty.id, duties):
            days = (ctx.as_of - ob.due).days if ob.due is not None else None
            late = f"{days} days overdue" if days is not None else "overdue"
            yield _finding(
                record,
                ctx,
                ob,
                message=f"{ob.duty.id} {late} (due {ob.due}{_bound(ob)})",
                severity=severity_for(ob.duty.force, local=local_severity),
                days=days,
            )


@check(
    id="builtin.compliance.met_late",
    severity=Severity.ERROR,
    description="Duties met after their due date (within the look-back window)",
)
def met_late(
    record: CaseRecord,
    ctx: CheckContext,
    *,
    local_severity: Severity = Severity.WARNING,
    lookback_months: int | None = 12,
    lookback_days: int | None = None,
    duties: tuple[str, ...] = (),
) -> Iterator[Finding]:
    """One finding per MET_LATE obligation met in the look-back window before ``as_of``.

    The window is the ``lookback_months`` calendar months to ``as_of`` (default 12: the 903
    collection year, 1 April to 31 March, leap years included), or ``lookback_days`` days when
    that is set; both ``None`` reports every late obligation in the record's history.
    """
    since = _since(ctx.as_of, lookback_months, lookback_days)
    for ob, met_on in _settled(ctx, Status.MET_LATE, _met_on, since, duties):
        days = (met_on - ob.due).days
        yield _finding(
            record,
            ctx,
            ob,
            message=f"{ob.duty.id} met {days} days late (due {ob.due}, met {met_on}{_bound(ob)})",
            severity=severity_for(ob.duty.force, local=local_severity),
            days=days,
        )


@check(
    id="builtin.compliance.missed",
    severity=Severity.ERROR,
    description="Duties that fell due and were not met before the clock stopped (care ended)",
)
def missed(
    record: CaseRecord,
    ctx: CheckContext,
    *,
    local_severity: Severity = Severity.WARNING,
    lookback_months: int | None = 12,
    lookback_days: int | None = None,
    duties: tuple[str, ...] = (),
) -> Iterator[Finding]:
    """One finding per MISSED obligation whose clock stopped in the look-back window (as for
    :func:`met_late`: the 12 months to ``as_of`` by default).

    A requirement that fell due while the child was looked after and was not met before care
    ended is a breach counted to the day care ended, not overdue to ``as_of``: the child is no
    longer in anyone's overdue list.
    """
    since = _since(ctx.as_of, lookback_months, lookback_days)
    for ob, closed_on in _settled(ctx, Status.MISSED, _closed_on, since, duties):
        days = (closed_on - ob.due).days
        yield _finding(
            record,
            ctx,
            ob,
            message=(
                f"{ob.duty.id} missed: due {ob.due}, not met when the clock stopped on "
                f"{closed_on} ({days} days after it fell due{_bound(ob)})"
            ),
            severity=severity_for(ob.duty.force, local=local_severity),
            days=days,
        )


@check(
    id="builtin.compliance.due_soon",
    severity=Severity.INFO,
    description="Duties falling due within the next N days (information)",
)
def due_soon(
    record: CaseRecord,
    ctx: CheckContext,
    *,
    within_days: int = 14,
    duties: tuple[str, ...] = (),
) -> Iterator[Finding]:
    """One INFO finding per obligation not yet due whose due date is within ``within_days``."""
    horizon = ctx.as_of + dt.timedelta(days=within_days)
    for ob in ctx.schedule:
        if ob.status is not Status.DUE or ob.due is None or not _wanted(ob.duty.id, duties):
            continue
        if ctx.as_of <= ob.due <= horizon:
            days = (ob.due - ctx.as_of).days
            yield _finding(
                record,
                ctx,
                ob,
                message=f"{ob.duty.id} due in {days} days (on {ob.due})",
                severity=Severity.INFO,
                days=None,
            )
