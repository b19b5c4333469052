"""Headlines glued to the body ("12 May 2016 Eight Civilians Killed 14 Injured in Regime
Shelling ..."): the tagger reads title-case words as names, so the common words of a
title-case run are lower-cased before parsing (same length: offsets are kept).
"""

from __future__ import annotations

import re

#: words that a headline capitalises but that are no names
FUNCTION = frozenset("a an the in on of at by near for with to and as after from over into amid".split())
#: casualty and violence words: a run must have one to be a headline
EVENT = frozenset(
    """kill kills killed die dies died dead injured wounded strike strikes airstrike airstrikes
    raids shelling bombing bombings attack attacks blast explosion massacre clashes""".split()
)
COMMON = EVENT | frozenset(
    """kill kills killed killing die dies died dead death deaths toll wounded wound wounds injured
    injure injures injuring injuries massacre execute executes executed behead beheads
    civilian civilians people person persons children child women men fighters militants terrorist terrorists
    jihadists rebels soldiers troops forces army regime government militia gunmen
    strike strikes airstrike airstrikes air raid raids shelling shell shells shelled bombing
    bombings bomb bombs bombed barrel car suicide attack attacks attacked blast blasts
    explosion explosions rocket rockets mortar mortars missile missiles clashes clash
    fighting warplanes jets helicopters planes gas chemical sniper fire""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,]*")
MIN_RUN = 4  # words in a title-case run
MIN_COMMON = 2  # capitalised common words in it


def _title_like(word: str) -> bool:
    return word[0].isdigit() or word[0].isupper() or word.lower() in FUNCTION


def _lower_run(chars: list[str], run: list[re.Match[str]]) -> None:
    capitalised = [m for m in run if m.group(0)[0].isupper() and m.group(0).lower() in COMMON]
    events = [m for m in capitalised if m.group(0).lower() in EVENT]
    if len(run) < MIN_RUN or len(capitalised) < MIN_COMMON or not events:
        return
    for m in capitalised:
        chars[m.start()] = chars[m.start()].lower()


def truecase(text: str) -> str:
    """*text* with the capitalised common words of its title-case runs lower-cased."""
    chars = list(text)
    run: list[re.Match[str]] = []
    last_end = 0
    for m in _WORD.finditer(text):
        gap = text[last_end : m.start()]
        joined = not run or re.fullmatch(r"[ \t]*", gap)
        if _title_like(m.group(0)) and joined:
            run.append(m)
        else:
            _lower_run(chars, run)
            run = [m] if _title_like(m.group(0)) else []
        last_end = m.end()
    _lower_run(chars, run)
    return "".join(chars)
