"""Response models of the REST API (pydantic at the edge; the views hand frozen records in)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

#: the standings of frontlines.taxonomy.Standing (a test holds them equal)
Standing = Literal["asserted", "reported", "alleged", "denied", "expected", "hypothetical", "background"]


class Model(BaseModel):
    model_config = ConfigDict(from_attributes=True, frozen=True)


class ErrorBody(Model):
    code: str = Field(description="A stable, machine-readable code, e.g. not_found or invalid_parameter.")
    message: str = Field(description="What went wrong, in one line.")


class ErrorResponse(Model):
    """The one shape of every error the server returns."""

    error: ErrorBody


class Event(Model):
    id: str
    event_type: str
    sub_event_type: str
    status: Standing
    happened: bool = Field(description="True when its standing is asserted, reported or alleged.")
    actor1: str | None
    actor2: str | None
    assoc_actor_1: list[str] = Field(default_factory=list, description="ACLED's associated actors of "
                                     "actor1: named with it, on its side.")
    assoc_actor_2: list[str] = Field(default_factory=list, description="ACLED's associated actors of "
                                     "actor2: named with it, on its side.")
    location: str | None
    gazetteer_id: str | None
    admin1: str | None
    admin2: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    event_date: str | None = Field(description="A day, or an ISO interval a/b.")
    day_start: str | None
    day_end: str | None
    time_precision: int | None
    fatalities: int | None
    sources: list[str] = Field(description="Outlets of the documents behind the event.")
    corroboration: int = Field(description="Number of distinct documents.")
    contradicted: bool
    support: float


class EventPage(Model):
    total: int
    limit: int
    offset: int
    next_offset: int | None = Field(description="Offset of the next page, null on the last one.")
    items: list[Event]


class OutletSide(Model):
    outlet: str | None
    side: str | None = Field(description="The side the outlet registry's latest statement gives, if any.")
    side_source: str | None = None


class Claim(Model):
    id: str
    doc_id: str
    status: Standing
    attributed_to: str | None
    event_type: str
    sub_event_type: str
    trigger: str
    sentence: str = Field(description="The evidence sentence, as text (never markup).")
    start: int
    end: int
    trigger_start: int = Field(description="Offset of the trigger word in the sentence.")
    trigger_end: int
    context_before: str
    context_after: str
    segment_role: str
    actor1: str | None
    actor2: str | None
    location: str | None
    date_text: str | None
    event_date: str | None
    fatalities: int | None
    outlet: str | None
    side: str | None
    title: str | None
    published: str | None
    source: str
    url: str | None = Field(description="As the document gave it; the server never fetches it.")
    counted: bool = Field(description="Whether the claim's standing lets it count as a happening.")


class Corroboration(Model):
    documents: int
    supporting: int = Field(description="Claims asserting, reporting or alleging it.")
    disputing: int = Field(description="Claims denying it.")
    not_counted: int = Field(description="Expected, hypothetical or background (history) claims.")
    outlets: list[str]
    sides: list[str]
    contradicted: bool


class EventDetail(Model):
    event: Event
    claims: list[Claim]
    corroboration: Corroboration


class Segment(Model):
    index: int
    role: str
    start: int
    end: int
    quoted_source: str | None


class ClaimSpan(Model):
    id: str
    status: Standing
    start: int
    end: int
    trigger_start: int
    trigger_end: int
    event_ids: list[str]


class DocumentSummary(Model):
    id: str
    source: str
    outlet: str | None
    title: str | None
    published: str | None
    duplicate_of: str | None
    claims: int


class DocumentPage(Model):
    total: int
    limit: int
    offset: int
    next_offset: int | None
    items: list[DocumentSummary]


class Document(Model):
    id: str
    source: str
    outlet: str | None
    side: str | None
    url: str | None
    title: str | None
    author: str | None
    published: str | None
    published_precision: str | None
    language: str | None
    duplicate_of: str | None
    text: str
    segments: list[Segment]
    claims: list[ClaimSpan]


class Place(Model):
    gazetteer_id: str
    name: str | None
    latitude: float | None
    longitude: float | None
    admin1: str | None
    admin2: str | None
    feature: str | None
    events: int
    score: float | None = None
    reason: str | None = None


class PlaceSearch(Model):
    query: str
    in_database: list[Place] = Field(description="Places of this database whose name contains the query.")
    gazetteer: list[Place] = Field(description="Gazetteer candidates of the query, best first.")


class Statement(Model):
    claim: str
    source: str
    as_of: str
    side: str | None


class Outlet(Model):
    name: str
    documents: int
    claims: int
    events: int
    registered_as: str | None = Field(description="The outlet registry's name for it, when it knows it.")
    country: str | None
    kind: str | None
    side: str | None
    statements: list[Statement]


class Count(Model):
    key: str | None
    count: int
    fatalities: int


class Summary(Model):
    events: int
    by_type: list[Count]
    by_status: list[Count]
    by_week: list[Count] = Field(description="Keyed by the Monday of the week.")
    by_admin1: list[Count]


class Actor(Model):
    name: str
    side: str | None


class Facets(Model):
    event_types: dict[str, list[str]]
    statuses: list[Standing]
    actors: list[Actor]
    outlets: list[str]
    first_day: str | None
    last_day: str | None
    counts: dict[str, int]


class Info(Model):
    name: str
    version: str
    database: str
    read_only: bool
    tiles: str | None = Field(description="Online tile URL template, when the server was started with one.")
    tiles_attribution: str | None
    limits: dict[str, int]


class Feature(Model):
    type: Literal["Feature"] = "Feature"
    id: str | None = None
    geometry: dict[str, Any] | None
    properties: dict[str, Any]


class FeatureCollection(Model):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[Feature]
    total: int | None = Field(default=None, description="Matching records, when more than the features.")
    attribution: str | None = None
