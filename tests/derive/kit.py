"""Builders for derive tests: a claim from a sentence with its places marked, and facts."""

from __future__ import annotations

import re

from frontlines.records import (
    ActorRef,
    Claim,
    FactKind,
    Mention,
    Place,
    Role,
    Status,
    TerritorialFact,
)

SAA = "Military Forces of Syria (2000-2024)"
ISIS = "Islamic State (Syria)"
SDF = "QSD: Syrian Democratic Forces"
REBELS = "Opposition Rebels (Syria)"
NUSRA = "Jabhat al Nusra"
HEZBOLLAH = "Hezbollah"
SIDES = {SAA: "pro-government", ISIS: "islamic-state", SDF: "kurdish", REBELS: "opposition", NUSRA: "jihadist",
         HEZBOLLAH: "pro-government"}
SURFACES = {SAA: ["the army", "Syrian army", "government forces", "regime"], ISIS: ["ISIS", "IS", "Daesh"],
            SDF: ["SDF"], REBELS: ["rebels", "rebel"]}


def town(name: str, lat: float = 35.0, lon: float = 38.0, feature: str = "settlement", pid: str | None = None) -> Place:
    return Place(pid or f"test:{name.lower().replace(' ', '-')}", name, lat, lon, "SY", "Raqqa", None, feature)


def finder(text: str) -> list:  # type: ignore[type-arg]
    """The test actor finder: the surfaces above, whole words."""
    from frontlines.derive.facts import ActorSpan

    found = []
    for name, words in SURFACES.items():
        for word in words:
            for m in re.finditer(rf"(?<![\w]){re.escape(word)}(?![\w])", text):
                found.append(ActorSpan(m.start(), m.end(), name, SIDES[name]))
    return sorted(found, key=lambda a: (a.start, -a.end))


def said(sentence: str, trigger: str, places: dict[str, Place], *, doc: str = "d1", offset: int = 100,
         event_type: str = "Battles", sub: str = "Government regains territory", status: Status = Status.ASSERTED,
         actor1: str | None = SAA, actor2: str | None = ISIS, location: str | None = None,
         date: str | None = "2016-03-27", attributed_to: str | None = None,
         precision: int = 1) -> tuple[Claim, list[Mention]]:
    """A claim made by ``sentence`` (starting at ``offset`` of its document) and the place
    mentions of the names in ``places``; the claim's location is ``location`` (default: the
    first place)."""
    mentions = []
    for name, place in places.items():
        for m in re.finditer(re.escape(name), sentence):
            mentions.append(Mention(doc, "place", offset + m.start(), offset + m.end(), name, place=place, score=0.9,
                                    reason="test", geo_precision=precision))
    mentions.sort(key=lambda m: m.start)
    where = location or (next(iter(places)) if places else None)
    loc = next((m for m in mentions if m.text == where), None)
    t = sentence.index(trigger)
    claim = Claim(
        id=f"{doc}:{offset + t}", doc_id=doc, segment_role=Role.BODY, start=offset, end=offset + len(sentence),
        sentence=sentence, trigger=trigger, trigger_start=offset + t, trigger_end=offset + t + len(trigger),
        event_type=event_type, sub_event_type=sub, status=status, attributed_to=attributed_to,
        actor1=ActorRef(actor1, actor1, side=SIDES.get(actor1)) if actor1 else None,
        actor2=ActorRef(actor2, actor2, side=SIDES.get(actor2)) if actor2 else None,
        location=loc, geo_precision=loc.geo_precision if loc else None, event_date=date,
        time_precision=1 if date else None)
    return claim, mentions


def fact(kind: FactKind = FactKind.CAPTURE, *, place: str = "test:raqqa", gainer: str | None = SAA,
         loser: str | None = ISIS, day: str | None = "2017-01-10", status: Status = Status.ASSERTED,
         outlet: str = "Reuters", side: str | None = None, scope: str = "full", doc: str | None = None,
         n: int = 0) -> TerritorialFact:
    doc = doc or f"{outlet}-{day}-{n}"
    return TerritorialFact(
        id=f"tf-{kind.value}-{place}-{gainer}-{loser}-{day}-{outlet}-{status.value}-{scope}-{n}", kind=kind, place_id=place,
        place_name=place.split(":")[-1].title(), claim_id=f"{doc}:{n}", doc_id=doc, status=status, start=day, end=day,
        gainer=gainer, loser=loser, gainer_side=SIDES.get(gainer or ""), loser_side=SIDES.get(loser or ""),
        scope=scope, latitude=35.95, longitude=39.01, sentence="a sentence", cue="test", outlet=outlet,
        outlet_side=side, source_key=f"outlet:{outlet.lower()}")
