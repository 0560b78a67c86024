"""Architecture rules that import-linter cannot express (design.md §2)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import corparent

SRC = Path(corparent.__file__).parent
MODULES = sorted(p for p in SRC.rglob("*.py") if p.name != "__init__.py" or p.parent != SRC)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_imports_the_package_root(path: Path) -> None:
    """``import corparent`` inside the package creates cycles (the OpenFisca trap)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
            assert "corparent" not in names, f"{path}: import corparent"
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            assert node.module != "corparent", f"{path}: from corparent import ..."


def test_every_public_name_exists() -> None:
    for name in corparent.__all__:
        assert hasattr(corparent, name), name
    assert len(set(corparent.__all__)) == len(corparent.__all__)


def test_import_corparent_stays_light() -> None:
    """Heavy optional dependencies are imported only when their feature is used."""
    import subprocess
    import sys

    code = (
        "import sys, corparent; "
        "heavy = [m for m in ('matplotlib', 'jinja2', 'hypothesis') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_py_typed_marker_ships() -> None:
    assert (SRC / "py.typed").exists()
    importlib.import_module("corparent.dates")
