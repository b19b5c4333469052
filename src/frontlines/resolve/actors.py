"""The actor dictionary: surfaces of the text → ACLED-style canonical actors.

``data/actors.yaml`` lists canonical actors (name, inter code, side, aliases), named units
coded as their parent, weapons that only one actor fields, and generic words ("the army",
"the militants") that only the document's context can resolve.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ResourceError
from ..records import ActorRef
from ..taxonomy import strip_arabic_article

_APOSTROPHES = "'’‘`ʼʻ\"“”"


def fold(text: str) -> str:
    """Case-preserving folding used for alias matching: quotes, dots and hyphens removed."""
    text = re.sub(f"[{_APOSTROPHES}]", "", text)
    text = re.sub(r"(?<=\w)\.(?=\w)|(?<=\w)\.(?=\s|$)", "", text)
    text = re.sub(r"[-‐‑–—/(),;:]", " ", text)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor."""

    name: str
    inter: int | None
    side: str | None
    state: bool = False
    armed_forces: str | None = None  # for a government: its military (violent events)
    #: the names it went by before a day: ((first day of the next name, ISO), name), oldest first
    eras: tuple[tuple[str, str], ...] = ()

    def name_on(self, day: str | None) -> str:
        """The name of the actor on ``day`` (an ISO date or interval; None: the current name)."""
        if day:
            first = day[:10]
            for until, name in self.eras:
                if first < until:
                    return name
        return self.name


@dataclass(frozen=True, slots=True)
class ActorHit:
    """An actor alias found in a text: character offsets into that text."""

    start: int
    end: int
    surface: str
    actor: Actor


#: the sections of ``actors.yaml`` (the loader and ``frontlines check`` know the same ones)
SECTIONS = frozenset({"version", "actors", "units", "weapon_owners", "generics", "sole_air_forces"})


