"""Stage 7, store: SQLite by default (plain tables, WAL), behind one ``Store`` seam.

:func:`open_store` picks the store from a target: a file path (SQLite), ``memory:`` (the
in-memory store), ``postgresql://...`` (or ``postgres://``: the PostgreSQL store, with the
``postgres`` extra), or ``scheme://...`` for a store registered under that scheme in
:data:`frontlines.registry.stores`.
"""

from __future__ import annotations

from os import PathLike
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .protocol import Store

__all__ = ["open_store", "store_kind"]


def store_kind(target: str | PathLike[str]) -> tuple[str, str]:
    """(registered store name, what to hand it) for a target."""
    text = str(target)
    if text in {"memory:", "memory://"}:
        return "memory", "memory:"
    if text.startswith("sqlite:///"):  # SQLAlchemy's spelling: sqlite:///relative, sqlite:////absolute
        return "sqlite", text.removeprefix("sqlite:///")
    scheme, sep, _ = text.partition("://")
    if sep and scheme.isidentifier() and len(scheme) > 1:
        return {"postgres": "postgresql"}.get(scheme, scheme), text
    return "sqlite", text


def open_store(target: str | PathLike[str], *, readonly: bool = False) -> Store:
    """Open the store at ``target``; ``readonly=True`` never writes (export, doctor, eval...).

    Raises :class:`frontlines.errors.StoreError` when it cannot be opened and
    :class:`frontlines.errors.ConfigError` for a scheme no installed store handles."""
    from ..registry import load_builtins, stores

    load_builtins()
    name, where = store_kind(target)
    return stores.get(name)(where, readonly=readonly)
