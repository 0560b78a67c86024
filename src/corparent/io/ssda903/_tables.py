"""The SSDA903 tables: file names, columns, which columns are required and which are personal."""

from __future__ import annotations

import attrs

__all__ = ["PERSONAL_COLUMNS", "TABLES", "TableSpec", "table_for_header"]


@attrs.frozen(kw_only=True)
class TableSpec:
    """One SSDA903 table.

    Attributes:
        name: Our name for it (``"episodes"``).
        file_stems: File names (without ``.csv``, lower case, no separators) it is found under.
        columns: Every column, in the DfE's order.
        required: Columns without which a row cannot be used.
    """

    name: str
    file_stems: tuple[str, ...]
    columns: tuple[str, ...]
    required: tuple[str, ...]


TABLES: tuple[TableSpec, ...] = (
    TableSpec(name="header", file_stems=("header",),
              columns=("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
              required=("CHILD", "DOB")),
    TableSpec(name="episodes", file_stems=("episodes", "episode"),
              columns=("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC",
                       "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"),
              required=("CHILD", "DECOM", "RNE", "LS", "PLACE")),
    TableSpec(name="reviews", file_stems=("reviews", "review"),
              columns=("CHILD", "DOB", "REVIEW", "REVIEW_CODE"), required=("CHILD", "REVIEW")),
    TableSpec(name="uasc", file_stems=("uasc",), columns=("CHILD", "SEX", "DOB", "DUC"),
              required=("CHILD",)),
    TableSpec(name="oc2", file_stems=("oc2",),
              columns=("CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
                       "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
                       "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
              required=("CHILD",)),
    TableSpec(name="oc3", file_stems=("oc3",),
              columns=("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
              required=("CHILD", "IN_TOUCH")),
    TableSpec(name="ad1", file_stems=("ad1",),
              columns=("CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR",
                       "SEX_ADOPTR", "LS_ADOPTR"),
              required=("CHILD",)),
    TableSpec(name="placed_adoption", file_stems=("placedadoption", "placedforadoption"),
              columns=("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
              required=("CHILD", "DATE_PLACED")),
    TableSpec(name="prev_perm", file_stems=("prevperm", "previouspermanence"),
              columns=("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"), required=("CHILD",)),
    TableSpec(name="missing", file_stems=("missing",),
              columns=("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
              required=("CHILD", "MIS_START")),
    TableSpec(name="sw_episodes", file_stems=("swepisodes", "socialworkerepisodes"),
              columns=("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
              required=("CHILD", "SW_ID", "SW_DECOM")),
    TableSpec(name="dolo", file_stems=("dolo", "deprivationofliberty"),
              columns=("CHILD", "DOB", "DOLO_START", "DOLO_END"), required=("CHILD", "DOLO_START")),
)  # fmt: skip
"""Every table of the return."""

PERSONAL_COLUMNS = frozenset({"DOB", "MC_DOB", "UPN", "HOME_POST", "PL_POST"})
"""Columns whose values could identify a child: never shown in a problem message."""

_SIGNATURES = {
    "episodes": {"DECOM", "RNE"},
    "reviews": {"REVIEW", "REVIEW_CODE"},
    "uasc": {"DUC"},
    "oc2": {"SDQ_SCORE"},
    "oc3": {"IN_TOUCH"},
    "ad1": {"DATE_INT"},
    "placed_adoption": {"DATE_PLACED"},
    "prev_perm": {"PREV_PERM"},
    "missing": {"MIS_START"},
    "sw_episodes": {"SW_ID"},
    "dolo": {"DOLO_START"},
    "header": {"ETHNIC", "DOB"},
}


def table_for_header(columns: set[str]) -> TableSpec | None:
    """The table a file belongs to, judged by its (upper-case) header."""
    for name, signature in _SIGNATURES.items():
        if signature <= columns:
            return next(t for t in TABLES if t.name == name)
    return None
