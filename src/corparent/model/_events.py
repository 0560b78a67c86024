"""Events: things that happened on a day and may discharge a duty.

The SSDA903 return holds only reviews; the rest come from a council's own tables (for example
the Standard Safeguarding Dataset's ``ssd_cla_visits``, ``ssd_cla_health``) or from code.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from corparent.codes import ReviewParticipation
from corparent.errors import FieldTypeError
from corparent.model._base import (
    DatedEvent,
    check_date,
    check_optional_date,
    to_code,
    to_optional_code,
)

__all__ = [
    "CarePlan",
    "CeaseToLookAfterApproval",
    "ContactRequest",
    "DentalCheck",
    "HealthAssessment",
    "HealthAssessmentKind",
    "IROAppointment",
    "NeedsAssessment",
    "PathwayPlan",
    "PermanencePlan",
    "PersonalAdviserAppointment",
    "PersonalAdviserContact",
    "PersonalEducationPlan",
    "PlacementNotification",
    "PlacementPlan",
    "PlacementTerminationNotice",
    "PlanKind",
    "Review",
    "Visit",
]


class HealthAssessmentKind(enum.Enum):
    """Initial health assessment (by a registered medical practitioner) or a review."""

    INITIAL = "initial"
    REVIEW = "review"


class PlanKind(enum.Enum):
    """Whether a plan event is the plan's first preparation or a review of it."""

    INITIAL = "initial"
    REVIEW = "review"


def _participation(value: ReviewParticipation | str | None) -> ReviewParticipation | None:
    return to_optional_code(ReviewParticipation, value, "Review.participation")


def _health_kind(value: HealthAssessmentKind | str) -> HealthAssessmentKind:
    return to_code(HealthAssessmentKind, value, "HealthAssessment.kind")


def _plan_kind(value: PlanKind | str) -> PlanKind:
    return to_code(PlanKind, value, "kind")


@attrs.frozen(kw_only=True)
class Review(DatedEvent):
    """A review of the child's case (CPPCR 2010 Part 6; 903 Reviews: REVIEW, REVIEW_CODE).

    Attributes:
        participation: How the child took part (903 REVIEW_CODE, PN0-PN7; a member or the code).
    """

    participation: ReviewParticipation | None = attrs.field(default=None, converter=_participation)


@attrs.frozen(kw_only=True)
class Visit(DatedEvent):
    """A visit to the child by the social worker (CPPCR 2010 reg 28; SSD ``ssd_cla_visits``).

    ``seen`` is required: only a visit at which the child was seen discharges a visits duty,
    and corparent does not assume it.

    Attributes:
        seen: Whether the child was seen.
        seen_alone: Whether the child was seen alone (reg 29), when recorded.
    """

    seen: bool
    seen_alone: bool | None = None


@attrs.frozen(kw_only=True)
class HealthAssessment(DatedEvent):
    """An assessment of the child's health (CPPCR 2010 reg 7; SSD ``ssd_cla_health``).

    ``kind`` is required (a review is never counted as the initial assessment by default), and
    so is ``by_medical_practitioner`` for an initial assessment, which reg 7 requires a
    registered medical practitioner to carry out.

    Attributes:
        kind: Initial assessment or review (a member, or ``"initial"`` / ``"review"``).
        by_medical_practitioner: Whether done by a registered medical practitioner: required for
            an initial assessment (only then does it discharge the regulation's duty); may stay
            ``None`` (not recorded) for a review, which a nurse or midwife may carry out.
    """

    kind: HealthAssessmentKind = attrs.field(converter=_health_kind)
    by_medical_practitioner: bool | None = attrs.field(default=None)

    @by_medical_practitioner.validator
    def _check_practitioner(self, attribute: attrs.Attribute[Any], value: bool | None) -> None:
        if value is None and self.kind is HealthAssessmentKind.INITIAL:
            raise FieldTypeError(
                "HealthAssessment.by_medical_practitioner must be True or False for an initial "
                "assessment (the regulation requires a registered medical practitioner)"
            )
        if value is not None and not isinstance(value, bool):
            raise FieldTypeError(
                "HealthAssessment.by_medical_practitioner must be a bool or None, "
                f"not {type(value).__name__}"
            )


