"""Turn SSD rows into case records, reporting every row that cannot be used.

Join rules (from the SSD data model): episodes, legal statuses, visits, health checks, care
plans, care-leaver rows, missing episodes and involvements name the person
(``*_person_id``); a review names the period of care (``clar_cla_id``) and reaches the person
through the episode with the same ``clae_cla_id``; an episode's placement type comes from
``ssd_cla_placement`` (by ``clae_cla_placement_id``) and its legal status from the
``ssd_legal_status`` row in force on the day the episode starts.

Accounting: every row read is mapped or reported (``read == mapped + reported`` per table).

Speed: rows arrive a batch at a time and are parsed a column at a time (each distinct date,
flag or code once per load); each table's handler walks the batch's columns, with no object per
row, and builds the model's events and records through its trusted path (every value is already
of its final type, every event list sorted as the checked constructor sorts it;
``tests/test_ssd_trusted_construction.py`` holds the result identical to the checked
constructors' and the problems to what each fault must report).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

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
from corparent.model._trusted import RECORD_SORT_KEYS, trusted_maker

__all__ = ["Builder"]

_NOT_HELD = EvidenceWindow(held=False)
Columns = dict[str, list[Any]]
"""A batch's parsed values, by column name (a column the source lacks is all ``None``)."""
Keys = list[str | None]
Lines = Sequence[int | None]

# The trusted constructors (values already of their final types: no converters, no validators).
_VISIT = trusted_maker(Visit)
_REVIEW = trusted_maker(Review)
_HEALTH = trusted_maker(HealthAssessment)
_DENTAL = trusted_maker(DentalCheck)
_CARE_PLAN = trusted_maker(CarePlan)
_PA_CONTACT = trusted_maker(PersonalAdviserContact)
_PATHWAY_PLAN = trusted_maker(PathwayPlan)
_MISSING = trusted_maker(MissingEpisode)
_EPISODE = trusted_maker(Episode)
_CHILD = trusted_maker(Child)
_RECORD = trusted_maker(CaseRecord)
_DUE = trusted_maker(SystemReviewDue)
_ALLOCATION = trusted_maker(Allocation)
_EPISODES = table("ssd_cla_episodes")
_INITIAL, _REVIEW_KIND = HealthAssessmentKind.INITIAL, HealthAssessmentKind.REVIEW
_PLAN_REVIEW = PlanKind.REVIEW


class _Bad:
    """A code that is not in its list (kept, with what was expected, so it is parsed once)."""

    __slots__ = ("expected",)

    def __init__(self, expected: str) -> None:
        self.expected = expected


class _Episode(NamedTuple):
    """An episode row kept until the records are built (its placement and legal status are
    joined then)."""

    key: str | None
    line: int | None
    start: dt.date
    end: dt.date | None
    placement_id: str | None
    reason_new: ReasonNewEpisode
    reason_ceased: ReasonEpisodeCeased | None
    category_of_need: CategoryOfNeed | None


