"""Sphinx directives that render the command line's own ``--help`` text and version.

Usage in a page (MyST)::

    ```{cli-help} check
    ```

    ```{cli-help}
    ```

    ```{cli-version}
    ```

The text comes from ``corparent.cli.build_parser()`` at docs build time, so the reference
cannot drift from the options the command accepts.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive

_WIDTH = "100"


def help_text(command: str = "") -> str:
    """``corparent [COMMAND] --help``, formatted 100 columns wide."""
    from corparent.cli import build_parser

    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = _WIDTH
    try:
        parser = build_parser()
        if command:
            actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
            parser = actions[0].choices[command]
        return parser.format_help()
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous


class CliHelp(Directive):
    """``cli-help [COMMAND]``: the command's ``--help`` as a console block."""

    has_content = False
    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        command = self.arguments[0] if self.arguments else ""
        prompt = f"$ corparent {command} --help".replace("  ", " ")
        text = f"{prompt}\n{help_text(command).rstrip()}"
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]


class CliVersion(Directive):
    """``cli-version``: ``corparent --version`` as installed when the docs were built."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from corparent.cli._common import version_text

        text = f"$ corparent --version\n{version_text()}"
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("cli-help", CliHelp)
    app.add_directive("cli-version", CliVersion)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
