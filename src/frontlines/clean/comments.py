"""Reader comments pasted after an article with no marker: where does the voice switch?

Each line gets a *comment score* from features of conversational text (second person,
first person, "!", emoticons, insults, a URL alone, lower-case starts, very short lines,
interjections) minus features of news prose (attribution verbs, long sentences, dates).
The comments section is the suffix of the text whose summed score (less a threshold) is
largest; it is accepted only when that sum is clearly positive and it holds a strong cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lines import Line, is_url_only

WEIGHTS: dict[str, float] = {
    "url_only": 2.5,
    "exclaim": 1.0,
    "emoticon": 2.0,
    "insult": 2.0,
    "second_person": 1.0,
    "first_person": 0.75,
    "lower_start": 1.5,
    "very_short": 1.0,
    "interjection": 1.0,
    "opinion": 0.5,
    "reply_marker": 2.0,
    "sloppy_space": 0.5,
    "attribution": -1.5,
    "long": -1.0,
    "dated": -0.5,
}
THRESHOLD = 0.5  # a line scoring above this leans towards "comment"
MIN_SUFFIX_SCORE = 3.0  # the suffix's summed margin must reach this
STRONG = 2.0  # at least two lines of the suffix must score this much
MIN_STRONG_LINES = 2

_EMOTICON = re.compile(r"(?:^|\s)(?::-?[D)(P]|;-?\)|xD|:'\()(?=\s|$)|\b(?:lol|lmao|rofl|haha\w*)\b", re.I)
_INSULT = re.compile(
    r"\b(?:you (?:imbecile|idiot|moron|fool|clown|troll|liar)|imbeciles?|idiots?|morons?|"
    r"stupid|dumb|trolls?|shills?|clowns?|headchoppers?|scum|lunatics?|retard\w*|bullshit|crap)\b",
    re.I,
)
_SECOND = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ou’re|[Yy]ou're|[Yy]ours|u|ur)\b(?!\.)")
_FIRST = re.compile(r"(?:\bI\b|\bI’m\b|\bI'm\b|\bmy\b|\bme\b|\bmine\b)")
_INTERJECTION = re.compile(
    r"^(?:well|yes|yeah|no|nope|wow|agree[d]?|exactly|thanks|thank you|great|lol|ok|okay|"
    r"indeed|sure|so true|true|amen|damn|oh|hmm|lmao|bravo|shame)\b[\s,.!?]",
    re.I,
)
_OPINION = re.compile(
    r"\b(?:should|shouldn’t|need to|needs to|must|i think|imo|imho|hope|let’s|let's|let go)\b", re.I
)
_REPLY = re.compile(
    r"(?:^@\w+|\bsays:\s*$|^reply\b|\breplied\b|\bin reply to\b|"
    r"\b\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago\b|\bat \d{1,2}:\d\d\s*(?:am|pm)\b|"
    r"•\s*reply\b|\breply\s*↓)",
    re.I,
)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according to|reported|announced|stated|claimed|sources?|"
    r"spokesman|spokesperson|ministry|monitor|activists)\b",
    re.I,
)
_DATED = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|[Yy]esterday|[Tt]oday|"
    r"[Ll]ast night)\b"
)


def features(line: Line) -> dict[str, bool]:
    text = line.stripped
    n = line.n_words
    return {
        "url_only": is_url_only(text),
        "exclaim": "!" in text,
        "emoticon": bool(_EMOTICON.search(text)),
        "insult": bool(_INSULT.search(text)),
        "second_person": bool(_SECOND.search(text)),
        "first_person": bool(_FIRST.search(text)),
        "lower_start": text[:1].islower(),
        "very_short": 0 < n <= 4,
        "interjection": bool(_INTERJECTION.match(text + " ")),
        "opinion": bool(_OPINION.search(text)),
        "reply_marker": bool(_REPLY.search(text)),
        "sloppy_space": bool(re.search(r"\w [,.!?](?:\s|$)", text)),
        "attribution": bool(_ATTRIBUTION.search(text)),
        "long": n >= 45,
        "dated": bool(_DATED.search(text)),
    }


def comment_score(line: Line) -> float:
    """How much a line reads like a reader comment (positive) or like news prose (negative)."""
    return sum(WEIGHTS[name] for name, on in features(line).items() if on)


def find_comment_start(candidates: Sequence[Line], neutral: Sequence[bool]) -> int | None:
    """Index in ``candidates`` where the comments begin, or None.

    ``neutral`` marks lines that are known debris (boilerplate); they neither start nor
    break a comments section.  The start is the suffix with the largest summed margin.
    """
    best, best_at, total = 0.0, None, 0.0
    strong = 0
    for i in range(len(candidates) - 1, -1, -1):
        if neutral[i]:
            continue
        score = comment_score(candidates[i])
        strong += score >= STRONG
        total += score - THRESHOLD
        if total > best and score > THRESHOLD and strong >= MIN_STRONG_LINES:
            best, best_at = total, i
    if best_at is None or best < MIN_SUFFIX_SCORE:
        return None
    remaining = [c for c, n in zip(candidates[best_at:], neutral[best_at:], strict=True) if not n]
    return best_at if len(remaining) >= 2 else None
