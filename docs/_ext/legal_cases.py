"""Sphinx directives that publish the legal cases the tests check, in plain words.

``legal-cases`` reads the test modules named in its content (paths relative to the docs
folder) and renders, for each test with a docstring, its first sentence as a heading and the
rest as text; the tests assert the dates the docstrings state. ``legal-readings`` renders the
alternative readings of unclear law the ambiguity report tries. Usage (MyST)::

    ```{legal-cases}
    ../tests/test_worked_examples.py
    ```
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive


def cases(path: Path) -> list[tuple[str, str]]:
    """(title, text) for every documented test function in ``path``, in file order."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[str, str]] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            doc = ast.get_docstring(node)
            if not doc:
                continue
            text = " ".join(doc.split())
            title, _, rest = text.partition(". ")
            out.append((title.rstrip("."), rest))
    return out


class LegalCases(Directive):
    """``legal-cases``: the documented tests of the files listed in the content."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        env = self.state.document.settings.env
        base = Path(env.srcdir)
        out: list[nodes.Node] = []
        for line in self.content:
            if not line.strip():
                continue
            path = (base / line.strip()).resolve()
            env.note_dependency(str(path))
            for title, text in cases(path):
                out.append(nodes.rubric(text=title))
                out.append(nodes.paragraph(text=text))
        return out


class LegalReadings(Directive):
    """``legal-readings``: the alternative readings of unclear law, as a table."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from corparent.schedule import ALTERNATIVES

        table = nodes.table()
        group = nodes.tgroup(cols=3)
        table += group
        for width in (30, 40, 30):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += _row(["the question the law leaves open", "the alternative reading", "setting"])
        group += head
        body = nodes.tbody()
        for reading in ALTERNATIVES:
            setting = ", ".join(f"{k}={_value(v)}" for k, v in reading.changes)
            body += _row([reading.question, reading.name, setting])
        group += body
        return [table]


def _value(value: object) -> str:
    name = getattr(value, "name", None)
    return str(name) if isinstance(name, str) else repr(value)


def _row(cells: list[str]) -> nodes.row:
    row = nodes.row()
    for text in cells:
        entry = nodes.entry()
        entry += nodes.paragraph(text=text)
        row += entry
    return row


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("legal-cases", LegalCases)
    app.add_directive("legal-readings", LegalReadings)
    return {"parallel_read_safe": True, "version": "1"}
