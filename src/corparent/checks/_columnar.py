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

A run's result is then, child by child in id order, the child's column-wise findings
(``findings[offsets[j]:offsets[j + 1]]``) or its record's from ``run_checks``, and the two
not-assessable counts added: the tests hold that equal to ``run_checks`` on every record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import attrs
import numpy as np
import numpy.typing as npt

from corparent.batch import STATUS_CODES, Columns, review_obligations
from corparent.batch._columns import (
    _LS_FLAGS,
    _PLACE_FLAGS,
    _REC_FLAGS,
    _RNE_FLAGS,
    CONTINUES_CARE,
    NO_START,
    SHORT_BREAK,
    STARTS_PERIOD,
)
from corparent.batch._dates import FIRST_YEAR, LAST_YEAR, NEVER, to_day
from corparent.batch._tables import ReturnColumns
from corparent.checks._columnar_completeness import COMPLETENESS, oc3_reaches_status
from corparent.checks._columnar_integrity import as_ints, integrity_suspects, owners
from corparent.checks._finding import Finding, Severity
from corparent.checks._runner import _VECTOR_KINDS, _batch_plan, _vector_findings
from corparent.checks._spec import CheckSpec
from corparent.checks.builtin.completeness import (
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
_FIRST_DAY = to_day(dt.date(FIRST_YEAR, 1, 1))
_LAST_DAY = to_day(dt.date(LAST_YEAR, 12, 31))


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


def _flags(data: ReturnColumns) -> Ints:
    """The batch engine's episode flags, from the code positions."""
    values = data.tables["episodes"].values
    out: Ints = (
        _LS[as_ints(values["legal_status"])]
        | _PLACE[as_ints(values["placement"])]
        | _RNE[as_ints(values["reason_new"])]
        | _REC[as_ints(values["reason_ceased"])]
    )
    return out


def _short_break_periods(
    data: ReturnColumns, flags: Ints, as_of: dt.date, conventions: Conventions
) -> Bools:
    """Per child: True when a period of care begun by ``as_of`` has only V3/V4 episodes (it may
    be a reg 48 series of short breaks: the batch engine leaves the record to schedule()). The
    periods as :func:`corparent.batch.review_obligations` makes them: episodes joined by X1 on
    the same day unless the next is RNE S, then periods merged across short gaps."""
    episodes = data.tables["episodes"]
    owner = owners(episodes)
    start = np.asarray(episodes.values["start"], np.int64)
    end = np.asarray(episodes.values["end"], np.int64)
    count = len(start)
    out = np.zeros(len(data), np.bool_)
    if not count:
        return out
    new_period = np.ones(count, np.bool_)
    new_period[1:] = ~(
        (owner[1:] == owner[:-1])
        & ((flags[:-1] & CONTINUES_CARE) != 0)
        & (end[:-1] == start[1:])
        & ((flags[1:] & STARTS_PERIOD) == 0)
    )
    first = np.flatnonzero(new_period)
    last = np.append(first[1:] - 1, count - 1)
    p_owner, p_start, p_end = owner[first], start[first], end[last]
    merge = np.zeros(len(first), np.bool_)
    gap = conventions.new_period_min_gap_days
    if gap > 0:
        merge[1:] = (
            (p_owner[1:] == p_owner[:-1])
            & (p_end[:-1] != NEVER)
            & (p_start[1:] - p_end[:-1] <= gap)
        )
    g_first = np.flatnonzero(~merge)
    g_last = np.append(g_first[1:] - 1, len(first) - 1)
    m_first, m_last = first[g_first], last[g_last]
    breaks = np.concatenate(([0], np.cumsum((flags & SHORT_BREAK) != 0)))
    only = (breaks[m_last + 1] - breaks[m_first]) == (m_last - m_first + 1)
    only &= start[m_first] <= to_day(as_of)
    out[owner[m_first[only]]] = True
    return out


def _unbatchable(
    data: ReturnColumns, evidence: Evidence, as_of: dt.date, conventions: Conventions
) -> Bools:
    """Per child: True when the batch engine would leave it to the object engine (reviews not
    held, dates outside its calendars, a period that may be a series of short breaks)."""
    n = len(data)
    _, _, ok, _ = _window(evidence)
    if not ok:
        return np.ones(n, np.bool_)
    out = _short_break_periods(data, _flags(data), as_of, conventions)
    episodes = data.tables["episodes"]
    bad = np.zeros(len(episodes), np.bool_)
    for name in ("start", "end"):
        bad |= _outside(np.asarray(episodes.values[name], np.int64))
    out[owners(episodes)[bad]] = True
    reviews = data.tables["reviews"]
    rv_bad = _outside(np.asarray(reviews.values["date"], np.int64))
    out[owners(reviews)[rv_bad]] = True
    return out


def _columns(data: ReturnColumns, evidence: Evidence, keep: Bools) -> Columns:
    """The batch engine's columns of ``data``, batchable where ``keep``."""
    n = len(data)
    episodes, reviews = data.tables["episodes"], data.tables["reviews"]
    values = episodes.values
    flags = _flags(data)
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
    out |= _unbatchable(data, evidence, as_of, plan.conventions)
    if plan.ages is not None:
        out |= oc3_reaches_status(data, as_of, plan.ages)
    return out


# -- the findings -----------------------------------------------------------------------------


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
        if spec.func in COMPLETENESS:
            made, child = COMPLETENESS[spec.func](spec, data, keep, as_of)
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
