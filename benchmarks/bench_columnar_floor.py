"""How fast could a column-wise main job be? A measured floor, not the product.

Issue 15 asks the main job (``corparent check`` on a 903 return, default duties) to come within
5x of reading the files with the csv module. Today the job builds one record per child; this
script times the column-wise pipeline a future main job would need, on a clean synthetic return:

* the files split into fields with numpy (no Python string per cell), dates and codes parsed
  column by column, children matched by packed ids;
* the batch engine (:func:`corparent.batch.review_obligations`) on columns filled straight from
  the files, no :class:`~corparent.model.CaseRecord` built;
* the compliance findings (overdue, met late, missed, due soon) and the UPN completeness
  finding made only for flagged rows, and the findings CSV written.

It leaves out what the real job must also do (validating every value of every table with the
reader's own rules, record integrity, the other completeness checks, the load's accounting), so
its time is a floor. To show it computes the right thing, it compares its findings with the
main job's findings of the same checks on the same files: they must be equal. It refuses a
return the object loader reports any problem for (the prototype does not validate).

    python benchmarks/bench_columnar_floor.py                 # 100,000 children
    python benchmarks/bench_columnar_floor.py --sizes 20000

Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fnmatch
import gc
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from _child import run_child
from bench_main_job import AS_OF, child_parse, write_return

Bytes = npt.NDArray[np.uint8]
Ints = npt.NDArray[np.int64]
_NONE = (None, None, None, None)  # duty, due, days overdue, citation
_NO_UPN = "no UPN recorded; record the UPN or an UN1-UN5 reason code"
_CHECKS = (
    "builtin.compliance.overdue",
    "builtin.compliance.met_late",
    "builtin.compliance.missed",
    "builtin.compliance.due_soon",
    "builtin.completeness.upn",
)


def _table(folder: Path, name: str) -> tuple[Bytes, list[str], Ints, Ints]:
    """The file's bytes after the header, its columns, and each field's start and length
    (rows x columns), from the positions of its commas and line ends."""
    data = (folder / f"{name}.csv").read_bytes().replace(b"\r\n", b"\n")
    nl = data.index(b"\n")
    head = data[:nl].decode("ascii").strip().split(",")
    width = len(head)
    body = np.frombuffer(data, np.uint8)[nl + 1 :]
    if b'"' in data or b"\r" in data:
        raise SystemExit(f"{name}.csv holds quotes or a lone CR: the prototype needs plain files")
    sep = np.flatnonzero((body == 44) | (body == 10))
    rows = len(sep) // width
    ends = sep.reshape(rows, width)
    if len(sep) != rows * width or not (body[ends[:, -1]] == 10).all():
        raise SystemExit(f"{name}.csv has rows of another width: the prototype needs plain files")
    starts = np.empty_like(ends)
    starts[:, 0] = np.concatenate(([0], ends[:-1, -1] + 1))
    starts[:, 1:] = ends[:, :-1] + 1
    return body, head, starts, ends - starts


def _gather(body: Bytes, start: Ints, length: Ints, width: int) -> Bytes:
    index = start[:, None] + np.arange(width)
    np.minimum(index, len(body) - 1, out=index)
    cells = body[index]
    cells[np.arange(width) >= length[:, None]] = 0
    return cells


def _days(body: Bytes, start: Ints, length: Ints, never: int) -> Ints:
    """dd/mm/YYYY fields as day numbers (``never`` where empty)."""
    g = _gather(body, start, length, 10).astype(np.int32) - 48
    day = g[:, 0] * 10 + g[:, 1]
    month = g[:, 3] * 10 + g[:, 4]
    year = g[:, 6] * 1000 + g[:, 7] * 100 + g[:, 8] * 10 + g[:, 9]
    months = (year - 1970).astype("datetime64[Y]").astype("datetime64[M]") + (month - 1)
    days = (months.astype("datetime64[D]") + (day - 1)).astype(np.int64)
    return np.where(length == 10, days, never)


def _keys(body: Bytes, start: Ints, length: Ints) -> npt.NDArray[np.uint64]:
    """Fields of up to 8 bytes packed into one integer each, big-endian so that integers sort as the
    text does (ids, codes)."""
    return np.ascontiguousarray(_gather(body, start, length, 8)).view(">u8").ravel()


def _packed(code: str) -> int:
    return int.from_bytes(code.encode("ascii").ljust(8, b"\0"), "big")


def _flags(body: Bytes, start: Ints, length: Ints, codes: Any, table: dict[int, int]) -> Ints:
    unique, inverse = np.unique(_keys(body, start, length), return_inverse=True)
    by_key = {_packed(m.value): table[id(m)] for m in codes}
    by_key[0] = table.get(id(None), 0)
    return np.array([by_key[int(k)] for k in unique], np.int64)[inverse]


def child_columnar(folder: Path) -> dict[str, Any]:
    """The column-wise pipeline, timed step by step; its findings saved for comparison."""
    gc.disable()
    from corparent.batch import Columns, review_obligations
    from corparent.batch._columns import _LS_FLAGS, _PLACE_FLAGS, _REC_FLAGS, _RNE_FLAGS
    from corparent.batch._dates import NEVER, to_day
    from corparent.checks import default
    from corparent.checks._finding import _made
    from corparent.checks._runner import _VECTOR_KINDS, _vector_findings
    from corparent.codes import LegalStatus, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode
    from corparent.io.findings import write_csv
    from corparent.law import ENGLAND
    from corparent.schedule import rules_for_duties

    steps: dict[str, float] = {}
    t = t0 = time.perf_counter()

    def step(name: str) -> None:
        nonlocal t
        now = time.perf_counter()
        steps[name] = now - t
        t = now

    hb, hh, hs, hl = _table(folder, "header")
    eb, eh, es, el = _table(folder, "episodes")
    rb, rh, rs, rl = _table(folder, "reviews")
    step("read and split")
    if int(hl[:, 0].max(initial=0)) > 8:
        raise SystemExit("child ids longer than 8 characters: the prototype packs them in 8 bytes")
    header_keys = _keys(hb, hs[:, 0], hl[:, 0])
    order = np.argsort(header_keys, kind="stable")
    sorted_keys = header_keys[order]
    rank = np.empty(len(order), np.int64)
    rank[order] = np.arange(len(order))

    def owner(body: Bytes, start: Ints, length: Ints) -> Ints:
        return rank[order[np.searchsorted(sorted_keys, _keys(body, start[:, 0], length[:, 0]))]]

    ep_child, rv_child = owner(eb, es, el), owner(rb, rs, rl)
    step("children")
    never = int(NEVER)
    col = eh.index
    ep_start = _days(eb, es[:, col("DECOM")], el[:, col("DECOM")], never)
    ep_end = _days(eb, es[:, col("DEC")], el[:, col("DEC")], never)
    rv_date = _days(rb, rs[:, rh.index("REVIEW")], rl[:, rh.index("REVIEW")], never)
    step("dates")
    flags = (
        _flags(eb, es[:, col("LS")], el[:, col("LS")], LegalStatus, _LS_FLAGS)
        | _flags(eb, es[:, col("PLACE")], el[:, col("PLACE")], PlacementType, _PLACE_FLAGS)
        | _flags(eb, es[:, col("RNE")], el[:, col("RNE")], ReasonNewEpisode, _RNE_FLAGS)
        | _flags(eb, es[:, col("REC")], el[:, col("REC")], ReasonEpisodeCeased, _REC_FLAGS)
    )
    step("codes")
    n = len(order)
    ep_order = np.lexsort((ep_start, ep_child))
    rv_order = np.lexsort((rv_date, rv_child))
    ids = [
        hb[s : s + k].tobytes().decode("ascii")
        for s, k in zip(hs[order, 0].tolist(), hl[order, 0].tolist(), strict=True)
    ]
    year_start = to_day(dt.date(AS_OF.year - 1, 4, 1))
    columns = Columns(
        child_ids=tuple(ids),
        ep_offsets=np.searchsorted(ep_child[ep_order], np.arange(n + 1)).astype(np.int64),
        ep_start=ep_start[ep_order],
        ep_end=ep_end[ep_order],
        ep_flags=flags[ep_order],
        rv_offsets=np.searchsorted(rv_child[rv_order], np.arange(n + 1)).astype(np.int64),
        rv_date=rv_date[rv_order],
        sb_offsets=np.zeros(n + 1, np.int64),
        sb_start=np.zeros(0, np.int64),
        sb_end=np.zeros(0, np.int64),
        rv_window_start=np.full(n, year_start, np.int64),
        rv_window_end=np.full(n, to_day(AS_OF), np.int64),
        episodes_complete=np.zeros(n, np.bool_),
        batchable=np.ones(n, np.bool_),
    )
    step("columns")
    reviews = [d.id for d in ENGLAND if fnmatch.fnmatchcase(d.id, "review_*")]
    table = review_obligations(columns, AS_OF, rules=rules_for_duties(ENGLAND, reviews))
    step("batch engine")
    specs = {s.id: s for s in default()}
    per_check = []
    for check_id in _CHECKS[:4]:
        spec = specs[check_id]
        per_check.append(_vector_findings(_VECTOR_KINDS[spec.func], spec, table))
    upn = specs["builtin.completeness.upn"]
    in_year = np.zeros(n, np.bool_)
    in_year[ep_child[(ep_start <= to_day(AS_OF)) & (ep_end >= year_start)]] = True
    no_upn = np.zeros(n, np.bool_)
    no_upn[rank] = hl[:, hh.index("UPN")] == 0
    upn_made = [
        _made(upn.id, upn.severity, ids[i], _NO_UPN, *_NONE, upn.principles, None, "upn_missing")
        for i in np.flatnonzero(no_upn & in_year).tolist()
    ]
    step("findings")
    # record by record, the checks in their order, as the runner gives them
    findings = []
    cursor = [0] * len(per_check)
    upn_at = 0
    for record in range(n):
        for j, (made, offsets) in enumerate(per_check):
            stop = int(offsets[record + 1])
            findings.extend(made[cursor[j] : stop])
            cursor[j] = stop
        while upn_at < len(upn_made) and upn_made[upn_at].child_id == ids[record]:
            findings.append(upn_made[upn_at])
            upn_at += 1
    step("record order")
    out = folder.parent / f"{folder.name}-columnar.csv"
    write_csv(findings, out)
    step("CSV")
    return {"seconds": time.perf_counter() - t0, "steps": steps, "findings": len(findings)}


def child_reference(folder: Path) -> dict[str, Any]:
    """The main job's findings of the same checks on the same files, as CSV text."""
    from corparent.checks import default, run_checks
    from corparent.io.findings import write_csv
    from corparent.io.ssda903 import load
    from corparent.law import ENGLAND
    from corparent.schedule import rules_for_duties

    loaded = load(folder)
    if loaded.problems:
        raise SystemExit("the return has load problems: the prototype does not validate")
    reviews = [d.id for d in ENGLAND if fnmatch.fnmatchcase(d.id, "review_*")]
    checks = default().select(*_CHECKS)
    result = run_checks(
        loaded.caseload, AS_OF, checks=checks, rules=rules_for_duties(ENGLAND, reviews)
    )
    write_csv(result, folder.parent / f"{folder.name}-reference.csv")
    return {"findings": len(result.findings)}


