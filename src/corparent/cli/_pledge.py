"""``corparent pledge``: list, show, coverage and compare councils' pledges."""

from __future__ import annotations

import argparse

from corparent.cli._common import EXIT_OK
from corparent.principles import Principle

__all__ = ["register", "run"]

_EPILOG = """\
examples:
  corparent pledge list
  corparent pledge show bath-and-north-east-somerset
  corparent pledge coverage oxfordshire
  corparent pledge compare
  corparent pledge coverage ./our-pledge.toml
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``pledge`` command."""
    parser = subparsers.add_parser(
        "pledge",
        help="councils' pledges: list, show, coverage of the seven principles, compare",
        description="Councils' pledges as data: the bundled seed councils' or your own TOML.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("action", choices=("list", "show", "coverage", "compare"))
    parser.add_argument(
        "pledges",
        nargs="*",
        metavar="NAME|FILE",
        help="bundled pledge names or TOML files (compare: default all bundled)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``corparent pledge``."""
    import corparent.pledges as pledges
    from corparent.errors import ConfigError

    if args.action == "list":
        for name in pledges.BUNDLED:
            try:
                pledge = pledges.load(name)
            except ConfigError:  # a bundled pledge not transcribed yet
                print(f"{name:<32} (not transcribed yet)")
                continue
            print(
                f"{name:<32} {pledge.council}: {len(pledge.commitments)} commitments, "
                f"{len(pledge.standards)} standards, "
                f"{len(pledge.council_commitments)} council-wide commitments"
            )
        return EXIT_OK
    names = args.pledges or [n for n in pledges.BUNDLED if _available(n)]
    loaded = [pledges.load(n) for n in names]
    if args.action == "compare":
        print(f"{'principle':<26}" + "".join(f"{p.council[:18]:>20}" for p in loaded))
        table = pledges.compare(loaded)
        for principle in Principle:
            print(
                f"{principle.letter}) {principle.name:<23}"
                + "".join(f"{table[p.council][principle]:>20}" for p in loaded)
            )
        return EXIT_OK
    for pledge in loaded:
        print(f"{pledge.council}: {pledge.title}")
        if args.action == "show":
            for theme in pledge.themes:
                count = sum(c.theme == theme for c in pledge.commitments)
                print(f"  {theme} ({count})")
            owners: dict[str, int] = {}
            for c in pledge.council_commitments:
                owners[c.owner] = owners.get(c.owner, 0) + 1
            for owner, count in owners.items():
                print(f"  council-wide, {owner} ({count})")
            for standard in pledge.standards:
                target = standard.tightens or (standard.trigger.value if standard.trigger else "")
                print(f"  standard {standard.id}: {standard.rule.describe()} [{target}]")
        else:
            cov = pledges.coverage(pledge)
            for principle, commitments in cov.by_principle.items():
                print(f"  ({principle.letter}) {principle.plain_english}: {len(commitments)}")
            gaps = ", ".join(p.name for p in cov.gaps) or "none"
            print(f"  gaps: {gaps}")
    return EXIT_OK


def _available(name: str) -> bool:
    import corparent.pledges as pledges
    from corparent.errors import ConfigError

    try:
        pledges.load(name)
    except ConfigError:
        return False
    return True
