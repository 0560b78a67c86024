"""Facts that change which duty applies, each holding over a period (start and end inclusive)."""

from __future__ import annotations

import datetime as dt

import attrs

from corparent.model._base import Period, check_optional_date

__all__ = [
    "AccommodationProvided",
    "ConnectedPersonApproval",
    "EmergencyPlacement",
    "EmergencyPlacementOutsideApproval",
    "LongTermFosterPlacement",
    "PlacementUntil18",
    "PlacementWithParentPendingAssessment",
    "ReducedVisitsConsent",
    "ShortBreakArrangement",
    "StayingPut",
]


@attrs.frozen(kw_only=True)
class LongTermFosterPlacement(Period):
    """The placement is designated a long-term foster placement (CPPCR 2010 reg 2, 2015)."""


@attrs.frozen(kw_only=True)
class ReducedVisitsConsent(Period):
    """The child agrees to visits at most six-monthly in a long-term foster placement
    (CPPCR 2010 reg 28(3A))."""


@attrs.frozen(kw_only=True)
class PlacementUntil18(Period):
    """The placement is intended to last until the child is 18 (CPPCR 2010 reg 28(2)(c))."""


@attrs.frozen(kw_only=True)
class AccommodationProvided(Period):
    """The authority provides accommodation to a relevant or former relevant child
    (CA 1989 s.23B(8) or s.24B; CLR 2010 reg 8(2))."""


@attrs.frozen(kw_only=True)
class StayingPut(Period):
    """A staying-put arrangement with the former foster carer (CA 1989 s.23CZA)."""


@attrs.frozen(kw_only=True)
class ConnectedPersonApproval(Period):
    """Temporary approval of a connected person as foster carer (CPPCR 2010 regs 24-25).

    Attributes:
        extended_on: The day the temporary approval was extended under reg 25, if it was.
        full_approval_on: The day the connected person was approved as a foster carer.
    """

    extended_on: dt.date | None = attrs.field(default=None, validator=check_optional_date)
    full_approval_on: dt.date | None = attrs.field(default=None, validator=check_optional_date)


@attrs.frozen(kw_only=True)
class ShortBreakArrangement(Period):
    """An agreed series of short breaks to which CPPCR 2010 reg 48 applies."""


@attrs.frozen(kw_only=True)
class PlacementWithParentPendingAssessment(Period):
    """A child in care placed with a parent before assessment (CPPCR 2010 reg 19).

    Attributes:
        assessment_completed_on: The day the assessment (and review) was completed.
        decision_on: The day the placement decision was approved.
    """

    assessment_completed_on: dt.date | None = attrs.field(
        default=None, validator=check_optional_date
    )
    decision_on: dt.date | None = attrs.field(default=None, validator=check_optional_date)


@attrs.frozen(kw_only=True)
class EmergencyPlacementOutsideApproval(Period):
    """An emergency placement with a foster carer whose approval does not fit the child
    (CPPCR 2010 reg 23).

    Attributes:
        approval_amended_on: The day the carer's terms of approval were amended, if they were.
    """

    approval_amended_on: dt.date | None = attrs.field(default=None, validator=check_optional_date)


@attrs.frozen(kw_only=True)
class EmergencyPlacement(Period):
    """A placement made in an emergency under the Looked After Children (Scotland) Regulations
    2009 reg 36 (at most 3 working days, reviewed within 3 working days under reg 38).

    Attributes:
        continued_on: The day the placement was continued or replaced after the reg 38 review
            (e.g. under reg 39), if it was.
    """

    continued_on: dt.date | None = attrs.field(default=None, validator=check_optional_date)
