"""Scores for the FA-KES format: one crowd-coded main event per article.

The main event of an article is its first event that happened with a casualty figure given
by the article (else its first event that happened).  Compared fields: governorate (admin1), actor
class, date, cause of death (mapped from ACLED sub-event types) and casualties.  Two
stage-level scores on the same set: the governorate of an article's most salient places
(place resolver alone) and the publication date recovered from the text (datelines).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..extract.captures import is_spread_copy
from ..records import Article, Claim, Event, Mention
from ..store.protocol import Store
from .gold import in_half, read_jsonl
from .match import ratio

#: ACLED sub-event type → FA-KES cause_of_death
CAUSE_OF = {
    "Shelling/artillery/missile attack": "shelling", "Air/drone strike": "shelling",
    "Remote explosive/landmine/IED": "explosion", "Suicide bomb": "explosion", "Grenade": "explosion",
    "Chemical weapon": "chemical and toxic gases", "Armed clash": "shooting", "Attack": "shooting",
}
EXECUTION_WORDS = re.compile(r"\b(execut\w*|behead\w*)\b", re.I)

#: actor side (from the actor dictionary) → FA-KES actor class
ACTOR_CLASS = [  # most specific first: "Islamic State (Syria)" is not the Syrian state
    (re.compile(r"Islamic State", re.I), "the organization of the islamic state in iraq and the levant - isis"),
    (re.compile(r"Nusra|Hayat Tahrir|Fateh al Sham", re.I), "al-nusra front"),
    (re.compile(r"Syrian Democratic|YPG|Self", re.I), "self administration forces"),
    (re.compile(r"Rebel|Opposition|Free Syrian|Jaish|Ahrar|Faylaq|Nour", re.I), "armed opposition groups"),
    (re.compile(r"United States|Coalition|France|United Kingdom", re.I), "international coalition forces"),
    (re.compile(r"\bof (Syria|Russia)\b|Russia", re.I), "syrian government or russian troops"),
]


def governorate_key(name: str | None) -> str:
    """A spelling-tolerant key for governorate names (Deir ez-Zor = deir ezzor, Hasakeh = Al-Hasakah)."""
    from ..resolve.normalize import name_key

    if not name:
        return ""
    key = name_key(re.sub(r"(?i)\b(governorate|province|countryside)\b", "", name))
    return GOVERNORATE_ALIASES.get(key, key)


#: keys of other names of the same governorate; FA-KES codes Rif Dimashq (the Ghouta, Douma…)
#: as "damascus", so the two count as one here
GOVERNORATE_ALIASES = {"suwayda": "swayda", "rifdamashk": "damaskus", "rifdimashk": "damaskus",
                       "rif": "damaskus"}


def actor_class(actor: str | None) -> str:
    for pattern, cls in ACTOR_CLASS:
        if actor and pattern.search(actor):
            return cls
    return "unknown"


def _main_event(events: list[Event], claims: dict[str, Claim], doc_id: str) -> Event | None:
    """The article's lead event with a casualty figure that the article itself gives (FA-KES
    codes the article's casualty event: a photo caption's air strike that holds a toll only
    because another report of it gave one never outranks the bombing the article counts the
    dead of), else its first event that happened.  An event made only of the copies of a claim spread over a list
    of places (:func:`frontlines.extract.captures.spread`) never outranks one the article
    tells of itself, toll or no toll (the copy holds a toll only through fusion), and an event
    ranks by where the article tells its own claims, not by the copies fused into it."""
    mine = []
    for event in events:
        own = [c for c in event.claim_ids if c in claims and claims[c].doc_id == doc_id]
        if own and event.happened:
            told = [c for c in own if not is_spread_copy(c)]  # its place in the text is its own claims'
            copy = not told
            start = min(claims[c].trigger_start for c in told or own)
            tolled = any(claims[c].fatalities is not None for c in own)  # a toll the article gives
            mine.append(((not tolled or copy, copy), start, event))
    return min(mine, key=lambda x: (x[0], x[1]))[2] if mine else None


def _cause(event: Event, claims: dict[str, Claim]) -> str:
    sentences = " ".join(claims[c].sentence for c in event.claim_ids if c in claims)
    if EXECUTION_WORDS.search(sentences):
        return "execution"
    return CAUSE_OF.get(event.sub_event_type, "unknown")


def as_reported(event: Event, claims: dict[str, Claim], doc_id: str) -> Event:
    """The event as one article reports it: place, actors, date, type and toll from that
    article's own claims (the fused event also carries other reports' values)."""
    from ..fuse import fuse_claims

    own = [claims[c] for c in event.claim_ids if c in claims and claims[c].doc_id == doc_id]
    return fuse_claims(own)[0] if own else event


def _tally(event: Event, row: dict[str, Any], claims: dict[str, Claim]) -> dict[str, bool]:
    total = sum(int(row.get(k) or 0) for k in ("nb_civilians", "nb_noncivilians"))
    return {
        "governorate": governorate_key(event.admin1) == governorate_key(row["location"]),
        "actor": actor_class(event.actor1) == row["actor"],
        "date": (event.event_date or "")[:10] == row["event_date"],
        "cause": _cause(event, claims) == row["cause_of_death"],
        "casualties": (event.fatalities or 0) == total,
    }


def evaluate_fakes(store: Store, gold_path: Path, half: str | None = None) -> dict[str, Any]:
    """Per article: its main event as the article reports it (``*_accuracy``) and as fused with
    the other reports of the same happening (``fused_*_accuracy``); only ``half`` ("A"/"B") of
    the articles (by their corpus id) when given."""
    gold = {r["id"]: r for r in read_jsonl(gold_path)}
    keep = in_half(gold, half)
    gold = {k: v for k, v in gold.items() if k in keep}
    articles: dict[str, Article] = {a.source: a for a in store.articles()}
    claims = {c.id: c for c in store.claims()}
    events = store.events()
    keys = ("governorate", "actor", "date", "cause", "casualties")
    own, fused = dict.fromkeys(keys, 0), dict.fromkeys(keys, 0)
    scored = with_event = 0
    for gid, row in gold.items():
        article = articles.get(gid)
        if article is None:
            continue
        scored += 1
        event = _main_event(events, claims, article.id)
        if event is None:
            continue
        with_event += 1
        for key, ok in _tally(as_reported(event, claims, article.id), row, claims).items():
            own[key] += ok
        for key, ok in _tally(event, row, claims).items():
            fused[key] += ok
    if not scored:
        raise EvalError("no article of the gold set is in the database (matched by corpus id)",
                        source=str(gold_path))
    result: dict[str, Any] = {"format": "fa-kes", "articles": scored, "with_main_event": with_event}
    for key in keys:
        result[f"{key}_accuracy"] = round(own[key] / scored, 4) if scored else None
    for key in keys:
        result[f"fused_{key}_accuracy"] = round(fused[key] / scored, 4) if scored else None
    return result


def salient_admin1(mentions: Sequence[Mention], length: int) -> str | None:
    """Governorate of an article's most salient Syrian places (early and precise weigh more)."""
    weights: dict[str, float] = {}
    for m in mentions:
        p = m.place
        if p is None or p.country != "SY" or not p.admin1 or p.feature == "country" or m.role == "actor":
            continue
        w = (1.5 if m.geo_precision == 1 else 1.0) / (1 + 2 * m.start / length)
        weights[p.admin1] = weights.get(p.admin1, 0.0) + w
    return max(weights, key=weights.__getitem__) if weights else None


