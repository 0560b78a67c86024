"""Every figure of the Corporate Parenting Panel report, computed from records (no HTML here)."""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections import Counter
from collections.abc import Iterable, Mapping

import attrs

from corparent.dates import add_months
from corparent.law import ENGLAND, Conventions, LeaverStatus, RuleSet
from corparent.leaving_care import care_leaver_status
from corparent.model import Caseload, CaseRecord
from corparent.pledges import Pledge, coverage
from corparent.schedule import Obligation, Status, schedule

__all__ = [
    "DutyTimeliness",
    "ListedObligation",
    "Measure",
    "MonthPoint",
    "Report",
    "build_report",
]


@attrs.frozen(kw_only=True)
class DutyTimeliness:
    """Obligations of one duty falling due in the year to ``as_of``, by outcome.

    Obligations the data cannot judge (``not_assessable``) are counted apart and never enter
    the percentage: a one-year return cannot show whether a review that followed one held
    before the year was on time.
    """

    duty_id: str
    title: str
    citation: str
    force: str
    on_time: int
    late: int
    overdue: int
    missed: int = 0
    not_assessable: int = 0

    @property
    def total(self) -> int:
        """All assessable obligations counted (not-assessable ones are left out)."""
        return self.on_time + self.late + self.overdue + self.missed

    @property
    def on_time_percent(self) -> float:
        """Share met on time, 0-100."""
        return 100.0 * self.on_time / self.total if self.total else 0.0


@attrs.frozen(kw_only=True)
class MonthPoint:
    """Obligations falling due in one calendar month, by outcome."""

    month: dt.date
    on_time: int
    late: int
    overdue: int


@attrs.frozen(kw_only=True)
class ListedObligation:
    """One row of the overdue or due-soon list: by child record id only."""

    child_id: str
    duty_id: str
    due: dt.date
    days: int
    citation: str
    local: bool


@attrs.frozen(kw_only=True)
class Measure:
    """A national measure: numerator over denominator, with where it comes from.

    ``not_assessable`` counts the children (or obligations) the data cannot place in the
    denominator, and ``note`` says why; nobody leaves a denominator silently.
    """

    name: str
    numerator: int
    denominator: int
    source: str
    not_assessable: int = 0
    note: str = ""

    @property
    def percent(self) -> float | None:
        """The percentage, or ``None`` when nobody is in the denominator."""
        return 100.0 * self.numerator / self.denominator if self.denominator else None


@attrs.frozen(kw_only=True)
class Report:
    """All the figures of the panel report, as at ``as_of``."""

    as_of: dt.date
    children: int
    looked_after: int
    timeliness: tuple[DutyTimeliness, ...]
    trend: tuple[MonthPoint, ...]
    overdue: tuple[ListedObligation, ...]
    due_soon: tuple[ListedObligation, ...]
    measures: tuple[Measure, ...]
    participation: Mapping[str, int]
    leaver_statuses: Mapping[str, int]
    pledge_council: str | None = None
    pledge_coverage: Mapping[str, int] | None = None
    pledge_gaps: tuple[str, ...] = ()
    local_standards: tuple[DutyTimeliness, ...] = ()
    load_summary: str | None = None
    not_assessable: int = 0
    evidence: str = ""


def _wanted(duty_id: str, patterns: tuple[str, ...] | None) -> bool:
    return patterns is None or any(fnmatch.fnmatchcase(duty_id, p) for p in patterns)


def _outcome(o: Obligation) -> str | None:
    if o.status is Status.MET:
        return "on_time"
    if o.status is Status.MET_LATE:
        return "late"
    if o.status is Status.OVERDUE:
        return "overdue"
    if o.status is Status.MISSED:
        return "missed"
    if o.status is Status.NOT_ASSESSABLE:
        return "not_assessable"
    return None


