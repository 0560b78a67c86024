"""Sphinx configuration for corparent's documentation (built with ``-W -n`` in CI)."""

from __future__ import annotations

import sys
from importlib.metadata import version as _version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "corparent"
author = "corparent developers"
copyright = "2026, corparent developers"
release = _version("corparent")
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "myst_parser",
    "duty_table",
    "pledge_table",
    "legal_cases",
    "evidence_table",
    "cli_help",
    "public_paths",
    "nations_table",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

nitpicky = True
nitpick_ignore_regex = [
    # Type-hint targets that have no documentation page of their own.
    (r"py:.*", r"(attrs|attr|cattrs|holidays|dateutil|hypothesis|jinja2|matplotlib|numpy)\..*"),
    (r"py:.*", r"corparent\..*\._.*"),
    (r"py:class", r"(datetime\.|dt\.)?date"),
    (r"py:class", r"T|_T|E|_E|Self|NoneType|optional"),
    (r"py:class", r"collections\.abc\..*"),
    (r"py:class", r"typing\..*"),
    (r"py:class", r"argparse\._SubParsersAction.*"),
    (r"py:class", r"(os\.)?PathLike.*|StrPath"),
    # SQLAlchemy and pathlib types in signatures (no inventory bundled for SQLAlchemy).
    (r"py:class", r"(sa\.|sqlalchemy\..*)?Engine|(pathlib\.)?Path"),
]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_default_options = {"members": True, "show-inheritance": True}
# Defaults as values (``end=None``), not as attrs' generated ``attr_dict['end'].default``.
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
# Render "Attributes:" sections as fields, so attrs classes are not documented twice.
napoleon_use_ivar = True

intersphinx_mapping = {"python": ("https://docs.python.org/3", None)}
# CI has no network beyond package registries: use a bundled inventory when present.
_inv = Path(__file__).parent / "_inventories" / "python.inv"
if _inv.exists():
    intersphinx_mapping = {"python": ("https://docs.python.org/3", str(_inv))}

html_theme = "furo"
html_title = f"corparent {release}"
html_static_path = ["_static"]

# `sphinx-build -b doctest` runs the {doctest} blocks of the narrative pages (tutorial, how-tos);
# docstring examples are run by pytest's --doctest-modules, with their modules' globals.
# There is deliberately no doctest_global_setup: every page imports what it uses, so a copied
# example runs (tests/test_docs_code_blocks.py runs each page as a standalone script). Run
# sphinx-build from the repository root: examples read the bundled data by relative path.
doctest_test_doctest_blocks = ""
