"""Shorthand shared by the Welsh, Scottish and Northern Irish rule sets.

Every citation carries how its text was checked: ``[V]`` read in the instrument, ``[S]`` from a
secondary source, ``[R]`` recalled or inferred (or only partly read). A duty whose rule rests on
``[R]`` text is *provisional*: its citation says so in every finding and listing, and
:func:`is_provisional` tells code. Prospective law (enacted, not yet in force) is a version in
force from :data:`PROSPECTIVE`, switched on with :func:`commence` once a date is known.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from corparent.dates import add_months, add_weeks
from corparent.errors import ConfigError, Problem
from corparent.law._citation import Citation, Force, Verification
from corparent.law._conventions import Conventions
from corparent.law._duty import Duty, DutyVersion, Recurrence, Trigger
from corparent.law._rules import DeadlineRule
from corparent.law._ruleset import RuleSet
from corparent.principles import Principle

__all__ = [
    "PROSPECTIVE",
    "ShortBreakLimits",
    "WithinWeeksByConvention",
    "commence",
    "is_prospective",
    "is_provisional",
    "require_conventions",
    "restate",
    "tag",
]

PROSPECTIVE = dt.date.max
"""The ``in_force_from`` of a version that is law but not yet in force (no commencement date)."""

P = Principle
F = Force
T = Trigger
R = Recurrence

VERIFIED = "[V] wording read in the instrument"
SECONDARY = "[S] from an official secondary source (explanatory notes, guidance); primary not read"
RECALLED = "[R] not read in the instrument: provisional until checked against the current text"
PARTIAL = "[R] partial: the provision was read, the number used was not: provisional"


@attrs.frozen(kw_only=True)
class WithinWeeksByConvention(DeadlineRule):
    """Trigger + 7n days, where n is a :class:`~corparent.law.Conventions` field the law leaves
    unresolved. There is no default: using the rule while the field is ``None`` raises
    :class:`~corparent.errors.ConfigError` naming the field.
    """

    setting: str

    def weeks(self, conventions: Conventions) -> int:
        """The number of weeks the conventions set.

        Raises:
            ConfigError: the conventions leave it unset.
        """
        weeks: int | None = getattr(conventions, self.setting)
        if weeks is None:
            raise ConfigError(
                [
                    Problem(
                        code="convention_required",
                        message="the law as read leaves this period unresolved and corparent "
                        "will not guess it; set it explicitly",
                        path=f"Conventions.{self.setting}",
                        expected="a whole number of weeks (e.g. 2 or 4)",
                    )
                ],
                headline=f"Conventions.{self.setting} must be set to schedule this duty",
            )
        return weeks

    def due(self, trigger: dt.date, conventions: Conventions) -> dt.date:
        return add_weeks(trigger, self.weeks(conventions))

    def describe(self) -> str:
        return f"within the weeks set by Conventions.{self.setting} (unresolved in the law)"


def require_conventions(rules: RuleSet, conventions: Conventions) -> None:
    """Raise :class:`~corparent.errors.ConfigError` if a rule of ``rules`` needs a convention
    that ``conventions`` leaves unset (Northern Ireland's first review), before any record is
    scheduled."""
    for duty in rules:
        for v in duty.versions:
            if isinstance(v.rule, WithinWeeksByConvention):
                v.rule.weeks(conventions)


def cite(instrument: str, provision: str, checked: str, url: str = "") -> Citation:
    """A citation; an ``[R]`` one says "(provisional)" wherever it is shown."""
    letter = checked[1] if checked.startswith("[") and checked[2:3] == "]" else ""
    verification = Verification(letter) if letter in {"V", "S", "R"} else None
    return Citation(
        instrument=instrument,
        provision=provision,
        url=url,
        checked=checked,
        verification=verification,
    )


_EVIDENCE = (
    ("review_", "reviews"),
    ("emergency_placement_review", "reviews"),
    ("emergency_placement_", "emergency_placements"),
    ("visit_", "visits"),
    ("health_", "health_assessments"),
    ("care_plan_", "care_plans"),
    ("needs_assessment_", "needs_assessments"),
    ("continuing_care_welfare_", "needs_assessments"),
    ("pathway_plan_", "pathway_plans"),
    ("foster_approval_review", "carer_reviews"),
    ("connected_person_", "connected_person_approvals"),
    ("placement_with_parent_", "parent_placements_pending_assessment"),
)
"""The record field whose events discharge each duty, by id prefix (first match wins), as for
England; entitlement windows and duties no record field shows have none."""


def evidence_for(duty_id: str) -> str:
    """The :class:`~corparent.model.CaseRecord` field that discharges ``duty_id``, or ``""``."""
    return next((kind for prefix, kind in _EVIDENCE if duty_id.startswith(prefix)), "")


def version(
    rule: DeadlineRule, citation: Citation, in_force_from: dt.date, until: dt.date | None = None
) -> DutyVersion:
    """One dated version of a rule."""
    return DutyVersion(in_force_from=in_force_from, until=until, rule=rule, citation=citation)


def duty(
    id: str,
    title: str,
    *,
    force: Force,
    principles: tuple[Principle, ...],
    applies_to: str,
    trigger: Trigger,
    recurrence: Recurrence,
    discharged_by: str,
    versions: Iterable[DutyVersion],
    resets: str = "",
    notes: str = "",
) -> Duty:
    """A duty with its dated versions."""
    return Duty(
        id=id,
        title=title,
        force=force,
        principles=principles,
        applies_to=applies_to,
        trigger=trigger,
        recurrence=recurrence,
        discharged_by=discharged_by,
        resets=resets,
        versions=versions,
        notes=notes,
        evidence=evidence_for(id),
    )


def restate(
    base: Duty,
    citation: Citation,
    in_force_from: dt.date,
    *,
    rule: DeadlineRule | None = None,
    applies_to: str | None = None,
    notes: str | None = None,
) -> Duty:
    """``base`` (an English duty) as another nation's law: same id, trigger and discharge;
    its own rule (default: the same), citation and commencement."""
    return attrs.evolve(
        base,
        applies_to=base.applies_to if applies_to is None else applies_to,
        notes=base.notes if notes is None else notes,
        versions=[version(rule or base.rule, citation, in_force_from)],
    )


def tag(citation: Citation) -> str:
    """``"V"``, ``"S"`` or ``"R"``: how the citation's text was checked (``""`` if unsaid)."""
    checked = citation.checked.lstrip()
    if checked.startswith("[") and len(checked) > 2 and checked[2] == "]":
        return checked[1]
    return ""


def is_provisional(duty: Duty, day: dt.date | None = None) -> bool:
    """True if the version in force on ``day`` (default: the newest) rests on ``[R]`` text."""
    chosen = duty.current if day is None else duty.version_at(day)
    return chosen is not None and tag(chosen.citation) == "R"


def is_prospective(duty: Duty) -> bool:
    """True if the duty is enacted but not yet in force (no commencement date known)."""
    return duty.in_force_from == PROSPECTIVE


def commence(rules: RuleSet, duty_id: str, on: dt.date) -> RuleSet:
    """A copy of ``rules`` in which the prospective duty ``duty_id`` is in force from ``on``.

    Raises:
        ConfigError: no such duty, or it is not prospective.
    """
    base = rules.get(duty_id)
    if base is None or not is_prospective(base):
        raise ConfigError(
            [
                Problem(
                    code="not_prospective",
                    message="no prospective duty with this id in the rule set",
                    path=duty_id,
                    expected="the id of a duty not yet in force",
                )
            ]
        )
    versions = [
        attrs.evolve(v, in_force_from=on) if v.in_force_from == PROSPECTIVE else v
        for v in base.versions
    ]
    return rules.replace(attrs.evolve(base, versions=versions))


@attrs.frozen(kw_only=True)
class ShortBreakLimits:
    """When a series of short breaks counts as one arrangement (not a new looked-after
    placement each time), in one nation's law.

    Attributes:
        max_single_days: The longest single break, in days.
        max_total_days: The most days in total in any 12 months.
        citation: Where the limits come from.
    """

    max_single_days: int
    max_total_days: int
    citation: Citation

    def allows(self, breaks: Iterable[tuple[dt.date, dt.date]]) -> bool:
        """True if breaks (first and last night, inclusive) keep within both limits in every
        12-month window starting on a break's first day."""
        spans = sorted(breaks)
        for start, end in spans:
            if (end - start).days + 1 > self.max_single_days:
                return False
        for i, (start, _) in enumerate(spans):
            window_end = add_months(start, 12)
            total = 0
            for s, e in spans[i:]:
                if s >= window_end:
                    break
                total += (min(e, window_end - dt.timedelta(days=1)) - s).days + 1
            if total > self.max_total_days:
                return False
        return True
