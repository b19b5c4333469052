"""Export writers, registered by format name in ``frontlines.registry.exporters``.

Each writer takes a :class:`Context` read from a store and a binary stream.  The
current-event exports (ACLED, GeoJSON, Parquet, JSON Lines) hold by default the *grounded rows*:
events that happened whose type, place, date and actors come from the text
(:mod:`frontlines.export.grounding`); ``--all`` adds the other rows that happened, marked
(column ``grounded`` = ``no``), and for ``jsonl`` also the events that did not happen
(expected, hypothetical, denied, background).  Every row carries its per-field confidence
and the fields grounded in the text.  ``claims`` writes every claim, forecasts, denials and
background included, with its standing.  Every row carries ``source_id``: the documents' own
ids as the user gave them (the ACLED CSV keeps ACLED's columns first, in ACLED's order, with
ACLED's codebook values from ``acled_codebook``, then ``source_id`` and the grounding columns;
ACLED and Parquet rows need a country, so events placed in none stay in ``jsonl`` only).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import ConfigError, UnfusedError
from ..records import Claim, Event, Mention
from ..registry import exporters
from ..taxonomy import (
    CIVILIANS,
    CROWD_INTER,
    DISORDER_TYPES,
    PROTESTS,
    RIOTS,
    VIOLENCE_AGAINST_CIVILIANS,
    DateSpan,
    interaction,
)
from .atomic import atomic_output
from .grounding import Trust, event_trust, grounded_row

if TYPE_CHECKING:
    from ..store.protocol import Store

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)



#: the columns of the ACLED CSV: ACLED's own, then the documents' ids, whether the row is
#: grounded, the fields the text grounds and the per-field confidence (JSON)
ACLED_EXPORT_COLUMNS = (*ACLED_COLUMNS, "source_id", "grounded", "grounded_fields", "confidence")


class Context:
    """What every writer needs from the store, read once."""

    def __init__(self, store: Store, include_all: bool, *, happened_only: bool = True) -> None:
        self.store = store
        self.claims = {c.id: c for c in store.claims()}
        self.sources = store.sources()
        self.source_ids = store.source_ids()
        events = store.events(happened_only=happened_only)
        self.trust = {e.id: event_trust(e, [self.claims[c] for c in e.claim_ids if c in self.claims])
                      for e in events}
        self.events = [e for e in events if include_all or grounded_row(e, self.trust[e.id])]

    def grounded(self, event: Event) -> bool:
        return grounded_row(event, self.trust[event.id])

    def trust_of(self, event: Event) -> Trust:
        return self.trust[event.id]

    def source_id(self, doc_id: str) -> str | None:
        return self.source_ids.get(doc_id)

    def event_source_ids(self, event: Event) -> list[str]:
        """The source ids of an event's documents, each once, in claim order."""
        found = (self.source_id(self.claims[c].doc_id) for c in event.claim_ids if c in self.claims)
        return list(dict.fromkeys(s for s in found if s))


def _first_date(event: Event) -> str | None:
    span = DateSpan.parse(event.event_date)
    return span.start.isoformat() if span else None


def claim_json(claim: Claim, sources: dict[str, str], source_ids: dict[str, str | None] | None = None) \
        -> dict[str, Any]:
    """The JSON object of one claim (the documented field names of the ``claims`` export)."""
    loc = claim.location
    source_id = claim.source_id or (source_ids or {}).get(claim.doc_id)
    return {
        "id": claim.id, "doc_id": claim.doc_id, "source_id": source_id, "file": sources.get(claim.doc_id),
        "start": claim.start, "end": claim.end, "text": claim.sentence,
        "trigger": claim.trigger, "event_type": claim.event_type, "sub_event_type": claim.sub_event_type,
        "status": claim.status.value, "attributed_to": claim.attributed_to,
        "actor1": claim.actor1.name if claim.actor1 else None,
        "actor1_surface": claim.actor1.surface if claim.actor1 else None,
        "actor2": claim.actor2.name if claim.actor2 else None,
        "actor2_surface": claim.actor2.surface if claim.actor2 else None,
        "assoc_actor_1": [r.name for r in claim.assoc1 if r.name],
        "assoc_actor_2": [r.name for r in claim.assoc2 if r.name],
        "location": loc.text if loc else None,
        "gazetteer_id": loc.place.gazetteer_id if loc and loc.place else None,
        "latitude": loc.place.latitude if loc and loc.place else None,
        "longitude": loc.place.longitude if loc and loc.place else None,
        "geo_precision": claim.geo_precision, "date_text": claim.date_text,
        "event_date": claim.event_date, "time_precision": claim.time_precision,
        "fatalities": claim.fatalities, "segment_role": claim.segment_role.value,
    }


