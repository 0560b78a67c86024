"""What a check sees besides the record: :class:`CheckContext`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import cast

import attrs

from corparent.checks._finding import Finding, Severity, _made
from corparent.checks._spec import CheckSpec
from corparent.dates import require_date
from corparent.errors import CorparentError
from corparent.law import Conventions, Force, LeaverStatus, RuleSet
from corparent.leaving_care import StatusPeriod, status_timeline
from corparent.model import CaseRecord
from corparent.principles import Principle
from corparent.schedule import Schedule, schedule

__all__ = ["CheckContext", "ScheduleUnavailable"]


class ScheduleUnavailable(CorparentError):
    """The record's schedule could not be computed, so a check that needs it cannot run."""


def _as_of(instance: object, attribute: attrs.Attribute[dt.date], value: dt.date) -> None:
    require_date(value, attribute.name)


@attrs.frozen(kw_only=True)
class CheckContext:
    """The run's settings and the record's schedule, shared by every check on one record.

    The runner makes one context per record and computes the record's schedule
    (``corparent.schedule.Schedule``) at most once, the first time a check asks for
    :attr:`schedule`, sharing it with every other check on that record: checks never recompute
    deadlines. The young person's leaving-care statuses (:meth:`leaver_status`) are shared the
    same way.

    Attributes:
        as_of: The date the run looks from (findings are as at this day).
        rules: The rule set in force (``corparent.law.ENGLAND`` unless overlaid).
        conventions: The counting conventions.
        record: The record being checked.
        check: The check being run (the runner sets it; :meth:`finding` reads its id, severity
            and principles).

    .. versionadded:: 0.1
    """

    as_of: dt.date = attrs.field(validator=_as_of)
    rules: RuleSet
    conventions: Conventions
    record: CaseRecord = attrs.field(repr=False)
    check: CheckSpec | None = None
    _cache: dict[str, object] = attrs.field(factory=dict, eq=False, repr=False, alias="cache")

    @property
    def schedule(self) -> Schedule:
        """The record's schedule as at ``as_of``, computed once per record.

        Raises:
            ScheduleUnavailable: computing it raised (the cause is chained).
        """
        cached = self._cache.get("schedule")
        if cached is None:
            source = self._cache.get("schedule_source")
            try:
                if source is not None:  # the runner's batch engine already has it
                    assert callable(source)
                    cached = source()
                else:
                    cached = schedule(
                        self.record, self.as_of, rules=self.rules, conventions=self.conventions
                    )
            except Exception as exc:  # reported as a crash of each check that needs it
                cached = exc
            self._cache["schedule"] = cached
        if isinstance(cached, BaseException):
            raise ScheduleUnavailable(
                f"schedule could not be computed for child {self.record.id}: "
                f"{type(cached).__name__}"
            ) from cached
        assert isinstance(cached, Schedule)
        return cached

    def leaver_status(self, day: dt.date) -> LeaverStatus:
        """The young person's leaving-care status on ``day`` (as
        :func:`corparent.leaving_care.care_leaver_status` gives it), from a timeline computed
        once per record and shared by every check."""
        timeline = self._cache.get("leaver_timeline")
        if timeline is None:
            timeline = status_timeline(self.record, conventions=self.conventions)
            self._cache["leaver_timeline"] = timeline
        assert isinstance(timeline, tuple)
        period: StatusPeriod
        for period in timeline:
            if period.covers(day):
                return period.status
        return LeaverStatus.NONE

    def computed_schedule(self) -> Schedule | None:
        """The record's schedule if a check has already computed it, else ``None`` (never
        computes it)."""
        cached = self._cache.get("schedule")
        return cached if isinstance(cached, Schedule) else None

    def provide_schedule(self, source: Callable[[], Schedule]) -> None:
        """Have :attr:`schedule` come from ``source`` (called at most once) instead of
        :func:`corparent.schedule.schedule`: the runner passes its batch engine's result."""
        self._cache["schedule_source"] = source

    def bind(self, spec: CheckSpec | None) -> CheckContext:
        """This context, now running ``spec``: the runner keeps one context per record and
        rebinds it to each check in turn (a check must not keep its context after it ends)."""
        object.__setattr__(self, "check", spec)
        return self

    def for_check(self, spec: CheckSpec) -> CheckContext:
        """The same context (sharing the computed schedule) for another check."""
        return CheckContext(
            as_of=self.as_of,
            rules=self.rules,
            conventions=self.conventions,
            record=self.record,
            check=spec,
            cache=self._cache,
        )

    def finding(
        self,
        record: CaseRecord,
        *,
        message: str,
        severity: Severity | None = None,
        duty_id: str | None = None,
        due: dt.date | None = None,
        days_overdue: int | None = None,
        citation: str | None = None,
        principles: Iterable[Principle] | None = None,
        force: Force | None = None,
        code: str | None = None,
    ) -> Finding:
        """A :class:`Finding` about ``record``, with the check's id, severity and principles.

        Args:
            record: The record the finding is about (only its id is kept).
            message: One sentence, without personal data.
            severity: Overrides the check's default severity.
            duty_id: The duty concerned.
            due: When it fell due.
            days_overdue: Days past ``due``.
            citation: The provision behind the duty.
            principles: Overrides the check's principles.
            force: The duty's legal force.
            code: A machine-readable sub-kind.
        """
        spec = self.check
        return _made(
            spec.id if spec is not None else "adhoc.check",
            severity or (spec.severity if spec is not None else Severity.WARNING),
            record.id,
            message,
            duty_id,
            due,
            days_overdue,
            citation,
            principles if principles is not None else (spec.principles if spec else ()),
            force,
            code,
        )


# -- for the runner ---------------------------------------------------------------------------

_SLOTS = ("as_of", "rules", "conventions", "record", "check", "_cache")
assert tuple(f.name for f in attrs.fields(CheckContext)) == _SLOTS, "set each field below"

_Bind = Callable[[CheckContext, CheckSpec | None], None]
_bind = cast(_Bind, vars(CheckContext)["check"].__set__)
"""``_bind(ctx, spec)``: as :meth:`CheckContext.bind`, without the method call (the runner
rebinds the context of each record to each check: 900,000 times on 100,000 children)."""


def _context_maker(
    as_of: dt.date,
) -> Callable[[RuleSet, Conventions, CaseRecord], CheckContext]:
    """The runner's constructor of one record's context for a run as at ``as_of``: the same
    object as ``CheckContext(as_of=as_of, rules=..., conventions=..., record=...)``, with
    ``as_of`` checked once here instead of once per record and the slots set directly (the
    attrs constructor cost 0.07 s on 100,000 children)."""
    require_date(as_of, "as_of")
    new = object.__new__
    s_as_of, s_rules, s_conventions, s_record, s_check, s_cache = (
        vars(CheckContext)[name].__set__ for name in _SLOTS
    )

    def make(rules: RuleSet, conventions: Conventions, record: CaseRecord) -> CheckContext:
        ctx: CheckContext = new(CheckContext)
        s_as_of(ctx, as_of)
        s_rules(ctx, rules)
        s_conventions(ctx, conventions)
        s_record(ctx, record)
        s_check(ctx, None)
        s_cache(ctx, {})
        return ctx

    return make
