"""The main job column-wise: the default checks on an SSDA903 return held as columns
(:class:`~corparent.batch._tables.ReturnColumns`), with no :class:`~corparent.model.CaseRecord`
per child.

Three steps, for a caller that has the return as columns:

* :func:`columnar_plan` says whether the run's checks and rules can be evaluated this way at
  all (the built-in checks a 903 run uses, under a rule set the batch engine takes whole);
* :func:`needs_records` marks the children this path cannot judge exactly: any integrity
  problem, a child the batch engine leaves to the object engine, a care leaver whose OC3 check
  needs the leaving-care status. The caller builds their records and runs
  :func:`~corparent.checks.run_checks` on them as before;
* :func:`columnar_findings` gives the other children's findings and not-assessable counts:
  the same findings, in the same order, as ``run_checks`` gives for their records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

import attrs
import numpy as np
import numpy.typing as npt

from corparent.batch import STATUS_CODES, Columns, review_obligations
from corparent.batch._columns import _LS_FLAGS, _PLACE_FLAGS, _REC_FLAGS, _RNE_FLAGS, NO_START
from corparent.batch._dates import FIRST_YEAR, LAST_YEAR, NEVER, to_day
from corparent.batch._tables import ReturnColumns
from corparent.checks._columnar_integrity import integrity_suspects, owners
from corparent.checks._finding import Finding, Severity, _made
from corparent.checks._runner import _VECTOR_KINDS, _batch_plan, _vector_findings
from corparent.checks._spec import CheckSpec
from corparent.checks.builtin.completeness import (
    _year_start,
    oc3_missing,
    placement_provider,
    review_participation,
    upn_missing,
)
from corparent.checks.builtin.integrity import record_integrity
from corparent.codes import (
    CodeList,
    LegalStatus,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
)
from corparent.errors import ConfigError
from corparent.law import Conventions, RuleSet, resolve
from corparent.model import Evidence
from corparent.schedule import Status

__all__ = [
    "ColumnarFindings",
    "ColumnarPlan",
    "columnar_findings",
    "columnar_plan",
    "needs_records",
]

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

_INTEGRITY, _PARTICIPATION, _UPN, _PROVIDER, _OC3 = (
    "integrity",
    "participation",
    "upn",
    "provider",
    "oc3",
)
_KINDS: dict[Callable[..., Iterable[Finding]], str] = {
    **_VECTOR_KINDS,
    record_integrity.func: _INTEGRITY,
    review_participation.func: _PARTICIPATION,
    upn_missing.func: _UPN,
    placement_provider.func: _PROVIDER,
    oc3_missing.func: _OC3,
}
_OC3_RULE_FROM = dt.date(2024, 3, 31)  # no OC3 expected for leaving care on the birthday
_MAX_AGE = 120
_MAX_SPAN = 36_500  # look-back and look-ahead settings (days or months) beyond: the object path


@attrs.frozen(kw_only=True, eq=False)
class ColumnarPlan:
    """How a run evaluates its checks column-wise.

    Attributes:
        specs: The run's checks, in run order.
        kinds: Per check, what it is (``"overdue"``, ..., ``"upn"``, ``"oc3"``).
        rules: The rule set (every duty a review duty: the batch engine takes it whole).
        conventions: The counting conventions.
        ages: The OC3 check's birthdays (None: no OC3 check in the run).
    """

    specs: tuple[CheckSpec, ...]
    kinds: tuple[str, ...]
    rules: RuleSet
    conventions: Conventions
    ages: tuple[int, ...] | None


@attrs.frozen(kw_only=True, eq=False)
class ColumnarFindings:
    """The findings of the children kept, in data order, then check order.

    Attributes:
        findings: The findings.
        offsets: Child ``j``'s findings are ``findings[offsets[j]:offsets[j + 1]]`` (every child
            of the data has an entry; children not kept have none).
        not_assessable: Per duty id, the kept children's obligations the data cannot judge (as
            :attr:`~corparent.checks.RunResult.not_assessable` counts them).
    """

    findings: list[Finding]
    offsets: Ints
    not_assessable: dict[str, int]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _settings_supported(kind: str, settings: dict[str, object]) -> bool:
    """Whether the column-wise form handles the check's settings exactly as the check does."""
    for name, value in settings.items():
        if name == "duties":
            if not isinstance(value, tuple | list) or not all(isinstance(p, str) for p in value):
                return False
        elif name == "local_severity":
            if not isinstance(value, Severity):
                return False
        elif name in ("lookback_months", "lookback_days"):
            if value is not None and not (
                isinstance(value, int)
                and _is_int(value)
                and 0 <= value <= (_MAX_SPAN if name == "lookback_days" else 1200)
            ):
                return False
        elif name == "within_days":
            if not (isinstance(value, int) and _is_int(value) and 0 <= value <= _MAX_SPAN):
                return False
        elif name == "ages":
            if not isinstance(value, tuple | list) or not all(
                _is_int(a) and 0 <= a <= _MAX_AGE for a in value
            ):
                return False
        else:
            return False
    return kind != _OC3 or "ages" in settings