def score_salient_admin1(articles: Sequence[dict[str, Any]], gold: dict[str, dict[str, Any]],
                         find_places: Callable[[str, str, list[tuple[int, int]]], Sequence[Mention]],
                         canonical_admin1: Callable[[str | None], str | None]) -> dict[str, Any]:
    """The place resolver alone: the governorate of each article's salient places against the
    gold location (spelled as the knowledge base's theater spells it), strictly (Rif Dimashq
    counts as wrong where the coders wrote "damascus")."""
    hits = sum(salient_admin1(find_places(a["text"], a["id"], [(0, len(a["text"]))]), len(a["text"]))
               == canonical_admin1(gold[a["id"]]["location"]) for a in articles)
    return {"articles": len(articles), "admin1_accuracy": ratio(hits, len(gold))}


def score_datelines(articles: Sequence[dict[str, Any]], gold: dict[str, dict[str, Any]],
                    find_date: Callable[[str], dt.date | None]) -> dict[str, Any]:
    """Publication dates recovered from the text (a dateline): the share found, and the share
    within two days of the gold event date."""
    recovered = matched = 0
    for row in articles:
        found = find_date(row["text"])
        if found is None:
            continue
        recovered += 1
        matched += abs((dt.date.fromisoformat(gold[row["id"]]["event_date"]) - found).days) <= 2
    return {"articles": len(articles), "recovered": ratio(recovered, len(articles)),
            "within_2_days": ratio(matched, len(articles))}
