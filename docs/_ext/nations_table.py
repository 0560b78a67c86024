"""Sphinx directives that render the four UK nations side by side from the rule sets.

Usage in a page (MyST)::

    ```{nations-table}
    :kind: summary
    ```

``kind`` is one of ``summary`` (how many duties each nation codes, how many cite text read in
the instrument, what stays provisional), ``duties`` (every duty id, each nation's rule and
citation), ``conventions`` (calendars and the choices each nation's law leaves open),
``short-breaks`` and ``principles``. Built from the code at docs build time, so the page cannot
drift from the law applied.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive, directives


def _table(headers: list[str], rows: list[list[str]], widths: list[int]) -> nodes.table:
    table = nodes.table(classes=["nations-table"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += _row(headers)
    group += head
    body = nodes.tbody()
    for cells in rows:
        body += _row(cells)
    group += body
    return table


def _row(cells: list[str]) -> nodes.row:
    row = nodes.row()
    for text in cells:
        entry = nodes.entry()
        entry += nodes.paragraph(text=text)
        row += entry
    return row


def _laws() -> list[Any]:
    from corparent.law import LAWS

    return list(LAWS.values())


def _summary() -> nodes.table:
    from corparent.law import summarise

    rows = []
    for rules in _laws():
        s = summarise(rules)
        rows.append(
            [
                s.name,
                str(s.coded),
                str(s.computable),
                str(s.verified),
                str(s.secondary),
                str(len(s.provisional)),
                ", ".join(s.provisional) or "none",
                ", ".join(s.prospective) or "none",
            ]
        )
    headers = [
        "nation",
        "duties coded",
        "with a due date",
        "read in the instrument [V]",
        "secondary source [S]",
        "provisional [R]",
        "provisional duties",
        "prospective (not yet in force)",
    ]
    return _table(headers, rows, [10, 8, 8, 8, 8, 8, 30, 16])


def _duties() -> nodes.table:
    from corparent.law import comparison_rows

    laws = _laws()
    rows = [[duty_id, *cells] for duty_id, cells in comparison_rows(laws)]
    return _table(["duty id", *(r.name for r in laws)], rows, [16, 21, 21, 21, 21])


def _restarts(rules: Any) -> str:
    if rules.jurisdiction.value != "scotland":
        return "no (reviews run from becoming looked after)"
    return "yes (reg 45 read literally)" if rules.conventions.placement_restarts_reviews else "no"


def _conventions() -> nodes.table:
    laws = _laws()
    rows = [
        ["bank holidays", *(r.conventions.calendar.name for r in laws)],
        [
            "trigger day counts as working day 1",
            *("yes" if r.conventions.count_trigger_day else "no" for r in laws),
        ],
        [
            "29 February birthday in other years",
            *(r.conventions.leap_day.value.replace("_", " ") for r in laws),
        ],
        [
            "a new placement starts a new first review",
            *(_restarts(r) for r in laws),
        ],
        [
            "first review period",
            *(
                "must be set (ni_first_review_weeks: 2 or 4 weeks, unresolved)"
                if r.jurisdiction.value == "northern_ireland"
                else r["review_first"].rule.describe()
                for r in laws
            ),
        ],
    ]
    return _table(["convention", *(r.name for r in laws)], rows, [20, 20, 20, 20, 20])


def _short_breaks() -> nodes.table:
    from corparent.law import LAWS, SHORT_BREAK_LIMITS

    rows = [
        [
            LAWS[j].name,
            f"{limits.max_single_days} days",
            f"{limits.max_total_days} days",
            limits.citation.short,
        ]
        for j, limits in SHORT_BREAK_LIMITS.items()
    ]
    return _table(
        ["nation", "longest single break", "most days in 12 months", "citation"],
        rows,
        [15, 15, 15, 30],
    )


def _principles() -> nodes.table:
    from corparent.principles import IN_FORCE_FROM, UK_EQUIVALENTS

    rows = [
        [
            "England",
            "Children and Social Work Act 2017 s.1",
            "statutory",
            f"in force from {IN_FORCE_FROM.isoformat()}",
        ]
    ]
    for e in UK_EQUIVALENTS:
        force = "statutory" if e.statutory else "non-statutory (voluntary)"
        when = f"in force from {e.in_force_from.isoformat()}" if e.in_force_from else e.in_force
        rows.append([e.nation, e.instrument, force, when])
    return _table(["nation", "instrument", "force", "in force"], rows, [12, 40, 14, 24])


_KINDS = {
    "summary": _summary,
    "duties": _duties,
    "conventions": _conventions,
    "short-breaks": _short_breaks,
    "principles": _principles,
}


class NationsTable(Directive):
    """``nations-table``: one of the comparison tables, by ``:kind:``."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"kind": lambda v: directives.choice(v, tuple(_KINDS))}

    def run(self) -> list[nodes.Node]:
        return [_KINDS[self.options.get("kind", "summary")]()]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("nations-table", NationsTable)
    return {"parallel_read_safe": True, "version": "1"}
