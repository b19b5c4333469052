"""Builders of records for tests."""

from __future__ import annotations

import functools
from pathlib import Path

from frontlines.kb import KnowledgeBase, export_kb, load_kb
from frontlines.records import ActorRef, Claim, Mention, Place, Role, Status

DEIR = Place("test:deir", "Deir ez-Zor", 35.336, 40.141, "SY", "Deir ez-Zor", "Deir ez-Zor", "city", 200000)
MAYADIN = Place("test:mayadin", "Al Mayadin", 35.021, 40.453, "SY", "Deir ez-Zor", "Al Mayadin", "settlement")


def claim(doc: str = "d1", start: int = 0, *, event_type: str = "Battles",
          sub: str = "Armed clash", status: Status = Status.ASSERTED, place: Place | None = DEIR,
          date: str | None = "2017-09-05", actor1: str | None = "Military Forces of Syria (2000-2024)",
          actor2: str | None = "Islamic State (Syria)", fatalities: int | None = None) -> Claim:
    location = Mention(doc, "place", start + 5, start + 10, place.name if place else "Nowhere",
                       place=place, score=0.9, reason="test", geo_precision=1, role="event location")
    return Claim(
        id=f"{doc}:{start}-{start + 4}", doc_id=doc, segment_role=Role.BODY, start=start, end=start + 40,
        sentence="a sentence of evidence", trigger="took", trigger_start=start, trigger_end=start + 4,
        event_type=event_type, sub_event_type=sub, status=status,
        actor1=ActorRef("the army", actor1, 1, "government") if actor1 else None,
        actor2=ActorRef("ISIS", actor2, 2, "jihadist") if actor2 else None,
        location=location, geo_precision=1, event_date=date, time_precision=1 if date else None,
        date_text="on the day" if date else None, fatalities=fatalities,
    )


@functools.cache
def packaged_kb() -> KnowledgeBase:
    """The packaged knowledge base, loaded once for the test session (tests only)."""
    return load_kb()


def replace_once(path: Path, old: str, new: str) -> None:
    """Edit a knowledge-base file: its first ``old`` becomes ``new`` (``old`` must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edited_kb(root: Path, filename: str, old: str, new: str) -> Path:
    """A copy of the packaged knowledge base written to ``root``, its ``filename`` edited once."""
    export_kb(root)
    replace_once(root / filename, old, new)
    return root
