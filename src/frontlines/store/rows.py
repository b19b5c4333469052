"""Conversions between the typed records and flat table rows (one place, both directions)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields
from typing import Any

from ..records import (
    ALONE_CUE,
    ActorRef,
    Article,
    BaselineEntry,
    Claim,
    ControlPeriod,
    Event,
    FactKind,
    Failure,
    Mention,
    Place,
    Precision,
    Role,
    Segment,
    Siege,
    Status,
    TerritorialFact,
)

Row = dict[str, Any]

#: columns added after databases were written: the statement that fills each from what such a
#: database holds, run once by the store that adds the column (SQLite and PostgreSQL alike)
BACKFILLS: dict[tuple[str, str], str] = {
    # a control statement made alone was told by its cue only
    ("territorial_facts", "alone"): "UPDATE territorial_facts SET alone = TRUE WHERE kind = 'control' "
                                    f"AND substr(cue, 1, {len(ALONE_CUE)}) = '{ALONE_CUE}'",
}

PLACE_FIELDS = ("gazetteer_id", "name", "latitude", "longitude", "country", "admin1", "admin2",
                "feature", "population")


def article_row(article: Article, ingested_at: str) -> Row:
    return {
        "id": article.id, "source": article.source, "outlet": article.outlet, "url": article.url,
        "title": article.title, "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "published_precision": article.published_precision.value if article.published_precision else None,
        "published_basis": article.published_basis, "language": article.language,
        "duplicate_of": article.duplicate_of, "text": article.text, "ingested_at": ingested_at,
        "source_id": article.source_id,
    }


def row_article(row: Row) -> Article:
    return Article(
        id=row["id"], text=row["text"], source=row["source"], outlet=row["outlet"], url=row["url"],
        title=row["title"], author=row["author"],
        published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
        published_precision=Precision(row["published_precision"]) if row["published_precision"] else None,
        published_basis=row["published_basis"], language=row["language"] or "en",
        duplicate_of=row["duplicate_of"], source_id=row.get("source_id"),
    )


def segment_row(segment: Segment) -> Row:
    return {"doc_id": segment.doc_id, "idx": segment.index, "role": segment.role.value,
            "start": segment.start, "end": segment.end, "first_line": segment.first_line,
            "last_line": segment.last_line, "quoted_source": segment.quoted_source}


def row_segment(row: Row) -> Segment:
    return Segment(doc_id=row["doc_id"], index=row["idx"], role=Role(row["role"]), start=row["start"],
                   end=row["end"], first_line=row["first_line"], last_line=row["last_line"],
                   quoted_source=row["quoted_source"])


def place_row(place: Place | None) -> Row:
    if place is None:
        return dict.fromkeys(PLACE_FIELDS)
    return {name: getattr(place, name) for name in PLACE_FIELDS}


def row_place(row: Row, prefix: str = "") -> Place | None:
    gid = row.get("gazetteer_id")
    if not gid or row.get("latitude") is None:
        return None
    return Place(gazetteer_id=gid, name=row[prefix + "name"], latitude=row["latitude"],
                 longitude=row["longitude"], country=row["country"], admin1=row["admin1"],
                 admin2=row["admin2"], feature=row["feature"] or "settlement",
                 population=row["population"])


def mention_row(mention: Mention) -> Row:
    row = {"doc_id": mention.doc_id, "kind": mention.kind, "start": mention.start, "end": mention.end,
           "surface": mention.text, "score": mention.score, "reason": mention.reason,
           "geo_precision": mention.geo_precision, "role": mention.role, "source_id": mention.source_id}
    row.update(place_row(mention.place))
    return row


def row_mention(row: Row) -> Mention:
    return Mention(doc_id=row["doc_id"], kind=row["kind"], start=row["start"], end=row["end"],
                   text=row["surface"], place=row_place(row), score=row["score"],
                   reason=row["reason"], geo_precision=row["geo_precision"], role=row["role"] or "other",
                   source_id=row.get("source_id"))


def _actor_cols(actor: ActorRef | None, n: int) -> Row:
    if actor is None:
        return {f"actor{n}": None, f"actor{n}_surface": None, f"actor{n}_inferred": None,
                f"inter{n}": None, f"side{n}": None}
    return {f"actor{n}": actor.name, f"actor{n}_surface": actor.surface,
            f"actor{n}_inferred": int(actor.inferred), f"inter{n}": actor.inter, f"side{n}": actor.side}


def _row_actor(row: Row, n: int) -> ActorRef | None:
    if row[f"actor{n}"] is None and row[f"actor{n}_surface"] is None:
        return None
    return ActorRef(surface=row[f"actor{n}_surface"], name=row[f"actor{n}"], inter=row[f"inter{n}"],
                    side=row[f"side{n}"], inferred=bool(row[f"actor{n}_inferred"]))


def _assoc_json(refs: tuple[ActorRef, ...]) -> str | None:
    """Associated actors as a JSON list (None: none)."""
    if not refs:
        return None
    return json.dumps([{"surface": r.surface, "name": r.name, "inter": r.inter, "side": r.side,
                        "inferred": r.inferred} for r in refs], ensure_ascii=False)


def _json_assoc(text: str | None) -> tuple[ActorRef, ...]:
    return tuple(ActorRef(surface=r.get("surface"), name=r.get("name"), inter=r.get("inter"),
                          side=r.get("side"), inferred=bool(r.get("inferred")))
                 for r in json.loads(text or "[]"))


def _names_json(names: tuple[str, ...]) -> str | None:
    return json.dumps(list(names), ensure_ascii=False) if names else None


def claim_row(claim: Claim) -> Row:
    loc = claim.location
    place = place_row(loc.place if loc else None)
    place["place_name"] = place.pop("name")
    row: Row = {
        "id": claim.id, "doc_id": claim.doc_id, "segment_role": claim.segment_role.value,
        "start": claim.start, "end": claim.end, "sentence": claim.sentence, "trigger": claim.trigger,
        "trigger_start": claim.trigger_start, "trigger_end": claim.trigger_end,
        "event_type": claim.event_type, "sub_event_type": claim.sub_event_type,
        "status": claim.status.value, "attributed_to": claim.attributed_to,
        "location": loc.text if loc else None, "location_start": loc.start if loc else None,
        "location_end": loc.end if loc else None,
        "location_score": loc.score if loc else None, "location_reason": loc.reason if loc else None,
        "geo_precision": claim.geo_precision, "date_text": claim.date_text,
        "event_date": claim.event_date, "time_precision": claim.time_precision,
        "fatalities": claim.fatalities, "weapons": json.dumps(list(claim.weapons)), "notes": claim.notes,
        "ongoing": int(claim.ongoing), "source_id": claim.source_id, "partial": int(claim.partial),
        "assoc1": _assoc_json(claim.assoc1), "assoc2": _assoc_json(claim.assoc2),
    }
    row.update(place)
    row.update(_actor_cols(claim.actor1, 1))
    row.update(_actor_cols(claim.actor2, 2))
    return row


def row_claim(row: Row) -> Claim:
    location = None
    if row["location"] is not None:
        place = row_place(row, prefix="place_")
        location = Mention(doc_id=row["doc_id"], kind="place", start=row["location_start"],
                           end=row["location_end"], text=row["location"], place=place,
                           score=row["location_score"], reason=row["location_reason"],
                           geo_precision=row["geo_precision"], role="event location",
                           source_id=row.get("source_id"))
    return Claim(
        id=row["id"], doc_id=row["doc_id"], segment_role=Role(row["segment_role"]), start=row["start"],
        end=row["end"], sentence=row["sentence"], trigger=row["trigger"],
        trigger_start=row["trigger_start"], trigger_end=row["trigger_end"],
        event_type=row["event_type"], sub_event_type=row["sub_event_type"], status=Status(row["status"]),
        attributed_to=row["attributed_to"], actor1=_row_actor(row, 1), actor2=_row_actor(row, 2),
        location=location, geo_precision=row["geo_precision"], date_text=row["date_text"],
        event_date=row["event_date"], time_precision=row["time_precision"],
        fatalities=row["fatalities"], weapons=tuple(json.loads(row["weapons"] or "[]")),
        notes=row["notes"], ongoing=bool(row["ongoing"]), source_id=row.get("source_id"),
        partial=bool(row.get("partial")), assoc1=_json_assoc(row.get("assoc1")),
        assoc2=_json_assoc(row.get("assoc2")),
    )


def event_row(event: Event) -> Row:
    return {
        "id": event.id, "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "status": event.status.value, "happened": int(event.happened), "actor1": event.actor1,
        "actor2": event.actor2, "inter1": event.inter1, "inter2": event.inter2,
        "location": event.location, "gazetteer_id": event.gazetteer_id, "admin1": event.admin1,
        "admin2": event.admin2, "country": event.country, "latitude": event.latitude,
        "longitude": event.longitude, "geo_precision": event.geo_precision,
        "event_date": event.event_date, "time_precision": event.time_precision,
        "fatalities": event.fatalities, "sources": json.dumps(list(event.sources)),
        "corroboration": event.corroboration, "contradicted": int(event.contradicted),
        "support": event.support, "fatalities_max": event.fatalities_max,
        "assoc_actor1": _names_json(event.assoc_actor1), "assoc_actor2": _names_json(event.assoc_actor2),
    }


def row_event(row: Row, claim_ids: tuple[str, ...]) -> Event:
    lists = {"assoc_actor1", "assoc_actor2"}
    values = {k: row[k] for k in row if k not in {"happened", "sources", "status", "contradicted"} | lists}
    return Event(**values, status=Status(row["status"]), sources=tuple(json.loads(row["sources"] or "[]")),
                 contradicted=bool(row["contradicted"]), claim_ids=claim_ids,
                 assoc_actor1=tuple(json.loads(row.get("assoc_actor1") or "[]")),
                 assoc_actor2=tuple(json.loads(row.get("assoc_actor2") or "[]")))


def control_row(period: ControlPeriod) -> Row:
    return {"place_id": period.place_id, "place_name": period.place_name, "actor": period.actor,
            "start": period.start, "end": period.end, "evidence": json.dumps(list(period.evidence)),
            "state": period.state, "rivals": json.dumps(list(period.rivals)), "confidence": period.confidence,
            "explanation": period.explanation, "last_confirmed": period.last_confirmed,
            "facts": json.dumps(list(period.facts)), "origin": period.origin, "latitude": period.latitude,
            "longitude": period.longitude, "outlets": period.outlets, "allies": json.dumps(list(period.allies))}


def row_control(row: Row) -> ControlPeriod:
    return ControlPeriod(
        place_id=row["place_id"], place_name=row["place_name"], actor=row["actor"], start=row["start"],
        end=row["end"], evidence=tuple(json.loads(row["evidence"] or "[]")), state=row["state"] or "held",
        rivals=tuple(json.loads(row["rivals"] or "[]")), confidence=row["confidence"] or 0.0,
        explanation=row["explanation"] or "", last_confirmed=row["last_confirmed"],
        facts=tuple(json.loads(row["facts"] or "[]")), origin=row["origin"] or "derived",
        latitude=row["latitude"], longitude=row["longitude"], outlets=row["outlets"] or 0,
        allies=tuple(json.loads(row.get("allies") or "[]")))


def fact_row(fact: TerritorialFact) -> Row:
    row = {f.name: getattr(fact, f.name) for f in fields(fact)}
    row.update(kind=fact.kind.value, status=fact.status.value, denies=json.dumps(list(fact.denies)))
    return row


def row_fact(row: Row) -> TerritorialFact:
    values = dict(row)
    alone = row.get("alone")
    if alone is None:  # a database written before the column, opened read-only (never migrated)
        alone = row["kind"] == FactKind.CONTROL.value and (row["cue"] or "").startswith(ALONE_CUE)
    values.update(kind=FactKind(row["kind"]), status=Status(row["status"]),
                  denies=tuple(json.loads(row["denies"] or "[]")), alone=bool(alone))
    return TerritorialFact(**values)


def siege_row(siege: Siege) -> Row:
    row = {f.name: getattr(siege, f.name) for f in fields(siege)}
    row["facts"] = json.dumps(list(siege.facts))
    return row


def row_siege(row: Row) -> Siege:
    return Siege(**{**row, "facts": tuple(json.loads(row["facts"] or "[]"))})


def baseline_row(entry: BaselineEntry, imported_at: str) -> Row:
    row = {f.name: getattr(entry, f.name) for f in fields(entry)}
    row["imported_at"] = imported_at
    return row


def row_baseline(row: Row) -> BaselineEntry:
    return BaselineEntry(**{k: v for k, v in row.items() if k != "imported_at"})


def failure_row(failure: Failure) -> Row:
    return {"source": failure.source, "stage": failure.stage, "error": failure.error,
            "message": failure.message, "doc_id": failure.doc_id, "at": failure.at}


def row_failure(row: Row) -> Failure:
    return Failure(source=row["source"], stage=row["stage"], error=row["error"], message=row["message"],
                   doc_id=row["doc_id"], at=row["at"])
