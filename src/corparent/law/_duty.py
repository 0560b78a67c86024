"""A duty of the council as corporate parent, as dated, cited data (OpenFisca-style)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from corparent.law._citation import Citation, Force
from corparent.law._rules import DeadlineRule
from corparent.principles import Principle

__all__ = ["Duty", "DutyVersion", "Recurrence", "Trigger"]


class Trigger(enum.Enum):
    """What starts a duty's clock."""

    BECAME_LOOKED_AFTER = "the child became looked after"
    FIRST_PLACEMENT = "the first placement of a period of care"
    PLACEMENT_STARTED = "a placement started"
    FIRST_REVIEW = "the first review was held"
    PREVIOUS_EVENT = "the previous one was done"
    PLACEMENT_ORDER = "the authority was authorised to place for adoption"
    PLACED_FOR_ADOPTION = "the child was placed for adoption"
    FIRST_SHORT_BREAK = "the first short break began"
    SCHOOL_TERM = "a school term began"
    BECAME_ELIGIBLE = "the 16th birthday, or becoming an eligible child if later"
    BECAME_RELEVANT = "becoming a relevant or former relevant child"
    ACCOMMODATION_PROVIDED = "the authority first provided accommodation to a care leaver"
    CONNECTED_PERSON_PLACEMENT = "a child was placed with a temporarily approved connected person"
    APPROVAL_EXTENDED = "a connected person's temporary approval was extended"
    EMERGENCY_PLACEMENT = "an emergency placement outside the carer's terms of approval"
    PLACED_WITH_PARENT = "a child in care was placed with a parent before assessment"
    ASSESSMENT_COMPLETED = "the assessment of the parent was completed"
    DATE_OF_BIRTH = "the young person's date of birth (an entitlement that ends at an age)"
    CARER_APPROVED = "the foster carer was approved, or last reviewed"
    CONTACT_REQUESTED = "the child or young person asked to be contacted"
    CARE_ORDER_AT_HOME = "a care order was made while the child lives with a parent"
    PLACEMENT_MOVED = "the child moved to a new placement"
    PLACED_IN_EMERGENCY = "a child was placed in an emergency"
    REMANDED = "the child was remanded to local authority accommodation"
    CONTINUING_CARE_STARTED = "continuing care began, or the last welfare assessment"
    PANEL_RECOMMENDATION = "the fostering panel made its recommendation"
    EDUCATION_NOTIFIED = "the authority was told the young person is in education or training"
    PLACEMENT_ENDED = "the authority ended a placement"
    CEASED_LOOKED_AFTER = "the child or young person ceased to be looked after"
    DETAINED = "a child who ceased to be looked after on being sentenced was detained"


class Recurrence(enum.Enum):
    """How often a duty arises."""

    ONCE_PER_PERIOD = "once in each period of care"
    ONCE_PER_PLACEMENT = "once for each placement"
    ONCE = "once"
    REPEATING = "repeatedly, each time from the previous one"
    PER_TERM = "once each school term"
    WINDOW = "an entitlement that lasts until an age"


def _date(instance: object, attribute: attrs.Attribute[dt.date], value: dt.date) -> None:
    if value.__class__ is not dt.date:
        raise TypeError(f"{attribute.name} must be a datetime.date")


@attrs.frozen(kw_only=True)
class DutyVersion:
    """One version of a duty's rule, in force from one date (until another).

    Attributes:
        in_force_from: The first day this version applies (by trigger date).
        until: The last day it applies, or ``None``.
        rule: The deadline rule.
        citation: The provision that makes it law.
    """

    in_force_from: dt.date = attrs.field(validator=_date)
    until: dt.date | None = None
    rule: DeadlineRule
    citation: Citation

    def in_force_on(self, day: dt.date) -> bool:
        """True if this version applies to a trigger on ``day``."""
        return self.in_force_from <= day and (self.until is None or day <= self.until)


def _versions(values: Iterable[DutyVersion]) -> tuple[DutyVersion, ...]:
    versions = tuple(sorted(values, key=lambda v: v.in_force_from))
    if not versions:
        raise ValueError("a duty needs at least one version")
    return versions


def _principles(values: Iterable[Principle]) -> tuple[Principle, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Duty:
    """A duty of the corporate parent with a computable timescale.

    Attributes:
        id: A stable id (never changes once released), used in findings and reports.
        title: A short title.
        force: Statute, regulation, statutory guidance, practice or local.
        principles: The corporate parenting principles (CSWA 2017 s.1) it serves.
        applies_to: Who it applies to, in words.
        trigger: What starts the clock.
        recurrence: How often it arises.
        discharged_by: What shows it was done, in words (e.g. "a review of the child's case").
        resets: What restarts it, in words.
        versions: Its dated versions, oldest first.
        tightens: For a local standard, the id of the statutory duty it tightens.
        notes: Ambiguities and how corparent reads them.
        evidence: The kind of evidence that discharges it: the name of the
            :class:`~corparent.model.CaseRecord` field (or ``Carer`` field for carers' duties)
            holding those events, e.g. ``"reviews"``; empty for an entitlement no event
            discharges. A record's evidence window for this kind decides what can be judged.
    """

    id: str
    title: str
    force: Force
    principles: tuple[Principle, ...] = attrs.field(converter=_principles)
    applies_to: str
    trigger: Trigger
    recurrence: Recurrence
    discharged_by: str
    resets: str = ""
    versions: tuple[DutyVersion, ...] = attrs.field(converter=_versions)
    tightens: str | None = None
    notes: str = ""
    evidence: str = ""

    @property
    def current(self) -> DutyVersion:
        """The newest version."""
        return self.versions[-1]

    @property
    def rule(self) -> DeadlineRule:
        """The newest version's rule."""
        return self.current.rule

    @property
    def citation(self) -> Citation:
        """The newest version's citation."""
        return self.current.citation

    @property
    def in_force_from(self) -> dt.date:
        """The day the first version came into force."""
        return self.versions[0].in_force_from

    @property
    def until(self) -> dt.date | None:
        """The last day the newest version applies, or ``None``."""
        return self.current.until

    def version_at(self, day: dt.date) -> DutyVersion | None:
        """The version in force for a trigger on ``day``, or ``None`` if none was."""
        for version in reversed(self.versions):
            if version.in_force_on(day):
                return version
        return None
