"""Shared CLI plumbing: friendly errors, opening stores, the --db option."""

from __future__ import annotations

import functools
import sqlite3
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import click

from ..errors import FrontlinesError, StoreError

if TYPE_CHECKING:
    from ..store.protocol import Store

P = ParamSpec("P")
R = TypeVar("R")


def one_line(text: str) -> str:
    """A message on one line, whatever a file name or an input held (newlines, tabs)."""
    return " ".join(str(text).split())


def friendly(func: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors into one-line messages and their exit codes."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except FrontlinesError as exc:
            click.echo(f"error: {one_line(str(exc))}", err=True)
            sys.exit(exc.exit_code)
        except OSError as exc:  # an output file or folder that cannot be written or read
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"error: {one_line(f'{where}{exc.strerror or exc}')}", err=True)
            sys.exit(2)
        except sqlite3.Error as exc:  # a database damaged under the store's feet
            click.echo(f"error: database: {one_line(str(exc))} [{StoreError.code}]", err=True)
            sys.exit(StoreError.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper


def open_db(db: str, *, readonly: bool) -> Store:
    """The store at ``--db``: read-only for commands that only read (they never write and
    work behind a running writer); a writable one is created when missing."""
    from ..store import open_store

    return open_store(db, readonly=readonly)


db_option = click.option("--db", "db", required=True, metavar="DB",
                         help="Database: a SQLite file (or a store URL such as memory:).")


def day_value(value: str | None, option: str) -> str | None:
    """An option's day (YYYY-MM-DD) as ISO text; a one-line InputError naming the option."""
    import datetime as dt

    from ..errors import InputError

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(f"{option}: not a day (YYYY-MM-DD)", source=value) from None


def bbox_value(value: str | None, option: str = "--bbox") -> tuple[float, float, float, float] | None:
    """An option's box (W,S,E,N degrees); a one-line InputError naming the option."""
    from ..errors import InputError
    from ..geo import parse_bbox

    if value is None:
        return None
    try:
        return parse_bbox(value)
    except ValueError as err:
        raise InputError(f"{option}: {err}", source=value) from None
