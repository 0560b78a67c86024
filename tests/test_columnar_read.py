"""The column-wise reader gives exactly what load() gives: the same problems, notes, counts,
years and evidence, and for every child the same record (built) or the same values (columns)."""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _identical import assert_identical
from corparent import synth
from corparent.batch._dates import NEVER
from corparent.batch._tables import TABLE_FIELDS, ReturnColumns
from corparent.io.ssda903 import load
from corparent.io.ssda903._columnar import ColumnarLoad, read_columns
from corparent.io.ssda903._fields import table_fields

AS_OF = dt.date(2024, 3, 31)
_SAMPLES: dict[tuple[int, int], Path] = {}


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("columnar")


def _sample(root: Path, n: int, seed: int) -> Path:
    folder = root / f"clean-{n}-{seed}"
    if not folder.exists():
        synth.write_sample(folder, n, seed=seed, as_of=AS_OF)
    return folder


def _real_shaped(root: Path, n: int, seed: int) -> Path:
    """One year's return cut from a synthetic history (UPNs, postcodes, ...)."""
    folder = root / f"real-{n}-{seed}"
    if not folder.exists():
        hidden = synth.history(n, seed=seed, previous=0, casework=False)
        synth.write_return(hidden, folder, synth.DEFAULT_AS_OF)
    return folder


def _lines(folder: Path) -> dict[str, list[str]]:
    # bytes split lines only at \n, \r\n and \r, as the reader does (str also at \x0b, ...)
    return {
        p.name: [line.decode("utf-8", "surrogateescape") for line in p.read_bytes().splitlines()]
        for p in sorted(folder.iterdir())
    }


def assert_same(
    folder: Path, mask_seed: int | None = None, *, year: int | None = None, **options: object
) -> None:
    """read_columns(folder).finish(mask) against load(folder), everything compared."""
    ref = load(folder, year=year, **options)  # type: ignore[arg-type]
    read = read_columns(folder, year=year, **options)  # type: ignore[arg-type]
    assert read is not None
    ids = read.columns.child_ids
    # the children whose records have integrity problems need a record (the checks' job)
    mask = np.array([bool(ref.record_problems.get(c)) for c in ids], np.bool_)
    if mask_seed is not None:
        rng = np.random.default_rng(mask_seed)
        mask |= rng.random(len(ids)) < 0.3
    out = read.finish(mask)
    _compare(ref, out, folder)


def _compare(ref: object, out: ColumnarLoad, folder: Path) -> None:
    from corparent.io.ssda903 import LoadResult

    assert isinstance(ref, LoadResult)
    assert out.problems == ref.problems
    assert out.notes == ref.notes
    assert out.years == ref.years
    assert out.evidence == ref.evidence
    assert out.collection_year_end == ref.collection_year_end
    assert dict(out.stats.tables) == dict(ref.stats.tables)
    assert out.stats.children == ref.stats.children
    assert out.stats.accounted
    by_id = {r.child.id: r for r in ref.caseload.records}
    built = [r.child.id for r in out.records]
    assert built == sorted(built)
    assert not set(built) & set(out.clean.child_ids)
    assert sorted([*built, *out.clean.child_ids]) == sorted(by_id)
    for record in out.records:
        assert_identical(record, by_id[record.child.id], record.child.id)
        assert out.record_problems[record.child.id] == ref.record_problems[record.child.id]
    expected = ReturnColumns.from_records(
        [by_id[c] for c in out.clean.child_ids], ref.collection_year_end
    )
    assert out.clean.child_ids == expected.child_ids
    assert out.clean.year_end == ref.collection_year_end
    lines = _lines(folder)
    for name, table in expected.tables.items():
        got = out.clean.tables[name]
        assert np.array_equal(got.offsets, table.offsets), name
        assert set(got.values) == set(table.values), name
        for field, values in table.values.items():
            assert got.values[field].dtype == values.dtype, (name, field)
            assert np.array_equal(got.values[field], values), (name, field)
        file = f"{name}.csv"
        if len(got) and file in lines:
            text = lines[file]
            head = next(csv.reader([text[0]]))
            at = [c.strip("\ufeff ").upper() for c in head].index("CHILD")
            for j, child in enumerate(out.clean.child_ids):
                for row in range(int(got.offsets[j]), int(got.offsets[j + 1])):
                    line = text[int(got.line[row]) - 1]
                    cell = next(csv.reader([line], strict=True))[at]
                    assert (cell.strip() if " " in line else cell) == child
    starts = [e.start for r in ref.caseload.records for e in r.episodes]
    assert out.first_episode_start == min(starts, default=None)


