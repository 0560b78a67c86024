"""The check framework: Finding, Severity, @check, CheckSpec, CheckSet, plugins, crashes."""

from __future__ import annotations

import datetime as dt
import pickle
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import corparent.checks._context as context_module
from corparent.checks import (
    BUILTIN,
    CheckContext,
    CheckCrashed,
    CheckSet,
    CheckSpec,
    Finding,
    Provenance,
    Severity,
    builtin_checks,
    check,
    clear_plugin_cache,
    default,
    plugins,
    run_checks,
)
from corparent.codes import LegalStatus, PlacementProvider, PlacementType
from corparent.errors import CodeError, ConfigError
from corparent.law import ENGLAND, Conventions
from corparent.model import Caseload, CaseRecord, Child, Episode, Review
from corparent.principles import Principle

AS_OF = dt.date(2024, 3, 31)


def make_record(child_id: str = "C1", *, start: dt.date = dt.date(2023, 6, 1)) -> CaseRecord:
    return CaseRecord(
        child=Child(id=child_id, date_of_birth=dt.date(2012, 5, 17)),
        episodes=[
            Episode(
                start=start,
                legal_status=LegalStatus.C2,
                placement=PlacementType.U4,
                provider=PlacementProvider.PR1,
            )
        ],
        reviews=[Review(date=start + dt.timedelta(days=14))],
    )


# Module-level checks: they must pickle (worker processes) and be collected from a module.


@check(
    id="test.always",
    severity=Severity.INFO,
    description="Reports every child once",
    principles=[Principle.BEST_INTERESTS],
)
def always(record: CaseRecord, ctx: CheckContext, *, word: str = "hello") -> Iterator[Finding]:
    yield ctx.finding(record, message=f"{word} {record.id}")


@check(id="test.crashy", severity=Severity.ERROR)
def crashy(record: CaseRecord, ctx: CheckContext) -> Iterator[Finding]:
    """Crashes on child C2 only."""
    if record.id == "C2":
        raise KeyError("boom")
    yield ctx.finding(record, message="fine")


@check(id="test.not_a_finding")
def not_a_finding(record: CaseRecord, ctx: CheckContext) -> Iterator[object]:
    yield "oops"


# --- Severity -------------------------------------------------------------------------------


def test_severity_is_ordered() -> None:
    assert Severity.INFO < Severity.WARNING < Severity.ERROR
    assert max(Severity) is Severity.ERROR
    assert sorted([Severity.ERROR, Severity.INFO, Severity.WARNING]) == [
        Severity.INFO,
        Severity.WARNING,
        Severity.ERROR,
    ]
    assert Severity.ERROR >= Severity.ERROR
    assert not Severity.WARNING >= Severity.ERROR


@given(st.sampled_from(list(Severity)), st.sampled_from(list(Severity)))
def test_severity_order_follows_rank(a: Severity, b: Severity) -> None:
    assert (a < b) == (a.rank < b.rank)
    assert (a <= b) == (a.rank <= b.rank)


def test_severity_parse() -> None:
    assert Severity.parse(" Warning ") is Severity.WARNING
    assert Severity.parse("ERROR") is Severity.ERROR
    with pytest.raises(CodeError):
        Severity.parse("fatal")


def test_finding_rejects_datetime_due() -> None:
    with pytest.raises((TypeError, ValueError)):
        Finding(
            check_id="a.b",
            severity=Severity.INFO,
            child_id="C1",
            message="m",
            due=dt.datetime(2024, 1, 1),  # type: ignore[arg-type]
        )


# --- @check and CheckSpec ---------------------------------------------------------------------


def test_decorator_metadata() -> None:
    assert isinstance(always, CheckSpec)
    assert always.id == "test.always"
    assert always.severity is Severity.INFO
    assert always.description == "Reports every child once"
    assert always.principles == (Principle.BEST_INTERESTS,)
    assert always.namespace == "test"
    assert always.defaults == {"word": "hello"}
    # Defined in this test module, not shipped by corparent: the provenance says so.
    assert always.provenance == Provenance(distribution=__name__, version="local")
    assert always.provenance != BUILTIN
    assert str(always.provenance) == f"{__name__} local"


def test_description_defaults_to_docstring_first_line() -> None:
    assert crashy.description == "Crashes on child C2 only."
    assert crashy.severity is Severity.ERROR


@pytest.mark.parametrize("bad", ["nodot", "Upper.case", "a..b", "a.b-c", ".a", "1a.b"])
def test_bad_ids_are_rejected(bad: str) -> None:
    with pytest.raises(ConfigError) as err:
        check(id=bad)(always.func)
    assert err.value.problems[0].code == "bad_check_id"


def test_configure_changes_settings_and_returns_new_spec() -> None:
    record = make_record()
    ctx = CheckContext(as_of=AS_OF, rules=ENGLAND, conventions=Conventions(), record=record)
    configured = always.configure(word="hi")
    assert configured is not always
    assert always.effective_settings == {"word": "hello"}
    assert configured.effective_settings == {"word": "hi"}
    [f] = configured(record, ctx.for_check(configured))
    assert f.message == "hi C1"
    [g] = always(record, ctx.for_check(always))
    assert g.message == "hello C1"