class ActorDictionary:
    """Canonical actors, their aliases and the generic words, from ``actors.yaml``."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.actors: dict[str, Actor] = {}
        self._aliases: dict[str, Actor] = {}  # folded alias (lower or ALL-CAPS) -> actor
        self._names: set[str] = set()  # aliases of actors and units (not weapon words)
        self.generics: dict[str, tuple[str, str | None]] = {}  # folded word -> (class, fallback)
        self._load(data)
        self._lookups: dict[str, Actor | None] = {}
        self._pattern = self._compile(self._aliases)
        self._generic_pattern = self._compile(self.generics)
        # the same alternations, compiled once for case-insensitive scanning
        self._pattern_i = re.compile(self._pattern.pattern, re.IGNORECASE)
        self._generic_pattern_i = re.compile(self._generic_pattern.pattern, re.IGNORECASE)
        self._automaton = _automaton(self._aliases)

    # --- loading ---------------------------------------------------------------------------
    def _load(self, data: dict[str, Any]) -> None:
        unknown = set(data) - SECTIONS
        if unknown:
            raise ResourceError(f"unknown sections {sorted(unknown)}", source="actors.yaml")
        for entry in data.get("actors") or ():
            if not entry.get("name") or entry.get("inter") not in range(1, 9):
                raise ResourceError(
                    f"actor needs a name and an inter code 1-8: {entry!r}", source="actors.yaml"
                )
            actor = Actor(
                entry["name"],
                entry.get("inter"),
                entry.get("side"),
                bool(entry.get("state")),
                entry.get("armed_forces"),
                tuple((str(e["until"]), str(e["name"])) for e in entry.get("eras") or ()),
            )
            self.actors[actor.name] = actor
            self._add_aliases(entry, actor)
        for actor in list(self.actors.values()):  # an earlier name finds the actor too
            for _, name in actor.eras:
                self.actors.setdefault(name, actor)
        for section in ("units", "weapon_owners"):
            for entry in data.get(section) or ():
                parent = self.actors.get(entry["parent"])
                if parent is None:
                    raise ResourceError(
                        f"{section}: unknown parent {entry['parent']!r}", source="actors.yaml"
                    )
                self._add_aliases(
                    entry, parent, key="words" if section == "weapon_owners" else "aliases"
                )
        for entry in data.get("generics") or ():
            for word in entry.get("words") or ():
                self.generics[fold(str(word)).lower()] = (entry["class"], entry.get("fallback"))
        self.sole_air_forces: list[tuple[str, str, Actor]] = []  # (since, until, actor), ISO days
        for entry in data.get("sole_air_forces") or ():
            flier = self.actors.get(entry.get("actor", ""))
            if flier is None:
                raise ResourceError(f"sole_air_forces: unknown actor {entry.get('actor')!r}", source="actors.yaml")
            self.sole_air_forces.append((str(entry.get("since", "")), str(entry["until"]), flier))

    def sole_air_force(self, day: str | None) -> Actor | None:
        """The only air force that struck in the theater's country on ``day`` (ISO), if one did
        (``sole_air_forces``): the author of an air strike there that no report names."""
        if not day:
            return None
        return next((a for since, until, a in self.sole_air_forces if since <= day[:10] < until), None)

    def _add_aliases(self, entry: dict[str, Any], actor: Actor, key: str = "aliases") -> None:
        for alias in entry.get(key) or ():
            self._aliases[alias_key(str(alias))] = actor
            if key == "aliases":
                self._names.add(str(alias))

    @staticmethod
    def _compile(words: dict[str, Any]) -> re.Pattern[str]:
        ordered = sorted(words, key=len, reverse=True)
        body = "|".join(re.escape(w) for w in ordered) or "(?!x)x"
        return re.compile(rf"(?<![\w]){'(?:' + body + ')'}(?![\w])")

    def short_names(self) -> frozenset[str]:
        """The one-word names of actors and units, lower-cased and without the Arabic article
        ("isis", "daesh", "nusra" for "al-Nusra", "sdf"): words that are not place names."""
        out = set()
        for alias in self._names:
            word = strip_arabic_article(fold(alias).strip())
            if word and re.fullmatch(r"[\w'’-]+", word) and "-" not in word:
                out.add(word.lower())
        return frozenset(out)

    # --- lookups ---------------------------------------------------------------------------
    def find_all(self, text: str) -> list[ActorHit]:
        """Every named actor in *text*, longest alias first at each position."""
        folded, offsets = _fold_with_offsets(text)
        hits: list[ActorHit] = []
        for m_start, m_end in self._alias_spans(folded):
            actor = self._lookup(folded[m_start:m_end])
            if actor is not None and not _patron(folded, m_start, m_end):
                start, end = offsets[m_start], offsets[m_end - 1] + 1
                hits.append(ActorHit(start, end, text[start:end], actor))
        return hits

    def _alias_spans(self, folded: str) -> list[tuple[int, int]]:
        """The spans ``self._pattern_i.finditer(folded)`` gives (leftmost, then longest alias,
        whole words, case-insensitive), found with one Aho-Corasick pass where that is exact."""
        if self._automaton is None or _CASE_TRAPS.search(folded):
            return [m.span() for m in self._pattern_i.finditer(folded)]
        found = []
        for last, length in self._automaton.iter(folded.lower()):
            start, end = last - length + 1, last + 1
            if (start == 0 or not _word_char(folded[start - 1])) and (
                    end == len(folded) or not _word_char(folded[end])):
                found.append((start, -length))
        found.sort()
        spans: list[tuple[int, int]] = []
        at = 0
        for start, negative in found:
            if start >= at:
                at = start - negative
                spans.append((start, at))
        return spans

    def _lookup(self, folded: str) -> Actor | None:
        # ALL-CAPS aliases are stored as written, the others lower-cased
        return self._aliases.get(folded) or self._aliases.get(folded.lower())

    def lookup(self, surface: str) -> Actor | None:
        """The first named actor in *surface*, or None (memoised: the same words recur)."""
        if surface not in self._lookups:
            if len(self._lookups) > 50_000:
                self._lookups.clear()
            self._lookups[surface] = self._acting(surface, self.find_all(surface))
        return self._lookups[surface]

    def _acting(self, surface: str, hits: list[ActorHit]) -> Actor | None:
        """The first hit that names the actor, not a state's adjective before a group: "Syrian"
        in "Syrian Kurdish forces" gives way to "Kurdish forces" ("Turkish regime forces" stay
        Turkish); a state's adjective before a rebel word ("Syrian rebel fighters") names no
        actor."""
        for index, hit in enumerate(hits):
            rest = surface[hit.end :]
            gap = len(rest) - len(rest.lstrip(" -"))
            after = hit.end + gap
            if (gap and index + 1 < len(hits) and hits[index + 1].start == after
                    and hit.actor.state and not hits[index + 1].actor.state):
                continue  # a state's adjective before a group: "Syrian Kurdish forces"
            word = self._generic_pattern_i.match(surface, after) if gap else None
            generic = self.generics.get(fold(word.group(0)).lower()) if word else None
            if generic is not None and generic[0] == "rebel" and _class_of(hit.actor) == "state":
                continue
            return hit.actor
        return None

    def find_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of named actors and generic actor words in *text*."""
        spans = [(h.start, h.end) for h in self.find_all(text)]
        spans += [
            (m.start(), m.end())
            for m in self._generic_pattern_i.finditer(text)
        ]
        return sorted(spans)

    def generic_class(self, surface: str) -> tuple[str, str | None] | None:
        """(class, fallback name) when *surface* is a generic word ("the militants")."""
        match = self._generic_pattern.search(fold(surface).lower())
        return self.generics[match.group(0)] if match else None

    def dated(self, ref: ActorRef | None, day: str | None) -> ActorRef | None:
        """``ref`` under the name its actor went by on ``day`` ("Jabhat al Nusra" before the
        2016 renaming); unknown actors and undated claims keep their name."""
        actor = self.actors.get(ref.name) if ref is not None and ref.name else None
        if ref is None or actor is None or not day:
            return ref
        name = actor.name_on(day)
        return ref if name == ref.name else dataclasses.replace(ref, name=name)

    def ref(self, surface: str | None, actor: Actor | None, *, inferred: bool = False) -> ActorRef:
        if actor is None:
            return ActorRef(surface=surface, name=None, inferred=inferred)
        return ActorRef(surface, actor.name, actor.inter, actor.side, inferred)


