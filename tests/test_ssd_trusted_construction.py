"""The SSD loader's trusted construction path builds exactly what the checked constructors build,
and reports every bad row as before.

The SSD builder parses each value into its final type, sorts each child's events as the record
sorts them, and builds events, episodes, children, records, allocations and system review due
dates without converting or validating again (``corparent.model._trusted``). These tests rebuild
every loaded object through the public checked constructors (validators on) and require equal
objects of the same types with equal integrity problems: a value of the wrong type, unsorted
events or a missed default would show here. A messy database (every fault the loader reports,
odd value types) must still name each bad row by table, key or line, column and value.
"""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from collections import Counter
from pathlib import Path

import attrs
import pytest

from _identical import assert_identical, rebuilt
from corparent.io import ssd
from corparent.io._loaded import Allocation, SystemReviewDue
from corparent.model import CaseRecord
from corparent.synth import generate, write_ssd

AS_OF = dt.date(2024, 3, 31)
EXAMPLES = Path(__file__).parent.parent / "examples" / "data" / "ssd"

FAULTS = (
    # people: a duplicate, a NULL and an unreadable date of birth, an id with spaces round it
    "INSERT INTO ssd_person (pers_person_id, pers_dob) "
    "SELECT pers_person_id, pers_dob FROM ssd_person LIMIT 1",
    "INSERT INTO ssd_person (pers_person_id, pers_dob) VALUES ('P-NODOB', NULL)",
    "INSERT INTO ssd_person (pers_person_id, pers_dob) VALUES ('P-BADDOB', '31/02/2010')",
    "INSERT INTO ssd_person (pers_person_id, pers_dob) VALUES ('  P-SPACED  ', '2012-05-06')",
    "INSERT INTO ssd_person (pers_person_id, pers_dob) VALUES (NULL, '2012-05-06')",
    "INSERT INTO ssd_person (pers_person_id, pers_dob) VALUES (4242, '07/08/2011')",
    # visits: unreadable, NULL, timed and UK-style dates; bad and odd flags; strangers
    "UPDATE ssd_cla_visits SET clav_cla_visit_date = 'last tuesday' WHERE rowid = 1",
    "UPDATE ssd_cla_visits SET clav_cla_visit_date = NULL WHERE rowid = 2",
    "UPDATE ssd_cla_visits SET clav_cla_visit_date = clav_cla_visit_date || ' 10:30:00' "
    "WHERE rowid = 3",
    "UPDATE ssd_cla_visits SET clav_cla_visit_date = '2023-05-01x' WHERE rowid = 4",
    "UPDATE ssd_cla_visits SET clav_cla_visit_date = 20230501 WHERE rowid = 5",
    "UPDATE ssd_cla_visits SET clav_cla_visit_seen = 7 WHERE rowid = 6",
    "UPDATE ssd_cla_visits SET clav_cla_visit_seen = 'maybe' WHERE rowid = 7",
    "UPDATE ssd_cla_visits SET clav_cla_visit_seen = ' yes ' WHERE rowid = 8",
    "UPDATE ssd_cla_visits SET clav_cla_visit_seen = 0, clav_cla_visit_seen_alone = 1 "
    "WHERE rowid = 9",
    "UPDATE ssd_cla_visits SET clav_cla_visit_seen = NULL, clav_cla_visit_seen_alone = '' "
    "WHERE rowid = 10",
    "UPDATE ssd_cla_visits SET clav_cla_visit_seen = 1.0 WHERE rowid = 11",
    "UPDATE ssd_cla_visits SET clav_cla_visit_seen_alone = 'T' WHERE rowid = 12",
    "UPDATE ssd_cla_visits SET clav_cla_visit_id = NULL WHERE rowid = 13",
    "UPDATE ssd_cla_visits SET clav_cla_visit_id = 12.0 WHERE rowid = 14",
    "UPDATE ssd_cla_visits SET clav_person_id = '   ' WHERE rowid = 15",
    "UPDATE ssd_cla_visits SET clav_cla_visit_date = '  ' WHERE rowid = 16",
    "UPDATE ssd_cla_visits SET clav_cla_visit_date = '2023-13-45' WHERE rowid = 17",
    "INSERT INTO ssd_cla_visits (clav_cla_visit_id, clav_person_id, clav_cla_visit_date) "
    "VALUES ('V-STRAY', 'NOBODY', '2024-01-10')",
    "INSERT INTO ssd_cla_visits (clav_cla_visit_id, clav_person_id, clav_cla_visit_date, "
    "clav_cla_visit_seen) VALUES ('V-SPACED', '  P-SPACED  ', '10/01/2024', 'n')",
    "INSERT INTO ssd_cla_visits (clav_cla_visit_id, clav_person_id, clav_cla_visit_date, "
    "clav_cla_visit_seen) VALUES ('V-INT', 4242, '2024-01-11T09:00', 'Y')",
    # episodes: bad codes, a NULL start, a stranger, an unknown placement, no legal status
    "UPDATE ssd_cla_episodes SET clae_cla_episode_start_reason = 'ZZ' WHERE rowid = 1",
    "UPDATE ssd_cla_episodes SET clae_cla_primary_need_code = 'N99' WHERE rowid = 2",
    "UPDATE ssd_cla_episodes SET clae_cla_episode_ceased_reason = 'E99' WHERE rowid = 3",
    "UPDATE ssd_cla_episodes SET clae_cla_episode_start_date = NULL WHERE rowid = 4",
    "UPDATE ssd_cla_episodes SET clae_cla_placement_id = 'NO-SUCH-PLACEMENT' WHERE rowid = 5",
    "UPDATE ssd_cla_episodes SET clae_cla_episode_start_date = '1999-01-01' WHERE rowid = 6",
    "UPDATE ssd_cla_episodes SET clae_cla_episode_start_reason = ' p ' WHERE rowid = 7",
    "INSERT INTO ssd_cla_episodes (clae_cla_episode_id, clae_person_id, clae_cla_id, "
    "clae_cla_episode_start_date, clae_cla_episode_start_reason) "
    "VALUES ('E-STRAY', 'NOBODY', 'CLA-STRAY', '2023-01-01', 'S')",
    "INSERT INTO ssd_cla_episodes (clae_cla_episode_id, clae_person_id, clae_cla_id, "
    "clae_cla_episode_start_date, clae_cla_episode_start_reason, clae_cla_placement_id) "
    "VALUES ('E-INT', 4242, 'CLA-INT', '2023-01-01', 'S', 'PL-INT')",
    # placements: a bad type and provider, a duplicate id
    "UPDATE ssd_cla_placement SET clap_cla_placement_type = 'Q9' WHERE rowid = 1",
    "UPDATE ssd_cla_placement SET clap_cla_placement_provider = 'PR9' WHERE rowid = 2",
    "INSERT INTO ssd_cla_placement (clap_cla_placement_id, clap_cla_placement_type) "
    "SELECT clap_cla_placement_id, 'U1' FROM ssd_cla_placement WHERE rowid = 3",
    "INSERT INTO ssd_cla_placement (clap_cla_placement_id, clap_cla_placement_type, "
    "clap_cla_placement_urn) VALUES ('PL-INT', 'U1', 123456)",
    # legal statuses: a bad code, a stranger, a NULL start
    "UPDATE ssd_legal_status SET lega_legal_status = 'X9' WHERE rowid = 1",
    "UPDATE ssd_legal_status SET lega_legal_status_start_date = NULL WHERE rowid = 2",
    "INSERT INTO ssd_legal_status (lega_legal_status_id, lega_person_id, lega_legal_status, "
    "lega_legal_status_start_date) VALUES ('L-STRAY', 'NOBODY', 'C2', '2020-01-01')",
    "INSERT INTO ssd_legal_status (lega_legal_status_id, lega_person_id, lega_legal_status, "
    "lega_legal_status_start_date) VALUES ('L-INT', '4242', 'V2', '2022-12-01')",
    # reviews: an orphan, neither date, a bad participation code, cancelled, odd flags
    "INSERT INTO ssd_cla_reviews (clar_cla_review_id, clar_cla_id, clar_cla_review_date) "
    "VALUES ('R-ORPHAN', 'NO-SUCH-CLA', '2024-01-10')",
    "UPDATE ssd_cla_reviews SET clar_cla_review_date = NULL, clar_cla_review_due_date = NULL "
    "WHERE rowid = 1",
    "UPDATE ssd_cla_reviews SET clar_cla_review_participation = 'PN9' WHERE rowid = 2",
    "UPDATE ssd_cla_reviews SET clar_cla_review_cancelled = 'Y' WHERE rowid = 3",
    "UPDATE ssd_cla_reviews SET clar_cla_review_cancelled = 'perhaps' WHERE rowid = 4",
    "UPDATE ssd_cla_reviews SET clar_cla_review_due_date = 'soon' WHERE rowid = 5",
    "UPDATE ssd_cla_reviews SET clar_cla_id = NULL WHERE rowid = 6",
    "INSERT INTO ssd_cla_reviews (clar_cla_review_id, clar_cla_id, clar_cla_review_due_date) "
    "VALUES ('R-INT', 'CLA-INT', '2023-01-20')",
    # health: unknown type and status, not done, dental and other checks, a NULL date
    "UPDATE ssd_cla_health SET clah_health_check_type = 'LAC Medical (first)' WHERE rowid = 1",
    "UPDATE ssd_cla_health SET clah_health_check_status = 'Pending triage' WHERE rowid = 2",
    "UPDATE ssd_cla_health SET clah_health_check_status = 'Refused' WHERE rowid = 3",
    "UPDATE ssd_cla_health SET clah_health_check_type = 'Dental check' WHERE rowid = 4",
    "UPDATE ssd_cla_health SET clah_health_check_type = 'Optician' WHERE rowid = 5",
    "UPDATE ssd_cla_health SET clah_health_check_date = NULL WHERE rowid = 6",
    "UPDATE ssd_cla_health SET clah_health_check_status = '  ' WHERE rowid = 7",
    "INSERT INTO ssd_cla_health (clah_health_check_id, clah_person_id, clah_health_check_type, "
    "clah_health_check_date) VALUES ('H-STRAY', 'NOBODY', 'RHA', '2023-02-02')",
    # care plans: a NULL start, a stranger
    "UPDATE ssd_cla_care_plan SET lacp_cla_care_plan_start_date = NULL WHERE rowid = 1",
    "UPDATE ssd_cla_care_plan SET lacp_cla_care_plan_end_date = 'never' WHERE rowid = 2",
    "INSERT INTO ssd_cla_care_plan (lacp_table_id, lacp_person_id, "
    "lacp_cla_care_plan_start_date) VALUES ('CP-STRAY', 'NOBODY', '2023-03-03')",
    # care leavers: a stranger, a row with neither date, a worker
    "UPDATE ssd_care_leavers SET clea_care_leaver_latest_contact = NULL, "
    "clea_pathway_plan_review_date = NULL WHERE rowid = 1",
    "INSERT INTO ssd_care_leavers (clea_table_id, clea_person_id, "
    "clea_care_leaver_latest_contact) VALUES ('CL-STRAY', 'NOBODY', '2023-03-03')",
    "INSERT INTO ssd_care_leavers (clea_table_id, clea_person_id, "
    "clea_care_leaver_latest_contact, clea_pathway_plan_review_date, "
    "clea_care_leaver_worker_id) VALUES ('CL-INT', 4242, '2023-03-03', '2023-01-01', 'PA-9')",
    # missing episodes: a bad type, away, ends before it starts
    "INSERT INTO ssd_missing (miss_table_id, miss_person_id, miss_missing_episode_start_date, "
    "miss_missing_episode_type) SELECT 'M-X', pers_person_id, '2023-01-01', 'X' "
    "FROM ssd_person LIMIT 1",
    "INSERT INTO ssd_missing (miss_table_id, miss_person_id, miss_missing_episode_start_date, "
    "miss_missing_episode_type) SELECT 'M-A', pers_person_id, '2023-01-02', 'Away' "
    "FROM ssd_person LIMIT 1",
    "INSERT INTO ssd_missing (miss_table_id, miss_person_id, miss_missing_episode_start_date, "
    "miss_missing_episode_end_date) SELECT 'M-BACK', pers_person_id, '2023-01-05', "
    "'2023-01-04' FROM ssd_person LIMIT 1",
    "INSERT INTO ssd_missing (miss_table_id, miss_person_id, miss_missing_episode_start_date) "
    "VALUES ('M-STRAY', 'NOBODY', '2023-01-05')",
    # involvements: an unknown professional, a NULL start, a stranger
    "UPDATE ssd_involvements SET invo_professional_id = 'NO-SUCH-PROF' WHERE rowid = 1",
    "UPDATE ssd_involvements SET invo_involvement_start_date = NULL WHERE rowid = 2",
    "INSERT INTO ssd_involvements (invo_involvements_id, invo_professional_id, "
    "invo_person_id, invo_involvement_start_date) "
    "VALUES ('I-STRAY', 'X', 'NOBODY', '2023-01-01')",
    # professionals: a duplicate id
    "INSERT INTO ssd_professionals (prof_professional_id, prof_staff_id) "
    "SELECT prof_professional_id, 'SW-OTHER' FROM ssd_professionals LIMIT 1",
)

