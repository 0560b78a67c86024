"""Byte-level corruption of real-shaped returns: the reader's invariants hold whatever the bytes.

For any corruption (quotes, commas, line breaks, NULs, stray bytes, deletions, truncation,
duplicated lines, re-encoding as UTF-16 or Windows-1252, a missing header line):

- every physical line of every file is accounted for, table by table;
- nothing but the ``CorparentError`` family is raised;
- no date of birth or UPN from the input appears in any output (problems, notes, summary,
  reprs).

Run as a script for a seeded campaign that reports inputs tried and defects found::

    python tests/test_reader_corruption.py --inputs 3000 --seed 1
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corparent import synth
from corparent.errors import CorparentError
from corparent.io.ssda903 import LoadResult, load

TABLES = ("header.csv", "episodes.csv", "reviews.csv", "uasc.csv", "oc2.csv", "oc3.csv")


def make_return(folder: Path, n: int = 15, seed: int = 7) -> Path:
    """A real-shaped return (cut from a synthetic history), with a UPN for every child."""
    hidden = synth.history(n, seed=seed, previous=0, casework=False)
    synth.write_return(hidden, folder, synth.DEFAULT_AS_OF)
    header = folder / "header.csv"
    lines = header.read_text().splitlines()
    out = [lines[0]]
    for i, line in enumerate(lines[1:]):
        cells = line.split(",")
        if not cells[4]:
            cells[4] = f"B{i:012d}"
        out.append(",".join(cells))
    header.write_text("\r\n".join(out) + "\r\n")
    return folder


def secrets(folder: Path) -> set[str]:
    """Every date of birth and UPN in the return's header."""
    found: set[str] = set()
    for line in (folder / "header.csv").read_text().splitlines()[1:]:
        cells = line.split(",")
        found.update(v for v in (cells[2], cells[4]) if v)
    return found


Mutation = Callable[[bytes, random.Random], bytes]


def _insert(byte: bytes) -> Mutation:
    def mutate(data: bytes, rng: random.Random) -> bytes:
        p = rng.randrange(len(data) + 1)
        return data[:p] + byte + data[p:]

    return mutate


def _delete(data: bytes, rng: random.Random) -> bytes:
    p = rng.randrange(len(data) + 1)
    return data[:p] + data[p + rng.randint(1, 12) :]


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _duplicate_line(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    i = rng.randrange(len(lines))
    lines.insert(i, lines[i])
    return b"\n".join(lines)


def _drop_header(data: bytes, rng: random.Random) -> bytes:
    return data.split(b"\n", 1)[-1]


def _swap(data: bytes, rng: random.Random) -> bytes:
    if len(data) < 2:
        return data
    i, j = rng.randrange(len(data)), rng.randrange(len(data))
    b = bytearray(data)
    b[i], b[j] = b[j], b[i]
    return bytes(b)


def _random_bytes(data: bytes, rng: random.Random) -> bytes:
    p = rng.randrange(len(data) + 1)
    return data[:p] + rng.randbytes(rng.randint(1, 8)) + data[p:]


def _utf16(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    return text.encode("utf-16" if rng.random() < 0.5 else "utf-16-le")


def _long_field(data: bytes, rng: random.Random) -> bytes:
    p = rng.randrange(len(data) + 1)
    return data[:p] + b"X" * rng.choice([300, 140_000]) + data[p:]


MUTATIONS: dict[str, Mutation] = {
    "quote": _insert(b'"'),
    "comma": _insert(b","),
    "newline": _insert(b"\n"),
    "cr": _insert(b"\r"),
    "nul": _insert(b"\x00"),
    "cp1252": _insert(b"\xe9"),
    "bad-utf8": _insert(b"\xff\xfe"),
    "space": _insert(b" "),
    "delete": _delete,
    "truncate": _truncate,
    "duplicate-line": _duplicate_line,
    "drop-header": _drop_header,
    "swap": _swap,
    "random-bytes": _random_bytes,
    "utf16": _utf16,
    "long-field": _long_field,
}


def corrupt(folder: Path, rng: random.Random, count: int) -> list[str]:
    """Apply ``count`` random mutations to the return's files; the names of those applied."""
    applied = []
    for _ in range(count):
        name = rng.choice(TABLES)
        kind = rng.choice(sorted(MUTATIONS))
        path = folder / name
        path.write_bytes(MUTATIONS[kind](path.read_bytes(), rng))
        applied.append(f"{kind}:{name}")
    return applied


def physical_lines(path: Path) -> int:
    """The file's lines counted independently of the reader (UTF-16 decoded first)."""
    data = path.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (b"\x00" in data[:4096] and _utf16ish(data)):
        codec = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else _utf16_codec(data)
        data = data.decode(codec, errors="replace").encode("utf-8", errors="surrogatepass")
    return len(data.splitlines())


def _utf16ish(data: bytes) -> bool:
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    return bool(odd) and (
        (odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even))
        or (even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd))
    )


