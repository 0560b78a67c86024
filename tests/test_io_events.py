"""The events format: the episode builder, loading folders (CSV and JSON), the schema."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corparent.codes import LegalStatus, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode
from corparent.errors import LoadError
from corparent.io import events
from corparent.io.events import LegalStatusSpan, PlacementSpan, build_episodes
from corparent.model import CaseRecord, Episode
from corparent.schedule import Status, schedule
from corparent.synth import generate

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2024, 3, 31)
D = dt.date


def _comparable(episodes: list[Episode] | tuple[Episode, ...]) -> list[Episode]:
    """Episodes without what the two timelines cannot say: the reason a placement changed,
    and a provider that changes with the legal status only (it belongs to the placement)."""
    out: list[Episode] = []
    for e in episodes:
        e = attrs.evolve(e, reason_place_change=None)
        if e.reason_new is ReasonNewEpisode.L and out:
            e = attrs.evolve(e, provider=out[-1].provider, urn=out[-1].urn)
        out.append(e)
    return out


# -- build_episodes -------------------------------------------------------------------------


def test_worked_example_rne_and_x1() -> None:
    placements = [
        PlacementSpan(start=D(2024, 1, 5), end=D(2024, 2, 1), placement_type=PlacementType.U6,
                      carer="A"),
        PlacementSpan(start=D(2024, 2, 1), end=D(2024, 3, 1), placement_type=PlacementType.U6,
                      carer="A"),  # same carer, moved house: B
        PlacementSpan(start=D(2024, 3, 1), end=D(2024, 3, 20), placement_type=PlacementType.K2,
                      carer="B", reason_ceased=ReasonEpisodeCeased.E4A),
        PlacementSpan(start=D(2024, 6, 1), placement_type=PlacementType.U4),
    ]  # fmt: skip
    statuses = [
        LegalStatusSpan(start=D(2024, 1, 5), end=D(2024, 3, 1), legal_status=LegalStatus.V2),
        LegalStatusSpan(start=D(2024, 3, 1), end=D(2024, 3, 20), legal_status=LegalStatus.C1),
        LegalStatusSpan(start=D(2024, 6, 1), legal_status=LegalStatus.C2),
    ]
    episodes, problems = build_episodes(placements, statuses)
    assert problems == ()
    summary = [
        (e.start, e.end, e.reason_new.code, e.reason_ceased.code if e.reason_ceased else None)
        for e in episodes
    ]
    assert summary == [
        (D(2024, 1, 5), D(2024, 2, 1), "S", "X1"),
        (D(2024, 2, 1), D(2024, 3, 1), "B", "X1"),
        (D(2024, 3, 1), D(2024, 3, 20), "T", "E4A"),  # both changed, new carer
        (D(2024, 6, 1), None, "S", None),  # care began again after a gap
    ]
    assert [e.legal_status for e in episodes] == [
        LegalStatus.V2, LegalStatus.V2, LegalStatus.C1, LegalStatus.C2,
    ]  # fmt: skip


def test_same_carer_with_new_legal_status_is_u() -> None:
    placements = [
        PlacementSpan(start=D(2024, 1, 1), end=D(2024, 2, 1), placement_type=PlacementType.U6,
                      carer="A"),
        PlacementSpan(start=D(2024, 2, 1), placement_type=PlacementType.U4, carer="A"),
    ]  # fmt: skip
    statuses = [
        LegalStatusSpan(start=D(2024, 1, 1), end=D(2024, 2, 1), legal_status=LegalStatus.V2),
        LegalStatusSpan(start=D(2024, 2, 1), legal_status=LegalStatus.C2),
    ]
    episodes, _ = build_episodes(placements, statuses)
    assert [e.reason_new for e in episodes] == [ReasonNewEpisode.S, ReasonNewEpisode.U]


def test_gaps_overlaps_and_backwards_spans_are_reported() -> None:
    placements = [
        PlacementSpan(start=D(2024, 1, 1), end=D(2024, 3, 1), placement_type=PlacementType.U6),
        PlacementSpan(start=D(2024, 2, 1), placement_type=PlacementType.K2),  # overlaps
        PlacementSpan(start=D(2024, 5, 1), end=D(2024, 4, 1), placement_type=PlacementType.K2),
    ]
    statuses = [LegalStatusSpan(start=D(2024, 1, 10), legal_status=LegalStatus.C2)]
    episodes, problems = build_episodes(placements, statuses)
    codes = [p.code for p in problems]
    assert "ends_before_start" in codes
    assert "overlapping_spans" in codes
    assert "timeline_gap" in codes  # 1 to 9 January: a placement but no legal status
    assert episodes[0].start == D(2024, 1, 10)
    assert episodes[0].reason_new is ReasonNewEpisode.S


@st.composite
def _timelines(
    draw: st.DrawFn,
) -> tuple[list[PlacementSpan], list[LegalStatusSpan], list[tuple[object, ...]]]:
    """Random timelines and the episodes they must give: (start, end, RNE, REC, LS, PLACE)."""
    day = D(2015, 1, 1) + dt.timedelta(days=draw(st.integers(0, 300)))
    placements: list[PlacementSpan] = []
    statuses: list[LegalStatusSpan] = []
    expected: list[list[object]] = []
    carer, ended = 0, True
    n = draw(st.integers(1, 12))
    for i in range(n):
        change = "S" if ended else draw(st.sampled_from(["P", "L", "T", "B", "U"]))
        if change in ("S", "P", "T"):
            carer += 1  # a new carer; B and U keep the carer
        if change in ("S", "P", "T", "B", "U"):
            if not ended:
                placements[-1] = attrs.evolve(placements[-1], end=day)
            place = draw(st.sampled_from([PlacementType.U4, PlacementType.K2, PlacementType.U6]))
            placements.append(PlacementSpan(start=day, placement_type=place, carer=f"c{carer}"))
        if change in ("S", "L", "T", "U"):
            if not ended:
                statuses[-1] = attrs.evolve(statuses[-1], end=day)
            ls = draw(st.sampled_from([LegalStatus.C1, LegalStatus.C2, LegalStatus.V2]))
            statuses.append(LegalStatusSpan(start=day, legal_status=ls))
        row: list[object] = [
            day,
            None,
            change,
            None,
            statuses[-1].legal_status,
            placements[-1].placement_type,
        ]
        expected.append(row)
        end = day + dt.timedelta(days=draw(st.integers(1, 400)))
        last = i == n - 1
        if draw(st.booleans()) and (last or draw(st.booleans())):  # care ends
            placements[-1] = attrs.evolve(placements[-1], end=end)
            statuses[-1] = attrs.evolve(statuses[-1], end=end, reason_ceased=ReasonEpisodeCeased.E8)
            row[1], row[3] = end, "E8"
            ended, day = True, end + dt.timedelta(days=draw(st.integers(1, 60)))
        elif not last:
            row[1], row[3] = end, "X1"
            ended, day = False, end
    return placements, statuses, [tuple(e) for e in expected]


@settings(max_examples=200, deadline=None)
@given(_timelines())
def test_episodes_follow_the_timelines(
    case: tuple[list[PlacementSpan], list[LegalStatusSpan], list[tuple[object, ...]]],
) -> None:
    placements, statuses, expected = case
    episodes, problems = build_episodes(placements, statuses)
    assert problems == ()
    got = [
        (e.start, e.end, e.reason_new.code, e.reason_ceased.code if e.reason_ceased else None,
         e.legal_status, e.placement)
        for e in episodes
    ]  # fmt: skip
    assert got == expected
    for a, b in itertools.pairwise(episodes):
        assert (a.reason_ceased is ReasonEpisodeCeased.X1) == (a.end == b.start)


def test_timelines_from_synthetic_records_give_their_episodes_back() -> None:
    for record in generate(150, seed=8, as_of=AS_OF):
        placements, statuses = events.spans_from_episodes(record.episodes)
        episodes, problems = build_episodes(placements, statuses)
        assert problems == ()
        assert _comparable(episodes) == _comparable(record.episodes), record.id


# -- loading folders -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def records() -> list[CaseRecord]:
    return list(generate(40, seed=9, as_of=AS_OF))


def _same(a: CaseRecord, b: CaseRecord) -> None:
    assert _comparable(b.episodes) == _comparable(a.episodes)
    for field in ("reviews", "visits", "health_assessments", "peps", "care_plans",
                  "placement_plans", "pathway_plans", "needs_assessments", "pa_contacts",
                  "iro_appointments", "missing", "dental_checks", "pa_appointments"):  # fmt: skip
        assert getattr(b, field) == getattr(a, field), field


@pytest.mark.parametrize("form", ["csv", "json"])
def test_round_trip(records: list[CaseRecord], tmp_path: Path, form: str) -> None:
    written = events.write(records, tmp_path, form=form)  # type: ignore[arg-type]
    assert written["children"] == len(records)
    assert events.is_events_folder(tmp_path)
    loaded = events.load(tmp_path)
    assert loaded.stats.accounted
    assert loaded.problems == ()
    for record in records:
        _same(record, loaded.caseload[record.id])


def test_evidence_from_the_files_present(records: list[CaseRecord], tmp_path: Path) -> None:
    events.write(records, tmp_path)
    (tmp_path / "peps.csv").unlink()
    (tmp_path / "evidence.csv").write_text(
        "kind,start,end,held\nvisits,2020-04-01,,\nreviews,,,\n", encoding="utf-8"
    )
    loaded = events.load(tmp_path)
    record = loaded.caseload.records[0]
    assert not record.evidence.window("peps").held
    assert record.evidence.window("visits").start == D(2020, 4, 1)
    assert record.evidence.window("reviews").is_complete
    assert not record.evidence.window("dental_checks").held  # no file
    peps = {
        o.status for r in loaded.caseload for o in schedule(r, AS_OF) if o.duty.id.startswith("pep")
    }
    assert peps <= {Status.NOT_ASSESSABLE}


def test_bad_rows_are_reported_with_file_row_and_column(tmp_path: Path) -> None:
    (tmp_path / "children.csv").write_text(
        "child_id,date_of_birth\nA1,2012-05-01\nA2,not a date\nA1,2012-05-01\n",
        encoding="utf-8",
    )
    (tmp_path / "placements.csv").write_text(
        "child_id,start,end,placement_type\nA1,2023-01-01,,U4\nA1,2022-01-01,2022-02-01,ZZ\n",
        encoding="utf-8",
    )
    (tmp_path / "legal_statuses.json").write_text(
        json.dumps([{"child_id": "A1", "start": "2023-01-01", "legal_status": "C2"}]),
        encoding="utf-8",
    )
    (tmp_path / "visits.csv").write_text(
        "child_id,date,seen\nA1,2023-01-05,Y\nGHOST,2023-01-05,Y\n,2023-01-06,\nA1,2023-02-30,N\n",
        encoding="utf-8",
    )
    loaded = events.load(tmp_path)
    assert loaded.stats.accounted
    found = {(p.code, Path(p.file or "").name, p.row, p.column) for p in loaded.problems}
    assert ("bad_value", "children.csv", 3, "date_of_birth") in found
    assert ("duplicate_child", "children.csv", 4, None) in found
    assert ("bad_value", "placements.csv", 3, "placement_type") in found
    assert ("unknown_child", "visits.csv", 3, "child_id") in found
    assert ("missing_value", "visits.csv", 4, "child_id") in found
    assert ("bad_value", "visits.csv", 5, "date") in found
    # A date of birth is never shown.
    dob = next(p for p in loaded.problems if p.column == "date_of_birth")
    assert "not a date" not in dob.describe()
    stats = loaded.stats.tables
    assert (stats["visits"].read, stats["visits"].mapped) == (4, 1)
    assert (stats["children"].read, stats["children"].mapped) == (3, 1)
    [record] = loaded.caseload
    assert [e.placement for e in record.episodes] == [PlacementType.U4]


def test_no_children_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "visits.csv").write_text("child_id,date\n", encoding="utf-8")
    with pytest.raises(LoadError, match="children"):
        events.load(tmp_path)


def test_malformed_json_is_reported(tmp_path: Path) -> None:
    (tmp_path / "children.csv").write_text("child_id,date_of_birth\nA1,2012-05-01\n", "utf-8")
    (tmp_path / "visits.json").write_text('{"not": "a list"}', encoding="utf-8")
    loaded = events.load(tmp_path)
    assert any(p.code == "unreadable_file" for p in loaded.problems)


# -- the documented schema -------------------------------------------------------------------


def test_the_committed_json_schema_is_the_generated_one() -> None:
    committed = json.loads((ROOT / "docs" / "events-format.schema.json").read_text("utf-8"))
    assert committed == events.events_schema()


def test_every_kind_is_documented() -> None:
    page = (ROOT / "docs" / "events-format.md").read_text(encoding="utf-8")
    for k in events.KINDS:
        assert f"`{k.name}`" in page, k.name
        for f in k.fields:
            assert f"`{f.name}`" in page, (k.name, f.name)


def test_json_schema_validates_a_written_folder(records: list[CaseRecord], tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    events.write(records[:10], tmp_path, form="json")
    document = {path.stem: json.loads(path.read_text("utf-8")) for path in tmp_path.glob("*.json")}
    jsonschema.validate(document, events.events_schema())
    document["visits"][0]["date"] = "yesterday"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, events.events_schema())
