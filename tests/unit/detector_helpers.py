"""Helpers for the detector's unit tests: detect events in a small Arabic text."""

from __future__ import annotations

import datetime as dt

from services.detector.logic import detect
from services.segmenter.logic import segment
from shared.arabic import normalize
from shared.schemas import Article, DetectedEvent

PUBLISHED = dt.date(2025, 8, 12)  # a Tuesday


def events(body: str, published: dt.date | None = PUBLISHED) -> list[DetectedEvent]:
    return detect(segment(Article(id="unit", body=body, published_at=published))).events


def names(event: DetectedEvent) -> set[str]:
    return {p.name for p in event.participants}


def one(body: str, kind: str, published: dt.date | None = PUBLISHED) -> DetectedEvent:
    """The single event of type ``kind`` in ``body`` (fails when there is none or several)."""
    found = [e for e in events(body, published) if e.type.value == kind]
    assert len(found) == 1, [(e.type.value, e.status.value, sorted(names(e))) for e in events(body, published)]
    return found[0]


def has_name(event: DetectedEvent, name: str) -> bool:
    return any(normalize(p.name) == normalize(name) for p in event.participants)
