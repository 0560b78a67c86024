"""Local standards: a council's promises that tighten a statutory duty or add a local one.

A standard that tightens a duty becomes its own duty (force ``LOCAL``) beside the statutory one,
with the same trigger and a stricter rule. "Stricter" is proved, not assumed: for every trigger
day from 2000 to 2040 the local due date must be on or before the statutory one, which the O(1)
calendar makes cheap. A standard that would loosen the law is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Protocol

import attrs

from corparent.errors import ConfigError, Problem
from corparent.law._citation import Citation, Force
from corparent.law._conventions import Conventions
from corparent.law._duty import Duty, DutyVersion, Recurrence, Trigger
from corparent.law._rules import DeadlineRule
from corparent.law._ruleset import RuleSet
from corparent.principles import Principle

__all__ = ["LocalStandard", "SupportsStandards", "apply_standards", "never_later"]

PROOF_START = dt.date(2000, 1, 1)
PROOF_END = dt.date(2040, 12, 31)


def _principles(values: Iterable[Principle]) -> tuple[Principle, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class LocalStandard:
    """A measurable local promise.

    Attributes:
        id: The id of the local duty it becomes, e.g. ``"bnes.social_worker_contact"``.
        title: A short title.
        rule: The local deadline rule.
        tightens: The id of the statutory duty it tightens, or ``None`` for a local duty with
            its own trigger.
        trigger: For a local duty of its own, what starts its clock.
        text: The promise as the council wrote it.
        source: Who made it (e.g. the council's name).
        principles: The principles it serves (defaults to those of the duty it tightens).
    """

    id: str
    title: str
    rule: DeadlineRule
    tightens: str | None = None
    trigger: Trigger | None = None
    text: str = ""
    source: str = ""
    principles: tuple[Principle, ...] = attrs.field(default=(), converter=_principles)


class SupportsStandards(Protocol):
    """Anything that carries local standards, such as a council's pledge."""

    @property
    def standards(self) -> Iterable[LocalStandard]: ...


def never_later(
    local: DeadlineRule,
    statutory: Duty,
    conventions: Conventions | None = None,
    start: dt.date = PROOF_START,
    end: dt.date = PROOF_END,
) -> dt.date | None:
    """The first trigger day on which ``local`` would be due later than ``statutory``, or
    ``None`` if it never is (checked for every day from ``start`` to ``end``)."""
    conventions = conventions or Conventions()
    day = start
    one = dt.timedelta(days=1)
    while day <= end:
        version = statutory.version_at(day)
        if version is not None and local.due(day, conventions) > version.rule.due(day, conventions):
            return day
        day += one
    return None


def _standards(source: Any) -> tuple[LocalStandard, ...]:
    items = getattr(source, "standards", source)
    standards = tuple(items)
    for index, item in enumerate(standards):
        if not isinstance(item, LocalStandard):
            raise ConfigError(
                [
                    Problem(
                        code="not_a_standard",
                        message="expected a LocalStandard",
                        path=f"standards[{index}]",
                        value=type(item).__name__,
                    )
                ]
            )
    return standards


def apply_standards(ruleset: RuleSet, source: Any) -> RuleSet:
    """A copy of ``ruleset`` with each standard of ``source`` added as a local duty.

    Raises:
        ConfigError: a standard names an unknown duty, or would loosen the duty it tightens.
    """
    problems: list[Problem] = []
    duties: list[Duty] = []
    for index, standard in enumerate(_standards(source)):
        path = f"standards[{index}]"
        if standard.tightens is None:
            if standard.trigger is None:
                problems.append(
                    Problem(
                        code="standard_without_trigger",
                        message=f"local standard {standard.id} tightens no duty and has no trigger",
                        path=path,
                    )
                )
                continue
            duties.append(_local_duty(standard, None))
            continue
        statutory = ruleset.get(standard.tightens)
        if statutory is None:
            problems.append(
                Problem(
                    code="unknown_duty",
                    message=f"local standard {standard.id} tightens an unknown duty",
                    path=f"{path}.tightens",
                    value=standard.tightens,
                )
            )
            continue
        later = never_later(standard.rule, statutory, ruleset.conventions)
        if later is not None:
            problems.append(
                Problem(
                    code="standard_loosens_duty",
                    message=(
                        f"local standard {standard.id} ({standard.rule.describe()}) would be due "
                        f"later than {statutory.id} ({statutory.rule.describe()}, "
                        f"{statutory.citation.short}) for a trigger on {later.isoformat()}"
                    ),
                    path=path,
                    expected="a rule never later than the statutory one",
                )
            )
            continue
        duties.append(_local_duty(standard, statutory))
    if problems:
        raise ConfigError(problems, headline="local standards refused")
    return ruleset.with_duties(*duties)


def _local_duty(standard: LocalStandard, statutory: Duty | None) -> Duty:
    citation = Citation(
        instrument=standard.source or "local standard",
        provision=standard.title,
        checked="a council's own promise",
    )
    start = statutory.in_force_from if statutory else dt.date(2000, 1, 1)
    return Duty(
        id=standard.id,
        title=standard.title,
        force=Force.LOCAL,
        principles=standard.principles or (statutory.principles if statutory else ()),
        applies_to=statutory.applies_to if statutory else "as the council's promise says",
        trigger=statutory.trigger if statutory else (standard.trigger or Trigger.PREVIOUS_EVENT),
        recurrence=statutory.recurrence if statutory else Recurrence.ONCE,
        discharged_by=statutory.discharged_by if statutory else "as the promise says",
        versions=[DutyVersion(in_force_from=start, rule=standard.rule, citation=citation)],
        tightens=statutory.id if statutory else None,
        notes=standard.text,
    )
