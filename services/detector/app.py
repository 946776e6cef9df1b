"""Detector service: articles.segmented (SegmentedArticle) -> events.detected (DetectedEvents, one per article)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from services.detector.logic import detect
from services.warm_up import warm_up_detector
from shared.metrics import StageMetrics
from shared.schemas import DetectedEvents, SegmentedArticle
from shared.settings import Settings
from shared.stage import Stage


def count_detected(metrics: StageMetrics, _: SegmentedArticle, outputs: Sequence[BaseModel]) -> None:
    for output in outputs:
        if isinstance(output, DetectedEvents):
            for event in output.events:
                metrics.events.labels("detector", event.type.value, event.status.value).inc()


def build_stage(settings: Settings, metrics: StageMetrics) -> Stage[SegmentedArticle]:
    return Stage(
        name="detector",
        source_topic=settings.topics.articles_segmented,
        sink_topic=settings.topics.events_detected,
        decode=SegmentedArticle.model_validate_json,
        process=lambda segmented: [detect(segmented)],
        key_of=lambda segmented: segmented.article.id,
        body_of=lambda segmented: segmented.article.body,
        limits=settings.limits,
        observe=count_detected,
        warm_up=warm_up_detector,
    )


def __getattr__(name: str) -> object:
    """``faust -A services.detector.app worker`` support: the app is built on first access."""
    if name == "app":
        from services.worker import create_app

        return create_app("detector")
    raise AttributeError(name)
