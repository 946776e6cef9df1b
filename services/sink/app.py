"""Sink service: events.v1 (Event) -> the events store (SQLite file or PostgreSQL), idempotent on event_id."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from functools import cached_property

from pydantic import BaseModel

from services.sink.store import EventStore, open_store
from shared.metrics import StageMetrics
from shared.schemas import Event
from shared.settings import Settings
from shared.stage import Stage

_WRITE_ATTEMPTS = 5


class StoreWriter:
    """Writes events to the store, opened on first use; retries a locked SQLite file before giving up."""

    def __init__(self, database_url: str, metrics: StageMetrics, pool_size: int = 4) -> None:
        self.database_url = database_url
        self.pool_size = pool_size
        self.metrics = metrics

    @cached_property
    def store(self) -> EventStore:
        return open_store(self.database_url, self.pool_size)

    def write(self, event: Event) -> Sequence[BaseModel]:
        for attempt in range(1, _WRITE_ATTEMPTS + 1):
            try:
                result = self.store.upsert([event])
                break
            except sqlite3.OperationalError:
                if attempt == _WRITE_ATTEMPTS:
                    raise
                time.sleep(0.2 * attempt)
        self.metrics.sink_written.inc(result.written)
        self.metrics.sink_duplicates.inc(result.duplicates)
        return []


def build_stage(settings: Settings, metrics: StageMetrics) -> Stage[Event]:
    writer = StoreWriter(settings.sink.database_url, metrics, settings.sink.pool_size)
    return Stage(
        name="sink",
        source_topic=settings.topics.events,
        sink_topic=None,
        decode=Event.model_validate_json,
        process=writer.write,
        key_of=lambda event: event.article_id,
        body_of=lambda event: "",  # no article body here; the segmenter enforced the size limit
        limits=settings.limits,
    )


def __getattr__(name: str) -> object:
    """``faust -A services.sink.app worker`` support: the app is built on first access."""
    if name == "app":
        from services.worker import create_app

        return create_app("sink")
    raise AttributeError(name)
