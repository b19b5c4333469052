"""Lines of an article's text and the shape features the segmenter reads off them."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_][\w’'.-]*|\d[\d,.]*", re.UNICODE)
_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
_TERMINAL = ("." , "!", "?", "…", ":", ";", "”", '"', "’", ")")
_LOWER_WORDS = frozenset(
    "a an the of in on at to for and or but by with from as into over under vs via is are "
    "be its his her their de la le al el".split()
)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of ``text.split("\\n")``: 1-based number, offsets, and its text."""

    number: int
    start: int
    end: int  # exclusive, without the newline
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def empty(self) -> bool:
        """Truly empty (no character at all), as opposed to white space such as NBSP."""
        return self.text == ""

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)

    @property
    def n_words(self) -> int:
        return len(self.words)


def split_lines(text: str) -> list[Line]:
    """Split ``text`` exactly as ``text.split("\\n")`` and keep each line's offsets."""
    lines: list[Line] = []
    offset = 0
    for number, part in enumerate(text.split("\n"), start=1):
        lines.append(Line(number, offset, offset + len(part), part))
        offset += len(part) + 1
    return lines


def is_url_only(text: str) -> bool:
    return bool(_URL.match(text.strip()))


_CREDIT_TAIL = re.compile(r"[.!?”\"]\s*[-–—/(]?\s*[A-Z][A-Za-z]{1,7}\)?\s*$")  # "….-AFP", "… (Reuters)"


def ends_terminal(text: str) -> bool:
    """Ends like a sentence (an agency credit such as "-AFP" after the full stop is allowed)."""
    text = text.rstrip()
    return text.endswith(_TERMINAL) or bool(_CREDIT_TAIL.search(text))


def title_case_ratio(text: str) -> float:
    """Share of the significant words that start with a capital letter."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _LOWER_WORDS and w[0].isalpha()]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def sentence_count(text: str) -> int:
    return len(re.findall(r"[.!?…](?=\s+[A-Z“\"‘(]|\s*$)", text.strip())) or 1


def is_headline(line: Line) -> bool:
    """Headline shape: short, no final full stop, at least 2 words."""
    text = line.stripped
    n = line.n_words
    if n < 2 or n > 22 or is_url_only(text):
        return False
    if text.endswith((".", ";", ",")) and not text.endswith("..."):
        return False
    return sentence_count(text) == 1


def is_prose(line: Line) -> bool:
    """A paragraph of running text: several words and a sentence end."""
    n = line.n_words
    text = line.stripped
    if n >= 25:
        return True
    if text.endswith(("?", "!")) and n < 15:  # "Who gets there first?" is a headline
        return False
    if n >= 12 and re.search(r"\w[.!?]\s+[A-Z(“\"]", text):  # a full sentence, then more words
        return True
    return n >= 8 and ends_terminal(text) and not is_url_only(text)


def is_debris(line: Line) -> bool:
    """A scrap of template: one or two tokens, mostly punctuation ("in ,", "|", "»")."""
    text = line.stripped
    if not text:
        return False
    letters = sum(ch.isalpha() for ch in text)
    return line.n_words <= 2 and (letters <= 3 or letters / len(text) < 0.5)


_STOP = frozenset(
    "that this they them their there these those with from have been were which will would "
    "could should also than then into over some such only other what when where while about "
    "after before through under more most very just being because said says".split()
)


def content_words(text: str) -> set[str]:
    """Lower-cased words of four letters or more, stop words left out (a crude content set)."""
    words = (w.lower().strip(".’'") for w in _WORD.findall(text) if len(w) >= 4 and w[0].isalpha())
    return {w for w in words if w not in _STOP}
