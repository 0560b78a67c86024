"""Charts as inline SVG, rendered server-side with matplotlib (the optional ``report`` extra).

Without matplotlib the report keeps its tables (every chart has one) and says so. Charts never
rely on colour alone: each outcome has its own hatch pattern (bars) or marker and line style
(lines), and values are written on the chart, so they survive colour blindness and greyscale
printing. Output is byte-for-byte deterministic: a fixed hash salt for element ids and no
creation date in the metadata.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from corparent.reports._figures import DutyTimeliness, MonthPoint

__all__ = ["OUTCOME_STYLES", "charts_available", "timeliness_svg", "trend_svg"]

OUTCOME_STYLES: dict[str, dict[str, str]] = {
    "on time": {"color": "#1b7837", "hatch": "", "marker": "o", "linestyle": "-"},
    "late": {"color": "#e08214", "hatch": "//", "marker": "s", "linestyle": "--"},
    "overdue": {"color": "#b2182b", "hatch": "xx", "marker": "^", "linestyle": ":"},
}
"""Each outcome's colour and the non-colour cues that carry the same meaning."""

_RC: Any = {
    "svg.fonttype": "none",
    "svg.hashsalt": "corparent",
    "hatch.color": "#ffffff",
    "hatch.linewidth": 1.2,
}


def charts_available() -> bool:
    """True if matplotlib can be imported."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


@contextmanager
def _figure(width: float, height: float) -> Iterator[tuple[Any, Any]]:
    """A figure and its axes, made without pyplot: a report leaves the program's matplotlib
    backend as it was (``matplotlib.use("Agg")`` turned off a notebook's or an IDE's plots)."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_RC):
        figure = Figure(figsize=(width, height))
        yield figure, figure.subplots()


def _svg(figure: Any, label: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    safe = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return re.sub(r"<svg ", f'<svg role="img" aria-label="{safe}" ', svg, count=1)


def timeliness_svg(rows: tuple[DutyTimeliness, ...]) -> str | None:
    """A horizontal stacked bar per duty: on time, late, overdue (hatched, values labelled)."""
    if not rows or not charts_available():
        return None
    with _figure(8, 0.45 * len(rows) + 1.2) as (figure, axes):
        names = [r.duty_id for r in rows]
        widest = max((r.on_time + r.late + r.overdue for r in rows), default=0) or 1
        left = [0] * len(rows)
        for label, values in (
            ("on time", [r.on_time for r in rows]),
            ("late", [r.late for r in rows]),
            ("overdue", [r.overdue for r in rows]),
        ):
            style = OUTCOME_STYLES[label]
            bars = axes.barh(
                names,
                values,
                left=left,
                color=style["color"],
                hatch=style["hatch"],
                edgecolor="#ffffff",
                label=label,
            )
            # Direct labels: the count inside each segment wide enough to hold it.
            axes.bar_label(
                bars,
                labels=[str(v) if v and v / widest >= 0.04 else "" for v in values],
                label_type="center",
                color="#000000",
                fontsize=8,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "#ffffff", "linewidth": 0},
            )
            left = [a + b for a, b in zip(left, values, strict=True)]
        axes.invert_yaxis()
        axes.set_xlabel("obligations falling due in the year")
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=3, frameon=False)
        return _svg(figure, "Timeliness per duty: on time, late and overdue (table below)")


def trend_svg(points: tuple[MonthPoint, ...]) -> str | None:
    """Lines per month: on time, late, overdue (each its own marker and line style, each line
    labelled at its end)."""
    if not points or not charts_available():
        return None
    with _figure(8, 3) as (figure, axes):
        months = [p.month.strftime("%b %Y") for p in points]
        series = (
            ("on time", [p.on_time for p in points]),
            ("late", [p.late for p in points]),
            ("overdue", [p.overdue for p in points]),
        )
        for label, values in series:
            style = OUTCOME_STYLES[label]
            axes.plot(
                months,
                values,
                marker=style["marker"],
                linestyle=style["linestyle"],
                color=style["color"],
                label=label,
            )
        # Name each line at its end, spreading labels that would overlap.
        top = max((max(v) for _, v in series), default=0) or 1
        gap = top * 0.09
        placed: list[float] = []
        for label, values in sorted(series, key=lambda s: s[1][-1]):
            y: float = values[-1]
            if placed and y < placed[-1] + gap:
                y = placed[-1] + gap
            placed.append(y)
            axes.annotate(
                f" {label}",
                (len(months) - 1, values[-1]),
                xytext=(len(months) - 1 + 0.2, y),
                textcoords="data",
                xycoords="data",
                va="center",
                fontsize=8,
                color="#000000",
                annotation_clip=False,
            )
        axes.tick_params(axis="x", labelrotation=45)
        axes.set_ylabel("obligations due")
        axes.legend(frameon=False)
        return _svg(
            figure, "Monthly trend of obligations due: on time, late and overdue (table below)"
        )
