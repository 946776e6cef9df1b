"""The detector's output validates to itself and serialises without type warnings (a guard for how it is built)."""

from __future__ import annotations

import datetime as dt
import warnings

from services.detector.logic import detect
from services.segmenter.logic import segment
from shared.schemas import Article, DetectedEvents, ParticipantKind, ParticipantRole
from tests.bench.corpus import load_dev_articles


def test_dev_outputs_validate_to_themselves() -> None:
    articles = [
        *load_dev_articles(),
        Article(
            id="unit",
            body="استقبل الرئيس عبد الفتاح السيسي اليوم وزير الخارجية الأمريكي.",
            published_at=dt.date(2025, 8, 12),
        ),
    ]
    participants = 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pydantic warns when serialising a value of the wrong type
        for article in articles:
            detected = detect(segment(article))
            message = detected.model_dump_json()
            assert DetectedEvents.model_validate_json(message).model_dump_json() == message
            for event in detected.events:
                for p in event.participants:
                    assert type(p.kind) is ParticipantKind and type(p.role) is ParticipantRole
                    participants += 1
    assert participants
