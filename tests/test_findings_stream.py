"""Findings written as they are produced: the streamed CSV and JSON equal the whole-text forms."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from corparent import synth
from corparent.checks import Finding, Severity, run_checks
from corparent.io.findings import (
    read_json,
    result_to_dict,
    to_csv,
    to_json,
    write_csv,
    write_json,
)

AS_OF = dt.date(2024, 3, 31)


def _whole_json(doc: dict[str, object]) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def test_streamed_json_is_byte_for_byte_the_whole_document(tmp_path: Path) -> None:
    result = run_checks(synth.generate(60, seed=4).records, AS_OF, workers=1)
    assert result.findings
    text = to_json(result, load={"children": 60})
    assert text == _whole_json({**result_to_dict(result), "load": {"children": 60}})
    buffer = io.StringIO()
    write_json(result, buffer, load={"children": 60})
    assert buffer.getvalue() == text
    write_json(result, tmp_path / "f.json", load={"children": 60})
    assert (tmp_path / "f.json").read_text(encoding="utf-8") == text
    assert read_json(tmp_path / "f.json") == result.findings


def test_streamed_json_of_bare_and_empty_findings() -> None:
    odd = Finding(
        check_id="test.odd",
        severity=Severity.INFO,
        child_id="C1",
        message='a "quoted" line\nand a second, with \x00 and é',
        due=AS_OF,
    )
    assert to_json([odd]) == _whole_json({"findings": [json.loads(to_json([odd]))["findings"][0]]})
    assert json.loads(to_json([odd]))["findings"][0]["message"] == odd.message
    assert to_json([]) == _whole_json({"findings": []})
    empty = run_checks([], AS_OF, workers=1)
    assert to_json(empty) == _whole_json(result_to_dict(empty))


def test_streamed_csv_equals_the_whole_text(tmp_path: Path) -> None:
    result = run_checks(synth.generate(40, seed=5).records, AS_OF, workers=1)
    buffer = io.StringIO()
    write_csv(result, buffer)
    assert buffer.getvalue() == to_csv(result)
    write_csv(iter(result.findings), tmp_path / "f.csv")  # a generator: written as produced
    assert (tmp_path / "f.csv").read_bytes().decode("utf-8") == to_csv(result)
