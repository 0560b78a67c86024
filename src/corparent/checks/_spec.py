"""The :func:`check` decorator and :class:`CheckSpec`, a check's metadata bound to its callable.

A check is any callable ``(record, context) -> Iterable[Finding]``. Its keyword-only
parameters with defaults are its *settings* (pandera's "statistics"): a council changes a
threshold with :meth:`CheckSpec.configure` without writing code.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from corparent.checks._finding import Finding, Severity
from corparent.errors import ConfigError, Problem
from corparent.model import CaseRecord
from corparent.principles import Principle

if TYPE_CHECKING:
    from corparent.checks._context import CheckContext

__all__ = ["BUILTIN", "Check", "CheckSpec", "Provenance", "check"]

_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")


class Check(Protocol):
    """The shape of a check: called once per record, yields findings about it."""

    def __call__(self, record: CaseRecord, context: CheckContext, /) -> Iterable[Finding]: ...


@attrs.frozen(kw_only=True)
class Provenance:
    """Where a check came from: the distribution (package) and version that supplied it.

    .. versionadded:: 0.1
    """

    distribution: str
    version: str
    entry_point: str | None = None

    def __str__(self) -> str:
        return f"{self.distribution} {self.version}"


BUILTIN = Provenance(distribution="corparent", version="builtin")
"""Provenance of the checks corparent ships (the version is filled in by the run metadata)."""


def _settings(
    value: Mapping[str, object] | Iterable[tuple[str, object]],
) -> tuple[tuple[str, object], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted(items))


def _principles(values: Iterable[Principle]) -> tuple[Principle, ...]:
    return tuple(values)


def _keyword_defaults(func: Callable[..., Iterable[Finding]]) -> dict[str, object]:
    """The keyword-only parameters of ``func`` that have defaults: its settings."""
    return {
        p.name: p.default
        for p in inspect.signature(func).parameters.values()
        if p.kind is inspect.Parameter.KEYWORD_ONLY and p.default is not inspect.Parameter.empty
    }


@attrs.frozen(kw_only=True)
class CheckSpec:
    """A check with its metadata; call it like the function it wraps.

    Build one with :func:`check`. ``spec(record, context)`` calls the function with the spec's
    settings as keyword arguments.

    Attributes:
        id: ``namespace.name`` (lower case, dot separated); unique within a
            :class:`~corparent.checks.CheckSet`. Built-ins use the ``builtin`` namespace.
        severity: The default severity of its findings.
        description: One line saying what it looks for.
        func: The function, ``(record, context, *, **settings) -> Iterable[Finding]``.
        principles: The corporate parenting principles it serves.
        settings: Values for the function's keyword-only parameters (overrides of defaults).
        provenance: The distribution that supplied it.

    .. versionadded:: 0.1
    """

    id: str = attrs.field()
    severity: Severity
    description: str
    func: Callable[..., Iterable[Finding]] = attrs.field(repr=False)
    principles: tuple[Principle, ...] = attrs.field(default=(), converter=_principles)
    settings: tuple[tuple[str, object], ...] = attrs.field(default=(), converter=_settings)
    provenance: Provenance = BUILTIN

    @id.validator
    def _check_id(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not _ID.match(value):
            raise ConfigError(
                [
                    Problem(
                        code="bad_check_id",
                        message="a check id must be 'namespace.name'",
                        value=value,
                        expected="lower-case words joined by dots, e.g. 'anytown.placement_moves'",
                    )
                ]
            )

    def __call__(self, record: CaseRecord, context: CheckContext, /) -> Iterable[Finding]:
        return self.func(record, context, **dict(self.settings))

    @property
    def namespace(self) -> str:
        """The part of the id before the first dot (``"builtin"``, ``"anytown"``)."""
        return self.id.split(".", 1)[0]

    @property
    def defaults(self) -> dict[str, object]:
        """The function's settings and their default values."""
        return _keyword_defaults(self.func)

    @property
    def effective_settings(self) -> dict[str, object]:
        """The settings this spec runs with (defaults overlaid by ``settings``)."""
        return {**self.defaults, **dict(self.settings)}

    def configure(self, **settings: object) -> CheckSpec:
        """The same check with different settings, e.g. ``spec.configure(limit=2)``.

        Raises:
            ConfigError: a name is not one of the function's keyword-only settings.
        """
        known = self.defaults
        unknown = sorted(set(settings) - set(known))
        if unknown:
            raise ConfigError(
                [
                    Problem(
                        code="unknown_setting",
                        message=f"check {self.id} has no setting {name!r}",
                        path=f"{self.id}.{name}",
                        expected=", ".join(sorted(known)) or "no settings",
                    )
                    for name in unknown
                ]
            )
        # Lists (from JSON or TOML) become tuples, so a configured spec stays hashable.
        given = {k: tuple(v) if isinstance(v, list) else v for k, v in settings.items()}
        return attrs.evolve(self, settings={**dict(self.settings), **given})

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle by reference (module + attribute) so worker processes import the same spec;
        # the decorated function itself is shadowed by the spec and cannot be pickled by name.
        module = getattr(self.func, "__module__", None)
        name = getattr(self.func, "__qualname__", None)
        if module is None or name is None or "<" in name:
            raise TypeError(f"check {self.id} is not defined at module level; cannot pickle it")
        fields = (self.id, self.severity, self.description, self.principles, self.settings)
        return (_restore, (module, name, fields, self.provenance))


