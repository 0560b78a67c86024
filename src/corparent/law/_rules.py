"""The deadline vocabulary of the law as small typed rules.

Each rule turns a trigger date into the date by which the duty must be done, under the
:class:`~corparent.law.Conventions` in force, and says in words what it does. Rules are values:
two rules are equal when they say the same thing.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

import attrs

from corparent.dates import add_months, add_weeks, birthday

if TYPE_CHECKING:
    from corparent.law._conventions import Conventions, SchoolTerm

__all__ = [
    "AfterPeriodBeginningWith",
    "Asap",
    "BeforeEvent",
    "DeadlineRule",
    "EndOfSchoolTerm",
    "IntervalMaxMonths",
    "IntervalMaxWeeks",
    "NotMoreThanMonthsAfter",
    "PeriodNotExceedingWeeks",
    "PeriodNotExceedingWorkingDays",
    "UntilAge",
    "WithinDays",
    "WithinWeeks",
    "WithinWorkingDays",
    "ordinal",
    "term_containing",
]

_ONE_DAY = dt.timedelta(days=1)


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or value < 0:
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be an int >= 0")


@attrs.frozen(kw_only=True)
class DeadlineRule:
    """Base of every rule: ``due(trigger, conventions)`` and ``describe()``."""

    computable: bool = attrs.field(default=True, init=False)
    """False for rules with no computable date (as soon as reasonably practicable)."""

    def due(self, trigger: dt.date, conventions: Conventions) -> dt.date:
        """The last day on which the duty is done in time."""
        raise NotImplementedError  # pragma: no cover - every concrete rule overrides it

    def describe(self) -> str:
        """The rule in words, e.g. ``"within 20 working days"``."""
        raise NotImplementedError  # pragma: no cover - every concrete rule overrides it


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


@attrs.frozen(kw_only=True)
class WithinWorkingDays(DeadlineRule):
    """The n-th working day after the trigger ("within 10 working days of the placement").

    The trigger day is not counted unless ``Conventions.count_trigger_day``;
    bank holidays are those of ``Conventions.calendar``.
    """

    days: int = attrs.field(validator=_positive)

    def due(self, trigger: dt.date, conventions: Conventions) -> dt.date:
        return conventions.calendar.add_working_days(
            trigger, self.days, count_trigger_day=conventions.count_trigger_day
        )

    def describe(self) -> str:
        return f"within {_plural(self.days, 'working day')}"


@attrs.frozen(kw_only=True)
class WithinDays(DeadlineRule):
    """Trigger + n calendar days ("within 7 days")."""

    days: int = attrs.field(validator=_positive)

    def due(self, trigger: dt.date, conventions: Conventions) -> dt.date:
        return trigger + dt.timedelta(days=self.days)

    def describe(self) -> str:
        return f"within {_plural(self.days, 'day')}"


@attrs.frozen(kw_only=True)
class WithinWeeks(DeadlineRule):
    """Trigger + 7n days ("within one week of the start of the placement")."""

    weeks: int = attrs.field(validator=_positive)

    def due(self, trigger: dt.date, conventions: Conventions) -> dt.date:
        return add_weeks(trigger, self.weeks)

    def describe(self) -> str:
        return f"within {_plural(self.weeks, 'week')}"


@attrs.frozen(kw_only=True)
class NotMoreThanMonthsAfter(DeadlineRule):
    """The corresponding date n months later, clamped to the month's end (*Dodds v Walker*)."""

    months: int = attrs.field(validator=_positive)

    def due(self, trigger: dt.date, conventions: Conventions) -> dt.date:
        return add_months(trigger, self.months)

    def describe(self) -> str:
        return f"not more than {_plural(self.months, 'month')} after"


@attrs.frozen(kw_only=True)
class IntervalMaxMonths(NotMoreThanMonthsAfter):
    """ "At intervals of not more than n months": n months after the previous actual event."""

    def describe(self) -> str:
        return f"at intervals of not more than {_plural(self.months, 'month')}"


@attrs.frozen(kw_only=True)
class IntervalMaxWeeks(DeadlineRule):
    """ "At intervals of not more than n weeks": 7n days after the previous actual event."""

    weeks: int = attrs.field(validator=_positive)

    def due(self, trigger: dt.date, conventions: Conventions) -> dt.date:
        return add_weeks(trigger, self.weeks)

    def describe(self) -> str:
        return f"at intervals of not more than {_plural(self.weeks, 'week')}"


@attrs.frozen(kw_only=True)
class PeriodNotExceedingWeeks(DeadlineRule):
    """The last day of a period "not exceeding n weeks" that starts on the trigger day.

    By default the period includes the trigger day, so its last day is trigger + 7n - 1
    (16 weeks from Fri 1 Mar 2024 ends Thu 20 Jun 2024); ``Conventions.period_includes_trigger``
    ``=False`` gives trigger + 7n.
    """

    weeks: int = attrs.field(validator=_positive)

    def due(self, trigger: dt.date, conventions: Conventions) -> dt.date:
        end = add_weeks(trigger, self.weeks)
        return end - _ONE_DAY if conventions.period_includes_trigger else end

    def describe(self) -> str:
        return f"for a period not exceeding {_plural(self.weeks, 'week')}"