def test_table_fields_match_the_reader() -> None:
    kinds = {"a date": "date", "text": "text", "0 or 1": "flag"}
    for table, fields in table_fields().items():
        got = [
            (f.name, kinds.get(f.kind.what, "int" if "whole" in f.kind.what else "code"))
            for f in fields
        ]
        assert got == list(TABLE_FIELDS[table]), table


@pytest.mark.parametrize(("n", "seed"), [(1, 0), (40, 1), (200, 2), (600, 3)])
def test_clean_returns(samples: Path, n: int, seed: int) -> None:
    folder = _sample(samples, n, seed)
    assert_same(folder)
    assert_same(folder, mask_seed=seed)
    read = read_columns(folder)
    assert read is not None
    assert len(read.columns) == n  # a clean synthetic return is read column-wise whole


def test_explicit_year_and_all_marked(samples: Path) -> None:
    folder = _sample(samples, 50, 4)
    assert_same(folder, year=2025)
    assert_same(folder, year=2023, mask_seed=1)  # dates after the year: noted
    assert_same(folder, collection_year_end=dt.date(2022, 3, 31))
    assert read_columns(folder, year=1800) is None  # load() says what is wrong
    ref = load(folder)
    read = read_columns(folder)
    assert read is not None
    out = read.finish(np.ones(len(read.columns), np.bool_))
    assert len(out.clean) == 0
    _compare(ref, out, folder)
    with pytest.raises(RuntimeError):
        read.finish()


# --- corruptions -------------------------------------------------------------------------------

_DATE_SPELLINGS = (
    "{d}/{m}/{y}", "{y}-{m:02d}-{d:02d}", "{d:02d}-{m:02d}-{y}", "{d:02d}.{m:02d}.{y}",
)  # fmt: skip
_ODD_IDS = (
    "C 1", "CHILD", "child", "12/03/2020", "", "ABCDEFGHIJKLMNOP", "a-b", " C00001", "C\x0b1",
)  # fmt: skip
_ODD_VALUES = (
    "32/01/2020", "31/02/2021", "29/02/2023", "29/02/2024", "00/00/0000", "01/01/1899",
    "01/01/2101", "31/12/2100", "01/01/1900", "ZZ", "v2", "v", "0", "1", "2", "05", "41", "40",
    "A123456789012", "AB1 2CD", " x", "x ", "\x7f", "p1", "PN1", "pn1", "Yes", "yes", "YES",
    "  ", "1.0", "x\x0cy", "09/09/2099", "01/01/2030",
)  # fmt: skip


