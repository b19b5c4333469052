"""The outlet registry's view of an outlet: its side and dated statements (what sources say)."""

from __future__ import annotations

from ..clean.outlets import Outlet, OutletRegistry, Statement


class OutletSides:
    """Looks outlets up in the registry (by name, alias or domain) and gives their latest stated side."""

    def __init__(self, registry: OutletRegistry) -> None:
        self.registry = registry
        self._cache: dict[str, Outlet | None] = {}

    def outlet(self, name: str | None) -> Outlet | None:
        if not name:
            return None
        if name not in self._cache:
            self._cache[name] = self.registry.lookup(name)
        return self._cache[name]

    def side(self, name: str | None) -> tuple[str | None, str | None]:
        """(side, the statement's source) of the latest statement that gives a side."""
        found = self.outlet(name)
        sided = [s for s in (found.statements if found else ()) if s.side]
        if not sided:
            return None, None
        latest: Statement = max(sided, key=lambda s: s.as_of)
        return latest.side, latest.source