_PATRON_AFTER = re.compile(
    r"\.?\s(?:backed|led|trained|supported|sponsored|allied|affiliated|funded|armed|aligned|based|made|supplied|built|provided)\b\s+"
    r"(?!(?:air\s*)?strikes?\b|raids?\b|bombing|bombardment|(?:war)?planes\b|jets\b)\w",
    re.IGNORECASE,
)  # "US-led strikes" are the leader's strikes


def _patron(folded: str, start: int, end: int) -> bool:
    """ "Turkish-backed rebels", "U.S.-led forces", "pro-Iranian militias": the named actor is not the
    one acting."""
    before = folded[max(0, start - 4) : start].lower()
    return bool(_PATRON_AFTER.match(folded, end)) or before.endswith("pro ")


#: characters that match an ASCII letter case-insensitively in a regular expression but not
#: after ``str.lower()`` (dotted and dotless i, long s, Kelvin sign): such texts use the regex
_CASE_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")


def _word_char(ch: str) -> bool:
    """What ``\\w`` matches (a Unicode letter or digit, or the underscore)."""
    return ch.isalnum() or ch == "_"


def _automaton(aliases: dict[str, Any]) -> Any:
    """An Aho-Corasick automaton of the lower-cased aliases (value: the length), or None when
    an alias is not ASCII (case-insensitive matching of those is left to the regex)."""
    if not aliases or not all(a.isascii() for a in aliases):
        return None
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for alias in aliases:
        automaton.add_word(alias.lower(), len(alias))
    automaton.make_automaton()
    return automaton


def alias_key(alias: str) -> str:
    """How an alias is matched: folded, lower-cased unless it is a short ALL-CAPS acronym."""
    folded = fold(alias)
    return folded if _acronym(folded) else folded.lower()


def _acronym(word: str) -> bool:
    return word.isupper() and len(word.replace(" ", "")) <= 5


#: characters a fold may drop: apostrophes always, a full stop inside or after an abbreviation
_DROPPABLE = re.compile("[" + re.escape(_APOSTROPHES) + r"]|\.")
#: characters a fold writes as a space (a run of spaces then counts once)
_AS_SPACE = str.maketrans(dict.fromkeys("-–—/(),;:\u00a0\n\t", " "))
_SPACES = re.compile("  +")


