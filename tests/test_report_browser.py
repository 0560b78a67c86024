"""Render the panel report in headless Chromium: a real screenshot, not blank; key sections in
the DOM. Skipped where Chromium is not installed (CI installs Debian's package first)."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from corparent.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SAMPLE = str(Path(__file__).parent.parent / "examples" / "data" / "ssda903")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed"),
]


def _png_distinct_rows(path: Path) -> int:
    """How many distinct scanlines the PNG has (1 for a blank page)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, depth, colour = 8, b"", 0, 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    channels = {2: 3, 6: 4, 0: 1, 4: 2}.get(colour, 4)
    stride = 1 + width * channels * depth // 8
    return len({raw[i * stride + 1 : (i + 1) * stride] for i in range(height)})


def test_report_renders_in_chromium(tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    assert (
        main(
            [
                "report",
                SAMPLE,
                "--as-of",
                "2024-03-31",
                "--pledge",
                "bath-and-north-east-somerset",
                "-o",
                str(html),
            ]
        )
        == 0
    )
    assert CHROMIUM is not None
    shot = tmp_path / "report.png"
    profile = tmp_path / "profile"
    subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={shot}",
            "--window-size=1280,2000",
            html.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert shot.stat().st_size > 20_000
    assert _png_distinct_rows(shot) > 50
    dom = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", html.as_uri()],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    for section in (
        "timeliness",
        "overdue",
        "national-measures",
        "care-leavers",
        "pledge-coverage",
    ):
        assert f'id="{section}"' in dom
    assert "<svg" in dom
