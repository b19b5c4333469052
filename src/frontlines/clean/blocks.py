"""From per-line roles to ``Segment`` blocks that tile the text exactly.

Blank lines belong to the block around them: an empty line joins the block before it; a run
of white space that holds a non-empty "blank" line (NBSP left by a template) joins the block
after it from that line on; blank lines at the very start join the first block.  Segments
cover every line once, in order; ``end`` includes the newline after the block's last line,
so that the segment texts concatenate back to the article text.
"""

from __future__ import annotations

from ..records import Role, Segment
from .lines import Line
from .plain import LineLabel


def fill_blank_lines(lines: list[Line], labels: dict[int, LineLabel]) -> list[LineLabel]:
    """A label for every line, blank ones included."""
    if not labels:
        return [LineLabel(Role.BODY if any(not ln.blank for ln in lines) else Role.BOILERPLATE)] * len(lines)
    out: list[LineLabel | None] = [labels.get(line.number) for line in lines]
    previous: LineLabel | None = None
    for i, line in enumerate(lines):
        if out[i] is not None:
            previous = out[i]
            continue
        if previous is None or not line.empty or _after_whitespace_line(lines, i):
            out[i] = _next_label(lines, out, i)
        else:
            out[i] = previous
    return [label or LineLabel(Role.BOILERPLATE) for label in out]


def _after_whitespace_line(lines: list[Line], i: int) -> bool:
    """Is there a non-empty blank line earlier in this gap?"""
    j = i - 1
    while j >= 0 and lines[j].blank:
        if not lines[j].empty:
            return True
        j -= 1
    return False


def _next_label(lines: list[Line], out: list[LineLabel | None], i: int) -> LineLabel | None:
    for j in range(i + 1, len(lines)):
        if out[j] is not None and not lines[j].blank:
            return out[j]
    return next((label for label in reversed(out[:i]) if label is not None), None)


def to_segments(doc_id: str, text: str, lines: list[Line], labels: list[LineLabel]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    first = 0
    for i in range(1, len(lines) + 1):
        if i < len(lines) and labels[i] == labels[first]:
            continue
        start = lines[first].start
        end = min(lines[i - 1].end + 1, len(text))
        label = labels[first]
        segments.append(
            Segment(doc_id, len(segments), label.role, start, end, lines[first].number, lines[i - 1].number,
                    label.quoted_source)
        )
        first = i
    return tuple(segments)
