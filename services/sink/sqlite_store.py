"""The embedded default events store: one SQLite file, idempotent upsert on ``event_id``."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from services.sink.logic import event_row
from services.sink.store import EventQuery, UpsertResult
from shared.schemas import Event

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    event_id     TEXT PRIMARY KEY,
    article_id   TEXT NOT NULL,
    type         TEXT NOT NULL,
    status       TEXT NOT NULL,
    country_code TEXT,
    event_date   TEXT,
    extracted_at TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    payload      TEXT NOT NULL,
    stored_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE INDEX IF NOT EXISTS events_type ON events (type);
CREATE INDEX IF NOT EXISTS events_country ON events (country_code);
"""

# Insert, or replace only when the content changed: an identical replay changes no row.
_UPSERT = """
INSERT INTO events (event_id, article_id, type, status, country_code, event_date, extracted_at, fingerprint, payload)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (event_id) DO UPDATE SET
    article_id = excluded.article_id, type = excluded.type, status = excluded.status,
    country_code = excluded.country_code, event_date = excluded.event_date, extracted_at = excluded.extracted_at,
    fingerprint = excluded.fingerprint, payload = excluded.payload
WHERE events.fingerprint <> excluded.fingerprint
"""


class SqliteEventStore:
    """Events in a SQLite file (WAL mode, so several sink workers and readers can share it)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), timeout=30.0, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def upsert(self, events: Iterable[Event]) -> UpsertResult:
        written = duplicates = 0
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for event in events:
                row = event_row(event)
                cursor = self._db.execute(
                    _UPSERT,
                    (row.event_id, row.article_id, row.type, row.status, row.country_code, row.event_date,
                     row.extracted_at, row.fingerprint, row.payload),
                )
                if cursor.rowcount:
                    written += 1
                else:
                    duplicates += 1
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return UpsertResult(written=written, duplicates=duplicates)

    def query(self, query: EventQuery) -> list[Event]:
        clauses: list[str] = []
        params: list[object] = []
        for column, value in (("type", query.type), ("country_code", query.country), ("article_id", query.article_id)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value.upper() if column == "country_code" else value)
        sql = "SELECT payload FROM events"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY article_id, rowid"
        if query.limit is not None:
            sql += " LIMIT ?"
            params.append(query.limit)
        return [Event.model_validate_json(payload) for (payload,) in self._db.execute(sql, params)]

    def count(self) -> int:
        (total,) = self._db.execute("SELECT count(*) FROM events").fetchone()
        return int(total)

    def close(self) -> None:
        self._db.close()