def _corrupt(lines: dict[str, list[str]], rng: random.Random) -> None:
    """One seeded corruption of the return's lines (a cell, a line, or a child)."""
    files = [f for f, v in lines.items() if len(v) > 1]
    file = rng.choice(files)
    rows = lines[file]
    at = rng.randrange(1, len(rows))
    cells = rows[at].split(",")
    kind = rng.randrange(22)
    width = len(rows[0].split(","))
    if kind == 0:  # another value in a cell
        cells[rng.randrange(len(cells))] = rng.choice(_ODD_VALUES)
    elif kind == 1:  # another spelling of a date
        for i, c in enumerate(cells):
            if re.fullmatch(r"\d\d/\d\d/\d{4}", c):
                d, m, y = int(c[:2]), int(c[3:5]), int(c[6:])
                cells[i] = rng.choice(_DATE_SPELLINGS).format(d=d, m=m, y=y)
                break
    elif kind == 2:  # an empty cell
        cells[rng.randrange(len(cells))] = ""
    elif kind == 3:  # spaces
        i = rng.randrange(len(cells))
        cells[i] = rng.choice((" {}", "{} ", " {} ", "{} x")).format(cells[i])
    elif kind == 4:  # a field more, or fewer
        if rng.random() < 0.5:
            cells.append(rng.choice(("", "", "x")))
        else:
            cells.pop()
    elif kind == 5:  # a blank line
        rows.insert(at, rng.choice(("", ",,,", " ", ",")))
        return
    elif kind == 6:  # a row repeated (a second header row, a duplicate episode, ...)
        rows.insert(rng.randrange(1, len(rows) + 1), rows[at])
        return
    elif kind == 7:  # the header line repeated mid-file
        rows.insert(at, rng.choice((rows[0], rows[0].lower())))
        return
    elif kind == 8:  # a row moved to another child, known or not
        cells[0] = rng.choice(("C00001", "C00002", "X99", "C00003"))
    elif kind == 9:  # an odd id
        cells[0] = rng.choice(_ODD_IDS)
    elif kind == 10:  # a child loses its header row
        if "header.csv" in lines and len(lines["header.csv"]) > 1:
            header = lines["header.csv"]
            del header[rng.randrange(1, len(header))]
        return
    elif kind == 11 and "DOB" in rows[0].split(",") and file != "header.csv":
        i = min(rows[0].split(",").index("DOB"), len(cells) - 1)
        cells[i] = rng.choice(("01/01/2001", "", "1/1/2001", cells[i] + " ", "xx"))
    elif kind == 12:  # lower case
        cells = [c.lower() for c in cells]
    elif kind == 13:  # control characters or DEL
        i = rng.randrange(len(cells))
        cells[i] = cells[i] + rng.choice(("\x0b", "\x7f", "\x01", "\x1c"))
    elif kind == 14:  # the whole line shifted by a missing comma
        if len(cells) > 2:
            j = rng.randrange(len(cells) - 1)
            cells[j : j + 2] = [cells[j] + cells[j + 1]]
    elif kind == 15 and file == "uasc.csv" and len(cells) > 1:  # SEX unlike the header
        cells[1] = rng.choice(("1", "2", "", "9"))
    elif kind == 16:  # a quoted cell (the CHILD cell too), or a quoted comma
        i = rng.randrange(len(cells))
        cells[i] = rng.choice(('"{}"', '"{},x"', '" {}"')).format(cells[i])
    elif kind == 17:  # a quote that does not close, or is misplaced
        i = rng.randrange(len(cells))
        cells[i] = rng.choice(('"{}', '{}"', 'a"{}')).format(cells[i])
    elif kind == 18:  # a tab
        i = rng.randrange(len(cells))
        cells[i] = rng.choice(("\t{}", "{}\t", "{}\tx")).format(cells[i])
    elif kind == 19:  # UTF-8 letters, a no-break space around the id
        i = rng.randrange(len(cells))
        cells[i] = rng.choice(("{}\u00e9", "\u00a0{}", "{}\u00a0", "\ufeff{}")).format(cells[i])
    elif kind == 20:  # a byte that is not UTF-8 (read as Windows-1252)
        i = rng.randrange(len(cells))
        cells[i] = rng.choice(("{}\udce9", "\udc93{}\udc94", "{}\udc81")).format(cells[i])
    elif kind == 21:  # a NUL, a line end inside a line
        i = rng.randrange(len(cells))
        cells[i] = cells[i] + rng.choice(("\x00", "\r", "\n", "\r\n"))
    rows[at] = ",".join(cells)
    del width