def columnar_plan(
    specs: Iterable[CheckSpec], rules: RuleSet, conventions: Conventions | None = None
) -> ColumnarPlan | None:
    """The plan for running ``specs`` column-wise under ``rules``, or None when some check,
    setting or rule is beyond the column-wise path (run every record through
    :func:`~corparent.checks.run_checks` then)."""
    specs = tuple(specs)
    kinds = []
    ages: tuple[int, ...] | None = None
    for spec in specs:
        kind = _KINDS.get(spec.func)
        if kind is None or not _settings_supported(kind, spec.effective_settings):
            return None
        if kind == _OC3:
            given = spec.effective_settings["ages"]
            assert isinstance(given, tuple | list)
            ages = tuple(given)
        kinds.append(kind)
    if _batch_plan(rules) is None:
        return None
    try:
        law, conv = resolve("", None, rules, conventions)
    except ConfigError:  # run_checks reports it
        return None
    return ColumnarPlan(specs=specs, kinds=tuple(kinds), rules=law, conventions=conv, ages=ages)


# -- the batch engine's columns ---------------------------------------------------------------


def _lookup(table: dict[int, int], codes: Iterable[CodeList]) -> Ints:
    """Per code position, the flags of that code; an empty code (-1) reads the last entry, 0."""
    return np.array([table[id(member)] for member in codes] + [0], np.int64)


_LS = _lookup(_LS_FLAGS, LegalStatus)
_PLACE = _lookup(_PLACE_FLAGS, PlacementType)
_RNE = _lookup(_RNE_FLAGS, ReasonNewEpisode)
_REC = _lookup(_REC_FLAGS, ReasonEpisodeCeased)
_NEEDS_PROVIDER = np.array(
    [not (p.is_temporary or p.value.startswith("Z")) for p in PlacementType] + [False], np.bool_
)
_ALWAYS_COUNTED = np.array(
    [not (s.is_remand or s.is_short_break) for s in LegalStatus] + [False], np.bool_
)
"""Per legal status: an episode counted towards the 13 weeks under every convention."""
_FIRST_DAY = to_day(dt.date(FIRST_YEAR, 1, 1))
_LAST_DAY = to_day(dt.date(LAST_YEAR, 12, 31))


def _codes(values: npt.NDArray[np.generic]) -> Ints:
    return np.asarray(values, np.int64)


def _outside(days: Ints) -> Bools:
    real = days != NEVER
    out: Bools = real & ((days < _FIRST_DAY) | (days > _LAST_DAY))
    return out


def _window(evidence: Evidence) -> tuple[int, int, bool, bool]:
    """The reviews window (start, end, held) and whether the episodes are complete, as
    :meth:`Columns.from_records` reads them."""
    reviews = evidence.window("reviews")
    start = int(NO_START) if reviews.start is None else to_day(reviews.start)
    end = int(NEVER) if reviews.end is None else to_day(reviews.end)
    outside = (reviews.start is not None and not _FIRST_DAY <= start <= _LAST_DAY) or (
        reviews.end is not None and not _FIRST_DAY <= end <= _LAST_DAY
    )
    return start, end, reviews.held and not outside, evidence.window("episodes").is_complete


def _unbatchable(data: ReturnColumns, evidence: Evidence) -> Bools:
    """Per child: True when the batch engine would leave it to the object engine (reviews not
    held, dates outside its calendars, a period that may be a series of short breaks)."""
    n = len(data)
    _, _, ok, _ = _window(evidence)
    if not ok:
        return np.ones(n, np.bool_)
    out = np.zeros(n, np.bool_)
    episodes = data.tables["episodes"]
    ep_owner = owners(episodes)
    ls = _codes(episodes.values["legal_status"])
    # Any V3/V4 episode may make a period a reg 48 series of short breaks: the batch engine
    # leaves such records to schedule() (conservative: the whole child).
    bad = (_LS[ls] & 1) != 0
    for name in ("start", "end"):
        bad |= _outside(np.asarray(episodes.values[name], np.int64))
    out[ep_owner[bad]] = True
    reviews = data.tables["reviews"]
    rv_bad = _outside(np.asarray(reviews.values["date"], np.int64))
    out[owners(reviews)[rv_bad]] = True
    return out


