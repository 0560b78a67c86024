"""Lossless JSON for every model class, with ``cattrs`` (no hand-written dict code).

Dates are ISO strings, codes their string values, collections lists; fields at their default
are left out. Unknown keys and bad
values raise :class:`~corparent.errors.LoadError` naming the key path.

>>> import datetime as dt
>>> from corparent.model import Child
>>> to_json(Child(id="C1", date_of_birth=dt.date(2010, 5, 1)))
'{"id": "C1", "date_of_birth": "2010-05-01"}'
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, TypeVar

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from corparent.errors import CorparentError, LoadError, Problem, shape
from corparent.model._evidence import Evidence, EvidenceWindow
from corparent.model._record import Caseload, CaseRecord

__all__ = ["converter", "from_dict", "from_json", "to_dict", "to_json"]

T = TypeVar("T")

converter = cattrs.Converter(forbid_extra_keys=True)
"""The cattrs converter corparent uses for its model classes."""

converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())


def _structure_date(value: Any, _: type) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, got {type(value).__name__}")
    return dt.date.fromisoformat(value)


converter.register_structure_hook(dt.date, _structure_date)


def _omit_defaults_hook(cls: type) -> Any:
    return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)


def _is_model(cls: type) -> bool:
    return getattr(cls, "__module__", "").startswith("corparent.model") and hasattr(
        cls, "__attrs_attrs__"
    )


converter.register_unstructure_hook_factory(_is_model, _omit_defaults_hook)
converter.register_structure_hook_factory(
    lambda cls: _is_model(cls) and cls is not CaseRecord and cls is not Caseload,
    lambda cls: make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True),
)


def _unstructure_evidence(evidence: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {
        "windows": {k: converter.unstructure(w) for k, w in sorted(evidence.windows.items())}
    }
    if evidence.default != EvidenceWindow():
        out["default"] = converter.unstructure(evidence.default)
    if evidence.source:
        out["source"] = evidence.source
    return out


def _structure_evidence(value: Any, _: type) -> Evidence:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object for evidence, got {type(value).__name__}")
    extra = set(value) - {"windows", "default", "source"}
    if extra:
        raise ValueError(f"unknown evidence keys: {sorted(extra)}")
    windows = {
        str(k): converter.structure(w, EvidenceWindow) for k, w in value.get("windows", {}).items()
    }
    default = converter.structure(value.get("default", {}), EvidenceWindow)
    return Evidence(windows=windows, default=default, source=str(value.get("source", "")))


converter.register_unstructure_hook(Evidence, _unstructure_evidence)
converter.register_structure_hook(Evidence, _structure_evidence)


def _structure_record(value: Any, _: type) -> CaseRecord:
    fields = make_dict_structure_fn(CaseRecord, converter, _cattrs_forbid_extra_keys=True)
    return fields(value, CaseRecord)


converter.register_structure_hook(CaseRecord, _structure_record)
converter.register_unstructure_hook(
    Caseload, lambda c: {"records": [converter.unstructure(r) for r in c.records]}
)
converter.register_structure_hook(
    Caseload,
    lambda v, _: Caseload(records=[_structure_record(r, CaseRecord) for r in v["records"]]),
)


def to_dict(obj: object) -> Any:
    """``obj`` (any model object, or a caseload) as plain JSON-ready data."""
    return converter.unstructure(obj)


def from_dict(data: Any, cls: type[T]) -> T:
    """Build a ``cls`` from :func:`to_dict` data.

    Raises:
        LoadError: keys unknown or missing, or values of the wrong kind (each with its path).
        RecordError: a case record built from the data contradicts itself.
    """
    try:
        return converter.structure(data, cls)
    except CorparentError:
        raise
    except cattrs.BaseValidationError as exc:
        problems = [
            Problem(code="bad_json", message=_private(e), path=".".join(map(str, path)))
            for e, path in _leaves(exc, [])
        ]
        raise LoadError(problems, headline=f"cannot build a {cls.__name__} from the data") from None
    except (TypeError, ValueError, AttributeError, KeyError, OverflowError) as exc:
        raise LoadError(
            [Problem(code="bad_json", message=_private(exc), expected=f"a {cls.__name__} object")],
            headline=f"cannot build a {cls.__name__} from the data",
        ) from None


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def _private(exc: BaseException) -> str:
    """The exception as a message that never repeats a value from the data: quoted values
    become their shape (``'2010-13-45'`` -> a value shaped like a date)."""
    if isinstance(exc, CorparentError):
        return str(exc)
    if isinstance(exc, KeyError):
        return "a required key is missing"
    if isinstance(exc, AttributeError | TypeError):
        return "a value of the wrong kind (e.g. text or a list where an object belongs)"
    text = _QUOTED.sub(lambda m: shape(m.group(0)[1:-1]), str(exc))
    return f"{type(exc).__name__}: {text}"


def _leaves(exc: BaseException, path: list[Any]) -> list[tuple[BaseException, list[Any]]]:
    if isinstance(exc, cattrs.BaseValidationError):
        out: list[tuple[BaseException, list[Any]]] = []
        for sub in exc.exceptions:
            note = getattr(sub, "__notes__", [""])
            where = note[0].rsplit(" ", 1)[-1] if note and note[0] else "?"
            out.extend(_leaves(sub, [*path, where]))
        return out
    return [(exc, path)]


def to_json(obj: object) -> str:
    """``obj`` as a JSON string."""
    return json.dumps(to_dict(obj))


def from_json(text: str, cls: type[T]) -> T:
    """Build a ``cls`` from :func:`to_json` text."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, TypeError, RecursionError) as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
        row = exc.lineno if isinstance(exc, json.JSONDecodeError) else None
        raise LoadError([Problem(code="bad_json", message=f"not JSON: {msg}", row=row)]) from None
    return from_dict(data, cls)
