"""The events store: one interface, SQLite (embedded default) or PostgreSQL, chosen by URL."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from shared.schemas import Event


@dataclass(frozen=True)
class UpsertResult:
    """What one write did: events stored (new or changed) and events skipped as already stored."""

    written: int
    duplicates: int


@dataclass(frozen=True)
class EventQuery:
    """Filters for reading events back."""

    type: str | None = None
    country: str | None = None
    article_id: str | None = None
    limit: int | None = None


class EventStore(Protocol):
    """Idempotent on ``event_id``: storing the same event twice writes it once."""

    def upsert(self, events: Iterable[Event]) -> UpsertResult: ...

    def query(self, query: EventQuery) -> list[Event]: ...

    def count(self) -> int: ...

    def close(self) -> None: ...


def open_store(database_url: str, pool_size: int = 4) -> EventStore:
    """The store for ``database_url`` (``sqlite:///path`` or ``postgresql://…``), schema created or migrated.

    A bare file path is taken as a SQLite file. ``sqlite:///var/x.db`` is relative to the working
    directory, ``sqlite:////abs/x.db`` absolute (SQLAlchemy's convention). ``pool_size`` is the PostgreSQL
    connection pool size (SQLite has no pool).
    """
    if database_url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        from services.sink.postgres_store import PostgresEventStore  # only needed (and importable) for PostgreSQL

        return PostgresEventStore(database_url, pool_size=pool_size)  # type: ignore[no-any-return]
    from services.sink.sqlite_store import SqliteEventStore

    return SqliteEventStore(sqlite_path(database_url))


def sqlite_path(database_url: str) -> str:
    """The file path in a ``sqlite:///`` URL (or the argument itself when it is a plain path)."""
    if database_url.startswith("sqlite:///"):
        return database_url[len("sqlite:///"):]
    if "://" in database_url:
        raise ValueError(f"unsupported database URL {database_url!r}: use sqlite:///path or postgresql://...")
    return database_url
