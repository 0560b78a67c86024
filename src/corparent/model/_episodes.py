"""Episodes of care (903 Episodes table) and the views derived from them."""

from __future__ import annotations

import datetime as dt

import attrs

from corparent.codes import (
    CategoryOfNeed,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
)
from corparent.model._base import check_date, check_optional_date, to_code, to_optional_code

__all__ = ["Episode", "PeriodOfCare", "Placement"]


# Converters: a member, or its 903 code as a string ("C2"); a bad code names the field.
def _legal_status(value: LegalStatus | str) -> LegalStatus:
    return to_code(LegalStatus, value, "Episode.legal_status")


def _placement(value: PlacementType | str) -> PlacementType:
    return to_code(PlacementType, value, "Episode.placement")


def _reason_new(value: ReasonNewEpisode | str) -> ReasonNewEpisode:
    return to_code(ReasonNewEpisode, value, "Episode.reason_new")


def _reason_ceased(value: ReasonEpisodeCeased | str | None) -> ReasonEpisodeCeased | None:
    return to_optional_code(ReasonEpisodeCeased, value, "Episode.reason_ceased")


def _provider(value: PlacementProvider | str | None) -> PlacementProvider | None:
    return to_optional_code(PlacementProvider, value, "Episode.provider")


def _reason_place_change(value: ReasonPlaceChange | str | None) -> ReasonPlaceChange | None:
    return to_optional_code(ReasonPlaceChange, value, "Episode.reason_place_change")


def _category_of_need(value: CategoryOfNeed | str | None) -> CategoryOfNeed | None:
    return to_optional_code(CategoryOfNeed, value, "Episode.category_of_need")


@attrs.frozen(kw_only=True)
class Episode:
    """One row of the 903 Episodes table: a stretch of care with one legal status and placement.

    Codes may be given as members (``LegalStatus.C2``) or as the 903 code (``"C2"``); a code
    that is not in the list raises :class:`~corparent.errors.CodeError` naming the field.
    A new episode starts whenever the legal status or the placement changes. ``end`` is the
    date the episode ceased (903 DEC): on that day the child is already in the next episode
    (REC ``X1``, same-day successor) or no longer looked after, so "on a day" questions treat
    ``end`` as exclusive.

    Attributes:
        start: 903 DECOM.
        end: 903 DEC, or ``None`` while the episode continues.
        legal_status: 903 LS.
        placement: 903 PLACE.
        reason_new: 903 RNE (why this episode began).
        reason_ceased: 903 REC (why it ended); set exactly when ``end`` is.
        provider: 903 PLACE_PROVIDER (blank for temporary and other placements).
        reason_place_change: 903 REASON_PLACE_CHANGE (recorded on the ending episode).
        category_of_need: 903 CIN.
        home_postcode: 903 HOME_POST (personal: never shown).
        placement_postcode: 903 PL_POST (personal: never shown).
        urn: 903 URN: the Ofsted unique reference number of the placement provider.
    """

    start: dt.date = attrs.field(validator=check_date)
    end: dt.date | None = attrs.field(default=None, validator=check_optional_date)
    legal_status: LegalStatus = attrs.field(converter=_legal_status)
    placement: PlacementType = attrs.field(converter=_placement)
    reason_new: ReasonNewEpisode = attrs.field(default=ReasonNewEpisode.S, converter=_reason_new)
    reason_ceased: ReasonEpisodeCeased | None = attrs.field(default=None, converter=_reason_ceased)
    provider: PlacementProvider | None = attrs.field(default=None, converter=_provider)
    reason_place_change: ReasonPlaceChange | None = attrs.field(
        default=None, converter=_reason_place_change
    )
    category_of_need: CategoryOfNeed | None = attrs.field(default=None, converter=_category_of_need)
    home_postcode: str | None = attrs.field(default=None, repr=False)
    placement_postcode: str | None = attrs.field(default=None, repr=False)
    urn: str | None = None

    def covers(self, day: dt.date) -> bool:
        """True if the child is in this episode on ``day`` (``start <= day < end``)."""
        return self.start <= day and (self.end is None or day < self.end)


@attrs.frozen(kw_only=True)
class Placement:
    """A run of episodes with the same placement and carers.

    A new placement begins with a new period of care and whenever an episode starts for a
    placement reason (RNE P, T, U or B); a change of legal status only (RNE L) continues it.
    RNE U and B ("same carers") count as new placements because the placement itself changed
    (CPPCR reg 28 runs "for any placement"). Temporary placements (T0-T4) are placements of their
    own in the data; :attr:`is_temporary` lets rules decide how to treat them.

    Attributes:
        start: The first day of the placement.
        end: The day it ended (its last episode's ``end``), or ``None``.
        placement_type: 903 PLACE of its first episode.
        provider: 903 PLACE_PROVIDER of its first episode.
        episodes: The episodes it spans.
        start_known: ``False`` when the placement began before the data's window on a day the
            data does not hold (its first visible episode changed only the legal status).
    """

    start: dt.date
    end: dt.date | None
    placement_type: PlacementType
    provider: PlacementProvider | None
    episodes: tuple[Episode, ...] = attrs.field(repr=False)
    start_known: bool = True

    @property
    def is_temporary(self) -> bool:
        """True for a T0-T4 temporary move."""
        return self.placement_type.is_temporary

    def covers(self, day: dt.date) -> bool:
        """True if the child is in this placement on ``day``."""
        return self.start <= day and (self.end is None or day < self.end)


@attrs.frozen(kw_only=True)
class PeriodOfCare:
    """A continuous period of being looked after: episodes joined by REC ``X1``.

    Attributes:
        start: The day the child became looked after; when ``start_known`` is ``False``, the
            first day the data shows (the period began earlier, on a day it does not hold).
        end: The day the child ceased to be looked after, or ``None``.
        episodes: The episodes of the period.
        start_known: ``True`` when the data holds the day the period began: its first episode
            has RNE ``S`` (or the record holds the child's whole history).
    """

    start: dt.date
    end: dt.date | None
    episodes: tuple[Episode, ...] = attrs.field(repr=False)
    start_known: bool = True

    @property
    def reason_ceased(self) -> ReasonEpisodeCeased | None:
        """Why the period ended (the last episode's REC), or ``None`` while it continues."""
        return self.episodes[-1].reason_ceased

    def covers(self, day: dt.date) -> bool:
        """True if the child is looked after in this period on ``day``."""
        return self.start <= day and (self.end is None or day < self.end)
