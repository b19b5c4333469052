"""JSON-ready objects of the records that are not exported as tables: failures, control
periods, segments.  The CLI, the API and the web server print these, never their own dicts.
(Claims, events and place mentions: :mod:`frontlines.export.writers`.)"""

from __future__ import annotations

from typing import Any

from ..records import ControlPeriod, Failure, Segment


def failure_json(failure: Failure) -> dict[str, Any]:
    """A failure: which input, which stage, the error code and the one-line message."""
    return {"source": failure.source, "stage": failure.stage, "error": failure.error,
            "message": failure.message, "doc_id": failure.doc_id, "at": failure.at}


def control_json(period: ControlPeriod) -> dict[str, Any]:
    """A control period: the place, the actor, from when to when, and the claims that say so."""
    return {"place_id": period.place_id, "place": period.place_name, "actor": period.actor,
            "start": period.start, "end": period.end, "evidence": list(period.evidence)}


def segment_json(segment: Segment) -> dict[str, Any]:
    """A block of a document: its role, its lines and its character span."""
    row: dict[str, Any] = {"role": segment.role.value, "first_line": segment.first_line,
                           "last_line": segment.last_line, "start": segment.start, "end": segment.end}
    if segment.quoted_source:
        row["quoted_source"] = segment.quoted_source
    return row