class _Involvement(NamedTuple):
    professional_id: str
    role: str | None
    team: str | None
    start: dt.date
    end: dt.date | None


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
        self.episodes: dict[str, list[_Episode]] = defaultdict(list)
        self.cla_person: dict[str, str] = {}
        self.placements: dict[str, tuple[PlacementType, PlacementProvider | None, str | None]] = {}
        self.legal: dict[str, list[tuple[dt.date, dt.date | None, LegalStatus]]] = defaultdict(list)
        self.events: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        self.latest: dict[str, dict[str, dt.date]] = defaultdict(dict)
        self.due: dict[str, list[SystemReviewDue]] = defaultdict(list)
        self.involvements: list[tuple[str, _Involvement]] = []
        self.professionals: dict[str, tuple[str | None, str | None]] = {}
        self.fatal: list[Problem] = []
        self.not_assessments: dict[str, int] = defaultdict(int)
        self.latest_day = dt.date(2000, 1, 1)
        self.codes: dict[type[CodeList], dict[str | None, Any]] = defaultdict(dict)
        self.types: dict[str, HealthCheck | None] = {}
        self.statuses: dict[str | None, bool | None] = {}

    # -- reporting ----------------------------------------------------------------------------

    def report(
        self,
        spec: SsdTable,
        key: str | None,
        line: int | None,
        column: str | None,
        code: str,
        message: str,
        *,
        value: Any = None,
        expected: str | None = None,
        record_id: str | None = None,
    ) -> None:
        """A problem with the row of ``spec`` whose key is ``key`` (at CSV ``line``)."""
        personal = column is not None and spec.column(column).personal if column else False
        self.problems.append(
            Problem(
                code=code,
                message=message,
                file=self.where.get(spec.name, spec.name),
                row=line,
                path=f"{spec.key}={key}" if key else None,
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
        # One handler per table, ``_b_<table>``: it takes a batch a column at a time (the rows
        # in ``bad`` already reported), maps what it can, reports the rest and gives back the
        # positions of the rows it could not map.
        handle: Callable[[SsdTable, Keys, Lines, Columns, set[int]], list[int]] = getattr(
            self, "_b_" + spec.name.removeprefix("ssd_")
        )
        position = {c: i for i, c in enumerate(raw.columns)}
        parsers = [_ColumnParser(c) for c in spec.columns]
        earliest = self.earliest.get(spec.name)
        date_column = spec.column(spec.date_column) if spec.date_column else None
        for lines, batch in raw.batches:
            n = len(batch)
            stats.read += n
            if not n:
                continue
            cols = list(zip(*batch, strict=True))
            parsed: Columns = {}
            bad: set[int] = set()
            keys: Keys = []
            for parser in parsers:
                at = position.get(parser.name)
                values = [None] * n if at is None else parser.values(cols[at])
                parsed[parser.name] = values
                if parser.name == spec.key:
                    keys = values
            for parser in parsers:
                at = position.get(parser.name)
                if at is not None:
                    parser.report(self, spec, keys, lines, cols[at], parsed[parser.name], bad)
            rejected = handle(spec, keys, lines, parsed, bad)
            if rejected:
                bad.update(rejected)
            stats.mapped += n - len(bad)
            stats.reported += len(bad)
            if date_column is None or len(bad) == n:
                continue
            # The span of the dates of the rows mapped (the evidence window's start).
            days = parsed[date_column.name]
            if bad:
                days = [day for i, day in enumerate(days) if i not in bad]
            if not date_column.required and None in days:
                days = [day for day in days if day is not None]
            if days:
                low, high = min(days), max(days)
                if earliest is None or low < earliest:
                    earliest = low
                if high > self.latest_day:
                    self.latest_day = high
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
        if raw.counts.get("not_utf8"):
            self.notes.append(
                Problem(
                    code="not_utf8",
                    message=f"{raw.counts['not_utf8']} byte(s) are not UTF-8 and were read as "
                    "Windows-1252",
                    file=raw.where,
                )
            )
        stats.headers += raw.counts.get("headers", 0)
        stats.blank += raw.counts.get("blank", 0)
        stats.lines = stats.headers + stats.blank + stats.read

    def _empty(self, spec: SsdTable, key: str | None, line: int | None, column: SsdColumn) -> None:
        self.report(
            spec, key, line, column.name, "missing_value", f"{column.name} is empty",
            expected="a value" if column.kind is Kind.TEXT else "a date",
        )  # fmt: skip

    def _members(self, codes: type[CodeList], texts: list[str | None]) -> list[Any]:
        """The member each text names: ``None`` for no text, a ``_Bad`` for a text that is no
        code of the list (each distinct text parsed once per load; reported by the caller)."""
        known = self.codes[codes]
        for text in dict.fromkeys(texts):
            if text in known:
                continue
            if text is None:
                known[text] = None
                continue
            try:
                known[text] = codes.parse(text)
            except CodeError as exc:
                known[text] = _Bad(exc.expected or "")
        return list(map(known.__getitem__, texts))

    def _bad_code(
        self,
        spec: SsdTable,
        key: str | None,
        line: int | None,
        column: str,
        codes: type[CodeList],
        text: str | None,
        member: _Bad,
        record_id: str | None,
    ) -> None:
        self.report(
            spec, key, line, column, "bad_code", f"{column} is not a {codes.__name__} code",
            value=text, expected=member.expected, record_id=record_id,
        )  # fmt: skip

    def _unknown(self, spec: SsdTable, key: str | None, line: int | None, column: str,
                 person: str | None) -> None:  # fmt: skip
        self.report(
            spec, key, line, column, "unknown_person",
            f"{column} names no person in ssd_person",
            value=person, expected="a pers_person_id of ssd_person",
        )  # fmt: skip

    # -- one handler per table: the positions of the rows it could not map --------------------

    def _b_person(
        self, spec: SsdTable, keys: Keys, lines: Lines, cols: Columns, bad: set[int]
    ) -> list[int]:
        dob, rejected = self.dob, []
        for i, (person, born) in enumerate(
            zip(cols["pers_person_id"], cols["pers_dob"], strict=True)
        ):
            if bad and i in bad:
                continue
            if person in dob:
                self.report(
                    spec, keys[i], lines[i], "pers_person_id", "duplicate_person",
                    "the person appears more than once in ssd_person; the first row is used",
                    record_id=person,
                )  # fmt: skip
                rejected.append(i)
                continue
            dob[person] = born
        return rejected

    def _b_cla_episodes(
        self, spec: SsdTable, keys: Keys, lines: Lines, cols: Columns, bad: set[int]
    ) -> list[int]:
        dob, episodes, cla_person, rejected = self.dob, self.episodes, self.cla_person, []
        rne_texts = cols["clae_cla_episode_start_reason"]
        rec_texts = cols["clae_cla_episode_ceased_reason"]
        cin_texts = cols["clae_cla_primary_need_code"]
        for i, (person, cla, start, rne, cin, end, rec, placement) in enumerate(
            zip(
                cols["clae_person_id"],
                cols["clae_cla_id"],
                cols["clae_cla_episode_start_date"],
                self._members(ReasonNewEpisode, rne_texts),
                self._members(CategoryOfNeed, cin_texts),
                cols["clae_cla_episode_ceased_date"],
                self._members(ReasonEpisodeCeased, rec_texts),
                cols["clae_cla_placement_id"],
                strict=True,
            )
        ):
            if bad and i in bad:
                continue
            key, line = keys[i], lines[i]
            if person not in dob:
                self._unknown(spec, key, line, "clae_person_id", person)
                rejected.append(i)
                continue
            if rne.__class__ is _Bad:
                self._bad_code(spec, key, line, "clae_cla_episode_start_reason",
                               ReasonNewEpisode, rne_texts[i], rne, person)  # fmt: skip
            if rec.__class__ is _Bad:
                self._bad_code(spec, key, line, "clae_cla_episode_ceased_reason",
                               ReasonEpisodeCeased, rec_texts[i], rec, person)  # fmt: skip
            if cin.__class__ is _Bad:
                self._bad_code(spec, key, line, "clae_cla_primary_need_code", CategoryOfNeed,
                               cin_texts[i], cin, person)  # fmt: skip
            if cla is not None:
                cla_person.setdefault(cla, person)
            if rne.__class__ is _Bad:  # the start reason is required
                rejected.append(i)
                continue
            episodes[person].append(
                _Episode(
                    key=key,
                    line=line,
                    start=start,
                    end=end,
                    placement_id=placement,
                    reason_new=rne,
                    reason_ceased=None if rec.__class__ is _Bad else rec,
                    category_of_need=None if cin.__class__ is _Bad else cin,
                )
            )
        return rejected

    def _b_cla_placement(
        self, spec: SsdTable, keys: Keys, lines: Lines, cols: Columns, bad: set[int]
    ) -> list[int]:
        placements, rejected = self.placements, []
        kind_texts = cols["clap_cla_placement_type"]
        provider_texts = cols["clap_cla_placement_provider"]
        for i, (key, kind, provider, urn) in enumerate(
            zip(
                keys,
                self._members(PlacementType, kind_texts),
                self._members(PlacementProvider, provider_texts),
                cols["clap_cla_placement_urn"],
                strict=True,
            )
        ):
            if bad and i in bad:
                continue
            line = lines[i]
            if kind.__class__ is _Bad:
                self._bad_code(spec, key, line, "clap_cla_placement_type", PlacementType,
                               kind_texts[i], kind, None)  # fmt: skip
            if provider.__class__ is _Bad:
                self._bad_code(spec, key, line, "clap_cla_placement_provider", PlacementProvider,
                               provider_texts[i], provider, None)  # fmt: skip
            if kind.__class__ is _Bad:  # the placement type is required
                rejected.append(i)
                continue
            assert key is not None  # a required column: a row without it is bad
            if key in placements:
                self.report(
                    spec, key, line, spec.key, "duplicate_placement",
                    "the placement id appears more than once; the first row is used",
                )  # fmt: skip
                rejected.append(i)
                continue
            placements[key] = (kind, None if provider.__class__ is _Bad else provider, urn)
        return rejected

    def _b_legal_status(
        self, spec: SsdTable, keys: Keys, lines: Lines, cols: Columns, bad: set[int]
    ) -> list[int]:
        dob, legal, rejected = self.dob, self.legal, []
        texts = cols["lega_legal_status"]
        for i, (person, status, start, end) in enumerate(
            zip(
                cols["lega_person_id"],
                self._members(LegalStatus, texts),
                cols["lega_legal_status_start_date"],
                cols["lega_legal_status_end_date"],
                strict=True,
            )
        ):
            if bad and i in bad:
                continue
            known = person in dob
            if not known:
                self._unknown(spec, keys[i], lines[i], "lega_person_id", person)
            if status.__class__ is _Bad:
                self._bad_code(spec, keys[i], lines[i], "lega_legal_status", LegalStatus,
                               texts[i], status, person)  # fmt: skip
                rejected.append(i)
                continue
            if not known:
                rejected.append(i)
                continue
            legal[person].append((start, end, status))
        return rejected

    def _b_cla_reviews(
        self, spec: SsdTable, keys: Keys, lines: Lines, cols: Columns, bad: set[int]
    ) -> list[int]:
        cla_person, events, due_dates, rejected = self.cla_person, self.events, self.due, []
        texts = cols["clar_cla_review_participation"]
        for i, (key, cla, due, held, cancelled_flag, participation) in enumerate(
            zip(
                keys,
                cols["clar_cla_id"],
                cols["clar_cla_review_due_date"],
                cols["clar_cla_review_date"],
                cols["clar_cla_review_cancelled"],
                self._members(ReviewParticipation, texts),
                strict=True,
            )
        ):
            if bad and i in bad:
                continue
            person = cla_person.get(cla)
            if person is None:
                self.report(
                    spec, key, lines[i], "clar_cla_id", "orphan_review",
                    "the review's clar_cla_id matches no clae_cla_id in ssd_cla_episodes",
                    value=cla, expected="the CLA id of an episode",
                )  # fmt: skip
                rejected.append(i)
                continue
            cancelled = bool(cancelled_flag)
            if held is None and due is None:
                self.report(
                    spec, key, lines[i], "clar_cla_review_date", "missing_value",
                    "the review has neither a date held nor a due date", record_id=person,
                    expected="clar_cla_review_date or clar_cla_review_due_date",
                )  # fmt: skip
                rejected.append(i)
                continue
            if participation.__class__ is _Bad:
                self._bad_code(spec, key, lines[i], "clar_cla_review_participation",
                               ReviewParticipation, texts[i], participation, None)  # fmt: skip
                participation = None
            if held is not None and not cancelled:
                events[person]["reviews"].append(_REVIEW(date=held, participation=participation))
            if due is not None:
                due_dates[person].append(
                    _DUE(
                        child_id=person,
                        review_id=key,
                        due=due,
                        held_on=None if cancelled else held,
                        cancelled=cancelled,
                    )
                )
        return rejected

    def _b_cla_visits(
        self, spec: SsdTable, keys: Keys, lines: Lines, cols: Columns, bad: set[int]
    ) -> list[int]:
        """Visits (the largest table)."""
        events, dob = self.events, self.dob
        rejected: list[int] = []
        persons = cols["clav_person_id"]
        rows = zip(
            persons,
            cols["clav_cla_visit_date"],
            cols["clav_cla_visit_seen"],
            cols["clav_cla_visit_seen_alone"],
            strict=True,
        )
        if not bad and dob.keys() >= set(persons):  # every row usable: nothing to test per row
            for person, day, seen, alone in rows:
                events[person]["visits"].append(
                    _VISIT(date=day, seen=True if seen is None else seen, seen_alone=alone)
                )
            return rejected
        for i, (person, day, seen, alone) in enumerate(rows):
            if bad and i in bad:
                continue
            if person not in dob:
                self._unknown(spec, keys[i], lines[i], "clav_person_id", person)
                rejected.append(i)
                continue
            events[person]["visits"].append(
                _VISIT(date=day, seen=True if seen is None else seen, seen_alone=alone)
            )
        return rejected

    def _b_cla_health(
        self, spec: SsdTable, keys: Keys, lines: Lines, cols: Columns, bad: set[int]
    ) -> list[int]:
        dob, events, types, statuses, rejected = (
            self.dob,
            self.events,
            self.types,
            self.statuses,
            [],
        )
        for i, (person, text, day, status) in enumerate(
            zip(
                cols["clah_person_id"],
                cols["clah_health_check_type"],
                cols["clah_health_check_date"],
                cols["clah_health_check_status"],
                strict=True,
            )
        ):
            if bad and i in bad:
                continue
            if person not in dob:
                self._unknown(spec, keys[i], lines[i], "clah_person_id", person)
                rejected.append(i)
                continue
            if text not in types:
                types[text] = self.health.classify(text)
            kind = types[text]
            if kind is None:
                self.report(
                    spec, keys[i], lines[i], "clah_health_check_type",
                    "unknown_health_check_type",
                    "the health-check type is not in the mapping", record_id=person,
                    value=text,
                    expected="a type listed in the health-check mapping (extend it with "
                    "HEALTH_CHECKS.with_types)",
                )  # fmt: skip
                rejected.append(i)
                continue
            if status not in statuses:
                statuses[status] = self.health.took_place(status)
            took_place = statuses[status]
            if took_place is None:
                self.report(
                    spec, keys[i], lines[i], "clah_health_check_status",
                    "unknown_health_check_status",
                    "the health-check status is not in the mapping", record_id=person,
                    value=status,
                    expected="a status listed as done or not done in the health-check mapping",
                )  # fmt: skip
                rejected.append(i)
                continue
            if not took_place or kind is HealthCheck.OTHER:
                self.not_assessments[
                    "not done" if not took_place else "not a health assessment"
                ] += 1
            elif kind is HealthCheck.DENTAL:
                events[person]["dental_checks"].append(_DENTAL(date=day))
            elif kind is HealthCheck.INITIAL:
                # The SSD does not record who carried it out: an initial assessment is taken
                # as done by a registered medical practitioner, as reg 7 requires.
                events[person]["health_assessments"].append(
                    _HEALTH(date=day, kind=_INITIAL, by_medical_practitioner=True)
                )
            else:
                events[person]["health_assessments"].append(
                    _HEALTH(date=day, kind=_REVIEW_KIND, by_medical_practitioner=None)
                )
        return rejected

    def _b_cla_care_plan(
        self, spec: SsdTable, keys: Keys, lines: Lines, cols: Columns, bad: set[int]
    ) -> list[int]:
        dob, events, rejected = self.dob, self.events, []
        for i, (person, start) in enumerate(
            zip(cols["lacp_person_id"], cols["lacp_cla_care_plan_start_date"], strict=True)
        ):
            if bad and i in bad:
                continue
            if person not in dob:
                self._unknown(spec, keys[i], lines[i], "lacp_person_id", person)
                rejected.append(i)
                continue
            events[person]["care_plans"].append(_CARE_PLAN(date=start))
        return rejected

    def _b_care_leavers(
        self, spec: SsdTable, keys: Keys, lines: Lines, cols: Columns, bad: set[int]
    ) -> list[int]:
        dob, events, rejected = self.dob, self.events, []
        for i, (person, contact, plan, team, worker) in enumerate(
            zip(
                cols["clea_person_id"],
                cols["clea_care_leaver_latest_contact"],
                cols["clea_pathway_plan_review_date"],
                cols["clea_care_leaver_allocated_team"],
                cols["clea_care_leaver_worker_id"],
                strict=True,
            )
        ):
            if bad and i in bad:
                continue
            if person not in dob:
                self._unknown(spec, keys[i], lines[i], "clea_person_id", person)
                rejected.append(i)
                continue
            latest = self.latest[person]
            if contact is not None:
                events[person]["pa_contacts"].append(_PA_CONTACT(date=contact))
                latest["pa_contacts"] = min(latest.get("pa_contacts", contact), contact)
            if plan is not None:
                events[person]["pathway_plans"].append(_PATHWAY_PLAN(date=plan, kind=_PLAN_REVIEW))
                latest["pathway_plans"] = min(latest.get("pathway_plans", plan), plan)
            if worker is not None:
                events[person]["allocations"].append(
                    _ALLOCATION(
                        child_id=person, worker=worker, team=team, role="care leaver worker"
                    )
                )
        return rejected

    def _b_missing(
        self, spec: SsdTable, keys: Keys, lines: Lines, cols: Columns, bad: set[int]
    ) -> list[int]:
        dob, events, rejected = self.dob, self.events, []
        for i, (person, start, end, text) in enumerate(
            zip(
                cols["miss_person_id"],
                cols["miss_missing_episode_start_date"],
                cols["miss_missing_episode_end_date"],
                cols["miss_missing_episode_type"],
                strict=True,
            )
        ):
            if bad and i in bad:
                continue
            if person not in dob:
                self._unknown(spec, keys[i], lines[i], "miss_person_id", person)
                rejected.append(i)
                continue
            kind = MissingType.M
            if text is not None:
                word = text.strip().lower()
                if word.startswith(("a", "absent")):
                    kind = MissingType.A
                elif not word.startswith("m"):
                    self.report(
                        spec, keys[i], lines[i], "miss_missing_episode_type", "bad_code",
                        "the missing-episode type is neither missing nor away", value=text,
                        expected="M (missing) or A (away without authorisation)",
                        record_id=person,
                    )  # fmt: skip
                    rejected.append(i)
                    continue
            if end is not None and end < start:
                self.report(
                    spec, keys[i], lines[i], "miss_missing_episode_end_date", "ends_before_start",
                    "the missing episode ends before it starts", record_id=person,
                )  # fmt: skip
                rejected.append(i)
                continue
            events[person]["missing"].append(_MISSING(start=start, end=end, kind=kind))
        return rejected

    def _b_involvements(
        self, spec: SsdTable, keys: Keys, lines: Lines, cols: Columns, bad: set[int]
    ) -> list[int]:
        dob, involvements, rejected = self.dob, self.involvements, []
        for i, row in enumerate(
            zip(
                cols["invo_person_id"],
                cols["invo_professional_id"],
                cols["invo_professional_role_id"],
                cols["invo_professional_team"],
                cols["invo_involvement_start_date"],
                cols["invo_involvement_end_date"],
                strict=True,
            )
        ):
            if bad and i in bad:
                continue
            person = row[0]
            if person not in dob:
                self._unknown(spec, keys[i], lines[i], "invo_person_id", person)
                rejected.append(i)
                continue
            involvements.append((person, _Involvement(*row[1:])))
        return rejected

    def _b_professionals(
        self, spec: SsdTable, keys: Keys, lines: Lines, cols: Columns, bad: set[int]
    ) -> list[int]:
        professionals = self.professionals
        for i, (key, staff, department) in enumerate(
            zip(keys, cols["prof_staff_id"], cols["prof_professional_department"], strict=True)
        ):
            if bad and i in bad:
                continue
            assert key is not None  # a required column: a row without it is bad
            professionals.setdefault(key, (staff, department))
        return []

    # -- building -----------------------------------------------------------------------------

    def _moved_to_reported(self, name: str) -> None:
        stats = self.stats[name]
        stats.mapped -= 1
        stats.reported += 1

    def _episodes_of(self, person: str) -> tuple[Episode, ...]:
        """The person's episodes, in the order they start (as the record keeps them)."""
        rows = self.episodes.get(person)
        if not rows:
            return ()
        spec = _EPISODES
        statuses = self.legal.get(person, [])
        if len(statuses) > 1:
            statuses = sorted(statuses, key=_first)
        out: list[Episode] = []
        for row in sorted(rows, key=_start) if len(rows) > 1 else rows:
            start = row.start
            placement = self.placements.get(row.placement_id or "")
            if placement is None:
                self.report(
                    spec, row.key, row.line, "clae_cla_placement_id", "unknown_placement",
                    "the episode's placement is not in ssd_cla_placement", record_id=person,
                    value=row.placement_id,
                    expected="the clap_cla_placement_id of a placement",
                )  # fmt: skip
                self._moved_to_reported(spec.name)
                continue
            # The latest status begun by the day the episode starts and still in force then.
            legal = None
            for begin, end, status in reversed(statuses):
                if begin <= start and (end is None or start < end or begin == end == start):
                    legal = status
                    break
            if legal is None:
                self.report(
                    spec, row.key, row.line, "clae_cla_episode_start_date", "no_legal_status",
                    "no row of ssd_legal_status for the person is in force on the day the "
                    "episode starts", record_id=person,
                    expected="a legal status starting on or before the episode",
                )  # fmt: skip
                self._moved_to_reported(spec.name)
                continue
            kind, provider, urn = placement
            out.append(
                _EPISODE(
                    start=start,
                    end=row.end,
                    legal_status=legal,
                    placement=kind,
                    provider=provider,
                    urn=urn,
                    reason_new=row.reason_new,
                    reason_ceased=row.reason_ceased,
                    category_of_need=row.category_of_need,
                )
            )
        return tuple(out)

    def _allocations(self) -> dict[str, list[Allocation]]:
        out: dict[str, list[Allocation]] = defaultdict(list)
        professionals = self.professionals
        for person, row in self.involvements:
            staff, department = professionals.get(row.professional_id, (None, None))
            out[person].append(
                _ALLOCATION(
                    child_id=person,
                    worker=staff or row.professional_id,
                    team=row.team or department,
                    role=row.role,
                    start=row.start,
                    end=row.end,
                )
            )
        for person, tables in self.events.items():
            out[person].extend(tables.get("allocations", ()))
        return out

    def _after_extraction(self, day: dt.date | None, table: str, person: str | None) -> bool:
        """Record (in ``fatal``) a table's data dated after ``extracted_on``: the extraction
        day cannot come before what was extracted."""
        if day is None or self.extracted_on is None or day <= self.extracted_on:
            return False
        self.fatal.append(
            Problem(
                code="dated_after_extraction",
                message=f"{table} holds dates from {day.isoformat()}, after the extraction "
                f"day given ({self.extracted_on.isoformat()})",
                file=self.where.get(table),
                record_id=person,
                expected="an extraction day on or after every date the tables hold",
            )
        )
        return True

    def _windows(self) -> dict[str, EvidenceWindow]:
        windows: dict[str, EvidenceWindow] = {}
        for spec in TABLES:
            for kind in spec.evidence:
                if self.usable.get(spec.name) and self.stats[spec.name].mapped:
                    start = self.earliest.get(spec.name)
                    if self._after_extraction(start, spec.name, None):
                        start = None  # reported: the load stops below
                    windows[kind] = EvidenceWindow(start=start, end=self.extracted_on)
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
        if self.fatal:
            raise LoadError(self.fatal, headline="the SSD tables postdate the extraction day")
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
        no_events: dict[str, list[Any]] = {}
        for person in sorted(people):
            tables = self.events.get(person, no_events)
            evidence = shared
            latest = self.latest.get(person)
            if latest is not None:
                # ssd_care_leavers holds the latest contact and pathway-plan review only:
                # earlier ones are unknown, so the window starts at the one recorded.
                own = dict(windows)
                for kind in ("pa_contacts", "pathway_plans"):
                    day = latest.get(kind)
                    if day is not None and not self._after_extraction(
                        day, "ssd_care_leavers", person
                    ):
                        own[kind] = EvidenceWindow(start=day, end=self.extracted_on)
                evidence = Evidence(windows=own, default=_NOT_HELD, source=source)
            fields: dict[str, Any] = {}
            for field, events in tables.items():
                if field == "allocations":
                    continue
                if len(events) > 1:
                    events.sort(key=RECORD_SORT_KEYS[field])  # as the checked constructor sorts
                fields[field] = tuple(events)
            record = _RECORD(
                child=_CHILD(id=person, date_of_birth=self.dob[person]),
                episodes=self._episodes_of(person),
                evidence=evidence,
                **fields,
            )
            self.problems.extend(record.problems())
            records.append(record)
        if self.fatal:  # a care leaver's contact or plan review after the extraction day
            raise LoadError(self.fatal, headline="the SSD tables postdate the extraction day")
        return records, self._allocations()

    def year_end(self) -> dt.date:
        """The 31 March on or after the latest date the tables hold (episodes' ends included):
        how far the data runs."""
        latest = self.latest_day
        for rows in self.episodes.values():
            for row in rows:
                day = row.end
                if day is not None and day > latest:
                    latest = day
        year = latest.year if latest <= dt.date(latest.year, 3, 31) else latest.year + 1
        return dt.date(year, 3, 31)

    def due_dates(self) -> dict[str, list[SystemReviewDue]]:
        """The system's review due dates of children with a record."""
        return dict(self.due)


def _first(status: tuple[dt.date, dt.date | None, LegalStatus]) -> dt.date:
    return status[0]


def _start(row: _Episode) -> dt.date:
    return row.start


class _ColumnParser:
    """Parses one column's values, batch after batch, and reports the unusable ones.

    A date or flag column parses each distinct raw value once per load (a few thousand
    distinct dates stand for millions of cells).
    """

    __slots__ = ("bad", "column", "expected", "name", "parse", "seen")

    def __init__(self, column: SsdColumn) -> None:
        self.column = column
        self.name = column.name
        self.parse: Callable[[Any], tuple[Any, str | None]] | None = (
            None if column.kind is Kind.TEXT else as_date if column.kind is Kind.DATE else as_flag
        )
        self.seen: dict[Any, Any] = {}  # raw value -> parsed value
        self.expected: dict[Any, str] = {}  # raw value -> what was expected, if unreadable
        self.bad: set[Any] = set()  # raw values that are unreadable, or empty when required

    def values(self, raw: Sequence[Any]) -> list[Any]:
        """The parsed values of one batch of the column."""
        parse = self.parse
        if parse is None:
            try:  # all text (the usual case): stripped at C speed
                texts: list[Any] = list(map(str.strip, raw))
            except TypeError:  # NULLs, numbers
                return [
                    (v.strip() or None) if v.__class__ is str else None if v is None else _text(v)
                    for v in raw
                ]
            return [v or None for v in texts] if "" in texts else texts
        seen = self.seen
        try:  # every value parsed before (the usual case after the first batches)
            return list(map(seen.__getitem__, raw))
        except KeyError:
            pass
        if len(seen) > 200_000:
            seen.clear()
            self.expected.clear()
            self.bad.clear()
        # The distinct values not yet parsed, in the order they first appear.
        for value in [v for v in dict.fromkeys(raw) if v not in seen]:
            parsed, expected = parse(value)
            seen[value] = parsed
            if expected is not None:
                self.expected[value] = expected
                self.bad.add(value)
            elif parsed is None and self.column.required:
                self.bad.add(value)
        return list(map(seen.__getitem__, raw))

    def report(
        self,
        builder: Builder,
        spec: SsdTable,
        keys: Keys,
        lines: Lines,
        raw: Sequence[Any],
        values: list[Any],
        bad: set[int],
    ) -> None:
        """Report one batch's unusable values (``raw`` as read, ``values`` as parsed); add the
        rows that cannot be used to ``bad``."""
        column = self.column
        if self.parse is None:
            if column.required and None in values:
                for i in [i for i, v in enumerate(values) if v is None]:
                    builder._empty(spec, keys[i], lines[i], column)
                    bad.add(i)
            return
        if not self.bad:
            return
        unusable = self.bad.intersection(raw)
        if not unusable:
            return
        for i in [i for i, v in enumerate(raw) if v in unusable]:
            v = raw[i]
            expected = self.expected.get(v)
            if expected is not None:
                builder.report(
                    spec, keys[i], lines[i], column.name, "bad_value",
                    f"{column.name} is not readable", value=v, expected=expected,
                )  # fmt: skip
                if column.required:
                    bad.add(i)
            else:
                builder._empty(spec, keys[i], lines[i], column)
                bad.add(i)


def read_all(builder: Builder, tables: Iterable[RawTable]) -> None:
    """Feed every table to ``builder``."""
    for raw in tables:
        builder.read(raw)