def test_configure_unknown_setting_is_a_config_error() -> None:
    with pytest.raises(ConfigError) as err:
        always.configure(wrod="x")
    assert "wrod" in str(err.value)
    assert err.value.problems[0].expected == "word"


def test_context_finding_prefills_check_metadata() -> None:
    record = make_record("C7")
    ctx = CheckContext(
        as_of=AS_OF, rules=ENGLAND, conventions=Conventions(), record=record, check=always
    )
    f = ctx.finding(record, message="x")
    assert (f.check_id, f.severity, f.child_id, f.principles) == (
        "test.always",
        Severity.INFO,
        "C7",
        (Principle.BEST_INTERESTS,),
    )
    g = ctx.finding(record, message="y", severity=Severity.ERROR, principles=[])
    assert (g.severity, g.principles) == (Severity.ERROR, ())


def test_spec_pickles_by_reference_with_settings() -> None:
    configured = always.configure(word="bye")
    restored = pickle.loads(pickle.dumps(configured))
    assert restored == configured
    assert restored.func is always.func


def test_local_function_spec_cannot_be_pickled() -> None:
    @check(id="test.local")
    def local(record: CaseRecord, ctx: CheckContext) -> Iterator[Finding]:
        yield from ()

    with pytest.raises(TypeError, match="module level"):
        pickle.dumps(local)


# --- CheckSet -------------------------------------------------------------------------------


def test_checkset_operations_are_immutable_values() -> None:
    base = CheckSet(checks=[always, crashy])
    assert base.ids() == ("test.always", "test.crashy")
    smaller = base.without("test.crashy")
    assert smaller.ids() == ("test.always",)
    assert base.ids() == ("test.always", "test.crashy")  # unchanged
    assert base.with_(not_a_finding).ids() == (
        "test.always",
        "test.crashy",
        "test.not_a_finding",
    )
    assert base.select("test.c*").ids() == ("test.crashy",)
    assert base.select("test").ids() == base.ids()  # namespace prefix
    assert "test.always" in base
    assert base["test.crashy"] is crashy
    assert len(base) == 2
    assert CheckSet(checks=[always]) == CheckSet(checks=(always,))
    with pytest.raises(KeyError):
        base["test.nothing"]


def test_checkset_select_unknown_pattern_is_an_error() -> None:
    with pytest.raises(ConfigError) as err:
        CheckSet(checks=[always]).select("test.alwyas")
    assert err.value.problems[0].code == "unknown_check"


def test_checkset_duplicate_id_names_both_distributions() -> None:
    other = CheckSpec(
        id="test.always",
        severity=Severity.INFO,
        description="",
        func=always.func,
        provenance=Provenance(distribution="anytown-checks", version="2.0"),
    )
    with pytest.raises(ConfigError) as err:
        CheckSet(checks=[always]).with_(other)
    message = str(err.value)
    assert "anytown-checks 2.0" in message
    assert f"{__name__} local" in message
    assert "corparent builtin" not in message


def test_checkset_configure() -> None:
    configured = CheckSet(checks=[always, crashy]).configure("test.always", word="x")
    assert configured["test.always"].effective_settings == {"word": "x"}
    assert configured.ids() == ("test.always", "test.crashy")


def test_builtin_checks_use_the_builtin_namespace() -> None:
    ids = builtin_checks().ids()
    assert ids, "corparent ships built-in checks"
    assert all(i.startswith("builtin.") for i in ids)
    assert {"builtin.integrity", "builtin.compliance.overdue"} <= set(ids)


# --- plugins through entry points ----------------------------------------------------------


def _fake_distribution(
    root: Path, *, dist: str, version: str, ep_name: str, module: str, source: str
) -> None:
    (root / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = root / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[corparent.checks]\n{ep_name} = {module}\n", encoding="utf-8"
    )


PLUGIN_SOURCE = """
    from corparent.checks import Severity, check

    @check(id="fakecouncil.first", severity=Severity.WARNING, description="first")
    def first(record, ctx):
        yield ctx.finding(record, message="from the plugin")

    @check(id="fakecouncil.second", description="second")
    def second(record, ctx, *, n: int = 1):
        return ()

    not_a_check = 42
"""


@pytest.fixture
def plugin_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.syspath_prepend(str(tmp_path))
    clear_plugin_cache()
    yield tmp_path
    clear_plugin_cache()
    for name in [m for m in sys.modules if m.startswith("fakecouncil")]:
        del sys.modules[name]


def test_entry_point_checks_load_with_provenance(plugin_path: Path) -> None:
    _fake_distribution(
        plugin_path,
        dist="fake-council",
        version="1.2.3",
        ep_name="fakecouncil",
        module="fakecouncil_checks",
        source=PLUGIN_SOURCE,
    )
    checks = default()
    assert checks.ids()[: len(builtin_checks())] == builtin_checks().ids()
    assert checks.ids()[len(builtin_checks()) :][-2:] == ("fakecouncil.first", "fakecouncil.second")
    first = checks["fakecouncil.first"]
    assert first.provenance.distribution == "fake-council"
    assert first.provenance.version == "1.2.3"
    assert first.provenance.entry_point == "fakecouncil = fakecouncil_checks"
    assert plugins() is plugins()  # loaded once, cached

    result = run_checks([make_record()], AS_OF, checks=checks.select("fakecouncil"))
    assert [f.message for f in result.findings] == ["from the plugin"]
    assert {c.provenance.distribution for c in result.metadata.checks} == {"fake-council"}

    assert "fakecouncil.first" not in default(block=["fakecouncil"])
    assert "fakecouncil.first" not in default(block=["fake_council"])
    assert default(plugins_enabled=False) == builtin_checks()