def _stability(records: Iterable[CaseRecord], as_of: dt.date) -> tuple[Measure, Measure]:
    year_start = add_months(as_of, -12)
    moves = moves_den = long_num = long_den = unknown = 0
    for record in records:
        period = record.period_on(as_of)
        if period is None:
            continue
        moves_den += 1
        placements = [
            p
            for p in record.placements()
            if not p.is_temporary and p.start <= as_of and (p.end is None or p.end > year_start)
        ]
        if len(placements) >= 3:
            moves += 1
        if record.age_on(as_of) >= 16:
            continue
        current = record.placement_on(as_of)
        long_in_care = (as_of - period.start).days >= 913
        if not long_in_care and not period.start_known:
            unknown += 1  # began before the data: may be 2.5 years or more
            continue
        if long_in_care:
            if current is not None and (as_of - current.start).days >= 730:
                long_den += 1
                long_num += 1
            elif current is not None and not current.start_known:
                unknown += 1  # the placement began before the data, on an unknown day
            else:
                long_den += 1
    return (
        Measure(
            name="Children looked after with 3 or more placements in the year",
            numerator=moves,
            denominator=moves_den,
            source="903 episodes (PLACE, DECOM)",
        ),
        Measure(
            name="Under-16s looked after 2.5+ years in the same placement for 2+ years",
            numerator=long_num,
            denominator=long_den,
            source="903 episodes",
            not_assessable=unknown,
            note=(
                f"{unknown} children's care or placement began before the data, so it cannot "
                "show whether they count; load previous years' returns to include them."
                if unknown
                else ""
            ),
        ),
    )


def build_report(
    caseload: Caseload,
    as_of: dt.date,
    *,
    rules: RuleSet = ENGLAND,
    conventions: Conventions | None = None,
    duties: tuple[str, ...] | None = None,
    pledge: Pledge | None = None,
    due_soon_days: int = 28,
    load_summary: str | None = None,
) -> Report:
    """Compute every figure of the panel report.

    Args:
        caseload: The children.
        as_of: The day the report is as at; "the year" is the 12 months to it.
        rules: The rule set (``ENGLAND.with_standards(pledge)`` to include local standards; a
            ``pledge`` given here is overlaid automatically).
        conventions: The counting conventions.
        duties: Duty-id patterns to report (``None``: every duty). A report from SSDA903 data
            alone should pass ``("review_*",)``: the return records no visits or plans.
        pledge: The council's pledge, for coverage and local standards.
        due_soon_days: How far ahead the due-soon list looks.
        load_summary: The loader's row tally, shown in the report.
    """
    if pledge is not None and not any(d.force.value == "local" for d in rules):
        rules = rules.with_standards(pledge)
    local_ids = {d.id for d in rules if d.force.value == "local"}
    year_start = add_months(as_of, -12)
    month_starts = [add_months(dt.date(as_of.year, as_of.month, 1), -k) for k in range(11, -1, -1)]
    per_duty: dict[str, Counter[str]] = {}
    per_month: dict[dt.date, Counter[str]] = {m: Counter() for m in month_starts}
    overdue: list[ListedObligation] = []
    due_soon: list[ListedObligation] = []
    participation: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    looked_after = 0
    not_assessable = 0
    records = list(caseload)
    for record in records:
        if record.looked_after_on(as_of):
            looked_after += 1
        for review in record.reviews:
            if year_start < review.date <= as_of:
                participation[review.participation.code if review.participation else "none"] += 1
        status = care_leaver_status(record, as_of, conventions=conventions)
        if status is not LeaverStatus.NONE:
            statuses[status.value] += 1
        for o in schedule(record, as_of, rules=rules, conventions=conventions):
            if not (_wanted(o.duty.id, duties) or o.duty.id in local_ids):
                continue
            outcome = _outcome(o)
            if outcome == "not_assessable":
                not_assessable += 1
            if outcome is not None and year_start < o.due <= as_of:
                per_duty.setdefault(o.duty.id, Counter())[outcome] += 1
                month = dt.date(o.due.year, o.due.month, 1)
                if month in per_month:
                    per_month[month][outcome] += 1
            row = ListedObligation(
                child_id=o.child_id,
                duty_id=o.duty.id,
                due=o.due,
                days=abs((as_of - o.due).days),
                citation=o.version.citation.short,
                local=o.duty.id in local_ids,
            )
            if o.status is Status.OVERDUE:
                overdue.append(row)
            elif o.status is Status.DUE and o.due <= as_of + dt.timedelta(days=due_soon_days):
                due_soon.append(row)
    timeliness = tuple(
        DutyTimeliness(
            duty_id=d,
            title=rules[d].title,
            citation=rules[d].citation.short,
            force=rules[d].force.value,
            on_time=c["on_time"],
            late=c["late"],
            overdue=c["overdue"],
            missed=c["missed"],
            not_assessable=c["not_assessable"],
        )
        for d, c in sorted(per_duty.items())
    )
    measures = list(_stability(records, as_of))
    reviews = [t for t in timeliness if t.duty_id.startswith("review_")]
    measures.append(
        Measure(
            name="Reviews held on time in the year",
            numerator=sum(t.on_time for t in reviews),
            denominator=sum(t.total for t in reviews),
            source="903 reviews against CPPCR reg 33",
            not_assessable=sum(t.not_assessable for t in reviews),
            note=(
                "Reviews whose timeliness depends on a review before the data are left out."
                if any(t.not_assessable for t in reviews)
                else ""
            ),
        )
    )
    measures.extend(_outcomes(records, as_of))
    cov = coverage(pledge) if pledge is not None else None
    return Report(
        as_of=as_of,
        children=len(records),
        looked_after=looked_after,
        timeliness=tuple(t for t in timeliness if t.duty_id not in local_ids),
        trend=tuple(
            MonthPoint(month=m, on_time=c["on_time"], late=c["late"], overdue=c["overdue"])
            for m, c in per_month.items()
        ),
        overdue=tuple(sorted(overdue, key=lambda r: (-r.days, r.child_id, r.duty_id))),
        due_soon=tuple(sorted(due_soon, key=lambda r: (r.due, r.child_id, r.duty_id))),
        measures=tuple(measures),
        participation=dict(sorted(participation.items())),
        leaver_statuses=dict(sorted(statuses.items())),
        pledge_council=pledge.council if pledge else None,
        pledge_coverage={f"({p.letter}) {p.plain_english}": n for p, n in cov.counts().items()}
        if cov
        else None,
        pledge_gaps=tuple(p.name for p in cov.gaps) if cov else (),
        local_standards=tuple(t for t in timeliness if t.duty_id in local_ids),
        load_summary=load_summary,
        not_assessable=not_assessable,
        evidence=_evidence_summary(records),
    )