def _columns(data: ReturnColumns, evidence: Evidence, keep: Bools) -> Columns:
    """The batch engine's columns of ``data``, batchable where ``keep``."""
    n = len(data)
    episodes, reviews = data.tables["episodes"], data.tables["reviews"]
    values = episodes.values
    flags = (
        _LS[_codes(values["legal_status"])]
        | _PLACE[_codes(values["placement"])]
        | _RNE[_codes(values["reason_new"])]
        | _REC[_codes(values["reason_ceased"])]
    )
    start, end, held, complete = _window(evidence)
    return Columns(
        child_ids=data.child_ids,
        ep_offsets=np.asarray(episodes.offsets, np.int64),
        ep_start=np.asarray(values["start"], np.int64),
        ep_end=np.asarray(values["end"], np.int64),
        ep_flags=flags,
        rv_offsets=np.asarray(reviews.offsets, np.int64),
        rv_date=np.asarray(reviews.values["date"], np.int64),
        sb_offsets=np.zeros(n + 1, np.int64),
        sb_start=np.zeros(0, np.int64),
        sb_end=np.zeros(0, np.int64),
        rv_window_start=np.full(n, start, np.int64),
        rv_window_end=np.full(n, end, np.int64),
        episodes_complete=np.full(n, complete, np.bool_),
        batchable=keep & held,
    )


# -- which children need records --------------------------------------------------------------


def _birthdays(dob: Ints, age: int) -> Ints:
    """``corparent.dates.birthday(dob, age)`` of each day number (29 February: 1 March in a
    year without one)."""
    d64 = dob.astype("datetime64[D]")
    year = d64.astype("datetime64[Y]")
    month = d64.astype("datetime64[M]")
    month_index = month - year.astype("datetime64[M]")  # months since January
    day_index = d64 - month.astype("datetime64[D]")  # days since the 1st
    target = (year + np.timedelta64(age, "Y")).astype("datetime64[M]") + month_index
    out: Ints = (target.astype("datetime64[D]") + day_index).astype(np.int64)
    return out


