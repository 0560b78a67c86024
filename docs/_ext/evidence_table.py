"""A Sphinx directive: which duties each data source can show, generated from the code.

Usage in a page (MyST)::

    ```{evidence-table}
    ```

One row per duty of ``corparent.law.ENGLAND``: the kind of evidence that discharges it (the
record field) and whether an SSDA903 return holds it. A source that does not hold a duty's
evidence makes every obligation of that duty "not assessable", never a breach.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive


def _row(cells: list[str]) -> nodes.row:
    row = nodes.row()
    for text in cells:
        entry = nodes.entry()
        entry += nodes.paragraph(text=text)
        row += entry
    return row


def _sources() -> list[tuple[str, frozenset[str] | None]]:
    """Each source with the kinds it holds (``None``: every kind)."""
    from corparent.model import SSDA903_KINDS

    sources: list[tuple[str, frozenset[str] | None]] = [
        ("SSDA903 return", frozenset(SSDA903_KINDS)),
    ]
    try:  # the Standard Safeguarding Dataset loader, where installed
        from corparent.io.ssd import SSD_KINDS
    except ImportError:
        pass
    else:
        sources.append(("SSD tables", frozenset(SSD_KINDS)))
    sources.append(("events format, records built in code", None))
    return sources


class EvidenceTable(Directive):
    """``evidence-table``: one row per duty, one column per data source."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from corparent.law import ENGLAND

        sources = _sources()
        headers = ["duty", "evidence (record field)", *(name for name, _ in sources)]
        table = nodes.table(classes=["evidence-table"])
        group = nodes.tgroup(cols=len(headers))
        table += group
        for width in (20, 18, *(10 for _ in sources)):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += _row(headers)
        group += head
        body = nodes.tbody()
        for duty in ENGLAND:
            kind = duty.evidence or "(an entitlement: no event)"
            cells = [duty.id, kind]
            for _, held in sources:
                if not duty.evidence:
                    cells.append("n/a")
                else:
                    cells.append("yes" if held is None or duty.evidence in held else "no data")
            body += _row(cells)
        group += body
        return [table]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("evidence-table", EvidenceTable)
    return {"parallel_read_safe": True, "version": "1"}