def _evidence_summary(records: list[CaseRecord]) -> str:
    """What the records' sources can show, in words (the most common evidence)."""
    kinds = Counter(r.evidence.source or r.evidence.describe() for r in records)
    if not kinds:
        return ""
    (text, _), *_ = kinds.most_common(1)
    return text


def _outcomes(records: list[CaseRecord], as_of: dt.date) -> list[Measure]:
    year_end = dt.date(
        as_of.year if as_of.month > 3 or (as_of.month == 3 and as_of.day == 31) else as_of.year - 1,
        3,
        31,
    )
    oc2 = [h for r in records for h in r.health_outcomes if h.year_ending == year_end]
    out = [
        Measure(
            name=name,
            numerator=sum(1 for h in oc2 if getattr(h, field)),
            denominator=sum(1 for h in oc2 if getattr(h, field) is not None),
            source=f"903 OC2 {field.upper()}",
        )
        for name, field in (
            ("Annual health assessment up to date", "health_assessment"),
            ("Teeth checked by a dentist", "teeth_check"),
            ("Immunisations up to date", "immunisations"),
        )
    ]
    for low, high in ((17, 18), (19, 21)):
        rows = [
            (r, o)
            for r in records
            for o in r.leaver_outcomes
            if o.year_ending == year_end and low <= r.age_on(as_of) <= high
        ]
        label = f"care leavers aged {low}-{high}"
        out.append(
            Measure(
                name=f"In touch: {label}",
                numerator=sum(o.in_touch.in_touch for _, o in rows),
                denominator=len(rows),
                source="903 OC3 IN_TOUCH",
            )
        )
        out.append(
            Measure(
                name=f"In education, employment or training: {label}",
                numerator=sum(
                    1
                    for _, o in rows
                    if o.activity and o.activity.in_education_employment_or_training
                ),
                denominator=len(rows),
                source="903 OC3 ACTIV",
            )
        )
        out.append(
            Measure(
                name=f"In suitable accommodation: {label}",
                numerator=sum(
                    1 for _, o in rows if o.accommodation and o.accommodation.is_suitable
                ),
                denominator=len(rows),
                source="903 OC3 ACCOM",
            )
        )
    return out
