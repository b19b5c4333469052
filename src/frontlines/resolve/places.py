"""Toponym recognition and resolution: :class:`PlaceResolver`.

``PlaceResolver(gazetteer).find(text, doc_id, spans)`` returns one
:class:`~frontlines.records.Mention` (``kind=MentionKind.PLACE``) per place name found inside
the given character spans (the body and quote blocks of an article):

1. *recognition* — runs of capitalised tokens (with Arabic articles and trailing generic
   words such as "district", "air base", "gas field") are looked up in the gazetteer
   through the transliteration-aware key, longest first; "X-Y highway" becomes a road;
   a capitalised name after a cue ("the town of", "near", "captured") that the
   gazetteer lacks is kept as an *unresolved* mention (``place=None``), never dropped;
2. *metonymy* — a capital or country that stands for its government ("Moscow said",
   "Damascus's approval", "Damascus and Baghdad agreed", "Tehran-backed") is an actor, not
   a place: it is **not emitted** as a place mention;
3. *disambiguation* — see :mod:`frontlines.resolve.place_context`;
4. *precision* — ACLED geo_precision from the feature class and the words around the
   name ("near X" → 2, "70 km north of X" → 3 with the point moved 70 km north).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import TYPE_CHECKING

from ..geo import is_reference_gap, unlocated_place
from ..records import Candidate, Mention, Place
from ..taxonomy import MatchKind, MentionKind, MentionRole
from .actors import ActorDictionary
from .gaz_admin import km
from .gazetteer import SUBURB, Gazetteer
from .normalize import GENERIC_WORDS, key_words, name_key, spelled
from .place_context import (
    AREAS,
    SPECIAL,
    URBAN,
    Focus,
    Hints,
    capital,
    choose,
    focus_of,
    is_fuzzy,
    major,
    part_of_city,
    plausible,
    unambiguous,
)
from .place_names import COMMON_WORDS
from .place_patterns import (
    city_after,
    container_after,
    coordinated_region,
    countryside_after,
    cue_of,
    feature_precision,
    has_place_cue,
    has_strong_cue,
    is_dateline,
    is_locative,
    is_near,
    moved,
    offset_before,
    opens_with_colon,
    parts_of,
    region_reach,
    relation_after,
    road,
    town_after,
)
from .place_text import (
    CONNECTORS,
    STOP_WORDS,
    TITLES,
    Token,
    is_metonym,
    joined,
    patron_before,
    tokens,
)

if TYPE_CHECKING:
    from ..kb import KnowledgeBase

from .place_words import (
    HARD_START,
    SPEAKS,
    after_title,
    common_word,
    not_alone,
    own_name,
    prominent,
    sentence_initial,
    single_ok,
    text_words,
)

MAX_TOKENS = 7
#: "the Arak rich oil field", "the Kuweires military air base": a feature word after an adjective
_FEATURE_AFTER = re.compile(
    r"[ \t]+((?:[a-z][a-z-]+[ \t]+){1,2}?)((?:oil|gas)[ \t]*fields?|(?:air|military)[ \t]*base|"
    r"airbase|airport|airfield|dam|(?:border[ \t]+)?crossing)\b")
_GENERIC_KEYS = frozenset(GENERIC_WORDS.values())
_ROAD_AFTER = re.compile(r"[ \t]+(?:[A-Za-z]+[ \t]+)?(?:international[ \t]+)?(?:highway|road|motorway|route|"
                         r"axis|expressway|corridor|railway)\b", re.I)
#: the last word of a name written in lower case, which opens with the Arabic article ("ezzor",
#: "al-ain", "el-zor"): a verb or a common word after a name ("Hammoud said") never does
_ARTICLE_TAIL = re.compile(r"(?:al|el|ez|es|ed|ad|ar|as|ash|at|az|an|ul)-?[a-z'’]{2,}")
_PART_WORDS = frozenset({"district", "neighbourhood", "neighborhood", "quarter"})
#: "IS-held", "rebel-controlled", "regime-besieged": a word that says who holds the place named
#: after it, never a word of that name
_HOLDER_WORD = re.compile(r"(?i)[-‐‑](?:held|controlled|besieged|occupied|run|dominated|administered|"
                          r"surrounded|encircled)$")
#: "the city of", "the contested city of": the word city right before a name
_CITY_OF = re.compile(r"\bcity[ \t]+of[ \t]+(?:the[ \t]+)?$", re.I)
#: a lowercase Arabic article written apart from the name it opens ("the city of al Bab")
_LOOSE_ARTICLE = frozenset({"al", "el"})
#: feature classes of a place noun that makes an uncertain spelling worth resolving ("X town")
_SETTLED = frozenset({"settlement", "city", "neighbourhood", "admin1", "admin2", "admin3"})


#: generic first words of a name the gazetteer lacks that may be dropped to try the rest
#: ("Tal X" not known: try X); not those that are part of a name ("Umm X", "Kafr X")
_LEADING_GENERIC = frozenset(GENERIC_WORDS.values()) - {"bu", "umm", "ayn", "dayr", "kafr"}


#: what stands between two members of a list of places: "A, B and C", "A and B"
_LIST_GAP = re.compile(r"^[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+|&[ \t]*)$")


def listed_stand_ins(text: str, mentions: list[Mention],
                     known: Callable[[str], bool] = lambda name: False) -> list[Mention]:
    """A name the gazetteer lacks in a list of places ("the villages of Shakouhi and Abu Makkah")
    is placed at the nearest member of its list that is a known town or village, as a place of
    its own ("unlocated:<id>:<name>", :func:`frontlines.geo.unlocated_place`) with
    ``geo_precision`` 2: an event there is never left without a point, nor put on another town.
    A name the gazetteer has (``known``), left unresolved because no entry fits the context
    ("Nablus" in a report about Syria), is not stood in for."""
    out = list(mentions)
    for i, m in enumerate(mentions):
        if m.place is not None or not MentionRole(m.role).locates:
            continue
        anchor = _list_neighbour(text, mentions, i)
        if anchor is not None and not known(m.text):  # the gazetteer is asked only for listed names
            out[i] = replace(m, place=unlocated_place(anchor, m.text), geo_precision=2, score=0.3,
                             reason=f"not in the gazetteer; by {anchor.name}, which the text places it by "
                                    f"(listed with it); {anchor.name}'s point")
    return out


def _list_neighbour(text: str, mentions: list[Mention], i: int) -> Place | None:
    """The nearest known town or village of the list mention ``i`` is a member of."""
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(mentions):
            a, b = (mentions[j + step], mentions[j]) if step < 0 else (mentions[j], mentions[j + step])
            if a.end > b.start or not _LIST_GAP.match(text[a.end:b.start]):
                break
            j += step
            place = mentions[j].place
            if place is not None and place.feature not in AREAS and place.feature != "road" and (
                    MentionRole(mentions[j].role).locates):
                return place
    return None


@dataclass(frozen=True, slots=True)
class Found:
    """A recognised place name before disambiguation."""

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    how: str  # "name", "weak" (prefix of a longer capitalised run), "variant" (only a vowel
    # variant is known), "fuzzy" (unknown name after a place cue), "road", "unknown"
    partner: tuple[Candidate, ...] = ()  # road: candidates of the second end
    partner_text: str = ""


def _masked(found: Found, masks: list[tuple[int, int]], upto: int) -> bool:
    """Whether a longer mask among the (sorted) masks starting at or before it covers ``found``."""
    for s, e in reversed(masks[max(0, upto - MASK_LOOKBACK) : upto]):
        if found.end <= e and e - s > found.end - found.start:
            return True
    return False


#: masks are actor names, which hardly nest: a few before a name are all that can cover it
MASK_LOOKBACK = 8


def covered(spans: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether an offset lies inside one of ``spans`` ([start, end) pairs), by bisection over
    the spans' starts and the furthest end reached so far (spans may overlap)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))

    def inside(offset: int) -> bool:
        last = bisect.bisect_right(starts, offset) - 1
        return last >= 0 and reach[last] > offset

    return inside


#: how far (characters) after a governorate named as such a name is read in its light
NEARBY_CHARS = 300
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s|\n")


def _local(text: str, found: list[Found], i: int) -> tuple[Place, ...]:
    """The places named without doubt (unambiguous names, not areas) within NEARBY_CHARS
    characters before ``found[i]`` or after it in its sentence ("Madaya near Damascus"), other
    than by its own name or with a direction ("southern Idlib"); none for a name the text has
    used before (one name, one place)."""
    f, key = found[i], name_key(found[i].text)
    if any(name_key(g.text) == key for g in found[:i]):
        return ()
    out = []
    for j, g in enumerate(found):
        if j == i or g.how != "name" or name_key(g.text) == key or _DIRECTION_START.match(g.text):
            continue  # "southern Idlib": a part of a governorate, not a point
        if j < i and f.start - g.end > NEARBY_CHARS:
            continue
        if j > i and (g.start - f.end > NEARBY_CHARS or _SENTENCE_END.search(text, f.end, g.start)):
            continue
        top = unambiguous(list(g.candidates))
        if top is not None and top.place.feature not in AREAS:
            out.append(top.place)
    return tuple(out)


#: how far (characters) before a region's centre the names stated in it may stand
REGION_REACH = 120
#: a place said to lie in a governorate, found only outside it, farther than this from its capital
#: (km), is another place of that name: the text's place is located at the governorate
CONTAINER_KM = 150.0
#: how far a place stated by its bearing from a big city may lie from it ("Sinjar, west of Mosul")
MAJOR_BEARING_KM = 150.0


def _astray(place: Place, centres: list[Place], limit: float) -> Place | None:
    """The nearest of the places a name is stated by, when the chosen place lies farther than
    ``limit`` km from all of them (None: no such statement, or the place is near one)."""
    if not centres:
        return None
    dist, centre = min((km(place.latitude, place.longitude, c.latitude, c.longitude), i)
                       for i, c in enumerate(centres))
    return centres[centre] if dist > limit else None


#: a direction word right before a name ("eastern Aleppo", "in northern Syria")
_DIRECTION_BEFORE = re.compile(r"(?i)\b(?:eastern|western|northern|southern|central|east|west|north|south)[ \t]+$")
_DIRECTION_START = re.compile(r"(?i)(?:eastern|western|northern|southern|central|east|west|north|south)\s")


def _with_direction(text: str, f: Found) -> Found:
    """"eastern Aleppo", "Eastern Aleppo City": the part of a big city, governorate or country
    that a direction word before its name picks is one mention of that place (a part of it)."""
    top = f.candidates[0].place if f.how == "name" and f.candidates else None
    if top is None or not (major(top) or top.feature == "admin1"):
        return f
    m = _DIRECTION_BEFORE.search(text, max(0, f.start - 12), f.start)
    if m is None:
        return f
    return Found(m.start(), f.end, text[m.start():f.end], f.candidates, f.how)


class PlaceResolver:
    """Finds and resolves place names in text against a :class:`Gazetteer`."""

    def __init__(self, gazetteer: Gazetteer, kb: KnowledgeBase, *, limit: int = 40,
                 use_actors: bool = True, default_country: str | None = None) -> None:
        self.gazetteer = gazetteer
        self.default_country = default_country or kb.country
        self.limit = limit
        self.theater = kb.theater
        self._actors = kb.actors
        self.use_actors = use_actors  # False: place words inside actor names are not masked
        self.words = kb.theater.feature_words  # feature words ("air base", "suburb"), from the kb
        self.generic = kb.theater.generic_words  # words that may end a place phrase
        self._stop: frozenset[str] | None = None
        self._text_words: tuple[str, frozenset[str]] | None = None  # the words of the last text
        self._seats: dict[str, Place | None] = {}  # governorate → its capital, looked up once
        self._units: dict[str, Place | None] = {}  # governorate → its place (at its capital)

    def _words(self, text: str) -> frozenset[str]:
        """The whole words of ``text``, computed once per document."""
        if self._text_words is None or self._text_words[0] is not text:
            self._text_words = (text, text_words(text))
        return self._text_words[1]

    @property
    def stop(self) -> frozenset[str]:
        """Words that are never a place name alone: the generic ones and the theater's (its
        non-places, people, nationalities and the one-word actor names that name no place)."""
        if self._stop is None:  # on first use (in a pool worker, not in the parent)
            actor_words = frozenset(w for w in self._actors.short_names() if not any(  # "Damascus": a place too
                c.match == MatchKind.KEY and c.place.feature in ("country", "admin1", "city")
                for c in self.gazetteer.candidates(w, limit=5, fuzzy=False)))
            self._stop = STOP_WORDS | self.theater.stop_words(actor_words)
        return self._stop

    @property
    def actors(self) -> ActorDictionary | None:
        """The actor dictionary whose names mask place words (None when masking is off)."""
        return self._actors if self.use_actors else None

    # -- recognition -------------------------------------------------------------------
    def _lookup(self, phrase: str, fuzzy: bool = False, min_sim: float = 0.0) -> tuple[Candidate, ...]:
        cands = self.gazetteer.candidates(phrase, limit=self.limit, fuzzy=fuzzy)
        if fuzzy and min_sim:
            cands = [c for c in cands if c.match != MatchKind.SKELETON or c.score >= min_sim]
        return tuple(cands)

    def _run(self, text: str, toks: list[Token], i: int) -> int:
        """Index one past the end of the run of name-like tokens starting at ``i``."""
        j = i + 1
        while j < len(toks) and j - i < MAX_TOKENS and joined(text, toks[j - 1], toks[j]):
            low = toks[j].lower
            if not (toks[j].capitalised or low in CONNECTORS or low in self.generic):
                break
            if toks[j].capitalised and low in HARD_START:
                break
            j += 1
        return j

    def _match(self, text: str, run: list[Token]) -> Found | None:
        """Longest prefix of the run that the gazetteer knows by name (not by skeleton)."""
        first = run[0].lower
        strict = first in self.stop or any(p in self.stop for p in first.split("-"))
        parts = run[-1].lower in _PART_WORDS  # "Bustan al-Qasr district": not "Bustan" alone
        for n in range(len(run), 0, -1):
            last = run[n - 1]
            if parts and n < len(run) - 1:
                break
            if last.lower in CONNECTORS or (n == 1 and (
                    not single_ok(last, self.stop, cue=has_place_cue(text, last.start))
                    or not_alone(text, last, self.theater))):
                continue
            if not last.capitalised and last.lower not in self.generic:
                continue
            phrase = text[run[0].start:last.end]
            cands = self._lookup(phrase, fuzzy=True)
            named = [c for c in cands if not is_fuzzy(c)]
            if strict:  # a stop word names a place only as written, or with a town's feature word
                named = [c for c in named if c.match == MatchKind.KEY or self._town_word(phrase, c)]
            if named and n < len(run) and run[n].lower in self.theater.persons:
                return None  # "Qassem Soleimani": a person's name
            if named and n == 1 and not prominent(named) and common_word(text, run[0], self._words(text)):
                return None
            if named and n == 1 and all(c.match == MatchKind.CORE for c in named) and sentence_initial(text, run[0]):
                return None  # "Artillery bombardment ...": a word that opens a sentence, not "Artillery Base"
            if named:
                # a prefix of a longer capitalised name ("Rusafa Hospital") is weak evidence
                longer = (n < len(run) and run[n].capitalised and last.lower not in self.generic
                          and run[n].lower not in CONNECTORS)
                how = "weak" if longer and not prominent(named) else "name"
                return Found(run[0].start, last.end, phrase, cands, how)
            if n == len(run) and not strict and any(c.match == MatchKind.VOWEL for c in cands) and not any(
                    t.lower in self.stop for t in run):  # "Al Nusra" is the group, not An Nasirah
                # "Atman town", "X district": a town or unit, only its spelling is uncertain
                town = self.words.split(last.text)[1]
                how = "fuzzy" if town and town <= _SETTLED else "variant"
                return Found(run[0].start, last.end, phrase, cands, how)
        return None

    def _countries_joined(self, t: Token) -> list[Found]:
        """Countries joined by a hyphen in one word ("the Jordan-Syria border", "Turkey-Iraq
        talks"), one found name each; [] unless every part is a country's name as written."""
        parts = t.text.split("-")
        if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
            return []
        out, at = [], t.start
        for part in parts:
            cands = self._as_country(part)
            if not cands:
                return []
            out.append(Found(at, at + len(part), part, cands, "name"))
            at += len(part) + 1
        return out

    def _country_possessive(self, t: Token) -> bool:
        """A country's name with a final s, its apostrophe lost ("Syrias", "Turkeys")."""
        return len(t.text) > 4 and t.text.endswith("s") and t.text[0].isupper() and bool(self._as_country(t.text[:-1]))

    def _as_country(self, word: str) -> tuple[Candidate, ...]:
        """The countries the gazetteer calls by ``word`` (a key match), if any."""
        return tuple(c for c in self._lookup(word) if c.match == MatchKind.KEY and c.place.feature == "country")

    def _lower_tail(self, text: str, toks: list[Token], i: int, j: int) -> Found | None:
        """A name whose last word the report writes in lower case ("Deir ezzor", "Ras al-ain"):
        the run ``toks[i:j]`` and the next word, when the gazetteer holds that name as written."""
        if j >= len(toks) or not joined(text, toks[j - 1], toks[j]):
            return None
        tail = toks[j]
        if tail.capitalised or not _ARTICLE_TAIL.fullmatch(tail.lower) or tail.lower in self.generic \
                or tail.lower in CONNECTORS or tail.lower in self.stop:
            return None
        phrase = text[toks[i].start:tail.end]
        cands = self._lookup(phrase)
        if not any(c.match == MatchKind.KEY and spelled(c.place.name) != spelled(toks[i].text) for c in cands):
            return None
        return Found(toks[i].start, tail.end, phrase, cands, "name")

    def _town_word(self, phrase: str, c: Candidate) -> bool:
        """A word of a river or group followed by a feature word that names a town or a part of one
        ("Yarmouk camp"): the place of that class the gazetteer knows by the name."""
        core, wanted = self.words.split(phrase)
        return (c.match == MatchKind.CORE and bool(core) and bool(wanted & SUBURB) and wanted <= URBAN | {"facility"}
                and c.place.feature in wanted)

    def _article_name(self, text: str, toks: list[Token], i: int) -> bool:
        """"At Tall", "As Safira": an Arabic article that is also an English word ("at", "as",
        "an") starts a name when the two words are, as written, a place's own name."""
        if toks[i].lower not in CONNECTORS or i + 1 >= len(toks) or not toks[i + 1].capitalised:
            return False
        if not joined(text, toks[i], toks[i + 1]):
            return False
        phrase = text[toks[i].start:toks[i + 1].end]
        written = re.sub(r"[\s-]+", " ", phrase).casefold()
        return any(re.sub(r"[\s-]+", " ", c.place.name).casefold() == written
                   for c in self._lookup(phrase) if c.match == MatchKind.KEY)

    def _opens_name(self, word: str) -> bool:
        """A feature word that stands before the name of a mountain ("Mount Baflun", "Jabal
        al-Qrima")."""
        return self.words.split(word) == ("", frozenset({"hill"}))

    def _name_part(self, surface: str) -> str:
        """The name after a word that opens a mountain's name ("Jabal al-Qrima" → "al-Qrima")."""
        first, _, rest = surface.partition(" ")
        return rest if rest and self._opens_name(first.lower()) else surface

    def _loose_article(self, text: str, toks: list[Token], i: int) -> bool:
        """"al Bab": a lowercase article written apart starts a name when the two words are, as
        written, a name the gazetteer holds (the article-less word alone may be refused)."""
        if toks[i].text not in _LOOSE_ARTICLE or i + 1 >= len(toks) or not toks[i + 1].capitalised:
            return False
        if text[toks[i].end:toks[i + 1].start] not in (" ", "\u00a0"):
            return False
        phrase = text[toks[i].start:toks[i + 1].end]
        written = spelled(phrase)
        return any(spelled(c.place.name) == written for c in self._lookup(phrase) if c.match == MatchKind.KEY)

    def _feature_after(self, text: str, f: Found) -> Found:
        """Extend "Arak" to "Arak rich oil field" when the gazetteer knows such a feature."""
        m = _FEATURE_AFTER.match(text, f.end)
        if not m or any(w in self.stop or w in HARD_START for w in m.group(1).split()):
            return f
        _, wanted = self.words.split(m.group(2))
        cands = [c for c in self._lookup(f"{f.text} {m.group(2)}", fuzzy=True)
                 if c.place.feature in wanted and not is_fuzzy(c)]
        if not cands:
            return f
        return Found(f.start, m.end(), text[f.start:m.end()], tuple(cands), "name")

    def _road(self, text: str, tok: Token, run_end: int) -> Found | None:
        """"X-Y highway" / "X-Y road": a hyphenated pair of known places."""
        parts = tok.text.split("-")
        if len(parts) != 2 or not all(p[:1].isupper() and p.lower() not in self.stop for p in parts):
            return None
        if not _ROAD_AFTER.match(text, tok.end):
            return None  # "Abdul-Rahman said", "Al-Bab city": a road needs its road word
        a, b = self._lookup(parts[0], fuzzy=True, min_sim=0.6), self._lookup(parts[1], fuzzy=True, min_sim=0.6)
        if not a or not b:
            return None
        end = run_end if run_end > tok.end else tok.end
        return Found(tok.start, end, text[tok.start:end], a, "road", b, parts[1])

    def _unknown(self, text: str, run: list[Token]) -> Found | None:
        """A name the gazetteer lacks, kept when the words around it say it is a place."""
        caps = [t for t in run if t.capitalised or t.lower in CONNECTORS]
        while caps and caps[-1].lower in CONNECTORS:
            caps.pop()
        if not caps or caps[0].lower in self.stop or caps[0].lower in HARD_START:
            return None
        if len(caps) == 1 and caps[0].text.isupper() and len(caps[0].text) <= 4:
            return None  # an acronym (US, UN, SAA), not a place
        if len(caps) == 1 and (caps[0].lower in COMMON_WORDS or caps[0].lower in TITLES
                               or caps[0].lower in self.generic or not_alone(text, caps[0], self.theater)):
            return None  # "in Clashes with", "Imam", "the District of": not an unknown place alone
        has_generic = any(t.lower in self.generic for t in run[1:])
        if not (has_place_cue(text, run[0].start) or has_generic):
            return None
        end = run[-1].end if has_generic else caps[-1].end
        phrase = text[run[0].start:end]
        words = key_words(phrase)
        core, _ = self.words.split(phrase)
        query = core or phrase
        if words and words[0] in _LEADING_GENERIC:
            query = " ".join(query.split()[1:]) or query  # "Tal X" not known: try X
        cands = self._lookup(query, fuzzy=True, min_sim=0.55) if len(name_key(query)) >= 4 else ()
        return Found(run[0].start, end, phrase, cands, "fuzzy" if cands else "unknown")

    def recognise(self, text: str, start: int, end: int) -> list[Found]:
        """Place names in ``text[start:end]``."""
        inside_org = covered(self.theater.org_spans(text, start, end))
        toks = [t for t in tokens(text, start, end) if not inside_org(t.start)]
        out: list[Found] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            if _HOLDER_WORD.search(t.text) or (not t.capitalised and not self._loose_article(text, toks, i)) or (
                    t.lower in HARD_START and not self._article_name(text, toks, i)):
                i += 1
                continue
            pair = self._countries_joined(t)
            if pair:  # "the Jordan-Syria border": each country is named
                out.extend(pair)
                i += 1
                continue
            j = self._run(text, toks, i)
            if j - i > 1 and self._country_possessive(t):
                i += 1  # "Syrias Deir ezzor" (the apostrophe lost): the country's, then the name
                continue
            run = toks[i:j]
            generic = any(x.lower in self.generic for x in run)
            person = self.theater.person_run([x.text for x in run[:2]])
            if after_title(text, t, self.theater) or (person and not generic):
                i = j
                continue
            found = (self._lower_tail(text, toks, i, j) or self._match(text, run) or self._road(text, t, run[-1].end)
                     or self._unknown(text, run))
            if found is not None and found.how == "weak" and not any(x.lower in self.generic for x in run):
                # "the neighborhoods of Baba Amr": a place cue calls the whole run a place, which a
                # known first word ("Baba", a village elsewhere) must not cut short
                whole = self._unknown(text, run) if has_place_cue(text, run[0].start) else None
                found = whole if whole is not None and whole.end > found.end else found
            if found is None:
                i += 1
                continue
            if found.how in ("name", "weak"):
                found = _with_direction(text, self._feature_after(text, found))
            out.append(found)
            while i < len(toks) and toks[i].start < found.end:
                i += 1
        return out

    # -- resolution --------------------------------------------------------------------
    def _mention(self, text: str, doc_id: str, f: Found, focus: Focus,
                 refs: dict[str, list[Place]], hints: Hints | None = None,
                 regions: dict[int, tuple[Place, float]] | None = None, reference: bool = False,
                 nearby: str | None = None) -> Mention | None:
        """``reference``: the name only says where the known place before it lies ("Tall Birak,
        thirty kilometers northeast of al-Hasakah"): it keeps its own point, not moved by the offset.
        ``nearby``: the governorate the text named just before the name (see :meth:`_nearby`)."""
        base = Mention(doc_id=doc_id, kind=MentionKind.PLACE, start=f.start, end=f.end, text=f.text)
        hints = hints or Hints()
        container = container_after(text, f.end, self.theater.canonical_admin1) or container_after(
            text, f.end, self._province_abroad)
        _, written = self.words.split(f.text)
        wanted = written or hints.cue & SPECIAL  # "the border crossing at X": the crossing, not a village
        key = name_key(f.text)
        region = (regions or {}).get(f.start)
        by = (refs.get(key) or []) + ([region[0]] if region else [])
        best = choose(list(f.candidates), focus, container, wanted, by or None, hints, nearby, in_name=bool(written))
        if best is None:
            return part_of_city(base, bool(f.candidates), hints)
        stray = _astray(best.place, [region[0]], region[1]) if region else None
        stated_in = container or countryside_after(text, f.end, self.theater.canonical_admin1)
        if stray is None and stated_in is not None and best.place.admin1 != stated_in:
            unit = self._unit(stated_in)  # "X in the countryside of Dara'a": not a namesake far away
            stray = _astray(best.place, [unit], CONTAINER_KM) if unit is not None else None
        if stray is not None and not major(best.place) and best.place.feature not in AREAS and (
                has_place_cue(text, f.start) or plausible(text, f.how, f.text, f.start, best, focus)):
            return replace(base, place=stray, score=0.5, geo_precision=3 if stray.feature == "admin1" else 2,
                           reason=f"no candidate lies near {stray.name}, which the text places it by; "
                                  f"{stray.name}'s point")
        place, reason = best.place, best.reason
        stated = container is not None or bool(refs.get(name_key(f.text)))
        # a variant chosen only because the exact name lies abroad ("Islam", Turkey) is weak evidence
        how = "variant" if f.how in ("name", "weak") and is_fuzzy(best) and not stated else f.how
        fits = best.place.feature in SPECIAL and best.place.feature in self.words.split(f.text)[1]
        if how in ("weak", "fuzzy", "name", "variant") and not plausible(text, how, self._name_part(f.text), f.start,
                                                                           best, focus, fits):
            if how == "fuzzy" or (how == "variant" and has_place_cue(text, f.start)):
                return replace(base, reason="no plausible gazetteer entry nearby; kept unresolved")
            return None
        precision = feature_precision(place.feature)
        if (not is_locative(text, f.start) or patron_before(text, f.start)) and is_metonym(
                text, f.start, f.end, name_key(f.text), place.feature, self.theater.government_seats):
            return replace(base, place=place, score=best.score, geo_precision=precision, role=MentionRole.ACTOR,
                           reason=f"{reason}; stands for its government here (an actor, not a location)")
        home = {focus.country, self.default_country} - {None}
        if place.feature == "country" and home and place.country not in home and (
                not is_locative(text, f.start)):  # "Russia said", "holds Russia responsible": the state
            return replace(base, place=place, score=best.score, geo_precision=precision, role=MentionRole.ACTOR,
                           reason=f"{reason}; the state, not a location")
        if f.how == "road":
            other = choose(list(f.partner), focus, container, refs=refs.get(name_key(f.partner_text)))
            if other is not None:
                place = road(place, other.place, f.text)
                reason += f"; road to {other.place.name}"
                precision = 2
        seat = self._seat(place) if place.feature == "admin1" else None
        if seat is not None:  # a province named alone is located at its capital (ACLED)
            place = replace(place, latitude=seat.latitude, longitude=seat.longitude)
            reason += f"; located at its capital {seat.name}"
        offset = None if reference else offset_before(text, f.start)
        if offset:
            place = moved(place, *offset)
            precision = 3 if offset[0] > 10 else 2
            reason += f"; moved {offset[0]:g} km towards {offset[1]:g}°"
        elif is_near(text, f.start, f.end) and precision < 2:
            precision = 2
            reason += "; near the place"
        if how in ("fuzzy", "variant"):
            reason = "fuzzy: " + reason
        return replace(base, place=place, score=best.score, reason=reason, geo_precision=precision)

    def _regions(self, text: str, found: list[Found], focus: Focus) -> dict[int, tuple[Place, float]]:
        """The centre of the region each name is stated in, with how far from it the name may
        lie ("X and Z villages in al-Qseir countryside", "three villages, A, B and C, to the
        southwest of Y"), by the name's offset: the names before a region's centre in its clause.
        A governorate, or its capital ("the countryside of Hama"), is a container, not a centre."""
        regions: dict[int, tuple[Place, float]] = {}
        for j, g in enumerate(found):
            reach = region_reach(text, g.start, g.end) if g.candidates and g.how in ("name", "weak") else None
            if reach is None:
                continue
            centre, after = None, g
            for f in reversed(found[:j]):
                gap = text[f.end:g.start]
                if g.start - f.end > REGION_REACH or any(mark in gap for mark in ".;!?\n") or coordinated_region(gap):
                    break
                if after is not g and not _LIST_GAP.match(text[f.end:after.start]):
                    break  # "near A and B, while troops held C south of Y": only the list before Y
                after = f
                if centre is None:
                    _, wanted = self.words.split(g.text)
                    chosen = choose(list(g.candidates), focus,
                                    container_after(text, g.end, self.theater.canonical_admin1), wanted)
                    if chosen is None or chosen.place.feature in AREAS or capital(chosen.place):
                        break
                    centre = chosen.place
                    if major(centre):  # "Sinjar, west of Mosul": a big city is a bearing for places far off
                        reach = max(reach, MAJOR_BEARING_KM)
                regions.setdefault(f.start, (centre, reach))
        return regions

    def _references(self, text: str, found: list[Found], focus: Focus) -> dict[str, list[Place]]:
        """Places each name is stated relative to ("Rusafa (south of Tabaqah)"), by name key.

        Keyed by name so that every mention of the name in the document uses them (one
        sense per discourse).
        """
        refs: dict[str, list[Place]] = {}
        for f, g in zip(found, found[1:], strict=False):
            at = relation_after(text, f.end)
            if at is None or at != g.start or not g.candidates:
                continue
            _, wanted = self.words.split(g.text)
            ref = choose(list(g.candidates), focus, container_after(text, g.end, self.theater.canonical_admin1), wanted)
            if ref is not None:
                refs.setdefault(name_key(f.text), []).append(ref.place)
        return refs

    def _nearby(self, text: str, found: list[Found]) -> list[str | None]:
        """For each name, the governorate named as such ("Daraa province", "the province of
        Hama") by the closest name before it, within NEARBY_CHARS characters: homonyms in it
        are preferred ("... in Daraa province. Other units confronted them in Nawa city")."""
        out: list[str | None] = []
        last: tuple[int, str] | None = None
        for f in found:
            out.append(last[1] if last is not None and f.start - last[0] <= NEARBY_CHARS else None)
            named = _DIRECTION_START.sub("", f.text, count=1)  # "central Homs province"
            if "admin1" in self.words.split(named)[1] and (canon := self.theater.canonical_admin1(named)):
                last = (f.end, canon)
        return out

    def _unmasked(self, text: str, found: list[Found]) -> list[Found]:
        """Drop names inside a longer actor name ("Ahrar al-Sham", "Manbij Military Council")
        and lone surnames of people the document names in full ("Taysir Hammoud" ... "Hammoud")."""
        actors = self.actors
        masks = sorted(actors.find_spans(text)) if actors is not None else []
        starts = [s for s, _ in masks]
        people = self.theater.surnames(text) | {  # "Alloush said": a speaker, here and elsewhere in the document
            f.text.lower() for f in found if SPEAKS.match(text, f.end)
            and not prominent(list(f.candidates)) and not has_place_cue(text, f.start)}
        out = []
        for f in found:
            if _masked(f, masks, bisect.bisect_right(starts, f.start)):
                continue
            if (f.text.lower() in people and not prominent(own_name(f.text, f.candidates))
                    and not has_strong_cue(text, f.start)):
                continue
            out.append(f)
        return out

    def _province_abroad(self, name: str | None) -> str | None:
        """The first-level unit of a neighbouring country that a stated province names ("X in
        Sanliurfa province", "X in Anbar province"): the gazetteer's admin1 of the places named
        exactly so abroad, when they agree on one; None for the theater's own provinces."""
        if not name:
            return None
        key = name_key(name)
        units = {c.place.admin1 for c in self._lookup(name) if c.match == MatchKind.KEY
                 and c.place.country != self.default_country and c.place.admin1
                 and name_key(c.place.admin1) == key}
        return units.pop() if len(units) == 1 else None

    def _unit(self, admin1: str) -> Place | None:
        """The governorate ``admin1`` (canonical name) as a place, located at its capital."""
        if admin1 not in self._units:
            units = [c.place for c in self._lookup(admin1) if c.place.feature == "admin1"
                     and self.theater.canonical_admin1(c.place.admin1 or c.place.name) == admin1]
            unit = max(units, key=lambda p: p.population or 0, default=None)
            seat = self._seat(unit) if unit is not None else None
            self._units[admin1] = replace(unit, latitude=seat.latitude, longitude=seat.longitude) if (
                unit is not None and seat is not None) else unit
        return self._units[admin1]

    def _seat(self, unit: Place) -> Place | None:
        """The capital of a governorate (``governorate_seats`` of the theater): the most populous
        town of that name inside it."""
        canon = self.theater.canonical_admin1(unit.admin1 or unit.name)
        if canon is None:
            return None
        if canon not in self._seats:
            name = self.theater.seat_of(canon)
            towns = [c.place for c in (self._lookup(name) if name else ()) if c.match == MatchKind.KEY
                     and c.place.feature in ("city", "settlement") and c.place.country == unit.country
                     and self.theater.canonical_admin1(c.place.admin1) == canon]
            self._seats[canon] = max(towns, key=lambda p: p.population or 0, default=None)
        return self._seats[canon]

    def _city(self, name: str | None, focus: Focus) -> Place | None:
        """The town a name stands for, when it names one ("Homs", "Damascus")."""
        if not name:
            return None
        towns = [c.place for c in self._lookup(name) if c.match == MatchKind.KEY
                 and c.place.feature == "city" and c.place.country in (focus.country, self.default_country)]
        return max(towns, key=lambda p: p.population or 0, default=None)

    def _city_before(self, text: str, found: list[Found], i: int, focus: Focus) -> Place | None:
        """The town called a city last before ``found[i]`` in its paragraph, within NEARBY_CHARS
        ("the city of Aleppo", "Aleppo city"; a town named without the word may be one of many)."""
        for g in reversed(found[:i]):
            if found[i].start - g.end > NEARBY_CHARS or "\n\n" in text[g.end:found[i].start]:
                return None
            core, wanted = self.words.split(g.text)
            called = "city" in wanted or _CITY_OF.search(text, max(0, g.start - 30), g.start) is not None
            if g.how == "name" and called and (town := self._city(core or g.text, focus)):
                return town
        return None

    def _hints(self, text: str, found: list[Found], focus: Focus, nearby: list[str | None]) -> list[Hints]:
        """Cue words, nearby country names and the containing town of each mention; cues and
        countries hold for every mention of the same name (one sense per discourse)."""
        cues: dict[str, set[str]] = {}
        abroad: dict[str, set[str]] = {}
        named: frozenset[str] | None = None  # the neighbours the whole document names
        for f in found:
            key = self.words.core_key(f.text)
            cues.setdefault(key, set()).update(cue_of(text, f.start, f.end))
            abroad.setdefault(key, set()).update(self.theater.countries_near(text, f.start, f.end))
            if has_strong_cue(text, f.start):  # "the town of Arsal" in a report that names Lebanon
                named = self.theater.countries_near(text, 0, 0, len(text)) if named is None else named
                abroad[key].update(named)
        # a dateline abroad is where the report was filed ("BEIRUT:"): a town named only there is
        # not the town a report about the focus country is about
        datelines = {name_key(f.text) for f in found if is_dateline(text, f.start, f.end)}
        towns = Counter(p.gazetteer_id for p in focus.anchors if p.feature == "city" and not (
            p.country != focus.country and focus.named_by.get(p.gazetteer_id, set()) <= datelines))
        top = towns.most_common(1)[0] if towns else None  # the town the document is about, if clearly one
        main = next((p for p in focus.anchors if top and p.gazetteer_id == top[0]), None)
        if top and top[1] < 0.6 * sum(towns.values()):
            main = None
        lists: dict[str, str] = {}  # name → the town a list of its parts names it in (one sense per discourse)
        for f in found:
            listed = parts_of(text, f.start)
            if listed:
                lists.setdefault(self.words.core_key(f.text), listed)
        out = []
        for i, (f, unit) in enumerate(zip(found, nearby, strict=True)):
            key = self.words.core_key(f.text)
            city = None  # only a mention called a neighbourhood or district itself is a part of a town
            listed = lists.get(key)  # "the Homs neighborhoods of X, Y and Z"
            if listed:
                city = self._city(listed, focus)
            elif cue_of(text, f.start, f.end) & {"neighbourhood", "admin3"}:
                # its town stated after it, the town named last before it in its paragraph ("in the
                # city of Aleppo, ... in the Qaterji neighborhood"), the town the document is about,
                # or the seat of the governorate named just before ("in Homs province ... in
                # al-Hamidieh neighborhood")
                seat = self._unit(unit) if unit else None
                city = self._city(city_after(text, f.end), focus) or self._city_before(text, found, i, focus) or (
                    main or (self._seat(seat) if seat is not None else None))
            else:  # "al-Ashrafiyeh in Aleppo city": stated inside a town by the word "city" itself
                city = self._city(town_after(text, f.end), focus)
            out.append(Hints(frozenset(cues[key]), frozenset(abroad[key]), city))
        return out

    def find(self, text: str, doc_id: str, spans: list[tuple[int, int]]) -> list[Mention]:
        """Place mentions of ``text`` inside ``spans`` (character offsets), in text order.

        Exact names are resolved first; weak and fuzzy ones are then judged against the
        places those resolved to.
        """
        found = self._unmasked(text, [f for s, e in spans for f in self.recognise(text, s, e)])
        names = [f for f in found if f.how == "name"]
        focus = focus_of([list(f.candidates) for f in names], self.default_country,
                         [name_key(f.text) for f in names], self.theater.countries_named(text))
        refs = self._references(text, found, focus)
        regions = self._regions(text, found, focus)
        nearby = self._nearby(text, found)
        hints = self._hints(text, found, focus, nearby)
        hints = [replace(h, local=_local(text, found, i)) for i, h in enumerate(hints)]
        anchored = {i for i in range(1, len(found)) if found[i - 1].candidates and found[i - 1].end <= found[i].start
                    and is_reference_gap(text[found[i - 1].end:found[i].start])}
        firm = {i: self._mention(text, doc_id, f, focus, refs, hints[i], regions, i in anchored, nearby[i])
                for i, f in enumerate(found) if f.how in ("name", "road")}
        resolved = [m.place for m in firm.values() if m is not None and m.place is not None
                    and m.place.feature not in AREAS and m.place.feature != "road"]
        wider = Focus(focus.country, focus.ids | {p.gazetteer_id for p in resolved},
                      focus.admin1, focus.anchors + resolved, focus.named_by, theater=focus.theater)
        mentions = [firm[i] if i in firm else self._mention(text, doc_id, f, wider, refs, hints[i], regions,
                                                              i in anchored, nearby[i])
                    for i, f in enumerate(found)]
        mentions = [replace(m, role=MentionRole.DATELINE, reason=f"{m.reason}; dateline (publication metadata)")
                    if m is not None and (is_dateline(text, m.start, m.end) or (
                        m.place is not None and m.place.country != focus.country
                        and opens_with_colon(text, m.start, m.end))) else m for m in mentions]
        return listed_stand_ins(text, sorted((m for m in mentions if m is not None), key=lambda m: (m.start, m.end)),
                                known=lambda name: any(c.match == MatchKind.KEY for c in self._lookup(name)))
