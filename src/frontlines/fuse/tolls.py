"""The toll of a fused event, from the tolls its claims give.

ACLED keeps the most specific figure, and of those the most conservative: when one report says
"dozens were killed" (read as 12) and another "at least 62", the event's toll is 62, not 12.  A
claim that dates itself, in its own words, to another day than the event's tells of that day's
dead ("clashes on Tuesday killed 20 ... the army retook the town on Wednesday"): its toll is
kept out while a claim of the event's own day gives one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Claim
from ..taxonomy import VAGUE, word_value

_WORD = re.compile(r"\d[\d,]*|[A-Za-z]+(?:-[A-Za-z]+)?")


def vague_toll(claim: Claim) -> bool:
    """The claim's toll is a vague quantity ("dozens", "scores", "hundreds of"): its sentence
    says such a word worth the toll and never writes the figure itself."""
    if claim.fatalities is None:
        return False
    words = [w.lower() for w in _WORD.findall(claim.sentence)]
    worth = {VAGUE[w] for w in words if w in VAGUE}
    worth |= {VAGUE[a] * VAGUE[b] for a, b in zip(words, words[2:], strict=False) if a in VAGUE and b in VAGUE}
    return claim.fatalities in worth and all(word_value(w) != claim.fatalities for w in words if w not in {"a", "an"})


def _of_other_day(claim: Claim, day: str | None) -> bool:
    """The claim gives a day in its own words, and it is not the event's."""
    return (day is not None and bool(claim.date_text) and claim.time_precision == 1
            and claim.event_date is not None and claim.event_date != day)


def event_toll(claims: Sequence[Claim], day: str | None) -> tuple[int | None, int | None]:
    """(ACLED's figure, the highest toll given) of an event of ``day`` fused from ``claims``."""
    told = [c for c in claims if c.fatalities is not None and c.factual]
    if not told:
        return None, None
    own_day = [c for c in told if not _of_other_day(c, day)] or told
    specific = [c for c in own_day if not vague_toll(c)] or own_day
    return min(c.fatalities or 0 for c in specific), max(c.fatalities or 0 for c in told)
