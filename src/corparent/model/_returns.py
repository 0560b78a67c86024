"""The other tables of the SSDA903 return: yearly outcomes, missing, adoption, permanence."""

from __future__ import annotations

import datetime as dt

import attrs

from corparent.codes import (
    Accommodation,
    Activity,
    AdopterLegalStatus,
    AdopterSex,
    InTouch,
    MissingType,
    ReasonPlacedCeased,
    SdqReason,
)
from corparent.model._base import (
    DatedEvent,
    Period,
    check_date,
    check_optional_date,
    to_code,
    to_optional_code,
)

__all__ = [
    "AdoptionDecision",
    "DeprivationOfLiberty",
    "HealthOutcome",
    "LeaverOutcome",
    "MissingEpisode",
    "PlacedForAdoption",
    "PreviousPermanence",
    "SocialWorkerEpisode",
]


def _in_touch(value: InTouch | str) -> InTouch:
    return to_code(InTouch, value, "LeaverOutcome.in_touch")


def _activity(value: Activity | str | None) -> Activity | None:
    return to_optional_code(Activity, value, "LeaverOutcome.activity")


def _accommodation(value: Accommodation | str | None) -> Accommodation | None:
    return to_optional_code(Accommodation, value, "LeaverOutcome.accommodation")


def _missing_type(value: MissingType | str) -> MissingType:
    return to_code(MissingType, value, "MissingEpisode.kind")


def _sdq_reason(value: SdqReason | str | None) -> SdqReason | None:
    return to_optional_code(SdqReason, value, "HealthOutcome.sdq_reason")


def _adopter_sex(value: AdopterSex | str | None) -> AdopterSex | None:
    return to_optional_code(AdopterSex, value, "AdoptionDecision.adopter_sex")


def _adopter_legal_status(value: AdopterLegalStatus | str | None) -> AdopterLegalStatus | None:
    return to_optional_code(AdopterLegalStatus, value, "AdoptionDecision.adopter_legal_status")


def _placed_ceased(value: ReasonPlacedCeased | str | None) -> ReasonPlacedCeased | None:
    return to_optional_code(ReasonPlacedCeased, value, "PlacedForAdoption.reason_ceased")


@attrs.frozen(kw_only=True)
class HealthOutcome:
    """One OC2 row: health and offending outcomes in a collection year.

    Attributes:
        year_ending: The last day of the collection year (31 March).
        sdq_score: Strengths and difficulties total score (0-40).
        sdq_reason: Why no score was given.
        convicted: Convicted during the year.
        health_check: Development assessment up to date (under-5s).
        immunisations: Immunisations up to date.
        teeth_check: Teeth checked by a dentist in the year.
        health_assessment: Annual health assessment in the year.
        substance_misuse: Substance misuse identified in the year.
        intervention_received: Received an intervention for substance misuse.
        intervention_offered: Offered an intervention for substance misuse.
    """

    year_ending: dt.date = attrs.field(validator=check_date)
    sdq_score: int | None = None
    sdq_reason: SdqReason | None = attrs.field(default=None, converter=_sdq_reason)
    convicted: bool | None = None
    health_check: bool | None = None
    immunisations: bool | None = None
    teeth_check: bool | None = None
    health_assessment: bool | None = None
    substance_misuse: bool | None = None
    intervention_received: bool | None = None
    intervention_offered: bool | None = None


@attrs.frozen(kw_only=True)
class LeaverOutcome:
    """One OC3 row: a care leaver's circumstances around their birthday in a collection year.

    Attributes:
        year_ending: The last day of the collection year (31 March).
        in_touch: Whether the authority is in touch.
        activity: Main activity (education, employment, training or not).
        accommodation: Accommodation and whether it is suitable.
    """

    year_ending: dt.date = attrs.field(validator=check_date)
    in_touch: InTouch = attrs.field(converter=_in_touch)
    activity: Activity | None = attrs.field(default=None, converter=_activity)
    accommodation: Accommodation | None = attrs.field(default=None, converter=_accommodation)


@attrs.frozen(kw_only=True)
class MissingEpisode(Period):
    """A period missing (M) or away without authorisation (A) (903 Missing table).

    Attributes:
        kind: Missing or away.
    """

    kind: MissingType = attrs.field(default=MissingType.M, converter=_missing_type)


@attrs.frozen(kw_only=True)
class AdoptionDecision:
    """903 AD1: the adoption decision and match.

    Attributes:
        decided_on: DATE_INT: date of the decision that the child should be placed for adoption.
        matched_on: DATE_MATCH: date the child was matched with prospective adopters.
        foster_care: FOSTER_CARE: adopted by the child's foster carers.
        number_of_adopters: NB_ADOPTR: one or two.
        adopter_sex: SEX_ADOPTR.
        adopter_legal_status: LS_ADOPTR.
    """

    decided_on: dt.date | None = attrs.field(default=None, validator=check_optional_date)
    matched_on: dt.date | None = attrs.field(default=None, validator=check_optional_date)
    foster_care: bool | None = None
    number_of_adopters: int | None = None
    adopter_sex: AdopterSex | None = attrs.field(default=None, converter=_adopter_sex)
    adopter_legal_status: AdopterLegalStatus | None = attrs.field(
        default=None, converter=_adopter_legal_status
    )

    @property
    def sort_date(self) -> dt.date:
        """The earliest date known, for ordering."""
        return self.decided_on or self.matched_on or dt.date.min


@attrs.frozen(kw_only=True)
class PlacedForAdoption(DatedEvent):
    """903 PlacedAdoption: the child placed for adoption (DATE_PLACED).

    Attributes:
        ceased_on: DATE_PLACED_CEASED, if the placement for adoption ended without an order.
        reason_ceased: REASON_PLACED_CEASED.
    """

    ceased_on: dt.date | None = attrs.field(default=None, validator=check_optional_date)
    reason_ceased: ReasonPlacedCeased | None = attrs.field(default=None, converter=_placed_ceased)


@attrs.frozen(kw_only=True)
class PreviousPermanence:
    """903 PrevPerm: a permanence order before this period of care.

    Attributes:
        kind: PREV_PERM as recorded (e.g. adoption, SGO, child arrangements order).
        local_authority: LA_PERM: the authority that made the arrangement.
        date: DATE_PERM, if known.
    """

    kind: str | None = None
    local_authority: str | None = None
    date: dt.date | None = attrs.field(default=None, validator=check_optional_date)

    @property
    def sort_date(self) -> dt.date:
        """``date`` or the earliest possible date, for ordering."""
        return self.date or dt.date.min


@attrs.frozen(kw_only=True)
class SocialWorkerEpisode(Period):
    """903 SWEpisodes (from 2023/24): a period with one allocated social worker.

    Attributes:
        sw_id: SW_ID: the social worker's workforce id.
        reason: SW_REASON: why the allocation ended.
    """

    sw_id: str
    reason: str | None = None


@attrs.frozen(kw_only=True)
class DeprivationOfLiberty(Period):
    """903 DoLo (from 2025/26): a period during which the child was deprived of liberty."""
