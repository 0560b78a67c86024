"""`CheckSet`, an immutable collection of checks, and loading plugins from entry points.

Loading follows pluggy's habits in a few lines on :mod:`importlib.metadata`: plugins are loaded
by an explicit call (:func:`default`), once per process; each records the distribution that
supplied it; a plugin can be blocked by name; two checks with one id are an error.
"""

from __future__ import annotations

import fnmatch
import functools
import types
from collections.abc import Iterable, Iterator
from importlib.metadata import EntryPoint, entry_points

import attrs

from corparent.checks._spec import CheckSpec, Provenance
from corparent.errors import ConfigError, Problem

__all__ = [
    "ENTRY_POINT_GROUP",
    "CheckSet",
    "builtin_checks",
    "clear_plugin_cache",
    "default",
    "plugins",
]

ENTRY_POINT_GROUP = "corparent.checks"
"""The entry-point group third-party packages register their checks in."""


def _duplicate(a: CheckSpec, b: CheckSpec) -> Problem:
    return Problem(
        code="duplicate_check_id",
        message=f"two checks have the id {a.id!r}: from {a.provenance} and from {b.provenance}",
        path=a.id,
        expected="unique check ids",
    )


def _specs(value: Iterable[CheckSpec]) -> tuple[CheckSpec, ...]:
    specs = tuple(value)
    seen: dict[str, CheckSpec] = {}
    problems = []
    for spec in specs:
        if not isinstance(spec, CheckSpec):
            raise TypeError(f"CheckSet holds CheckSpec objects (use @check), got {spec!r}")
        if spec.id in seen:
            problems.append(_duplicate(seen[spec.id], spec))
        seen[spec.id] = spec
    if problems:
        raise ConfigError(problems)
    return specs


def _matches(spec: CheckSpec, patterns: tuple[str, ...]) -> bool:
    return any(
        fnmatch.fnmatchcase(spec.id, p) or spec.id.startswith(p + ".") or spec.id == p
        for p in patterns
    )


@attrs.frozen(kw_only=True)
class CheckSet:
    """An immutable, ordered set of checks; every operation returns a new set.

    Patterns are check ids, shell-style globs (``"builtin.completeness.*"``) or a namespace /
    id prefix (``"builtin.compliance"`` matches ``builtin.compliance.overdue``).

    .. versionadded:: 0.1
    """

    checks: tuple[CheckSpec, ...] = attrs.field(default=(), converter=_specs)

    def __iter__(self) -> Iterator[CheckSpec]:
        return iter(self.checks)

    def __len__(self) -> int:
        return len(self.checks)

    def __contains__(self, check_id: object) -> bool:
        return any(spec.id == check_id for spec in self.checks)

    def __getitem__(self, check_id: str) -> CheckSpec:
        for spec in self.checks:
            if spec.id == check_id:
                return spec
        raise KeyError(check_id)

    def ids(self) -> tuple[str, ...]:
        """The check ids, in run order."""
        return tuple(spec.id for spec in self.checks)

    def with_(self, *specs: CheckSpec) -> CheckSet:
        """This set plus ``specs`` (appended in order).

        Raises:
            ConfigError: an id is already in the set.
        """
        return CheckSet(checks=(*self.checks, *specs))

    def without(self, *patterns: str) -> CheckSet:
        """This set minus the checks matching any pattern."""
        return CheckSet(checks=[s for s in self.checks if not _matches(s, patterns)])

    def select(self, *patterns: str) -> CheckSet:
        """Only the checks matching at least one pattern (in this set's order).

        Raises:
            ConfigError: a pattern matches no check (a typo should not silently select nothing).
        """
        unmatched = [p for p in patterns if not any(_matches(s, (p,)) for s in self.checks)]
        if unmatched:
            raise ConfigError(
                [
                    Problem(
                        code="unknown_check",
                        message=f"no check matches {p!r}",
                        value=p,
                        expected=", ".join(self.ids()),
                    )
                    for p in unmatched
                ]
            )
        return CheckSet(checks=[s for s in self.checks if _matches(s, patterns)])

    def blocking(self, *distributions: str) -> CheckSet:
        """This set minus every check supplied by the named distributions (pluggy's blocking)."""
        names = {_normalise(d) for d in distributions}
        return CheckSet(
            checks=[s for s in self.checks if _normalise(s.provenance.distribution) not in names]
        )

    def configure(self, check_id: str, **settings: object) -> CheckSet:
        """This set with one check's settings changed (see :meth:`CheckSpec.configure`)."""
        spec = self[check_id].configure(**settings)
        return CheckSet(checks=[spec if s.id == check_id else s for s in self.checks])


