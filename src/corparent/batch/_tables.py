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
from collections.abc import Mapping

import attrs
import numpy as np
import numpy.typing as npt

__all__ = ["ReturnColumns", "TableColumns"]

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
