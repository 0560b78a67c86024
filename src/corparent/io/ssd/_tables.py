"""The SSD tables corparent reads, and the columns it names in each (never ``SELECT *``).

Only the columns a duty needs are read. ``ssd_person`` holds names, UPNs and dates of birth:
corparent reads the person id and the date of birth (which the leaving-care and health duties
need) and nothing else; free-text columns (care-plan JSON, personal adviser names) are never
read.
"""

from __future__ import annotations

import enum

import attrs

__all__ = ["TABLES", "Kind", "SsdColumn", "SsdTable", "table"]


class Kind(enum.Enum):
    """How a column's values are parsed."""

    TEXT = "text"
    DATE = "date"
    FLAG = "flag"


@attrs.frozen(kw_only=True)
class SsdColumn:
    """One column corparent reads from an SSD table.

    Attributes:
        name: The SSD field name.
        kind: How its values are parsed.
        required: A row without a usable value here cannot be used (it is reported).
        personal: Its values could identify a child; they never appear in messages.
    """

    name: str
    kind: Kind = Kind.TEXT
    required: bool = False
    personal: bool = False


def _c(
    name: str, kind: Kind = Kind.TEXT, *, required: bool = False, personal: bool = False
) -> SsdColumn:
    return SsdColumn(name=name, kind=kind, required=required, personal=personal)


D, F = Kind.DATE, Kind.FLAG


@attrs.frozen(kw_only=True)
class SsdTable:
    """An SSD table: its name, the key column that identifies a row, and the columns read.

    Attributes:
        name: The table name (``ssd_cla_visits``).
        key: The column naming a row in messages (the table's id).
        columns: The columns read, in ``SELECT`` order.
        required: The load cannot go on without it (people and episodes).
        evidence: The CaseRecord field (kind of evidence) the table holds, if any.
        date_column: The column whose earliest value starts the table's evidence window.
    """

    name: str
    key: str
    columns: tuple[SsdColumn, ...]
    required: bool = False
    evidence: tuple[str, ...] = ()
    date_column: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The column names, in ``SELECT`` order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> SsdColumn:
        """The column called ``name``."""
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


TABLES: tuple[SsdTable, ...] = (
    SsdTable(
        name="ssd_person",
        key="pers_person_id",
        columns=(
            _c("pers_person_id", required=True),
            _c("pers_dob", D, required=True, personal=True),
        ),
        required=True,
    ),
    SsdTable(
        name="ssd_cla_episodes",
        key="clae_cla_episode_id",
        columns=(
            _c("clae_cla_episode_id", required=True),
            _c("clae_person_id", required=True),
            _c("clae_cla_id"),
            _c("clae_cla_episode_start_date", D, required=True),
            _c("clae_cla_episode_start_reason", required=True),
            _c("clae_cla_primary_need_code"),
            _c("clae_cla_episode_ceased_date", D),
            _c("clae_cla_episode_ceased_reason"),
            _c("clae_cla_placement_id"),
        ),
        required=True,
        evidence=("episodes",),
        date_column="clae_cla_episode_start_date",
    ),
    SsdTable(
        name="ssd_cla_placement",
        key="clap_cla_placement_id",
        columns=(
            _c("clap_cla_placement_id", required=True),
            _c("clap_cla_placement_type", required=True),
            _c("clap_cla_placement_provider"),
            _c("clap_cla_placement_urn"),
        ),
        required=True,
    ),
    SsdTable(
        name="ssd_legal_status",
        key="lega_legal_status_id",
        columns=(
            _c("lega_legal_status_id", required=True),
            _c("lega_person_id", required=True),
            _c("lega_legal_status", required=True),
            _c("lega_legal_status_start_date", D, required=True),
            _c("lega_legal_status_end_date", D),
        ),
        required=True,
    ),
    SsdTable(
        name="ssd_cla_reviews",
        key="clar_cla_review_id",
        columns=(
            _c("clar_cla_review_id", required=True),
            _c("clar_cla_id", required=True),
            _c("clar_cla_review_due_date", D),
            _c("clar_cla_review_date", D),
            _c("clar_cla_review_cancelled", F),
            _c("clar_cla_review_participation"),
        ),
        evidence=("reviews",),
        date_column="clar_cla_review_date",
    ),
    SsdTable(
        name="ssd_cla_visits",
        key="clav_cla_visit_id",
        columns=(
            _c("clav_cla_visit_id", required=True),
            _c("clav_person_id", required=True),
            _c("clav_cla_visit_date", D, required=True),
            _c("clav_cla_visit_seen", F),
            _c("clav_cla_visit_seen_alone", F),
        ),
        evidence=("visits",),
        date_column="clav_cla_visit_date",
    ),
    SsdTable(
        name="ssd_cla_health",
        key="clah_health_check_id",
        columns=(
            _c("clah_health_check_id", required=True),
            _c("clah_person_id", required=True),
            _c("clah_health_check_type", required=True),
            _c("clah_health_check_date", D, required=True),
            _c("clah_health_check_status"),
        ),
        evidence=("health_assessments", "dental_checks"),
        date_column="clah_health_check_date",
    ),
    SsdTable(
        name="ssd_cla_care_plan",
        key="lacp_table_id",
        columns=(
            _c("lacp_table_id", required=True),
            _c("lacp_person_id", required=True),
            _c("lacp_cla_care_plan_start_date", D, required=True),
            _c("lacp_cla_care_plan_end_date", D),
        ),
        evidence=("care_plans",),
        date_column="lacp_cla_care_plan_start_date",
    ),
    SsdTable(
        name="ssd_care_leavers",
        key="clea_table_id",
        columns=(
            _c("clea_table_id", required=True),
            _c("clea_person_id", required=True),
            _c("clea_care_leaver_latest_contact", D),
            _c("clea_pathway_plan_review_date", D),
            _c("clea_care_leaver_allocated_team"),
            _c("clea_care_leaver_worker_id"),
        ),
        evidence=("pathway_plans", "pa_contacts"),
        date_column="clea_pathway_plan_review_date",
    ),
    SsdTable(
        name="ssd_missing",
        key="miss_table_id",
        columns=(
            _c("miss_table_id", required=True),
            _c("miss_person_id", required=True),
            _c("miss_missing_episode_start_date", D, required=True),
            _c("miss_missing_episode_end_date", D),
            _c("miss_missing_episode_type"),
        ),
        evidence=("missing",),
        date_column="miss_missing_episode_start_date",
    ),
    SsdTable(
        name="ssd_involvements",
        key="invo_involvements_id",
        columns=(
            _c("invo_involvements_id", required=True),
            _c("invo_person_id", required=True),
            _c("invo_professional_id", required=True),
            _c("invo_professional_role_id"),
            _c("invo_professional_team"),
            _c("invo_involvement_start_date", D, required=True),
            _c("invo_involvement_end_date", D),
        ),
    ),
    SsdTable(
        name="ssd_professionals",
        key="prof_professional_id",
        columns=(
            _c("prof_professional_id", required=True),
            _c("prof_staff_id"),
            _c("prof_professional_department"),
        ),
    ),
)
"""Every SSD table read, in load order."""

_BY_NAME = {t.name: t for t in TABLES}


def table(name: str) -> SsdTable:
    """The table called ``name``."""
    return _BY_NAME[name]
