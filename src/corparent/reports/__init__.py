"""The Corporate Parenting Panel report: figures, a self-contained HTML page, CSV and JSON.

Charts need the optional ``report`` extra (matplotlib); HTML needs Jinja2 (in the same extra).
"""

from __future__ import annotations

from corparent.reports._charts import charts_available
from corparent.reports._figures import (
    DutyTimeliness,
    ListedObligation,
    Measure,
    MonthPoint,
    Report,
    build_report,
)
from corparent.reports._render import LIST_LIMIT, render_html, to_csv, to_json, write_html

__all__ = [
    "LIST_LIMIT",
    "DutyTimeliness",
    "ListedObligation",
    "Measure",
    "MonthPoint",
    "Report",
    "build_report",
    "charts_available",
    "render_html",
    "to_csv",
    "to_json",
    "write_html",
]
