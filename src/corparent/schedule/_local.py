"""Local duties with their own trigger (pledge standards that are not overlays)."""

from __future__ import annotations

from corparent.law import Trigger
from corparent.schedule._obligation import Status
from corparent.schedule._run import Run

__all__ = ["plan_local"]

# -- local duties with their own trigger ---------------------------------------------------------


def plan_local(run: Run) -> None:
    for duty in run.local_duties:
        if duty.trigger is Trigger.CONTACT_REQUESTED:
            for request in run.record.contact_requests:
                run.emit(
                    duty,
                    request.date,
                    request.responded_on,
                    f"contact request of {request.date.isoformat()}",
                    kind="contact_requests",
                )
        elif duty.trigger is Trigger.PLACEMENT_MOVED:
            firsts = {period.start for period in run.record.periods_of_care()}
            reviews = [r.date for r in run.record.reviews]
            window = run.window("reviews")
            for placement in run.record.placements():
                if placement.start in firsts or placement.is_temporary:
                    continue
                met = next((d for d in reviews if d >= placement.start), None)
                unseen = not placement.start_known or window.may_lack_since(placement.start)
                run.emit(
                    duty,
                    placement.start,
                    met,
                    f"placement from {placement.start.isoformat()}",
                    kind="reviews",
                    status=Status.NOT_ASSESSABLE if unseen and window.held else None,
                    reason="The placement or its review may lie before the data's window."
                    if unseen
                    else "",
                )