def _corrupted(
    samples: Path, n: int, seed: int, count: int, salt: int, prefix: str = "", *, real: bool = False
) -> Path:
    clean = _real_shaped(samples, n, seed) if real else _sample(samples, n, seed)
    folder = samples / f"bad-{n}-{seed}-{count}-{salt}-{prefix}-{real}"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(clean, folder)
    lines = _lines(folder)
    if prefix:  # longer ids (some children only: ids of several lengths)
        for rows in lines.values():
            rows[1:] = [prefix + r if r.split(",")[0][-1:] in "13579" else r for r in rows[1:]]
    rng = random.Random(salt)
    for _ in range(count):
        _corrupt(lines, rng)
    for name, rows in lines.items():
        ending = "\r\n" if rng.random() < 0.5 else "\n"
        last = "" if rng.random() < 0.2 else ending
        bom = "\ufeff" if rng.random() < 0.1 else ""
        text = bom + ending.join(rows) + last
        (folder / name).write_bytes(text.encode("utf-8", "surrogateescape"))
    return folder


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    n=st.sampled_from([5, 30, 80]),
    seed=st.integers(0, 3),
    count=st.integers(1, 25),
    salt=st.integers(0, 2**32 - 1),
    mask_seed=st.none() | st.integers(0, 1000),
)
def test_corrupted_returns(
    samples: Path, n: int, seed: int, count: int, salt: int, mask_seed: int | None
) -> None:
    folder = _corrupted(samples, n, seed, count, salt)
    assert_same(folder, mask_seed)


@pytest.mark.parametrize("salt", range(12))
def test_many_corruptions(samples: Path, salt: int) -> None:
    folder = _corrupted(samples, 120, salt % 3, 60, salt)
    assert_same(folder, salt)
    read = read_columns(folder)
    assert read is not None
    assert 0 < len(read.columns) < 120  # most children still read column-wise


@pytest.mark.parametrize(
    ("prefix", "salt"),
    [("L", 1), ("LONG", 2), ("LONGER", 3), ("X", 4), ("LA-", 5), ("a b.", 6), ("2-3-10", 7)],
)
def test_ids_longer_than_eight(samples: Path, prefix: str, salt: int) -> None:
    folder = _corrupted(samples, 60, salt % 2, 0, salt, prefix)
    assert_same(folder)
    read = read_columns(folder)
    assert read is not None
    if prefix == "2-3-10":  # a date inside: refused by the reader, never read column-wise
        assert all(not c.startswith(prefix) for c in read.columns.child_ids)
    else:
        assert len(read.columns) == 60
        longest = max(len(c) for c in read.columns.child_ids)
        assert longest == len(prefix) + len(read.columns.child_ids[0])
    folder = _corrupted(samples, 60, salt % 2, 30, salt, prefix)
    assert_same(folder, salt)


def _with_extra_columns(folder: Path, salt: int) -> None:
    """Columns the reader ignores (as councils' exports carry them), with values."""
    rng = random.Random(salt)
    for name, extra in (("episodes.csv", "PL_DISTANCE,PL_LA"), ("reviews.csv", "NOTE")):
        rows = _lines(folder)[name]
        width = extra.count(",") + 1
        out = [rows[0] + "," + extra]
        for row in rows[1:]:
            if row:
                values = [rng.choice(("12.5", "E09000001", "", "a b", "x")) for _ in range(width)]
                out.append(",".join([row, *values]))
        (folder / name).write_bytes(("\r\n".join(out) + "\r\n").encode("utf-8"))


@pytest.mark.parametrize("salt", range(4))
def test_extra_columns(samples: Path, salt: int) -> None:
    folder = _corrupted(samples, 50, salt, 0, salt)
    _with_extra_columns(folder, salt)
    assert_same(folder)
    read = read_columns(folder)
    assert read is not None
    assert len(read.columns) == 50
    lines = _lines(folder)
    rng = random.Random(salt)
    for _ in range(20):
        _corrupt(lines, rng)
    for name, rows in lines.items():
        (folder / name).write_bytes("\n".join(rows).encode("utf-8", "surrogateescape"))
    assert_same(folder, salt)


