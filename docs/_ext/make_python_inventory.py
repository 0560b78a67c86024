"""Write ``docs/_inventories/python.inv``: an offline intersphinx inventory for the stdlib.

CI has no network beyond package registries, so Sphinx cannot download
https://docs.python.org/3/objects.inv. This script introspects the standard-library modules
our docstrings refer to and writes an inventory whose targets follow docs.python.org's anchor
scheme (``library/<module>.html#<module>.<name>``), so links still resolve to the real pages.
Run it again when a new stdlib module is referenced::

    python docs/_ext/make_python_inventory.py
"""

from __future__ import annotations

import importlib
import inspect
import zlib
from pathlib import Path

MODULES = {
    "datetime": "datetime",
    "enum": "enum",
    "collections.abc": "collections.abc",
    "typing": "typing",
    "pathlib": "pathlib",
    "os": "os",
    "csv": "csv",
    "json": "json",
    "argparse": "argparse",
    "io": "io",
    "decimal": "decimal",
    "concurrent.futures": "concurrent.futures",
    "importlib.metadata": "importlib.metadata",
    "tomllib": "tomllib",
    "random": "random",
}
BUILTINS = [
    "str",
    "int",
    "float",
    "bool",
    "bytes",
    "dict",
    "list",
    "tuple",
    "set",
    "frozenset",
    "object",
    "type",
    "range",
    "Exception",
    "ValueError",
    "TypeError",
    "KeyError",
    "LookupError",
    "OverflowError",
    "NotImplementedError",
    "ImportError",
    "OSError",
]


def entries() -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for name in BUILTINS:
        role = "py:exception" if name.endswith(("Error", "Exception")) else "py:class"
        page = (
            "exceptions"
            if role == "py:exception"
            else "stdtypes"
            if name not in ("object", "type", "range")
            else "functions"
        )
        out.append((name, role, f"library/{page}.html#{name}"))
    out.append(("None", "py:data", "library/constants.html#None"))
    for module, page in MODULES.items():
        out.append((module, "py:module", f"library/{page}.html#module-{module}"))
        mod = importlib.import_module(module)
        for attr in sorted(getattr(mod, "__all__", dir(mod))):
            if attr.startswith("_"):
                continue
            obj = getattr(mod, attr, None)
            if inspect.isclass(obj):
                role = "py:exception" if issubclass(obj, BaseException) else "py:class"
            elif inspect.isfunction(obj) or inspect.isbuiltin(obj):
                role = "py:function"
            else:
                role = "py:data"
            full = f"{module}.{attr}"
            out.append((full, role, f"library/{page}.html#{full}"))
    return out


def main() -> None:
    header = (
        b"# Sphinx inventory version 2\n"
        b"# Project: Python\n"
        b"# Version: 3\n"
        b"# The remainder of this file is compressed using zlib.\n"
    )
    body = "".join(f"{name} {role} 1 {uri} -\n" for name, role, uri in entries()).encode()
    target = Path(__file__).resolve().parent.parent / "_inventories" / "python.inv"
    target.write_bytes(header + zlib.compress(body))
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
