"""Score review findings from a cut return against the hidden history they were cut from.

The truth is the schedule of each child's whole record (complete evidence) on the same
``as_of``. A *fault* is a review obligation met late or not met while it was due: met late
(``MET_LATE``), not met by ``as_of`` (``OVERDUE``) or not met when care ended (``MISSED``).
Each fault has a kind (``"late"`` or ``"unmet"``) and a day on which it shows: the day the late
review was held, ``as_of`` for an overdue one, the day care ended for a missed one. Findings
carry the same day as ``due + days_overdue``, so a finding and a fault match when they name the
same child, kind and day, whatever due date each side worked out: a return cannot show the
exact due date of a review whose previous review came before it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from corparent.checks import Finding
from corparent.dates import add_months
from corparent.model import Caseload, CaseRecord
from corparent.schedule import Obligation, Status, schedule
from corparent.synth._history import History, collection_year

__all__ = ["Fault", "Score", "faults", "score"]

D = dt.date
_DAY = dt.timedelta(days=1)
_LONGEST_INTERVAL_MONTHS = 6
"""No review of the child's case may follow the previous one by more than 6 months (CPPCR 2010
reg 33(2)); every other review interval is shorter."""
_CHAIN_FIRSTS = {
    "review_first": "review_first",
    "review_second": "review_first",
    "review_short_breaks": "review_short_breaks",
    "review_adoption_placed": "review_adoption_placed",
    "review_adoption_placed_second": "review_adoption_placed",
}
_FINDING_KINDS = {"met_late": "late", "overdue": "unmet", "missed": "unmet"}


@attrs.frozen(kw_only=True)
class Fault:
    """A review obligation the truth has as late or unmet.

    Attributes:
        child_id: The child.
        kind: ``"late"`` (held after its due date) or ``"unmet"`` (overdue or missed).
        on: The day the fault shows: the day held, ``as_of``, or the day care ended.
        duty_id: The review duty.
        due: The true due date.
        knowable: Whether the loaded years can show it (see :func:`faults`).
    """

    child_id: str
    kind: str
    on: D
    duty_id: str
    due: D
    knowable: bool

    @property
    def key(self) -> tuple[str, str, D]:
        """The child, kind and day a finding must name to match this fault."""
        return (self.child_id, self.kind, self.on)


def _shows_on(ob: Obligation, as_of: D) -> tuple[str, D] | None:
    if ob.status is Status.MET_LATE and ob.met_on is not None:
        return "late", ob.met_on
    if ob.status is Status.OVERDUE:
        return "unmet", as_of
    if ob.status is Status.MISSED:
        return "unmet", ob.due + dt.timedelta(days=ob.days_late(as_of))
    return None


def _chain_start(record: CaseRecord, ob: Obligation, obligations: list[Obligation]) -> D:
    """The day the obligation's chain of reviews began: the start of the period of care for
    the CPPCR chain, the placement for adoption for the AAR chain, else its own trigger."""
    if ob.duty.id in ("review_subsequent", "review_adoption_placed_subsequent"):
        first = "review_first" if ob.duty.id == "review_subsequent" else "review_adoption_placed"
        starts = [
            o.trigger
            for o in obligations
            if o.duty.id in (first, "review_short_breaks") and o.trigger <= ob.trigger
        ]
        return max(starts) if starts else ob.trigger
    opener = _CHAIN_FIRSTS.get(ob.duty.id)
    if opener is None or opener == ob.duty.id:
        return ob.trigger
    starts = [o.trigger for o in obligations if o.duty.id == opener and o.trigger <= ob.trigger]
    return max(starts) if starts else ob.trigger


def _knowable(kind: str, on: D, ob: Obligation, chain_start: D, known_from: D) -> bool:
    """Whether reviews known from ``known_from`` (with episodes) prove this fault.

    When the chain began inside the known history, every review of it is known, so the fault
    is exactly knowable. Otherwise the last review before the window is unknown; all that is
    certain is that the next review was due at the latest 6 months (the longest interval the
    law allows) after the later of the last known review that triggered this obligation and
    the day before the window opened. The fault is knowable only if it holds against that
    bound: a review held after it, or none held by the day the fault shows.
    """
    if chain_start >= known_from:
        return True
    bound = add_months(max(ob.trigger, known_from - _DAY), _LONGEST_INTERVAL_MONTHS)
    return on > bound


def faults(
    truth: History | Caseload | Iterable[CaseRecord],
    as_of: D,
    *,
    known_from: D,
    since: D | None = None,
) -> tuple[Fault, ...]:
    """Every review fault of the truth showing between ``since`` and ``as_of``.

    A fault is *knowable* from returns covering ``known_from`` to ``as_of`` (reviews and
    episodes known over that span, nothing before it) when it holds whatever happened before
    ``known_from``:

    - its chain of reviews (the period of care for CPPCR reviews, the placement for adoption
      for AAR reviews) began on or after ``known_from``, so every review of the chain is
      known and the exact first (20 working days) and second (3 months) review rules apply; or
    - the chain began earlier, and the fault shows after the latest due date any earlier
      history allows: 6 months after the later of the previous review (when that is known) and
      the day before ``known_from``. A late review held after that day, or no review by
      ``as_of`` or by the end of care when that day passed first, is certainly a fault.

    Args:
        truth: The hidden history (or its full records, with complete evidence).
        as_of: The day statuses are judged on (the same as the run being scored).
        known_from: The first day of the earliest return loaded.
        since: The first day faults are counted from (default: the first day of the
            collection year containing ``as_of``).
    """
    records = truth.caseload if isinstance(truth, History) else truth
    since = since or _year_start(as_of)
    out = []
    for record in records:
        obligations = [o for o in schedule(record, as_of) if o.duty.id.startswith("review_")]
        for ob in obligations:
            shown = _shows_on(ob, as_of)
            if shown is None or not since <= shown[1] <= as_of:
                continue
            kind, on = shown
            start = _chain_start(record, ob, obligations)
            out.append(
                Fault(
                    child_id=record.id,
                    kind=kind,
                    on=on,
                    duty_id=ob.duty.id,
                    due=ob.due,
                    knowable=_knowable(kind, on, ob, start, known_from),
                )
            )
    return tuple(out)


def _year_start(as_of: D) -> D:
    ending = D(as_of.year if as_of.month < 4 else as_of.year + 1, 3, 31)
    return collection_year(ending)[0]


@attrs.frozen(kw_only=True)
class Score:
    """Precision and recall of late and overdue review findings against the truth.

    Attributes:
        findings: Review findings scored (met late, overdue or missed, in the span).
        true_findings: Those matching a fault of the truth.
        faults: Knowable faults in the span (distinct child, kind and day).
        found: Knowable faults some finding matched.
        all_faults: Faults in the span, knowable or not.
        false_findings: The findings matching no fault (for diagnosis).
        faults_not_found: The knowable faults no finding matched (for diagnosis).
    """

    findings: int
    true_findings: int
    faults: int
    found: int
    all_faults: int
    false_findings: tuple[Finding, ...] = attrs.field(repr=False, default=())
    faults_not_found: tuple[Fault, ...] = attrs.field(repr=False, default=())

    @property
    def precision(self) -> float:
        """The share of findings that are true (1.0 when there are none)."""
        return self.true_findings / self.findings if self.findings else 1.0

    @property
    def recall(self) -> float:
        """The share of knowable faults found (1.0 when there are none)."""
        return self.found / self.faults if self.faults else 1.0

    def describe(self) -> str:
        """One line, e.g. ``precision 98.0% (49/50), recall 94.2% (49/52 knowable of 80)``."""
        return (
            f"precision {self.precision:.1%} ({self.true_findings}/{self.findings}), "
            f"recall {self.recall:.1%} ({self.found}/{self.faults} knowable of "
            f"{self.all_faults})"
        )


def _finding_key(finding: Finding) -> tuple[str, str, D] | None:
    if finding.duty_id is None or not finding.duty_id.startswith("review_"):
        return None
    kind = _FINDING_KINDS.get(finding.code or "")
    if kind is None or finding.due is None:
        return None
    return (finding.child_id, kind, finding.due + dt.timedelta(days=finding.days_overdue or 0))


def score(
    findings: Iterable[Finding],
    truth: History | Caseload | Iterable[CaseRecord],
    as_of: D,
    *,
    known_from: D,
    since: D | None = None,
) -> Score:
    """Score the late and overdue review findings of a run on cut returns against the truth.

    A finding is true when the truth has a review fault of the same child and kind showing on
    the same day (see :func:`faults`): for a finding of a review met late, the truth has that
    child's review held on that day late too; for an overdue or missed finding, the truth has
    a review of that child unmet on ``as_of`` or when care ended. Recall counts only the
    faults knowable from the returns loaded (from ``known_from``); findings and faults are
    both counted from ``since`` (default: the start of the collection year of ``as_of``).

    Args:
        findings: The findings of :func:`corparent.checks.run_checks` on the loaded returns.
        truth: The hidden history they were cut from.
        as_of: The run's ``as_of``.
        known_from: The first day of the earliest return loaded.
        since: The first day counted.

    >>> from corparent.checks import run_checks
    >>> from corparent.synth import cut_return, history
    >>> h = history(40, seed=4, previous=0)
    >>> day = h.year_ending
    >>> run = run_checks(h.caseload, day)  # the whole history: everything is knowable
    >>> s = score(run.findings, h, day, known_from=dt.date(1990, 1, 1))
    >>> (s.precision, s.recall)
    (1.0, 1.0)
    """
    since = since or _year_start(as_of)
    truth_faults = faults(truth, as_of, known_from=known_from, since=since)
    keys = {f.key for f in truth_faults}
    knowable = {f.key: f for f in truth_faults if f.knowable}
    scored = []
    for finding in findings:
        key = _finding_key(finding)
        if key is not None and since <= key[2] <= as_of:
            scored.append((finding, key))
    found = {key for _, key in scored if key in knowable}
    return Score(
        findings=len(scored),
        true_findings=sum(1 for _, key in scored if key in keys),
        faults=len(knowable),
        found=len(found),
        all_faults=len(keys),
        false_findings=tuple(f for f, key in scored if key not in keys),
        faults_not_found=tuple(f for key, f in knowable.items() if key not in found),
    )
