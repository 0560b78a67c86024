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

from corparent.batch._dates import NEVER, to_day
from corparent.codes import CodeList
from corparent.model import CaseRecord

__all__ = ["RECORD_FIELDS", "TABLE_FIELDS", "ReturnColumns", "TableColumns"]

Ints = npt.NDArray[np.int64]

_DATE, _CODE, _FLAG, _INT, _TEXT = "date", "code", "flag", "int", "text"

TABLE_FIELDS: Mapping[str, tuple[tuple[str, str], ...]] = {
    "header": (("date_of_birth", _DATE), ("sex", _CODE), ("ethnicity", _CODE), ("upn", _TEXT),
               ("mother", _FLAG), ("mother_child_date_of_birth", _DATE)),
    "episodes": (("start", _DATE), ("reason_new", _CODE), ("legal_status", _CODE),
                 ("category_of_need", _CODE), ("placement", _CODE), ("provider", _CODE),
                 ("end", _DATE), ("reason_ceased", _CODE), ("reason_place_change", _CODE),
                 ("home_postcode", _TEXT), ("placement_postcode", _TEXT), ("urn", _TEXT)),
    "reviews": (("date", _DATE), ("participation", _CODE)),
    "uasc": (("uasc_ceased", _DATE),),
    "oc2": (("sdq_score", _INT), ("sdq_reason", _CODE),
            *((name, _FLAG) for name in ("convicted", "health_check", "immunisations",
                                          "teeth_check", "health_assessment", "substance_misuse",
                                          "intervention_received", "intervention_offered"))),
    "oc3": (("in_touch", _CODE), ("activity", _CODE), ("accommodation", _CODE)),
    "ad1": (("decided_on", _DATE), ("matched_on", _DATE), ("foster_care", _FLAG),
            ("number_of_adopters", _INT), ("adopter_sex", _CODE),
            ("adopter_legal_status", _CODE)),
    "placed_adoption": (("date", _DATE), ("ceased_on", _DATE), ("reason_ceased", _CODE)),
    "prev_perm": (("kind", _TEXT), ("local_authority", _TEXT), ("date", _DATE)),
    "missing": (("kind", _CODE), ("start", _DATE), ("end", _DATE)),
    "sw_episodes": (("sw_id", _TEXT), ("start", _DATE), ("end", _DATE), ("reason", _TEXT)),
    "dolo": (("start", _DATE), ("end", _DATE)),
}  # fmt: skip
"""Every table's model fields, in the reader's order, with their kind (``date``, ``code``,
``flag``, ``int``, ``text``: the encodings above)."""

RECORD_FIELDS: Mapping[str, str] = {
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
"""The :class:`~corparent.model.CaseRecord` field each event table fills (``header`` and
``uasc`` fill the record's child)."""

_DTYPES = {_DATE: np.int64, _CODE: np.int16, _FLAG: np.int16, _INT: np.int16, _TEXT: np.bool_}
_POSITIONS: dict[type, dict[Any, int]] = {}


def _encode(kind: str, value: Any) -> Any:
    if kind == _DATE:
        return NEVER if value is None else to_day(value)
    if kind == _CODE:
        if value is None:
            return -1
        code_list: type[CodeList] = type(value)
        positions = _POSITIONS.get(code_list)
        if positions is None:
            positions = _POSITIONS[code_list] = {m: i for i, m in enumerate(code_list)}
        return positions[value]
    if kind in (_FLAG, _INT):
        return -1 if value is None else int(value)
    return bool(value)


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
        """The columns of loaded records (sorted by id), as a column-wise reader gives them
        for the same return; records keep no line numbers, so every ``line`` is ``-1``.

        The header row is the record's child, the UASC row is there when the child is UASC
        (its ``uasc_ceased``); every event field's rows are in the record's order.
        """
        ordered = sorted(records, key=lambda r: r.child.id)
        tables: dict[str, TableColumns] = {}
        for table, fields in TABLE_FIELDS.items():
            offsets = [0]
            values: list[list[Any]] = [[] for _ in fields]
            for record in ordered:
                if table == "header":
                    rows: tuple[Any, ...] = (record.child,)
                elif table == "uasc":
                    rows = (record.child,) if record.child.uasc else ()
                else:
                    rows = getattr(record, RECORD_FIELDS[table])
                for row in rows:
                    for column, (name, kind) in zip(values, fields, strict=True):
                        column.append(_encode(kind, getattr(row, name)))
                offsets.append(offsets[-1] + len(rows))
            tables[table] = TableColumns(
                offsets=np.array(offsets, np.int64),
                values={
                    name: np.array(column, _DTYPES[kind])
                    for column, (name, kind) in zip(values, fields, strict=True)
                },
                line=np.full(offsets[-1], -1, np.int64),
            )
        return cls(child_ids=tuple(r.child.id for r in ordered), tables=tables, year_end=year_end)
