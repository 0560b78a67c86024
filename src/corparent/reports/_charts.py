"""Charts as inline SVG, rendered server-side with matplotlib (the optional ``report`` extra).

Without matplotlib the report keeps its tables (every chart has one) and says so.
"""

from __future__ import annotations

import io
import re

from corparent.reports._figures import DutyTimeliness, MonthPoint

__all__ = ["charts_available", "timeliness_svg", "trend_svg"]

_COLOURS = {"on time": "#2e7d32", "late": "#f9a825", "overdue": "#c62828"}


def charts_available() -> bool:
    """True if matplotlib can be imported."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def _svg(figure: object, label: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")  # type: ignore[attr-defined]
    import matplotlib.pyplot as plt

    plt.close(figure)  # type: ignore[arg-type]
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    safe = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return re.sub(r"<svg ", f'<svg role="img" aria-label="{safe}" ', svg, count=1)


def timeliness_svg(rows: tuple[DutyTimeliness, ...]) -> str | None:
    """A horizontal stacked bar per duty: on time, late, overdue."""
    if not rows or not charts_available():
        return None
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.fonttype"] = "none"
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(8, 0.45 * len(rows) + 1.2))
    names = [r.duty_id for r in rows]
    left = [0] * len(rows)
    for label, values in (
        ("on time", [r.on_time for r in rows]),
        ("late", [r.late for r in rows]),
        ("overdue", [r.overdue for r in rows]),
    ):
        axes.barh(names, values, left=left, color=_COLOURS[label], label=label)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.invert_yaxis()
    axes.set_xlabel("obligations falling due in the year")
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=3, frameon=False)
    return _svg(figure, "Timeliness per duty: on time, late and overdue (table below)")


def trend_svg(points: tuple[MonthPoint, ...]) -> str | None:
    """Lines per month: on time, late, overdue."""
    if not points or not charts_available():
        return None
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.fonttype"] = "none"
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(8, 3))
    months = [p.month.strftime("%b %Y") for p in points]
    for label, values in (
        ("on time", [p.on_time for p in points]),
        ("late", [p.late for p in points]),
        ("overdue", [p.overdue for p in points]),
    ):
        axes.plot(months, values, marker="o", color=_COLOURS[label], label=label)
    axes.tick_params(axis="x", labelrotation=45)
    axes.set_ylabel("obligations due")
    axes.legend(frameon=False)
    return _svg(figure, "Monthly trend of obligations due: on time, late and overdue (table below)")