def in_child(kind: str, folder: Path) -> dict[str, Any]:
    return run_child(__file__, kind, str(folder))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, folder = args.child
        runs = {"parse": child_parse, "columnar": child_columnar, "reference": child_reference}
        print(json.dumps(runs[kind](Path(folder))))
        return
    with tempfile.TemporaryDirectory(prefix="corparent-floor-") as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"return-{n}"
            folder.mkdir()
            write_return(folder, n)
            parse = in_child("parse", folder)
            columnar = in_child("columnar", folder)
            reference = in_child("reference", folder)
            same = (Path(tmp) / f"return-{n}-columnar.csv").read_text() == (
                Path(tmp) / f"return-{n}-reference.csv"
            ).read_text()
            steps = ", ".join(f"{k} {v:.2f}" for k, v in columnar["steps"].items())
            ratio = columnar["seconds"] / parse["seconds"]
            print(
                f"{n:,} children: parse only (csv.reader) {parse['seconds']:.2f} s; column-wise "
                f"floor {columnar['seconds']:.2f} s = {ratio:.1f}x "
                f"parse ({steps})\n  {columnar['findings']:,} findings; the same CSV as the main "
                f"job's for these checks ({reference['findings']:,} findings): {same}",
                flush=True,
            )


if __name__ == "__main__":
    main()
