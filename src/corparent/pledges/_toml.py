"""Read a pledge from TOML (``tomllib``), validating every key: the schema of docs/pledge-schema.

Every problem is reported at once in one :class:`~corparent.errors.ConfigError`, each naming the
file, the key path (``commitments[3].principles[0].principle``) and what was expected.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from corparent.errors import CodeError, ConfigError, Problem
from corparent.law import (
    DeadlineRule,
    IntervalMaxMonths,
    IntervalMaxWeeks,
    LocalStandard,
    NotMoreThanMonthsAfter,
    Trigger,
    WithinDays,
    WithinWeeks,
    WithinWorkingDays,
)
from corparent.pledges._model import (
    Cadence,
    CadenceKind,
    Commitment,
    CouncilCommitment,
    Pledge,
    PrincipleLink,
)
from corparent.principles import Principle

__all__ = ["BUNDLED", "load", "loads"]

BUNDLED = (
    "oxfordshire",
    "lancashire",
    "derby",
    "bath-and-north-east-somerset",
    "harrow",
)
"""The seed councils' pledges shipped with corparent (those whose file is present load)."""

_RULES: dict[str, tuple[str, Callable[[int], DeadlineRule]]] = {
    "within_working_days": ("days", lambda n: WithinWorkingDays(days=n)),
    "within_days": ("days", lambda n: WithinDays(days=n)),
    "within_weeks": ("weeks", lambda n: WithinWeeks(weeks=n)),
    "not_more_than_months_after": ("months", lambda n: NotMoreThanMonthsAfter(months=n)),
    "interval_max_months": ("months", lambda n: IntervalMaxMonths(months=n)),
    "interval_max_weeks": ("weeks", lambda n: IntervalMaxWeeks(weeks=n)),
}
_TRIGGERS = {
    "contact_requested": Trigger.CONTACT_REQUESTED,
    "placement_moved": Trigger.PLACEMENT_MOVED,
}


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def bad(self, path: str, message: str, expected: str, value: object = None) -> None:
        self.problems.append(
            Problem(
                code="bad_pledge",
                message=message,
                file=self.file,
                path=path,
                expected=expected,
                value=None if value is None else str(value)[:80],
            )
        )

    def table(
        self, data: object, path: str, required: set[str], optional: set[str]
    ) -> dict[str, Any]:
        if not isinstance(data, Mapping):
            self.bad(path, "not a table", "a TOML table", type(data).__name__)
            return {}
        for key in data:
            if key not in required | optional:
                self.bad(
                    f"{path}.{key}",
                    "unknown key",
                    f"one of {', '.join(sorted(required | optional))}",
                )
        for key in sorted(required - set(data)):
            self.bad(f"{path}.{key}", "missing key", "a value")
        return dict(data)

    def text(self, data: Mapping[str, Any], key: str, path: str) -> str:
        value = data.get(key, "")
        if not isinstance(value, str) or (key in data and not value.strip()):
            self.bad(f"{path}.{key}", "not a non-empty string", "a string", value)
            return ""
        return value


def _cadence(r: _Reader, value: object, path: str) -> Cadence | None:
    if isinstance(value, str):
        value = {"kind": value}
    data = r.table(value, path, {"kind"}, {"by"})
    if not data:
        return None
    try:
        kind = CadenceKind(data.get("kind"))
    except ValueError:
        r.bad(
            f"{path}.kind",
            "not a cadence",
            ", ".join(k.value for k in CadenceKind),
            data.get("kind"),
        )
        return None
    by = data.get("by")
    if by is not None and not (isinstance(by, dt.date) and not isinstance(by, dt.datetime)):
        r.bad(f"{path}.by", "not a date", "a TOML date such as 2016-09-01", by)
        by = None
    if kind is CadenceKind.BY_DATE and by is None:
        r.bad(f"{path}.by", "a 'by date' cadence needs its date", "a TOML date")
    return Cadence(kind=kind, by=by)


def _links(r: _Reader, value: object, path: str) -> list[PrincipleLink]:
    if not isinstance(value, list) or not value:
        r.bad(path, "no principles", "a list of {principle, reason} tables (at least one)")
        return []
    links = []
    for i, item in enumerate(value):
        data = r.table(item, f"{path}[{i}]", {"principle", "reason"}, set())
        try:
            principle = Principle.parse(str(data.get("principle", "")))
        except CodeError as exc:
            r.bad(f"{path}[{i}].principle", "not a principle", exc.expected, data.get("principle"))
            continue
        links.append(
            PrincipleLink(principle=principle, reason=r.text(data, "reason", f"{path}[{i}]"))
        )
    return links


def _standard(r: _Reader, value: object, path: str, source: str) -> LocalStandard | None:
    data = r.table(value, path, {"id", "title", "rule"}, {"text", "tightens", "trigger"})
    rule_data = r.table(data.get("rule", {}), f"{path}.rule", {"kind"}, {"days", "weeks", "months"})
    spec = _RULES.get(rule_data.get("kind", ""))
    if spec is None:
        r.bad(f"{path}.rule.kind", "not a rule kind", ", ".join(_RULES), rule_data.get("kind"))
        return None
    unit, build = spec
    amount = rule_data.get(unit)
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
        r.bad(f"{path}.rule.{unit}", f"{unit} is not a whole number", "an integer >= 0", amount)
        return None
    trigger = None
    if "trigger" in data:
        trigger = _TRIGGERS.get(data["trigger"])
        if trigger is None:
            r.bad(f"{path}.trigger", "not a local trigger", ", ".join(_TRIGGERS), data["trigger"])
            return None
    if ("tightens" in data) == ("trigger" in data):
        r.bad(
            path,
            "a standard either tightens a duty or has its own trigger",
            "exactly one of 'tightens' or 'trigger'",
        )
        return None
    return LocalStandard(
        id=r.text(data, "id", path),
        title=r.text(data, "title", path),
        rule=build(amount),
        tightens=data.get("tightens"),
        trigger=trigger,
        text=data.get("text", ""),
        source=source,
    )


