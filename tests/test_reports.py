"""The panel report: figures on known records, escaping, exports, self-containment."""

from __future__ import annotations

import builtins
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from corparent import pledges, reports
from corparent.codes import (
    Accommodation,
    Activity,
    InTouch,
    LegalStatus,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReviewParticipation,
)
from corparent.io import ssda903
from corparent.model import (
    Caseload,
    CaseRecord,
    Child,
    Episode,
    HealthOutcome,
    LeaverOutcome,
    Review,
)

D = dt.date
AS_OF = D(2024, 3, 31)
X1 = ReasonEpisodeCeased.X1


def ep(start: dt.date, end: dt.date | None = None, **kw: Any) -> Episode:
    fields: dict[str, Any] = {
        "start": start,
        "end": end,
        "legal_status": LegalStatus.C2,
        "placement": PlacementType.U4,
    }
    fields.update(kw)
    return Episode(**fields)


def caseload(child_id: str = "C1") -> Caseload:
    movers = CaseRecord(
        child=Child(id=child_id, date_of_birth=D(2012, 1, 1)),
        episodes=[
            ep(D(2023, 5, 1), D(2023, 8, 1), reason_ceased=X1),
            ep(
                D(2023, 8, 1),
                D(2023, 12, 1),
                reason_ceased=X1,
                reason_new=ReasonNewEpisode.P,
                placement=PlacementType.U6,
            ),
            ep(D(2023, 12, 1), reason_new=ReasonNewEpisode.P, placement=PlacementType.K2),
        ],
        reviews=[Review(date=D(2023, 5, 20), participation=ReviewParticipation.PN1)],
        health_outcomes=[
            HealthOutcome(year_ending=AS_OF, health_assessment=True, teeth_check=False)
        ],
    )
    stable = CaseRecord(
        child=Child(id="C2", date_of_birth=D(2010, 1, 1)),
        episodes=[ep(D(2020, 1, 1))],
        reviews=[Review(date=D(2023, 9, 1), participation=ReviewParticipation.PN5)],
    )
    leaver = CaseRecord(
        child=Child(id="C3", date_of_birth=D(2005, 6, 1)),
        episodes=[ep(D(2020, 1, 1), D(2023, 6, 1), reason_ceased=ReasonEpisodeCeased.E17)],
        leaver_outcomes=[
            LeaverOutcome(
                year_ending=AS_OF,
                in_touch=InTouch.YES,
                activity=Activity.F2,
                accommodation=Accommodation.Z1,
            )
        ],
    )
    return Caseload(records=[movers, stable, leaver])


def measure(report: reports.Report, prefix: str) -> reports.Measure:
    return next(m for m in report.measures if m.name.startswith(prefix))


def test_national_measures_on_known_records() -> None:
    report = reports.build_report(caseload(), AS_OF, duties=("review_*",))
    assert report.children == 3
    assert report.looked_after == 2
    three = measure(report, "Children looked after with 3 or more placements")
    assert (three.numerator, three.denominator) == (1, 2)
    long_term = measure(report, "Under-16s looked after 2.5+ years")
    assert (long_term.numerator, long_term.denominator) == (1, 1)
    assert (
        measure(report, "Teeth checked").numerator,
        measure(report, "Teeth checked").denominator,
    ) == (0, 1)
    in_touch = measure(report, "In touch: care leavers aged 17-18")
    assert (in_touch.numerator, in_touch.denominator) == (1, 1)
    assert measure(report, "In suitable accommodation: care leavers aged 17-18").numerator == 1
    assert report.participation == {"PN1": 1, "PN5": 1}
    assert report.leaver_statuses == {"former_relevant": 1}
    review_first = next(t for t in report.timeliness if t.duty_id == "review_first")
    assert (review_first.on_time, review_first.late, review_first.overdue) == (1, 0, 0)
    assert all(o.duty_id.startswith("review_") for o in report.overdue)


def test_html_escapes_everything_and_is_self_contained() -> None:
    report = reports.build_report(
        caseload("<script>alert(1)</script>"), AS_OF, duties=("review_*",)
    )
    html = reports.render_html(report)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not re.search(r"""(src|href)=["']?https?://""", html)
    assert "<link" not in html
    for section in (
        "summary",
        "timeliness",
        "trend",
        "overdue",
        "due-soon",
        "national-measures",
        "care-leavers",
        "pledge-coverage",
    ):
        assert f'id="{section}"' in html
    if reports.charts_available():
        assert html.count('role="img"') == 2
        assert "aria-label=" in html


def test_write_html_is_atomic_and_names_a_path_it_cannot_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corparent.errors import OutputError

    report = reports.build_report(caseload("C1"), AS_OF, duties=("review_*",))
    target = tmp_path / "report.html"
    target.write_text("the previous report")

    def interrupted(fd: int) -> None:  # the machine stops after the data is written
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr("corparent._atomic.os.fsync", interrupted)
        with pytest.raises(KeyboardInterrupt):
            reports.write_html(report, target)
    assert target.read_text() == "the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left
    assert reports.write_html(report, target) == target
    assert target.read_text().startswith("<!DOCTYPE html>")
    with pytest.raises(OutputError, match="does not exist"):
        reports.write_html(report, tmp_path / "missing" / "report.html")


def test_csv_neutralises_formulas_and_json_round_trips() -> None:
    report = reports.build_report(caseload("=HYPERLINK(1)"), AS_OF, duties=("review_*",))
    text = reports.to_csv(report)
    assert "'=HYPERLINK(1)" in text
    assert "\n=HYPERLINK" not in text
    data = json.loads(reports.to_json(report))
    assert data["children"] == 3
    assert data["as_of"] == "2024-03-31"


def test_pledge_coverage_and_local_standards() -> None:
    loaded = ssda903.load(Path(__file__).parent.parent / "examples" / "data" / "ssda903")
    report = reports.build_report(
        loaded.caseload,
        AS_OF,
        duties=("review_*",),
        pledge=pledges.load("bath-and-north-east-somerset"),
    )
    assert report.pledge_council == "Bath and North East Somerset Council"
    assert report.pledge_gaps == ()
    assert {t.duty_id for t in report.local_standards} >= {"bnes.care_plan_review"}
    assert any(o.local for o in report.overdue)


def test_without_matplotlib_the_tables_remain(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_matplotlib(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("matplotlib"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    assert not reports.charts_available()
    html = reports.render_html(reports.build_report(caseload(), AS_OF, duties=("review_*",)))
    assert 'role="img"' not in html
    assert "Charts need the optional" in html
    assert "review_first" in html
