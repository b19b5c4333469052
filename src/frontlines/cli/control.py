"""``frontlines control`` (the situation picture) and ``frontlines event ID``: thin shells.

    frontlines control --db D [--place X] [--as-of DAY [--near PLACE --km N] [--bbox W S E N]]
                       [--changes FROM TO] [--geojson] [--json]
    frontlines control import FILE --db D [--as-of DAY] [--source TEXT]
    frontlines control sieges --db D [--as-of DAY] [--json]
    frontlines event ID --db D [--json]

Exported click objects: :data:`control_group` and :data:`event_command`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import InputError
from .common import day_value, db_option, friendly, one_line, open_db
from .kb import kb_option, load_kb_option

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: str | None) -> str:
    """Article text as shown on a terminal: control and bidi characters escaped, one line."""
    flat = one_line(text or "")
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group(0)):02x}", flat)




def _near(store: Any, name: str | None, km: float) -> Any:
    """--near PLACE: a place of the control table of that name, else the gazetteer's first."""
    from ..derive import Near
    from ..resolve.gazetteer import SqliteGazetteer

    if name is None:
        return None
    wanted = name.casefold()
    for period in store.control_periods():
        if period.place_name.casefold() == wanted and period.latitude is not None:
            return Near(period.latitude, period.longitude, km)
    found = SqliteGazetteer().candidates(name, limit=1)
    if not found:
        raise InputError(f"--near: no place named {name!r}")
    return Near(found[0].place.latitude, found[0].place.longitude, km)


def _period_line(p: Any) -> str:
    who = f"contested between {' and '.join(p.rivals)}" if p.state == "contested" else \
        f"{p.actor} with {' and '.join(p.allies)}" if p.allies else p.actor
    where = f" ({p.latitude:.3f}, {p.longitude:.3f})" if p.latitude is not None else ""
    return (f"{p.place_name}{where}: {who} from {p.start or '?'} to {p.end or 'now'}, "
            f"confidence {p.confidence:.2f} [{p.origin}]\n    {p.explanation}")


def _fact_line(fact: Any) -> str:
    if fact.kind.value.startswith("siege"):
        sides = f"besieger {fact.gainer or '?'}, besieged {fact.loser or '?'}"
    elif fact.kind.value == "control":
        sides = f"held by {fact.gainer}"
    else:
        sides = f"{fact.gainer or '?'}" + (f" from {fact.loser}" if fact.loser else "")
    when = "undated" if not fact.start else fact.start if fact.start == fact.end else f"{fact.start}..{fact.end}"
    scope = "" if fact.scope == "full" else f" ({fact.scope})"
    return (f"  {when} {fact.kind.value}{scope}: {sides} [{fact.status.value}, {fact.outlet or fact.doc_id}]"
            f"\n      \"{safe(fact.sentence)}\"\n      why: {safe(fact.cue)}")


def _show_periods(periods: list[Any], facts: dict[str, Any], as_json: bool, evidence: bool = False) -> None:
    from ..export.serialize import control_json, fact_json

    for p in periods:
        if as_json:
            row = control_json(p)
            row["evidence_facts"] = [fact_json(facts[i]) for i in p.facts if i in facts]
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        click.echo(_period_line(p))
        for fact in (facts[i] for i in p.facts if i in facts and evidence):
            click.echo(f"    - {fact.start} {fact.kind.value} [{fact.status.value}, {fact.outlet or fact.doc_id}]: "
                       f"\"{safe(fact.sentence)}\"")


def _show_history(periods: list[Any], facts: list[Any], as_json: bool) -> None:
    """--place X: each place's periods, then every fact in date order, denials beside."""
    from ..derive import place_history

    by_id = {f.id: f for f in facts}
    for place_id in dict.fromkeys(p.place_id for p in periods):
        mine = [p for p in periods if p.place_id == place_id]
        _show_periods(mine, by_id, as_json)
        if as_json:
            continue
        click.echo(f"  facts about {mine[0].place_name}, in order:")
        for fact, denials in place_history(facts, place_id):
            click.echo(_fact_line(fact))
            for denial in denials:
                click.echo(f"      DENIED by {denial.outlet or denial.doc_id}: \"{safe(denial.sentence)}\"")