def _restore(
    module: str,
    name: str,
    fields: tuple[str, Severity, str, tuple[Principle, ...], tuple[tuple[str, object], ...]],
    provenance: Provenance,
) -> CheckSpec:
    obj: object = importlib.import_module(module)
    for part in name.split("."):
        obj = getattr(obj, part)
    func = obj.func if isinstance(obj, CheckSpec) else obj
    if not callable(func):  # pragma: no cover - only if a module changed under a running pool
        raise TypeError(f"{module}.{name} is not a check")
    check_id, severity, description, principles, settings = fields
    return CheckSpec(
        id=check_id,
        severity=severity,
        description=description,
        func=func,
        principles=principles,
        settings=settings,
        provenance=provenance,
    )


def check(
    *,
    id: str,
    severity: Severity = Severity.WARNING,
    description: str = "",
    principles: Iterable[Principle] = (),
) -> Callable[[Callable[..., Iterable[Finding]]], CheckSpec]:
    """Declare a check: ``@cp.check(id="anytown.placement_moves", severity=..., description=...)``.

    The decorated function takes ``(record, context)`` plus keyword-only settings with defaults,
    and yields :class:`~corparent.checks.Finding` objects (most easily made with
    :meth:`CheckContext.finding <corparent.checks.CheckContext.finding>`). The decorator has no
    registration side effect: it returns a :class:`CheckSpec`, which you add to a
    :class:`~corparent.checks.CheckSet` or expose through the ``corparent.checks`` entry point.

    Args:
        id: ``namespace.name``; the namespace of a plugin's checks must equal its entry-point name.
        severity: Default severity of its findings.
        description: One line for ``--help`` style listings; defaults to the docstring's first line.
        principles: The corporate parenting principles the check serves.

    .. versionadded:: 0.1
    """

    def decorate(func: Callable[..., Iterable[Finding]]) -> CheckSpec:
        text = description or (inspect.getdoc(func) or "").partition("\n")[0]
        module = getattr(func, "__module__", None) or "<unknown>"
        ours = module == "corparent" or module.startswith("corparent.")
        return CheckSpec(
            id=id,
            severity=severity,
            description=text,
            func=func,
            principles=_principles(principles),
            # A check defined in your own code says so (an entry point replaces this with the
            # distribution and version that supplied it).
            provenance=BUILTIN if ours else Provenance(distribution=module, version="local"),
        )

    return decorate
