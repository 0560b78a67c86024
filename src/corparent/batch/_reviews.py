"""Reviews of many children at once, column-wise: CPPCR 2010 Part 6 and AAR 2005 reg 36.

The same rules as :func:`corparent.schedule.schedule` applies record by record (which stays the
reference; a differential property test holds this module to it):

* a period of care is a run of episodes joined by REC X1 on the same day, unless the next
  episode's RNE is S; returns within ``Conventions.new_period_min_gap_days`` join the period;
* reviews chain from the period's start: the first within 20 working days, the second within
  3 months of the first, then every 6 months from the review actually held (or from the due
  date when ``Conventions.chain_from_actual`` is off); a record with a period that may be a
  reg 48 series of short breaks (every episode V3/V4, or an arrangement covering its start)
  is left to ``schedule()``, which works the series out across the record;
* placement for adoption ends the CPPCR reviews; AAR reg 36 reviews run from the placement
  (4 weeks, 3 months, then 6 months); authority to place for adoption needs a review within 3
  months (AAR reg 36(1));
* a chain whose next review would fall due after care ended lapses; one that fell due before
  care ended, unmet, is missed; events after ``as_of`` are ignored; the version of the law
  applied is the one in force on each trigger date;
* evidence windows: when the reviews are known only from a day after the chain began, or the
  period of care began before the data on an unknown day, the chain is first judged against the
  latest day its next review could have been due, then resumes from the first known review;
  the review due on authority to place for adoption is not assessable when that authority or a
  review that could have met it lies before the data.

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
    NO_START,
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
    "review_short_breaks_subsequent",
    "review_adoption_authorised_not_placed",
    "review_adoption_placed",
    "review_adoption_placed_second",
    "review_adoption_placed_subsequent",
)
"""The duties the batch engine schedules (the reviews family, the only one a 903 return feeds)."""

STATUS_CODES: tuple[Status, ...] = (
    Status.MET,
    Status.MET_LATE,
    Status.OVERDUE,
    Status.DUE,
    Status.MISSED,
    Status.NOT_ASSESSABLE,
)
"""``ObligationTable.status`` codes, by index."""
_MET, _MET_LATE, _OVERDUE, _DUE, _MISSED, _NOT_ASSESSABLE = range(6)

# ``ObligationTable.reason`` codes: the texts schedule() gives (``reason_day`` fills the first
# {}; the row's due or met date the second).
_R_NONE, _R_BOUND, _R_LATEST, _R_IN_TIME, _R_ENDED, _R_BEFORE, _R_MAY_HAVE_MET = range(7)
_REASONS = (
    "",
    "The reviews before {0} are not in the data, so this is judged against the latest day it "
    "could have been due.",
    "Due by {1} at the latest; the last of the reviews before {0} is not in the data, so it may "
    "be due sooner.",
    "Whether {1} was in time depends on reviews before {0}, which the data does not hold.",
    "It fell due after {0}, where the data's reviews end.",
    "It began before the data's window, on a day the data does not hold.",
    "The reviews before {0} are not in the data, and one of them may have met it.",
)
UNSEEN_STEP = 1_000  # the step a chain is at after reviews before the data (as schedule())

_CPPCR, _ADOPTION = 0, 1
_STEPS = (
    ("review_first", "review_second", "review_subsequent"),
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
        status: Index into ``STATUS_CODES``.
        reason: Why it is not assessable, or that it was judged against a bound (0: neither).
        reason_day: The day the reason names.
        closed: For a missed obligation, the day the clock stopped (``NEVER`` otherwise).
        about_kind: 0 period of care, 1 authority to place, 2 placed for adoption.
        about_day: The day the ``about`` text names.
        record_offsets: Record ``i``'s rows are ``record_offsets[i]:record_offsets[i+1]``.
        batched: Per record: whether its reviews are in the table (False: not batchable, or a
            period that may be a reg 48 series of short breaks; schedule it with
            :func:`corparent.schedule.schedule`).
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
    reason: Ints
    reason_day: Ints
    closed: Ints
    about_kind: Ints
    about_day: Ints
    record_offsets: Ints
    batched: Bools

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
            met_on = from_day(self.met[row]) if self.has_met[row] else None
            due = from_day(self.due[row])
            reason = ""
            if self.reason[row]:
                second = met_on if self.reason[row] == _R_IN_TIME else due
                reason = _REASONS[self.reason[row]].format(
                    from_day(self.reason_day[row]).isoformat(),
                    second.isoformat() if second is not None else "",
                )
            closed = self.closed[row]
            out.append(
                Obligation(
                    duty=self.duties[self.duty[row]],
                    version=self.versions[self.version[row]],
                    child_id=child_id,
                    trigger=from_day(self.trigger[row]),
                    due=due,
                    met_on=met_on,
                    status=STATUS_CODES[self.status[row]],
                    about=about,
                    reason=reason,
                    closed_on=None if closed == NEVER else from_day(closed),
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
                "reason",
                "reason_day",
                "closed",
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

    Records with ``ObligationTable.batched`` False get no rows: schedule them with
    :func:`corparent.schedule.schedule`.

    Raises:
        ValueError: the batch engine cannot apply ``rules`` (see :func:`unsupported`).
    """
    why_not = unsupported(rules)
    if why_not is not None:
        raise ValueError(f"the batch engine cannot schedule these rules: {why_not}")
    conventions = conventions or rules.conventions
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
    # Only RNE S proves the day a period began, unless the record holds every episode.
    p_known = columns.episodes_complete[p_rec] | ((flags[p_first] & STARTS_PERIOD) != 0)
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
    m_known = p_known[group_first]
    m_index = np.arange(len(m_rec), dtype=np.int64)

    keep = columns.batchable[m_rec] & (m_start <= today) if len(m_rec) else np.zeros(0, np.bool_)
    m_rec, m_start, m_end, m_first_ep, m_last_ep, m_known, m_index = (
        a[keep] for a in (m_rec, m_start, m_end, m_first_ep, m_last_ep, m_known, m_index)
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
    # A period that may be a reg 48 series of short breaks is scheduled by schedule(), which
    # works out the series across the record: such records are left out of the table.
    batched = columns.batchable.copy()
    batched[m_rec[short_breaks]] = False
    keep = batched[m_rec]
    m_rec, m_start, m_end, m_first_ep, m_last_ep, m_known, m_index = (
        a[keep] for a in (m_rec, m_start, m_end, m_first_ep, m_last_ep, m_known, m_index)
    )

    positions = np.arange(n_eps, dtype=np.int64)
    next_order = np.where((flags & PLACEMENT_ORDER) != 0, positions, n_eps)
    next_order = np.minimum.accumulate(next_order[::-1])[::-1] if n_eps else next_order
    first_order = next_order[m_first_ep] if len(m_rec) else np.zeros(0, np.int64)
    has_authority = first_order <= m_last_ep
    authority_known = m_known | (first_order != m_first_ep)
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
        # A placement's start is unknown only when it is the single placement of a period
        # whose start is unknown (as CaseRecord.placements() says).
        ep_period = np.cumsum(new_period) - 1
        moves = np.concatenate(([0], np.cumsum((flags & CHANGES_PLACEMENT) != 0)))
        pid = ep_period[cand]
        single = (moves[p_last[pid] + 1] - moves[p_first[pid] + 1]) == 0
        adoption_known = ~(
            (cand == p_first[pid])
            & ~p_known[pid]
            & single
            & ((flags[cand] & CHANGES_PLACEMENT) == 0)
        )
    else:
        has_adoption = np.zeros(len(m_rec), np.bool_)
        adoption_day = np.full(len(m_rec), NEVER, np.int64)
        adoption_known = np.ones(len(m_rec), np.bool_)
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
    win_start = columns.rv_window_start
    win_end = columns.rv_window_end
    adopted = np.flatnonzero(has_adoption)
    chain_kind = np.concatenate(
        (np.full(len(m_rec), _CPPCR), np.full(len(adopted), _ADOPTION))
    ).astype(np.int64)
    chain_period = np.concatenate((np.arange(len(m_rec)), adopted)).astype(np.int64)
    chain_rec = m_rec[chain_period]
    chain_anchor = np.concatenate((m_start, adoption_day[adopted]))
    chain_known = np.concatenate((m_known, adoption_known[adopted]))
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

    def review_at(index: Ints, hi: Ints) -> tuple[Ints, Bools]:
        """The review at ``index`` if inside the chain's events and on or before as_of."""
        has = index < hi
        met = np.where(has, rv_date[np.minimum(index, last_review)], NEVER)
        return met, has & (met <= today)

    def judged(chains: Ints, due: Ints, met_ok: Bools, closed: Ints) -> tuple[Ints, Ints, Ints]:
        """Status of unmet rows, reason code and reason day as Run.judge gives them."""
        w_end = win_end[chain_rec[chains]]
        ended = ~met_ok & (w_end < today) & (due > w_end)
        missed = ~met_ok & ~ended & (closed != NEVER) & (due < closed)
        status = np.select([ended, missed, due < today], [_NOT_ASSESSABLE, _MISSED, _OVERDUE], _DUE)
        return status, np.where(ended, _R_ENDED, _R_NONE), np.where(ended, w_end, 0)

    def emit(
        chains: Ints,
        k: Ints,
        duty: Ints,
        version: Ints,
        trigger: Ints,
        due: Ints,
        met: Ints,
        status: Ints,
        reason: Ints,
        reason_day: Ints,
        closed: Ints,
    ) -> None:
        period = chain_period[chains]
        out.add(
            record=chain_rec[chains],
            period=m_index[period],
            seq=chain_seq[chains],
            k=k,
            duty=duty,
            version=version,
            trigger=trigger,
            due=due,
            met=met,
            status=status,
            reason=reason,
            reason_day=reason_day,
            closed=np.where(status == _MISSED, closed, NEVER),
            about_kind=np.where(chain_kind[chains] == _ADOPTION, 2, 0),
            about_day=chain_anchor[chains],
        )

    def met_status(met: Ints, due: Ints) -> Ints:
        return np.where(met <= due, _MET, _MET_LATE)

    # Chains whose earlier reviews the data may not hold start with a judgement against the
    # latest day their next review could have been due (Run._blind_start).
    horizon_start = win_start[chain_rec]
    # A chain whose anchor is after as_of has nothing to say yet (Run.chain returns at once).
    blind = (~chain_known | (horizon_start > chain_anchor)) & (chain_anchor <= today)
    resume_chain: Ints = np.zeros(0, np.int64)
    resume_trigger: Ints = np.zeros(0, np.int64)
    resume_index: Ints = np.zeros(0, np.int64)
    b = np.flatnonzero(blind)
    if b.size:
        horizon = np.where(horizon_start[b] == NO_START, chain_anchor[b], horizon_start[b])
        unseen = horizon - 1
        duty = steps[chain_kind[b], 2]
        version = versions.at(duty, unseen)
        ok = (duty >= 0) & (version >= 0)
        b, horizon, unseen, duty, version = (a[ok] for a in (b, horizon, unseen, duty, version))
        trigger = unseen.copy()
        due = versions.due_dates(version, unseen, conventions)
        anchor = chain_anchor[b]
        first_duty = steps[chain_kind[b], 0]
        first_version = versions.at(first_duty, anchor)
        first_ok = chain_known[b] & (first_duty >= 0) & (first_version >= 0)
        first_due = np.zeros(len(b), np.int64)
        first_due[first_ok] = versions.due_dates(
            first_version[first_ok], anchor[first_ok], conventions
        )
        use_first = first_ok & (first_due > due)
        duty = np.where(use_first, first_duty, duty)
        version = np.where(use_first, first_version, version)
        trigger = np.where(use_first, anchor, trigger)
        due = np.where(use_first, first_due, due)
        index = np.maximum(first_at(horizon, chain_rec[b]), chain_lo[b])
        met, met_ok = review_at(index, chain_hi[b])
        wend = chain_end[b]
        visible = trigger <= today  # Run.emit skips a trigger after as_of
        # no known review: overdue, missed or not assessable; the chain ends
        late = ~met_ok & ~(due >= wend) & (due < today) & visible
        if late.any():
            status, reason, reason_day = judged(b[late], due[late], met_ok[late], wend[late])
            reason = np.where(reason == _R_NONE, _R_BOUND, reason)
            reason_day = np.where(reason == _R_BOUND, horizon[late], reason_day)
            emit(
                b[late],
                np.zeros(int(late.sum()), np.int64),
                duty[late],
                version[late],
                trigger[late],
                due[late],
                np.full(int(late.sum()), NEVER),
                status,
                reason,
                reason_day,
                wend[late],
            )
        later = ~met_ok & ~(due >= wend) & (due >= today) & visible
        if later.any():
            count = int(later.sum())
            emit(
                b[later],
                np.zeros(count, np.int64),
                duty[later],
                version[later],
                trigger[later],
                due[later],
                np.full(count, NEVER),
                np.full(count, _NOT_ASSESSABLE),
                np.full(count, _R_LATEST),
                horizon[later],
                np.full(count, NEVER),
            )
        # a known review: late for certain, or not assessable; the chain resumes from it
        shown = met_ok & visible
        if shown.any():
            count = int(shown.sum())
            is_late = met[shown] > due[shown]
            emit(
                b[shown],
                np.zeros(count, np.int64),
                duty[shown],
                version[shown],
                trigger[shown],
                due[shown],
                met[shown],
                np.where(is_late, _MET_LATE, _NOT_ASSESSABLE),
                np.where(is_late, _R_BOUND, _R_IN_TIME),
                horizon[shown],
                np.full(count, NEVER),
            )
        resume_chain = b[met_ok]
        resume_trigger = (met if conventions.chain_from_actual else due)[met_ok]
        resume_index = index[met_ok] + 1

    # The chains proper: every chain one step at a time (Run.chain).
    plain = np.flatnonzero(~blind)
    active = np.concatenate((plain, resume_chain)).astype(np.int64)
    trigger = np.concatenate((chain_anchor[plain], resume_trigger)).astype(np.int64)
    index = np.concatenate((chain_lo[plain], resume_index)).astype(np.int64)
    column = np.concatenate((np.zeros(len(plain), np.int64), np.full(len(resume_chain), 2)))
    emitted = np.concatenate((np.zeros(len(plain), np.int64), np.ones(len(resume_chain), np.int64)))
    while active.size:
        duty = steps[chain_kind[active], column]
        version = versions.at(duty, trigger)
        alive = (duty >= 0) & (version >= 0) & (trigger <= today)
        active, duty, version, trigger, index, column, emitted = (
            a[alive] for a in (active, duty, version, trigger, index, column, emitted)
        )
        if not active.size:
            break
        due = versions.due_dates(version, trigger, conventions)
        met, met_ok = review_at(index, chain_hi[active])
        wend = chain_end[active]
        keep_row = met_ok | (due < wend)  # unmet and due after care ended: the chain lapses
        status, reason, reason_day = judged(active, due, met_ok, wend)
        status = np.where(met_ok, met_status(met, due), status)
        emit(
            active[keep_row],
            emitted[keep_row],
            duty[keep_row],
            version[keep_row],
            trigger[keep_row],
            due[keep_row],
            np.where(met_ok, met, NEVER)[keep_row],
            status[keep_row],
            reason[keep_row],
            reason_day[keep_row],
            wend[keep_row],
        )
        trigger = (met if conventions.chain_from_actual else due)[met_ok]
        active = active[met_ok]
        index = index[met_ok] + 1
        column = np.minimum(column[met_ok] + 1, 2)
        emitted = emitted[met_ok] + 1

    # -- the review when authorised to place for adoption (once per period, Run.once) ----------
    d_auth = duty_index.get(_AUTHORISED, -1)
    if d_auth >= 0 and has_authority.any():
        which = np.flatnonzero(has_authority)
        trig = authority_day[which]
        rec = m_rec[which]
        duty = np.full(len(which), d_auth, np.int64)
        version = versions.at(duty, trig)
        ok = (version >= 0) & (trig <= today)
        which, trig, rec, duty, version = (a[ok] for a in (which, trig, rec, duty, version))
        due = versions.due_dates(version, trig, conventions)
        first = np.maximum(first_at(trig, rec), lo[which])
        met, met_ok = review_at(first, hi_cppcr[which])
        wend = window_end(cppcr_end[which])
        keep_row = met_ok | (due < wend)
        w_start = win_start[rec]
        unknown = ~authority_known[which]
        before = ~unknown & (w_start != NO_START) & (trig < w_start) & (~met_ok | (met > due))
        w_end = win_end[rec]
        ended = ~met_ok & (w_end < today) & (due > w_end)
        missed = ~met_ok & ~ended & (wend != NEVER) & (due < wend)
        status = np.select(
            [unknown, before, met_ok, ended, missed, due < today],
            [
                _NOT_ASSESSABLE,
                _NOT_ASSESSABLE,
                met_status(met, due),
                _NOT_ASSESSABLE,
                _MISSED,
                _OVERDUE,
            ],
            _DUE,
        )
        reason = np.select(
            [unknown, before, met_ok, ended],
            [_R_BEFORE, _R_MAY_HAVE_MET, _R_NONE, _R_ENDED],
            _R_NONE,
        )
        reason_day = np.select([before, ended & ~unknown & ~met_ok], [w_start, w_end], 0)
        count = int(keep_row.sum())
        out.add(
            record=rec[keep_row],
            period=m_index[which][keep_row],
            seq=np.full(count, _SEQ_AUTHORISED),
            k=np.zeros(count, np.int64),
            duty=duty[keep_row],
            version=version[keep_row],
            trigger=trig[keep_row],
            due=due[keep_row],
            met=np.where(met_ok, met, NEVER)[keep_row],
            status=status[keep_row],
            reason=reason[keep_row],
            reason_day=reason_day[keep_row],
            closed=np.where(status == _MISSED, wend, NEVER)[keep_row],
            about_kind=np.ones(count, np.int64),
            about_day=trig[keep_row],
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
        reason=out.concat("reason")[order],
        reason_day=out.concat("reason_day")[order],
        closed=out.concat("closed")[order],
        about_kind=out.concat("about_kind")[order],
        about_day=out.concat("about_day")[order],
        record_offsets=np.searchsorted(record, np.arange(n + 1)).astype(np.int64),
        batched=batched,
    )
