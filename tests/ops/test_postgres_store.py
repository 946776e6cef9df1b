"""PostgresEventStore against a real PostgreSQL: idempotent upsert, filters, migrations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from services.sink.postgres_store import PostgresEventStore, content_hash
from services.sink.store import EventQuery
from shared.schemas import (
    Event,
    EventStatus,
    EventType,
    Evidence,
    Participant,
    ParticipantKind,
    ParticipantRole,
    Place,
    PlacePrecision,
    Trigger,
    event_id,
)

pytestmark = pytest.mark.postgres

SIRTE = Place(
    text="مدينة سرت", start=40, end=49, name="سرت", name_en="Sirte", country_code="LY", lat=31.21, lon=16.59,
    precision=PlacePrecision.city, gazetteer_id="geonames:2210554",
)
CAIRO = Place(
    text="القاهرة", start=10, end=17, name="القاهرة", name_en="Cairo", country_code="EG", lat=30.06, lon=31.25,
    precision=PlacePrecision.city, gazetteer_id="geonames:360630",
)


def make_event(
    article_id: str,
    trigger_start: int,
    event_type: EventType = EventType.meeting,
    status: EventStatus = EventStatus.occurred,
    place: Place | None = SIRTE,
    extracted_at: dt.datetime = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC),
) -> Event:
    return Event(
        event_id=event_id(article_id, event_type, trigger_start),
        article_id=article_id,
        type=event_type,
        status=status,
        cameo_code="040",
        plover_category="CONSULT",
        participants=[
            Participant(name="جون برينان", kind=ParticipantKind.person, role=ParticipantRole.party),
            Participant(name="خليفة حفتر", kind=ParticipantKind.person, role=ParticipantRole.party),
        ],
        place=place,
        date=dt.date(2025, 8, 11),
        trigger="محادثات",
        triggers=[Trigger(start=trigger_start, end=trigger_start + 7, text="محادثات")],
        evidence=[Evidence(start=0, end=60, text="محادثات أجراها الجنرال مع قائد الجيش")],
        confidence=0.8,
        article_published_at=dt.date(2025, 8, 12),
        source="النهار",
        extracted_at=extracted_at,
        producer_version="0.1.0",
    )


@pytest.fixture(scope="module")
def opened_store(postgres_url: str) -> Iterator[PostgresEventStore]:
    store = PostgresEventStore(postgres_url, pool_size=2)
    yield store
    store.close()


@pytest.fixture
def store(opened_store: PostgresEventStore, postgres_url: str) -> PostgresEventStore:
    """The module's store with an empty events table."""
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("TRUNCATE events")
    return opened_store


def test_first_open_applies_migrations_and_reopen_applies_none(opened_store: PostgresEventStore, postgres_url: str):
    assert opened_store.applied_migrations == [1]
    again = PostgresEventStore(postgres_url, pool_size=1)
    try:
        assert again.applied_migrations == []
    finally:
        again.close()
    with psycopg.connect(postgres_url) as conn:
        versions = conn.execute("SELECT version FROM hadath_schema_migrations").fetchall()
    assert versions == [(1,)]


def test_sqlalchemy_style_url_opens_the_same_database(opened_store: PostgresEventStore, postgres_url: str):
    other = PostgresEventStore(postgres_url.replace("postgresql://", "postgresql+psycopg://"), pool_size=1)
    try:
        assert other.count() == opened_store.count()
    finally:
        other.close()


def test_concurrent_starts_migrate_once(postgres_server: object):
    url = postgres_server.create_database("t_concurrent_migrations")  # type: ignore[attr-defined]
    with ThreadPoolExecutor(max_workers=3) as pool:
        stores = list(pool.map(lambda _: PostgresEventStore(url, pool_size=1), range(3)))
    try:
        assert sorted(len(s.applied_migrations) for s in stores) == [0, 0, 1]
    finally:
        for s in stores:
            s.close()


