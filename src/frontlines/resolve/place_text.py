"""Text side of toponym recognition: tokens, capitalised runs, stop words and metonymy.

Recognition does not use spaCy's entity labels (it tags *Maskanah* or *Sweida* as
PERSON); it looks up runs of capitalised tokens in the gazetteer.  This module
finds the runs and says which words can never start or be a place name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..taxonomy import ARABIC_ARTICLE
from .normalize import words

_LETTER = r"A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
_HYPHENS = "-‐‑"  # hyphen-minus, hyphen, non-breaking hyphen
_AYN = rf"(?:[ʿʾ](?=[{_LETTER}]{{2}}))?"  # a leading ayn or hamza mark ("ʿAyn")
_WORD = rf"{_AYN}[{_LETTER}0-9](?:[{_LETTER}0-9]|['’ʿʾ`](?=[{_LETTER}])|[{_HYPHENS}](?=[{_LETTER}0-9]))*"
TOKEN_RE = re.compile(_WORD)
_ARTICLE_CAP = re.compile(rf"^(?:{ARABIC_ARTICLE}|ibn|bin|bani|abu|umm)[{_HYPHENS}][A-ZÀ-ÖØ-ÞĀ-ſʿ]")
CONNECTORS = words("al el ez es ed as ad ar at az an ash ul ibn bin bani de du")

#: capitalised words that are not place names on their own (sentence starters, titles, months,
#: days, generic actor words); lowercase.  The theater's own words (group and media names,
#: public figures, nationalities, rivers) come from the knowledge base (``Theater.stop_words``)
STOP_WORDS = words("""
the a an this that these those there here it its he she they we you i his her their our my
if in on at by for from to of and or but as so yet with without after before during since
while when where which who whom whose what why how all any both each every few many most some
such no not only also just even however meanwhile moreover furthermore although though
according following unreported several other another one two three four five six seven eight
nine ten first second third last next new old news report reports update breaking read more
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
mr mrs ms dr gen general colonel col lt lieutenant major maj president minister prime king
prince sheikh emir commander spokesman chief sergeant captain brigadier
army forces force troops militia militias rebels rebel regime government ministry state
western eastern northern southern central
brigade division corps battalion regiment unit front coalition alliance council committee party movement
over under about around near some sources officials witnesses activists residents
""")  # the theater's own words (groups, media, people, rivers): Theater.stop_words

#: words before a name that make it a person's ("General Qassem Soleimani", "Sheikh Ahmad")
TITLES = words("""
mr mrs ms dr gen general colonel col lt lieutenant major maj brigadier captain capt sergeant
commander cmdr president minister premier king prince sheikh shaykh emir imam sayyed sayyid
mullah cleric mufti ambassador envoy spokesman spokeswoman leader chief caliph brother martyr
""")

_SAY_VERBS = (
    r"say|says|said|agree|agrees|agreed|announce|announced|announces|approve|approved|approves|"
    r"decide|decided|decides|deny|denied|denies|accuse|accused|accuses|warn|warned|warns|want|"
    r"wants|wanted|insist|insists|insisted|reject|rejected|rejects|demand|demanded|demands|"
    r"refuse|refused|refuses|condemn|condemned|condemns|claim|claimed|claims|respond|responded|"
    r"threaten|threatened|threatens|support|supports|supported|back|backs|backed|believe|believes|"
    r"hope|hopes|hoped|consider|considers|considered|considering|blame|blamed|blames|urge|urged|"
    r"urges|ask|asked|asks|allow|allowed|allows|vow|vowed|vows|plan|plans|planned|intend|intends|"
    r"sign|signed|signs|order|ordered|orders|recognize|recognized|recognise|recognised|"
    r"welcome|welcomed|welcomes|oppose|opposed|opposes|seek|seeks|sought|send|sends|sent|"
    r"veto|vetoed|vetoes|denounce|denounced|denounces|slam|slammed|slams|critici[sz]ed?|critici[sz]es|"
    r"praise|praised|praises|pledge|pledged|pledges|promise|promised|promises|stress|stressed|"
    r"stresses|broker|brokered|brokers|mediate|mediated|mediates|sponsor|sponsored|sponsors|"
    r"report|reported|reports|launch|launched|launches|wage|waged|wages|waging|stage|staged|stages|"
    r"staging|conduct|conducted|conducts|conducting|deploy|deployed|deploys|intervene|intervened|"
    r"intervenes|dismiss|dismissed|dismisses|acknowledge|acknowledged|acknowledges"
)
#: "his allies in Moscow", "its backers in Tehran": the government, though after "in"
_PATRONS = re.compile(
    r"\b(?:allies|ally|allied|backers?|patrons?|partners?|masters|sponsors?|supporters?|friends|"
    r"counterparts|paymasters|handlers|benefactors)\s+in\s+$", re.I)
_AUX = (r"(?:(?:has|have|had|is|are|was|were|will|would|could|may|might|also|already|not|been|now|"
        r"reportedly|officially|finally|quickly)\s+){0,3}")
_AFTER_METONYM = re.compile(
    rf"^(?:\s*(?:,|and|&)\s*[A-Z][\w'’-]+)*\s+{_AUX}(?:{_SAY_VERBS})\b"
)
_POSSESSIVE = re.compile(
    r"^['’]s?\s+(?:\w+\s+)?(?:approval|consent|permission|position|policy|policies|stance|decision|"
    r"support|ally|allies|backing|government|regime|request|demand|demands|plan|plans|strategy|"
    r"intervention|role|interests|influence|agreement|behalf|efforts|response|proxies|proxy|"
    r"leadership|officials|diplomats|envoy|objections?|offer|proposal|warning|threat|accusations?|"
    r"army|armed forces|forces|troops|military|soldiers|jets|warplanes|aircraft|air force|navy|"
    r"artillery|militias?|defen[cs]e ministry|foreign ministry|ministry|president|leader|"
    r"intelligence|embassy|ambassador|delegation|operation|offensive|incursion)\b",
    re.I,
)
_BEFORE_METONYM = re.compile(
    rf"\b(?:(?:{_SAY_VERBS})\s+by|between|with)\s+(?:[A-Z][\w'’-]+\s*(?:,|and)\s*)*$"
)
_BACKED = re.compile(r"^[-‐](?:backed|led|sponsored|funded|allied|aligned)\b", re.I)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return self.text.lstrip("ʿʾ")[:1].isupper() or bool(_ARTICLE_CAP.match(self.text))

    @property
    def lower(self) -> str:
        return self.text.lower()


_FINAL_S = re.compile(r"['’]s$")
_JOINER = re.compile(r"[ \t\u00a0]*[-‐‑–]?[ \t\u00a0]*")


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Word tokens of ``text[start:end]`` with offsets in ``text``; a final ``'s`` is cut off."""
    out = []
    for m in TOKEN_RE.finditer(text, start, end):
        s, e = m.start(), m.end()
        word = m.group(0).replace("‑", "-").replace("‐", "-")
        if _FINAL_S.search(word) and len(word) > 3:
            e -= 2
            word = word[:-2]
        out.append(Token(s, e, word))
    return out


