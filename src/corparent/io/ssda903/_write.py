"""Write a caseload back out as SSDA903 CSV files (the same files :func:`load` reads)."""

from __future__ import annotations

import csv
import datetime as dt
import enum
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from corparent._atomic import atomic_open
from corparent.errors import OutputError
from corparent.io.ssda903._tables import TABLES
from corparent.model import Caseload, CaseRecord

__all__ = ["write"]

Row = dict[str, Any]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def _header(r: CaseRecord) -> Iterator[Row]:
    c = r.child
    yield {
        "SEX": c.sex,
        "DOB": c.date_of_birth,
        "ETHNIC": c.ethnicity,
        "UPN": c.upn,
        "MOTHER": c.mother,
        "MC_DOB": c.mother_child_date_of_birth,
    }


def _episodes(r: CaseRecord) -> Iterator[Row]:
    for e in r.episodes:
        yield {
            "DECOM": e.start,
            "RNE": e.reason_new,
            "LS": e.legal_status,
            "CIN": e.category_of_need,
            "PLACE": e.placement,
            "PLACE_PROVIDER": e.provider,
            "DEC": e.end,
            "REC": e.reason_ceased,
            "REASON_PLACE_CHANGE": e.reason_place_change,
            "HOME_POST": e.home_postcode,
            "PL_POST": e.placement_postcode,
            "URN": e.urn,
        }


def _rows(r: CaseRecord, table: str) -> Iterator[Row]:
    dob = r.child.date_of_birth
    if table == "reviews":
        for v in r.reviews:
            yield {"DOB": dob, "REVIEW": v.date, "REVIEW_CODE": v.participation}
    elif table == "uasc" and r.child.uasc:
        yield {"SEX": r.child.sex, "DOB": dob, "DUC": r.child.uasc_ceased}
    elif table == "oc2":
        for h in r.health_outcomes:
            yield {
                "DOB": dob,
                "SDQ_SCORE": h.sdq_score,
                "SDQ_REASON": h.sdq_reason,
                "CONVICTED": h.convicted,
                "HEALTH_CHECK": h.health_check,
                "IMMUNISATIONS": h.immunisations,
                "TEETH_CHECK": h.teeth_check,
                "HEALTH_ASSESSMENT": h.health_assessment,
                "SUBSTANCE_MISUSE": h.substance_misuse,
                "INTERVENTION_RECEIVED": h.intervention_received,
                "INTERVENTION_OFFERED": h.intervention_offered,
            }
    elif table == "oc3":
        for o in r.leaver_outcomes:
            yield {
                "DOB": dob,
                "IN_TOUCH": o.in_touch,
                "ACTIV": o.activity,
                "ACCOM": o.accommodation,
            }
    elif table == "ad1":
        for a in r.adoption_decisions:
            yield {
                "DOB": dob,
                "DATE_INT": a.decided_on,
                "DATE_MATCH": a.matched_on,
                "FOSTER_CARE": a.foster_care,
                "NB_ADOPTR": a.number_of_adopters,
                "SEX_ADOPTR": a.adopter_sex,
                "LS_ADOPTR": a.adopter_legal_status,
            }
    elif table == "placed_adoption":
        for p in r.placed_for_adoption:
            yield {
                "DOB": dob,
                "DATE_PLACED": p.date,
                "DATE_PLACED_CEASED": p.ceased_on,
                "REASON_PLACED_CEASED": p.reason_ceased,
            }
    elif table == "prev_perm":
        for q in r.previous_permanence:
            yield {
                "DOB": dob,
                "PREV_PERM": q.kind,
                "LA_PERM": q.local_authority,
                "DATE_PERM": q.date,
            }
    elif table == "missing":
        for m in r.missing:
            yield {"DOB": dob, "MISSING": m.kind, "MIS_START": m.start, "MIS_END": m.end}
    elif table == "sw_episodes":
        for w in r.social_worker_episodes:
            yield {
                "DOB": dob,
                "SW_ID": w.sw_id,
                "SW_DECOM": w.start,
                "SW_DEC": w.end,
                "SW_REASON": w.reason,
            }
    elif table == "dolo":
        for d in r.deprivations_of_liberty:
            yield {"DOB": dob, "DOLO_START": d.start, "DOLO_END": d.end}


_SOURCES: dict[str, Callable[[CaseRecord], Iterator[Row]]] = {
    "header": _header,
    "episodes": _episodes,
}


def write(caseload: Caseload, folder: str | Path) -> dict[str, Path]:
    """Write every table of the return for ``caseload`` into ``folder`` (created if needed).

    Headers are upper case, dates ``dd/mm/YYYY``, codes as the DfE writes them, flags 0/1.
    OC2 and OC3 rows are written without their collection year (the return has no column for
    it), so write one collection year per folder. Returns the path of each file written.
    Each file is replaced atomically (a temporary file renamed into place).

    Raises:
        OutputError: the folder or a file cannot be written.
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {folder}: {exc.strerror}") from None
    written: dict[str, Path] = {}
    for table in TABLES:
        path = folder / f"{table.name}.csv"
        with atomic_open(path) as handle:
            out = csv.writer(handle)
            out.writerow(table.columns)
            source = _SOURCES.get(table.name)
            for record in caseload:
                rows = source(record) if source else _rows(record, table.name)
                for row in rows:
                    row["CHILD"] = record.id
                    out.writerow([_cell(row.get(column)) for column in table.columns])
        written[table.name] = path
    return written