def test_plugin_outside_its_namespace_is_a_config_error(plugin_path: Path) -> None:
    _fake_distribution(
        plugin_path,
        dist="fake-council",
        version="1.0",
        ep_name="othername",
        module="fakecouncil_wrongns",
        source=PLUGIN_SOURCE,
    )
    with pytest.raises(ConfigError) as err:
        default()
    assert {p.code for p in err.value.problems} == {"plugin_namespace"}
    assert "fake-council 1.0" in str(err.value)
    # A broken plugin can be blocked without uninstalling it.
    assert default(block=["othername"]) == builtin_checks()


def test_plugin_that_fails_to_import_is_reported_not_skipped(plugin_path: Path) -> None:
    _fake_distribution(
        plugin_path,
        dist="fake-broken",
        version="0.1",
        ep_name="fakecouncil",
        module="fakecouncil_broken",
        source="raise ImportError('missing dependency')\n",
    )
    with pytest.raises(ConfigError) as err:
        default()
    assert err.value.problems[0].code == "plugin_import_failed"
    assert "fake-broken 0.1" in str(err.value)


# --- the runner: crashes, the shared schedule ----------------------------------------------


def test_a_crashing_check_is_reported_and_the_run_continues() -> None:
    caseload = Caseload(records=[make_record("C1"), make_record("C2"), make_record("C3")])
    result = run_checks(caseload, AS_OF, checks=CheckSet(checks=[crashy, always]))
    assert [(c.check_id, c.child_id, c.error) for c in result.crashes] == [
        ("test.crashy", "C2", "KeyError")
    ]
    assert [(f.check_id, f.child_id) for f in result.findings] == [
        ("test.crashy", "C1"),
        ("test.always", "C1"),
        ("test.always", "C2"),
        ("test.crashy", "C3"),
        ("test.always", "C3"),
    ]
    assert result.worst() is Severity.ERROR  # a crash is never a clean run
    assert "boom" not in repr(result.crashes[0])


def test_raise_on_crash_stops_with_the_cause_chained() -> None:
    with pytest.raises(CheckCrashed) as err:
        run_checks(
            [make_record("C2")], AS_OF, checks=CheckSet(checks=[crashy]), raise_on_crash=True
        )
    assert isinstance(err.value.__cause__, KeyError)
    assert "test.crashy" in str(err.value)
    assert "C2" in str(err.value)


def test_yielding_something_else_than_a_finding_is_a_crash() -> None:
    result = run_checks([make_record()], AS_OF, checks=CheckSet(checks=[not_a_finding]))
    assert [(c.check_id, c.error) for c in result.crashes] == [("test.not_a_finding", "TypeError")]


def test_schedule_is_computed_once_per_record(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = context_module.schedule

    def counting(record: CaseRecord, as_of: dt.date, **kwargs: object) -> object:
        calls.append(record.id)
        return real(record, as_of, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(context_module, "schedule", counting)
    caseload = [make_record("C1"), make_record("C2")]
    checks = builtin_checks().select("builtin.compliance")
    assert len(checks) >= 2
    run_checks(caseload, AS_OF, checks=checks, batch=False)
    assert calls == ["C1", "C2"]


def test_counts_and_metadata() -> None:
    result = run_checks(
        [make_record("C1"), make_record("C2")], AS_OF, checks=CheckSet(checks=[always, crashy])
    )
    assert result.children_checked == 2
    assert result.by_check == {"test.always": 2, "test.crashy": 1}
    assert result.by_severity == {Severity.ERROR: 1, Severity.WARNING: 0, Severity.INFO: 2}
    assert result.by_duty == {}
    assert result.metadata.as_of == AS_OF
    assert result.metadata.holidays_version.startswith("holidays")
    assert [c.id for c in result.metadata.checks] == ["test.always", "test.crashy"]
    assert dict(result.metadata.checks[0].settings) == {"word": "hello"}
    assert len(result.at_least(Severity.WARNING)) == 1


def test_progress_is_reported_up_to_the_total() -> None:
    seen: list[tuple[int, int]] = []
    records = [make_record(f"C{i}") for i in range(5)]
    run_checks(
        records,
        AS_OF,
        checks=CheckSet(checks=[always]),
        chunk_size=2,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen == [(0, 5), (2, 5), (4, 5), (5, 5)]


def test_run_checks_rejects_a_datetime() -> None:
    with pytest.raises((TypeError, ValueError)):
        run_checks([], dt.datetime(2024, 3, 31), checks=CheckSet())  # type: ignore[arg-type]