"""SQL run on a synthetic SSD database: each makes a row the loader must report (or read in an
unusual shape: a timed or UK-style date, an integer id, a padded flag)."""

EXPECTED = {
    ("bad_code", "ssd_cla_episodes", "clae_cla_episode_ceased_reason"): 1,
    ("bad_code", "ssd_cla_episodes", "clae_cla_episode_start_reason"): 1,
    ("bad_code", "ssd_cla_episodes", "clae_cla_primary_need_code"): 1,
    ("bad_code", "ssd_cla_placement", "clap_cla_placement_provider"): 1,
    ("bad_code", "ssd_cla_placement", "clap_cla_placement_type"): 1,
    ("bad_code", "ssd_cla_reviews", "clar_cla_review_participation"): 1,
    ("bad_code", "ssd_legal_status", "lega_legal_status"): 1,
    ("bad_code", "ssd_missing", "miss_missing_episode_type"): 1,
    ("bad_value", "ssd_cla_care_plan", "lacp_cla_care_plan_end_date"): 1,
    ("bad_value", "ssd_cla_reviews", "clar_cla_review_cancelled"): 1,
    ("bad_value", "ssd_cla_reviews", "clar_cla_review_due_date"): 1,
    ("bad_value", "ssd_cla_visits", "clav_cla_visit_date"): 4,
    ("bad_value", "ssd_cla_visits", "clav_cla_visit_seen"): 3,
    ("bad_value", "ssd_person", "pers_dob"): 1,
    ("duplicate_person", "ssd_person", "pers_person_id"): 1,
    ("duplicate_placement", "ssd_cla_placement", "clap_cla_placement_id"): 1,
    ("ends_before_start", "ssd_missing", "miss_missing_episode_end_date"): 1,
    ("missing_value", "ssd_cla_care_plan", "lacp_cla_care_plan_start_date"): 1,
    ("missing_value", "ssd_cla_episodes", "clae_cla_episode_start_date"): 1,
    ("missing_value", "ssd_cla_health", "clah_health_check_date"): 1,
    ("missing_value", "ssd_cla_reviews", "clar_cla_id"): 1,
    ("missing_value", "ssd_cla_reviews", "clar_cla_review_date"): 1,
    ("missing_value", "ssd_cla_visits", "clav_cla_visit_date"): 2,
    ("missing_value", "ssd_cla_visits", "clav_cla_visit_id"): 1,
    ("missing_value", "ssd_cla_visits", "clav_person_id"): 1,
    ("missing_value", "ssd_involvements", "invo_involvement_start_date"): 1,
    ("missing_value", "ssd_legal_status", "lega_legal_status_start_date"): 1,
    ("missing_value", "ssd_person", "pers_dob"): 1,
    ("missing_value", "ssd_person", "pers_person_id"): 1,
    ("no_legal_status", "ssd_cla_episodes", "clae_cla_episode_start_date"): 3,
    ("orphan_review", "ssd_cla_reviews", "clar_cla_id"): 1,
    ("unknown_health_check_status", "ssd_cla_health", "clah_health_check_status"): 1,
    ("unknown_health_check_type", "ssd_cla_health", "clah_health_check_type"): 1,
    ("unknown_person", "ssd_care_leavers", "clea_person_id"): 1,
    ("unknown_person", "ssd_cla_care_plan", "lacp_person_id"): 1,
    ("unknown_person", "ssd_cla_episodes", "clae_person_id"): 1,
    ("unknown_person", "ssd_cla_health", "clah_person_id"): 1,
    ("unknown_person", "ssd_cla_visits", "clav_person_id"): 1,
    ("unknown_person", "ssd_involvements", "invo_person_id"): 1,
    ("unknown_person", "ssd_legal_status", "lega_person_id"): 1,
    ("unknown_person", "ssd_missing", "miss_person_id"): 1,
    ("unknown_placement", "ssd_cla_episodes", "clae_cla_placement_id"): 1,
}
"""The problems :data:`FAULTS` make: (code, table, column) and how many."""

