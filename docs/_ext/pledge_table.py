"""A Sphinx directive rendering the council x principle comparison of the bundled pledges.

Usage in a page (MyST)::

    ```{pledge-comparison}
    ```
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


class PledgeComparison(Directive):
    """``pledge-comparison``: commitments per principle for every bundled pledge."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from corparent import pledges
        from corparent.errors import ConfigError
        from corparent.principles import Principle

        loaded = []
        for name in pledges.BUNDLED:
            try:
                loaded.append(pledges.load(name))
            except ConfigError:
                continue
        table = nodes.table()
        group = nodes.tgroup(cols=len(loaded) + 1)
        table += group
        for _ in range(len(loaded) + 1):
            group += nodes.colspec(colwidth=10)
        head = nodes.thead()
        head += _row(["principle (CSWA 2017 s.1(1))", *(p.council for p in loaded)])
        group += head
        body = nodes.tbody()
        counts = pledges.compare(loaded)
        for principle in Principle:
            body += _row(
                [f"({principle.letter}) {principle.plain_english}"]
                + [str(counts[p.council][principle]) for p in loaded]
            )
        body += _row(["commitments in all", *(str(len(p.commitments)) for p in loaded)])
        group += body
        return [table]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("pledge-comparison", PledgeComparison)
    return {"parallel_read_safe": True, "version": "1"}