@pytest.mark.parametrize(
    "spelling", ["{y}-{m}-{d}", "{d}.{m}.{y}", "{d}-{m}/{y}", "{di}/{mi}/{y}", "{y}-{mi}-{di}"]
)
def test_other_date_spellings(samples: Path, spelling: str) -> None:
    """Dates in any spelling the reader reads as it stands: read column-wise too."""
    folder = _corrupted(samples, 40, 2, 0, 3, "")
    for path in folder.iterdir():
        text = path.read_bytes().decode("utf-8")
        text = re.sub(
            r"\b(\d\d)/(\d\d)/(\d{4})\b",
            lambda m: spelling.format(d=m[1], m=m[2], y=m[3], di=int(m[1]), mi=int(m[2])),
            text,
        )
        path.write_bytes(text.encode("utf-8"))
    assert_same(folder)
    read = read_columns(folder)
    assert read is not None
    assert len(read.columns) == 40


@pytest.mark.parametrize("count", [0, 30])
def test_every_cell_quoted(samples: Path, count: int) -> None:
    """Exports that quote every cell (the header too): read column-wise all the same."""
    folder = _corrupted(samples, 40, 3, count, 9)
    for path in folder.iterdir():
        rows = [line.decode("utf-8", "surrogateescape") for line in path.read_bytes().splitlines()]
        rows[0] = rows[0].lstrip("\ufeff")
        quoted = [",".join(f'"{c}"' if '"' not in c else c for c in r.split(",")) for r in rows]
        path.write_bytes("\r\n".join(quoted).encode("utf-8", "surrogateescape"))
    read = read_columns(folder)
    assert read is not None
    if count == 0:
        assert len(read.columns) == 40
    assert_same(folder, count)


@pytest.mark.parametrize(("seed", "count"), [(1, 0), (2, 0), (3, 10), (4, 40), (5, 80)])
def test_real_shaped_returns(samples: Path, seed: int, count: int) -> None:
    folder = _corrupted(samples, 60, seed, count, seed, real=True)
    assert_same(folder, seed)
    assert_same(folder)


# --- eligibility -------------------------------------------------------------------------------


def _variant(samples: Path, name: str, edit: dict[str, bytes | None]) -> Path:
    folder = samples / f"variant-{name}"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(_sample(samples, 20, 5), folder)
    for file, data in edit.items():
        if data is None:
            (folder / file).unlink()
        else:
            (folder / file).write_bytes(data)
    return folder


def _header(samples: Path) -> bytes:
    return (_sample(samples, 20, 5) / "header.csv").read_bytes()


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("tab-separated", lambda h: h.replace(b",", b"\t")),
        ("tab-in-header", lambda h: h.replace(b"CHILD", b"CHILD\t", 1)),
        ("comma-in-quoted-header", lambda h: h.replace(b"CHILD", b'"CHILD,X"', 1)),
        ("open-quote-in-header", lambda h: h.replace(b"CHILD", b'"CHILD', 1)),
        ("utf-16", lambda h: b"\xff\xfe" + h.decode().encode("utf-16-le")),
        ("binary", lambda h: b"\0\1\2\3" * 1000 + h),
        ("non-ascii-header", lambda h: h.replace(b"CHILD", "CHILD\u00e9".encode(), 1)),
        ("repeated-extra", lambda h: h.replace(b"MC_DOB", b"MC_DOB,EXTRA,EXTRA", 1)),
        ("repeated-column", lambda h: h.replace(b"MC_DOB", b"DOB", 1)),
        ("missing-required", lambda h: h.replace(b"DOB", b"MC_DOB", 1)),
        ("blank-first", lambda h: b"\r\n" + h),
        ("empty", lambda h: b""),
        ("no-header", lambda h: h.split(b"\n", 1)[1]),
    ],
)
def test_not_plain_goes_to_load(samples: Path, name: str, change: object) -> None:
    folder = _variant(samples, name, {"header.csv": change(_header(samples))})  # type: ignore[operator]
    assert read_columns(folder) is None
    load(folder)  # the object reader takes it


