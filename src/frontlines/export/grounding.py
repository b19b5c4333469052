"""Which fields of a row the text grounds, and how far each can be trusted.

A field is *grounded* when its value comes from a span of the claim's own sentence or
paragraph: the trigger for the type, an actor named in words (not a generic word resolved from
the document, not an inferred opponent), a gazetteer place named in the paragraph (not the
document's main place), date words (not the publication date, nor the day a report's lead
gives its later sentences), a number read as a toll.  Each
field also gets a confidence in [0, 1]: how the value was found (named or inferred, town or
region, a day or a week), raised a little by each further document that agrees.

By default the current-event exports hold only *grounded rows*: events that happened whose
type, place, date and actors are all grounded (:func:`grounded_row`); ``--all`` adds the rest,
marked.  Everything is read from the stored claims: nothing new is stored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..geo import COMPASS
from ..records import ActorRef, Claim, Event
from ..taxonomy import ARMED_CLASH, CIVILIANS, TERRITORY_TAKEN

FIELDS = ("type", "actor1", "actor2", "place", "date", "fatalities")
#: the fields a row must ground to be in the default export (actor2 too, when the row has one)
ROW_FIELDS = ("type", "actor1", "place", "date")
#: notes the extractor writes when a place or a type was not found in the claim's sentence
MAIN_PLACE_NOTE = "the document's main place"
PREVIOUS_PLACE_NOTE = "location taken from the previous sentence"
BACK_REFERENCE_NOTE = "the event referred back to"
#: the note of a claim dated by its story's lead, not by date words of its own paragraph
STORY_DATE_NOTE = "the day of the story"
#: confidence gained for each further document that agrees
CORROBORATION_STEP = 0.05


@dataclass(frozen=True, slots=True)
class Trust:
    """Per-field confidence (0..1) and the fields grounded in the text, of a claim or a row."""

    confidence: tuple[tuple[str, float], ...]
    grounded: frozenset[str]

    def of(self, field: str) -> float:
        return dict(self.confidence).get(field, 0.0)

    def as_dict(self) -> dict[str, float]:
        return dict(self.confidence)


def _actor(ref: ActorRef | None) -> tuple[bool, float]:
    """Named in words: grounded (a generic word such as "the army", resolved from the
    document, less surely); an opponent inferred with no words: not grounded."""
    if ref is None or ref.name is None:
        return False, 0.0
    if ref.surface and not ref.inferred:
        return True, 0.9
    return (True, 0.65) if ref.surface else (False, 0.4)


#: words before a place that make it a reference point or a region's name, not where it happened:
#: "east of Homs", "the countryside of Hama"
_REFERENCE_BEFORE = re.compile(
    rf"(?:\b{COMPASS}|"
    # "an air strike on suburbs of Damascus": unnamed suburbs, a region around the place
    r"\bcountryside|(?<!\bthe\s)\bsuburbs|"
    # "the northwestern region of Idlib", "the eastern areas of Hama" (a part of a town is the town)
    rf"\b{COMPASS}\s+"
    r"(?:regions?|areas?))\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$", re.IGNORECASE)
#: "the southern part of the Idlib province": a part of a province or region is not at its point
#: (a part of a town is the town: only places coarser than a town are referred to this way)
_PART_BEFORE = re.compile(rf"\b{COMPASS}\s+parts?\s+of\s+(?:the\s+)?$", re.IGNORECASE)
#: "Hama countryside": the rural area around the place, not the place
_REGION_AFTER = re.compile(r"^\W{0,2}(?:(?:northern|southern|eastern|western)\s+)?countryside\b", re.IGNORECASE)


#: "after capturing villages around Tall Hamis": what changed hands lies near the place, not at it
_NEAR_CAPTURED = re.compile(
    r"\b(?:villages|towns|areas|positions|hills|farms|points|outposts|checkpoints)\s+"
    r"(?:around|near|surrounding|outside|close\s+to)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE)


def _referred(claim: Claim) -> bool:
    """The sentence names the place only as a reference ("20 km east of Homs") or as the name of
    a countryside ("in Latakia countryside", "the northern countryside of Lattakia"): the row's
    point is not where the text says it happened."""
    loc = claim.location
    if loc is None or not claim.start <= loc.start < loc.end <= claim.start + len(claim.sentence):
        return False
    before = claim.sentence[max(0, loc.start - claim.start - 40): loc.start - claim.start]
    after = claim.sentence[loc.end - claim.start: loc.end - claim.start + 30]
    part = claim.geo_precision not in (None, 1) and _PART_BEFORE.search(before)
    near = claim.sub_event_type in TERRITORY_TAKEN and _NEAR_CAPTURED.search(before)
    return bool(_REFERENCE_BEFORE.search(before) or _REGION_AFTER.match(after) or part or near)


#: a dateline that opens the sentence: the place is where the report was filed ("Beirut, Jan 7,
#: 2013, SPA - ...", "Damascus, Mar 1 The troops ...", "ALEPPO (Agency) - ...")
_DATELINE_AFTER = re.compile(
    r"^\s*(?:,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]+\b)|(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]\s)")
#: the event is told as a sum over the whole country: "in separate clashes nationwide", "killed
#: 55 rebels in operations across the country"; no one place is its place (a count of villages
#: near a named town is not such a sum: an ACLED row codes it at that town)
_AGGREGATE = re.compile(
    r"\b(?:nationwide|countrywide|across\s+(?:the\s+country|syria)|(?:around|throughout|all\s+over)\s+"
    r"(?:the\s+country|syria))\b", re.IGNORECASE)
#: how far before the trigger a nationwide word may stand ("separate clashes nationwide"), and
#: after it when the place is not further on
_AGGREGATE_BEFORE = 25
_AGGREGATE_AFTER = 70


def _dateline(claim: Claim) -> bool:
    """The place opens the sentence as a dateline ("Damascus, Mar 1 The troops killed ..."):
    it says where the report was filed, not where the event happened."""
    loc = claim.location
    if loc is None or not claim.start <= loc.start < loc.end <= claim.start + len(claim.sentence):
        return False
    if claim.sentence[:loc.start - claim.start].strip(" \t\n\"'\u201c"):
        return False
    return bool(_DATELINE_AFTER.match(claim.sentence[loc.end - claim.start:]))


def _aggregate(claim: Claim) -> bool:
    """The sentence tells the event as a sum over the whole country ("nationwide", "across the
    country"), near its trigger or between the trigger and the place."""
    rel = claim.trigger_start - claim.start
    end = rel + _AGGREGATE_AFTER
    loc = claim.location
    if loc is not None and claim.start <= loc.start <= claim.start + len(claim.sentence):
        end = max(end, loc.start - claim.start)
    return bool(_AGGREGATE.search(claim.sentence[max(0, rel - _AGGREGATE_BEFORE):end]))


#: places too wide to be what changed hands: a capture is of a town, a village, a hill or a base,
#: and "restored security to vast areas in Latakia province" has not said which
_WIDER_THAN_CAPTURED = frozenset({"admin1", "country"})


def _wider_than_captured(claim: Claim) -> bool:
    loc = claim.location
    return loc is not None and loc.place is not None and loc.place.feature in _WIDER_THAN_CAPTURED


def _place(claim: Claim) -> tuple[bool, float]:
    loc, notes = claim.location, claim.notes or ""
    if loc is None or loc.place is None:
        return False, 0.2 if loc is not None else 0.0
    if MAIN_PLACE_NOTE in notes:
        return False, 0.4
    if claim.sub_event_type in TERRITORY_TAKEN and _wider_than_captured(claim):
        return False, 0.3
    if _referred(claim) or _dateline(claim) or _aggregate(claim):
        return False, 0.4
    level = {1: 0.9, 2: 0.7}.get(claim.geo_precision or 3, 0.5)
    return True, round(level * (0.85 if PREVIOUS_PLACE_NOTE in notes else 1.0), 3)


def _date(claim: Claim) -> tuple[bool, float]:
    if claim.event_date is None:
        return False, 0.0
    if STORY_DATE_NOTE in (claim.notes or ""):
        return False, 0.7  # the day the report's lead gives, told in another paragraph
    if claim.date_text:
        return True, {1: 0.9, 2: 0.7}.get(claim.time_precision or 3, 0.5)
    return False, 0.6 if claim.ongoing else 0.5  # the publication date stands in


def claim_trust(claim: Claim) -> Trust:
    """Grounding and confidence of one claim's fields."""
    back = BACK_REFERENCE_NOTE in (claim.notes or "")
    found = {
        "type": (True, 0.65 if back else 0.85),
        "actor1": _actor(claim.actor1), "actor2": _actor(claim.actor2),
        "place": _place(claim), "date": _date(claim),
        "fatalities": (claim.fatalities is not None, 0.8 if claim.fatalities is not None else 0.5),
    }
    return Trust(tuple((f, found[f][1]) for f in FIELDS), frozenset(f for f in FIELDS if found[f][0]))


def _value(claim: Claim, field: str) -> object:
    if field == "type":
        return claim.sub_event_type
    if field in ("actor1", "actor2"):
        ref = getattr(claim, field)
        return ref.name if ref is not None else None
    if field == "place":
        loc = claim.location
        return loc.place.gazetteer_id if loc is not None and loc.place is not None else None
    if field == "date":
        return claim.event_date
    return claim.fatalities


def _event_value(event: Event, field: str) -> object:
    return {"type": event.sub_event_type, "actor1": event.actor1, "actor2": event.actor2,
            "place": event.gazetteer_id, "date": event.event_date, "fatalities": event.fatalities}[field]


def _clash_on_civilians(event: Event) -> bool:
    """An armed clash whose other side is civilians: a clash needs two armed sides, so the text
    that made it one ("attacks killed 53 people", "a man died of wounds ... by shelling") has
    not told its type."""
    return event.sub_event_type == ARMED_CLASH and event.inter2 == CIVILIANS


def event_trust(event: Event, claims: Sequence[Claim]) -> Trust:
    """Grounding and confidence of an event's fields, from the claims that give each value: a
    field is grounded when one of them grounds it; its confidence is theirs, raised a little
    by each further document that agrees.  The type of an armed clash with civilians is not
    grounded (a contradiction in ACLED's terms), nor the place of a capture at a province or
    a country, whichever claim names it."""
    trusts = [(c, claim_trust(c)) for c in claims]
    confidence, grounded = [], set()
    for field in FIELDS:
        value = _event_value(event, field)
        backing = [(c, t) for c, t in trusts if _value(c, field) == value]
        if value is None or not backing:
            confidence.append((field, 0.0 if value is None and field != "fatalities" else 0.5))
            continue
        docs = len({c.doc_id for c, _ in backing})
        best = max(t.of(field) for _, t in backing)
        confidence.append((field, round(min(0.99, best + CORROBORATION_STEP * (docs - 1)), 3)))
        if any(field in t.grounded for _, t in backing):
            grounded.add(field)
    if _clash_on_civilians(event):
        grounded.discard("type")
    if event.sub_event_type in TERRITORY_TAKEN and any(
            _wider_than_captured(c) for c in claims if _value(c, "place") == event.gazetteer_id):
        grounded.discard("place")  # a province taken: another claim's place does not make it a town
    return Trust(tuple(confidence), frozenset(grounded))


def grounded_row(event: Event, trust: Trust) -> bool:
    """A row for the default export: it happened, and its type, place, date and actors are
    grounded in the text (actor2 when the row has one, and always for an armed clash: a clash
    is between two armed sides, and one whose other side the text does not name, "troops were
    shelling and pushing forward", "the scene of heavy fighting", has not told a clash)."""
    need = set(ROW_FIELDS) | ({"actor2"} if event.actor2 or event.sub_event_type == ARMED_CLASH else set())
    return event.happened and need <= trust.grounded
