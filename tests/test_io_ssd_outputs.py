"""Council data on the command line, and the outputs people work from: worklists, xlsx,
pandas frames; the bundled samples."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from corparent.checks import run_checks
from corparent.cli import main
from corparent.codes import LegalStatus, PlacementType
from corparent.io import events, ssd
from corparent.io._loaded import Allocation
from corparent.io.worklist import UNALLOCATED, WORKLIST_COLUMNS, WorkItem, Worklist, worklist
from corparent.model import CaseRecord as Record
from corparent.model import Child, Episode, Visit
from corparent.schedule import schedule
from corparent.synth import generate, write_ssd

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2024, 3, 31)
SAMPLE_SSD = ROOT / "examples" / "data" / "ssd"
SAMPLE_EVENTS = ROOT / "examples" / "data" / "events"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "ssd.db"
    write_ssd(generate(30, seed=17, as_of=AS_OF), f"sqlite:///{path}", as_of=AS_OF,
              misconfigured_share=0.3)  # fmt: skip
    return f"sqlite:///{path}"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- the command line ------------------------------------------------------------------------


def test_check_reads_an_ssd_database(capsys: pytest.CaptureFixture[str], database: str) -> None:
    code, out, _ = run(capsys, "check", database, "--as-of", "2024-03-31", "--format", "json")
    assert code == 1
    data = json.loads(out)
    checks = {c["id"] for c in data["metadata"]["checks"]}
    assert "ssd.system_review_due" in checks
    assert "builtin.completeness.upn" not in checks  # the SSD carries no UPN for corparent
    duties = {f["duty_id"] for f in data["findings"]}
    assert any(d and d.startswith("visit_") for d in duties)  # every duty by default
    assert any(f["check_id"] == "ssd.system_review_due" for f in data["findings"])
    assert data["load"]["accounted"]


@pytest.mark.parametrize("source", [SAMPLE_SSD, SAMPLE_EVENTS], ids=["ssd-csv", "events"])
def test_check_schedule_report_worklist_read_folders(
    capsys: pytest.CaptureFixture[str], source: Path
) -> None:
    code, out, _ = run(capsys, "check", str(source), "--as-of", "2024-03-31")
    assert code in (0, 1)
    assert "nothing dropped" in out
    code, out, _ = run(capsys, "schedule", str(source), "--child", "C0001", "--as-of", "2024-03-31")
    assert code == 0
    assert "NOT_ASSESSABLE" in out or "MET" in out
    code, out, _ = run(capsys, "report", str(source), "--as-of", "2024-03-31", "--format", "csv")
    assert code == 0
    assert out.startswith("section,")
    code, out, _ = run(capsys, "worklist", str(source), "--as-of", "2024-03-31", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows
    assert set(rows[0]) == set(WORKLIST_COLUMNS)


def test_a_903_folder_still_defaults_to_review_duties(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(
        capsys, "check", str(ROOT / "examples" / "data" / "ssda903"), "--as-of", "2024-03-31",
        "--format", "json",
    )  # fmt: skip
    duties = {f["duty_id"] for f in json.loads(out)["findings"] if f["duty_id"]}
    assert duties
    assert all(d.startswith("review_") for d in duties)


def test_unreachable_database_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "check", "postgresql+psycopg://u:pw@127.0.0.1:1/ssd", "--as-of", "2024-03-31"
    )
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "pw@" not in err


def test_903_options_are_refused_for_council_data(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "check", str(SAMPLE_SSD), "--as-of", "2024-03-31", "--previous", str(tmp_path)
    )
    assert code == 2
    assert "SSDA903 folders only" in err


def test_path_must_be_a_folder_or_url(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", str(tmp_path / "nope"), "--as-of", "2024-03-31")
    assert code == 2
    assert "neither a folder nor a database URL" in err


# -- worklists -------------------------------------------------------------------------------


def _record() -> Record:
    return Record(
        child=Child(id="W1", date_of_birth=dt.date(2012, 1, 1)),
        episodes=[
            Episode(
                start=dt.date(2024, 3, 1), legal_status=LegalStatus.C2, placement=PlacementType.U4
            )
        ],
        visits=[Visit(date=dt.date(2024, 3, 5), seen=True)],
    )


def test_worklist_lists_open_obligations_in_the_window_by_worker() -> None:
    record = _record()
    allocations = {
        "W1": [
            Allocation(child_id="W1", worker="SW1", team="North", start=dt.date(2024, 3, 1),
                       end=dt.date(2024, 3, 20)),
            Allocation(child_id="W1", worker="SW2", team="South", start=dt.date(2024, 3, 21)),
        ]
    }  # fmt: skip
    items = worklist([record], AS_OF, weeks=4, allocations=allocations)
    expected = {
        (ob.duty.id, ob.due)
        for ob in schedule(record, AS_OF)
        if ob.status.name in ("DUE", "OVERDUE") and ob.due <= AS_OF + dt.timedelta(weeks=4)
    }
    assert {(i.duty_id, i.due) for i in items} == expected
    assert expected
    assert {(i.team, i.worker) for i in items} == {("South", "SW2")}
    assert worklist([record], AS_OF, weeks=4).items[0].worker == UNALLOCATED
    later = worklist([record], AS_OF, weeks=52)
    assert len(later) >= len(items)
    assert all(i.status == "due" for i in worklist([record], AS_OF, include_overdue=False))


def test_worklist_from_the_ssd_names_teams(database: str) -> None:
    loaded = ssd.load(database)
    items = worklist(loaded.caseload, AS_OF, weeks=6, allocations=loaded.allocations)
    assert items
    assert {i.team for i in items} - {UNALLOCATED}
    assert set(items.by_team()) == {i.team for i in items}
    grouped = items.by_worker()
    assert sum(len(v) for v in grouped.values()) == len(items)


# -- xlsx ------------------------------------------------------------------------------------

openpyxl = pytest.importorskip("openpyxl")


def test_xlsx_cells_are_never_formulas(tmp_path: Path) -> None:
    from corparent.io.xlsx import write_worklist

    hostile = '=HYPERLINK("http://example.invalid","click")'
    items = Worklist(
        as_of=AS_OF,
        until=AS_OF,
        items=[
            WorkItem(child_id=hostile, duty_id="visit_first", due=AS_OF, status="due",
                     days_overdue=0, about="+1", citation="@SUM(A1)", team="-2", worker="SW1")
        ],
    )  # fmt: skip
    path = tmp_path / "w.xlsx"
    write_worklist(items, path)
    with zipfile.ZipFile(path) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/")]
        assert all(b"<f>" not in book.read(n) for n in sheets)
    sheet = openpyxl.load_workbook(path)["worklist"]
    values = {c.value: c for c in sheet[2]}
    assert hostile in values
    assert values[hostile].data_type == "s"
    assert values["-2"].data_type == "s"
    assert openpyxl.load_workbook(path).sheetnames == ["worklist", "-2"]


def test_check_and_worklist_write_xlsx(
    capsys: pytest.CaptureFixture[str], database: str, tmp_path: Path
) -> None:
    findings = tmp_path / "findings.xlsx"
    code, _, _ = run(capsys, "check", database, "--as-of", "2024-03-31", "--format", "xlsx",
                     "-o", str(findings))  # fmt: skip
    assert code == 1
    sheet = openpyxl.load_workbook(findings)["findings"]
    assert [c.value for c in sheet[1]][:3] == ["child_id", "severity", "check_id"]
    assert sheet.max_row > 1
    book = tmp_path / "worklist.xlsx"
    code, _, _ = run(capsys, "worklist", database, "--as-of", "2024-03-31", "--format", "xlsx",
                     "-o", str(book))  # fmt: skip
    assert code == 0
    assert "worklist" in openpyxl.load_workbook(book).sheetnames
    code, _, err = run(capsys, "worklist", database, "--as-of", "2024-03-31", "--format", "xlsx")
    assert code == 2
    assert "--output" in err


# -- pandas ----------------------------------------------------------------------------------


def test_importing_corparent_does_not_import_pandas_or_openpyxl() -> None:
    code = (
        "import sys, corparent, corparent.checks, corparent.schedule, corparent.io.worklist, "
        "corparent.io.xlsx, corparent.io.ssd, corparent.io.events, corparent.cli._check; "
        "print(sorted(m for m in ('pandas', 'openpyxl', 'sqlalchemy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.skipif(importlib.util.find_spec("pandas") is None, reason="pandas extra")
def test_to_pandas_on_findings_schedules_and_worklists(database: str) -> None:
    loaded = ssd.load(database)
    result = run_checks(loaded.caseload, AS_OF)
    frame = result.to_pandas()
    assert len(frame) == len(result.findings)
    assert list(frame.columns)[:3] == ["child_id", "severity", "check_id"]
    record = loaded.caseload.records[0]
    plan = schedule(record, AS_OF)
    frame = plan.to_pandas()
    assert len(frame) == len(plan)
    assert set(frame["status"]) <= {s.value for s in type(plan.obligations[0].status)}
    items = worklist(loaded.caseload, AS_OF, allocations=loaded.allocations)
    assert list(items.to_pandas().columns) == list(WORKLIST_COLUMNS)


def test_to_pandas_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from corparent._extras import ExtraNotInstalled

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ExtraNotInstalled, match=r"corparent\[pandas\]"):
        schedule(_record(), AS_OF).to_pandas()


# -- the bundled samples ---------------------------------------------------------------------


def test_bundled_samples_equal_a_fresh_generation(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "generate_ssd_sample", ROOT / "examples" / "generate_ssd_sample.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for name in ("ssd", "events"):
        fresh = sorted(p.name for p in (tmp_path / name).iterdir())
        assert fresh == sorted(p.name for p in (ROOT / "examples" / "data" / name).iterdir())
        for file in fresh:
            assert (tmp_path / name / file).read_bytes() == (
                ROOT / "examples" / "data" / name / file
            ).read_bytes(), file


def test_ssd_and_events_samples_describe_the_same_children() -> None:
    from_ssd = ssd.load(SAMPLE_SSD)
    from_events = events.load(SAMPLE_EVENTS)
    assert {r.id for r in from_ssd.caseload} == {r.id for r in from_events.caseload}
    for record in from_ssd.caseload:
        other = from_events.caseload[record.id]
        assert record.visits == other.visits
        assert record.reviews == other.reviews


def test_the_ssd_check_can_be_selected_and_listed(
    capsys: pytest.CaptureFixture[str], database: str
) -> None:
    code, out, _ = run(capsys, "check", database, "--as-of", "2024-03-31", "--list-checks")
    assert code == 0
    assert "ssd.system_review_due" in out
    code, out, _ = run(
        capsys, "check", database, "--as-of", "2024-03-31", "--checks", "ssd.system_review_due",
        "--format", "json",
    )  # fmt: skip
    assert {f["check_id"] for f in json.loads(out)["findings"]} == {"ssd.system_review_due"}
    code, out, _ = run(
        capsys, "check", str(ROOT / "examples" / "data" / "ssda903"), "--as-of", "2024-03-31",
        "--list-checks",
    )  # fmt: skip
    assert "ssd.system_review_due" not in out
