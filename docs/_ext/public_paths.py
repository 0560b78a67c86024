"""Name public classes and functions by the path users import in the API reference.

corparent keeps each concept in a public package with private modules behind it
(``corparent.checks._finding.Finding`` is exported as ``corparent.checks.Finding``). Type hints
rendered from annotations would otherwise show, and link to, the private path. This extension
maps every private path a public package exports to its public path and rewrites, in each
page's doctree, cross-reference targets (so they link) and the text shown. The classes keep
their real ``__module__`` (attribute docs and annotations are read from their source).
"""

from __future__ import annotations

import enum
import importlib
import inspect
import re
from typing import Any

import attrs
from docutils import nodes
from sphinx import addnodes

PUBLIC = (
    "corparent.checks",
    "corparent.codes",
    "corparent.dates",
    "corparent.errors",
    "corparent.io.findings",
    "corparent.io.ssda903",
    "corparent.law",
    "corparent.leaving_care",
    "corparent.model",
    "corparent.pledges",
    "corparent.principles",
    "corparent.reports",
    "corparent.schedule",
    "corparent.synth",
    "corparent.testing",
)
_ATTR_DEFAULT = re.compile(r"attr_dict\['(\w+)'\]\.default")
_PRIVATE = re.compile(r"corparent(?:\.[A-Za-z0-9_]+)*\._[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+")


def public_paths() -> dict[str, str]:
    """``{private path: public path}`` for every class and function a public package exports
    (the first package listed wins)."""
    mapping: dict[str, str] = {}
    for name in PUBLIC:
        try:
            package = importlib.import_module(name)
        except ImportError:  # an optional extra not installed
            continue
        for export in getattr(package, "__all__", ()):
            obj = getattr(package, export, None)
            if not (inspect.isclass(obj) or inspect.isfunction(obj)):
                continue
            module = getattr(obj, "__module__", "") or ""
            if module.startswith(f"{name}._"):
                mapping.setdefault(f"{module}.{obj.__qualname__}", f"{name}.{obj.__qualname__}")
    return mapping


def _rewrite(mapping: dict[str, str], text: str) -> str:
    def public(match: re.Match[str]) -> str:
        path = match.group(0)
        for private, target in mapping.items():
            if path == private or path.startswith(private + "."):
                return target + path[len(private) :]
        return path

    return _PRIVATE.sub(public, text)


def _on_doctree_read(app: Any, doctree: nodes.document) -> None:
    mapping: dict[str, str] = app.env.corparent_public_paths
    for xref in doctree.findall(addnodes.pending_xref):
        target = xref.get("reftarget", "")
        if "._" in target:
            xref["reftarget"] = _rewrite(mapping, target)
    for text in list(doctree.findall(nodes.Text)):
        if "._" in text and "corparent." in text:
            new = _rewrite(mapping, str(text))
            if new != str(text):
                text.parent.replace(text, nodes.Text(new))


def _short(value: Any) -> str:
    """A default as a reader would write it: ``None``, ``()``, ``PlanKind.INITIAL``."""
    if isinstance(value, attrs.Factory):  # type: ignore[arg-type]
        value = value.factory() if not value.takes_self else ...
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    text = repr(value)
    return text if len(text) <= 40 and "<" not in text else "..."


def _on_process_signature(
    app: Any,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """attrs classes: show each default's value, not ``attr_dict['end'].default``."""
    if not signature or "attr_dict[" not in signature or not attrs.has(obj):
        return None
    fields = {f.name: f for f in attrs.fields(obj)}
    fields.update({f.alias: f for f in attrs.fields(obj) if f.alias})

    def value(match: re.Match[str]) -> str:
        field = fields.get(match.group(1))
        return _short(field.default) if field is not None else "..."

    return _ATTR_DEFAULT.sub(value, signature), return_annotation


def _on_builder_inited(app: Any) -> None:
    app.env.corparent_public_paths = public_paths()


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _on_builder_inited)
    app.connect("doctree-read", _on_doctree_read)
    app.connect("autodoc-process-signature", _on_process_signature)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