def _fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold *text* character by character, keeping each output char's source offset: drop
    apostrophes and the full stops of abbreviations ("U.S."), write dashes, slashes,
    brackets and punctuation as spaces and a run of spaces as one (whole runs of characters
    at a time: actor finding folds every sentence)."""
    n = len(text)
    dropped = [i for i in (m.start() for m in _DROPPABLE.finditer(text)) if text[i] != "." or (
        0 < i < n - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()) or (
        i > 0 and text[i - 1].isupper() and (i + 1 == n or text[i + 1] == " "))]
    kept, offsets = _without(text, list(range(n)), [(i, i + 1) for i in dropped])
    mapped = kept.translate(_AS_SPACE)
    if "  " not in mapped:
        return mapped, offsets
    return _without(mapped, offsets, [(m.start() + 1, m.end()) for m in _SPACES.finditer(mapped)])


def _without(text: str, offsets: list[int], cuts: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """``text`` and its ``offsets`` without the (ordered, disjoint) spans ``cuts``."""
    if not cuts:
        return text, offsets
    parts: list[str] = []
    kept: list[int] = []
    at = 0
    for start, end in cuts:
        parts.append(text[at:start])
        kept += offsets[at:start]
        at = end
    parts.append(text[at:])
    kept += offsets[at:]
    return "".join(parts), kept


def _read(path: Path) -> dict[str, Any]:
    from ..kb.yamlines import read_yaml_lines

    data = read_yaml_lines(Path(path), "actor dictionary")
    if not isinstance(data, dict):
        raise ResourceError("the actor dictionary must be a mapping", source=str(path))
    return data


def load_actors(path: str | Path) -> ActorDictionary:
    """The actor dictionary at *path*."""
    return ActorDictionary(_read(Path(path)))


#: how far before a state word ("the army") a named state still resolves it (characters)
STATE_REACH = 400


class DocumentActors:
    """The named actors of one document, for resolving generic words and missing opponents."""

    def __init__(self, actors: ActorDictionary, text: str) -> None:
        self.actors = actors
        self.text = text
        self.hits = [h for h in actors.find_all(text) if h.actor.side != "civilian"]
        #: named actors that act, not a country as a place ("the border with Turkey")
        self.acting = sorted((h for h in self.hits if not (h.actor.state and _as_place(text, h))),
                             key=lambda h: h.start)  # stable: text order stays
        self.states = [h for h in self.acting if h.actor.state]
        self._state_starts = [h.start for h in self.states]
        state_counts = Counter(h.actor for h in self.states).most_common(1)
        self._usual_state = state_counts[0][0] if state_counts and state_counts[0][1] >= 2 else None
        self._acting_starts = [h.start for h in self.acting]
        self.counts = Counter(h.actor for h in self.hits)
        self._pools: dict[str, tuple[list[int], list[ActorHit], Actor | None]] = {}
        #: states named as flying ("Russian jets", "regime air strikes", "coalition aircraft")
        self.air = sorted((h for h in self.hits if h.actor.state and _airborne(text, h)
                           and not _denied_before(text, h)), key=lambda h: h.start)
        self._air_starts = [h.start for h in self.air]

    def air_force(self, position: int) -> Actor | None:
        """The state whose aircraft the document names nearest before *position* (else the
        first named after it), for an air strike its sentence names no author of; None when
        the document names no state's aircraft."""
        before = bisect_left(self._air_starts, position)  # aircraft named before the position
        if before:
            return self.air[before - 1].actor
        return self.air[0].actor if self.air else None

    def _pool(self, wanted: str) -> tuple[list[int], list[ActorHit], Actor | None]:
        """The acting hits of class ``wanted`` (rebels count as non-state), their offsets, and
        the most often named actor among them; computed once per class."""
        if wanted not in self._pools:
            pool = [h for h in self.acting if _class_of(h.actor) == wanted
                    or (wanted == "nonstate" and _class_of(h.actor) == "rebel")]
            members = {id(h.actor) for h in pool}
            ranked = next((a for a, _ in self.counts.most_common() if id(a) in members), None)
            self._pools[wanted] = ([h.start for h in pool], pool, ranked)
        return self._pools[wanted]

    def nearest(self, position: int, wanted: str) -> Actor | None:
        """The closest named actor of class *wanted* before *position* (else the most frequent).
        A state word ("the army", "troops") is a state's own forces, never an allied militia:
        the state named within :data:`STATE_REACH` characters before it, else the state the
        document names most (at least twice), else none (the class fallback)."""
        return self._state(position) if wanted == "state" else self._nearest(position, wanted)

    def _nearest(self, position: int, wanted: str) -> Actor | None:
        starts, pool, ranked = self._pool(wanted)
        before = bisect_left(starts, position)  # hits that start before the position
        return pool[before - 1].actor if before else ranked

    def _state(self, position: int) -> Actor | None:
        starts = self._state_starts
        last = bisect_left(starts, position) - 1  # the latest state named before the position
        if last >= 0 and starts[last] >= position - STATE_REACH:
            return self.states[last].actor
        return self._usual_state

    def main_actor(self) -> Actor | None:
        """The document's most often named armed actor (governments excluded)."""
        armed = [
            (a, n) for a, n in self.counts.most_common() if not a.name.startswith("Government")
        ]
        return armed[0][0] if armed else None

    def opponent(
        self, of: Actor, position: int, sentence: tuple[int, int] | None = None
    ) -> Actor | None:
        """The likely opponent of *of*: an actor of another side named in the same sentence,
        else the nearest earlier one in the document."""
        wanted = "nonstate" if is_state(of) else "state"
        allies: list[ActorHit]
        if sentence is not None:
            lo, hi = sentence
            named = self.acting[bisect_left(self._acting_starts, lo):bisect_left(self._acting_starts, hi)]
            allies = _allies(self.text, named, of)
            for hit in named:
                if (
                    lo <= hit.start < hi
                    and hit.actor.side != of.side
                    and hit not in allies
                    and _class_of(hit.actor)
                    in {wanted, "rebel"} - ({"rebel"} if wanted == "state" else set())
                ):
                    return hit.actor
        else:
            allies = []
        found = self._nearest(position, wanted)
        if found is None or found.side == of.side or any(h.actor.name == found.name for h in allies):
            return None
        return found