@attrs.frozen(kw_only=True)
class PeriodNotExceedingWorkingDays(DeadlineRule):
    """The last working day of a period "no longer than n working days" from the trigger.

    Counts like :class:`WithinWorkingDays` (6 working days from Thu 19 Dec 2024 ends
    Tue 31 Dec 2024, or Mon 30 Dec 2024 if the trigger day counts).
    """

    days: int = attrs.field(validator=_positive)

    def due(self, trigger: dt.date, conventions: Conventions) -> dt.date:
        return conventions.calendar.add_working_days(
            trigger, self.days, count_trigger_day=conventions.count_trigger_day
        )

    def describe(self) -> str:
        return f"for no longer than {_plural(self.days, 'working day')}"


@attrs.frozen(kw_only=True)
class UntilAge(DeadlineRule):
    """An entitlement that lasts until the day before the given birthday (the trigger is the
    date of birth): "until 25" ends at the start of the 25th birthday."""

    age: int = attrs.field(validator=_positive)

    def due(self, trigger: dt.date, conventions: Conventions) -> dt.date:
        return birthday(trigger, self.age, conventions.leap_day) - _ONE_DAY

    def describe(self) -> str:
        return f"until the {ordinal(self.age)} birthday"


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``21st``, ``25th``.

    >>> " ".join(ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 18, 21, 22, 23, 25, 111))
    '1st 2nd 3rd 4th 11th 12th 13th 18th 21st 22nd 23rd 25th 111th'
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@attrs.frozen(kw_only=True)
class BeforeEvent(DeadlineRule):
    """Due before an event the record shows ("before the child's case is first reviewed"),
    and in any case by a long-stop date when the event has not happened yet.

    The due date is the earlier of the event's date (the same day allowed) and the long-stop;
    the rule alone gives the long-stop (the trigger day itself without one), and the engine
    brings the event's date.
    """

    event: str
    long_stop: DeadlineRule | None = None

    def due(self, trigger: dt.date, conventions: Conventions) -> dt.date:
        return trigger if self.long_stop is None else self.long_stop.due(trigger, conventions)

    def describe(self) -> str:
        if self.long_stop is None:
            return f"before {self.event}"
        return f"before {self.event}, and at the latest {self.long_stop.describe()}"


@attrs.frozen(kw_only=True)
class AfterPeriodBeginningWith(DeadlineRule):
    """ "As soon as reasonably practicable after the end of the n days beginning with" the
    trigger: the period includes the trigger day, so it ends on trigger + n - 1, and nothing
    done inside it counts. The due date is the first day after the period (the strictest
    reading of "as soon as practicable")."""

    days: int = attrs.field(validator=_positive)

    def due(self, trigger: dt.date, conventions: Conventions) -> dt.date:
        return trigger + dt.timedelta(days=self.days)

    def describe(self) -> str:
        return (
            f"as soon as reasonably practicable after the {_plural(self.days, 'day')} "
            "beginning with"
        )


@attrs.frozen(kw_only=True)
class Asap(DeadlineRule):
    """ "As soon as reasonably practicable": no computable date; open until done."""

    computable: bool = attrs.field(default=False, init=False)

    def due(self, trigger: dt.date, conventions: Conventions) -> dt.date:
        return trigger

    def describe(self) -> str:
        return "as soon as reasonably practicable"


@attrs.frozen(kw_only=True)
class EndOfSchoolTerm(DeadlineRule):
    """The last day of the school term containing the trigger (or of the next term, when the
    trigger falls in a holiday between terms). Terms come from ``Conventions.school_terms``."""

    def due(self, trigger: dt.date, conventions: Conventions) -> dt.date:
        return term_containing(trigger, conventions)[1]

    def describe(self) -> str:
        return "by the end of the school term"


def term_containing(day: dt.date, conventions: Conventions) -> tuple[dt.date, dt.date]:
    """The (first, last) days of the term containing ``day``, or of the next term."""
    return _term_containing(day, conventions.school_terms)


@functools.lru_cache(maxsize=65_536)
def _term_containing(day: dt.date, terms: tuple[SchoolTerm, ...]) -> tuple[dt.date, dt.date]:
    best: tuple[dt.date, dt.date] | None = None
    for year in (day.year - 1, day.year, day.year + 1):
        for term in terms:
            start = dt.date(year, *term.start)
            end_year = year if term.end >= term.start else year + 1
            end = dt.date(end_year, *term.end)
            if end >= day and (best is None or end < best[1]):
                best = (start, end)
    assert best is not None
    return best
