"""Control periods: who held a place from when to when, with the events that say so.

A territorial event that happened (a capture, a retake, a non-violent handover) at a
resolved, town-precision place and with a known date opens a period of control for its
actor1 and closes the previous holder's period.  Forecasts, hypotheses and denied
claims never move a front line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..records import ControlPeriod, Event

TERRITORIAL = frozenset({"Government regains territory", "Non-state actor overtakes territory",
                         "Non-violent transfer of territory"})


def _day(value: str | None) -> str | None:
    if not value:
        return None
    head = value.split("/")[0]
    return head if len(head) == 10 else None


def _control_changes(events: Iterable[Event]) -> dict[str, list[Event]]:
    by_place: dict[str, list[Event]] = {}
    for event in events:
        if (event.happened and event.sub_event_type in TERRITORIAL and event.actor1
                and event.gazetteer_id and event.geo_precision == 1 and _day(event.event_date)):
            by_place.setdefault(event.gazetteer_id, []).append(event)
    return by_place


def derive_control(events: Iterable[Event]) -> list[ControlPeriod]:
    """Control periods per place, in date order; the last period of a place is open-ended."""
    periods: list[ControlPeriod] = []
    for place_id, changes in sorted(_control_changes(events).items()):
        changes.sort(key=lambda e: (_day(e.event_date), e.id))
        current: ControlPeriod | None = None
        for event in changes:
            start = _day(event.event_date)
            if current and current.actor == event.actor1:
                current = ControlPeriod(current.place_id, current.place_name, current.actor,
                                        current.start, None, current.evidence + event.claim_ids)
                continue
            if current:
                periods.append(ControlPeriod(current.place_id, current.place_name, current.actor,
                                             current.start, start, current.evidence))
            current = ControlPeriod(place_id, event.location or place_id, event.actor1 or "",
                                    start, None, event.claim_ids)
        if current:
            periods.append(current)
    return periods


def control_as_of(periods: Sequence[ControlPeriod], place_id: str, date: str) -> ControlPeriod | None:
    """The period covering ``date`` (ISO) at a place, if the evidence says who held it."""
    for period in periods:
        if period.place_id != place_id:
            continue
        if (period.start or "") <= date and (period.end is None or date < period.end):
            return period
    return None


def changes_between(periods: Sequence[ControlPeriod], start: str, end: str) -> list[ControlPeriod]:
    """Periods that began within [start, end] (ISO dates): the changes of control in a window."""
    return [p for p in periods if p.start and start <= p.start <= end]