def _normalise(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def _collect(obj: object) -> list[CheckSpec]:
    if isinstance(obj, CheckSpec):
        return [obj]
    if isinstance(obj, CheckSet):
        return list(obj)
    if isinstance(obj, types.ModuleType):
        # Every CheckSpec defined in the module, in definition order (dicts keep it).
        return [v for v in vars(obj).values() if isinstance(v, CheckSpec)]
    if isinstance(obj, list | tuple):
        return [s for item in obj for s in _collect(item)]
    if callable(obj):  # a factory returning specs
        return _collect(obj())
    return []


def _load_entry_point(ep: EntryPoint) -> tuple[list[CheckSpec], list[Problem]]:
    dist = ep.dist
    provenance = Provenance(
        distribution=dist.name if dist is not None else "unknown",
        version=dist.version if dist is not None else "unknown",
        entry_point=f"{ep.name} = {ep.value}",
    )
    where = f"entry point {ep.name!r} of {provenance}"
    try:
        obj = ep.load()
    except Exception as exc:
        problem = Problem(
            code="plugin_import_failed",
            message=f"{where} could not be loaded ({type(exc).__name__}: {exc})",
            path=ep.value,
            expected="an importable module, CheckSpec or list of CheckSpec",
        )
        return [], [problem]
    specs = _collect(obj)
    problems = []
    if not specs:
        problems.append(
            Problem(
                code="plugin_without_checks",
                message=f"{where} provides no checks",
                path=ep.value,
                expected="a module defining @check functions",
            )
        )
    for spec in specs:
        if spec.namespace != ep.name:
            problems.append(
                Problem(
                    code="plugin_namespace",
                    message=f"check {spec.id!r} from {where} is outside its namespace",
                    path=spec.id,
                    expected=f"ids starting with '{ep.name}.'",
                )
            )
    return [attrs.evolve(s, provenance=provenance) for s in specs], problems


def plugins(*, block: Iterable[str] = ()) -> CheckSet:
    """The checks third-party packages register under ``corparent.checks``, loaded once.

    Args:
        block: Entry-point names or distribution names not to load at all (pluggy's
            ``set_blocked``): a broken plugin can be blocked without uninstalling it.

    Raises:
        ConfigError: a plugin fails to import, provides no checks, uses another namespace or
            repeats an id. A broken plugin is never skipped silently.
    """
    return _plugins(frozenset(_normalise(b) for b in block))


@functools.cache
def _plugins(blocked: frozenset[str]) -> CheckSet:
    specs: list[CheckSpec] = []
    problems: list[Problem] = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        dist_name = ep.dist.name if ep.dist is not None else ""
        if _normalise(ep.name) in blocked or _normalise(dist_name) in blocked:
            continue
        if ep.name == "builtin":
            problems.append(
                Problem(
                    code="plugin_namespace",
                    message=f"entry point {ep.value!r} claims the reserved 'builtin' namespace",
                    path=ep.value,
                    expected="the council's or package's own namespace",
                )
            )
            continue
        loaded, found = _load_entry_point(ep)
        specs.extend(loaded)
        problems.extend(found)
    if problems:
        raise ConfigError(problems, headline="could not load corparent.checks plugins")
    return CheckSet(checks=specs)


def builtin_checks() -> CheckSet:
    """The checks corparent ships: integrity, compliance and completeness."""
    from corparent.checks.builtin import BUILTIN_CHECKS

    return CheckSet(checks=BUILTIN_CHECKS)


def default(*, plugins_enabled: bool = True, block: Iterable[str] = ()) -> CheckSet:
    """The built-in checks followed by every installed plugin's checks.

    Args:
        plugins_enabled: False to run only the built-ins (``--no-plugins``).
        block: Entry-point names (namespaces) or distribution names whose checks to leave out.

    Raises:
        ConfigError: see :func:`plugins`; or a plugin check repeats a built-in id.

    .. versionadded:: 0.1
    """
    found = plugins(block=block) if plugins_enabled else CheckSet()
    return builtin_checks().with_(*found)


def clear_plugin_cache() -> None:
    """Forget loaded plugins, so the next :func:`default` reads entry points again (for tests)."""
    _plugins.cache_clear()
