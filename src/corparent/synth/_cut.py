"""Cut SSDA903 returns from a hidden history, exactly as the DfE collects them.

A return for the year ending 31 March Y holds, for each child looked after at any time in the
year (or a care leaver with an OC3 row that year):

- a header row (UPN, or an UN1-UN5 reason code where the child has none);
- the episodes open at any time in the year (an episode that ended before 1 April is absent; one
  still open on 31 March has no DEC or REC, even if it ends later);
- the reviews held in the year, with their participation codes;
- OC2 for children looked after continuously for 12 months at 31 March, OC3 for care leavers
  whose 17th to 21st birthday fell in the year;
- missing episodes open at any time in the year (no MIS_END if they end after 31 March);
- the UASC row, with the date UASC status ceased only when that lies within the year.

Codes follow the year: sex is 1/2 up to 2023/24 and M/F from 2024/25.
"""

from __future__ import annotations

import datetime as dt
import zlib
from pathlib import Path

import attrs

from corparent.codes import Sex
from corparent.dates import age_on
from corparent.io.ssda903 import write
from corparent.model import Caseload, CaseRecord, Child, Episode, Evidence
from corparent.synth._history import History, collection_year

__all__ = ["cut_return", "write_return", "write_returns"]

D = dt.date
_NEW_SEX = D(2025, 3, 31)
_SEX_FROM_2024 = {Sex.MALE_1: Sex.M, Sex.FEMALE_2: Sex.F}


def _share(child_id: str, year: int) -> float:
    """A number in [0, 1) fixed by the child and the year (a cut draws no random numbers)."""
    return (zlib.crc32(f"{child_id}/{year}".encode()) % 10_000) / 10_000


def _upn(record: CaseRecord, episodes: list[Episode], year_end: D) -> str | None:
    """The UPN as the return for the year would hold it, or the DfE's reason for none.

    UN1: under 5 at 31 March, no UPN yet; UN2: a UASC who arrived in the year, never at school
    in England; UN4: newly looked after, UPN not yet obtained; UN5: sources disagree.
    """
    child = record.child
    year_start = collection_year(year_end)[0]
    new = bool(episodes) and episodes[0].start >= year_start
    share = _share(child.id, year_end.year)
    if age_on(child.date_of_birth, year_end) < 5:
        return "UN1"
    if child.uasc and new:
        return "UN2"
    if new and share < 0.06:
        return "UN4"
    if share > 0.997:
        return "UN5"
    return child.upn


def _child(record: CaseRecord, episodes: list[Episode], year_end: D) -> Child:
    child = record.child
    sex = child.sex
    if sex is not None and year_end >= _NEW_SEX:
        sex = _SEX_FROM_2024.get(sex, sex)
    girl_12 = age_on(child.date_of_birth, year_end) >= 12 and sex in (Sex.FEMALE_2, Sex.F)
    mother = child.mother if girl_12 else None
    mc_dob = child.mother_child_date_of_birth if mother else None
    if mc_dob is not None and mc_dob > year_end:
        mother, mc_dob = False, None
    ceased = child.uasc_ceased if child.uasc_ceased and child.uasc_ceased <= year_end else None
    return attrs.evolve(
        child,
        sex=sex,
        upn=_upn(record, episodes, year_end),
        mother=mother,
        mother_child_date_of_birth=mc_dob,
        uasc_ceased=ceased,
    )


def _cut_record(
    record: CaseRecord, endings: tuple[D, ...], window_start: D, evidence: Evidence
) -> CaseRecord | None:
    """The record as returns for ``endings`` (consecutive years, earliest first) show it."""
    window_end = endings[-1]
    episodes = []
    for e in record.episodes:
        if e.start > window_end or (e.end is not None and e.end < window_start):
            continue
        if e.end is not None and e.end > window_end:
            e = attrs.evolve(e, end=None, reason_ceased=None, reason_place_change=None)
        episodes.append(e)
    leaver_outcomes = [o for o in record.leaver_outcomes if o.year_ending in endings]
    if not episodes and not leaver_outcomes:
        return None
    # the header as the latest return holding the child has it
    header_year = max(
        ending
        for ending in endings
        if any(o.year_ending == ending for o in leaver_outcomes)
        or any(
            e.start <= ending and (e.end is None or e.end >= collection_year(ending)[0])
            for e in episodes
        )
    )
    header_start = collection_year(header_year)[0]
    in_header_year = [e for e in episodes if e.end is None or e.end >= header_start]
    missing = []
    for m in record.missing:
        if m.start > window_end or (m.end is not None and m.end < window_start):
            continue
        if m.end is not None and m.end > window_end:
            m = attrs.evolve(m, end=None)
        missing.append(m)
    return CaseRecord(
        child=_child(record, in_header_year, header_year),
        episodes=episodes,
        reviews=[r for r in record.reviews if window_start <= r.date <= window_end],
        health_outcomes=[h for h in record.health_outcomes if h.year_ending in endings],
        leaver_outcomes=leaver_outcomes,
        missing=missing,
        adoption_decisions=[
            a
            for a in record.adoption_decisions
            if a.decided_on is not None and window_start <= a.decided_on <= window_end
        ],
        placed_for_adoption=[
            p for p in record.placed_for_adoption if window_start <= p.date <= window_end
        ],
        evidence=evidence,
    )


