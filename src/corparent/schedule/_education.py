"""Personal Education Plans: CPPCR 2010 Sch 1 para 2 and statutory guidance."""

from __future__ import annotations

import datetime as dt

from corparent.dates import birthday
from corparent.model import PeriodOfCare
from corparent.schedule._obligation import Status
from corparent.schedule._run import ONE_DAY, Run, event_dates

__all__ = ["plan_education"]


class _SchoolAge:
    """Whether the child is 5 or over and under 16 on a day: from the 5th birthday to the day
    before the 16th (an age is attained at the start of its birthday)."""

    __slots__ = ("born", "fifth", "leap_day", "record", "sixteenth")

    def __init__(self, run: Run) -> None:
        self.record = run.record
        self.leap_day = run.conventions.leap_day
        self.born = self.record.child.date_of_birth
        self.fifth = birthday(self.born, 5, self.leap_day)
        self.sixteenth = birthday(self.born, 16, self.leap_day)

    def __call__(self, day: dt.date) -> bool:
        if day < self.born:
            self.record.age_on(day, self.leap_day)  # raises: no age before the date of birth
        return self.fifth <= day < self.sixteenth


def plan_education(run: Run, period: PeriodOfCare, about: str) -> None:
    record = run.record
    peps = event_dates(record.peps, period.start, period.end)
    school_age = _SchoolAge(run)
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
    # Every term start lies on or after the period's start, so after the date of birth.
    fifth, sixteenth = school_age.fifth, school_age.sixteenth
    looked_after_on = record.looked_after_on
    version_of = run.version_of
    emit = run.emit_known
    window_start = window.start
    while day <= last:
        term_start, term_end = term(day)
        if term_start < day:
            term_start = day
        if term_start > last:
            break
        if fifth <= term_start < sixteenth and looked_after_on(term_start):
            met = None
            for pep in peps:
                if term_start <= pep <= term_end:
                    met = pep
                    break
            lapsed = met is None and period.end is not None and period.end <= term_end
            version = None if lapsed else version_of(duty, term_start)
            if version is not None:
                unseen = window_start is not None and term_start < window_start and met is None
                emit(
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
