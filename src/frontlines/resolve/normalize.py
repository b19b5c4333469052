"""Transliteration-aware keys for Arabic (and Kurdish/Turkish) place names.

Reports romanise one Arabic name in many ways: *Deir ez-Zor*, *Dayr az Zawr*,
*Deir Ezzor*, *DeirezZor*; *Khanasir*, *Khanasser*.  :func:`name_key` maps such
variants to one key by general rules (never by a list of spellings):

* diacritics, ‘ayn/hamza marks and apostrophes are dropped; case is folded;
  camel-case joins (``DeirezZor``) are split;
* the Arabic article in all its forms is dropped: ``al-``, ``el-``, ``ul-`` and the
  sun-letter assimilations ``as-``/``ash-``/``ad-``/``ar-``/``at-``/``az-``/``an-``/``ez-``,
  standing alone, hyphenated or glued (``Ezzor``, ``Attanf``);
* generic first words get one spelling: Deir/Dayr/Dair/Dier → ``dayr``,
  Tal/Tell/Tel → ``tal``, Jabal/Jebel/Jabel → ``jabal``, Ain/Ayn/Ein → ``ayn``, ...;
* vowels and digraphs are levelled: ``ou``/``oo``/``o`` → ``u``, ``ee``/``e`` → ``i``,
  ``ei``/``ey``/``ai`` → ``ay``, ``aw`` before a consonant → ``u``, ``q`` → ``k``,
  ``ch`` → ``sh``, ``dj`` → ``j``, ``ph`` → ``f``; doubled letters are single;
  the feminine ending ``-ah``/``-eh`` is ``-a``;
* the words are joined without spaces, so hyphens and joined forms agree.

:func:`skeleton` reduces a key further to its consonants (``kh``→``h``, ``sh``→``s``,
``th``→``t``) for near misses, :func:`vowel_variant` tells names that differ only in vowels
(*Tabqa*/*Tabaqah*), and :func:`similarity`
scores two names in [0, 1].
"""

from __future__ import annotations

import functools
import re
import unicodedata
from difflib import SequenceMatcher

from ..taxonomy import ARABIC_ARTICLE_WORDS


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (for word lists written as prose)."""
    return frozenset(text.split())


ARTICLES = ARABIC_ARTICLE_WORDS

#: variant spellings of the generic words that open many Arabic place names
GENERIC_WORDS: dict[str, str] = {}
for _canon, _variants in {
    "dayr": "deir dayr dair dier der dir deyr",
    "tal": "tal tell tel tall til tell",
    "jabal": "jabal jebel jabel jbel jebal jabl djebel gebel jabaal",
    "ayn": "ain ayn ein ayin aine",
    "kafr": "kafr kfar kafar kfr kefr",
    "bayt": "beit bayt bait beyt bet",
    "bu": "abu abou bu bou abo",
    "umm": "umm um om",
    "khirba": "khirbet khirbat khirbit kherbet khirbeh khirba kherbit",
    "bir": "bir beer bi'r",
    "wadi": "wadi wady oued",
    "shaykh": "sheikh shaykh sheik shaikh cheikh shekh",
    "jisr": "jisr jisser jesr",
    "kasr": "qasr kasr qaser",
    "ras": "ras ra's",
    "bab": "bab",
    "marj": "marj merj",
    "hay": "hay hayy hai",
    "mazra": "mazraa mazraat mazraah mazra'a mazraet",
}.items():
    for _v in _variants.split():
        GENERIC_WORDS[_v] = _canon

_APOSTROPHES = "'’‘`´ʿʾʻʼ′ˈ"
_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "ß": "ss", "đ": "d", "æ": "ae", "œ": "oe"})
_GLUED_PREFIX = re.compile(
    r"^(" + "|".join(sorted(GENERIC_WORDS, key=len, reverse=True)) + r")"
    r"(?:al|el|ul|[ae]([tdrzsn])\2?)(.{3,})?$"
)
_SUN_GLUED = re.compile(r"^[ae]([tdrzsn])\1(.{2,})$")
_AL_GLUED = re.compile(r"^al([^aeiou\W].+)$")
_ARABIC_ARTICLE = re.compile(r"^ال(?=.{2,})")


@functools.lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Lower-case ASCII-ish form: diacritics and apostrophes gone, camel case split."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c) and c not in _APOSTROPHES)
    return text.lower()


_ENDING = re.compile(r"(?:ah|eh|a)$")
_DIPHTHONG = re.compile(r"[ae][iy](?![aeiou])")
_AW = re.compile(r"aw(?![aeiouy])")
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aiu])h$")


@functools.lru_cache(maxsize=65_536)
def _level(token: str) -> str:
    """Level vowels, digraphs and endings of one (non-generic) word (remembered: the words of
    place names recur across names)."""
    t = token.replace("ou", "u").replace("oo", "u").replace("ee", "i")
    t = _ENDING.sub("a", t)
    t = _DIPHTHONG.sub("ay", t)
    t = _AW.sub("u", t)
    t = t.replace("dj", "j").replace("ch", "sh").replace("ph", "f").replace("q", "k")
    t = t.replace("o", "u").replace("e", "i").replace("c", "k")
    t = _DOUBLED.sub(r"\1", t)
    return _FINAL_H.sub("", t)


def _arabic(token: str) -> str:
    token = re.sub(r"[\u064b-\u065f\u0670\u0640]", "", token)
    token = token.translate(str.maketrans("أإآٱةىؤئ", "اااايهوي"))
    return _ARABIC_ARTICLE.sub("", token)


def _split_token(token: str) -> list[str]:
    """Split glued forms (``deirezzor``, ``rasalain``) and drop glued articles."""
    if token in GENERIC_WORDS or token in ARTICLES:
        return [token]
    m = _GLUED_PREFIX.match(token)
    if m:
        return [m.group(1), m.group(3)] if m.group(3) else [m.group(1)]
    m = _SUN_GLUED.match(token)
    if m and len(token) >= 5:
        return [m.group(1) + m.group(2)]
    m = _AL_GLUED.match(token)
    if m:
        return [m.group(1)]
    return [token]


def _words(text: str) -> list[str]:
    return list(_word_keys(text))


@functools.lru_cache(maxsize=65_536)
def _word_keys(text: str) -> tuple[str, ...]:
    words: list[str] = []
    for raw in re.split(r"[^\w]+|_", fold(text)):
        if not raw:
            continue
        if re.match(r"[\u0600-\u06ff]", raw):
            words.append(_arabic(raw))
            continue
        for part in _split_token(raw):
            if part in ARTICLES:
                continue
            words.append(GENERIC_WORDS.get(part) or _level(part))
    return tuple(words)


@functools.lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The matching key of a place name; equal keys mean "same name, other spelling"."""
    words = _words(name)
    if not words:  # a name that is only an article: keep something
        return re.sub(r"\W+", "", fold(name))
    return "".join(words)