def _utf16_codec(data: bytes) -> str:
    odd = data[:4096][1::2]
    return "utf-16-le" if odd.count(0) >= 0.9 * len(odd) else "utf-16-be"


def outputs(result: LoadResult) -> str:
    """Everything a user could see of a load."""
    parts = [repr(result), result.stats.summary()]
    for p in result.problems + result.notes:
        parts += [p.describe(), repr(p)]
    return "\n".join(parts)


def defects(folder: Path, hidden: set[str]) -> list[str]:
    """Every invariant the load of ``folder`` breaks (empty: none)."""
    try:
        result = load(folder)
    except CorparentError:
        return []
    except Exception as exc:  # the defect being looked for
        return [f"raised {type(exc).__name__}"]
    found = []
    if not result.stats.accounted:
        found.append("not accounted")
    expected = sum(physical_lines(p) for p in folder.glob("*.csv"))
    seen = sum(t.lines for t in result.stats.tables.values())
    if seen != expected:
        found.append(f"lines {seen} != {expected}")
    text = outputs(result)
    leaked = sorted(v for v in hidden if v in text)
    if leaked:
        found.append(f"leaked {len(leaked)} value(s)")
    return found


_BASE: list[Path] = []


def _base() -> Path:
    if not _BASE:
        _BASE.append(make_return(Path(tempfile.mkdtemp(prefix="corparent-corrupt-")) / "base"))
    return _BASE[0]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), count=st.integers(1, 6))
def test_any_corruption_keeps_the_invariants(seed: int, count: int) -> None:
    base = _base()
    hidden = secrets(base)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "r"
        shutil.copytree(base, folder)
        applied = corrupt(folder, random.Random(seed), count)
        assert defects(folder, hidden) == [], applied


def campaign(inputs: int, seed: int) -> int:
    """Run ``inputs`` corrupted returns; print what was tried and every defect found."""
    work = Path(tempfile.mkdtemp(prefix="corparent-campaign-"))
    try:
        base = make_return(work / "base")
        hidden = secrets(base)
        rng = random.Random(seed)
        kinds: Counter[str] = Counter()
        failures: Counter[str] = Counter()
        examples: dict[str, list[str]] = {}
        t0 = time.perf_counter()
        for i in range(inputs):
            folder = work / f"i{i}"
            shutil.copytree(base, folder)
            applied = corrupt(folder, rng, rng.randint(1, 6))
            kinds.update(a.split(":")[0] for a in applied)
            for defect in defects(folder, hidden):
                key = defect.split(" ")[0] + " " + defect.split(" ")[1]
                failures[key] += 1
                examples.setdefault(key, applied)
            shutil.rmtree(folder)
        seconds = time.perf_counter() - t0
        print(f"corruption campaign: {inputs} inputs (seed {seed}) in {seconds:.0f} s")
        print("mutations applied: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
        if not failures:
            print("defects: none (every line accounted for, only CorparentError, nothing leaked)")
        for key, n in failures.most_common():
            print(f"DEFECT {key}: {n} input(s), e.g. {examples[key]}")
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Corrupt real-shaped 903 returns at random.")
    parser.add_argument("--inputs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    sys.exit(campaign(arguments.inputs, arguments.seed))