def cut_return(source: History | Caseload, year_ending: D, *, previous: int = 0) -> Caseload:
    """The SSDA903 return for the collection year ending ``year_ending``, cut from ``source``.

    Only what the DfE collects for that year is kept (see the module docstring); children
    neither looked after in the year nor due an OC3 row are absent. The records are what a
    loader reads back from the written files, and carry the evidence window of the return
    (:meth:`~corparent.model.Evidence.ssda903`): episodes and reviews known over the year,
    nothing else held.

    With ``previous`` earlier years, the records are what a loader gives for this return and
    that many previous returns together, each superseding the earlier ones row by row: the
    window runs from the first day of the earliest year, and each child's header is the one of
    the latest return holding them.

    >>> from corparent.synth import history
    >>> h = history(30, seed=2, previous=1)
    >>> this_year = cut_return(h, dt.date(2024, 3, 31))
    >>> len(this_year)
    30
    >>> min(r.date for rec in this_year for r in rec.reviews) >= dt.date(2023, 4, 1)
    True
    >>> len(cut_return(h, dt.date(2024, 3, 31), previous=1)) > 30
    True
    """
    if previous < 0:
        raise ValueError("previous must not be negative")
    endings = tuple(D(year_ending.year - k, 3, 31) for k in range(previous, -1, -1))
    window_start = collection_year(endings[0])[0]
    _, year_end = collection_year(year_ending)
    evidence = Evidence.ssda903(window_start, year_end)
    records = source.caseload if isinstance(source, History) else source
    out = []
    for record in records:
        cut = _cut_record(record, endings, window_start, evidence)
        if cut is not None:
            out.append(cut)
    return Caseload(records=out)


def write_return(source: History | Caseload, folder: str | Path, year_ending: D) -> Path:
    """Write the return for the year ending ``year_ending`` as 903 CSV files in ``folder``."""
    write(cut_return(source, year_ending), folder)
    return Path(folder)


def write_returns(
    source: History,
    folder: str | Path,
    *,
    year_ending: D | None = None,
    previous: int | None = None,
) -> dict[D, Path]:
    """Write the return for ``year_ending`` and ``previous`` earlier ones, one folder per year.

    The layout is ``folder/<YYYY>/`` for the collection year ending 31 March YYYY (e.g.
    ``folder/2024`` for 2023/24, ``folder/2023`` for 2022/23), each a complete return of its
    own: load this year's folder and pass the others as previous returns
    (``corparent check folder/2024 --previous folder/2023 --previous folder/2022``).

    Args:
        source: The hidden history.
        folder: Where to write (created if needed).
        year_ending: The 31 March ending "this" year (default: the last year of the history).
        previous: Earlier years to write (default: every earlier year the history fills).

    Returns:
        The folder of each year's return, by the 31 March it ends on, latest first.

    Raises:
        ValueError: the history does not fill the years asked for.
    """
    year_ending = year_ending or source.year_ending
    filled = source.year_endings
    if year_ending not in filled:
        raise ValueError(f"the history does not fill the year ending {year_ending.isoformat()}")
    endings = filled[: filled.index(year_ending) + 1][::-1]
    if previous is not None:
        if not 0 <= previous < len(endings):
            raise ValueError(f"the history fills {len(endings) - 1} earlier years, not {previous}")
        endings = endings[: previous + 1]
    root = Path(folder)
    return {ending: write_return(source, root / str(ending.year), ending) for ending in endings}