def key_words(name: str) -> list[str]:
    """The key of each word of ``name`` (articles dropped), e.g. for prefix tests."""
    return _words(name)


@functools.lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """Consonant skeleton of a key (``khanasir`` → ``hnsr``), for fuzzy matching."""
    s = key.replace("kh", "h").replace("sh", "s").replace("th", "t").replace("dh", "d")
    s = s.replace("gh", "g")
    s = re.sub(r"[aeiou]", "", s)
    s = re.sub(r"h$", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def skeletons(key: str) -> list[str]:
    """The consonant skeleton of a key, and for a final *-ia* that of its spelling *-iya*
    (*Qaroutia* / *Qarutiyah*: ``krt`` / ``krty``), whose glide the skeleton keeps.  Not the
    other way: a name written *-iya* is not looked for without its glide."""
    s = skeleton(key)
    return [s, s + "y"] if re.search(r"i[ae]$", key) else [s]


@functools.lru_cache(maxsize=200_000)
def consonants(key: str) -> str:
    """A key without its vowels (``tabaka`` → ``tbk``): names that differ only in
    vowels (*Tabqa*/*Tabaqah*, *Rusafa*/*Rasafah*, *Tanaf*/*Tanf*) agree."""
    return re.sub(r"[aiu]", "", key)


def vowel_variant(a: str, b: str) -> bool:
    """True when two keys differ only in inner vowels and keep at least three consonants.

    A final vowel (the feminine *-a*) must agree: *Rasif* is not *Rusafa*; so must an initial
    one: *Ateira* is not *Tayru*, *Atman* not *Tumin*.
    """
    ca = consonants(a)
    return (a != b and ca == consonants(b) and len(ca) >= 3
            and (a[-1] in "aiu") == (b[-1] in "aiu") and (a[0] in "aiu") == (b[0] in "aiu"))


@functools.lru_cache(maxsize=65_536)
def similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two names: 1.0 for equal keys, less for near misses."""
    return _key_similarity(name_key(a), name_key(b))


@functools.lru_cache(maxsize=65_536)
def _key_similarity(ka: str, kb: str) -> float:
    """:func:`similarity` of two keys (remembered by key: many spellings share one)."""
    if ka == kb:
        return 1.0
    key_ratio = SequenceMatcher(None, ka, kb).ratio()
    sa, sb = skeleton(ka), skeleton(kb)
    skel_ratio = SequenceMatcher(None, sa, sb).ratio() if sa and sb else 0.0
    return round(0.5 * key_ratio + 0.5 * skel_ratio, 4)


@functools.lru_cache(maxsize=65_536)
def spelled(name: str) -> str:
    """A name as written, without case, diacritics, punctuation or the Arabic article: two names
    spelled alike are the same word for word ("Tall Hamid" / "tall-hamid", not "Tell Hamed")."""
    return " ".join(w for w in re.split(r"[^\w]+", fold(name)) if w and w not in ARTICLES)
