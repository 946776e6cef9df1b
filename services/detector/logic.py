"""Event detection: segmented article -> typed events with participants, status, date. Pure."""

from __future__ import annotations

from shared.schemas import DetectedEvents, SegmentedArticle


def detect(segmented: SegmentedArticle) -> DetectedEvents:
    """Find the meetings, visits and training agreements the article reports (spec/EVENTS.md)."""
    raise NotImplementedError
