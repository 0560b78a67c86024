"""The SSD loader against a real PostgreSQL server.

``.ci/run`` starts a throwaway server and sets ``CORPARENT_TEST_POSTGRES_URL``; locally the
tests are skipped without it (in CI, where ``CI`` is set, a missing URL is a failure: the
tests must run there).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import attrs
import pytest
import sqlalchemy as sa

from corparent.io import ssd
from corparent.synth import generate, write_ssd

AS_OF = dt.date(2024, 3, 31)
URL = os.environ.get("CORPARENT_TEST_POSTGRES_URL")

if URL is None:
    if os.environ.get("CI"):
        pytest.fail(
            "CORPARENT_TEST_POSTGRES_URL is not set in CI: .ci/run must start PostgreSQL",
            pytrace=False,
        )
    pytestmark = pytest.mark.skip(
        reason="no PostgreSQL: set CORPARENT_TEST_POSTGRES_URL (bash .ci/postgres start prints it)"
    )


@pytest.fixture(scope="module")
def engine() -> sa.Engine:
    assert URL is not None
    engine = sa.create_engine(URL)
    yield engine  # type: ignore[misc]
    engine.dispose()


def test_postgresql_loads_what_sqlite_loads(engine: sa.Engine, tmp_path: Path) -> None:
    caseload = generate(30, seed=21, as_of=AS_OF)
    write_ssd(caseload, engine, as_of=AS_OF, misconfigured_share=0.3)
    write_ssd(caseload, f"sqlite:///{tmp_path / 'ssd.db'}", as_of=AS_OF, misconfigured_share=0.3)
    from_pg = ssd.load(URL)  # type: ignore[arg-type]
    from_sqlite = ssd.load(f"sqlite:///{tmp_path / 'ssd.db'}")
    assert from_pg.stats.accounted
    assert from_pg.problems == ()
    for a, b in zip(from_pg.caseload, from_sqlite.caseload, strict=True):
        # the same records; only the evidence's source (the URL) differs
        assert attrs.evolve(a, evidence=b.evidence) == b
        assert dict(a.evidence.windows) == dict(b.evidence.windows)
        assert "postgresql" in a.evidence.source
    assert dict(from_pg.review_due_dates) == dict(from_sqlite.review_due_dates)
    assert ssd.compare_review_due_dates(from_pg, AS_OF) == ssd.compare_review_due_dates(
        from_sqlite, AS_OF
    )


def test_postgresql_session_is_read_only(engine: sa.Engine) -> None:
    from corparent.io.ssd import _sql

    assert URL is not None
    with _sql.connect(URL) as conn, pytest.raises(sa.exc.InternalError, match="read-only"):
        conn.execute(sa.text("CREATE TABLE corparent_written (a integer)"))
    assert "corparent_written" not in sa.inspect(engine).get_table_names()


def test_postgresql_schema_and_bad_types(engine: sa.Engine) -> None:
    caseload = generate(10, seed=22, as_of=AS_OF)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA IF EXISTS council CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA council"))
    schema_engine = sa.create_engine(
        URL,  # type: ignore[arg-type]
        connect_args={"options": "-c search_path=council"},
    )
    write_ssd(caseload, schema_engine, as_of=AS_OF)
    schema_engine.dispose()
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "ALTER TABLE council.ssd_cla_visits "
                "ALTER COLUMN clav_cla_visit_date TYPE varchar(20)"
            )
        )
        conn.execute(
            sa.text(
                "UPDATE council.ssd_cla_visits SET clav_cla_visit_date = '31/02/2024' "
                "WHERE clav_cla_visit_id = (SELECT min(clav_cla_visit_id) "
                "FROM council.ssd_cla_visits)"
            )
        )
    loaded = ssd.load(engine, schema="council")
    assert loaded.stats.accounted
    [bad] = loaded.problems
    assert (bad.code, bad.file, bad.column) == (
        "bad_value",
        "council.ssd_cla_visits",
        "clav_cla_visit_date",
    )
    assert bad.path is not None
    assert bad.path.startswith("clav_cla_visit_id=")