def _quote_id(data: bytes, line: int) -> bytes:
    lines = data.split(b"\r\n")
    cells = lines[line - 1].split(b",")
    cells[0] = b'"' + cells[0] + b'"'
    lines[line - 1] = b",".join(cells)
    return b"\r\n".join(lines)


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("quoted", lambda h: h.replace(b"\n", b'\n"', 1)),
        ("quoted-id", lambda h: _quote_id(h, 2)),
        ("quote-in-header", lambda h: h.replace(b"CHILD", b'"CHILD"', 1)),
        ("non-ascii", lambda h: h.replace(b"\n", "\n\u00e9".encode(), 1)),
        ("cp1252", lambda h: h.replace(b"\n", b"\n\xe9", 2)),
        ("bom", lambda h: b"\xef\xbb\xbf" + h),
        ("extra-column", lambda h: h.replace(b"MC_DOB", b"MC_DOB,EXTRA", 1)),
        ("unknown-column", lambda h: h.replace(b"MC_DOB", b"MC_DOBX", 1)),
        ("empty-columns", lambda h: h.replace(b"MC_DOB", b"MC_DOB,,", 1)),
        ("lone-cr", lambda h: h.replace(b"\r\n", b"\r")),
        ("some-lone-cr", lambda h: h.replace(b"\r\n", b"\r", 3)),
        ("nul", lambda h: h + b"\0"),
        ("tab-in-row", lambda h: h.replace(b"\n", b"\n\t", 1)),
    ],
)
def test_odd_lines_go_to_the_object_reader(samples: Path, name: str, change: object) -> None:
    folder = _variant(samples, name, {"header.csv": change(_header(samples))})  # type: ignore[operator]
    assert read_columns(folder) is not None
    assert_same(folder)


def test_eligible_variants(samples: Path) -> None:
    header = _header(samples)
    lower = header.replace(b"CHILD,SEX,DOB", b"child,sex,dob", 1)
    folder = _variant(samples, "lower-header", {"header.csv": lower})
    assert read_columns(folder) is not None
    assert_same(folder)
    reordered = _variant(samples, "no-optional", {"ad1.csv": None, "dolo.csv": None})
    assert_same(reordered)
    for missing in ("header.csv", "episodes.csv", "reviews.csv"):
        assert_same(_variant(samples, f"no-{missing}", {missing: None}))  # no header: no columns
    only = _variant(samples, "header-only", {"header.csv": header.split(b"\r\n")[0]})
    assert_same(only)
    # columns in another order, an optional one left out
    lines = header.decode().split("\r\n")
    swapped = "\r\n".join(
        ",".join([c.split(",")[2], c.split(",")[0], *c.split(",")[3:6]]) for c in lines if c
    )
    folder = _variant(samples, "swapped", {"header.csv": swapped.encode()})
    assert_same(folder)


def test_files_found_by_their_header(samples: Path, tmp_path: Path) -> None:
    folder = _corrupted(samples, 40, 1, 10, 7)
    renamed = tmp_path / "renamed"
    shutil.copytree(folder, renamed)
    (renamed / "header.csv").rename(renamed / "903_Header_2024.csv")  # sorts first
    (renamed / "episodes.csv").rename(renamed / "903_eps.csv")
    assert read_columns(renamed) is not None
    assert_same(renamed)
    late = tmp_path / "late"
    shutil.copytree(folder, late)
    (late / "header.csv").rename(late / "z_children.csv")  # read after the other tables
    assert read_columns(late) is not None
    assert_same(late)
    twice = tmp_path / "twice"
    shutil.copytree(folder, twice)
    shutil.copy(twice / "reviews.csv", twice / "more reviews.csv")
    assert read_columns(twice) is None


