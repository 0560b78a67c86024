"""Regenerate the bundled synthetic SSDA903 returns in ``examples/data``.

A council's returns as the DfE collects them, cut by ``corparent.synth`` from a hidden history
with a fixed seed (no real child is described):

- ``ssda903/``: the return for the year ending 31 March 2024 (2023/24): 240 children looked
  after during the year or followed as care leavers;
- ``ssda903-previous/2023/`` and ``ssda903-previous/2022/``: the two previous returns (years
  ending 31 March 2023 and 2022), each cut for its own year;
- ``ssda903-messy/``: the first 20 children of this year's return as a careless export leaves
  them (byte-order mark, mixed-case headers, Windows line ends, blank rows, an extra column,
  an impossible date, unknown codes, a child missing from the header).

A test checks that the committed files equal a fresh generation, so any change to the
generator shows up as a diff here.

    python examples/generate_sample.py [data-folder]
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter
from pathlib import Path

from corparent.synth import DEFAULT_AS_OF, History, history, write_return

SAMPLE_CHILDREN = 240
SAMPLE_SEED = 903
PREVIOUS_YEARS = 2
MESSY_CHILDREN = 20


def _rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def _text(rows: list[list[str]], newline: str = "\n") -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerows(rows)
    return out.getvalue()


def write_messy(sample: Path, folder: Path) -> None:
    """A messy copy of the first children of ``sample``: what loaders must survive."""
    folder.mkdir(parents=True, exist_ok=True)
    header = _rows(sample / "header.csv")
    keep = {row[0] for row in header[1 : MESSY_CHILDREN + 1]}
    header = [["child", "Sex", "dob", "Ethnic", "upn", "Mother", "mc_dob"]] + [
        row for row in header[1:] if row[0] in keep
    ]
    dob = header[5][2].split("/")
    header[5][2] = f"31/02/{dob[2]}"  # an impossible date of birth
    body = _text(header, "\r\n") + "\r\n,,\r\n"  # two blank rows at the end
    (folder / "Header.csv").write_text("\ufeff" + body, encoding="utf-8", newline="")
    episodes = _rows(sample / "episodes.csv")
    episodes = [[*episodes[0], "NOTES"]] + [[*r, ""] for r in episodes[1:] if r[0] in keep]
    # two children with one episode each on lines 3 and 4 (rows that fail leave no gap)
    counts = Counter(row[0] for row in episodes[1:])
    single = [row for row in episodes[2:] if counts[row[0]] == 1][:2]
    episodes = [row for row in episodes if row not in single]
    episodes[2:2] = single
    episodes[2][3] = "C9"  # an unknown legal status
    episodes[3][1] = "2023-13-01"  # an impossible start date
    episodes.append(["C9999", "01/04/2023", "S", "C2", "N1", "U4", "PR1", *[""] * 7])
    (folder / "episodes.csv").write_text(_text(episodes), encoding="utf-8")
    reviews = _rows(sample / "reviews.csv")
    reviews = reviews[:1] + [r for r in reviews[1:] if r[0] in keep]
    reviews[1][3] = "PN9"  # an unknown participation code
    (folder / "reviews.csv").write_text(_text(reviews), encoding="utf-8")


def main(folder: Path) -> History:
    """Write this year's return, the previous returns and the messy copy under ``folder``."""
    hidden = history(SAMPLE_CHILDREN, seed=SAMPLE_SEED, previous=PREVIOUS_YEARS)
    for ending in hidden.year_endings:
        if ending == DEFAULT_AS_OF:
            write_return(hidden, folder / "ssda903", ending)
        else:
            write_return(hidden, folder / "ssda903-previous" / str(ending.year), ending)
    write_messy(folder / "ssda903", folder / "ssda903-messy")
    return hidden


if __name__ == "__main__":
    default = Path(__file__).parent / "data"
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    main(target)
    print(f"wrote the synthetic returns for 2021/22 to 2023/24 to {target}")
