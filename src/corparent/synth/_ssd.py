"""Write a synthetic caseload as Standard Safeguarding Dataset tables: a database (SQLite by
default, any SQLAlchemy URL) or a folder of ``ssd_*.csv`` files.

The histories are the same ones the synthetic SSDA903 returns are cut from; the SSD holds more
of them (visits, health assessments, care plans, the system's review due dates, allocations).
``ssd_person`` gets made-up names and UPNs, as a real one has, so tests can prove the loader
never reads them. Nothing here describes a real child.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import hashlib
import random
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corparent.law import ENGLAND, RuleSet
from corparent.model import Caseload, CaseRecord, HealthAssessmentKind
from corparent.schedule import Obligation, schedule
from corparent.synth._history import History

if TYPE_CHECKING:
    import sqlalchemy as sa

__all__ = ["SSD_SCHEMA", "ssd_rows", "write_ssd"]

Row = dict[str, Any]
_S, _D = "text", "date"

_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "ssd_person": (
        ("pers_person_id", _S), ("pers_legacy_id", _S), ("pers_forename", _S),
        ("pers_surname", _S), ("pers_dob", _D), ("pers_upn", _S), ("pers_sex", _S),
    ),
    "ssd_cla_episodes": (
        ("clae_cla_episode_id", _S), ("clae_person_id", _S), ("clae_cla_id", _S),
        ("clae_cla_episode_start_date", _D), ("clae_cla_episode_start_reason", _S),
        ("clae_cla_primary_need_code", _S), ("clae_cla_episode_ceased_date", _D),
        ("clae_cla_episode_ceased_reason", _S), ("clae_cla_placement_id", _S),
    ),
    "ssd_cla_placement": (
        ("clap_cla_placement_id", _S), ("clap_cla_id", _S), ("clap_person_id", _S),
        ("clap_cla_placement_start_date", _D), ("clap_cla_placement_type", _S),
        ("clap_cla_placement_provider", _S), ("clap_cla_placement_urn", _S),
        ("clap_cla_placement_postcode", _S), ("clap_cla_placement_end_date", _D),
    ),
    "ssd_legal_status": (
        ("lega_legal_status_id", _S), ("lega_person_id", _S), ("lega_legal_status", _S),
        ("lega_legal_status_start_date", _D), ("lega_legal_status_end_date", _D),
    ),
    "ssd_cla_reviews": (
        ("clar_cla_review_id", _S), ("clar_cla_id", _S), ("clar_cla_review_due_date", _D),
        ("clar_cla_review_date", _D), ("clar_cla_review_cancelled", _S),
        ("clar_cla_review_participation", _S),
    ),
    "ssd_cla_visits": (
        ("clav_cla_visit_id", _S), ("clav_cla_id", _S), ("clav_person_id", _S),
        ("clav_cla_visit_date", _D), ("clav_cla_visit_seen", _S),
        ("clav_cla_visit_seen_alone", _S),
    ),
    "ssd_cla_health": (
        ("clah_health_check_id", _S), ("clah_person_id", _S), ("clah_health_check_type", _S),
        ("clah_health_check_date", _D), ("clah_health_check_status", _S),
    ),
    "ssd_cla_care_plan": (
        ("lacp_table_id", _S), ("lacp_person_id", _S), ("lacp_cla_care_plan_start_date", _D),
        ("lacp_cla_care_plan_end_date", _D), ("lacp_cla_care_plan_json", _S),
    ),
    "ssd_care_leavers": (
        ("clea_table_id", _S), ("clea_person_id", _S), ("clea_care_leaver_eligibility", _S),
        ("clea_care_leaver_in_touch", _S), ("clea_care_leaver_latest_contact", _D),
        ("clea_pathway_plan_review_date", _D), ("clea_care_leaver_personal_advisor", _S),
        ("clea_care_leaver_allocated_team", _S), ("clea_care_leaver_worker_id", _S),
    ),
    "ssd_missing": (
        ("miss_table_id", _S), ("miss_person_id", _S), ("miss_missing_episode_start_date", _D),
        ("miss_missing_episode_type", _S), ("miss_missing_episode_end_date", _D),
    ),
    "ssd_involvements": (
        ("invo_involvements_id", _S), ("invo_professional_id", _S),
        ("invo_professional_role_id", _S), ("invo_professional_team", _S),
        ("invo_involvement_start_date", _D), ("invo_involvement_end_date", _D),
        ("invo_worker_change_reason", _S), ("invo_person_id", _S),
    ),
    "ssd_professionals": (
        ("prof_professional_id", _S), ("prof_staff_id", _S), ("prof_professional_name", _S),
        ("prof_social_worker_registration_no", _S), ("prof_professional_department", _S),
    ),
}  # fmt: skip

SSD_SCHEMA: dict[str, tuple[str, ...]] = {
    t: tuple(c for c, _ in cols) for t, cols in _COLUMNS.items()
}
"""The tables written and their columns (a subset of the SSD's, plus the personal columns a
real ``ssd_person`` has)."""

_TEAMS = ("North", "South", "East", "West", "Leaving Care", "Disabled Children")
_HEALTH_TYPE = {
    HealthAssessmentKind.INITIAL: "Initial Health Assessment",
    HealthAssessmentKind.REVIEW: "Review Health Assessment",
}


def _yn(value: bool | None) -> str | None:
    return None if value is None else ("Y" if value else "N")


def _code(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _number(child_id: str) -> int:
    return int(hashlib.sha256(child_id.encode()).hexdigest()[:8], 16)


def _rows(
    r: CaseRecord, as_of: dt.date, late_system_due_days: int, rng: random.Random
) -> Iterator[tuple[str, Row]]:
    cid = r.id
    n = _number(cid)
    yield "ssd_person", {
        "pers_person_id": cid, "pers_legacy_id": f"L{n % 10**7:07d}",
        "pers_forename": f"Forename{n % 997}", "pers_surname": f"Surname{n % 991}",
        "pers_dob": r.child.date_of_birth, "pers_upn": f"A{n % 10**12:012d}", "pers_sex": "U",
    }  # fmt: skip
    periods = r.periods_of_care()

    def cla_of(day: dt.date) -> str:
        index = 0
        for i, p in enumerate(periods):
            if p.start <= day:
                index = i
        return f"{cid}-P{index + 1}"

    place_ids: dict[tuple[dt.date, str], str] = {}
    placement_of = {id(e): pl for pl in r.placements() for e in pl.episodes}
    for pi, period in enumerate(periods, 1):
        for ei, e in enumerate(period.episodes, 1):
            placement = placement_of.get(id(e))
            start = placement.start if placement is not None else e.start
            key = (start, e.placement.value)
            if key not in place_ids:
                place_ids[key] = f"{cid}-PL{len(place_ids) + 1}"
                yield "ssd_cla_placement", {
                    "clap_cla_placement_id": place_ids[key], "clap_cla_id": f"{cid}-P{pi}",
                    "clap_person_id": cid, "clap_cla_placement_start_date": start,
                    "clap_cla_placement_type": e.placement.value,
                    "clap_cla_placement_provider": _code(e.provider),
                    "clap_cla_placement_urn": e.urn, "clap_cla_placement_postcode": "ZZ99 9ZZ",
                    "clap_cla_placement_end_date": placement.end if placement else e.end,
                }  # fmt: skip
            yield "ssd_cla_episodes", {
                "clae_cla_episode_id": f"{cid}-P{pi}E{ei}", "clae_person_id": cid,
                "clae_cla_id": f"{cid}-P{pi}", "clae_cla_episode_start_date": e.start,
                "clae_cla_episode_start_reason": e.reason_new.value,
                "clae_cla_primary_need_code": _code(e.category_of_need),
                "clae_cla_episode_ceased_date": e.end,
                "clae_cla_episode_ceased_reason": _code(e.reason_ceased),
                "clae_cla_placement_id": place_ids[key],
            }  # fmt: skip
    # Legal statuses: runs of episodes with one status, within a period of care.
    li = 0
    for period in periods:
        run_start, run_status, run_end = None, None, None
        for e in period.episodes:
            if e.legal_status != run_status:
                if run_status is not None:
                    li += 1
                    yield "ssd_legal_status", _legal(cid, li, run_status, run_start, run_end)
                run_start, run_status = e.start, e.legal_status
            run_end = e.end
        if run_status is not None:
            li += 1
            yield "ssd_legal_status", _legal(cid, li, run_status, run_start, run_end)
    # Reviews, with the system's due date: the statutory one, or later where the system's
    # workflow is misconfigured (``late_system_due_days`` for this child).
    if r.episodes:
        obligations = [
            o for o in schedule(r, as_of, rules=_REVIEW_RULES) if o.duty.id.startswith("review_")
        ]
        by_met: dict[dt.date, Obligation] = {}
        by_due = sorted(obligations, key=lambda o: o.due)
        for o in by_due:
            if o.met_on is not None:
                by_met.setdefault(o.met_on, o)  # the strictest duty the review discharged
        for i, review in enumerate(r.reviews, 1):
            ob = by_met.get(review.date)
            yield "ssd_cla_reviews", {
                "clar_cla_review_id": f"{cid}-R{i}", "clar_cla_id": cla_of(review.date),
                "clar_cla_review_due_date": (
                    ob.due + dt.timedelta(days=late_system_due_days) if ob else None
                ),
                "clar_cla_review_date": review.date, "clar_cla_review_cancelled": "N",
                "clar_cla_review_participation": _code(review.participation),
            }  # fmt: skip
        open_ = next((o for o in by_due if o.met_on is None), None)
        if open_ is not None:
            yield "ssd_cla_reviews", {
                "clar_cla_review_id": f"{cid}-R{len(r.reviews) + 1}",
                "clar_cla_id": cla_of(open_.trigger),
                "clar_cla_review_due_date": open_.due + dt.timedelta(days=late_system_due_days),
                "clar_cla_review_date": None, "clar_cla_review_cancelled": "N",
                "clar_cla_review_participation": None,
            }  # fmt: skip
    for i, v in enumerate(r.visits, 1):
        yield "ssd_cla_visits", {
            "clav_cla_visit_id": f"{cid}-V{i}", "clav_cla_id": cla_of(v.date),
            "clav_person_id": cid, "clav_cla_visit_date": v.date,
            "clav_cla_visit_seen": "Y" if v.seen else "N",
            "clav_cla_visit_seen_alone": _yn(v.seen_alone),
        }  # fmt: skip
    for i, h in enumerate(r.health_assessments, 1):
        yield "ssd_cla_health", {
            "clah_health_check_id": f"{cid}-H{i}", "clah_person_id": cid,
            "clah_health_check_type": _HEALTH_TYPE[h.kind], "clah_health_check_date": h.date,
            "clah_health_check_status": "Completed",
        }  # fmt: skip
    for i, d in enumerate(r.dental_checks, 1):
        yield "ssd_cla_health", {
            "clah_health_check_id": f"{cid}-D{i}", "clah_person_id": cid,
            "clah_health_check_type": "Dental Check", "clah_health_check_date": d.date,
            "clah_health_check_status": "Completed",
        }  # fmt: skip
    plans = list(r.care_plans)
    for i, p in enumerate(plans, 1):
        yield "ssd_cla_care_plan", {
            "lacp_table_id": f"{cid}-CP{i}", "lacp_person_id": cid,
            "lacp_cla_care_plan_start_date": p.date,
            "lacp_cla_care_plan_end_date": plans[i].date if i < len(plans) else None,
            "lacp_cla_care_plan_json": '{"plan": "free text never read"}',
        }  # fmt: skip
    team = _TEAMS[n % len(_TEAMS)]
    worker = f"SW{n % 53:03d}"
    if r.pathway_plans or r.pa_contacts:
        yield "ssd_care_leavers", {
            "clea_table_id": f"{cid}-CL", "clea_person_id": cid,
            "clea_care_leaver_eligibility": "Eligible", "clea_care_leaver_in_touch": "YES",
            "clea_care_leaver_latest_contact": max((c.date for c in r.pa_contacts), default=None),
            "clea_pathway_plan_review_date": max((p.date for p in r.pathway_plans), default=None),
            "clea_care_leaver_personal_advisor": f"Adviser{n % 89}",
            "clea_care_leaver_allocated_team": "Leaving Care",
            "clea_care_leaver_worker_id": f"PA{n % 17:03d}",
        }  # fmt: skip
    for i, m in enumerate(r.missing, 1):
        yield "ssd_missing", {
            "miss_table_id": f"{cid}-M{i}", "miss_person_id": cid,
            "miss_missing_episode_start_date": m.start, "miss_missing_episode_type": m.kind.value,
            "miss_missing_episode_end_date": m.end,
        }  # fmt: skip
    if r.episodes:
        start = r.episodes[0].start
        handover = start + dt.timedelta(days=rng.randint(60, 900))
        spans: list[tuple[str, str, dt.date, dt.date | None]] = [(worker, team, start, None)]
        if handover < as_of:
            other = f"SW{(n // 53) % 53:03d}"
            spans = [
                (other, team, start, handover - dt.timedelta(days=1)),
                (worker, team, handover, None),
            ]
        for i, (w, t, since, until) in enumerate(spans, 1):
            yield "ssd_involvements", {
                "invo_involvements_id": f"{cid}-I{i}", "invo_professional_id": f"P-{w}",
                "invo_professional_role_id": "Allocated Social Worker",
                "invo_professional_team": t, "invo_involvement_start_date": since,
                "invo_involvement_end_date": until, "invo_worker_change_reason": None,
                "invo_person_id": cid,
            }  # fmt: skip


_REVIEW_RULES = RuleSet(ENGLAND.name, [d for d in ENGLAND if d.id.startswith("review_")])


def _legal(cid: str, i: int, status: Any, start: Any, end: Any) -> Row:
    return {
        "lega_legal_status_id": f"{cid}-LS{i}", "lega_person_id": cid,
        "lega_legal_status": status.value, "lega_legal_status_start_date": start,
        "lega_legal_status_end_date": end,
    }  # fmt: skip


def ssd_rows(
    caseload: Caseload,
    *,
    as_of: dt.date,
    seed: int = 0,
    misconfigured_share: float = 0.05,
    late_by_days: int = 28,
) -> dict[str, list[Row]]:
    """The SSD rows of ``caseload``, by table.

    Args:
        caseload: The full histories (``corparent.synth.generate``).
        as_of: The day the extract is taken (the open review's due date is from it).
        seed: Seeds which children's workflows are misconfigured.
        misconfigured_share: The share of children whose system review due dates are late.
        late_by_days: How much later than the statutory date those due dates are.
    """
    rng = random.Random(seed)
    tables: dict[str, list[Row]] = {name: [] for name in _COLUMNS}
    for r in caseload:
        late = late_by_days if rng.random() < misconfigured_share else 0
        for name, row in _rows(r, as_of, late, rng):
            tables[name].append(row)
    workers = sorted({row["invo_professional_id"] for row in tables["ssd_involvements"]})
    for w in workers:
        staff = w.removeprefix("P-")
        tables["ssd_professionals"].append(
            {
                "prof_professional_id": w, "prof_staff_id": staff,
                "prof_professional_name": f"Worker {staff}",
                "prof_social_worker_registration_no": f"SW{_number(staff) % 10**6:06d}",
                "prof_professional_department": "Children in Care",
            }
        )  # fmt: skip
    return tables


def _write_csv(tables: dict[str, list[Row]], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            columns = SSD_SCHEMA[name]
            writer.writerow(columns)
            for row in rows:
                writer.writerow(
                    [
                        ""
                        if row.get(c) is None
                        else (row[c].isoformat() if isinstance(row[c], dt.date) else row[c])
                        for c in columns
                    ]
                )


def _write_db(tables: dict[str, list[Row]], url: str | sa.Engine) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url) if isinstance(url, str) else url
    metadata = sa.MetaData()
    types = {_S: sa.String, _D: sa.Date}
    defined = {
        name: sa.Table(name, metadata, *(sa.Column(c, types[t]()) for c, t in cols))
        for name, cols in _COLUMNS.items()
    }
    try:
        with engine.begin() as conn:
            metadata.drop_all(conn)
            metadata.create_all(conn)
            for name, rows in tables.items():
                if rows:
                    columns = SSD_SCHEMA[name]
                    conn.execute(
                        defined[name].insert(), [{c: row.get(c) for c in columns} for row in rows]
                    )
    finally:
        if isinstance(url, str):
            engine.dispose()


def write_ssd(
    source: Caseload | History,
    target: str | Path | sa.Engine,
    *,
    as_of: dt.date | None = None,
    seed: int = 0,
    misconfigured_share: float = 0.05,
    late_by_days: int = 28,
) -> dict[str, int]:
    """Write ``caseload`` as SSD tables; returns the rows written per table.

    Args:
        source: The full histories: a :class:`History` (the hidden truth the SSDA903 returns
            are cut from) or a caseload (:func:`generate`).
        target: A database URL or engine (the tables are dropped and created), or a folder
            (``ssd_*.csv`` files are written) when it is a :class:`~pathlib.Path`.
        as_of: The day of the extract (a history's year end by default).
        seed: Seeds which children's workflows are misconfigured.
        misconfigured_share: The share of children whose system review due dates are late.
        late_by_days: How much later than the statutory date those due dates are.
    """
    if isinstance(source, History):
        caseload, as_of = source.caseload, as_of or source.year_ending
    else:
        caseload = source
    if as_of is None:
        raise ValueError("as_of is required for a caseload")
    tables = ssd_rows(
        caseload,
        as_of=as_of,
        seed=seed,
        misconfigured_share=misconfigured_share,
        late_by_days=late_by_days,
    )
    if isinstance(target, Path):
        _write_csv(tables, target)
    else:
        _write_db(tables, target)
    return {name: len(rows) for name, rows in tables.items()}
