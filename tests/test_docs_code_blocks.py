"""Every Python code block in README.md and docs/**/*.md runs when copied.

Each page is one standalone script: its ``python`` blocks and its ``{doctest}`` / ``pycon``
blocks run in order, in one fresh namespace with nothing imported beforehand (no Sphinx
``doctest_global_setup``), from a scratch folder where ``examples/`` is the repository's (the
docs tell readers to work from a clone). A block that is deliberately not runnable (a fragment
of a larger example, a test file that needs its own fixtures) is marked on the line before its
opening fence with ``<!-- docs-test: skip (why) -->``; the marker is invisible in the rendered
page. ``bash``, ``console``, ``toml`` and ``text`` blocks are never run.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted(
    [ROOT / "README.md", *(p for p in (ROOT / "docs").rglob("*.md") if "_build" not in p.parts)]
)
SKIP = re.compile(r"^\s*<!--\s*docs-test:\s*skip\b.*-->\s*$")
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
PYTHON = {"python", "py", "python3"}
DOCTEST = {"{doctest}", "pycon"}
FLAGS = doctest.ELLIPSIS | doctest.IGNORE_EXCEPTION_DETAIL | doctest.DONT_ACCEPT_TRUE_FOR_1


@attrs.frozen
class Block:
    """One fenced code block: its kind, first line number and text (indent removed)."""

    kind: str
    line: int
    text: str


def blocks(page: Path) -> list[Block]:
    """The runnable blocks of ``page``, in order (skipped blocks left out)."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if match is None:
            i += 1
            continue
        indent, fence = match["indent"], match["fence"]
        info = match["info"].strip().split()[0] if match["info"].strip() else ""
        body: list[str] = []
        j = i + 1
        while j < len(lines):
            close = FENCE.match(lines[j])
            if (
                close is not None
                and close["fence"][0] == fence[0]
                and len(close["fence"]) >= len(fence)
                and not close["info"].strip()
            ):
                break
            body.append(lines[j][len(indent) :] if lines[j].startswith(indent) else lines[j])
            j += 1
        previous = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].strip()), "")
        kind = "python" if info in PYTHON else "doctest" if info in DOCTEST else ""
        # MyST directive options (":options: +SKIP") at the top of a doctest block.
        while kind == "doctest" and body and body[0].lstrip().startswith(":"):
            body.pop(0)
        if kind and not SKIP.match(previous):
            found.append(Block(kind=kind, line=i + 1, text="\n".join(body) + "\n"))
        i = j + 1
    return found


RUNNABLE = [page for page in PAGES if blocks(page)]


def test_pages_are_found() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in RUNNABLE}
    assert "README.md" in names
    assert "docs/tutorial/1-record.md" in names
    assert "docs/howto/custom-check.md" in names


def test_the_parser_honours_the_skip_marker(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "text\n\n```python\nx = 1\n```\n\n<!-- docs-test: skip (a fragment) -->\n"
        "```python\nundefined_name\n```\n\n- item\n\n  ```python\n  y = x + 1\n  ```\n"
        "````{doctest}\n>>> x\n1\n````\n```bash\nexit 1\n```\n",
        encoding="utf-8",
    )
    found = blocks(page)
    assert [(b.kind, b.text) for b in found] == [
        ("python", "x = 1\n"),
        ("python", "y = x + 1\n"),
        ("doctest", ">>> x\n1\n"),
    ]


def run_page(page: Path) -> None:
    """Run the page's blocks in order in one fresh namespace; fail naming page and line."""
    namespace: dict[str, object] = {"__name__": "__main__"}
    parser = doctest.DocTestParser()
    name = page.relative_to(ROOT).as_posix()
    for block in blocks(page):
        where = f"{name}:{block.line}"
        if block.kind == "python":
            code = compile(block.text, where, "exec")
            exec(code, namespace)
            continue
        test = parser.get_doctest(block.text, namespace, where, str(page), block.line)
        runner = doctest.DocTestRunner(optionflags=FLAGS)
        report: list[str] = []
        runner.run(test, out=report.append, clear_globs=False)
        namespace.update(test.globs)  # DocTest copies its globals: carry them to the next block
        assert runner.failures == 0, f"{where}\n" + "".join(report)


@pytest.mark.parametrize("page", RUNNABLE, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_page_runs_as_a_standalone_script(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    run_page(page)
