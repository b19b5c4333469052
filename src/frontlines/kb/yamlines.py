"""YAML read with line numbers, so that a problem can name the line an analyst must fix.

Mappings come back as :class:`LineDict` and strings as :class:`LineStr`: a ``dict`` and a
``str`` in every respect, plus the 1-based ``line`` they start on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import ResourceError


class LineStr(str):
    """A string that remembers the line it was read from."""

    line: int = 0


class LineDict(dict[Any, Any]):
    """A mapping that remembers the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict[Any, int]


def line_of(value: object, default: int = 0) -> int:
    """The line ``value`` was read from (``default`` when it does not know)."""
    return int(getattr(value, "line", default) or default)


def _convert(node: Any, loader: Any) -> Any:
    import yaml

    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = LineDict()
        out.line, out.key_lines = line, {}
        for key_node, value_node in node.value:
            key = _convert(key_node, loader)
            out[key] = _convert(value_node, loader)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, loader) for item in node.value]
    value = loader.construct_object(node, deep=True)
    if isinstance(value, str):
        text = LineStr(value)
        text.line = line
        return text
    return value


def read_yaml_lines(path: Path, what: str) -> Any:
    """The YAML document at ``path`` with line numbers; a ResourceError names the file and line."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ResourceError(f"cannot read the {what}: {err.strerror or err}", source=str(path)) from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)  # libyaml's parser when installed
    try:
        node = loader.get_single_node()
        return None if node is None else _convert(node, loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise ResourceError(f"cannot parse the {what}{where}: {' '.join(str(err).split())}",
                            source=str(path)) from None
    finally:
        loader.dispose()