@click.group("control", invoke_without_command=True)
@click.option("--db", "db", metavar="DB", help="Database: a SQLite file (or a store URL such as memory:).")
@click.option("--place", help="Only places whose name contains this; with every fact about them.")
@click.option("--as-of", "as_of", help="Who held each place on this day (YYYY-MM-DD).")
@click.option("--near", help="With --as-of/--changes: only places within --km of this place.")
@click.option("--km", type=float, default=25.0, show_default=True, help="Radius for --near.")
@click.option("--bbox", nargs=4, type=float, metavar="W S E N", help="Only places in this box (degrees).")
@click.option("--changes", nargs=2, metavar="FROM TO", help="Changes of control between two days.")
@click.option("--geojson", is_flag=True, help="With --as-of: a GeoJSON FeatureCollection of control.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per period, with its evidence.")
@click.pass_context
@friendly
def control_group(ctx: click.Context, db: str | None, place: str | None, as_of: str | None, near: str | None,
                  km: float, bbox: tuple[float, float, float, float] | None, changes: tuple[str, str] | None,
                  geojson: bool, as_json: bool) -> None:
    """Who held which place from when to when, on which facts, and how sure we are."""
    if ctx.invoked_subcommand is not None:
        return
    from ..derive import changes_between, derive_control, situation_as_of
    from ..export.serialize import control_geojson

    if db is None:
        raise click.UsageError("Missing option '--db'.")
    store = open_db(db, readonly=True)
    day = day_value(as_of, "--as-of")
    facts = store.territorial_facts()
    # as of a day, an open period's recency is counted to that day
    every = derive_control(facts, store.control_imports(), reference=day) if day else store.control_periods()
    periods = [p for p in every if not place or place.lower() in p.place_name.lower()]
    where = _near(store, near, km)
    if geojson:
        if day is None:
            raise click.UsageError("--geojson needs --as-of.")
        located = situation_as_of(periods, day, near=where, bbox=bbox)
        click.echo(json.dumps(control_geojson(located, day), ensure_ascii=False))
        store.close()
        return
    if day:
        periods = situation_as_of(periods, day, near=where, bbox=bbox)
    if changes:
        start, end = (day_value(day, "--changes") or "" for day in changes)
        periods = changes_between(periods, start, end, near=where, bbox=bbox)
    if place and not day and not changes:
        _show_history(periods, facts, as_json)
    else:
        _show_periods(periods, {f.id: f for f in facts}, as_json, evidence=bool(place))
    store.close()


@control_group.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@db_option
@click.option("--as-of", "as_of", help="The snapshot's day, for rows that give none (YYYY-MM-DD).")
@click.option("--source", help="Who published the snapshot, for rows that give none.")
@kb_option
@friendly
def import_command(file: Path, db: str, as_of: str | None, source: str | None, kb_dir: Path | None) -> None:
    """Load a control snapshot (CSV or GeoJSON: place or coordinates, controller, as_of, source)."""
    from ..derive import baseline_entries, read_snapshot
    from ..pipeline import rederive_control

    kb = load_kb_option(kb_dir)
    rows, problems = read_snapshot(file, as_of=day_value(as_of, "--as-of"), source=source)
    entries, unplaced = baseline_entries(rows, _locator(kb.gazetteer), str(file), _actor_name(kb.actors))
    store = open_db(db, readonly=False)
    count = store.save_control_imports(entries)
    periods = rederive_control(store, kb)
    store.close()
    for line in problems + unplaced:
        click.echo(f"skipped: {line}", err=True)
    click.echo(f"{count} places imported from {file}, {len(problems) + len(unplaced)} rows skipped; "
               f"{len(periods)} control periods → {db}")
    if rows and not count:
        sys.exit(1)


def _locator(gazetteer_path: Path) -> Any:
    """Snapshot rows → gazetteer places: the name (nearest to the row's point when it has one),
    else the nearest stored place to the point within 2 km."""
    from ..geo import haversine_km
    from ..resolve.gazetteer import SqliteGazetteer

    gazetteer = SqliteGazetteer(gazetteer_path)

    def locate(name: str | None, lat: float | None, lon: float | None) -> Any:
        found = [c.place for c in gazetteer.candidates(name, limit=10)] if name else []
        if lat is not None and lon is not None:
            near = [p for p in found if haversine_km(lat, lon, p.latitude, p.longitude) <= 10.0]
            return min(near, key=lambda p: haversine_km(lat, lon, p.latitude, p.longitude)) if near else None
        return found[0] if found else None

    return locate


