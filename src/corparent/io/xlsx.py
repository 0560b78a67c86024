"""Excel workbooks of findings and worklists (the ``xlsx`` extra: openpyxl).

Every text cell is written as text: a value that starts with ``=``, ``+``, ``-``, ``@`` or a
tab (which a spreadsheet would run as a formula, the "CSV injection" risk) is stored as a
string cell marked quote-prefixed, so it shows as typed and never runs. The file is written
atomically (a temporary file renamed into place).
"""

from __future__ import annotations

import datetime as dt
import enum
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from corparent._atomic import atomic_write_bytes
from corparent._extras import require

if TYPE_CHECKING:
    from corparent.checks import RunResult
    from corparent.io.worklist import Worklist

__all__ = ["FINDING_COLUMNS", "write_findings", "write_workbook", "write_worklist"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

FINDING_COLUMNS = (
    "child_id",
    "severity",
    "check_id",
    "duty_id",
    "due",
    "days_overdue",
    "citation",
    "force",
    "code",
    "message",
)
"""The columns of the findings sheet."""


def _cell_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, bool | int | float | dt.date):
        return value
    return str(value)


def write_workbook(
    path: str | os.PathLike[str],
    sheets: Mapping[str, tuple[Sequence[str], Iterable[Mapping[str, Any]]]],
) -> None:
    """Write one sheet per entry of ``sheets`` (``name: (columns, rows)``), a bold header row,
    dates as dates, text as text (formulas neutralised, see the module notes).

    Raises:
        CorparentError: openpyxl is not installed (``pip install 'corparent[xlsx]'``).
        OutputError: the file cannot be written.
    """
    openpyxl = require("openpyxl", "xlsx", "xlsx export")
    styles = require("openpyxl.styles", "xlsx", "xlsx export")
    book = openpyxl.Workbook()
    book.remove(book.active)
    bold = styles.Font(bold=True)
    for name, (columns, rows) in sheets.items():
        sheet = book.create_sheet(title=name[:31])
        sheet.append(list(columns))
        for cell in sheet[1]:
            cell.font = bold
        for r, row in enumerate(rows, start=2):
            for c, column in enumerate(columns, start=1):
                value = _cell_value(row.get(column))
                cell = sheet.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever the text
                    if value.startswith(_FORMULA_START):
                        cell.quotePrefix = True
                elif isinstance(value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    atomic_write_bytes(path, buffer.getvalue())


def _finding_rows(result: RunResult) -> list[dict[str, Any]]:
    return [
        {
            "child_id": f.child_id,
            "severity": f.severity,
            "check_id": f.check_id,
            "duty_id": f.duty_id,
            "due": f.due,
            "days_overdue": f.days_overdue,
            "citation": f.citation,
            "force": f.force,
            "code": f.code,
            "message": f.message,
        }
        for f in result.findings
    ]


def write_findings(result: RunResult, path: str | os.PathLike[str]) -> None:
    """The findings of a run as a workbook (one row per finding)."""
    write_workbook(path, {"findings": (FINDING_COLUMNS, _finding_rows(result))})


def write_worklist(worklist: Worklist, path: str | os.PathLike[str]) -> None:
    """A worklist as a workbook: every item, then one sheet per team."""
    from corparent.io.worklist import WORKLIST_COLUMNS

    sheets: dict[str, tuple[Sequence[str], Iterable[Mapping[str, Any]]]] = {
        "worklist": (WORKLIST_COLUMNS, worklist.rows())
    }
    used = {"worklist"}
    for team, items in worklist.by_team().items():
        title = "".join(ch for ch in team if ch not in "[]:*?/\\")[:28] or "team"
        base, n = title, 2
        while title.lower() in used:
            title, n = f"{base[:26]}-{n}", n + 1
        used.add(title.lower())
        sheets[title] = (WORKLIST_COLUMNS, [i.row() for i in items])
    write_workbook(path, sheets)
