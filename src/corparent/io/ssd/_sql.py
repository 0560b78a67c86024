"""Read SSD tables through SQLAlchemy Core: any database with a dialect, read-only.

The queries name their columns (never ``SELECT *``: ``ssd_person`` holds names) and use only
``SELECT col, ... FROM table``, which every supported database runs, SQL Server 2012 included.
Nothing is written: SQLite files are opened read-only (``mode=ro``), PostgreSQL sessions are
read-only transactions, and every transaction is rolled back.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote_from_bytes

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from corparent.errors import Problem
from corparent.io.ssd._raw import DatabaseUnavailable, RawTable
from corparent.io.ssd._tables import TABLES

__all__ = ["DatabaseUnavailable", "connect", "describe_url", "query", "read_tables"]

_BATCH = 20_000
"""Rows a server database sends at a time."""
_SQLITE_BATCH = 2_000
"""Rows read from SQLite at a time: a batch small enough to stay in the processor's cache while
it is parsed is read faster (about an eighth) than a larger one."""


def describe_url(url: str | sa.URL) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "<not a database URL>"


def _read_only(url: sa.URL) -> sa.URL:
    """A SQLite file URL opened read-only (and never created when missing)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return url
    if url.database.startswith("file:"):
        return url
    return url.set(
        database=_sqlite_uri(Path(url.database).resolve()),
        query={**url.query, "mode": "ro", "uri": "true"},
    )


def _sqlite_uri(path: PurePath) -> str:
    r"""The SQLite ``file:`` URI of an absolute path.

    The path is escaped: in a URI "#" starts a fragment, "?" a query and "%" an escape ("team
    #2" was read as "team "); SQLite decodes the escapes, UTF-8 (Windows) included. A Windows
    network path (``\server\share\ssd.db``, which is also what ``resolve()`` makes of a file
    on a mapped drive) keeps its two leading slashes in the path, after an empty authority:
    ``file://server/...`` is refused ("invalid uri authority: server")."""
    text = path.as_posix()
    if text.startswith("//"):
        text = "//" + text
    return "file:" + quote_from_bytes(os.fsencode(text), safe="/:")


def _failure(url: str | sa.URL, exc: BaseException) -> DatabaseUnavailable:
    cause = getattr(exc, "orig", None) or exc
    detail = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
    return DatabaseUnavailable(
        Problem(
            code="cannot_connect",
            message=f"cannot read the SSD database {describe_url(url)}: {detail}",
            expected="a reachable database URL such as sqlite:///ssd.db or "
            "postgresql://user@host/db",
        )
    )


@contextmanager
def connect(url: str | sa.URL | Engine) -> Iterator[Connection]:
    """A read-only connection to ``url`` (or to an engine you made), rolled back on exit.

    Raises:
        LoadError: the URL is invalid, its driver is missing or the database cannot be reached
            (one problem, one line, the password hidden).
    """
    owned = not isinstance(url, Engine)
    try:
        engine = url if isinstance(url, Engine) else sa.create_engine(_read_only(sa.make_url(url)))
        conn = engine.connect()
    except (sa.exc.SQLAlchemyError, ImportError, ValueError) as exc:
        raise _failure(url if not isinstance(url, Engine) else url.url, exc) from exc
    try:
        if engine.dialect.name == "postgresql":
            conn = conn.execution_options(postgresql_readonly=True)
        with conn.begin() as txn:
            yield conn
            txn.rollback()
    except sa.exc.SQLAlchemyError as exc:
        raise _failure(engine.url, exc) from exc
    finally:
        conn.close()
        if owned:
            engine.dispose()


def query(
    name: str, columns: Sequence[str], *, schema: str | None = None
) -> sa.Select[*tuple[Any, ...]]:
    """``SELECT <columns> FROM <table>``: the only kind of statement corparent sends (plain
    ANSI SQL, which SQL Server 2012 runs)."""
    return sa.select(*(sa.column(c) for c in columns)).select_from(sa.table(name, schema=schema))


def _stream(
    conn: Connection, stmt: sa.Select[*tuple[Any, ...]]
) -> Iterator[tuple[Sequence[int | None], Sequence[Sequence[Any]]]]:
    if conn.dialect.name == "sqlite":
        # SQLite's own cursor hands back plain tuples: the same statement, a third of the cost.
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(str(stmt.compile(dialect=conn.dialect)))
            while rows := cursor.fetchmany(_SQLITE_BATCH):
                yield [None] * len(rows), rows
        finally:
            cursor.close()
        return
    result = conn.execution_options(yield_per=_BATCH).execute(stmt)
    for part in result.partitions():
        yield [None] * len(part), part


def read_tables(conn: Connection, *, schema: str | None = None) -> Iterator[RawTable]:
    """Every SSD table corparent reads, with the columns the database has (names matched
    case-insensitively)."""
    inspector = sa.inspect(conn)
    tables = {name.lower(): name for name in inspector.get_table_names(schema=schema)}
    for spec in TABLES:
        actual = tables.get(spec.name)
        where = f"{schema}.{spec.name}" if schema else spec.name
        if actual is None:
            yield RawTable(name=spec.name, where=where, found=False)
            continue
        have = {c["name"].lower(): c["name"] for c in inspector.get_columns(actual, schema=schema)}
        present = tuple(c for c in spec.names if c in have)
        stmt = query(actual, [have[c] for c in present], schema=schema)
        yield RawTable(
            name=spec.name, where=where, found=True, columns=present, batches=_stream(conn, stmt)
        )
