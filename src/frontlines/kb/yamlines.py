"""YAML read with line numbers, so that a problem can name the line an analyst must fix.

Mappings come back as :class:`LineDict` and strings as :class:`LineStr`: a ``dict`` and a
``str`` in every respect, plus the 1-based ``line`` they start on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..errors import ResourceError

T = TypeVar("T")


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


def load_rule_file(path: str | Path | None, file: str, what: str,
                   parse: Callable[[Any, str], tuple[T | None, list[str]]]) -> T:
    """The rules of one analyst-edited YAML file: ``path``, or the packaged ``file`` when it is
    None, read with line numbers and parsed by ``parse`` (rules or None, problems).  Raises
    ResourceError naming the file and every problem."""
    from . import packaged_dir

    source = Path(path) if path is not None else packaged_dir() / file
    rules, problems = parse(read_yaml_lines(source, what), str(source))
    if rules is None:
        raise ResourceError(f"invalid {what}: " + "; ".join(problems), source=str(source))
    return rules


def validate_rule_file(path: str | Path, what: str, parse: Callable[[Any, str], tuple[Any, list[str]]]) -> list[str]:
    """Problems of one analyst-edited YAML file (empty when it is valid)."""
    from ..errors import FrontlinesError

    try:
        data = read_yaml_lines(Path(path), what)
    except FrontlinesError as exc:
        return [exc.message]
    return parse(data, str(path))[1]
