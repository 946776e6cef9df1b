"""Geolocator service: events.detected (DetectedEvents) -> events.v1 (Event, one message per event)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import BaseModel

from services.geolocator.logic import geolocate
from services.warm_up import warm_up_geolocator
from shared.metrics import StageMetrics
from shared.schemas import DetectedEvents, Event
from shared.settings import Settings
from shared.stage import Stage


def count_published(metrics: StageMetrics, _: DetectedEvents, outputs: Sequence[BaseModel]) -> None:
    for event in outputs:
        if isinstance(event, Event):
            metrics.events.labels("geolocator", event.type.value, event.status.value).inc()
            metrics.place_precision.labels(event.place.precision.value if event.place else "none").inc()
            metrics.confidence.labels(event.type.value).observe(event.confidence)


def build_stage(settings: Settings, metrics: StageMetrics) -> Stage[DetectedEvents]:
    return Stage(
        name="geolocator",
        source_topic=settings.topics.events_detected,
        sink_topic=settings.topics.events,
        decode=DetectedEvents.model_validate_json,
        process=lambda detected: geolocate(detected, dt.datetime.now(dt.UTC)),
        key_of=lambda detected: detected.article.id,
        body_of=lambda detected: detected.article.body,
        limits=settings.limits,
        observe=count_published,
        warm_up=warm_up_geolocator,
    )


def __getattr__(name: str) -> object:
    """``faust -A services.geolocator.app worker`` support: the app is built on first access."""
    if name == "app":
        from services.worker import create_app

        return create_app("geolocator")
    raise AttributeError(name)