REPORTED = {
    "ssd_person": 4,
    "ssd_cla_episodes": 7,
    "ssd_cla_placement": 2,
    "ssd_legal_status": 3,
    "ssd_cla_reviews": 3,
    "ssd_cla_visits": 9,
    "ssd_cla_health": 4,
    "ssd_cla_care_plan": 2,
    "ssd_care_leavers": 1,
    "ssd_missing": 3,
    "ssd_involvements": 2,
}
"""The rows :data:`FAULTS` make unusable, by table (a bad optional value keeps its row)."""


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("messy") / "ssd.db"
    caseload = generate(200, seed=29, as_of=AS_OF)
    write_ssd(caseload, f"sqlite:///{path}", as_of=AS_OF, seed=7, misconfigured_share=0.2)
    with sqlite3.connect(path) as conn:
        for statement in FAULTS:
            conn.execute(statement)
    return path


def _as_csv(database: Path, folder: Path) -> Path:
    """Every table of ``database`` as ``folder/<table>.csv``, with a blank line in each, a line
    that is not CSV (a field over the size limit) in ssd_cla_reviews and a short line in
    ssd_cla_visits."""
    folder.mkdir()
    with sqlite3.connect(database) as conn:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for name in names:
            cursor = conn.execute(f"SELECT * FROM {name}")
            with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as stream:
                writer = csv.writer(stream)
                writer.writerow([d[0] for d in cursor.description])
                for i, row in enumerate(cursor):
                    writer.writerow(row)
                    if i == 3:
                        stream.write("\n")
                    if i == 5 and name == "ssd_cla_reviews":
                        stream.write('R-HUGE,"' + "y" * 1_100_000 + '"\n')
                    if i == 5 and name == "ssd_cla_visits":
                        stream.write("V-SHORT,CLA-1,C0001\n")  # a line without its date
    return folder


