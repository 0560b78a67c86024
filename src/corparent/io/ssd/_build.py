"""Turn SSD rows into case records, reporting every row that cannot be used.

Join rules (from the SSD data model): episodes, legal statuses, visits, health checks, care
plans, care-leaver rows, missing episodes and involvements name the person
(``*_person_id``); a review names the period of care (``clar_cla_id``) and reaches the person
through the episode with the same ``clae_cla_id``; an episode's placement type comes from
``ssd_cla_placement`` (by ``clae_cla_placement_id``) and its legal status from the
``ssd_legal_status`` row in force on the day the episode starts.

Accounting: every row read is mapped or reported (``read == mapped + reported`` per table).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from corparent.codes import (
    CategoryOfNeed,
    CodeList,
    LegalStatus,
    MissingType,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReviewParticipation,
)
from corparent.errors import CodeError, LoadError, Problem
from corparent.io._loaded import Allocation, SystemReviewDue
from corparent.io._values import as_date, as_flag
from corparent.io._values import as_text as _text
from corparent.io.ssd._health import HealthCheck, HealthCheckTypes
from corparent.io.ssd._raw import RawTable
from corparent.io.ssd._tables import TABLES, Kind, SsdColumn, SsdTable, table
from corparent.io.ssda903 import TableStats
from corparent.model import (
    CarePlan,
    CaseRecord,
    Child,
    DentalCheck,
    Episode,
    Evidence,
    EvidenceWindow,
    HealthAssessment,
    HealthAssessmentKind,
    MissingEpisode,
    PathwayPlan,
    PersonalAdviserContact,
    PlanKind,
    Review,
    Visit,
)

__all__ = ["Builder"]

_NOT_HELD = EvidenceWindow(held=False)
Fields = dict[str, Any]
Where = tuple[str, int | None, str]  # (table location, CSV line, key value)


def _fill(
    cache: dict[Any, tuple[Any, str | None]],
    parse: Callable[[Any], tuple[Any, str | None]],
    value: Any,
) -> tuple[Any, str | None]:
    result = parse(value)
    cache[value] = result
    return result


class _Row:
    """One parsed row: its values by column, and whether a required value was unusable."""

    __slots__ = ("key", "line", "ok", "values")

    def __init__(self, key: str, line: int | None, values: dict[str, Any], ok: bool) -> None:
        self.key, self.line, self.values, self.ok = key, line, values, ok


class Builder:
    """The state of one SSD load."""

    def __init__(self, health: HealthCheckTypes, extracted_on: dt.date | None) -> None:
        self.health = health
        self.extracted_on = extracted_on
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []
        self.stats: dict[str, TableStats] = {t.name: TableStats() for t in TABLES}
        self.where: dict[str, str] = {}
        self.usable: dict[str, bool] = {}
        self.earliest: dict[str, dt.date] = {}
        self.dob: dict[str, dt.date] = {}
        self.episodes: dict[str, list[_Row]] = defaultdict(list)
        self.cla_person: dict[str, str] = {}
        self.placements: dict[str, _Row] = {}
        self.legal: dict[str, list[tuple[dt.date, dt.date | None, LegalStatus]]] = defaultdict(list)
        self.events: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        self.latest: dict[str, dict[str, dt.date]] = defaultdict(dict)
        self.due: dict[str, list[SystemReviewDue]] = defaultdict(list)
        self.involvements: list[tuple[str, _Row]] = []
        self.professionals: dict[str, tuple[str | None, str | None]] = {}
        self.fatal: list[Problem] = []
        self.not_assessments: dict[str, int] = defaultdict(int)
        self.latest_day = dt.date(2000, 1, 1)
        self.codes: dict[tuple[type[CodeList], str], Any] = {}
        self.types: dict[str, HealthCheck | None] = {}
        self.statuses: dict[str | None, bool | None] = {}

    # -- reporting ----------------------------------------------------------------------------

    def report(
        self,
        spec: SsdTable,
        row: _Row | None,
        column: str | None,
        code: str,
        message: str,
        *,
        value: Any = None,
        expected: str | None = None,
        record_id: str | None = None,
    ) -> None:
        personal = column is not None and spec.column(column).personal if column else False
        self.problems.append(
            Problem(
                code=code,
                message=message,
                file=self.where.get(spec.name, spec.name),
                row=row.line if row is not None else None,
                path=f"{spec.key}={row.key}" if row is not None and row.key else None,
                column=column,
                value=None if value is None else str(value),
                expected=expected,
                record_id=record_id,
                personal=personal,
            )
        )

    # -- reading ------------------------------------------------------------------------------

    def read(self, raw: RawTable) -> None:
        """Read one table's rows (or report that it, or a column, is missing)."""
        spec = table(raw.name)
        self.where[spec.name] = raw.where
        stats = self.stats[spec.name]
        if not raw.found:
            problem = Problem(
                code="missing_table",
                message=f"the source has no {spec.name} table"
                + ("" if spec.required else "; what it holds is treated as not held"),
                file=raw.where,
                expected=f"a table {spec.name}",
            )
            (self.fatal if spec.required else self.notes).append(problem)
            self.usable[spec.name] = False
            return
        stats.files += 1
        missing = [c for c in spec.columns if c.name not in raw.columns]
        for column in missing:
            problem = Problem(
                code="missing_column",
                message=f"{spec.name} has no {column.name} column",
                file=raw.where,
                column=column.name,
                expected=f"columns {', '.join(spec.names)}",
            )
            if column.required and spec.required:
                self.fatal.append(problem)
            elif column.required:
                self.problems.append(problem)
            else:
                self.notes.append(problem)
        unusable = any(c.required for c in missing)
        self.usable[spec.name] = not unusable
        if unusable:
            for _, batch in raw.batches:
                stats.read += len(batch)
                stats.reported += len(batch)
            self._lines(stats, raw)
            return
        # One handler per table: ``_b_<table>`` takes a batch of columns (the largest tables),
        # ``_t_<table>`` one row; each maps what it can and reports the rest.
        batched = getattr(self, "_b_" + spec.name.removeprefix("ssd_"), None)
        handle = getattr(self, "_t_" + spec.name.removeprefix("ssd_"), None)
        position = {c: i for i, c in enumerate(raw.columns)}
        names = spec.names
        key_at = position[spec.key]
        caches: dict[str, dict[Any, tuple[Any, str | None]]] = {c.name: {} for c in spec.columns}
        date_at = names.index(spec.date_column) if spec.date_column else None
        earliest = self.earliest.get(spec.name)
        for lines, batch in raw.batches:
            n = len(batch)
            stats.read += n
            cols = list(zip(*batch, strict=True)) if n else []
            keys = [_text(v) or "" for v in cols[key_at]] if n else []
            parsed_cols: list[list[Any]] = []
            bad: set[int] = set()
            for column in spec.columns:
                at = position.get(column.name)
                if at is None:
                    parsed_cols.append([None] * n)
                    continue
                col = cols[at]
                values: list[Any]
                if column.kind is Kind.TEXT:
                    values = [(v.strip() or None) if type(v) is str else _text(v) for v in col]
                    parsed_cols.append(values)
                    if column.required:
                        for i in [i for i, v in enumerate(values) if v is None]:
                            self._empty(spec, keys[i], lines[i], column)
                            bad.add(i)
                    continue
                cache = caches[column.name]
                if len(cache) > 200_000:
                    cache.clear()
                parse = as_date if column.kind is Kind.DATE else as_flag
                pairs = [cache[v] if v in cache else _fill(cache, parse, v) for v in col]
                values = [p[0] for p in pairs]
                parsed_cols.append(values)
                bad_raw = {
                    raw_value
                    for raw_value, (value, expected) in cache.items()
                    if expected is not None or (value is None and column.required)
                }
                if not bad_raw:
                    continue
                for i in [i for i, v in enumerate(col) if v in bad_raw]:
                    value, expected = pairs[i]
                    if expected is not None:
                        self.report(
                            spec, _Row(keys[i], lines[i], {}, False), column.name, "bad_value",
                            f"{column.name} is not readable", value=col[i], expected=expected,
                        )  # fmt: skip
                        if column.required:
                            bad.add(i)
                    elif value is None and column.required:
                        self._empty(spec, keys[i], lines[i], column)
                        bad.add(i)
            mapped = 0
            if batched is not None:
                mapped, low, high = batched(
                    spec, keys, lines, dict(zip(names, parsed_cols, strict=True)), bad
                )
                if low is not None and (earliest is None or low < earliest):
                    earliest = low
                if high is not None and high > self.latest_day:
                    self.latest_day = high
                stats.mapped += mapped
                stats.reported += n - mapped
                continue
            for i, row_values in enumerate(zip(*parsed_cols, strict=True)):
                row = _Row(
                    keys[i], lines[i], dict(zip(names, row_values, strict=True)), i not in bad
                )
                if row.ok and handle is not None and handle(spec, row):
                    mapped += 1
                    if date_at is not None:
                        day: dt.date | None = row_values[date_at]
                        if day is not None:
                            if earliest is None or day < earliest:
                                earliest = day
                            if day > self.latest_day:
                                self.latest_day = day
            stats.mapped += mapped
            stats.reported += n - mapped
        if earliest is not None:
            self.earliest[spec.name] = earliest
        self._lines(stats, raw)

    def _lines(self, stats: TableStats, raw: RawTable) -> None:
        """Lines: a CSV file's header and blank lines besides its rows (a table has rows only);
        lines that are not valid CSV are read and reported."""
        for line in raw.bad_lines:
            stats.read += 1
            stats.reported += 1
            self.problems.append(
                Problem(
                    code="bad_csv",
                    message="the line is not valid CSV",
                    file=raw.where,
                    row=line,
                    expected="comma-separated values",
                )
            )
        stats.headers += raw.counts.get("headers", 0)
        stats.blank += raw.counts.get("blank", 0)
        stats.lines = stats.headers + stats.blank + stats.read

    def _empty(self, spec: SsdTable, key: str, line: int | None, column: SsdColumn) -> None:
        self.report(
            spec, _Row(key, line, {}, False), column.name, "missing_value",
            f"{column.name} is empty",
            expected="a value" if column.kind is Kind.TEXT else "a date",
        )  # fmt: skip

    def _code(
        self, spec: SsdTable, row: _Row, column: str, codes: type[CodeList], *, required: bool
    ) -> Any:
        text = row.values.get(column)
        if text is None:
            return None
        known = self.codes.get((codes, text))
        if known is not None:
            return known
        try:
            member = codes.parse(text)
            self.codes[codes, text] = member
            return member
        except CodeError as exc:
            self.report(
                spec, row, column, "bad_code", f"{column} is not a {codes.__name__} code",
                value=text, expected=exc.expected,
                record_id=self._person_of(row),
            )  # fmt: skip
            if required:
                row.ok = False
            return None

    def _person_of(self, row: _Row) -> str | None:
        for name, value in row.values.items():
            if name.endswith("person_id"):
                return value if isinstance(value, str) else None
        return None

    def _known(self, spec: SsdTable, row: _Row, column: str) -> str | None:
        person: str = row.values[column]
        if person in self.dob:
            return person
        self.report(
            spec, row, column, "unknown_person",
            f"{column} names no person in ssd_person",
            value=person, expected="a pers_person_id of ssd_person",
        )  # fmt: skip
        return None

    # -- one handler per table: True when the row is mapped -----------------------------------

    def _t_person(self, spec: SsdTable, row: _Row) -> bool:
        person: str = row.values["pers_person_id"]
        if person in self.dob:
            self.report(
                spec, row, "pers_person_id", "duplicate_person",
                "the person appears more than once in ssd_person; the first row is used",
                record_id=person,
            )  # fmt: skip
            return False
        self.dob[person] = row.values["pers_dob"]
        return True

    def _t_cla_episodes(self, spec: SsdTable, row: _Row) -> bool:
        person = self._known(spec, row, "clae_person_id")
        if person is None:
            return False
        values = row.values
        values["rne"] = self._code(
            spec, row, "clae_cla_episode_start_reason", ReasonNewEpisode, required=True
        )
        values["rec"] = self._code(
            spec, row, "clae_cla_episode_ceased_reason", ReasonEpisodeCeased, required=False
        )
        values["cin"] = self._code(
            spec, row, "clae_cla_primary_need_code", CategoryOfNeed, required=False
        )
        cla = values.get("clae_cla_id")
        if cla is not None:
            self.cla_person.setdefault(cla, person)
        if not row.ok:
            return False
        self.episodes[person].append(row)
        return True

    def _t_cla_placement(self, spec: SsdTable, row: _Row) -> bool:
        row.values["type"] = self._code(
            spec, row, "clap_cla_placement_type", PlacementType, required=True
        )
        row.values["provider"] = self._code(
            spec, row, "clap_cla_placement_provider", PlacementProvider, required=False
        )
        if not row.ok:
            return False
        if row.key in self.placements:
            self.report(
                spec, row, spec.key, "duplicate_placement",
                "the placement id appears more than once; the first row is used",
            )  # fmt: skip
            return False
        self.placements[row.key] = row
        return True

    def _t_legal_status(self, spec: SsdTable, row: _Row) -> bool:
        person = self._known(spec, row, "lega_person_id")
        status = self._code(spec, row, "lega_legal_status", LegalStatus, required=True)
        if person is None or not row.ok:
            return False
        self.legal[person].append(
            (
                row.values["lega_legal_status_start_date"],
                row.values["lega_legal_status_end_date"],
                status,
            )
        )
        return True

    def _t_cla_reviews(self, spec: SsdTable, row: _Row) -> bool:
        cla: str = row.values["clar_cla_id"]
        person = self.cla_person.get(cla)
        if person is None:
            self.report(
                spec, row, "clar_cla_id", "orphan_review",
                "the review's clar_cla_id matches no clae_cla_id in ssd_cla_episodes",
                value=cla, expected="the CLA id of an episode",
            )  # fmt: skip
            return False
        values = row.values
        held, due = values["clar_cla_review_date"], values["clar_cla_review_due_date"]
        cancelled = bool(values["clar_cla_review_cancelled"])
        if held is None and due is None:
            self.report(
                spec, row, "clar_cla_review_date", "missing_value",
                "the review has neither a date held nor a due date", record_id=person,
                expected="clar_cla_review_date or clar_cla_review_due_date",
            )  # fmt: skip
            return False
        participation = self._code(
            spec, row, "clar_cla_review_participation", ReviewParticipation, required=False
        )
        if held is not None and not cancelled:
            self.events[person]["reviews"].append(Review(date=held, participation=participation))
        if due is not None:
            self.due[person].append(
                SystemReviewDue(
                    child_id=person,
                    review_id=row.key,
                    due=due,
                    held_on=None if cancelled else held,
                    cancelled=cancelled,
                )
            )
        return True

    def _b_cla_visits(
        self,
        spec: SsdTable,
        keys: list[str],
        lines: Sequence[int | None],
        cols: dict[str, list[Any]],
        bad: set[int],
    ) -> tuple[int, dt.date | None, dt.date | None]:
        """Visits, a batch at a time (the largest table: no row objects)."""
        events, dob = self.events, self.dob
        dates = cols["clav_cla_visit_date"]
        mapped_dates: list[dt.date] = []
        for i, (person, day, seen, alone) in enumerate(
            zip(
                cols["clav_person_id"],
                dates,
                cols["clav_cla_visit_seen"],
                cols["clav_cla_visit_seen_alone"],
                strict=True,
            )
        ):
            if bad and i in bad:
                continue
            if person not in dob:
                self._known(spec, _Row(keys[i], lines[i], {"clav_person_id": person}, True),
                            "clav_person_id")  # fmt: skip
                continue
            events[person]["visits"].append(
                Visit(date=day, seen=True if seen is None else seen, seen_alone=alone)
            )
            mapped_dates.append(day)
        if not mapped_dates:
            return 0, None, None
        return len(mapped_dates), min(mapped_dates), max(mapped_dates)

    def _t_cla_health(self, spec: SsdTable, row: _Row) -> bool:
        person = self._known(spec, row, "clah_person_id")
        if person is None:
            return False
        values = row.values
        text, status = values["clah_health_check_type"], values["clah_health_check_status"]
        if text not in self.types:
            self.types[text] = self.health.classify(text)
        kind = self.types[text]
        if kind is None:
            self.report(
                spec, row, "clah_health_check_type", "unknown_health_check_type",
                "the health-check type is not in the mapping", record_id=person,
                value=values["clah_health_check_type"],
                expected="a type listed in the health-check mapping (extend it with "
                "HEALTH_CHECKS.with_types)",
            )  # fmt: skip
            return False
        if status not in self.statuses:
            self.statuses[status] = self.health.took_place(status)
        took_place = self.statuses[status]
        if took_place is None:
            self.report(
                spec, row, "clah_health_check_status", "unknown_health_check_status",
                "the health-check status is not in the mapping", record_id=person,
                value=values["clah_health_check_status"],
                expected="a status listed as done or not done in the health-check mapping",
            )  # fmt: skip
            return False
        if not took_place or kind is HealthCheck.OTHER:
            self.not_assessments["not done" if not took_place else "not a health assessment"] += 1
            return True
        day = values["clah_health_check_date"]
        if kind is HealthCheck.DENTAL:
            self.events[person]["dental_checks"].append(DentalCheck(date=day))
        else:
            self.events[person]["health_assessments"].append(
                HealthAssessment(
                    date=day,
                    kind=HealthAssessmentKind.INITIAL
                    if kind is HealthCheck.INITIAL
                    else HealthAssessmentKind.REVIEW,
                    # The SSD does not record who carried it out: an initial assessment is
                    # taken as done by a registered medical practitioner, as reg 7 requires.
                    by_medical_practitioner=True if kind is HealthCheck.INITIAL else None,
                )
            )
        return True

    def _t_cla_care_plan(self, spec: SsdTable, row: _Row) -> bool:
        person = self._known(spec, row, "lacp_person_id")
        if person is None:
            return False
        self.events[person]["care_plans"].append(
            CarePlan(date=row.values["lacp_cla_care_plan_start_date"])
        )
        return True

    def _t_care_leavers(self, spec: SsdTable, row: _Row) -> bool:
        person = self._known(spec, row, "clea_person_id")
        if person is None:
            return False
        values = row.values
        contact, plan = (
            values["clea_care_leaver_latest_contact"],
            values["clea_pathway_plan_review_date"],
        )
        latest = self.latest[person]
        if contact is not None:
            self.events[person]["pa_contacts"].append(PersonalAdviserContact(date=contact))
            latest["pa_contacts"] = min(latest.get("pa_contacts", contact), contact)
        if plan is not None:
            self.events[person]["pathway_plans"].append(
                PathwayPlan(date=plan, kind=PlanKind.REVIEW)
            )
            latest["pathway_plans"] = min(latest.get("pathway_plans", plan), plan)
        worker = values["clea_care_leaver_worker_id"]
        if worker is not None:
            self.events[person]["allocations"].append(
                Allocation(
                    child_id=person,
                    worker=worker,
                    team=values["clea_care_leaver_allocated_team"],
                    role="care leaver worker",
                )
            )
        return True

    def _t_missing(self, spec: SsdTable, row: _Row) -> bool:
        person = self._known(spec, row, "miss_person_id")
        if person is None:
            return False
        values = row.values
        text = values["miss_missing_episode_type"]
        kind = MissingType.M
        if text is not None:
            word = text.strip().lower()
            if word.startswith(("a", "absent")):
                kind = MissingType.A
            elif not word.startswith("m"):
                self.report(
                    spec, row, "miss_missing_episode_type", "bad_code",
                    "the missing-episode type is neither missing nor away", value=text,
                    expected="M (missing) or A (away without authorisation)", record_id=person,
                )  # fmt: skip
                return False
        start, end = (
            values["miss_missing_episode_start_date"],
            values["miss_missing_episode_end_date"],
        )
        if end is not None and end < start:
            self.report(
                spec, row, "miss_missing_episode_end_date", "ends_before_start",
                "the missing episode ends before it starts", record_id=person,
            )  # fmt: skip
            return False
        self.events[person]["missing"].append(MissingEpisode(start=start, end=end, kind=kind))
        return True

    def _t_involvements(self, spec: SsdTable, row: _Row) -> bool:
        person = self._known(spec, row, "invo_person_id")
        if person is None:
            return False
        self.involvements.append((person, row))
        return True

    def _t_professionals(self, spec: SsdTable, row: _Row) -> bool:
        values = row.values
        self.professionals.setdefault(
            row.key, (values["prof_staff_id"], values["prof_professional_department"])
        )
        return True

    # -- building -----------------------------------------------------------------------------

    def _moved_to_reported(self, name: str) -> None:
        stats = self.stats[name]
        stats.mapped -= 1
        stats.reported += 1

    def _episodes_of(self, person: str) -> list[Episode]:
        spec = table("ssd_cla_episodes")
        statuses = sorted(self.legal.get(person, ()), key=lambda s: s[0])
        out: list[Episode] = []
        for row in sorted(
            self.episodes.get(person, ()), key=lambda r: r.values["clae_cla_episode_start_date"]
        ):
            values = row.values
            start = values["clae_cla_episode_start_date"]
            placement = self.placements.get(values["clae_cla_placement_id"] or "")
            if placement is None:
                self.report(
                    spec, row, "clae_cla_placement_id", "unknown_placement",
                    "the episode's placement is not in ssd_cla_placement", record_id=person,
                    value=values["clae_cla_placement_id"],
                    expected="the clap_cla_placement_id of a placement",
                )  # fmt: skip
                self._moved_to_reported(spec.name)
                continue
            legal = next(
                (
                    status
                    for begin, end, status in reversed(statuses)
                    if begin <= start and (end is None or start < end or begin == end == start)
                ),
                None,
            )
            if legal is None:
                self.report(
                    spec, row, "clae_cla_episode_start_date", "no_legal_status",
                    "no row of ssd_legal_status for the person is in force on the day the "
                    "episode starts", record_id=person,
                    expected="a legal status starting on or before the episode",
                )  # fmt: skip
                self._moved_to_reported(spec.name)
                continue
            p = placement.values
            out.append(
                Episode(
                    start=start,
                    end=values["clae_cla_episode_ceased_date"],
                    legal_status=legal,
                    placement=p["type"],
                    provider=p["provider"],
                    urn=p["clap_cla_placement_urn"],
                    reason_new=values["rne"],
                    reason_ceased=values["rec"],
                    category_of_need=values["cin"],
                )
            )
        return out

    def _allocations(self) -> dict[str, list[Allocation]]:
        out: dict[str, list[Allocation]] = defaultdict(list)
        for person, row in self.involvements:
            values = row.values
            staff, department = self.professionals.get(values["invo_professional_id"], (None, None))
            out[person].append(
                Allocation(
                    child_id=person,
                    worker=staff or values["invo_professional_id"],
                    team=values["invo_professional_team"] or department,
                    role=values["invo_professional_role_id"],
                    start=values["invo_involvement_start_date"],
                    end=values["invo_involvement_end_date"],
                )
            )
        for person, tables in self.events.items():
            out[person].extend(tables.get("allocations", ()))
        return out

    def _windows(self) -> dict[str, EvidenceWindow]:
        windows: dict[str, EvidenceWindow] = {}
        for spec in TABLES:
            for kind in spec.evidence:
                if self.usable.get(spec.name) and self.stats[spec.name].mapped:
                    windows[kind] = EvidenceWindow(
                        start=self.earliest.get(spec.name), end=self.extracted_on
                    )
                else:
                    windows[kind] = _NOT_HELD
        # ssd_care_leavers holds one snapshot per care leaver: set per child in build().
        windows["pa_contacts"] = windows["pathway_plans"] = _NOT_HELD
        return windows

    def build(self, source: str) -> tuple[list[CaseRecord], dict[str, list[Allocation]]]:
        """The records (one per person with looked-after data) and the allocations."""
        if self.fatal:
            raise LoadError(self.fatal, headline="the SSD source lacks tables or columns")
        windows = self._windows()
        shared = Evidence(windows=windows, default=_NOT_HELD, source=source)
        people = set(self.episodes) | set(self.events)
        unused = len(self.dob) - len(people & set(self.dob))
        if unused:
            self.notes.append(
                Problem(
                    code="no_looked_after_data",
                    message=f"{unused} people in ssd_person have no looked-after data "
                    "(episodes, reviews, visits, health, plans, care-leaver or missing rows) "
                    "and are not loaded as records",
                    file=self.where.get("ssd_person"),
                )
            )
        for what, n in sorted(self.not_assessments.items()):
            self.notes.append(
                Problem(
                    code="health_rows_not_assessments",
                    message=f"{n} ssd_cla_health rows are read but not counted as assessments "
                    f"({what}, by the health-check mapping)",
                    file=self.where.get("ssd_cla_health"),
                )
            )
        records: list[CaseRecord] = []
        for person in sorted(people):
            tables = self.events.get(person, {})
            evidence = shared
            latest = self.latest.get(person)
            if latest is not None:
                # ssd_care_leavers holds the latest contact and pathway-plan review only:
                # earlier ones are unknown, so the window starts at the one recorded.
                own = dict(windows)
                for kind in ("pa_contacts", "pathway_plans"):
                    day = latest.get(kind)
                    if day is not None:
                        own[kind] = EvidenceWindow(start=day, end=self.extracted_on)
                evidence = Evidence(windows=own, default=_NOT_HELD, source=source)
            record, problems = CaseRecord.build(
                child=Child(id=person, date_of_birth=self.dob[person]),
                episodes=self._episodes_of(person),
                evidence=evidence,
                **{k: v for k, v in tables.items() if k != "allocations"},
            )
            self.problems.extend(problems)
            records.append(record)
        return records, self._allocations()

    def year_end(self) -> dt.date:
        """The 31 March on or after the latest date the tables hold (episodes' ends included):
        how far the data runs."""
        latest = self.latest_day
        for rows in self.episodes.values():
            for row in rows:
                day = row.values.get("clae_cla_episode_ceased_date")
                if day is not None and day > latest:
                    latest = day
        year = latest.year if latest <= dt.date(latest.year, 3, 31) else latest.year + 1
        return dt.date(year, 3, 31)

    def due_dates(self) -> dict[str, list[SystemReviewDue]]:
        """The system's review due dates of children with a record."""
        return dict(self.due)


def read_all(builder: Builder, tables: Iterable[RawTable]) -> None:
    """Feed every table to ``builder``."""
    for raw in tables:
        builder.read(raw)
