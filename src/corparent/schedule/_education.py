"""Personal Education Plans: CPPCR 2010 Sch 1 para 2 and statutory guidance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from corparent.dates import birthday
from corparent.model import PeriodOfCare
from corparent.schedule._obligation import Status
from corparent.schedule._run import ONE_DAY, Run, event_dates

__all__ = ["plan_education"]


def _school_age(run: Run) -> Callable[[dt.date], bool]:
    """Whether the child is 5 or over and under 16 on a day: from the 5th birthday to the day
    before the 16th (an age is attained at the start of its birthday)."""
    record = run.record
    leap_day = run.conventions.leap_day
    born = record.child.date_of_birth
    fifth = birthday(born, 5, leap_day)
    sixteenth = birthday(born, 16, leap_day)

    def school_age(day: dt.date) -> bool:
        if day < born:
            record.age_on(day, leap_day)  # raises: no age before the date of birth
        return fifth <= day < sixteenth

    return school_age


def plan_education(run: Run, period: PeriodOfCare, about: str) -> None:
    record = run.record
    peps = event_dates(record.peps, period.start, period.end)
    school_age = _school_age(run)
    if school_age(period.start):
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
    shown_from = max(
        (w.start for w in (window, run.window("episodes")) if w.start is not None),
        default=period.start,
    )
    term = run.term
    day = term(max(period.start, shown_from))[1] + ONE_DAY
    closed_on = run.window_end(period.end)
    while day <= last:
        term_start, term_end = term(day)
        term_start = max(term_start, day)
        if term_start > last:
            break
        if school_age(term_start) and record.looked_after_on(term_start):
            met = None
            for pep in peps:
                if term_start <= pep <= term_end:
                    met = pep
                    break
            lapsed = met is None and period.end is not None and period.end <= term_end
            version = None if lapsed else run.version_of(duty, term_start)
            if version is not None:
                unseen = window.start is not None and term_start < window.start and met is None
                run.emit_known(
                    duty,
                    version,
                    term_start,
                    term_end,
                    met if met is None or met <= as_of else None,
                    f"school term from {term_start.isoformat()}",
                    "peps",
                    closed_on,
                    Status.NOT_ASSESSABLE if unseen else None,
                    "Part of the term lies before the data's PEPs." if unseen else "",
                )
        day = term_end + ONE_DAY
