"""Counts written in a text, read from its parse: numbers and number words ("12", "1,200",
"twelve", "Seventy-six", "dozens"), never a date's parts, a year or a dateline's day of month."""

from __future__ import annotations

import re
from typing import Any

from ..taxonomy import TENS, VAGUE, WORDS, word_value

WORD_NUMBERS = frozenset(WORDS)

MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

#: the days of the week, written out or cut short as datelines write them ("Mon Oct 31 2016")
WEEKDAY_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)


def _date_part(token: Any) -> bool:
    """A number written as part of a date: "12-03-2015", "12/3/2015", "2015.03.12" (three numbers
    run together; "10-15 people" is a range)."""
    doc = token.doc
    if not token.lower_.isdigit():
        return False
    parts = 1
    for step in (-1, 1):
        at = token.i
        while 0 <= at + 2 * step < len(doc) and doc[at + step].text in {"-", "/", "."} \
                and doc[at + 2 * step].lower_.isdigit() and not doc[at + step].whitespace_ \
                and not doc[min(at + step, at)].whitespace_:
            parts, at = parts + 1, at + 2 * step
    if parts >= 3:
        return True
    return bool(re.fullmatch(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}", token.text))


def _is_year(token: Any) -> bool:
    """ "September 15 2016", "Oct 2014": a year, not a count."""
    if _date_part(token):
        return True
    if not (token.lower_.isdigit() and len(token.lower_) == 4 and 1900 < int(token.lower_) < 2100):
        return False
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return before in MONTH_WORDS or after in MONTH_WORDS or (before.isdigit() and len(before) <= 2)


def number(token: Any) -> int | None:
    """The value of a number token ("12", "1,200", "twelve", "Seventy-six", "dozens")."""
    if _is_year(token) or day_of_month(token):
        return None
    word = token.lower_
    value = word_value(word) if (token.like_num or "-" in word) else None
    if value is None and word in VAGUE:  # "hundreds of thousands": a magnitude, multiplied
        scale = [VAGUE[c.lower_] for c in token.children if c.lower_ in VAGUE]
        if word in {"dozen", "score"}:  # "two dozen", "half a dozen"
            times = [word_value(c.lower_) for c in token.children if c.dep_ in {"nummod", "quantmod"}
                     and c.i < token.i and c.lower_ not in {"a", "an"} and (c.like_num or c.lower_ in WORD_NUMBERS)]
            if any(c.lower_ == "half" for c in token.children if c.i < token.i):
                return VAGUE[word] // 2
            if times and times[0]:
                return VAGUE[word] * times[0]
        return VAGUE[word] * (scale[0] if scale else 1)
    if value is None:
        return None
    tens = [c for c in token.children if c.dep_ == "compound" and c.lower_ in TENS]
    if tens and value < 10:  # "Seventy - six" parsed as a compound
        value += TENS[tens[0].lower_]
    # "more than two dozen fighters": the parser may hang "dozen" under the number it multiplies
    times = [VAGUE[c.lower_] for c in token.children if c.lower_ in {"dozen", "score"} and c.i > token.i]
    if times and times[0]:
        return value * times[0]
    # a range ("20 to 25 people", "10-15 people"): its lower end, the conservative figure
    lows = [word_value(c.lower_) for c in token.children if c.dep_ in {"quantmod", "prep"} and c.like_num
            and not _is_year(c)]
    return min([value, *[v for v in lows if v is not None]])


def compound_count(noun: Any) -> int | None:
    """ "40 IS fighters" misparsed with the number under the compound ("IS"): its count."""
    for child in noun.children:
        if child.dep_ != "compound" or child.i > noun.i:
            continue
        for grand in child.children:
            if grand.i < child.i and grand.dep_ in {"nummod", "nsubj", "quantmod"} and grand.like_num \
                    and not day_of_month(grand):
                return number(grand)
    return None


def day_of_month(token: Any) -> bool:
    """ "12 May 2016 Eight civilians ...": a dateline's day read as a count."""
    doc = token.doc
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    near = after in MONTH_WORDS or (before in MONTH_WORDS and before != "may")  # "December 16 2013"
    return token.lower_.isdigit() and int(token.lower_) <= 31 and near
