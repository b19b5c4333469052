"""Export writers, registered by format name in ``frontlines.registry.exporters``.

Each writer takes a :class:`Context` read from a store and a binary stream.  Only events
that happened go to the ACLED and GeoJSON exports (ACLED and Parquet: only those placed in a
country, which ACLED requires, with ACLED's codebook values from ``acled_codebook``);
``jsonl`` adds the non-factual events with
``--all``, and ``claims`` writes every claim, forecasts and denials included, with its
standing.  Every row carries ``source_id``: the documents' own ids as the user gave them (the
ACLED CSV keeps ACLED's columns first, in ACLED's order, and adds ``source_id`` last).
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
from .atomic import atomic_output

if TYPE_CHECKING:
    from ..store.protocol import Store

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Protests": "Demonstrations",
            "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}


#: the columns of the ACLED CSV: ACLED's own, then the documents' ids
ACLED_EXPORT_COLUMNS = (*ACLED_COLUMNS, "source_id")


class Context:
    """What every writer needs from the store, read once."""

    def __init__(self, store: Store, include_all: bool) -> None:
        self.store = store
        self.events = store.events(happened_only=not include_all)
        self.claims = {c.id: c for c in store.claims()}
        self.sources = store.sources()
        self.source_ids = store.source_ids()

    def source_id(self, doc_id: str) -> str | None:
        return self.source_ids.get(doc_id)

    def event_source_ids(self, event: Event) -> list[str]:
        """The source ids of an event's documents, each once, in claim order."""
        found = (self.source_id(self.claims[c].doc_id) for c in event.claim_ids if c in self.claims)
        return list(dict.fromkeys(s for s in found if s))


def _first_date(event: Event) -> str | None:
    return event.event_date.split("/")[0] if event.event_date else None


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
        "actor1": event.actor1, "actor2": event.actor2, "location": event.location,
        "admin1": event.admin1, "admin2": event.admin2,
        "country": _country_name(event.country),
        "latitude": event.latitude, "longitude": event.longitude, "geo_precision": event.geo_precision,
        "event_date": event.event_date, "time_precision": event.time_precision,
        "fatalities": event.fatalities, "status": event.status.value, "happened": event.happened,
        "sources": list(event.sources), "corroboration": event.corroboration,
        "contradicted": event.contradicted, "support": event.support,
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
            "time_precision": event.time_precision, "disorder_type": DISORDER.get(event.event_type),
            "event_type": event.event_type, "sub_event_type": event.sub_event_type,
            "actor1": event.actor1 or _crowd(event), "assoc_actor_1": None,
            "inter1": event.inter1 or CROWD_INTER.get(event.event_type),
            "actor2": event.actor2, "assoc_actor_2": None, "inter2": event.inter2,
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
        }


#: ACLED names unnamed demonstrators and rioters by their country
CROWD_INTER = {"Protests": 6, "Riots": 5}


def _country_name(code: str | None) -> str | None:
    from .acled_codebook import country

    found = country(code)
    return found.name if found else code


def _crowd(event: Event) -> str | None:
    country = _country_name(event.country) or "Syria"
    return {"Protests": f"Protesters ({country})", "Riots": f"Rioters ({country})"}.get(event.event_type)


def _targets_civilians(event: Event) -> bool:
    return event.event_type == "Violence against civilians" or event.inter2 == 7


def _interaction(event: Event) -> int | None:
    """ACLED's two-digit interaction code; violence against civilians has civilians (7) as the
    other side even when the text does not name them."""
    inter1 = event.inter1 or CROWD_INTER.get(event.event_type)
    inter2 = 7 if event.inter2 is None and _targets_civilians(event) else event.inter2
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


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


def export(store: Store, fmt: str, stream: IO[bytes], *, include_all: bool = False) -> int:
    """Write the store in ``fmt`` (a name in the ``exporters`` registry) to a binary stream;
    returns the number of records.  Refuses (:class:`UnfusedError`) to write events that are
    stale: claims stored after the last fusion, as an interrupted run leaves them."""
    writer = exporters.get(fmt)
    if fmt not in UNFUSED_FORMATS and store.needs_fusing():
        raise UnfusedError("claims were stored after the events were last fused (an interrupted run?), so "
                           "the events are stale; re-fuse them with `frontlines doctor --repair`",
                           source=store.location)
    return writer(Context(store, include_all or fmt == "claims"), stream)  # type: ignore[no-any-return]


def export_file(store: Store, fmt: str, path: Path, *, include_all: bool = False) -> int:
    """:func:`export` into a file, atomically: a failed export leaves the previous file as it was."""
    with atomic_output(path) as stream:
        return export(store, fmt, stream, include_all=include_all)
