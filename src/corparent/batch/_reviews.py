"""Reviews of many children at once, column-wise: CPPCR 2010 Part 6 and AAR 2005 reg 36.

The same rules as :func:`corparent.schedule.schedule` applies record by record (which stays the
reference; a differential property test holds this module to it):

* a period of care is a run of episodes joined by REC X1 on the same day, unless the next
  episode's RNE is S; returns within ``Conventions.new_period_min_gap_days`` join the period;
* reviews chain from the period's start: the first within 20 working days, the second within
  3 months of the first, then every 6 months from the review actually held (or from the due
  date when ``Conventions.chain_from_actual`` is off); a short-break period (every episode V3/V4,
  or a reg 48 arrangement covering its start) has its first review within 3 months;
* placement for adoption ends the CPPCR reviews; AAR reg 36 reviews run from the placement
  (4 weeks, 3 months, then 6 months); authority to place for adoption needs a review within 3
  months (AAR reg 36(1));
* a chain whose next review would fall due after care ended lapses; events after ``as_of`` are
  ignored; the version of the law applied is the one in force on each trigger date.

Every step works on all chains of the caseload at once, so the Python-level work is per step of
the longest chain, not per child.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import numpy as np
import numpy.typing as npt

from corparent.batch._columns import (
    ADOPTION_PLACEMENT,
    CHANGES_PLACEMENT,
    CONTINUES_CARE,
    PLACEMENT_ORDER,
    SHORT_BREAK,
    STARTS_PERIOD,
    Columns,
)
from corparent.batch._dates import NEVER, add_months, add_working_days, from_day, to_day
from corparent.law import (
    Conventions,
    DeadlineRule,
    Duty,
    DutyVersion,
    Force,
    IntervalMaxMonths,
    IntervalMaxWeeks,
    NotMoreThanMonthsAfter,
    PeriodNotExceedingWeeks,
    PeriodNotExceedingWorkingDays,
    RuleSet,
    WithinDays,
    WithinWeeks,
    WithinWorkingDays,
)
from corparent.schedule import Obligation, Status

__all__ = [
    "REVIEW_DUTIES",
    "STATUS_CODES",
    "ObligationTable",
    "review_obligations",
    "unsupported",
]

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

REVIEW_DUTIES = (
    "review_first",
    "review_second",
    "review_subsequent",
    "review_short_breaks",
    "review_adoption_authorised_not_placed",
    "review_adoption_placed",
    "review_adoption_placed_second",
    "review_adoption_placed_subsequent",
)
"""The duties the batch engine schedules (the reviews family, the only one a 903 return feeds)."""

STATUS_CODES: tuple[Status, ...] = (Status.MET, Status.MET_LATE, Status.OVERDUE, Status.DUE)
"""``ObligationTable.status`` codes, by index."""
_MET, _MET_LATE, _OVERDUE, _DUE = 0, 1, 2, 3

_CPPCR, _SHORT_BREAKS, _ADOPTION = 0, 1, 2
_STEPS = (
    ("review_first", "review_second", "review_subsequent"),
    ("review_short_breaks", "review_subsequent", "review_subsequent"),
    (
        "review_adoption_placed",
        "review_adoption_placed_second",
        "review_adoption_placed_subsequent",
    ),
)
_AUTHORISED = "review_adoption_authorised_not_placed"
# Emission order within a period (the reference emits the CPPCR chain, then the authority
# review, then the adoption chain); ties in (due, duty, trigger) keep it.
_SEQ_CPPCR, _SEQ_AUTHORISED, _SEQ_ADOPTION = 0, 1, 2
_ABOUT = (
    "period of care from {}",
    "authority to place for adoption from {}",
    "placed for adoption from {}",
)
# Sort keys pack (record, day): days of any date year 1-9999 fit in 23 bits once shifted.
_SHIFT = np.int64(2**23)
_HALF = np.int64(2**22)

DueFn = Callable[[Ints, Conventions], Ints]


def _due_fn(rule: DeadlineRule) -> DueFn | None:
    """The vectorised ``rule.due``, or None for a rule the batch engine does not know."""
    kind = type(rule)
    if kind in (WithinWorkingDays, PeriodNotExceedingWorkingDays):
        n = rule.days  # type: ignore[attr-defined]
        return lambda days, c: add_working_days(
            days, n, c.calendar, count_trigger_day=c.count_trigger_day
        )
    if kind is WithinDays:
        n = rule.days  # type: ignore[attr-defined]
        return lambda days, c: days + n
    if kind in (WithinWeeks, IntervalMaxWeeks):
        n = 7 * rule.weeks  # type: ignore[attr-defined]
        return lambda days, c: days + n
    if kind is PeriodNotExceedingWeeks:
        n = 7 * rule.weeks  # type: ignore[attr-defined]
        return lambda days, c: days + (n - 1 if c.period_includes_trigger else n)
    if kind in (NotMoreThanMonthsAfter, IntervalMaxMonths):
        n = rule.months  # type: ignore[attr-defined]
        return lambda days, c: add_months(days, n)
    return None


def unsupported(rules: RuleSet) -> str | None:
    """Why the batch engine cannot schedule reviews under ``rules`` (None when it can).

    It cannot when a local standard tightens a review duty, or when a review duty has a rule
    it has no column-wise form of.
    """
    for duty_id in REVIEW_DUTIES:
        duty = rules.get(duty_id)
        if duty is None:
            continue
        if rules.tightening(duty_id):
            return f"a local standard tightens {duty_id}"
        for version in duty.versions:
            if not version.rule.computable or _due_fn(version.rule) is None:
                return f"{duty_id} has a rule the batch engine does not know"
    return None


def _active_duty(rules: RuleSet, conventions: Conventions, duty_id: str) -> Duty | None:
    duty = rules.get(duty_id)
    if duty is None:
        return None
    if (
        duty.force in (Force.STATUTORY_GUIDANCE, Force.PRACTICE)
        and not conventions.include_guidance
    ):
        return None
    return duty


@attrs.frozen(kw_only=True, eq=False)
class ObligationTable:
    """Review obligations of many records as columns, in each record's schedule order.

    Rows are sorted by record, then as :class:`~corparent.schedule.Schedule` orders them (due
    date, duty id, trigger).

    Attributes:
        columns: The records' columns.
        as_of: The day statuses are judged on.
        duties: The duties, indexed by ``duty``.
        versions: The duty versions, indexed by ``version``.
        record: Row -> record index in ``columns``.
        duty: Row -> duty index.
        version: Row -> version index.
        trigger: Trigger day number.
        due: Due day number.
        met: Day number it was met on (``NEVER`` when not met: see ``has_met``).
        has_met: Whether it was met.
        status: Index into :data:`STATUS_CODES`.
        about_kind: 0 period of care, 1 authority to place, 2 placed for adoption.
        about_day: The day the ``about`` text names.
        record_offsets: Record ``i``'s rows are ``record_offsets[i]:record_offsets[i+1]``.
    """

    columns: Columns
    as_of: dt.date
    duties: tuple[Duty, ...]
    versions: tuple[DutyVersion, ...]
    record: Ints
    duty: Ints
    version: Ints
    trigger: Ints
    due: Ints
    met: Ints
    has_met: Bools
    status: Ints
    about_kind: Ints
    about_day: Ints
    record_offsets: Ints

    def __len__(self) -> int:
        return len(self.record)

    def obligations(self, index: int) -> list[Obligation]:
        """Record ``index``'s review obligations as :class:`~corparent.schedule.Obligation`
        objects, in schedule order."""
        a, b = int(self.record_offsets[index]), int(self.record_offsets[index + 1])
        child_id = self.columns.child_ids[index]
        out = []
        for row in range(a, b):
            about = _ABOUT[self.about_kind[row]].format(from_day(self.about_day[row]).isoformat())
            out.append(
                Obligation(
                    duty=self.duties[self.duty[row]],
                    version=self.versions[self.version[row]],
                    child_id=child_id,
                    trigger=from_day(self.trigger[row]),
                    due=from_day(self.due[row]),
                    met_on=from_day(self.met[row]) if self.has_met[row] else None,
                    status=STATUS_CODES[self.status[row]],
                    about=about,
                )
            )
        return out


class _Emitted:
    """Rows as they are produced, step by step."""

    def __init__(self) -> None:
        self.parts: dict[str, list[Ints]] = {
            k: []
            for k in (
                "record",
                "period",
                "seq",
                "k",
                "duty",
                "version",
                "trigger",
                "due",
                "met",
                "status",
                "about_kind",
                "about_day",
            )
        }

    def add(self, **columns: Ints) -> None:
        for key, value in columns.items():
            self.parts[key].append(np.asarray(value, np.int64))

    def concat(self, key: str) -> Ints:
        parts = self.parts[key]
        return np.concatenate(parts) if parts else np.zeros(0, np.int64)


class _Versions:
    """Vectorised ``Duty.version_at`` over a global table of versions."""

    def __init__(self, duties: list[Duty]) -> None:
        self.versions: list[DutyVersion] = []
        self.ranges: list[tuple[int, int, int | None, DueFn]] = []  # per duty, per version
        self.by_duty: list[list[tuple[int, int, int | None]]] = []
        self.due: list[DueFn] = []
        for duty in duties:
            rows = []
            for version in duty.versions:
                fn = _due_fn(version.rule)
                assert fn is not None  # unsupported() was asked first
                rows.append(
                    (
                        len(self.versions),
                        to_day(version.in_force_from),
                        None if version.until is None else to_day(version.until),
                    )
                )
                self.versions.append(version)
                self.due.append(fn)
            self.by_duty.append(rows)

    def at(self, duty: Ints, trigger: Ints) -> Ints:
        """The version index in force for each (duty, trigger), -1 where none is."""
        out = np.full(len(duty), -1, np.int64)
        for d, rows in enumerate(self.by_duty):
            mask = duty == d
            if not mask.any():
                continue
            for index, start, until in rows:  # oldest first: the newest in force wins
                ok = mask & (trigger >= start)
                if until is not None:
                    ok &= trigger <= until
                out[ok] = index
        return out

    def due_dates(self, version: Ints, trigger: Ints, conventions: Conventions) -> Ints:
        out = np.zeros(len(version), np.int64)
        for v in np.unique(version):
            mask = version == v
            out[mask] = self.due[int(v)](trigger[mask], conventions)
        return out


def _lasts(firsts: Ints, total: int) -> Ints:
    """The last row of each run, given the first rows of the runs."""
    if not len(firsts):
        return np.zeros(0, np.int64)
    return np.append(firsts[1:] - 1, total - 1).astype(np.int64)


def _key(record: Ints, day: Ints) -> Ints:
    return record * _SHIFT + np.minimum(day, _HALF - 1) + _HALF


def review_obligations(
    columns: Columns,
    as_of: dt.date,
    *,
    rules: RuleSet,
    conventions: Conventions | None = None,
) -> ObligationTable:
    """Every review obligation of the batchable records in ``columns``, as at ``as_of``.

    Records with ``columns.batchable`` False get no rows: schedule them with
    :func:`corparent.schedule.schedule`.

    Raises:
        ValueError: the batch engine cannot apply ``rules`` (see :func:`unsupported`).
    """
    reason = unsupported(rules)
    if reason is not None:
        raise ValueError(f"the batch engine cannot schedule these rules: {reason}")
    conventions = conventions or Conventions()
    today = to_day(as_of)
    n = len(columns)
    out = _Emitted()

    duty_ids = [d for d in REVIEW_DUTIES if _active_duty(rules, conventions, d) is not None]
    duties = [rules[d] for d in duty_ids]
    duty_index = {d: i for i, d in enumerate(duty_ids)}
    versions = _Versions(duties)

    # -- periods of care (X1 joins), merged across short gaps ------------------------------
    ep_offsets, start, end, flags = (
        columns.ep_offsets,
        columns.ep_start,
        columns.ep_end,
        columns.ep_flags,
    )
    n_eps = len(start)
    ep_rec = np.repeat(np.arange(n, dtype=np.int64), np.diff(ep_offsets))
    new_period = np.ones(n_eps, np.bool_)
    if n_eps > 1:
        joined = (
            (ep_rec[1:] == ep_rec[:-1])
            & ((flags[:-1] & CONTINUES_CARE) != 0)
            & (end[:-1] == start[1:])
            & ((flags[1:] & STARTS_PERIOD) == 0)
        )
        new_period[1:] = ~joined
    p_first = np.flatnonzero(new_period)
    p_last = _lasts(p_first, n_eps)
    p_rec = ep_rec[p_first]
    p_start = start[p_first]
    p_end = end[p_last]
    merge = np.zeros(len(p_first), np.bool_)
    gap = conventions.new_period_min_gap_days
    if gap > 0 and len(p_first) > 1:
        merge[1:] = (
            (p_rec[1:] == p_rec[:-1]) & (p_end[:-1] != NEVER) & (p_start[1:] - p_end[:-1] <= gap)
        )
    group_first = np.flatnonzero(~merge)
    group_last = _lasts(group_first, len(p_first))
    m_rec = p_rec[group_first]
    m_start = p_start[group_first]
    m_end = p_end[group_last]
    m_first_ep = p_first[group_first]
    m_last_ep = p_last[group_last]
    m_index = np.arange(len(m_rec), dtype=np.int64)

    keep = columns.batchable[m_rec] & (m_start <= today) if len(m_rec) else np.zeros(0, np.bool_)
    m_rec, m_start, m_end, m_first_ep, m_last_ep, m_index = (
        a[keep] for a in (m_rec, m_start, m_end, m_first_ep, m_last_ep, m_index)
    )

    # -- per period: short breaks, authority to place, placement for adoption ----------------
    sb_count = np.concatenate(([0], np.cumsum((flags & SHORT_BREAK) != 0))).astype(np.int64)
    short_breaks = (sb_count[m_last_ep + 1] - sb_count[m_first_ep]) == (m_last_ep - m_first_ep + 1)
    if len(columns.sb_start):
        has_arrangement = np.diff(columns.sb_offsets)[m_rec] > 0
        for i in np.flatnonzero(has_arrangement & ~short_breaks):
            a, b = columns.sb_offsets[m_rec[i]], columns.sb_offsets[m_rec[i] + 1]
            sb_s, sb_e = columns.sb_start[a:b], columns.sb_end[a:b]
            short_breaks[i] = bool(((sb_s <= m_start[i]) & (m_start[i] <= sb_e)).any())

    positions = np.arange(n_eps, dtype=np.int64)
    next_order = np.where((flags & PLACEMENT_ORDER) != 0, positions, n_eps)
    next_order = np.minimum.accumulate(next_order[::-1])[::-1] if n_eps else next_order
    first_order = next_order[m_first_ep] if len(m_rec) else np.zeros(0, np.int64)
    has_authority = first_order <= m_last_ep
    authority_day = start[np.minimum(first_order, max(n_eps - 1, 0))]

    placement_start = new_period | ((flags & CHANGES_PLACEMENT) != 0)
    adoptive = np.flatnonzero(placement_start & ((flags & ADOPTION_PLACEMENT) != 0))
    a_key = _key(ep_rec[adoptive], start[adoptive])
    pos = np.searchsorted(a_key, _key(m_rec, m_start), side="left")
    pos_ok = np.minimum(pos, max(len(adoptive) - 1, 0))
    if len(adoptive):
        cand = adoptive[pos_ok]
        has_adoption = (pos < len(adoptive)) & (ep_rec[cand] == m_rec) & (start[cand] < m_end)
        adoption_day = np.where(has_adoption, start[cand], NEVER)
    else:
        has_adoption = np.zeros(len(m_rec), np.bool_)
        adoption_day = np.full(len(m_rec), NEVER, np.int64)
    cppcr_end = np.where(has_adoption, adoption_day, m_end)

    # -- the reviews each chain may use ------------------------------------------------------
    rv_rec = np.repeat(np.arange(n, dtype=np.int64), np.diff(columns.rv_offsets))
    rv_key = _key(rv_rec, columns.rv_date)

    def first_at(day: Ints, rec: Ints = m_rec) -> Ints:
        found: Ints = np.searchsorted(rv_key, _key(rec, day), side="left").astype(np.int64)
        return found

    lo = first_at(m_start)
    hi_cppcr = np.maximum(first_at(cppcr_end), lo)
    hi_period = np.maximum(first_at(m_end), lo)

    def window_end(day: Ints) -> Ints:
        return np.where(day <= today, day, NEVER)

    # -- the chains ----------------------------------------------------------------------------
    chain_kind = np.concatenate(
        (np.where(short_breaks, _SHORT_BREAKS, _CPPCR), np.full(int(has_adoption.sum()), _ADOPTION))
    ).astype(np.int64)
    adopted = np.flatnonzero(has_adoption)
    chain_period = np.concatenate((np.arange(len(m_rec)), adopted)).astype(np.int64)
    chain_anchor = np.concatenate((m_start, adoption_day[adopted]))
    chain_lo = np.concatenate((lo, np.maximum(first_at(adoption_day)[adopted], lo[adopted])))
    chain_hi = np.concatenate((hi_cppcr, hi_period[adopted]))
    chain_end = np.concatenate((window_end(cppcr_end), window_end(m_end[adopted])))
    chain_seq = np.where(chain_kind == _ADOPTION, _SEQ_ADOPTION, _SEQ_CPPCR)
    steps = np.array(
        [[duty_index.get(d, -1) for d in kind] for kind in _STEPS], np.int64
    )  # (kind, min(k, 2)) -> duty index, -1 when the duty is absent

    # One padding row, so an index past the last review reads "no review".
    rv_date = np.append(columns.rv_date, NEVER)
    last_review = len(columns.rv_date)
    active = np.arange(len(chain_kind), dtype=np.int64)
    trigger = chain_anchor.copy()
    index = chain_lo.copy()
    k = 0
    while active.size:
        duty = steps[chain_kind[active], min(k, 2)]
        version = versions.at(duty, trigger)
        alive = (duty >= 0) & (version >= 0) & (trigger <= today)
        active, duty, version, trigger, index = (
            a[alive] for a in (active, duty, version, trigger, index)
        )
        if not active.size:
            break
        due = versions.due_dates(version, trigger, conventions)
        has_event = index < chain_hi[active]
        met = np.where(has_event, rv_date[np.minimum(index, last_review)], NEVER)
        met_ok = has_event & (met <= today)
        lapsed = ~met_ok & (due >= chain_end[active])
        emit = ~lapsed
        status = np.where(
            met_ok,
            np.where(met <= due, _MET, _MET_LATE),
            np.where(due < today, _OVERDUE, _DUE),
        )
        period = chain_period[active]
        kind = chain_kind[active]
        out.add(
            record=m_rec[period][emit],
            period=m_index[period][emit],
            seq=chain_seq[active][emit],
            k=np.full(int(emit.sum()), k),
            duty=duty[emit],
            version=version[emit],
            trigger=trigger[emit],
            due=due[emit],
            met=np.where(met_ok, met, NEVER)[emit],
            status=status[emit],
            about_kind=np.where(kind == _ADOPTION, 2, 0)[emit],
            about_day=chain_anchor[active][emit],
        )
        go_on = met_ok
        trigger = (met if conventions.chain_from_actual else due)[go_on]
        active = active[go_on]
        index = index[go_on] + 1
        k += 1

    # -- the review when authorised to place for adoption (once per period) --------------------
    d_auth = duty_index.get(_AUTHORISED, -1)
    if d_auth >= 0 and has_authority.any():
        which = np.flatnonzero(has_authority)
        trig = authority_day[which]
        first = np.maximum(first_at(trig, m_rec[which]), lo[which])
        has_event = first < hi_cppcr[which]
        met = np.where(has_event, rv_date[np.minimum(first, last_review)], NEVER)
        duty = np.full(len(which), d_auth, np.int64)
        version = versions.at(duty, trig)
        due = np.zeros(len(which), np.int64)
        known = version >= 0
        due[known] = versions.due_dates(version[known], trig[known], conventions)
        wend = window_end(cppcr_end[which])
        lapsed = ~has_event & (wend != NEVER) & (due >= wend)
        emit = known & ~lapsed & (trig <= today)
        met_ok = has_event & (met <= today)
        status = np.where(
            met_ok,
            np.where(met <= due, _MET, _MET_LATE),
            np.where(due < today, _OVERDUE, _DUE),
        )
        out.add(
            record=m_rec[which][emit],
            period=m_index[which][emit],
            seq=np.full(int(emit.sum()), _SEQ_AUTHORISED),
            k=np.zeros(int(emit.sum()), np.int64),
            duty=duty[emit],
            version=version[emit],
            trigger=trig[emit],
            due=due[emit],
            met=np.where(met_ok, met, NEVER)[emit],
            status=status[emit],
            about_kind=np.ones(int(emit.sum()), np.int64),
            about_day=trig[emit],
        )

    # -- schedule order: record, due, duty id, trigger, then emission order ---------------------
    record = out.concat("record")
    duty = out.concat("duty")
    id_rank = np.argsort(np.argsort(np.array(duty_ids, dtype=object))).astype(np.int64)
    rank = id_rank[duty] if len(duty) else duty
    trigger_all = out.concat("trigger")
    due_all = out.concat("due")
    order = np.lexsort(
        (
            out.concat("k"),
            out.concat("seq"),
            out.concat("period"),
            trigger_all,
            rank,
            due_all,
            record,
        )
    )
    met_all = out.concat("met")[order]
    record = record[order]
    return ObligationTable(
        columns=columns,
        as_of=as_of,
        duties=tuple(duties),
        versions=tuple(versions.versions),
        record=record,
        duty=duty[order],
        version=out.concat("version")[order],
        trigger=trigger_all[order],
        due=due_all[order],
        met=met_all,
        has_met=met_all != NEVER,
        status=out.concat("status")[order],
        about_kind=out.concat("about_kind")[order],
        about_day=out.concat("about_day")[order],
        record_offsets=np.searchsorted(record, np.arange(n + 1)).astype(np.int64),
    )
