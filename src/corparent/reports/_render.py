"""HTML (Jinja2, autoescaped) and CSV/JSON exports of a :class:`Report`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from importlib.metadata import version
from pathlib import Path
from typing import Any

import attrs

from corparent._atomic import atomic_write_text
from corparent.reports._charts import timeliness_svg, trend_svg
from corparent.reports._figures import Report

__all__ = ["LIST_LIMIT", "render_html", "to_csv", "to_json", "write_html"]

LIST_LIMIT = 500
"""Rows of the overdue and due-soon lists shown in the HTML (all rows go to CSV and JSON)."""

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def render_html(report: Report, *, due_soon_days: int = 28) -> str:
    """One self-contained HTML page: inline CSS and SVG, no scripts, fonts or network."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("corparent.reports", "templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
    )
    return env.get_template("report.html.j2").render(
        r=report,
        version=version("corparent"),
        timeliness_svg=timeliness_svg(report.timeliness),
        trend_svg=trend_svg(report.trend),
        list_limit=LIST_LIMIT,
        due_soon_days=due_soon_days,
    )


def write_html(report: Report, path: str | Path) -> Path:
    """Write :func:`render_html` to ``path`` atomically: an interrupted write leaves the file
    that was there intact.

    Raises:
        OutputError: the file cannot be written (named, with the reason).
    """
    target = Path(path)
    atomic_write_text(target, render_html(report))
    return target


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def to_json(report: Report) -> str:
    """Every figure of the report as JSON."""
    return json.dumps(_plain(attrs.asdict(report, recurse=True)), indent=1)


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def to_csv(report: Report) -> str:
    """Every figure as CSV rows ``section, item, field, value``; cells that a spreadsheet would
    read as a formula are prefixed with a quote."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["section", "item", "field", "value"])
    rows: list[tuple[str, str, str, object]] = [
        ("summary", "", "as_of", report.as_of.isoformat()),
        ("summary", "", "children", report.children),
        ("summary", "", "looked_after", report.looked_after),
    ]
    for t in (*report.timeliness, *report.local_standards):
        for field in ("on_time", "late", "overdue"):
            rows.append(("timeliness", t.duty_id, field, getattr(t, field)))
    for p in report.trend:
        for field in ("on_time", "late", "overdue"):
            rows.append(("trend", p.month.isoformat(), field, getattr(p, field)))
    for m in report.measures:
        rows.append(("measure", m.name, "numerator", m.numerator))
        rows.append(("measure", m.name, "denominator", m.denominator))
    for code, n in report.participation.items():
        rows.append(("participation", code, "reviews", n))
    for status, n in report.leaver_statuses.items():
        rows.append(("care_leavers", status, "young_people", n))
    for o in report.overdue:
        rows.append(("overdue", o.child_id, o.duty_id, f"{o.due.isoformat()} ({o.days} days)"))
    for o in report.due_soon:
        rows.append(("due_soon", o.child_id, o.duty_id, o.due.isoformat()))
    for principle, n in (report.pledge_coverage or {}).items():
        rows.append(("pledge_coverage", principle, "commitments", n))
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()
