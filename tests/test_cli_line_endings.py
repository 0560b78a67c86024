"""Line endings on standard output, as Windows writes them.

Windows' standard output turns each "\\n" written into "\\r\\n". The findings CSV ends its lines
with "\\r\\n" (RFC 4180) itself, so without care each row became "\\r\\r\\n": a blank line after
every row when ``corparent check --format csv > findings.csv`` is opened in a spreadsheet.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from corparent.cli import main

BUNDLED = Path(__file__).parent.parent / "examples" / "data" / "ssda903"


def windows_stdout(monkeypatch: pytest.MonkeyPatch) -> io.BytesIO:
    """Standard output translating "\\n" to "\\r\\n" on write, as on Windows; its bytes."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", newline="\r\n", write_through=True)
    monkeypatch.setattr(sys, "stdout", stream)
    return raw


def test_findings_csv_on_windows_stdout_has_one_crlf_per_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = windows_stdout(monkeypatch)
    args = [str(BUNDLED), "--as-of", "2024-03-31", "--format", "csv", "--fail-on", "never"]
    assert main(["check", *args]) == 0
    data = raw.getvalue()
    assert b"\r\r\n" not in data
    lines = data.split(b"\r\n")
    assert lines[0].startswith(b"child_id,")
    assert lines[-1] == b""  # the last line ends with CRLF too
    assert len(lines) > 10
    assert all(b"\n" not in line and b"\r" not in line for line in lines)


def test_the_same_csv_to_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = windows_stdout(monkeypatch)
    target = tmp_path / "findings.csv"
    args = [str(BUNDLED), "--as-of", "2024-03-31", "--format", "csv", "--fail-on", "never"]
    assert main(["check", *args]) == 0
    assert main(["check", *args, "-o", str(target)]) == 0
    assert target.read_bytes() == raw.getvalue()