def event_json(event: Event, ctx: Context) -> dict[str, Any]:
    """The JSON object of one event with its claims (``jsonl`` and GeoJSON properties)."""
    claims = [ctx.claims[c] for c in event.claim_ids if c in ctx.claims]
    return {
        "id": event.id, "source_ids": ctx.event_source_ids(event),
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": event.actor1, "assoc_actor_1": list(event.assoc_actor1), "actor2": event.actor2,
        "assoc_actor_2": list(event.assoc_actor2), "location": event.location,
        "admin1": event.admin1, "admin2": event.admin2,
        "country": _country_name(event.country),
        "latitude": event.latitude, "longitude": event.longitude, "geo_precision": event.geo_precision,
        "event_date": event.event_date, "time_precision": event.time_precision,
        "fatalities": event.fatalities, "status": event.status.value, "happened": event.happened,
        "sources": list(event.sources), "corroboration": event.corroboration,
        "contradicted": event.contradicted, "support": event.support,
        "grounded": ctx.grounded(event), "grounded_fields": sorted(ctx.trust_of(event).grounded),
        "confidence": ctx.trust_of(event).as_dict(),
        "claims": [claim_json(c, ctx.sources, ctx.source_ids) for c in claims],
    }


def _text(stream: IO[bytes]) -> io.TextIOWrapper:
    return io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)


@exporters.register("jsonl")
def write_jsonl(ctx: Context, stream: IO[bytes]) -> int:
    out = _text(stream)
    for event in ctx.events:
        out.write(json.dumps(event_json(event, ctx), ensure_ascii=False) + "\n")
    out.detach()
    return len(ctx.events)


@exporters.register("claims")
def write_claims(ctx: Context, stream: IO[bytes]) -> int:
    out = _text(stream)
    for claim in ctx.claims.values():
        out.write(json.dumps(claim_json(claim, ctx.sources, ctx.source_ids), ensure_ascii=False) + "\n")
    out.detach()
    return len(ctx.claims)


@exporters.register("places")
def write_places(ctx: Context, stream: IO[bytes]) -> int:
    out = _text(stream)
    mentions = ctx.store.mentions("place")
    for m in mentions:
        out.write(json.dumps(mention_json(m, ctx.source_ids), ensure_ascii=False) + "\n")
    out.detach()
    return len(mentions)


def mention_json(m: Mention, source_ids: dict[str, str | None] | None = None) -> dict[str, Any]:
    """The JSON object of one place mention (the ``places`` export)."""
    return {"doc_id": m.doc_id, "source_id": m.source_id or (source_ids or {}).get(m.doc_id),
            "start": m.start, "end": m.end, "surface": m.text,
            "gazetteer_id": m.place.gazetteer_id if m.place else None,
            "name": m.place.name if m.place else None,
            "latitude": m.place.latitude if m.place else None,
            "longitude": m.place.longitude if m.place else None,
            "country": m.place.country if m.place else None,
            "admin1": m.place.admin1 if m.place else None, "score": m.score, "reason": m.reason,
            "geo_precision": m.geo_precision, "role": m.role}


def acled_events(ctx: Context) -> list[Event]:
    """The events an ACLED file holds: those placed in a country of the codebook table (an event
    whose place is unresolved stays in the jsonl export, with its claims)."""
    from .acled_codebook import countries, country

    table = countries()
    return [e for e in ctx.events if country(e.country, table) is not None]


def acled_rows(ctx: Context) -> Iterator[dict[str, Any]]:
    from ..kb import load_kb
    from . import acled_codebook as codebook

    now = int(dt.datetime.now(dt.UTC).timestamp())
    table, registry = codebook.countries(), load_kb().outlets
    for event in acled_events(ctx):
        date = _first_date(event)
        where = codebook.country(event.country, table)
        notes = codebook.notes_summary(event.event_type, event.sub_event_type, event.actor1 or _crowd(event),
                                       event.actor2, event.location, date, event.fatalities, event.corroboration)
        yield {
            "event_id_cnty": codebook.event_id_cnty(event.id, where),
            "event_date": date, "year": int(date[:4]) if date and date[:4].isdigit() else None,
            "time_precision": event.time_precision, "disorder_type": DISORDER_TYPES.get(event.event_type),
            "event_type": event.event_type, "sub_event_type": event.sub_event_type,
            "actor1": event.actor1 or _crowd(event), "assoc_actor_1": _assoc(event.assoc_actor1),
            "inter1": event.inter1 or CROWD_INTER.get(event.event_type),
            "actor2": event.actor2, "assoc_actor_2": _assoc(event.assoc_actor2), "inter2": event.inter2,
            "interaction": _interaction(event),
            "civilian_targeting": "Civilian targeting" if _targets_civilians(event) else None,
            "iso": where.iso if where else None, "region": where.region if where else None,
            "country": where.name if where else None, "admin1": event.admin1,
            "admin2": event.admin2, "admin3": None, "location": event.location,
            "latitude": event.latitude, "longitude": event.longitude,
            "geo_precision": event.geo_precision, "source": "; ".join(event.sources),
            "source_scale": codebook.source_scale(event.sources, where, registry, table), "notes": notes,
            "fatalities": event.fatalities or 0,
            "tags": f"status={event.status.value}; corroboration={event.corroboration}; "
                    f"support={event.support}"
                    + ("; contradicted" if event.contradicted else ""),
            "timestamp": now, "source_id": "; ".join(ctx.event_source_ids(event)),
            "grounded": "yes" if ctx.grounded(event) else "no",
            "grounded_fields": ";".join(sorted(ctx.trust_of(event).grounded)),
            "confidence": json.dumps(ctx.trust_of(event).as_dict(), sort_keys=True),
        }



