"""The public API is a committed snapshot: changing it is a deliberate act.

``tests/public_api.txt`` lists, for every public module, its ``__all__`` and the signature of
each public callable (functions, classes' constructors and public methods, enum members). When
the test fails the API has changed: if that is intended, regenerate the snapshot with
``python tests/test_public_api.py`` and add a line to CHANGELOG.md saying what changed and why.
"""

from __future__ import annotations

import enum
import functools
import importlib
import inspect
import sys
import typing
from pathlib import Path
from typing import Any

SNAPSHOT = Path(__file__).with_name("public_api.txt")

MODULES = (
    "corparent",
    "corparent.checks",
    "corparent.checks.builtin",
    "corparent.cli",
    "corparent.codes",
    "corparent.dates",
    "corparent.errors",
    "corparent.io",
    "corparent.io.findings",
    "corparent.io.ssda903",
    "corparent.law",
    "corparent.law.england",
    "corparent.leaving_care",
    "corparent.model",
    "corparent.pledges",
    "corparent.principles",
    "corparent.reports",
    "corparent.schedule",
    "corparent.synth",
    "corparent.testing",
)


def _default(value: Any) -> str:
    """A default as a stable, short text (never a long or address-bearing repr)."""
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if value is None or isinstance(value, bool | int | float | str | bytes):
        return repr(value)
    if isinstance(value, tuple | list | frozenset | dict) and not value:
        return repr(value)
    if isinstance(value, type) or callable(value):
        return getattr(value, "__qualname__", type(value).__name__)
    return f"<{type(value).__name__}>"


def signature(obj: Any) -> str:
    """``(a: int, *, b: str = 'x') -> bool`` with defaults made stable."""
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return "(...)"
    params = []
    for p in sig.parameters.values():
        text = p.name
        if p.kind is p.VAR_POSITIONAL:
            text = "*" + text
        elif p.kind is p.VAR_KEYWORD:
            text = "**" + text
        if p.annotation is not p.empty:
            ann = (
                p.annotation
                if isinstance(p.annotation, str)
                else inspect.formatannotation(p.annotation)
            )
            text += f": {ann}"
        if p.default is not p.empty:
            text += f" = {_default(p.default)}"
        params.append((p.kind, text))
    out: list[str] = []
    star = False
    for kind, text in params:
        if kind is inspect.Parameter.KEYWORD_ONLY and not star:
            out.append("*")
            star = True
        if kind is inspect.Parameter.VAR_POSITIONAL:
            star = True
        out.append(text)
    ret = ""
    if sig.return_annotation is not sig.empty:
        ann = sig.return_annotation
        ret = f" -> {ann if isinstance(ann, str) else inspect.formatannotation(ann)}"
    return f"({', '.join(out)}){ret}"


def _members(cls: type) -> list[str]:
    lines = []
    if issubclass(cls, enum.Enum):
        lines.append("    members: " + ", ".join(m.name for m in cls))
    for name, value in sorted(vars(cls).items()):
        if name.startswith("_"):
            continue
        if isinstance(value, property | functools.cached_property):
            # A property worked out once per instance reads the same to a user.
            lines.append(f"    .{name} (property)")
        elif isinstance(value, staticmethod | classmethod):
            lines.append(f"    .{name}{signature(getattr(cls, name))}")
        elif inspect.isfunction(value):
            lines.append(f"    .{name}{signature(value)}")
    return lines


def describe() -> str:
    """The whole public API as text, one module after another."""
    lines: list[str] = []
    for name in MODULES:
        module = importlib.import_module(name)
        exported = sorted(getattr(module, "__all__", ()))
        lines.append(f"[{name}]")
        lines.append("__all__ = " + ", ".join(exported))
        for export in exported:
            obj = getattr(module, export)
            if inspect.ismodule(obj) and not callable(obj):
                continue
            owner = getattr(obj, "__module__", "") or ""
            if name != "corparent" and not owner.startswith(name) and inspect.isclass(obj):
                # Documented where it is defined (e.g. re-exports of another package).
                lines.append(f"{export}: see {owner.split('._')[0]}")
                continue
            if typing.get_origin(obj) is not None:
                # A type alias: its repr, the same on every Python (its signature is not).
                lines.append(f"{export} = {obj!r}")
            elif inspect.isclass(obj):
                kind = "enum" if issubclass(obj, enum.Enum) else "class"
                shown = "" if issubclass(obj, enum.Enum) else signature(obj)
                lines.append(f"{kind} {export}{shown}")
                if name != "corparent":
                    lines.extend(_members(obj))
            elif callable(obj):
                lines.append(f"def {export}{signature(obj)}")
            else:
                lines.append(f"{export}: {type(obj).__name__}")
        lines.append("")
    return "\n".join(lines)


def test_public_api_matches_the_snapshot() -> None:
    current = describe()
    recorded = SNAPSHOT.read_text(encoding="utf-8")
    if current != recorded:
        import difflib

        diff = "\n".join(
            difflib.unified_diff(
                recorded.splitlines(), current.splitlines(), "public_api.txt", "now", lineterm=""
            )
        )
        raise AssertionError(
            "The public API changed. If that is deliberate, run `python tests/test_public_api.py`"
            " to update tests/public_api.txt and say what changed in CHANGELOG.md.\n" + diff
        )


def test_every_public_module_declares_all() -> None:
    for name in MODULES:
        module = importlib.import_module(name)
        assert hasattr(module, "__all__"), name
        for export in module.__all__:
            assert hasattr(module, export), f"{name}.{export}"


if __name__ == "__main__":
    SNAPSHOT.write_text(describe(), encoding="utf-8")
    print(f"wrote {SNAPSHOT}", file=sys.stderr)
