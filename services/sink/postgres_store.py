"""The PostgreSQL events store: one row per ``event_id``, the whole event as JSONB plus columns to filter on.

Idempotent: each row carries a hash of the event's content (everything but ``extracted_at``), and the upsert
only rewrites a row whose hash changed, so replaying the same articles writes nothing. The schema is created
or migrated when the store opens (versions recorded in ``hadath_schema_migrations``, serialised by an
advisory lock so several sink workers can start at once). Every statement takes its values as parameters.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

from services.sink.store import EventQuery, UpsertResult
from shared.schemas import Event

_MIGRATION_LOCK_ID = 0x68616461  # "hada": any constant shared by all hadath sinks


@dataclass(frozen=True)
class Migration:
    """One schema step; applied once, in version order."""

    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "events table with JSONB payload, filter columns and dashboard indexes",
        (
            """
            CREATE TABLE IF NOT EXISTS events (
                event_id             text PRIMARY KEY,
                article_id           text NOT NULL,
                type                 text NOT NULL,
                status               text NOT NULL,
                cameo_code           text NOT NULL,
                plover_category      text NOT NULL,
                date                 date,
                country_code         text,
                place_name           text,
                place_name_en        text,
                place_precision      text,
                lat                  double precision,
                lon                  double precision,
                confidence           double precision NOT NULL,
                source               text,
                article_published_at date,
                producer_version     text NOT NULL,
                extracted_at         timestamptz NOT NULL,
                content_hash         text NOT NULL,
                payload              jsonb NOT NULL,
                first_stored_at      timestamptz NOT NULL DEFAULT now(),
                updated_at           timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX IF NOT EXISTS events_extracted_at_idx ON events (extracted_at DESC)",
            "CREATE INDEX IF NOT EXISTS events_type_status_extracted_at_idx ON events (type, status, extracted_at)",
            "CREATE INDEX IF NOT EXISTS events_article_id_idx ON events (article_id)",
            "CREATE INDEX IF NOT EXISTS events_country_code_idx ON events (country_code)",
            "CREATE INDEX IF NOT EXISTS events_date_idx ON events (date)",
            "CREATE INDEX IF NOT EXISTS events_located_idx ON events (extracted_at) WHERE lat IS NOT NULL",
            "CREATE INDEX IF NOT EXISTS events_participants_idx ON events USING gin ((payload -> 'participants'))",
        ),
    ),
)

_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "type", "status", "cameo_code", "plover_category", "date", "country_code",
    "place_name", "place_name_en", "place_precision", "lat", "lon", "confidence", "source",
    "article_published_at", "producer_version", "extracted_at", "content_hash", "payload",
)
_UPDATED_ON_CHANGE = tuple(c for c in _COLUMNS if c != "event_id")

_UPSERT = sql.SQL(
    "INSERT INTO events ({columns}) VALUES ({values}) "
    "ON CONFLICT (event_id) DO UPDATE SET {updates}, updated_at = now() "
    "WHERE events.content_hash IS DISTINCT FROM EXCLUDED.content_hash "
    "RETURNING event_id"
).format(
    columns=sql.SQL(", ").join(sql.Identifier(c) for c in _COLUMNS),
    values=sql.SQL(", ").join(sql.Placeholder(c) for c in _COLUMNS),
    updates=sql.SQL(", ").join(
        sql.SQL("{col} = EXCLUDED.{col}").format(col=sql.Identifier(c)) for c in _UPDATED_ON_CHANGE
    ),
)


def content_hash(event: Event) -> str:
    """Hash of what the event says; ``extracted_at`` is left out so a re-extraction of the same text matches."""
    content = event.model_dump(mode="json", exclude={"extracted_at"})
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def event_row(event: Event) -> dict[str, Any]:
    """The column values of one event."""
    place = event.place
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "type": event.type.value,
        "status": event.status.value,
        "cameo_code": event.cameo_code,
        "plover_category": event.plover_category,
        "date": event.date,
        "country_code": place.country_code if place else None,
        "place_name": place.name if place else None,
        "place_name_en": place.name_en if place else None,
        "place_precision": place.precision.value if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "confidence": event.confidence,
        "source": event.source,
        "article_published_at": event.article_published_at,
        "producer_version": event.producer_version,
        "extracted_at": event.extracted_at,
        "content_hash": content_hash(event),
        "payload": Jsonb(event.model_dump(mode="json")),
    }


def libpq_url(url: str) -> str:
    """``url`` as libpq reads it: SQLAlchemy-style ``postgresql+psycopg://`` becomes ``postgresql://``."""
    scheme, sep, rest = url.partition("://")
    return f"postgresql://{rest}" if sep and scheme.startswith("postgresql+") else url


def migrate(conn: psycopg.Connection[Any]) -> list[int]:
    """Apply the migrations this database lacks, in one transaction; returns the versions applied."""
    applied: list[int] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK_ID,))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS hadath_schema_migrations ("
            " version integer PRIMARY KEY, description text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())"
        )
        rows = conn.execute("SELECT version FROM hadath_schema_migrations").fetchall()
        done = {int(row[0]) for row in rows}
        for migration in MIGRATIONS:
            if migration.version in done:
                continue
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO hadath_schema_migrations (version, description) VALUES (%s, %s)",
                (migration.version, migration.description),
            )
            applied.append(migration.version)
    return applied


class PostgresEventStore:
    """:class:`~services.sink.store.EventStore` on PostgreSQL through a psycopg connection pool."""

    def __init__(self, url: str, pool_size: int = 4) -> None:
        self._pool: ConnectionPool[psycopg.Connection[Any]] = ConnectionPool(
            libpq_url(url), min_size=1, max_size=max(1, pool_size), open=True, name="hadath-sink"
        )
        self._pool.wait(timeout=30.0)
        with self._pool.connection() as conn:
            self.applied_migrations = migrate(conn)

    def upsert(self, events: Iterable[Event]) -> UpsertResult:
        """Insert new events, rewrite changed ones, skip identical ones; one transaction per call."""
        rows = [event_row(event) for event in events]
        if not rows:
            return UpsertResult(written=0, duplicates=0)
        written = 0
        with self._pool.connection() as conn, conn.cursor() as cur:
            cur.executemany(_UPSERT, rows, returning=True)
            while True:
                written += len(cur.fetchall())
                if not cur.nextset():
                    break
        return UpsertResult(written=written, duplicates=len(rows) - written)

    def query(self, query: EventQuery) -> list[Event]:
        """Events matching every filter given, by article, then in order of first mention (as the SQLite store)."""
        conditions: list[sql.Composable] = []
        params: list[Any] = []
        for column, value in (
            ("type", query.type), ("country_code", query.country), ("article_id", query.article_id)
        ):
            if value is not None:
                conditions.append(sql.SQL("{} = %s").format(sql.Identifier(column)))
                params.append(value)
        statement: sql.Composable = sql.SQL("SELECT payload FROM events")
        if conditions:
            statement += sql.SQL(" WHERE ") + sql.SQL(" AND ").join(conditions)
        statement += sql.SQL(" ORDER BY article_id, (payload #>> '{triggers,0,start}')::int, event_id")
        if query.limit is not None:
            statement += sql.SQL(" LIMIT %s")
            params.append(query.limit)
        with self._pool.connection() as conn:
            rows = conn.execute(statement, params).fetchall()
        return [Event.model_validate(row[0]) for row in rows]

    def count(self) -> int:
        """Number of events stored."""
        with self._pool.connection() as conn:
            row = conn.execute("SELECT count(*) FROM events").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        """Close every pooled connection."""
        self._pool.close()
