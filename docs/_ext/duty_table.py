"""A Sphinx directive that renders the table of every duty from ``corparent.law.ENGLAND``.

Usage in a page (MyST)::

    ```{duty-table}
    ```

The table is built at docs build time from the code, so it cannot drift from the law applied.
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


class DutyTable(Directive):
    """``duty-table``: one row per duty of ENGLAND."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from corparent.law import ENGLAND

        headers = ["id", "duty", "rule", "trigger", "citation", "force", "principles", "from"]
        table = nodes.table(classes=["duty-table"])
        group = nodes.tgroup(cols=len(headers))
        table += group
        for width in (14, 16, 12, 14, 16, 8, 12, 8):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += _row(headers)
        group += head
        body = nodes.tbody()
        for duty in ENGLAND:
            body += _row(
                [
                    duty.id,
                    duty.title,
                    duty.rule.describe(),
                    duty.trigger.value,
                    f"{duty.citation.instrument} {duty.citation.provision} {duty.citation.tag}",
                    duty.force.value,
                    ", ".join(p.letter for p in duty.principles),
                    duty.in_force_from.isoformat(),
                ]
            )
        group += body
        return [table]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("duty-table", DutyTable)
    return {"parallel_read_safe": True, "version": "1"}
