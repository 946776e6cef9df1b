"""Geolocation: detected events -> published events with their place resolved. Pure."""

from __future__ import annotations

import datetime as dt

from services.geolocator.gazetteer import Gazetteer, default_gazetteer
from services.geolocator.resolution import ArticlePlaces, ResolvedPlace, resolve_places
from shared import __version__
from shared.schemas import DetectedEvent, DetectedEvents, Event, Place, PlacePrecision, event_id


def geolocate(detected: DetectedEvents, extracted_at: dt.datetime, gazetteer: Gazetteer | None = None) -> list[Event]:
    """Resolve each event's place (or null) and build the final ``events.v1`` messages."""
    if not detected.events:
        return []
    article = detected.article
    participants = [p for e in detected.events for p in e.participants]
    places = ArticlePlaces(article.body, gazetteer or default_gazetteer(), participants)
    sentences = [(s.start, s.end) for s in detected.sentences] or [(0, len(article.body))]
    resolved = resolve_places(places, detected.events, sentences)
    return [
        _event(detected, event, place, extracted_at) for event, place in zip(detected.events, resolved, strict=True)
    ]


_PRECISIONS = {precision.value: precision for precision in PlacePrecision}  # (faster than calling the enum)


def _place(resolved: ResolvedPlace | None) -> Place | None:
    if resolved is None:
        return None
    entry = resolved.entry
    return Place(
        text=resolved.text, start=resolved.start, end=resolved.end, name=entry.name, name_en=entry.name_en,
        country_code=entry.country_code, lat=entry.lat, lon=entry.lon, precision=_PRECISIONS[entry.precision],
        gazetteer_id=entry.id,
    )


def _event(
    detected: DetectedEvents, event: DetectedEvent, place: ResolvedPlace | None, extracted_at: dt.datetime
) -> Event:
    article = detected.article
    first = event.triggers[0]
    return Event(
        event_id=event_id(article.id, event.type, first.start),
        article_id=article.id,
        type=event.type,
        status=event.status,
        cameo_code=event.cameo_code,
        plover_category=event.plover_category,
        participants=event.participants,
        place=_place(place),
        date=event.date,
        trigger=first.text,
        triggers=event.triggers,
        evidence=event.evidence,
        confidence=event.confidence,
        article_published_at=article.published_at,
        source=article.source,
        extracted_at=extracted_at,
        producer_version=__version__,
    )
