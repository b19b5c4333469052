"""Is a capitalised token a place name on its own?  Judgements on single words and runs.

A capitalised word may be a sentence starter ("Over"), a title ("Imam"), a given name
("Ahmed"), a surname after one ("Taysir Hammoud") or a generic word ("District"); these
helpers say when such a word cannot be a place name without a cue before it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..records import Candidate
from ..taxonomy import has_arabic_article, strip_arabic_article
from .gazetteer import prominence
from .normalize import GENERIC_WORDS, name_key, words
from .place_context import is_fuzzy
from .place_names import COMMON_WORDS

if TYPE_CHECKING:
    from ..kb.theater import Theater
from .place_patterns import has_place_cue, has_strong_cue
from .place_text import CONNECTORS, STOP_WORDS, TITLES, Token

#: words that never start a place name (function words, months, titles)
HARD_START = words(
    "the a an this that these those it its if in on at by for from to of and or but as so with "
    "after before during since while when where which who what why how all any both each every "
    "according following however meanwhile moreover mr mrs ms dr gen president minister king "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
)
_GENERIC_KEYS = frozenset(GENERIC_WORDS.values())


def single_ok(tok: Token, stop: frozenset[str] = STOP_WORDS, *, cue: bool = False) -> bool:
    """Can this token alone be a place name?  Not a stop word (``stop``: the generic ones and
    the theater's), an acronym or a generic word.  A short name (under four letters once
    spelled as a key: "Bab", "Foua") must carry the Arabic article ("Al-Bab") or follow a place
    cue (``cue``: "the town of Foua", "in Foua"): alone it is too often an English word."""
    low = tok.lower
    bare = low.split("-", 1)[1] if "-" in low and low.split("-")[0] in CONNECTORS else low
    if {low, bare} & stop or low in HARD_START or len(name_key(tok.text)) < 2:
        return False  # "Al-Baghdadi" is the caliph, not the village
    if len(name_key(tok.text)) < 4 and bare == low and not cue:
        return False
    if tok.text.isupper() and len(tok.text) <= 4 or {low, bare} & TITLES:
        return False  # an acronym, or a title alone ("Imam", "al-Sheikh")
    return bare != low or name_key(tok.text) not in _GENERIC_KEYS  # "Al-Bab", "Al-Tall": a name


def after_title(text: str, tok: Token, theater: Theater) -> bool:
    """True for a name right after a title or a given name: "General Qassem", "Taysir Hammoud"."""
    m = re.search(r"([A-Za-z]+)\.?[ \t]+$", text[max(0, tok.start - 20):tok.start])
    article = has_arabic_article(tok.text)
    if m and m.group(1)[:1].isupper() and theater.given_name(m.group(1)) and not article:
        return True
    return bool(m and m.group(1).lower() in TITLES)


#: a place noun after a name: "al-Baath city", "Khan Arnabeh and al-Baath cities"
_PLACE_NOUN_AFTER = re.compile(r"[ \t]+(?:city|cities|town|towns|village|villages|district|"
                               r"neighbou?rhoods?|suburbs?|area)\b", re.I)


def not_alone(text: str, tok: Token, theater: Theater) -> bool:
    """A word that is not a place on its own unless the words around it say so ("the village of
    Ali", "al-Baath city"): a given name ("Ahmed") or a family name made of one ("al-Abdallah"),
    a capitalised common word ("Court", "East"), a nationality ("German") or a belief or party
    ("Islam", "Baath")."""
    bare = strip_arabic_article(tok.text)
    if not (theater.given_name(tok.text) or theater.given_name(bare) or tok.lower in COMMON_WORDS
            or bare.lower() in theater.demonyms | theater.beliefs):
        return False
    return not (has_strong_cue(text, tok.start) or _PLACE_NOUN_AFTER.match(text, tok.end))


SPEAKS = re.compile(r"[ \t]+(?:also[ \t]+)?(?:said|says|added|adds|told|explained|pointed[ \t]+out|stressed|"
                     r"noted|stated|wrote|tweeted|confirmed)\b")


#: a whole word of running text, not part of a hyphenated one
WORD_RUN = re.compile(r"(?<![\w-])\w+(?![\w-])")


def text_words(text: str) -> frozenset[str]:
    """Every whole word of ``text`` as written (for :func:`common_word`, once per document)."""
    return frozenset(WORD_RUN.findall(text))


def common_word(text: str, tok: Token, words: frozenset[str] | None = None) -> bool:
    """A capitalised word that the text also uses in lower case ("Over 450" ... "over"), at a
    sentence start or anywhere without a place cue before it ("the Regime's Hammer and ...").
    ``words``: :func:`text_words` of ``text``, so that a long document is not searched whole
    for each word."""
    if words is not None and WORD_RUN.fullmatch(tok.lower):
        if tok.lower not in words:
            return False
    elif re.search(rf"(?<![\w-]){re.escape(tok.lower)}(?![\w-])", text) is None:
        return False
    return sentence_initial(text, tok) or not has_place_cue(text, tok.start)


def sentence_initial(text: str, tok: Token) -> bool:
    """The word opens a sentence, a quote or a list item ("* Artillery bombardment ..."): its
    capital says nothing of a name."""
    before = text[max(0, tok.start - 3):tok.start]
    return tok.start == 0 or re.search(r"(?:^|[.!?:\n\"“*•])\s*$", before) is not None


def prominent(cands: list[Candidate]) -> bool:
    """A big place among the candidates found by the name itself (not by a spelling variant)."""
    return any(prominence(c.place) >= 0.85 for c in cands if not is_fuzzy(c))


def own_name(surface: str, cands: tuple[Candidate, ...]) -> list[Candidate]:
    """Candidates whose primary name is the surface ("Raqqa" for Ar Raqqah, not "Rice" for
    its Kurdish alternate "Reqe"): a person's surname does not hide those."""
    key = name_key(surface)
    return [c for c in cands if name_key(c.place.name) == key]