#: what joins two actors of one side in a sentence: "X and Y", "X, backed by Y", "X with Y"
_ALLIED_GAP = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?,?\s*(?:and|&|together\s+with|along\s+with|alongside|with|"
    r"(?:backed|supported|assisted|aided|accompanied|joined)\s+by)\s+(?:the\s+|their\s+|its\s+)?$",
    re.IGNORECASE)


def _allies(text: str, named: list[ActorHit], of: Actor) -> list[ActorHit]:
    """The actors a sentence names together with ``of`` ("Turkish forces and the FSA", "the
    rebels, backed by Turkish jets"): its co-actors, never its opponent."""
    own = [h for h in named if h.actor.name == of.name]
    out = []
    for hit in named:
        for mine in own:
            first, second = (mine, hit) if mine.start < hit.start else (hit, mine)
            if first is not second and _ALLIED_GAP.fullmatch(text[first.end:second.start]):
                out.append(hit)
                break
    return out


#: words for aircraft and what they do, in an actor's name or just after it
_AIR_WORDS = re.compile(
    r"\b(?:war\s*planes?|planes?|jets?|aircraft|air\s*force|air\s*strikes?|airstrikes?|"
    r"air\s*raids?|helicopters?|gunships?|bombers?|aviation|air\s*power|aerospace\s*forces)\b",
    re.IGNORECASE)
_AIR_AFTER = re.compile(r"[\s-]+(?:[\w-]+\s+){0,2}?(?=\S)", re.IGNORECASE)


_AIR_OF = re.compile(
    _AIR_WORDS.pattern + r"\s+(?:from|of|belong(?:s|ed|ing)?\s+to|operated\s+by|by)\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE)


#: a denial whose clause reaches the hit ("Moscow denied that Russian jets ...", "rejected reports
#: that coalition aircraft ..."): aircraft named there are said not to have flown
_DENIAL_BEFORE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|rejected|dismissed|refuted|never)\b[^.;!?]{0,80}$", re.IGNORECASE)


def _denied_before(text: str, hit: ActorHit) -> bool:
    return _DENIAL_BEFORE.search(text[max(0, hit.start - 100):hit.start]) is not None


def _airborne(text: str, hit: ActorHit) -> bool:
    """The hit names a state's aircraft ("Syrian warplanes"), is followed by one within two
    words ("Russian fighter jets", "regime air strikes", "coalition aircraft") or owns the
    aircraft just named ("planes from the coalition", "jets belonging to Russia")."""
    if _AIR_WORDS.search(hit.surface) or _AIR_OF.search(text[max(0, hit.start - 60):hit.start]):
        return True
    gap = _AIR_AFTER.match(text, hit.end)
    return gap is not None and _AIR_WORDS.match(text, gap.end()) is not None


_PLACE_BEFORE = re.compile(
    r"\b(?:in|into|to|from|with|near|toward|towards|across|inside|at|bordering|borders|"
    r"border)\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_AFTER = re.compile(r"\s+(?:border|borders|frontier|side|territory|soil)\b", re.IGNORECASE)


def _as_place(text: str, hit: ActorHit) -> bool:
    """The actor's name is used for its country as a place ("the border with Turkey",
    "the Turkish border")."""
    return bool(_PLACE_BEFORE.search(text[max(0, hit.start - 20) : hit.start])
                or _PLACE_AFTER.match(text, hit.end))


def _class_of(actor: Actor) -> str:
    if actor.state or actor.side == "pro-government":
        return "state"
    return "rebel" if actor.side == "opposition" else "nonstate"


def is_state(actor: Actor | None) -> bool:
    """True for the armed forces or government of a state and their allies' state forces."""
    return actor is not None and (actor.state or actor.side == "pro-government")
