"""JSON-ready objects of the records that are not exported as tables: failures, control
periods, segments.  The CLI, the API and the web server print these, never their own dicts.
(Claims, events and place mentions: :mod:`frontlines.export.writers`.)"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..records import ControlPeriod, Failure, Segment, Siege, TerritorialFact


def failure_json(failure: Failure) -> dict[str, Any]:
    """A failure: which input, which stage, the error code and the one-line message."""
    return {"source": failure.source, "stage": failure.stage, "error": failure.error,
            "message": failure.message, "doc_id": failure.doc_id, "at": failure.at}


def control_json(period: ControlPeriod) -> dict[str, Any]:
    """A control period: the place and its point, the actor (or "contested" and the rivals),
    from when to when, its confidence and why, and the facts and claims that say so."""
    return {"place_id": period.place_id, "place": period.place_name, "actor": period.actor,
            "state": period.state, "rivals": list(period.rivals), "allies": list(period.allies),
            "start": period.start, "end": period.end,
            "confidence": period.confidence, "explanation": period.explanation,
            "last_confirmed": period.last_confirmed, "latitude": period.latitude, "longitude": period.longitude,
            "outlets": period.outlets, "origin": period.origin, "facts": list(period.facts),
            "evidence": list(period.evidence)}


def fact_json(fact: TerritorialFact) -> dict[str, Any]:
    """A territorial fact: what a claim's sentence says about who takes, holds or besieges a place."""
    return {"id": fact.id, "kind": fact.kind.value, "scope": fact.scope, "place_id": fact.place_id,
            "place": fact.place_name, "gainer": fact.gainer, "loser": fact.loser, "start": fact.start,
            "end": fact.end, "status": fact.status.value, "outlet": fact.outlet, "source": fact.source_key,
            "claim_id": fact.claim_id, "doc_id": fact.doc_id, "cue": fact.cue, "sentence": fact.sentence,
            "latitude": fact.latitude, "longitude": fact.longitude, "denies": list(fact.denies)}


def siege_json(siege: Siege) -> dict[str, Any]:
    """A siege: where, who besieged whom, from when until broken, on which facts."""
    return {"id": siege.id, "place_id": siege.place_id, "place": siege.place_name, "besieger": siege.besieger,
            "besieged": siege.besieged, "start": siege.start, "end": siege.end, "facts": list(siege.facts),
            "latitude": siege.latitude, "longitude": siege.longitude}


def control_geojson(periods: Iterable[ControlPeriod], as_of: str) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the located ``periods`` (control as of ``as_of``)."""
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [p.longitude, p.latitude]},
                 "properties": {**control_json(p), "as_of": as_of}}
                for p in periods if p.latitude is not None and p.longitude is not None]
    return {"type": "FeatureCollection", "features": features}


def segment_json(segment: Segment) -> dict[str, Any]:
    """A block of a document: its role, its lines and its character span."""
    row: dict[str, Any] = {"role": segment.role.value, "first_line": segment.first_line,
                           "last_line": segment.last_line, "start": segment.start, "end": segment.end}
    if segment.quoted_source:
        row["quoted_source"] = segment.quoted_source
    return row
