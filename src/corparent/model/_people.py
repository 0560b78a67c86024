"""The child and the carer."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from corparent.codes import Ethnicity, Sex
from corparent.model._base import check_date, check_optional_date, to_code, to_optional_code

__all__ = ["Carer", "CarerKind", "Child"]


def _sorted_dates(values: Iterable[dt.date]) -> tuple[dt.date, ...]:
    return tuple(sorted(values))


def _check_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be a non-empty string")


def _sex(value: Sex | str | None) -> Sex | None:
    return to_optional_code(Sex, value, "Child.sex")


def _ethnicity(value: Ethnicity | str | None) -> Ethnicity | None:
    return to_optional_code(Ethnicity, value, "Child.ethnicity")


@attrs.frozen(kw_only=True)
class Child:
    """A child (or young person) the council is, or was, corporate parent to.

    Maps to the SSDA903 Header table (CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB) and the UASC
    table (DUC). Identifying fields are left out of ``repr`` so they never reach logs.

    Attributes:
        id: The council's record id for the child (903 CHILD); the only way messages name a child.
        date_of_birth: 903 DOB.
        sex: 903 SEX.
        ethnicity: 903 ETHNIC.
        upn: Unique pupil number (903 UPN), or an UN1-UN5 reason code.
        mother: 903 MOTHER: whether the child is a mother (``None`` when not recorded).
        mother_child_date_of_birth: 903 MC_DOB: the date of birth of the mother's child.
        uasc: Whether the child is or was an unaccompanied asylum-seeking child.
        uasc_ceased: 903 DUC: the date UASC status ceased.
    """

    id: str = attrs.field(validator=_check_id)
    date_of_birth: dt.date = attrs.field(validator=check_date, repr=False)
    sex: Sex | None = attrs.field(default=None, converter=_sex)
    ethnicity: Ethnicity | None = attrs.field(default=None, repr=False, converter=_ethnicity)
    upn: str | None = attrs.field(default=None, repr=False)
    mother: bool | None = attrs.field(default=None, repr=False)
    mother_child_date_of_birth: dt.date | None = attrs.field(
        default=None, validator=check_optional_date, repr=False
    )
    uasc: bool = False
    uasc_ceased: dt.date | None = attrs.field(default=None, validator=check_optional_date)


class CarerKind(enum.Enum):
    """The kind of approval a carer holds."""

    FOSTER = "foster"
    """An approved local-authority or agency foster carer (FSR 2011)."""
    CONNECTED_PERSON = "connected_person"
    """A relative, friend or other connected person approved as a foster carer."""
    ADOPTER = "adopter"
    """An approved prospective adopter."""


def _carer_kind(value: CarerKind | str) -> CarerKind:
    return to_code(CarerKind, value, "Carer.kind")


@attrs.frozen(kw_only=True)
class Carer:
    """A foster carer (or other approved carer) the council supervises.

    Attributes:
        id: The council's id for the carer household.
        kind: What the carer is approved as.
        approved_on: The date of approval (FSR 2011 reg 27).
        reviews: Dates on which approval reviews were completed (FSR 2011 reg 28).
        unannounced_visits: Dates of unannounced visits by the supervising social worker
            (Fostering NMS 2011 standard 21.8).
    """

    id: str = attrs.field(validator=_check_id)
    kind: CarerKind = attrs.field(default=CarerKind.FOSTER, converter=_carer_kind)
    approved_on: dt.date = attrs.field(validator=check_date)
    reviews: tuple[dt.date, ...] = attrs.field(default=(), converter=_sorted_dates)
    unannounced_visits: tuple[dt.date, ...] = attrs.field(default=(), converter=_sorted_dates)
