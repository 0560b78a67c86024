"""The completeness checks column-wise (review participation, UPN, placement provider) and
which children the OC3 check must see as records (it asks for the leaving-care status).

Each gives, for the kept children of a :class:`~corparent.batch._tables.ReturnColumns`, the
findings the check makes record by record (same messages, codes, due dates, principles), with
each finding's child index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from corparent.batch._dates import NEVER, to_day
from corparent.batch._tables import ReturnColumns
from corparent.checks._columnar_integrity import as_ints, owners
from corparent.checks._finding import Finding, _made
from corparent.checks._spec import CheckSpec
from corparent.checks.builtin.completeness import (
    OC3_NOT_ON_LEAVING_FROM,
    _year_start,
    placement_provider,
    review_participation,
    upn_missing,
)
from corparent.codes import LegalStatus, PlacementType

__all__ = ["COMPLETENESS", "Birthdays", "Made", "oc3_reaches_status"]

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

_NEEDS_PROVIDER = np.array(
    [not (p.is_temporary or p.value.startswith("Z")) for p in PlacementType] + [False], np.bool_
)
_ALWAYS_COUNTED = np.array(
    [not (s.is_remand or s.is_short_break) for s in LegalStatus] + [False], np.bool_
)
"""Per legal status: an episode counted towards the 13 weeks under every convention."""


_TABLE_FROM = 1800
_MONTHS = np.arange(
    np.datetime64(f"{_TABLE_FROM}-01", "M"), np.datetime64("2300-01", "M"), dtype="datetime64[M]"
)
_FIRST_OF_MONTH = _MONTHS.astype("datetime64[D]").astype(np.int64)
"""Day number of the 1st of each month from January 1800 (a birthday is found by moving
``12 * age`` months along this table)."""


class Birthdays:
    """``corparent.dates.birthday(dob, age)`` of many dates of birth (day numbers), for one
    age at a time: each date's month and day are found once. 29 February gives 1 March in a
    year without one (the check's own convention)."""

    def __init__(self, dob: Ints) -> None:
        month = np.searchsorted(_FIRST_OF_MONTH, dob, side="right") - 1
        self.month = month
        self.day = dob - _FIRST_OF_MONTH[np.maximum(month, 0)]
        self.dob = dob
        self.lowest = int(month.min()) if len(month) else 0
        self.highest = int(month.max()) if len(month) else 0

    def at(self, age: int) -> Ints:
        """Each birthday at ``age``."""
        if self.lowest < 0 or self.highest + 12 * age >= len(_FIRST_OF_MONTH):
            # off the table: numpy's calendar
            d64 = self.dob.astype("datetime64[D]")
            year = d64.astype("datetime64[Y]")
            month = d64.astype("datetime64[M]")
            month_index = month - year.astype("datetime64[M]")  # months since January
            day_index = d64 - month.astype("datetime64[D]")  # days since the 1st
            target = (year + np.timedelta64(age, "Y")).astype("datetime64[M]") + month_index
            slow: Ints = (target.astype("datetime64[D]") + day_index).astype(np.int64)
            return slow
        out: Ints = _FIRST_OF_MONTH[self.month + 12 * age] + self.day
        return out


def oc3_reaches_status(
    data: ReturnColumns, as_of: dt.date, ages: Sequence[int], *, narrow: bool = True
) -> Bools:
    """Per child: True when the OC3 check would ask for its leaving-care status (its cheap
    early exits all fail for some age) and the answer could be relevant or former relevant.

    With ``narrow`` (the default), a child whose episodes rule both out is left out (it can
    have no OC3 finding): the status is relevant on a birthday before the 18th only when the
    child left care (a counted stretch of episodes ended) after the 16th birthday and by that day
    (CA 1989 s.23A), and former relevant on a later one only when it was looked after at some
    time between the 16th and 18th birthdays (s.23C). Both tests are loose by two days around
    those birthdays, so that a 29 February birth is covered under either leap-day convention.
    """
    n = len(data)
    start, today = to_day(_year_start(as_of)), to_day(as_of)
    out = np.zeros(n, np.bool_)
    if not ages:
        return out
    year_end = data.year_end
    if _year_start(as_of) <= year_end <= as_of:  # every OC3 row belongs to year_end
        held = np.diff(data.tables["oc3"].offsets) > 0
    else:
        held = np.zeros(n, np.bool_)
    dob = np.asarray(data.tables["header"].values["date_of_birth"], np.int64)
    candidates = np.flatnonzero(~held & (dob != NEVER))
    if not candidates.size:
        return out
    episodes = data.tables["episodes"]
    ep_owner = owners(episodes)
    ep_start = np.asarray(episodes.values["start"], np.int64)
    ep_end = np.asarray(episodes.values["end"], np.int64)
    birthdays = Birthdays(dob[candidates])
    slack = 2
    bday16 = np.zeros(n, np.int64)
    bday16[candidates] = birthdays.at(16) - slack
    bday18 = np.zeros(n, np.int64)
    bday18[candidates] = birthdays.at(18) + slack
    mine = np.zeros(n, np.bool_)
    mine[candidates] = True
    ours = mine[ep_owner]
    # former relevant is possible: looked after at some time between the 16th and 18th
    # birthdays (an open episode's end is NEVER, later than any birthday)
    between = np.zeros(n, np.bool_)
    overlap = ours & (ep_start < bday18[ep_owner]) & (ep_end > bday16[ep_owner])
    between[ep_owner[overlap]] = True
    # where a counted stretch of care may end: an episode's end, unless the next episode starts
    # that day and counts whatever the conventions (neither remand nor short breaks)
    stretch_end = ep_end != NEVER
    if len(ep_end) > 1:
        counted = _ALWAYS_COUNTED[as_ints(episodes.values["legal_status"])]
        stretch_end[:-1] &= ~(
            (ep_owner[1:] == ep_owner[:-1]) & (ep_start[1:] == ep_end[:-1]) & counted[1:]
        )
    for age in dict.fromkeys(ages):
        day = birthdays.at(age)
        reach = (start <= day) & (day <= today)
        if not reach.any():
            continue
        on_day = np.zeros(n, np.int64)
        on_day[candidates] = np.where(reach, day, NEVER - 1)
        if as_of >= OC3_NOT_ON_LEAVING_FROM:
            left = np.zeros(n, np.bool_)
            left[ep_owner[ours & (ep_end == on_day[ep_owner])]] = True
            reach &= ~left[candidates]
        if narrow:
            if age < 18:  # relevant: left care after the 16th birthday, by that day
                ended = ours & stretch_end & (ep_end > bday16[ep_owner])
                ended &= ep_end <= on_day[ep_owner]
                possible = np.zeros(n, np.bool_)
                possible[ep_owner[ended]] = True
                reach &= possible[candidates]
            else:
                reach &= between[candidates]
        out[candidates[reach]] = True
    return out


Made = tuple[list[Finding], Ints]
"""Findings, and each one's child index."""


def _finding(
    spec: CheckSpec, child_id: str, message: str, code: str, due: dt.date | None = None
) -> Finding:
    """A completeness finding, as the check's ``ctx.finding(...)`` makes it (no duty)."""
    return _made(
        spec.id, spec.severity, child_id, message, None, due, None, None, spec.principles, None,
        code,
    )  # fmt: skip


def participation_findings(
    spec: CheckSpec, data: ReturnColumns, keep: Bools, as_of: dt.date
) -> Made:
    reviews = data.tables["reviews"]
    owner = owners(reviews)
    date = np.asarray(reviews.values["date"], np.int64)
    rows = np.flatnonzero(
        keep[owner]
        & (as_ints(reviews.values["participation"]) < 0)
        & (date >= to_day(_year_start(as_of)))
        & (date <= to_day(as_of))
    )
    ids = data.child_ids
    made = [
        _finding(
            spec,
            ids[child],
            f"review on {day} has no participation code (PN0-PN7)",
            "review_participation_missing",
            day,
        )
        for child, day in zip(
            owner[rows].tolist(), date[rows].astype("datetime64[D]").tolist(), strict=True
        )
    ]
    return made, owner[rows]


def _in_year(data: ReturnColumns, as_of: dt.date) -> Bools:
    """Per episode: open at some time in the year ending ``as_of``."""
    values = data.tables["episodes"].values
    start = np.asarray(values["start"], np.int64)
    end = np.asarray(values["end"], np.int64)
    out: Bools = (start <= to_day(as_of)) & (end >= to_day(_year_start(as_of)))  # NEVER: open
    return out


_NO_UPN = "no UPN recorded; record the UPN or an UN1-UN5 reason code"


def upn_findings(spec: CheckSpec, data: ReturnColumns, keep: Bools, as_of: dt.date) -> Made:
    episodes = data.tables["episodes"]
    looked_after = np.zeros(len(data), np.bool_)
    looked_after[owners(episodes)[_in_year(data, as_of)]] = True
    no_upn = ~np.asarray(data.tables["header"].values["upn"], np.bool_)
    children = np.flatnonzero(keep & looked_after & no_upn)
    ids = data.child_ids
    made = [_finding(spec, ids[i], _NO_UPN, "upn_missing") for i in children.tolist()]
    return made, children


def provider_findings(spec: CheckSpec, data: ReturnColumns, keep: Bools, as_of: dt.date) -> Made:
    episodes = data.tables["episodes"]
    owner = owners(episodes)
    values = episodes.values
    missing = (
        keep[owner]
        & (as_ints(values["provider"]) < 0)
        & _in_year(data, as_of)
        & _NEEDS_PROVIDER[as_ints(values["placement"])]
    )
    rows = np.flatnonzero(missing)
    index = rows - episodes.offsets[owner[rows]]  # the episode's place in its record
    children, first = np.unique(owner[rows], return_index=True)
    bounds = np.append(first, len(rows)).tolist()
    ids = data.child_ids
    positions = index.tolist()
    made = []
    for j, child in enumerate(children.tolist()):
        which = positions[bounds[j] : bounds[j + 1]]
        where = ", ".join(f"episodes[{i}]" for i in which[:5])
        if len(which) > 5:
            where += f" and {len(which) - 5} more"
        message = f"{len(which)} episode(s) with no placement provider: {where}"
        made.append(_finding(spec, ids[child], message, "placement_provider_missing"))
    return made, children.astype(np.int64)


Completeness = Callable[[CheckSpec, ReturnColumns, Bools, dt.date], Made]
COMPLETENESS: dict[object, Completeness] = {
    review_participation.func: participation_findings,
    upn_missing.func: upn_findings,
    placement_provider.func: provider_findings,
}
"""The column-wise form of each completeness check this module evaluates (by function)."""
