"""The theater's own words (``theater.yaml``): governorates, neighbours, people, groups, media.

Everything here is specific to one war and its region; the place resolver and the gazetteer
builder take it from the knowledge base.  A new theater writes its own ``theater.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..resolve.gaz_words import FeatureWords
from ..taxonomy import ARABIC_ARTICLE, ARABIC_ARTICLE_HYPHEN, has_arabic_article, strip_arabic_article

#: the word lists of the file (each a list of words, or one string of words)
WORD_LISTS = ("personal_names", "persons", "demonyms", "beliefs", "government_seats", "non_places",
              "feature_fillers", "place_nouns")
#: the regex alternatives of the file (each a list of regular expressions)
PATTERN_LISTS = ("group_heads", "group_tails", "media", "organisations")
SECTIONS = frozenset({"version", "governorates", "governorate_seats", "neighbours", "feature_words", *WORD_LISTS,
                      *PATTERN_LISTS})
#: the feature classes of gazetteer places (what a feature word may point to)
FEATURE_CLASSES = frozenset(
    "settlement city country admin1 admin2 admin3 region neighbourhood airbase military_base border_crossing "
    "dam oil_gas hill facility road bridge water".split())

_KUNYA = frozenset("abu umm ibn bin bint".split())
_ART = rf"(?i:{ARABIC_ARTICLE}|wal|wa)[-‐ ]+"
_CAP = r"[A-Z][\w'’]*(?:[-‐][\w'’]+)*"
_SUFFIX = re.compile(r"\s*\b(governorate|province|muhafazat|countryside)\b\s*", re.I)
_PLACE_NOUN = (r"[ \t]+(?:border[ \t]+)?(?:town|city|village|province|governorate|side|territory|capital|"
               r"region|district)")
_NEVER = re.compile(r"(?!x)x")
#: words before a country's name that make it the other side of a border, not where a report is
_OTHER_SIDE = (r"\b(?:(?:border|frontier|boundary)[ \t]+with|from|into)[ \t]+(?:the[ \t]+)?"
               r"(?:neighbou?ring[ \t]+)?")


def _words(value: Any) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset(value.lower().split())
    return frozenset(str(v).lower() for v in value or ())


def _alternation(values: Any) -> str:
    return "|".join(str(v) for v in values or ()) or "(?!x)x"


@dataclass(frozen=True, slots=True)
class Theater:
    """The parsed ``theater.yaml`` with its matchers compiled once."""

    governorates: dict[str, tuple[str, ...]]
    neighbours: dict[str, tuple[str, str]]  # ISO code → (name pattern, adjective pattern)
    personal_names: frozenset[str]
    persons: frozenset[str]
    demonyms: frozenset[str]
    beliefs: frozenset[str]
    government_seats: frozenset[str]
    patterns: dict[str, tuple[str, ...]]
    feature_words: FeatureWords = field(default_factory=lambda: FeatureWords({}))
    place_nouns: frozenset[str] = frozenset()
    non_places: frozenset[str] = frozenset()
    #: canonical governorate → the name of the town it is located at when named alone
    governorate_seats: dict[str, str] = field(default_factory=dict)
    _admin_keys: dict[str, str] = field(init=False, repr=False, compare=False)
    _head_re: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _tail_re: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _media_re: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _org_re: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _country_res: dict[str, re.Pattern[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        from ..resolve.normalize import name_key

        keys = {name_key(n): canon for canon, others in self.governorates.items() for n in (canon, *others)}
        heads, tails = _alternation(self.patterns["group_heads"]), _alternation(self.patterns["group_tails"])
        media = _alternation(self.patterns["media"])
        orgs = _alternation(self.patterns["organisations"])
        setattr_ = object.__setattr__
        setattr_(self, "_admin_keys", keys)
        setattr_(self, "_head_re", re.compile(rf"\b(?:{heads})(?:[ \t]*[-‐ ][ \t]*(?:{_ART})?{_CAP}){{1,4}}"))
        setattr_(self, "_tail_re", re.compile(rf"\b(?:(?:{_ART})?{_CAP}[ \t]+){{1,3}}(?:{tails})\b"))
        setattr_(self, "_media_re", re.compile(
            rf"\b(?:{media})\b|"
            r"\b(?-i:[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]+(?:FM|TV|Radio|Television|Channel))\b",
            re.IGNORECASE))  # the last line: a broadcaster ("Sham FM", "Orient TV")
        setattr_(self, "_org_re", re.compile(
            rf"\b(?:{orgs})"
            r"(?:\s+(?:in|of)\s+(?:Iraq|Syria|the Levant|al[- ]Sham)(?:\s+and\s+(?:Syria|the Levant|al[- ]Sham))?)?",
            re.I) if self.patterns["organisations"] else _NEVER)
        setattr_(self, "_country_res", {
            code: re.compile(rf"\b(?:{name}|(?:{adj}){_PLACE_NOUN})\b", re.I)
            for code, (name, adj) in self.neighbours.items()})

    # --- governorates ----------------------------------------------------------------------
    def canonical_admin1(self, name: str | None) -> str | None:
        """The canonical spelling of a governorate (first-level unit) name, or None."""
        from ..resolve.normalize import name_key

        if not name:
            return None
        parts = [name, *re.findall(r"\(([^)]*)\)", name), re.sub(r"\(.*?\)", "", name)]
        for part in parts:
            canon = self._admin_keys.get(name_key(_SUFFIX.sub(" ", part).strip() or part))
            if canon:
                return canon
        return None

    def province_named(self, name: str) -> str | None:
        """The governorate a name means as a whole: one of its names that is not also its
        capital's ("Rural Damascus", "Damascus Countryside"; not "Aleppo" or "Idleb", which name
        the city first), else None."""
        from ..resolve.normalize import name_key, skeleton

        canon = self.canonical_admin1(name)
        if canon is None:
            return None
        seat = self.governorate_seats.get(canon)
        if seat is not None and skeleton(name_key(seat)) == skeleton(name_key(name)):
            return None
        return canon

    def seat_of(self, admin1: str | None) -> str | None:
        """The name of the town a governorate named alone is located at (its capital), or None."""
        canon = self.canonical_admin1(admin1)
        return self.governorate_seats.get(canon) if canon else None

    def countries_near(self, text: str, start: int, end: int, window: int = 300) -> frozenset[str]:
        """Neighbouring countries the text names near a mention ("in Iraq", "the Lebanese town of")."""
        near = text[max(0, start - window):end + window]
        return frozenset(code for code, rx in self._country_res.items() if rx.search(near))

    def countries_named(self, text: str) -> dict[str, int]:
        """How often ``text`` names each country of ``neighbours`` by its name or adjective
        ("Syria", "the Syrian army", "Lebanese troops"); a name that only says where the other
        side of a border lies ("near the border with Syria", "rockets fired from Syria", "crossed
        into Syria") does not count: a report about Lebanon's border names Syria so."""
        found = {code: len(re.findall(rf"\b(?:{name}|{adj})\b", text, re.I))
                 - len(re.findall(rf"{_OTHER_SIDE}(?:{name})\b", text, re.I))
                 for code, (name, adj) in self.neighbours.items()}
        return {code: n for code, n in found.items() if n > 0}

    # --- words that are not places, and feature words ----------------------------------------
    def stop_words(self, actor_words: frozenset[str] = frozenset()) -> frozenset[str]:
        """The theater's words that never start or make a place name on their own: its
        ``non_places``, public figures, nationality adjectives, and ``actor_words`` (the one-word
        aliases of the actor dictionary, see :meth:`ActorDictionary.short_names`)."""
        plurals = frozenset(d + "s" for d in self.demonyms if not d.endswith("s"))
        return self.non_places | self.persons | self.demonyms | plurals | actor_words

    @property
    def generic_words(self) -> frozenset[str]:
        """Every word that may follow a name inside a place phrase: the words of the feature
        phrases and the other place nouns ("Tabqa dam", "Khmeimim air base", "X countryside")."""
        return self.feature_words.words | self.place_nouns

    # --- people ------------------------------------------------------------------------------
    def given_name(self, word: str) -> bool:
        """A common given name ("Ahmed", "Peter")."""
        return word.lower() in self.personal_names

    def person_run(self, words: list[str]) -> bool:
        """A run of capitalised words that reads as a person's name: a given name and a surname
        ("Hassan Ali"), or a kunya with a given name ("Abu Omar")."""
        if len(words) < 2:
            return False
        first, second = words[0].lower(), words[1].lower()
        return (first in self.personal_names and words[1][:1].isupper() and not has_arabic_article(words[1])) or (
            first in _KUNYA and second in self.personal_names)

    def surnames(self, text: str) -> frozenset[str]:
        """Capitalised words that follow a given name ("Taysir Hammoud", "Mohammad al-Halabi") or a
        title and a first name ("National Security Adviser Susan Rice") in ``text``: in this
        document they name a person even where they stand alone ("Hammoud said")."""
        out = set()
        for rx, given in ((_GIVEN_FIRST, True), (_TITLED, False)):
            for m in rx.finditer(text):
                first, last = m.group(1), m.group(2)
                bare = strip_arabic_article(last)
                if (not given or first.lower() in self.personal_names) and bare.lower() not in self.personal_names:
                    out.update({last.lower(), bare.lower()})
        return frozenset(out)

    # --- groups and media ------------------------------------------------------------------------
    def group_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of armed-group, party and media names by their head words (not a list of groups)."""
        spans = [(m.start(), m.end()) for m in self._head_re.finditer(text, start, end)]
        for m in self._tail_re.finditer(text, start, end):
            # "in Syria al-Nusra Front" (commas lost): the group name starts at its article word
            art = _ARTICLE_WORD.search(text, m.start(), m.end())
            spans.append((art.start(1) if art else m.start(), m.end()))
        return spans + [(m.start(), m.end()) for m in self._media_re.finditer(text, start, end)]

    def org_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of actor/organisation names whose words must not be read as places."""
        spans = [(m.start(), m.end()) for m in self._org_re.finditer(text, start, end)]
        return spans + self.group_spans(text, start, end)


_ARTICLE_WORD = re.compile(rf"[ \t]+((?:{_ART}){_CAP})")
_TITLED = re.compile(
    r"\b(?i:adviser|advisor|ambassador|secretary|spokes(?:man|woman|person)|minister|envoy|president|"
    r"chancellor|counterpart|leader|commander|general|colonel|activist|journalist|correspondent|"
    r"reporter|analyst|official|director|chief|mr|mrs|ms|dr|senator|lawmaker|mp|mayor|governor)\.?"
    rf"[ \t]+(?=([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+((?:{ARABIC_ARTICLE_HYPHEN})?[A-Z][a-z]{{2,}})\b)")
_GIVEN_FIRST = re.compile(rf"(?<![\w-])(?=([A-Z][a-z]+)[ \t]+((?:{ARABIC_ARTICLE_HYPHEN})?[A-Z][a-z]{{2,}})\b)")


def theater_problems(data: Any) -> list[tuple[int, str]]:
    """(line, problem) of a parsed ``theater.yaml``."""
    from .yamlines import line_of

    if not isinstance(data, dict):
        return [(0, "the theater file must be a mapping")]
    out = [(data.key_lines.get(k, 0) if hasattr(data, "key_lines") else 0, f"unknown section {k!r}")
           for k in data if k not in SECTIONS]
    govs = data.get("governorates") or {}
    if not isinstance(govs, dict):
        out.append((line_of(govs), "governorates must map a canonical name to its other spellings"))
    seats = data.get("governorate_seats") or {}
    if not isinstance(seats, dict):
        out.append((line_of(seats), "governorate_seats must map a governorate to the name of its capital"))
    for gov, seat in (seats.items() if isinstance(seats, dict) and isinstance(govs, dict) else ()):
        if gov not in govs or not isinstance(seat, str) or not seat.strip():
            out.append((line_of(seat), f"governorate seat {gov!r}: needs a governorate of the file and a town name"))
    neighbours = data.get("neighbours") or {}
    for code, entry in (neighbours.items() if isinstance(neighbours, dict) else ()):
        if not re.fullmatch(r"[A-Z]{2}", str(code)) or not isinstance(entry, dict) or not entry.get("name"):
            out.append((line_of(entry), f"neighbour {code!r}: needs an ISO alpha-2 code and a name"))
    features = data.get("feature_words") or {}
    if not isinstance(features, dict):
        out.append((line_of(features), "feature_words must map a phrase to the feature classes it points to"))
    for phrase, classes in (features.items() if isinstance(features, dict) else ()):
        unknown = sorted(set(str(classes or "").split()) - FEATURE_CLASSES)
        if not classes or unknown:
            out.append((line_of(classes) or data.key_lines.get("feature_words", 0) if hasattr(data, "key_lines") else 0,
                        f"feature word {phrase!r}: unknown feature classes {unknown or '(none)'}; "
                        f"use {' '.join(sorted(FEATURE_CLASSES))}"))
    for section in PATTERN_LISTS:
        for value in data.get(section) or ():
            try:
                re.compile(str(value))
            except re.error as err:
                out.append((line_of(value), f"{section}: bad regular expression {value!r}: {err}"))
    return out


def parse_theater(data: Any) -> Theater:
    """The :class:`Theater` of a valid parsed ``theater.yaml``."""
    from ..resolve.normalize import name_key

    govs = data.get("governorates") or {}
    neighbours = data.get("neighbours") or {}
    return Theater(
        governorates={str(k): tuple(str(v) for v in vals or ()) for k, vals in govs.items()},
        neighbours={str(code): (str(e["name"]), str(e.get("adjective") or e["name"]))
                    for code, e in neighbours.items()},
        personal_names=_words(data.get("personal_names")),
        persons=_words(data.get("persons")),
        demonyms=_words(data.get("demonyms")),
        beliefs=_words(data.get("beliefs")),
        government_seats=frozenset(name_key(n) for n in _words(data.get("government_seats"))),
        patterns={k: tuple(str(v) for v in data.get(k) or ()) for k in PATTERN_LISTS},
        feature_words=FeatureWords.of({str(p): str(f) for p, f in (data.get("feature_words") or {}).items()},
                                      _words(data.get("feature_fillers"))),
        place_nouns=_words(data.get("place_nouns")),
        non_places=_words(data.get("non_places")),
        governorate_seats={str(k): str(v) for k, v in (data.get("governorate_seats") or {}).items()},
    )