def _actor_name(actors: Any) -> Any:
    """A snapshot's controller ("SAA", "ISIS") as the actor dictionary's canonical name."""

    def name(surface: str) -> str | None:
        if surface in actors.actors:
            return surface
        actor = actors.lookup(surface)
        generic = None if actor else actors.generic_class(surface)
        return actor.name if actor else (generic[1] if generic else None)

    return name


@control_group.command("sieges")
@db_option
@click.option("--as-of", "as_of", help="Only sieges going on that day (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per siege.")
@friendly
def sieges_command(db: str, as_of: str | None, as_json: bool) -> None:
    """Sieges and encirclements: who besieged whom, where, from when until broken."""
    from ..derive import sieges_as_of
    from ..export.serialize import siege_json

    store = open_db(db, readonly=True)
    sieges = store.sieges()
    day = day_value(as_of, "--as-of")
    if day:
        sieges = sieges_as_of(sieges, day)
    for s in sieges:
        if as_json:
            click.echo(json.dumps(siege_json(s), ensure_ascii=False))
        else:
            click.echo(f"{s.place_name}: besieged by {s.besieger or '?'} (held by {s.besieged or '?'}) "
                       f"from {s.start or 'unknown'} to {s.end or 'not reported broken'}")
    store.close()


@click.command("event")
@click.argument("event_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The explanation as one JSON object.")
@kb_option
@friendly
def event_command(event_id: str, db: str, as_json: bool, kb_dir: Path | None) -> None:
    """Why each claim joined event EVENT_ID: type, place distance, dates, actors; corroboration,
    contradictions and support."""
    from ..fuse import explain_event
    from ..pipeline import outlet_sides

    store = open_db(db, readonly=True)
    event = next((e for e in store.events() if e.id == event_id), None)
    if event is None:
        raise InputError(f"no event {event_id!r} (see `frontlines export --format jsonl`)", source=str(db))
    outlets = store.outlets()
    sides = outlet_sides(outlets, load_kb_option(kb_dir).outlets)
    explanation = explain_event(event, store.claims(), outlets, sides)
    store.close()
    if as_json:
        click.echo(json.dumps(_explanation_json(explanation), ensure_ascii=False))
        return
    e = explanation.event
    click.echo(f"{e.id}: {e.event_type} / {e.sub_event_type}, {e.status.value}, at {e.location or '?'} "
               f"on {e.event_date or '?'}; {e.corroboration} document(s), support {e.support:.2f}"
               f"{', CONTRADICTED' if e.contradicted else ''}")
    click.echo(f"  tolls: {explanation.toll_reason}")
    for j in explanation.joins:
        click.echo(f"  claim {j.claim.id} [{j.outlet or j.claim.doc_id}] weight {j.support:.2f}\n"
                   f"      \"{safe(j.claim.sentence)}\"\n      type: {j.type_reason}"
                   f"\n      place: {safe(j.place_reason)}"
                   f"\n      date: {j.date_reason}\n      actors: {j.actor_reason}")
    for d in explanation.contradictions:
        click.echo(f"  DENIED by {outlets.get(d.doc_id) or d.doc_id}: \"{safe(d.sentence)}\"")


def _explanation_json(x: Any) -> dict[str, Any]:
    e = x.event
    return {"id": e.id, "event_type": e.event_type, "sub_event_type": e.sub_event_type, "status": e.status.value,
            "location": e.location, "event_date": e.event_date, "corroboration": e.corroboration,
            "support": e.support, "contradicted": e.contradicted, "fatalities": e.fatalities,
            "fatalities_range": list(e.fatalities_range) if e.fatalities_range else None, "tolls": x.toll_reason,
            "claims": [{"id": j.claim.id, "doc_id": j.claim.doc_id, "outlet": j.outlet, "sentence": j.claim.sentence,
                        "status": j.claim.status.value, "type": j.type_reason, "place": j.place_reason,
                        "date": j.date_reason, "actors": j.actor_reason, "weight": j.support} for j in x.joins],
            "contradictions": [{"id": d.id, "doc_id": d.doc_id, "sentence": d.sentence} for d in x.contradictions]}