def _assoc(names: tuple[str, ...]) -> str | None:
    """ACLED's associated-actor cell: the names joined by "; " (empty when none)."""
    return "; ".join(names) or None


def _country_name(code: str | None) -> str | None:
    from .acled_codebook import country

    found = country(code)
    return found.name if found else code


def _crowd(event: Event) -> str | None:
    country = _country_name(event.country)
    where = f" ({country})" if country else ""
    return {PROTESTS: f"Protesters{where}", RIOTS: f"Rioters{where}"}.get(event.event_type)


def _targets_civilians(event: Event) -> bool:
    return event.event_type == VIOLENCE_AGAINST_CIVILIANS or event.inter2 == CIVILIANS


def _interaction(event: Event) -> int | None:
    """ACLED's two-digit interaction code; violence against civilians has civilians (7) as the
    other side even when the text does not name them."""
    inter1 = event.inter1 or CROWD_INTER.get(event.event_type)
    inter2 = CIVILIANS if event.inter2 is None and _targets_civilians(event) else event.inter2
    return interaction(inter1, inter2)


@exporters.register("acled")
def write_acled(ctx: Context, stream: IO[bytes]) -> int:
    out = _text(stream)
    writer = csv.DictWriter(out, fieldnames=ACLED_EXPORT_COLUMNS)
    writer.writeheader()
    count = 0
    for row in acled_rows(ctx):
        writer.writerow(row)
        count += 1
    out.detach()
    return count


@exporters.register("geojson")
def write_geojson(ctx: Context, stream: IO[bytes]) -> int:
    features = []
    for event in ctx.events:
        if event.latitude is None or event.longitude is None:
            continue
        props = event_json(event, ctx)
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]}})
    stream.write(json.dumps({"type": "FeatureCollection", "features": features},
                            ensure_ascii=False).encode("utf-8"))
    return len(features)


@exporters.register("parquet")
def write_parquet(ctx: Context, stream: IO[bytes]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("Parquet export needs pyarrow: pip install 'frontlines[parquet]'") from None
    rows = list(acled_rows(ctx))
    for row, event in zip(rows, acled_events(ctx), strict=True):
        row["status"] = event.status.value
        row["claim_ids"] = ",".join(event.claim_ids)
    columns = list(ACLED_EXPORT_COLUMNS) + ["status", "claim_ids"]
    table = pa.Table.from_pylist(rows, schema=_parquet_schema(pa, columns)) if rows else \
        pa.Table.from_pylist([], schema=_parquet_schema(pa, columns))
    pq.write_table(table, stream)
    return len(rows)


def _parquet_schema(pa: Any, columns: list[str]) -> Any:
    ints = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
            "fatalities", "timestamp"}
    floats = {"latitude", "longitude"}
    return pa.schema([(c, pa.int64() if c in ints else pa.float64() if c in floats else pa.string())
                      for c in columns])


EXPORT_FORMATS = ("acled", "geojson", "jsonl", "claims", "places", "parquet")
#: formats made of claims or mentions, not of fused events
UNFUSED_FORMATS = frozenset({"claims", "places"})
#: formats that, with ``--all``, also hold the events that did not happen (marked by status)
ALL_EVENT_FORMATS = frozenset({"jsonl"})


def export(store: Store, fmt: str, stream: IO[bytes], *, include_all: bool = False) -> int:
    """Write the store in ``fmt`` (a name in the ``exporters`` registry) to a binary stream;
    returns the number of records.  Refuses (:class:`UnfusedError`) to write events that are
    stale: claims stored after the last fusion, as an interrupted run leaves them."""
    writer = exporters.get(fmt)
    if fmt not in UNFUSED_FORMATS and store.needs_fusing():
        raise UnfusedError("claims were stored after the events were last fused (an interrupted run?), so "
                           "the events are stale; re-fuse them with `frontlines doctor --repair`",
                           source=store.location)
    # ``--all`` adds the ungrounded rows everywhere; only jsonl adds what did not happen
    happened_only = not (include_all and fmt in ALL_EVENT_FORMATS)
    return writer(Context(store, include_all or fmt in UNFUSED_FORMATS, happened_only=happened_only),
                  stream)


def export_file(store: Store, fmt: str, path: Path, *, include_all: bool = False) -> int:
    """:func:`export` into a file, atomically: a failed export leaves the previous file as it was."""
    with atomic_output(path) as stream:
        return export(store, fmt, stream, include_all=include_all)
