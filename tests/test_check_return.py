"""``check_return``: the column-wise main job gives exactly what load-then-check gives.

The reference is ``columnar=False`` (every child read into a record, every record checked by
:func:`~corparent.checks.run_checks`). On real-shaped returns (a one-year cut of a longer
synthetic history), clean or corrupted byte by byte or value by value, the column-wise path
must give the same load (problems, notes, accounting, years) and the same run (findings in
order, crashes, counts) through the library and through ``corparent check`` in every format.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corparent import synth
from corparent.checks import CheckSet, default
from corparent.cli import main
from corparent.io.ssda903 import CheckedReturn, check_return, load, load_child
from corparent.law import ENGLAND
from corparent.schedule import rules_for_duties
from test_reader_corruption import MUTATIONS, make_return

AS_OF = synth.DEFAULT_AS_OF
RULES = rules_for_duties(ENGLAND, [d.id for d in ENGLAND if fnmatch.fnmatchcase(d.id, "review_*")])


def _checks() -> CheckSet:
    """``corparent check``'s checks for a 903 return: the built-ins, review duties."""
    checks = default(plugins_enabled=False)
    for spec in checks:
        if "duties" in spec.defaults:
            checks = checks.configure(spec.id, duties=("review_*",))
    return checks


def _value_corrupt(folder: Path, rng: random.Random, count: int) -> list[str]:
    """Change ``count`` cells to values the reader must report, or read in another spelling."""
    variants = [
        lambda v: v.lower(),
        lambda v: "",
        lambda v: " " + v,
        lambda v: "99/99/2020",
        lambda v: "1/4/2023",
        lambda v: "2023-04-01",
        lambda v: "ZZ",
        lambda v: v + v,
        lambda v: "01/01/1800",
    ]
    applied = []
    tables = sorted(p for p in folder.glob("*.csv") if p.stat().st_size > 200)
    for _ in range(count):
        path = rng.choice(tables)
        lines = path.read_text().split("\n")
        row = rng.randrange(1, max(2, len(lines) - 1))
        cells = lines[row].split(",")
        if len(cells) < 2:
            continue
        col = rng.randrange(len(cells))
        cells[col] = rng.choice(variants)(cells[col])
        lines[row] = ",".join(cells)
        path.write_text("\n".join(lines))
        applied.append(f"{path.name}:{row}:{col}")
    return applied


def _both(folder: Path, as_of: dt.date = AS_OF) -> tuple[CheckedReturn, CheckedReturn]:
    options = {"checks": _checks(), "rules": RULES, "workers": 1}
    fast = check_return(folder, as_of, **options)
    slow = check_return(folder, as_of, columnar=False, **options)
    return fast, slow


def _assert_same(fast: CheckedReturn, slow: CheckedReturn) -> None:
    a, b = fast.load, slow.load
    assert a.problems == b.problems
    assert a.notes == b.notes
    assert a.stats == b.stats
    assert a.years == b.years
    assert a.evidence == b.evidence
    assert a.first_episode_start == b.first_episode_start
    assert a.collection_year_end == b.collection_year_end
    r, s = fast.result, slow.result
    assert r.children_checked == s.children_checked
    assert r.findings == s.findings
    assert r.crashes == s.crashes
    assert dict(r.not_assessable) == dict(s.not_assessable)
    assert r.metadata.checks == s.metadata.checks


@pytest.fixture(scope="module")
def clean_return(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_return(tmp_path_factory.mktemp("clean"), n=300, seed=11)


def test_clean_return_is_checked_column_wise(clean_return: Path) -> None:
    fast, slow = _both(clean_return)
    _assert_same(fast, slow)
    assert slow.load.records_built == slow.load.stats.children
    # Most children of a clean return need no record (some care leavers' OC3 do).
    assert fast.load.records_built < fast.load.stats.children / 2
    assert fast.result.findings  # the return is real-shaped: something to find


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    seed=st.integers(0, 10_000),
    byte_changes=st.integers(0, 3),
    value_changes=st.integers(0, 12),
    as_of=st.sampled_from([AS_OF, dt.date(2024, 2, 29), dt.date(2023, 12, 31)]),
)
def test_corrupted_returns_give_the_same_result(
    clean_return: Path, tmp_path_factory: pytest.TempPathFactory, seed: int, byte_changes: int,
    value_changes: int, as_of: dt.date,
) -> None:  # fmt: skip
    folder = tmp_path_factory.mktemp("corrupt")
    shutil.rmtree(folder)
    shutil.copytree(clean_return, folder)
    rng = random.Random(seed)
    _value_corrupt(folder, rng, value_changes)
    for _ in range(byte_changes):
        path = folder / rng.choice(["header.csv", "episodes.csv", "reviews.csv", "oc3.csv"])
        kind = rng.choice(sorted(MUTATIONS))
        path.write_bytes(MUTATIONS[kind](path.read_bytes(), rng))
    try:
        fast, slow = _both(folder, as_of)
    except Exception as exc:  # both ways must fail alike
        with pytest.raises(type(exc)):
            check_return(folder, as_of, checks=_checks(), rules=RULES, columnar=False)
        return
    _assert_same(fast, slow)


def _cli(folder: Path, engine: str, fmt: str, capsys: pytest.CaptureFixture[str]) -> tuple:  # type: ignore[type-arg]
    code = main(
        ["check", str(folder), "--as-of", AS_OF.isoformat(), "--format", fmt, "--engine", engine,
         "--workers", "1", "--no-plugins"]
    )  # fmt: skip
    out, err = capsys.readouterr()
    if fmt == "json":
        data = json.loads(out)
        for key in ("started", "seconds", "workers"):
            data["metadata"].pop(key)
        out = json.dumps(data, sort_keys=True)
    return code, out, err


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_cli_engines_print_the_same(
    clean_return: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "r"
    shutil.copytree(clean_return, folder)
    _value_corrupt(folder, random.Random(5), 8)
    assert _cli(folder, "columns", fmt, capsys) == _cli(folder, "records", fmt, capsys)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(seed=st.integers(0, 10_000), value_changes=st.integers(0, 12), pick=st.integers(0, 10**6))
def test_load_child_gives_load_s_record_and_report(
    clean_return: Path, tmp_path_factory: pytest.TempPathFactory, seed: int, value_changes: int,
    pick: int,
) -> None:  # fmt: skip
    folder = tmp_path_factory.mktemp("child")
    shutil.rmtree(folder)
    shutil.copytree(clean_return, folder)
    _value_corrupt(folder, random.Random(seed), value_changes)
    loaded = load(folder)
    records = loaded.caseload.records
    for child_id in (records[pick % len(records)].id, records[-1 - pick % 7].id, "NO-SUCH-CHILD"):
        summary, record = load_child(folder, child_id)
        assert summary.problems == loaded.problems
        assert summary.notes == loaded.notes
        assert summary.stats == loaded.stats
        assert summary.years == loaded.years
        assert summary.evidence == loaded.evidence
        assert record == (loaded.caseload[child_id] if child_id != "NO-SUCH-CHILD" else None)
        assert summary.records_built < len(records)  # not every record was built


def test_schedule_command_builds_one_record(
    clean_return: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    child = load(clean_return).caseload.records[5].id
    assert main(["schedule", str(clean_return), "--child", child, "--as-of", "2024-03-31"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Schedule of child {child} as of 2024-03-31")
    assert main(["schedule", str(clean_return), "--child", "nobody", "--as-of", "2024-03-31"]) == 2