def test_identical_replay_writes_nothing(store: PostgresEventStore, postgres_url: str):
    events = [make_event("a1", 10), make_event("a1", 90, EventType.visit), make_event("a2", 5)]
    empty = store.upsert([])
    assert (empty.written, empty.duplicates) == (0, 0)
    result = store.upsert(events)
    assert (result.written, result.duplicates) == (3, 0)
    with psycopg.connect(postgres_url) as conn:
        before = conn.execute("SELECT event_id, xmin::text, updated_at FROM events ORDER BY event_id").fetchall()

    replay = store.upsert(events)
    assert (replay.written, replay.duplicates) == (0, 3)
    with psycopg.connect(postgres_url) as conn:
        after = conn.execute("SELECT event_id, xmin::text, updated_at FROM events ORDER BY event_id").fetchall()
    assert after == before  # same row versions: nothing was rewritten
    assert store.count() == 3


def test_reextraction_with_only_a_new_timestamp_is_a_duplicate(store: PostgresEventStore):
    original = make_event("a1", 10)
    later = make_event("a1", 10, extracted_at=dt.datetime(2026, 11, 30, tzinfo=dt.UTC))
    assert content_hash(original) == content_hash(later)
    store.upsert([original])
    result = store.upsert([later])
    assert (result.written, result.duplicates) == (0, 1)
    assert store.query(EventQuery())[0].extracted_at == original.extracted_at


def test_changed_content_updates_the_row(store: PostgresEventStore):
    store.upsert([make_event("a1", 10, status=EventStatus.planned, place=None)])
    changed = make_event("a1", 10, status=EventStatus.occurred, place=CAIRO)
    result = store.upsert([changed])
    assert (result.written, result.duplicates) == (1, 0)
    stored = store.query(EventQuery(article_id="a1"))
    assert stored == [changed]
    assert store.count() == 1


def test_same_event_twice_in_one_batch_counts_once(store: PostgresEventStore):
    event = make_event("a1", 10)
    result = store.upsert([event, event])
    assert (result.written, result.duplicates) == (1, 1)


def test_query_filters(store: PostgresEventStore):
    visit_ly = make_event("a1", 90, EventType.visit, extracted_at=dt.datetime(2026, 11, 29, 13, tzinfo=dt.UTC))
    meeting_ly = make_event("a1", 10)
    meeting_eg = make_event("a2", 5, place=CAIRO)
    unplaced = make_event("a3", 7, EventType.training_agreement, EventStatus.proposed, place=None)
    store.upsert([unplaced, visit_ly, meeting_eg, meeting_ly])

    assert {e.event_id for e in store.query(EventQuery(type="meeting"))} == {meeting_ly.event_id, meeting_eg.event_id}
    assert store.query(EventQuery(country="EG")) == [meeting_eg]
    assert store.query(EventQuery(article_id="a1", type="visit")) == [visit_ly]
    assert store.query(EventQuery(type="visit", country="EG")) == []
    assert len(store.query(EventQuery(limit=2))) == 2
    assert len(store.query(EventQuery())) == 4
    assert store.query(EventQuery(type="training_agreement")) == [unplaced]
    assert store.query(EventQuery()) == [meeting_ly, visit_ly, meeting_eg, unplaced]  # by article, then mention


def test_columns_mirror_the_payload(store: PostgresEventStore, postgres_url: str):
    store.upsert([make_event("a1", 10), make_event("a3", 7, place=None)])
    with psycopg.connect(postgres_url) as conn:
        rows = conn.execute(
            "SELECT article_id, country_code, lat, lon, place_name, payload->'place'->>'name_en' "
            "FROM events ORDER BY article_id"
        ).fetchall()
    assert rows == [("a1", "LY", 31.21, 16.59, "سرت", "Sirte"), ("a3", None, None, None, None, None)]


def test_hostile_text_is_stored_verbatim(store: PostgresEventStore):
    article_id = "x'); DROP TABLE events; --"
    store.upsert([make_event(article_id, 1)])
    assert [e.article_id for e in store.query(EventQuery(article_id=article_id))] == [article_id]
    assert store.count() == 1


def test_open_store_dispatches_postgresql_urls_here(postgres_url: str):
    from services.sink.store import open_store

    store = open_store(postgres_url)
    try:
        assert isinstance(store, PostgresEventStore)
    finally:
        store.close()
