"""The outlet registry (``data/outlets.yaml``): names, aliases, domains, dated statements."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import NotRequired, TypedDict
from urllib.parse import urlsplit

from ..errors import ResourceError

_REQUIRED_STATEMENT_KEYS = ("claim", "source", "as_of")


@dataclass(frozen=True, slots=True)
class Statement:
    """A dated, sourced statement about an outlet (what the source says, not a fact)."""

    claim: str
    source: str
    as_of: str
    side: str | None = None


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    country: str | None = None
    kind: str | None = None
    statements: tuple[Statement, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _key(name: str) -> str:
    """Lookup key: lower case, no punctuation, no leading "the"."""
    key = re.sub(r"[^\w]+", " ", name.lower()).strip()
    return re.sub(r"^the ", "", key)


def domain_of(url_or_domain: str) -> str:
    """``https://www.southfront.org/x`` → ``southfront.org``; ``a@b.org`` → ``b.org``."""
    text = url_or_domain.strip().lower()
    if "@" in text and "//" not in text:
        text = text.rsplit("@", 1)[1]
    host = urlsplit(text if "//" in text else "//" + text).hostname or ""
    return host.removeprefix("www.")


class OutletRegistry:
    """Outlets by name, alias and domain."""

    def __init__(self, outlets: tuple[Outlet, ...]) -> None:
        self.outlets = outlets
        self._by_key = {_key(n): o for o in outlets for n in o.names}
        self._by_domain = {d.lower(): o for o in outlets for d in o.domains}
        self._regex: re.Pattern[str] | None = None

    @classmethod
    def load(cls, path: Path) -> OutletRegistry:
        """The registry at ``path`` (raises ResourceError when it is not valid)."""
        return cls(_parse(_read(path), str(path)))

    def lookup(self, name: str) -> Outlet | None:
        """By name or alias (case and punctuation ignored), else by domain/URL/e-mail."""
        found = self._by_key.get(_key(name))
        return found if found is not None else self.by_domain(name)

    def by_domain(self, url_or_domain: str) -> Outlet | None:
        host = domain_of(url_or_domain)
        while host:
            if host in self._by_domain:
                return self._by_domain[host]
            host = host.partition(".")[2] if host.count(".") > 1 else ""
        return None

    def find_in_text(self, text: str) -> list[tuple[int, Outlet]]:
        """Outlets named in ``text`` (names and aliases of 3+ characters, case-sensitive)."""
        hits = [(m.start(), self._by_key[_key(m.group(0))]) for m in self._pattern().finditer(text)]
        return sorted(hits, key=lambda hit: hit[0])

    def _pattern(self) -> re.Pattern[str]:
        if self._regex is None:
            names = {n for o in self.outlets for n in o.names if len(n) >= 3}
            alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            self._regex = re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])")
        return self._regex


def _read(path: Path) -> object:
    from ..kb.yamlines import read_yaml_lines

    return read_yaml_lines(Path(path), "outlet registry")


REGISTRY_FILE = "outlets.yaml"


def _parse(data: object, source: str) -> tuple[Outlet, ...]:
    problems = _problems(data)
    if problems:
        raise ResourceError("invalid outlet registry: " + "; ".join(problems[:5]), source=source)
    assert isinstance(data, dict)
    return tuple(_outlet(entry) for entry in data["outlets"])


class _StatementEntry(TypedDict):
    """A statement of ``outlets.yaml`` once :func:`entry_problems` passed it."""

    claim: str
    source: str
    as_of: str
    side: NotRequired[str | None]


class _OutletEntry(TypedDict):
    """An outlet of ``outlets.yaml`` once :func:`entry_problems` passed it."""

    name: str
    aliases: NotRequired[list[str] | None]
    domains: NotRequired[list[str] | None]
    country: NotRequired[str | None]
    kind: NotRequired[str | None]
    statements: NotRequired[list[_StatementEntry] | None]


def _outlet(entry: _OutletEntry) -> Outlet:
    statements = tuple(
        Statement(str(s["claim"]), str(s["source"]), str(s["as_of"]), s.get("side"))
        for s in entry.get("statements") or []
    )
    return Outlet(
        name=str(entry["name"]),
        aliases=tuple(str(a) for a in entry.get("aliases") or []),
        domains=tuple(str(d).lower() for d in entry.get("domains") or []),
        country=entry.get("country"),
        kind=entry.get("kind"),
        statements=statements,
    )


def _problems(data: object) -> list[str]:
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        return ["top level must be a mapping with a list 'outlets'"]
    problems: list[str] = []
    seen: dict[str, str] = {}
    for i, entry in enumerate(data["outlets"]):
        problems += entry_problems(i, entry, seen)
    return problems


def entry_problems(i: int, entry: object, seen: dict[str, str]) -> list[str]:
    if not isinstance(entry, dict) or not entry.get("name"):
        return [f"outlet #{i}: needs a name"]
    name = str(entry["name"])
    problems = []
    for alias in [name, *(entry.get("aliases") or [])]:
        key = _key(str(alias))
        if key in seen and seen[key] != name:
            problems.append(f"{name}: alias {alias!r} already used by {seen[key]}")
        seen[key] = name
    for d in entry.get("domains") or []:
        if not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", str(d).lower()):
            problems.append(f"{name}: bad domain {d!r}")
    country = entry.get("country")
    if country is not None and not re.fullmatch(r"[A-Z]{2}", str(country)):
        problems.append(f"{name}: country must be ISO alpha-2, not {country!r}")
    for s in entry.get("statements") or []:
        missing = [k for k in _REQUIRED_STATEMENT_KEYS if not isinstance(s, dict) or not s.get(k)]
        if missing:
            problems.append(f"{name}: statement without {', '.join(missing)}")
    return problems


def validate_outlets(path: Path) -> list[str]:
    """Problems found in the outlet registry file at ``path`` (empty when it is valid)."""
    try:
        data = _read(path)
    except ResourceError as err:
        return [err.message]
    return _problems(data)