def loads(text: str, *, file: str = "<string>") -> Pledge:
    """Build a :class:`Pledge` from TOML text.

    Raises:
        ConfigError: the text is not TOML or breaks the schema (every problem listed).
    """
    r = _Reader(file)
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            [Problem(code="bad_toml", message=f"not valid TOML: {exc}", file=file)]
        ) from exc
    top = r.table(doc, "", {"pledge"}, {"commitments", "standards", "council_commitments"})
    head = r.table(
        top.get("pledge", {}),
        "pledge",
        {"council", "title"},
        {"adopted", "review", "source", "themes"},
    )
    council = r.text(head, "council", "pledge")
    themes = head.get("themes", [])
    if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
        r.bad("pledge.themes", "themes are not a list of strings", "a list of headings", themes)
        themes = []
    adopted = head.get("adopted")
    if adopted is not None and not isinstance(adopted, dt.date):
        r.bad("pledge.adopted", "not a date", "a TOML date such as 2013-10-01", adopted)
        adopted = None
    if isinstance(adopted, dt.datetime):
        adopted = adopted.date()
    review = _cadence(r, head["review"], "pledge.review") if "review" in head else None
    standards = [
        s
        for i, v in enumerate(top.get("standards", []))
        if (s := _standard(r, v, f"standards[{i}]", council)) is not None
    ]
    standard_ids = {s.id for s in standards}
    commitments: list[Commitment] = []
    seen: set[str] = set()
    for i, item in enumerate(top.get("commitments", [])):
        path = f"commitments[{i}]"
        data = r.table(item, path, {"id", "theme", "text", "principles"}, {"standard"})
        cid = r.text(data, "id", path)
        if cid in seen:
            r.bad(f"{path}.id", "duplicate commitment id", "a unique id", cid)
        seen.add(cid)
        theme = r.text(data, "theme", path)
        if themes and theme and theme not in themes:
            r.bad(
                f"{path}.theme", "theme not listed in pledge.themes", "one of pledge.themes", theme
            )
        standard = data.get("standard")
        if standard is not None and standard not in standard_ids:
            r.bad(
                f"{path}.standard",
                "no standard with this id",
                "the id of a [[standards]] table",
                standard,
            )
        links = _links(r, data.get("principles"), f"{path}.principles")
        if links and cid:
            commitments.append(
                Commitment(
                    id=cid,
                    text=r.text(data, "text", path),
                    theme=theme,
                    principles=links,
                    standard=standard,
                )
            )
    council_commitments = []
    for i, item in enumerate(top.get("council_commitments", [])):
        path = f"council_commitments[{i}]"
        data = r.table(
            item, path, {"id", "text", "owner", "cadence"}, {"supports", "difference", "principles"}
        )
        cadence = _cadence(r, data.get("cadence", ""), f"{path}.cadence")
        links = _links(r, data["principles"], f"{path}.principles") if "principles" in data else []
        if cadence is not None:
            council_commitments.append(
                CouncilCommitment(
                    id=r.text(data, "id", path),
                    text=r.text(data, "text", path),
                    owner=r.text(data, "owner", path),
                    cadence=cadence,
                    supports=tuple(str(s) for s in data.get("supports", [])),
                    difference=data.get("difference", ""),
                    principles=links,
                )
            )
    if r.problems:
        raise ConfigError(r.problems, headline=f"pledge file {file} is invalid")
    # A standard serves the principles of the commitments that give rise to it.
    served = {
        s.id: tuple(
            dict.fromkeys(
                link.principle for c in commitments if c.standard == s.id for link in c.principles
            )
        )
        for s in standards
    }
    standards = [attrs.evolve(s, principles=served[s.id]) if served[s.id] else s for s in standards]
    return Pledge(
        council=council,
        title=r.text(head, "title", "pledge"),
        adopted=adopted,
        review=review,
        themes=themes,
        commitments=commitments,
        council_commitments=council_commitments,
        standards=standards,
        source=head.get("source", ""),
    )


def load(name_or_path: str | Path) -> Pledge:
    """Load a bundled pledge by name (``"bath-and-north-east-somerset"``) or from a TOML file.

    Raises:
        ConfigError: the file is missing, not TOML, or breaks the schema.
    """
    if isinstance(name_or_path, str) and name_or_path in BUNDLED:
        resource = resources.files("corparent.pledges") / "data" / f"{name_or_path}.toml"
        if not resource.is_file():
            raise ConfigError(
                [
                    Problem(
                        code="no_pledge",
                        message="this bundled pledge is not transcribed yet",
                        path=name_or_path,
                        expected="one of the bundled pledges present",
                    )
                ]
            )
        return loads(resource.read_text(encoding="utf-8"), file=f"{name_or_path}.toml")
    path = Path(name_or_path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(
            [
                Problem(
                    code="no_pledge",
                    message=f"cannot read ({type(exc).__name__})",
                    file=str(path),
                    expected="a pledge TOML file or " + ", ".join(BUNDLED),
                )
            ]
        ) from exc
    try:
        # A byte order mark (Notepad's "UTF-8 with BOM", PowerShell's UTF8) is not text.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            [
                Problem(
                    code="not_utf8",
                    message="the file is not UTF-8 text (saved in another encoding, such as "
                    "Windows' ANSI)",
                    file=str(path),
                    row=data.count(b"\n", 0, exc.start) + 1,
                    expected="a TOML file saved as UTF-8",
                )
            ]
        ) from None
    return loads(text, file=str(path))
