"""Sample messages for tests: complete, valid, and small."""

from __future__ import annotations

import datetime as dt

from shared.schemas import (
    Article,
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


def sample_article(article_id: str = "art-1", body: str = "التقى الرئيس بالوزير في القاهرة يوم الاثنين.") -> Article:
    return Article(id=article_id, title="عنوان", body=body, published_at=dt.date(2024, 5, 6), source="test")


def sample_event(
    article_id: str = "art-1", trigger_start: int = 0, status: EventStatus = EventStatus.occurred
) -> Event:
    """A complete events.v1 message (every field filled)."""
    body = sample_article(article_id).body
    return Event(
        event_id=event_id(article_id, EventType.meeting, trigger_start),
        article_id=article_id,
        type=EventType.meeting,
        status=status,
        cameo_code="040",
        plover_category="CONSULT",
        participants=[
            Participant(name="الرئيس", kind=ParticipantKind.person, role=ParticipantRole.party, title="الرئيس"),
            Participant(name="الوزير", kind=ParticipantKind.person, role=ParticipantRole.party),
        ],
        place=Place(
            text="القاهرة", start=22, end=29, name="القاهرة", name_en="Cairo", country_code="EG", lat=30.04,
            lon=31.24, precision=PlacePrecision.city, gazetteer_id="geonames:360630",
        ),
        date=dt.date(2024, 5, 6),
        trigger="التقى",
        triggers=[Trigger(start=0, end=5, text="التقى")],
        evidence=[Evidence(start=0, end=len(body), text=body)],
        confidence=0.8,
        article_published_at=dt.date(2024, 5, 6),
        source="test",
        extracted_at=dt.datetime(2024, 5, 6, 12, 0, tzinfo=dt.UTC),
        producer_version="0.1.0",
    )
