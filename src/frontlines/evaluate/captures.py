"""Capture recall: gold captures (a place changing hands) found among the system's happened
territory events of the same document — place within 25 km, captor as actor1, date within a week."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .events import SystemEvent
from .match import days_apart, ratio, within_km

CAPTURE_KM = 25.0
CAPTURE_DAYS = 7
#: ACLED sub-event types by which a place changes hands
TERRITORY = {"Government regains territory", "Non-state actor overtakes territory",
             "Non-violent transfer of territory"}


def captured(s: SystemEvent, row: dict[str, Any]) -> bool:
    event = s.event
    apart = days_apart(event.event_date, row.get("date"))
    return (s.doc == row["doc"] and event.happened and event.sub_event_type in TERRITORY
            and event.actor1 == row.get("captor")
            and within_km(event.latitude, event.longitude, row.get("lat"), row.get("lon"), CAPTURE_KM)
            and apart is not None and apart <= CAPTURE_DAYS)


def score_captures(system: Sequence[SystemEvent], rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """``rows``: the gold captures of the scored documents."""
    found = [row for row in rows if any(captured(s, row) for s in system)]
    missed = [f"{row['doc']}:{row.get('place')}" for row in rows if row not in found]
    return {"captures": len(rows), "recall": ratio(len(found), len(rows)), "missed": missed}
