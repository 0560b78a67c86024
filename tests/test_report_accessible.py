"""The panel report is accessible (captions, header scopes, charts that do not rely on colour)
and byte-for-byte deterministic (no dates or random ids in the output)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from corparent import reports
from corparent.io import ssda903

pytest.importorskip("jinja2")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "data" / "ssda903"
AS_OF = dt.date(2024, 3, 31)


@pytest.fixture(scope="module")
def report() -> reports.Report:
    loaded = ssda903.load(SAMPLE)
    return reports.build_report(loaded.caseload, AS_OF, duties=("review_*",))


class _Tables(HTMLParser):
    """Collects, per table, whether it has a caption and the scope of each header cell."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict[str, object]] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append({"caption": "", "scopes": []})
        elif tag == "caption":
            self._in.append("caption")
        elif tag == "th":
            scopes = self.tables[-1]["scopes"]
            assert isinstance(scopes, list)
            scopes.append(dict(attrs).get("scope"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption":
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in:
            self.tables[-1]["caption"] = str(self.tables[-1]["caption"]) + data


def test_every_table_has_a_caption_and_every_header_cell_a_scope(report: reports.Report) -> None:
    parser = _Tables()
    parser.feed(reports.render_html(report))
    assert len(parser.tables) >= 7
    for table in parser.tables:
        assert str(table["caption"]).strip()
        scopes = table["scopes"]
        assert isinstance(scopes, list)
        assert scopes
        assert all(s in {"col", "row"} for s in scopes)


def test_charts_carry_patterns_and_direct_labels_not_colour_alone(report: reports.Report) -> None:
    html = reports.render_html(report)
    svgs = re.findall(r"<svg .*?</svg>", html, flags=re.DOTALL)
    assert len(svgs) == 2
    bars, lines = svgs
    # Hatch patterns are drawn as SVG <pattern> fills: one per hatched outcome.
    assert len(set(re.findall(r'<pattern id="([^"]+)"', bars))) >= 2
    # The counts are written on the bars (svg.fonttype none keeps text as text).
    on_time = {str(t.on_time) for t in report.timeliness if t.on_time}
    assert any(f">{n}</text>" in bars for n in on_time)
    # Each line is named where it ends, not only in a coloured legend.
    for label in ("on time", "late", "overdue"):
        assert f"> {label}</text>" in lines
    # Distinct dash patterns for the lines.
    assert len(set(re.findall(r"stroke-dasharray: ([0-9.,]+)", lines))) >= 2


def test_rendering_twice_gives_the_same_bytes(report: reports.Report) -> None:
    first = reports.render_html(report).encode("utf-8")
    second = reports.render_html(report).encode("utf-8")
    assert first == second
    assert b"<dc:date>" not in first


def test_two_processes_give_the_same_bytes(tmp_path: Path) -> None:
    outputs = []
    for name in ("a.html", "b.html"):
        target = tmp_path / name
        subprocess.run(
            [
                sys.executable,
                "-m",
                "corparent.cli",
                "report",
                str(SAMPLE),
                "--as-of",
                AS_OF.isoformat(),
                "-o",
                str(target),
            ],
            check=True,
            capture_output=True,
        )
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
