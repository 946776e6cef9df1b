"""The SQLite events store: idempotent on event_id, duplicates counted, queries filtered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from services.sink.logic import content_fingerprint, event_row
from services.sink.sqlite_store import SqliteEventStore
from services.sink.store import EventQuery, UpsertResult, open_store, sqlite_path
from shared.schemas import EventStatus
from tests.factories import sample_event


@pytest.fixture
def store(tmp_path: Path) -> SqliteEventStore:
    return SqliteEventStore(tmp_path / "events.db")


def test_new_events_are_written_and_read_back_unchanged(store: SqliteEventStore) -> None:
    events = [sample_event("a", 0), sample_event("a", 10), sample_event("b", 0)]
    assert store.upsert(events) == UpsertResult(written=3, duplicates=0)
    assert store.count() == 3
    assert store.query(EventQuery(article_id="a")) == events[:2]


def test_identical_replay_writes_nothing_even_with_a_new_extraction_time(store: SqliteEventStore) -> None:
    event = sample_event()
    store.upsert([event])
    replay = event.model_copy(update={"extracted_at": dt.datetime(2030, 1, 1, tzinfo=dt.UTC)})
    assert store.upsert([replay, replay]) == UpsertResult(written=0, duplicates=2)
    assert store.count() == 1
    assert store.query(EventQuery())[0].extracted_at == event.extracted_at


def test_changed_content_replaces_the_stored_event(store: SqliteEventStore) -> None:
    store.upsert([sample_event()])
    changed = sample_event(status=EventStatus.planned)
    assert store.upsert([changed]) == UpsertResult(written=1, duplicates=0)
    assert store.count() == 1
    assert store.query(EventQuery())[0].status == EventStatus.planned


def test_query_filters(store: SqliteEventStore) -> None:
    no_place = sample_event("c", 3).model_copy(update={"place": None})
    store.upsert([sample_event("a"), sample_event("b"), no_place])
    assert len(store.query(EventQuery(country="eg"))) == 2
    assert store.query(EventQuery(country="LY")) == []
    assert len(store.query(EventQuery(type="meeting", limit=1))) == 1
    assert store.query(EventQuery(type="visit")) == []


def test_file_survives_reopening(tmp_path: Path) -> None:
    first = open_store(f"sqlite:///{tmp_path}/x/events.db")
    first.upsert([sample_event()])
    first.close()
    second = open_store(str(tmp_path / "x" / "events.db"))
    assert second.count() == 1
    second.close()


def test_database_urls() -> None:
    assert sqlite_path("sqlite:///var/hadath-events.db") == "var/hadath-events.db"
    assert sqlite_path("sqlite:////tmp/e.db") == "/tmp/e.db"
    assert sqlite_path("events.db") == "events.db"
    with pytest.raises(ValueError, match="unsupported database URL"):
        open_store("mysql://localhost/db")


def test_fingerprint_ignores_only_extraction_time() -> None:
    event = sample_event()
    later = event.model_copy(update={"extracted_at": dt.datetime(2031, 1, 1, tzinfo=dt.UTC)})
    assert content_fingerprint(event) == content_fingerprint(later)
    assert content_fingerprint(event) != content_fingerprint(event.model_copy(update={"confidence": 0.5}))
    row = event_row(event)
    assert (row.country_code, row.type, row.event_date) == ("EG", "meeting", "2024-05-06")