def _oc3_reaches_status(
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
    dob = dob[candidates]
    slack = 2
    bday16 = np.zeros(n, np.int64)
    bday16[candidates] = _birthdays(dob, 16) - slack
    bday18 = np.zeros(n, np.int64)
    bday18[candidates] = _birthdays(dob, 18) + slack
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
        counted = _ALWAYS_COUNTED[_codes(episodes.values["legal_status"])]
        stretch_end[:-1] &= ~(
            (ep_owner[1:] == ep_owner[:-1]) & (ep_start[1:] == ep_end[:-1]) & counted[1:]
        )
    for age in dict.fromkeys(ages):
        day = _birthdays(dob, age)
        reach = (start <= day) & (day <= today)
        if not reach.any():
            continue
        on_day = np.zeros(n, np.int64)
        on_day[candidates] = np.where(reach, day, NEVER - 1)
        if as_of >= _OC3_RULE_FROM:
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


def needs_records(
    plan: ColumnarPlan, data: ReturnColumns, as_of: dt.date, evidence: Evidence
) -> Bools:
    """Per child of ``data``: True when it must be checked as a record (built and run through
    :func:`~corparent.checks.run_checks`): it may have an integrity problem, the batch engine
    cannot schedule it, or the OC3 check needs its leaving-care status and it could be a
    relevant or former relevant child (the status is worked out from its record).

    Args:
        plan: From :func:`columnar_plan`.
        data: The return as columns.
        as_of: The run's date.
        evidence: The evidence every record of the return carries.
    """
    out = integrity_suspects(data)
    out |= _unbatchable(data, evidence)
    if plan.ages is not None:
        out |= _oc3_reaches_status(data, as_of, plan.ages)
    return out


# -- the findings -----------------------------------------------------------------------------

_Made = tuple[list[Finding], Ints]  # findings, and each one's child index


def _participation(spec: CheckSpec, data: ReturnColumns, keep: Bools, as_of: dt.date) -> _Made:
    reviews = data.tables["reviews"]
    owner = owners(reviews)
    date = np.asarray(reviews.values["date"], np.int64)
    rows = np.flatnonzero(
        keep[owner]
        & (_codes(reviews.values["participation"]) < 0)
        & (date >= to_day(_year_start(as_of)))
        & (date <= to_day(as_of))
    )
    ids = data.child_ids
    severity, principles = spec.severity, spec.principles
    made = [
        _made(
            spec.id,
            severity,
            ids[child],
            f"review on {day} has no participation code (PN0-PN7)",
            None,
            day,
            None,
            None,
            principles,
            None,
            "review_participation_missing",
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


def _upn(spec: CheckSpec, data: ReturnColumns, keep: Bools, as_of: dt.date) -> _Made:
    episodes = data.tables["episodes"]
    looked_after = np.zeros(len(data), np.bool_)
    looked_after[owners(episodes)[_in_year(data, as_of)]] = True
    no_upn = ~np.asarray(data.tables["header"].values["upn"], np.bool_)
    children = np.flatnonzero(keep & looked_after & no_upn)
    ids = data.child_ids
    severity, principles = spec.severity, spec.principles
    made = [
        _made(
            spec.id,
            severity,
            ids[i],
            _NO_UPN,
            None,
            None,
            None,
            None,
            principles,
            None,
            "upn_missing",
        )
        for i in children.tolist()
    ]
    return made, children


def _provider(spec: CheckSpec, data: ReturnColumns, keep: Bools, as_of: dt.date) -> _Made:
    episodes = data.tables["episodes"]
    owner = owners(episodes)
    values = episodes.values
    missing = (
        keep[owner]
        & (_codes(values["provider"]) < 0)
        & _in_year(data, as_of)
        & _NEEDS_PROVIDER[_codes(values["placement"])]
    )
    rows = np.flatnonzero(missing)
    index = rows - episodes.offsets[owner[rows]]  # the episode's place in its record
    children, first = np.unique(owner[rows], return_index=True)
    bounds = np.append(first, len(rows)).tolist()
    ids = data.child_ids
    severity, principles = spec.severity, spec.principles
    positions = index.tolist()
    made = []
    for j, child in enumerate(children.tolist()):
        which = positions[bounds[j] : bounds[j + 1]]
        where = ", ".join(f"episodes[{i}]" for i in which[:5])
        if len(which) > 5:
            where += f" and {len(which) - 5} more"
        made.append(
            _made(
                spec.id,
                severity,
                ids[child],
                f"{len(which)} episode(s) with no placement provider: {where}",
                None,
                None,
                None,
                None,
                principles,
                None,
                "placement_provider_missing",
            )
        )
    return made, children.astype(np.int64)


_Completeness = Callable[[CheckSpec, ReturnColumns, Bools, dt.date], _Made]
_COMPLETENESS: dict[str, _Completeness] = {
    _PARTICIPATION: _participation,
    _UPN: _upn,
    _PROVIDER: _provider,
}


def columnar_findings(
    plan: ColumnarPlan, data: ReturnColumns, keep: Bools, as_of: dt.date, evidence: Evidence
) -> ColumnarFindings:
    """The findings of the children where ``keep`` is True (none of which
    :func:`needs_records` marks), as :func:`~corparent.checks.run_checks` gives them for their
    records: in data order, each child's in check order; and their not-assessable counts.

    Raises:
        ValueError: a kept child is one the batch engine cannot schedule (``keep`` must leave
            out every child :func:`needs_records` marks).
    """
    n = len(data)
    keep = np.asarray(keep, np.bool_)
    if keep.shape != (n,):
        raise ValueError(f"keep must hold one value per child ({n}), not {keep.shape}")
    columns = _columns(data, evidence, keep)
    table = review_obligations(columns, as_of, rules=plan.rules, conventions=plan.conventions)
    if not np.array_equal(table.batched, keep):
        raise ValueError("a kept child cannot be scheduled column-wise: see needs_records")
    parts: list[list[Finding]] = []
    owner_parts: list[Ints] = []
    check_parts: list[Ints] = []
    for j, (spec, kind) in enumerate(zip(plan.specs, plan.kinds, strict=True)):
        if kind in (_INTEGRITY, _OC3):
            continue  # kept children have no integrity problem and never reach the status
        if kind in _COMPLETENESS:
            made, child = _COMPLETENESS[kind](spec, data, keep, as_of)
        else:
            made, offsets = _vector_findings(kind, spec, table)
            child = np.repeat(np.arange(n, dtype=np.int64), np.diff(offsets))
        parts.append(made)
        owner_parts.append(child)
        check_parts.append(np.full(len(made), j, np.int64))
    flat = [f for part in parts for f in part]
    child = np.concatenate(owner_parts) if owner_parts else np.zeros(0, np.int64)
    order = np.lexsort((np.concatenate(check_parts) if check_parts else child, child))
    findings = [flat[i] for i in order.tolist()]
    offsets = np.searchsorted(child[order], np.arange(n + 1)).astype(np.int64)
    code = STATUS_CODES.index(Status.NOT_ASSESSABLE)
    counts = np.bincount(table.duty[table.status == code], minlength=len(table.duties)).tolist()
    unjudged = {duty.id: k for duty, k in zip(table.duties, counts, strict=True) if k}
    return ColumnarFindings(
        findings=findings, offsets=offsets, not_assessable=dict(sorted(unjudged.items()))
    )
