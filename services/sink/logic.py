"""What the sink stores for an event, and when a write is a duplicate. Pure.

An event's identity is its ``event_id``; its content is everything except ``extracted_at`` (a replay of
the same article re-stamps that). Storing an event whose id and content are already stored writes
nothing and counts as a duplicate; a changed content (a newer extractor) replaces the stored row.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from shared.schemas import Event

_VOLATILE_FIELDS = {"extracted_at"}


def content_fingerprint(event: Event) -> str:
    """Hash of the event's content, ignoring when it was extracted."""
    payload = event.model_dump_json(exclude=_VOLATILE_FIELDS)
    return hashlib.sha256(payload.encode()).hexdigest()


@dataclass(frozen=True)
class EventRow:
    """The columns both stores keep for one event (payload = the full events.v1 JSON)."""

    event_id: str
    article_id: str
    type: str
    status: str
    country_code: str | None
    event_date: str | None
    extracted_at: str
    fingerprint: str
    payload: str


def event_row(event: Event) -> EventRow:
    """The row to upsert for ``event``."""
    return EventRow(
        event_id=event.event_id,
        article_id=event.article_id,
        type=event.type.value,
        status=event.status.value,
        country_code=event.place.country_code if event.place else None,
        event_date=event.date.isoformat() if event.date else None,
        extracted_at=event.extracted_at.isoformat(),
        fingerprint=content_fingerprint(event),
        payload=event.model_dump_json(),
    )
