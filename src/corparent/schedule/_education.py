"""Personal Education Plans: CPPCR 2010 Sch 1 para 2 and statutory guidance."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence

from corparent.dates import birthday
from corparent.model import Episode, PeriodOfCare
from corparent.schedule._obligation import Obligation, Status, _Blank
from corparent.schedule._run import Run, event_dates

__all__ = ["plan_education"]

_blank = _Blank
"""A new, empty obligation to fill in (see ``new_obligation``)."""


def _looked_after_until(episodes: Sequence[Episode], day: dt.date) -> dt.date:
    """A day up to which (exclusive) the child is looked after on every day from ``day``, as
    :meth:`~corparent.model.CaseRecord.looked_after_on` reads ``episodes`` (``day`` itself
    when that cannot be settled at once), so the days before it need not be asked one by one.

    With the episodes in order of start, a day is in the last episode starting on or before
    it, if that episode has not ended: episode ``j`` holds the days from its start to the
    next episode's start or its own end, whichever comes first.
    """
    count = len(episodes)
    for j in range(1, count):
        if episodes[j].start < episodes[j - 1].start:
            return day  # out of order: ask day by day
    run_start: dt.date | None = None
    run_end: dt.date | None = None
    for j, episode in enumerate(episodes):
        end = episode.end
        if j + 1 < count:
            following = episodes[j + 1].start
            if end is None or following < end:
                end = following
        if end is not None and end <= episode.start:
            continue  # holds no day
        if run_start is None or run_end != episode.start:
            if run_start is not None and run_start <= day and (run_end is None or day < run_end):
                break  # the run holding ``day`` is complete
            run_start = episode.start
        run_end = end
    if run_start is not None and run_start <= day and (run_end is None or day < run_end):
        return dt.date.max if run_end is None else run_end
    return day


def plan_education(run: Run, period: PeriodOfCare, about: str) -> None:
    record = run.record
    peps = event_dates(record.peps, period.start, period.end)
    # School age: 5 or over and under 16, from the 5th birthday to the day before the 16th
    # (an age is attained at the start of its birthday).
    born = record.child.date_of_birth
    leap_day = run.conventions.leap_day
    fifth, sixteenth = birthday(born, 5, leap_day), birthday(born, 16, leap_day)
    if period.start < born:
        record.age_on(period.start, leap_day)  # raises: no age before the date of birth
    if fifth <= period.start < sixteenth:
        for duty_id in ("pep_initiate", "pep_ready_first_review"):
            run.once(
                duty_id,
                period.start,
                peps,
                about,
                kind="peps",
                end=period.end,
                trigger_known=period.start_known,
            )
    duty = run.duty("pep_review_termly")
    if duty is None:
        return
    as_of = run.as_of
    last = min(period.end or as_of, as_of)
    window = run.window("peps")
    # Terms before the data's window of episodes or PEPs are not counted one by one.
    shown_from = (
        period.start
        if run.complete
        else max(
            (w.start for w in (window, run.window("episodes")) if w.start is not None),
            default=period.start,
        )
    )
    closed_on = run.window_end(period.end)
    # Every term start lies on or after the period's start, so after the date of birth.
    if fifth > last:
        return  # no term starts at school age by the last day counted
    looked_after_on = record.looked_after_on
    covered = _looked_after_until(record.episodes, period.start)
    window_start = window.start
    # The duty's only version, when it has one (in force from a day); else asked term by term.
    _, only, due = run.step("pep_review_termly")
    if only is not None and due is None:
        return  # its rule gives no date
    version_of = run.version_of
    emit = run.emit_known
    # Judged without a window (complete evidence, no local standard): _append() inlined.
    fast = run.fast
    out = run.out.append
    child_id = run.subject_id
    count = len(peps)
    for term_start, term_end, term_about in run.terms_after(max(period.start, shown_from)):
        if term_start > last or term_start >= sixteenth:
            break  # term starts only move on: none later is counted
        if fifth <= term_start and (term_start < covered or looked_after_on(term_start)):
            # The first PEP of the term (the PEPs are in date order).
            i = bisect_left(peps, term_start)
            met = peps[i] if i < count and peps[i] <= term_end else None
            if met is None and period.end is not None and period.end <= term_end:
                continue  # the period ended within the term: it lapsed
            version = only if only is not None else version_of(duty, term_start)
            if version is None or term_start < version.in_force_from:
                continue
            met_on = met if met is None or met <= as_of else None
            if fast:
                if met_on is not None:
                    status = Status.MET if met_on <= term_end else Status.MET_LATE
                elif closed_on is not None and term_end < closed_on:
                    status = Status.MISSED
                else:
                    status = Status.OVERDUE if term_end < as_of else Status.DUE
                made = _blank()  # new_obligation() inlined: one a term for most children
                made.duty = duty
                made.version = version
                made.child_id = child_id
                made.trigger = term_start
                made.due = term_end
                made.met_on = met_on
                made.status = status
                made.about = term_about
                made.reason = ""
                made.closed_on = closed_on if status is Status.MISSED else None
                made.__class__ = Obligation  # type: ignore[assignment]
                out(made)  # type: ignore[arg-type]
            else:
                unseen = window_start is not None and term_start < window_start and met is None
                emit(
                    duty,
                    version,
                    term_start,
                    term_end,
                    met_on,
                    term_about,
                    "peps",
                    closed_on,
                    Status.NOT_ASSESSABLE if unseen else None,
                    "Part of the term lies before the data's PEPs." if unseen else "",
                )