def _assert_same_as_checked(source: str | Path, **options: object) -> ssd.SourceLoadResult:
    """Load ``source`` and hold every object loaded identical to the checked constructors'."""
    loaded = ssd.load(source, **options)  # type: ignore[arg-type]
    assert loaded.stats.accounted
    assert len(loaded.caseload) > 0
    for record in loaded.caseload:
        checked, problems = CaseRecord.build(
            **{
                f.alias: rebuilt(getattr(record, f.name))
                for f in attrs.fields(CaseRecord)
                if f.init
            }
        )
        assert checked == record, record.id
        assert_identical(record, checked, record.id)
        assert problems == record.problems(), record.id
    for child_id, allocations in loaded.allocations.items():
        for allocation in allocations:
            assert type(allocation) is Allocation
            assert_identical(allocation, rebuilt(allocation), child_id)
    for child_id, rows in loaded.review_due_dates.items():
        for row in rows:
            assert type(row) is SystemReviewDue
            assert_identical(row, rebuilt(row), child_id)
    return loaded


def test_the_bundled_csv_folder_loads_as_the_checked_path_builds() -> None:
    loaded = _assert_same_as_checked(EXAMPLES, extracted_on=AS_OF)
    assert loaded.allocations
    assert loaded.review_due_dates


def test_a_synthetic_database_loads_as_the_checked_path_builds(tmp_path: Path) -> None:
    path = tmp_path / "ssd.db"
    write_ssd(generate(300, seed=5, as_of=AS_OF), f"sqlite:///{path}", as_of=AS_OF, seed=2)
    loaded = _assert_same_as_checked(f"sqlite:///{path}")
    assert loaded.problems == ()
    assert sum(len(r.visits) for r in loaded.caseload) > 1000


