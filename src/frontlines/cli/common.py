"""Shared CLI plumbing: friendly errors, opening stores, output files."""

from __future__ import annotations

import functools
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import FrontlinesError, StoreError

F = TypeVar("F", bound=Callable[..., Any])


def friendly(func: F) -> F:
    """Turn library errors into one-line messages and their exit codes."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FrontlinesError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except OSError as exc:  # an output file or folder that cannot be written or read
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"error: {where}{exc.strerror or exc}", err=True)
            sys.exit(2)
        except sqlite3.Error as exc:
            click.echo(f"error: database: {exc} [{StoreError.code}]", err=True)
            sys.exit(StoreError.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


def open_store(db: Path, *, must_exist: bool = True) -> Any:
    from ..errors import StoreError
    from ..store.sqlite import SqliteStore

    if must_exist and not db.exists():
        raise StoreError("no such database (create it with `frontlines run`)", source=str(db))
    return SqliteStore(db)


db_option = click.option("--db", "db", type=click.Path(path_type=Path), required=True,
                         help="SQLite database file.")


def iso_day(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Click callback: a day (or two) given as YYYY-MM-DD that exists in the calendar."""
    import datetime as dt

    if value is None or value == ():
        return value
    for day in value if isinstance(value, tuple) else (value,):
        try:
            dt.date.fromisoformat(day)
        except ValueError:
            raise click.BadParameter(f"{day!r} is not a day as YYYY-MM-DD (e.g. 2016-12-22)") from None
        if len(day) != 10:
            raise click.BadParameter(f"{day!r} is not a day as YYYY-MM-DD (e.g. 2016-12-22)")
    return value