@attrs.frozen(kw_only=True)
class DentalCheck(DatedEvent):
    """A dental check (no statutory interval since 2011; 903 OC2 TEETH_CHECK counts them)."""


@attrs.frozen(kw_only=True)
class PersonalEducationPlan(DatedEvent):
    """A Personal Education Plan initiated or reviewed (CPPCR 2010 Sched 1 para 2; DfE 2018).

    Attributes:
        kind: Initiated or reviewed.
    """

    kind: PlanKind = attrs.field(default=PlanKind.INITIAL, converter=_plan_kind)


@attrs.frozen(kw_only=True)
class CarePlan(DatedEvent):
    """The care plan prepared or revised (CPPCR 2010 regs 4-6).

    Attributes:
        kind: Prepared or reviewed.
    """

    kind: PlanKind = attrs.field(default=PlanKind.INITIAL, converter=_plan_kind)


@attrs.frozen(kw_only=True)
class PlacementPlan(DatedEvent):
    """The placement plan for one placement (CPPCR 2010 reg 9).

    Attributes:
        placement_start: The start date of the placement the plan is for.
    """

    placement_start: dt.date = attrs.field(validator=check_date)


@attrs.frozen(kw_only=True)
class PlacementNotification(DatedEvent):
    """Notice of a placement sent to those reg 13 lists (CPPCR 2010 reg 13).

    Attributes:
        placement_start: The start date of the placement notified.
    """

    placement_start: dt.date = attrs.field(validator=check_date)


@attrs.frozen(kw_only=True)
class PathwayPlan(DatedEvent):
    """The pathway plan prepared or reviewed (CPPCR 2010 reg 43; CLR 2010 regs 6-7).

    Attributes:
        kind: Prepared or reviewed.
    """

    kind: PlanKind = attrs.field(default=PlanKind.INITIAL, converter=_plan_kind)


@attrs.frozen(kw_only=True)
class NeedsAssessment(DatedEvent):
    """The leaving-care needs assessment completed (CPPCR 2010 reg 42)."""


@attrs.frozen(kw_only=True)
class PersonalAdviserAppointment(DatedEvent):
    """A personal adviser appointed (CA 1989 Sched 2 para 19C, ss.23B, 23C, 23CZB)."""


@attrs.frozen(kw_only=True)
class PersonalAdviserContact(DatedEvent):
    """Contact between the personal adviser and the young person (CLR 2010 reg 8).

    Attributes:
        visit_at_accommodation: Whether it was a visit at accommodation the authority provides
            (the only contact with a statutory frequency: reg 8(2)).
    """

    visit_at_accommodation: bool = False


@attrs.frozen(kw_only=True)
class IROAppointment(DatedEvent):
    """An independent reviewing officer appointed for the child (CA 1989 s.25A)."""


@attrs.frozen(kw_only=True)
class ContactRequest(DatedEvent):
    """The child or young person asked to be contacted (a pledge standard: "we call you back").

    Attributes:
        responded_on: The day the council responded, or ``None``.
    """

    responded_on: dt.date | None = attrs.field(default=None, validator=check_optional_date)


@attrs.frozen(kw_only=True)
class PlacementTerminationNotice(DatedEvent):
    """Written notice that the authority ended a placement (CPPCR 2010 reg 14(2), (4)).

    Attributes:
        placement_start: The start date of the placement ended.
    """

    placement_start: dt.date = attrs.field(validator=check_date)


@attrs.frozen(kw_only=True)
class CeaseToLookAfterApproval(DatedEvent):
    """The nominated officer approved the decision to stop looking after the child
    (CPPCR 2010 reg 39)."""


@attrs.frozen(kw_only=True)
class PermanencePlan(DatedEvent):
    """The plan for permanence recorded in the care plan (CPPCR 2010 Sched 1; confirmed by the
    second review under the statutory guidance)."""
