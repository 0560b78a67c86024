"""``corparent pledge``: list, show, validate, coverage and compare councils' pledges."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

import attrs

from corparent.cli._common import EXIT_OK, add_output, output_stream
from corparent.errors import ConfigError
from corparent.principles import Principle

if TYPE_CHECKING:
    from corparent.law import RuleSet
    from corparent.pledges import Pledge

__all__ = ["overlay", "register", "run", "validated"]

_EPILOG = """\
examples:
  corparent pledge list
  corparent pledge show bath-and-north-east-somerset
  corparent pledge validate ./our-pledge.toml
  corparent pledge coverage oxfordshire
  corparent pledge compare
  corparent pledge coverage ./our-pledge.toml -o coverage.txt

validate, show, coverage and compare refuse (exit 2) a pledge that breaks the schema or whose
local standard would loosen the law, naming the file and the standard.
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``pledge`` command."""
    parser = subparsers.add_parser(
        "pledge",
        help="councils' pledges: list, show, validate, coverage of the seven principles, compare",
        description="Councils' pledges as data: the bundled seed councils' or your own TOML.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("action", choices=("list", "show", "validate", "coverage", "compare"))
    parser.add_argument(
        "pledges",
        nargs="*",
        metavar="NAME|FILE",
        help="bundled pledge names or TOML files (default: every bundled pledge)",
    )
    add_output(parser)
    parser.set_defaults(handler=run)


def validated(name: str, law: RuleSet | None = None) -> Pledge:
    """The pledge ``name`` (bundled name or TOML file), refused with a
    :class:`~corparent.errors.ConfigError` naming the file if it breaks the schema or one of
    its standards would loosen the law it tightens (``law``: England by default)."""
    return overlay(name, law)[0]


def overlay(name: str, law: RuleSet | None = None) -> tuple[Pledge, RuleSet]:
    """The pledge ``name`` and ``law`` (England by default) with its standards; refused as
    :func:`validated` says, naming the file."""
    import corparent.pledges as pledges
    from corparent.law import ENGLAND

    pledge = pledges.load(name)
    try:
        rules = (law or ENGLAND).with_standards(pledge)
    except ConfigError as exc:
        file = name if name.endswith(".toml") else f"{name}.toml"
        raise ConfigError(
            [attrs.evolve(p, file=p.file or file) for p in exc.problems],
            headline=f"pledge {file} refused: {exc.headline}",
        ) from None
    return pledge, rules


def run(args: argparse.Namespace) -> int:
    """Handle ``corparent pledge``."""
    import corparent.pledges as pledges

    with output_stream(args.output) as out:
        if args.action == "list":
            _list(out)
            return EXIT_OK
        names = args.pledges or [n for n in pledges.BUNDLED if _available(n)]
        loaded = [validated(n) for n in names]
        if args.action == "validate":
            for name, pledge in zip(names, loaded, strict=True):
                out.write(
                    f"{name}: valid ({pledge.council}: {len(pledge.commitments)} commitments, "
                    f"{len(pledge.standards)} standards, none looser than the law)\n"
                )
        elif args.action == "compare":
            _compare(loaded, out)
        else:
            for pledge in loaded:
                _show(pledge, args.action, out)
    return EXIT_OK


def _list(out: TextIO) -> None:
    import corparent.pledges as pledges

    for name in pledges.BUNDLED:
        try:
            pledge = pledges.load(name)
        except ConfigError:  # a bundled pledge not transcribed yet
            out.write(f"{name:<32} (not transcribed yet)\n")
            continue
        out.write(
            f"{name:<32} {pledge.council}: {len(pledge.commitments)} commitments, "
            f"{len(pledge.standards)} standards, "
            f"{len(pledge.council_commitments)} council-wide commitments\n"
        )


def _compare(loaded: list[Pledge], out: TextIO) -> None:
    import corparent.pledges as pledges

    out.write(f"{'principle':<26}" + "".join(f"{p.council[:18]:>20}" for p in loaded) + "\n")
    table = pledges.compare(loaded)
    for principle in Principle:
        out.write(
            f"{principle.letter}) {principle.name:<23}"
            + "".join(f"{table[p.council][principle]:>20}" for p in loaded)
            + "\n"
        )


def _show(pledge: Pledge, action: str, out: TextIO) -> None:
    import corparent.pledges as pledges

    out.write(f"{pledge.council}: {pledge.title}\n")
    if action == "show":
        for theme in pledge.themes:
            count = sum(c.theme == theme for c in pledge.commitments)
            out.write(f"  {theme} ({count})\n")
        owners: dict[str, int] = {}
        for c in pledge.council_commitments:
            owners[c.owner] = owners.get(c.owner, 0) + 1
        for owner, count in owners.items():
            out.write(f"  council-wide, {owner} ({count})\n")
        for standard in pledge.standards:
            target = standard.tightens or (standard.trigger.value if standard.trigger else "")
            out.write(f"  standard {standard.id}: {standard.rule.describe()} [{target}]\n")
        return
    cov = pledges.coverage(pledge)
    for principle, commitments in cov.by_principle.items():
        out.write(f"  ({principle.letter}) {principle.plain_english}: {len(commitments)}\n")
    gaps = ", ".join(p.name for p in cov.gaps) or "none"
    out.write(f"  gaps: {gaps}\n")


def _available(name: str) -> bool:
    import corparent.pledges as pledges

    try:
        pledges.load(name)
    except ConfigError:
        return False
    return True