def test_a_messy_database_loads_as_the_checked_path_builds_and_names_every_bad_row(
    messy: Path,
) -> None:
    loaded = _assert_same_as_checked(f"sqlite:///{messy}", extracted_on=AS_OF)
    found = Counter((p.code, p.file, p.column) for p in loaded.problems)
    assert found == EXPECTED
    for problem in loaded.problems:
        # a row whose own key is empty cannot be named by it (a database row has no line)
        named = problem.path is not None or problem.column in (
            "pers_person_id",
            "clav_cla_visit_id",
        )
        assert named, problem
        if problem.code == "bad_value":
            assert problem.value is not None, problem
            assert problem.expected is not None, problem
    reported = {name: t.reported for name, t in loaded.stats.tables.items() if t.reported}
    assert reported == REPORTED
    # a timed, a UK-style and an integer-keyed value are read, not reported
    assert loaded.caseload["P-SPACED"].visits[0].date == dt.date(2024, 1, 10)
    assert loaded.caseload["4242"].visits[0].date == dt.date(2024, 1, 11)


def test_the_messy_tables_as_csv_load_as_the_checked_path_builds(
    messy: Path, tmp_path: Path
) -> None:
    folder = _as_csv(messy, tmp_path / "csv")
    loaded = _assert_same_as_checked(folder)
    found = Counter(
        (p.code, Path(p.file or "").stem, p.column) for p in loaded.problems if p.code != "bad_csv"
    )
    short = ("missing_value", "ssd_cla_visits", "clav_cla_visit_date")
    assert found == Counter(EXPECTED) + Counter({short: 1})
    # every bad row of a CSV file is named by its line
    assert all(p.row is not None for p in loaded.problems)
    [bad_csv] = [p for p in loaded.problems if p.code == "bad_csv"]
    assert (Path(bad_csv.file or "").name, bad_csv.row) == ("ssd_cla_reviews.csv", 9)
