"""An SSDA903 return as columns: every table's rows for many children, decoded once.

A column-wise reader fills these straight from the files (no :class:`~corparent.model.CaseRecord`
per child); column-wise checks read them. Encodings, one numpy array per model field (the
field names of the reader's table definitions, e.g. ``start``, ``legal_status``):

* dates: ``int64`` day numbers (days since 1970-01-01, as :mod:`corparent.batch._dates`),
  :data:`~corparent.batch._dates.NEVER` when the cell is empty;
* codes: ``int16``, the member's position in its code list's definition order
  (``list(LegalStatus)``), ``-1`` when empty;
* flags (``0``/``1``) and whole numbers: ``int16``, ``-1`` when empty;
* text (UPN, postcodes, ids): ``bool``, whether the cell holds anything (the text itself is not
  kept: no check reads it, and it may be personal data).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from corparent.batch._dates import EPOCH_ORDINAL, NEVER
from corparent.codes import (
    Accommodation,
    Activity,
    AdopterLegalStatus,
    AdopterSex,
    CategoryOfNeed,
    CodeList,
    Ethnicity,
    InTouch,
    LegalStatus,
    MissingType,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    ReasonPlacedCeased,
    ReviewParticipation,
    SdqReason,
    Sex,
)
from corparent.model import CaseRecord

__all__ = ["TABLE_FIELDS", "ReturnColumns", "TableColumns"]

Ints = npt.NDArray[np.int64]


@attrs.frozen(kw_only=True, eq=False)
class TableColumns:
    """One table's rows for the children of a :class:`ReturnColumns`.

    Attributes:
        offsets: Child ``j``'s rows are ``offsets[j]:offsets[j + 1]`` (length: children + 1).
            Within a child, rows are in the order the model keeps them: sorted (stably) by
            the field :class:`~corparent.model.CaseRecord` sorts that table by (episodes by
            start, reviews by date, ...), ties in file order; header and UASC rows as read.
        values: Per model field, one array with one value per row (encodings above).
        line: Each row's physical line number in its file (1 is the header line).
    """

    offsets: Ints
    values: Mapping[str, npt.NDArray[np.generic]]
    line: Ints

    def __len__(self) -> int:
        return len(self.line)


@attrs.frozen(kw_only=True, eq=False)
class ReturnColumns:
    """The children of one SSDA903 return whose every row was read cleanly, as columns.

    Attributes:
        child_ids: The children's record ids, sorted as ``sorted()`` sorts strings (the
            order a loaded caseload keeps).
        tables: Every table of the return by name (``header``, ``episodes``, ``reviews``,
            ``uasc``, ``oc2``, ``oc3``, ``ad1``, ``placed_adoption``, ``prev_perm``,
            ``missing``, ``sw_episodes``, ``dolo``); a table the return lacks has no rows.
            Every child has exactly one ``header`` row.
        year_end: The 31 March the return's collection year ends on (its OC2 and OC3 rows
            belong to that year).
    """

    child_ids: tuple[str, ...]
    tables: Mapping[str, TableColumns]
    year_end: dt.date

    def __len__(self) -> int:
        return len(self.child_ids)

    @classmethod
    def from_records(cls, records: Iterable[CaseRecord], year_end: dt.date) -> ReturnColumns:
        """The columns a reader would fill from the 903 return holding ``records`` (sorted
        here by id), for the collection year ending ``year_end``: the 903 fields of each record
        (fields a 903 return does not hold are not read). Row line numbers are the rows'
        positions, as if each table were one file.

        Raises:
            ValueError: two records share an id, an OC2 or OC3 row belongs to another year, or
                a UASC ceased date is given without UASC status (no 903 row holds it).
        """
        return _from_records(cls, records, year_end)


# -- from records (tests, and callers holding records already) ---------------------------------

_D, _T, _F, _I = "date", "text", "flag", "int"

TABLE_FIELDS: Mapping[str, tuple[tuple[str, str | type[CodeList]], ...]] = {
    "header": (
        ("date_of_birth", _D),
        ("sex", Sex),
        ("ethnicity", Ethnicity),
        ("upn", _T),
        ("mother", _F),
        ("mother_child_date_of_birth", _D),
    ),
    "episodes": (
        ("start", _D),
        ("reason_new", ReasonNewEpisode),
        ("legal_status", LegalStatus),
        ("category_of_need", CategoryOfNeed),
        ("placement", PlacementType),
        ("provider", PlacementProvider),
        ("end", _D),
        ("reason_ceased", ReasonEpisodeCeased),
        ("reason_place_change", ReasonPlaceChange),
        ("home_postcode", _T),
        ("placement_postcode", _T),
        ("urn", _T),
    ),
    "reviews": (("date", _D), ("participation", ReviewParticipation)),
    "uasc": (("uasc_ceased", _D),),
    "oc2": (
        ("sdq_score", _I),
        ("sdq_reason", SdqReason),
        *(
            (name, _F)
            for name in (
                "convicted",
                "health_check",
                "immunisations",
                "teeth_check",
                "health_assessment",
                "substance_misuse",
                "intervention_received",
                "intervention_offered",
            )
        ),
    ),
    "oc3": (("in_touch", InTouch), ("activity", Activity), ("accommodation", Accommodation)),
    "ad1": (
        ("decided_on", _D),
        ("matched_on", _D),
        ("foster_care", _F),
        ("number_of_adopters", _I),
        ("adopter_sex", AdopterSex),
        ("adopter_legal_status", AdopterLegalStatus),
    ),
    "placed_adoption": (("date", _D), ("ceased_on", _D), ("reason_ceased", ReasonPlacedCeased)),
    "prev_perm": (("kind", _T), ("local_authority", _T), ("date", _D)),
    "missing": (("kind", MissingType), ("start", _D), ("end", _D)),
    "sw_episodes": (("sw_id", _T), ("start", _D), ("end", _D), ("reason", _T)),
    "dolo": (("start", _D), ("end", _D)),
}
"""Each table's fields (the 903 reader's names, in its order) and how each is encoded: a date,
text, a flag, a whole number, or a code of the code list given."""

_RECORD_FIELD = {
    "episodes": "episodes",
    "reviews": "reviews",
    "oc2": "health_outcomes",
    "oc3": "leaver_outcomes",
    "ad1": "adoption_decisions",
    "placed_adoption": "placed_for_adoption",
    "prev_perm": "previous_permanence",
    "missing": "missing",
    "sw_episodes": "social_worker_episodes",
    "dolo": "deprivations_of_liberty",
}

_NEVER = int(NEVER) + EPOCH_ORDINAL


def _encode(kind: str | type[CodeList], values: list[Any]) -> npt.NDArray[np.generic]:
    if kind == _D:
        out = np.array([_NEVER if v is None else v.toordinal() for v in values], np.int64)
        out -= EPOCH_ORDINAL
        return out
    if kind == _T:
        return np.array([v is not None for v in values], np.bool_)
    if kind in (_F, _I):
        return np.array([-1 if v is None else int(v) for v in values], np.int16)
    assert not isinstance(kind, str)
    position = {id(member): i for i, member in enumerate(kind)}
    return np.array([-1 if v is None else position[id(v)] for v in values], np.int16)


def _table(
    rows: list[list[Any]], counts: list[int], fields: tuple[tuple[str, str | type[CodeList]], ...]
) -> TableColumns:
    offsets = np.zeros(len(counts) + 1, np.int64)
    np.cumsum(np.asarray(counts, np.int64), out=offsets[1:])
    flat = [item for part in rows for item in part]
    values = {name: _encode(kind, [getattr(item, name) for item in flat]) for name, kind in fields}
    return TableColumns(offsets=offsets, values=values, line=np.arange(2, len(flat) + 2))


def _from_records(
    cls: type[ReturnColumns], records: Iterable[CaseRecord], year_end: dt.date
) -> ReturnColumns:
    ordered = sorted(records, key=lambda r: r.id)
    ids = tuple(r.id for r in ordered)
    if len(set(ids)) != len(ids):
        raise ValueError("two records have the same id: a return holds each child once")
    tables: dict[str, TableColumns] = {}
    children = [r.child for r in ordered]
    tables["header"] = _table([[c] for c in children], [1] * len(children), TABLE_FIELDS["header"])
    for child in children:
        if not child.uasc and child.uasc_ceased is not None:
            raise ValueError(
                f"child {child.id}: a UASC ceased date without UASC status has no 903 row"
            )
    uasc = [[c] if c.uasc else [] for c in children]
    tables["uasc"] = _table(uasc, list(map(len, uasc)), TABLE_FIELDS["uasc"])
    for table, field in _RECORD_FIELD.items():
        rows = [list(getattr(r, field)) for r in ordered]
        if table in ("oc2", "oc3"):
            for record, part in zip(ordered, rows, strict=True):
                if any(item.year_ending != year_end for item in part):
                    raise ValueError(
                        f"child {record.id}: {table} rows of another collection year than "
                        f"the one ending {year_end}"
                    )
        tables[table] = _table(rows, list(map(len, rows)), TABLE_FIELDS[table])
    return cls(child_ids=ids, tables=tables, year_end=year_end)