def joined(text: str, left: Token, right: Token) -> bool:
    """True when only spaces or a hyphen separate two tokens (no punctuation, no line break)."""
    gap = text[left.end:right.start]
    return len(gap) <= 3 and _JOINER.fullmatch(gap) is not None


def patron_before(text: str, start: int) -> bool:
    """True after "allies in", "backers in": the capital stands for its government."""
    return _PATRONS.search(text[max(0, start - 40):start]) is not None


def is_metonym(text: str, start: int, end: int, surface_key: str, feature: str,
               seats: frozenset[str]) -> bool:
    """True when a capital (or country) names its government here, e.g. "Moscow said"
    (``seats``: name keys of the places that stand for governments)."""
    if surface_key in seats and feature in ("city", "settlement", "admin2"):
        feature = "city"  # the seat, even where the document's focus picked a namesake
    elif feature not in ("country", "admin1"):
        return False
    after = text[end:end + 120]
    before = text[max(0, start - 120):start]
    if _BACKED.match(after) or _POSSESSIVE.match(after):
        return True
    if feature == "city" and (_AFTER_METONYM.match(after) or patron_before(text, start)):
        return True
    if feature == "country" and re.match(rf"^\s+{_AUX}(?:{_SAY_VERBS})\b", after):
        return True
    return feature == "city" and _BEFORE_METONYM.search(before) is not None