def test_other_sources(samples: Path, tmp_path: Path) -> None:
    folder = _sample(samples, 20, 5)
    assert read_columns(folder, previous=[folder]) is None
    shutil.copytree(folder, tmp_path / "2023")
    shutil.copy(folder / "header.csv", tmp_path / "header.csv")
    assert read_columns(tmp_path) is None  # a subfolder note
    assert read_columns([folder / "header.csv", folder / "episodes.csv"]) is not None
    assert read_columns([folder / "header.csv", folder / "header.csv"]) is None
    assert read_columns({"header": folder / "header.csv", "episodes": folder / "episodes.csv"})
    assert read_columns(tmp_path / "nowhere") is None
    other = tmp_path / "other"
    shutil.copytree(folder, other)
    (other / "unknown.csv").write_bytes(b"CHILD,DOB\r\n")
    assert read_columns(other) is None  # not named for a table
    # NEVER is the empty date of the columns
    read = read_columns(folder)
    assert read is not None
    assert int(read.columns.tables["episodes"].values["end"].max()) <= int(NEVER)


# --- cells -------------------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.dates(dt.date(1890, 1, 1), dt.date(2110, 12, 31)).map(
                lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}"
            ),
            st.dates(dt.date(1890, 1, 1), dt.date(2110, 12, 31)).map(lambda d: d.isoformat()),
            st.from_regex(r"[0-9]{2}[/.x-][0-9]{2}[/.x-][0-9]{4}", fullmatch=True),
            st.from_regex(r"[0-9]{4}[/.x-][0-9]{2}[/.x-][0-9]{2}", fullmatch=True),
            st.text(alphabet="0123456789/-. x", max_size=12),
            st.from_regex(r"[0-9]{1,4}[/.x-][0-9]{1,4}[/.x-][0-9]{1,4}", fullmatch=True),
        ),
        min_size=1,
        max_size=30,
    ),
    st.booleans(),
)
def test_dates_as_the_reader_parses_them(cells: list[str], required: bool) -> None:
    from corparent.batch._dates import to_day
    from corparent.io.ssda903._colcells import _Bytes, _dates
    from corparent.io.ssda903._fields import parse_date

    body = ",".join(cells).encode("ascii") + b"\n"
    starts, lengths, at = [], [], 0
    for c in cells:
        starts.append(at)
        lengths.append(len(c))
        at += len(c) + 1
    days, ok = _dates(_Bytes(body), np.array(starts), np.array(lengths), required)
    for cell, day, good in zip(cells, days.tolist(), ok.tolist(), strict=True):
        parsed = parse_date(cell) if cell == cell.strip() else None
        if parsed is not None:
            assert good, cell
            assert day == to_day(parsed), cell
        elif cell == "":
            assert good is (not required)
            assert day == int(NEVER)
        else:
            assert not good, cell


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_codes_as_the_reader_reads_them(data: st.DataObject) -> None:
    from corparent.codes import CODE_LISTS
    from corparent.io.ssda903._colcells import _Bytes, _cases, _codes
    from corparent.io.ssda903._fields import MISS, _kind

    spec = data.draw(st.sampled_from(sorted(CODE_LISTS)))
    members = list(CODE_LISTS[spec])
    spellings = [s for m in members for s in _cases(m.code)]
    cells = data.draw(
        st.lists(
            st.sampled_from(spellings) | st.text(alphabet="aAbBxX019_ ", max_size=9),
            min_size=1,
            max_size=20,
        )
    )
    cells = [c for c in cells if c == c.strip()]  # edge spaces: never clean (tested above)
    if not cells:
        return
    body = ",".join(cells).encode("ascii") + b"\n"
    starts = np.cumsum([0, *(len(c) + 1 for c in cells[:-1])])
    lengths = np.array([len(c) for c in cells])
    values, ok = _codes(_Bytes(body), starts, lengths, spec, False)
    kind = _kind(spec)
    for cell, value, good in zip(cells, values.tolist(), ok.tolist(), strict=True):
        expected = kind.convert(cell)  # the reader's value (MISS: reported)
        if expected is MISS:
            assert not good, cell
        elif expected is None:
            assert good, cell
            assert value == -1
        else:
            assert good, cell
            assert value == members.index(expected), cell
