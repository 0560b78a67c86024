"""The SSD loader: round trips from synthetic histories, the SQL it sends, bad input."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections import Counter
from pathlib import Path

import attrs
import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import mssql

from corparent.errors import LoadError
from corparent.io import ssd
from corparent.io.ssd import _sql
from corparent.model import Caseload, CaseRecord
from corparent.schedule import Status, schedule
from corparent.synth import generate, write_ssd

AS_OF = dt.date(2024, 3, 31)
NEVER_READ = (
    "pers_forename",
    "pers_surname",
    "pers_upn",
    "pers_legacy_id",
    "lacp_cla_care_plan_json",
    "clea_care_leaver_personal_advisor",
    "prof_professional_name",
    "clap_cla_placement_postcode",
)


@pytest.fixture(scope="module")
def caseload() -> Caseload:
    return generate(40, seed=13, as_of=AS_OF)


@pytest.fixture(scope="module")
def database(caseload: Caseload, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ssd") / "ssd.db"
    write_ssd(caseload, f"sqlite:///{path}", as_of=AS_OF, seed=3, misconfigured_share=0.2)
    return path


def _copy(database: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.db"
    target.write_bytes(database.read_bytes())
    return target


def _same_events(a: CaseRecord, b: CaseRecord) -> None:
    strip = [attrs.evolve(e, reason_place_change=None) for e in a.episodes]
    assert list(b.episodes) == strip
    for field in (
        "reviews",
        "visits",
        "health_assessments",
        "dental_checks",
        "care_plans",
        "missing",
    ):
        assert getattr(b, field) == getattr(a, field), field
    assert b.child.date_of_birth == a.child.date_of_birth


def test_round_trip_from_sqlite(caseload: Caseload, database: Path) -> None:
    loaded = ssd.load(f"sqlite:///{database}")
    assert loaded.stats.accounted
    assert loaded.problems == ()
    for name, t in loaded.stats.tables.items():
        assert t.read == t.mapped + t.reported, name
    assert loaded.stats.tables["ssd_cla_visits"].read == sum(len(r.visits) for r in caseload)
    assert {r.id for r in loaded.caseload} == {r.id for r in caseload}
    for record in caseload:
        _same_events(record, loaded.caseload[record.id])


def test_csv_folder_loads_the_same(caseload: Caseload, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    write_ssd(caseload, folder, as_of=AS_OF, seed=3, misconfigured_share=0.2)
    assert ssd.is_csv_folder(folder)
    loaded = ssd.load(folder)
    assert loaded.stats.accounted
    for record in caseload:
        _same_events(record, loaded.caseload[record.id])
    stats = loaded.stats.tables["ssd_person"]
    assert (stats.headers, stats.lines) == (1, stats.read + 1)


def test_evidence_windows_come_from_what_the_tables_hold(
    caseload: Caseload, database: Path
) -> None:
    loaded = ssd.load(f"sqlite:///{database}", extracted_on=AS_OF)
    record = loaded.caseload[caseload.records[0].id]
    visits = record.evidence.window("visits")
    earliest = min(v.date for r in caseload for v in r.visits)
    assert (visits.held, visits.start, visits.end) == (True, earliest, AS_OF)
    assert not record.evidence.window("peps").held  # the SSD has no PEP table
    assert not record.evidence.window("placement_plans").held
    leaver = next(r for r in caseload if r.pa_contacts)
    window = loaded.caseload[leaver.id].evidence.window("pa_contacts")
    # ssd_care_leavers holds the latest contact only: known from that day.
    assert window.start == max(c.date for c in leaver.pa_contacts)


def test_an_extraction_day_before_the_data_is_a_load_error(
    caseload: Caseload, database: Path
) -> None:
    from corparent.errors import LoadError

    earliest_visit = min(v.date for r in caseload for v in r.visits)
    with pytest.raises(LoadError) as raised:
        ssd.load(f"sqlite:///{database}", extracted_on=earliest_visit - dt.timedelta(days=1))
    problem = next(p for p in raised.value.problems if p.code == "dated_after_extraction")
    assert "after the extraction day given" in problem.message
    leaver = next(r for r in caseload if r.pa_contacts)
    latest = max(c.date for c in leaver.pa_contacts)
    with pytest.raises(LoadError) as raised:
        ssd.load(f"sqlite:///{database}", extracted_on=latest - dt.timedelta(days=1))
    assert any(p.code == "dated_after_extraction" for p in raised.value.problems)


def test_duties_the_ssd_cannot_show_are_not_assessable(database: Path) -> None:
    loaded = ssd.load(f"sqlite:///{database}")
    statuses = Counter(
        ob.status
        for r in loaded.caseload
        for ob in schedule(r, AS_OF)
        if ob.duty.id == "pep_initiate"
    )
    assert statuses
    assert set(statuses) == {Status.NOT_ASSESSABLE}


def test_ssd_kinds_match_the_tables() -> None:
    assert set(ssd.SSD_KINDS) == {k for t in ssd.TABLES for k in t.evidence}
    assert "visits" in ssd.SSD_KINDS
    assert "peps" not in ssd.SSD_KINDS


# -- the SQL sent ------------------------------------------------------------------------------


def test_named_columns_only_and_never_personal_ones(database: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{database}")
    sent: list[str] = []
    # SQLite's own trace: every statement the database runs, whoever sent it.
    sa.event.listen(engine, "connect", lambda dbapi, record: dbapi.set_trace_callback(sent.append))
    ssd.load(engine)
    selects = [s for s in sent if re.match(r"\s*SELECT \w+.*\sFROM ssd_", s, re.S)]
    assert len(selects) == len(ssd.TABLES)
    for stmt in sent:
        assert "*" not in stmt, stmt
        assert not re.search(r"\b(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER)\b", stmt, re.I)
        for column in NEVER_READ:
            assert column not in stmt
    engine.dispose()


def test_sqlite_is_opened_read_only(database: Path, tmp_path: Path) -> None:
    path = _copy(database, tmp_path)
    before = path.read_bytes()
    with _sql.connect(f"sqlite:///{path}") as conn, pytest.raises(sa.exc.OperationalError):
        conn.execute(sa.text("CREATE TABLE written (a INTEGER)"))
    ssd.load(f"sqlite:///{path}")
    assert path.read_bytes() == before


@pytest.mark.parametrize("spec", ssd.TABLES, ids=lambda t: t.name)
def test_sql_server_2012_compiles_plain_selects(spec: ssd.SsdTable) -> None:
    dialect = mssql.dialect()
    dialect.server_version_info = (11, 0, 2100)  # SQL Server 2012
    sql = str(_sql.query(spec.name, spec.names, schema="dbo").compile(dialect=dialect))
    flat = " ".join(sql.split())
    assert flat == f"SELECT {', '.join(spec.names)} FROM dbo.{spec.name}"
    for newer in ("STRING_AGG", "OFFSET", "FETCH", "TRIM(", "CONCAT_WS", "OPENJSON", "*"):
        assert newer not in flat.upper()


def test_connection_failure_is_one_line_without_the_password() -> None:
    with pytest.raises(ssd.DatabaseUnavailable) as info:
        ssd.load("postgresql+psycopg://someone:hunter2@127.0.0.1:1/ssd")
    text = str(info.value)
    assert "\n" not in text
    assert "hunter2" not in text
    assert "cannot read the SSD database" in text
    assert isinstance(info.value, LoadError)


def test_missing_sqlite_file_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    with pytest.raises(ssd.DatabaseUnavailable):
        ssd.load(f"sqlite:///{path}")
    assert not path.exists()


# -- bad input -----------------------------------------------------------------------------


def _broken(database: Path, tmp_path: Path, *statements: str) -> Path:
    path = _copy(database, tmp_path)
    with sqlite3.connect(path) as conn:
        for statement in statements:
            conn.execute(statement)
    return path


def test_bad_rows_are_reported_with_table_key_and_column(database: Path, tmp_path: Path) -> None:
    path = _broken(
        database,
        tmp_path,
        # a date that is not a date, and a NULL where a date is required
        "UPDATE ssd_cla_visits SET clav_cla_visit_date = 'last tuesday' "
        "WHERE rowid = (SELECT min(rowid) FROM ssd_cla_visits)",
        "UPDATE ssd_cla_visits SET clav_cla_visit_date = NULL "
        "WHERE rowid = (SELECT max(rowid) FROM ssd_cla_visits)",
        # a wrong type: a number where a flag is expected
        "UPDATE ssd_cla_visits SET clav_cla_visit_seen = 7 "
        "WHERE rowid = (SELECT min(rowid) + 1 FROM ssd_cla_visits)",
        # a duplicated person row (a known SSD problem)
        "INSERT INTO ssd_person (pers_person_id, pers_dob, pers_forename) "
        "SELECT pers_person_id, pers_dob, 'Twin' FROM ssd_person LIMIT 1",
        # an orphan review: its CLA id matches no episode
        "INSERT INTO ssd_cla_reviews (clar_cla_review_id, clar_cla_id, clar_cla_review_date) "
        "VALUES ('R-ORPHAN', 'NO-SUCH-CLA', '2024-01-10')",
        # a visit to someone not in ssd_person
        "INSERT INTO ssd_cla_visits (clav_cla_visit_id, clav_person_id, clav_cla_visit_date) "
        "VALUES ('V-STRAY', 'NOBODY', '2024-01-10')",
    )
    loaded = ssd.load(f"sqlite:///{path}")
    assert loaded.stats.accounted
    found = {(p.code, p.file, p.column): p for p in loaded.problems}
    assert ("bad_value", "ssd_cla_visits", "clav_cla_visit_date") in found
    assert ("missing_value", "ssd_cla_visits", "clav_cla_visit_date") in found
    assert ("bad_value", "ssd_cla_visits", "clav_cla_visit_seen") in found
    assert ("duplicate_person", "ssd_person", "pers_person_id") in found
    orphan = found["orphan_review", "ssd_cla_reviews", "clar_cla_id"]
    assert orphan.path == "clar_cla_review_id=R-ORPHAN"
    stray = found["unknown_person", "ssd_cla_visits", "clav_person_id"]
    assert stray.path == "clav_cla_visit_id=V-STRAY"
    visits = loaded.stats.tables["ssd_cla_visits"]
    assert visits.reported == 3  # the bad date, the NULL date, the stranger (a bad flag is kept)
    assert loaded.stats.tables["ssd_person"].reported == 1
    assert loaded.stats.tables["ssd_cla_reviews"].reported == 1
    # A date of birth never appears in a message, whatever the value.
    assert all("Twin" not in p.describe() for p in loaded.problems)


def test_missing_table_or_column_the_load_needs_is_one_error(
    database: Path, tmp_path: Path
) -> None:
    path = _broken(
        database,
        tmp_path,
        "DROP TABLE ssd_legal_status",
        "ALTER TABLE ssd_person DROP COLUMN pers_dob",
    )
    with pytest.raises(LoadError) as info:
        ssd.load(f"sqlite:///{path}")
    where = {(p.code, p.file, p.column) for p in info.value.problems}
    assert ("missing_table", "ssd_legal_status", None) in where
    assert ("missing_column", "ssd_person", "pers_dob") in where


def test_missing_optional_table_means_not_held(database: Path, tmp_path: Path) -> None:
    path = _broken(database, tmp_path, "DROP TABLE ssd_cla_visits")
    loaded = ssd.load(f"sqlite:///{path}")
    assert any(n.code == "missing_table" and n.file == "ssd_cla_visits" for n in loaded.notes)
    record = loaded.caseload.records[0]
    assert not record.evidence.window("visits").held
    visit_statuses = {o.status for o in schedule(record, AS_OF) if o.duty.id.startswith("visit")}
    assert visit_statuses <= {Status.NOT_ASSESSABLE}


def test_missing_required_column_of_an_optional_table_reports_every_row(
    database: Path, tmp_path: Path
) -> None:
    path = _broken(database, tmp_path, "ALTER TABLE ssd_cla_health DROP COLUMN clah_person_id")
    loaded = ssd.load(f"sqlite:///{path}")
    health = loaded.stats.tables["ssd_cla_health"]
    assert health.read > 0
    assert health.reported == health.read
    assert any(p.code == "missing_column" and p.column == "clah_person_id" for p in loaded.problems)
    assert not loaded.caseload.records[0].evidence.window("health_assessments").held


def test_health_check_types_unknown_are_reported_and_the_mapping_is_overridable(
    database: Path, tmp_path: Path
) -> None:
    path = _broken(
        database,
        tmp_path,
        "UPDATE ssd_cla_health SET clah_health_check_type = 'LAC Medical (first)' "
        "WHERE clah_health_check_type = 'Initial Health Assessment'",
    )
    loaded = ssd.load(f"sqlite:///{path}")
    unknown = [p for p in loaded.problems if p.code == "unknown_health_check_type"]
    assert unknown
    assert all(p.column == "clah_health_check_type" for p in unknown)
    mapping = ssd.HEALTH_CHECKS.with_types({"lac medical (first)": ssd.HealthCheck.INITIAL})
    fixed = ssd.load(f"sqlite:///{path}", health_checks=mapping)
    assert not [p for p in fixed.problems if p.code == "unknown_health_check_type"]


def test_health_checks_not_done_are_read_but_not_counted(database: Path, tmp_path: Path) -> None:
    path = _broken(
        database, tmp_path, "UPDATE ssd_cla_health SET clah_health_check_status = 'Refused'"
    )
    loaded = ssd.load(f"sqlite:///{path}")
    assert loaded.stats.tables["ssd_cla_health"].reported == 0
    assert all(not r.health_assessments for r in loaded.caseload)
    assert any(n.code == "health_rows_not_assessments" for n in loaded.notes)


def test_health_statuses_move_between_lists() -> None:
    mapping = ssd.HEALTH_CHECKS.with_statuses(done=["Booked"])
    assert mapping.took_place("booked") is True
    assert ssd.HEALTH_CHECKS.took_place("booked") is False
    assert ssd.HEALTH_CHECKS.took_place("Pending triage") is None
    assert ssd.HEALTH_CHECKS.took_place(None) is True


# -- the system's own review due dates --------------------------------------------------------


def _late_rows(loaded: ssd.SourceLoadResult) -> int:
    """Review rows whose system due date is later than the statutory date they stand for."""
    count = 0
    for record in loaded.caseload:
        obligations = sorted(
            (o for o in schedule(record, AS_OF) if o.duty.id.startswith("review_")),
            key=lambda o: o.due,
        )
        for row in loaded.review_due_dates.get(record.id, ()):
            matching = [
                o
                for o in obligations
                if o.status is not Status.NOT_ASSESSABLE
                and (o.met_on == row.held_on if row.held_on else o.met_on is None)
            ]
            if matching and row.due > matching[0].due:
                count += 1
    return count


@pytest.mark.parametrize("share", [0.0, 0.3, 1.0])
def test_system_due_dates_later_than_the_law_are_flagged(
    caseload: Caseload, tmp_path: Path, share: float
) -> None:
    path = tmp_path / "ssd.db"
    write_ssd(caseload, f"sqlite:///{path}", as_of=AS_OF, misconfigured_share=share)
    loaded = ssd.load(f"sqlite:///{path}")
    findings = ssd.compare_review_due_dates(loaded, AS_OF)
    assert len(findings) == _late_rows(loaded)
    if share == 0.0:
        assert findings == ()
    if share == 1.0:
        assert len(findings) >= len({r.id for r in caseload if r.reviews}) // 2
    for f in findings:
        assert f.check_id == "ssd.system_review_due"
        assert f.duty_id is not None
        assert f.duty_id.startswith("review_")
        assert "28 days after the statutory date" in f.message


def test_the_check_finds_nothing_unconfigured(database: Path) -> None:
    from corparent.checks import CheckSet, run_checks

    loaded = ssd.load(f"sqlite:///{database}")
    result = run_checks(loaded.caseload, AS_OF, checks=CheckSet(checks=[ssd.SYSTEM_REVIEW_DUE]))
    assert result.findings == ()


def test_allocations_name_staff_ids_and_teams(database: Path) -> None:
    loaded = ssd.load(f"sqlite:///{database}")
    allocations = [a for group in loaded.allocations.values() for a in group]
    assert allocations
    assert all(a.worker.startswith(("SW", "PA")) for a in allocations)
    assert all("Worker " not in a.worker for a in allocations)  # never the name
    assert {a.team for a in allocations} - {None}


def test_csv_lines_that_are_not_csv_are_reported(caseload: Caseload, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    write_ssd(caseload, folder, as_of=AS_OF)
    visits = folder / "ssd_cla_visits.csv"
    lines = visits.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(2, 'V-BAD,P,C0001,2024-01-01,"' + "Y" * 1_100_000 + '",\n')  # over the field limit
    lines.insert(3, "\n")
    visits.write_text("".join(lines), encoding="utf-8")
    loaded = ssd.load(folder)
    assert loaded.stats.accounted
    [bad] = [p for p in loaded.problems if p.code == "bad_csv"]
    assert (Path(bad.file or "").name, bad.row) == ("ssd_cla_visits.csv", 3)
    stats = loaded.stats.tables["ssd_cla_visits"]
    assert (stats.blank, stats.reported) == (1, 1)
    assert stats.read == sum(len(r.visits) for r in caseload) + 1
