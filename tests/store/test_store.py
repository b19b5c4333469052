from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from factories import MAYADIN, claim
from frontlines.records import Article, Failure, Role, Segment, Status
from frontlines.store import rows
from frontlines.store.sqlite import SqliteStore

statuses = st.sampled_from(list(Status))
maybe_text = st.none() | st.text(min_size=1, max_size=20)


@given(status=statuses, fatalities=st.none() | st.integers(0, 10_000), date=st.none() | st.dates().map(str),
       place=st.sampled_from([None, MAYADIN]), actor2=maybe_text)
def test_claim_row_round_trip(status: Status, fatalities: int | None, date: str | None,
                              place: object, actor2: str | None) -> None:
    original = claim(status=status, fatalities=fatalities, date=date, place=place, actor2=actor2)  # type: ignore[arg-type]
    if original.location and original.location.place is None:
        original = dataclasses.replace(original, location=dataclasses.replace(original.location, place=None))
    back = rows.row_claim(rows.claim_row(original))
    assert back == original


def _article(text: str = "Clashes in Deir ez-Zor.") -> Article:
    return Article(id="d1", text=text, source="a.txt", outlet="SANA")


def test_save_document_is_idempotent(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "t.db")
    seg = Segment("d1", 0, Role.BODY, 0, 23, 1, 1)
    for _ in range(2):
        store.save_document(_article(), [seg], [], [claim("d1", 0), claim("d1", 50)])
    assert store.counts()["articles"] == 1
    assert len(store.claims()) == 2
    assert store.segments("d1") == [seg]
    store.close()
    reopened = SqliteStore(tmp_path / "t.db")
    assert reopened.article("d1") == _article()
    assert reopened.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_failures_are_kept_once_and_cleared_by_success(tmp_path: Path) -> None:
    store = SqliteStore(":memory:")
    failure = Failure(source="a.txt", stage="ingest", error="FL101", message="document is empty")
    store.save_failure(failure)
    store.save_failure(dataclasses.replace(failure, at="later"))
    assert len(store.failures()) == 1
    store.save_document(_article(), [], [], [])
    assert store.failures() == []


def test_database_of_an_older_version_gains_new_columns(tmp_path: Path) -> None:
    import sqlite3

    old = tmp_path / "old.db"
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE events (id TEXT PRIMARY KEY, event_type TEXT NOT NULL)")
        conn.execute("INSERT INTO events VALUES ('ev-1', 'Battles')")
    store = SqliteStore(old)
    columns = {r[1] for r in store.conn.execute("PRAGMA table_info(events)")}
    assert {"support", "contradicted", "sub_event_type"} <= columns
    assert store.query("SELECT id FROM events")[0][0] == "ev-1"
