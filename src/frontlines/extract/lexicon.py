"""The event-trigger lexicon: a YAML data file mapping words + dependency shapes to ACLED types.

The file (``data/triggers.yaml``) is meant to be read and extended by analysts; it is
validated on load and :func:`validate_lexicon` reports every problem at once.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ResourceError
from ..taxonomy import EVENT_TYPES

#: the ACLED event types and their sub-event types (declared in :mod:`frontlines.taxonomy`)
ACLED_TYPES = EVENT_TYPES

ROLE_MODES = frozenset({"default", "repel", "fall", "moved", "reciprocal"})
POS_KINDS = frozenset({"verb", "noun"})
_KNOWN_KEYS = frozenset(
    {"id", "pos", "lemmas", "type", "nonstate_type", "object", "subject", "context", "not_context",
     "roles", "fatalities", "weak", "intransitive", "generic", "not_in_name",
     "not_describing"}
)  # fmt: skip
_INSTRUMENT_KEYS = frozenset({"words", "with", "not_with", "type"})
PLACE_MARK = "$place"

_IRREGULAR = {
    "take": ("took", "taken", "takes", "taking"),
    "retake": ("retook", "retaken", "retakes", "retaking"),
    "overtake": ("overtook", "overtaken"),
    "break": ("broke", "broken"),
    "shoot": ("shot",),
    "fight": ("fought",),
    "withdraw": ("withdrew", "withdrawn"),
    "win": ("won", "winning"),
    "fall": ("fell", "fallen"),
    "strike": ("struck", "stricken"),
    "hit": ("hitting",),
    "slay": ("slew", "slain"),
    "fly": ("flew", "flown", "flies"),
    "lay": ("laid",),
    "send": ("sent",),
    "set": ("setting",),
    "build": ("built",),
    "give": ("gave", "given"),
    "find": ("found",),
    "beat": ("beaten",),
    "blow": ("blew", "blown"),
    "cut": ("cutting",),
    "seek": ("sought",),
    "lead": ("led",),
    "burst": ("bursting",),
}


def inflections(lemma: str) -> frozenset[str]:
    """The lemma and its regular (and known irregular) English inflections, lower-cased."""
    word = lemma.lower()
    forms = {word, word + "s", word + "es"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ied", word[:-1] + "ies", word + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
        if (
            len(word) > 2
            and word[-1] in "bdgmnprt"
            and word[-2] in "aeiou"
            and word[-3] not in "aeiou"
        ):
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    forms |= set(_IRREGULAR.get(word, ()))
    return frozenset(forms)


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One lexicon entry; see the header of ``data/triggers.yaml`` for the fields."""

    id: str
    pos: str
    head: str  # the word that triggers (a lemma)
    particle: str | None  # second word of a multiword verb ("take over" -> "over")
    forms: frozenset[str]
    event_type: str
    sub_event_type: str
    nonstate_sub_event_type: str | None = None
    objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()  # the verb's subject must be one of these
    context: frozenset[str] = frozenset()
    not_context: frozenset[str] = frozenset()
    roles: str = "default"
    fatalities: bool = False
    weak: bool = False
    intransitive: bool = False  # the verb must have no direct object ("protested", not "rallied X")
    generic: bool = False  # the instrument or agent decides the sub-type (see extract/subtype.py)
    not_in_name: bool = False  # the word heading a capitalized name ("Operation X") is no trigger
    #: a participle describing one of these nouns is no trigger ("the hills surrounding X")
    not_describing: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Instrument:
    """A row of the lexicon's ``instruments`` table: words naming a weapon or an attacker
    that decide the sub-type of a generic trigger ("killed by *warplanes*")."""

    words: frozenset[str]
    event_type: str
    sub_event_type: str
    not_with: frozenset[str] = frozenset()  # neighbours that void the word ("gas field")
    with_: frozenset[str] = frozenset()  # when given, the word counts only next to one of these


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All trigger rules, in priority order, indexed by inflected form."""

    rules: tuple[TriggerRule, ...]
    sets: dict[str, frozenset[str]]
    instruments: tuple[Instrument, ...] = ()
    #: (event type, sub-event type) -> the actor of such an event that nobody is named for
    #: ("a car bomb exploded": ACLED's unidentified armed group)
    unclaimed: tuple[tuple[str, str, str], ...] = ()
    _by_word: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    #: (form, lemma) → its rules (a text asks for the same few words over and over)
    _found: dict[tuple[str, str], tuple[TriggerRule, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, list[int]] = {}
        for i, rule in enumerate(self.rules):
            for word in {*rule.forms, rule.head}:
                index.setdefault(word, []).append(i)
        object.__setattr__(self, "_by_word", {w: tuple(ids) for w, ids in index.items()})
        object.__setattr__(self, "_found", {})

    def candidates(self, form: str, lemma: str) -> tuple[TriggerRule, ...]:
        """Rules whose trigger word is *form* (or *lemma*), in priority order (remembered)."""
        found = self._found.get((form, lemma))
        if found is None:
            if len(self._found) >= 100_000:
                self._found.clear()
            lower, lem = form.lower(), lemma.lower()
            ids = {i for i in self._by_word.get(lower, ()) if lower in self.rules[i].forms}
            ids |= {i for i in self._by_word.get(lem, ()) if self.rules[i].head == lem}
            found = self._found[(form, lemma)] = tuple(self.rules[i] for i in sorted(ids))
        return found


def _expand(
    values: Any, sets: dict[str, frozenset[str]], errors: list[str], where: str
) -> frozenset[str]:
    if values is None:
        return frozenset()
    if isinstance(values, str):
        values = [values]
    out: set[str] = set()
    for value in values:
        value = str(value).lower()
        if value.startswith("$") and value != PLACE_MARK:
            if value[1:] not in sets:
                errors.append(f"{where}: unknown set {value!r}")
            out |= sets.get(value[1:], frozenset())
        else:
            out.add(value)
    return frozenset(out)


def _split_type(text: Any, where: str, errors: list[str]) -> tuple[str, str]:
    event_type, _, sub_type = str(text).partition(" / ")
    if event_type not in ACLED_TYPES:
        errors.append(f"{where}: unknown ACLED event type {event_type!r}")
    elif sub_type not in ACLED_TYPES[event_type]:
        errors.append(f"{where}: {sub_type!r} is not a sub-event type of {event_type!r}")
    return event_type, sub_type


def _rules_of(
    entry: dict[str, Any], sets: dict[str, frozenset[str]], errors: list[str]
) -> list[TriggerRule]:
    where = _where(entry, f"trigger {entry.get('id', '?')!r}")
    for key in set(entry) - _KNOWN_KEYS:
        errors.append(f"{where}: unknown field {key!r}")
    if entry.get("pos") not in POS_KINDS:
        errors.append(f"{where}: pos must be one of {sorted(POS_KINDS)}")
    if entry.get("roles", "default") not in ROLE_MODES:
        errors.append(f"{where}: roles must be one of {sorted(ROLE_MODES)}")
    if not entry.get("lemmas"):
        errors.append(f"{where}: no lemmas")
    event_type, sub_type = _split_type(entry.get("type", ""), where, errors)
    nonstate = entry.get("nonstate_type")
    if nonstate is not None and nonstate not in ACLED_TYPES.get(event_type, ()):
        errors.append(
            f"{where}: nonstate_type {nonstate!r} is not a sub-event type of {event_type!r}"
        )
    template = TriggerRule(
        id=str(entry.get("id")), pos=str(entry.get("pos")), head="", particle=None, forms=frozenset(),
        event_type=event_type, sub_event_type=sub_type, nonstate_sub_event_type=nonstate,
        objects=_expand(entry.get("object"), sets, errors, where),
        subjects=_expand(entry.get("subject"), sets, errors, where),
        context=_expand(entry.get("context"), sets, errors, where),
        not_context=_expand(entry.get("not_context"), sets, errors, where),
        roles=str(entry.get("roles", "default")), fatalities=bool(entry.get("fatalities")),
        weak=bool(entry.get("weak")),
        intransitive=bool(entry.get("intransitive")), generic=bool(entry.get("generic")),
        not_in_name=bool(entry.get("not_in_name")),
        not_describing=_expand(entry.get("not_describing"), sets, errors, where),
    )  # fmt: skip
    rules = []
    for lemma in entry.get("lemmas") or ():
        head, _, particle = str(lemma).lower().partition(" ")
        rules.append(
            dataclasses.replace(template, head=head, particle=particle or None, forms=inflections(head))
        )
    return rules


def parse_lexicon(data: Any) -> tuple[Lexicon, list[str]]:
    """Build a :class:`Lexicon` from parsed YAML; also return every validation problem."""
    errors: list[str] = []
    if not isinstance(data, dict) or not isinstance(data.get("triggers"), list):
        return Lexicon((), {}), ["the lexicon must be a mapping with a 'triggers' list"]
    sets = {
        str(k): frozenset(str(v).lower() for v in vals)
        for k, vals in (data.get("sets") or {}).items()
    }
    rules: list[TriggerRule] = []
    seen: set[object] = set()  # ids as written (a missing id is None)
    for entry in data["triggers"]:
        if not isinstance(entry, dict):
            errors.append(f"not a mapping: {entry!r}")
            continue
        if entry.get("id") in seen:
            errors.append(f"{_where(entry, 'trigger ' + repr(entry.get('id')))}: duplicate id")
        seen.add(entry.get("id"))
        rules.extend(_rules_of(entry, sets, errors))
    instruments = [_instrument(row, sets, errors) for row in data.get("instruments") or ()]
    unclaimed = [_unclaimed(row, errors) for row in data.get("unclaimed") or ()]
    return Lexicon(tuple(rules), sets, tuple(i for i in instruments if i),
                   tuple(u for u in unclaimed if u)), errors


def _unclaimed(row: Any, errors: list[str]) -> tuple[str, str, str] | None:
    where = _where(row, f"unclaimed {row!r}"[:80])
    if not isinstance(row, dict) or set(row) != {"type", "actor"} or not str(row.get("actor") or "").strip():
        errors.append(f"{where}: needs exactly 'type' and 'actor'")
        return None
    event_type, sub_type = _split_type(row.get("type", ""), where, errors)
    return event_type, sub_type, str(row["actor"]).strip()


def _instrument(
    row: Any, sets: dict[str, frozenset[str]], errors: list[str]
) -> Instrument | None:
    where = _where(row, f"instrument {row!r}"[:80])
    if not isinstance(row, dict):
        errors.append(f"{where}: not a mapping")
        return None
    for key in set(row) - _INSTRUMENT_KEYS:
        errors.append(f"{where}: unknown field {key!r}")
    words = _expand(row.get("words"), sets, errors, where)
    if not words:
        errors.append(f"{where}: no words")
    event_type, sub_type = _split_type(row.get("type", ""), where, errors)
    not_with = _expand(row.get("not_with"), sets, errors, where)
    with_ = _expand(row.get("with"), sets, errors, where)
    return Instrument(words, event_type, sub_type, not_with, with_)


def _where(entry: Any, what: str) -> str:
    """``what``, prefixed by the line the entry starts on when the file was read with lines."""
    line = getattr(entry, "line", 0)
    return f"line {line}: {what}" if line else what


def _read(path: Path) -> Any:
    from ..kb.yamlines import read_yaml_lines

    return read_yaml_lines(Path(path), "trigger lexicon")


def validate_lexicon(path: str | Path) -> list[str]:
    """Every problem of the lexicon file at *path* (an empty list when it is valid)."""
    try:
        data = _read(Path(path))
    except ResourceError as exc:
        return [exc.message]
    return parse_lexicon(data)[1]


def load_lexicon(path: str | Path) -> Lexicon:
    """Load and validate the lexicon at *path*; raise on any problem."""
    return _checked(_read(Path(path)), str(path))


def _checked(data: Any, source: str) -> Lexicon:
    lexicon, errors = parse_lexicon(data)
    if errors:
        raise ResourceError("invalid trigger lexicon: " + "; ".join(errors), source=source)
    return lexicon
