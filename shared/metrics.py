"""Domain metrics (prometheus-client), base units, ``hadath_`` prefix.

The names here are a contract with ``deploy/grafana`` dashboards and ``deploy/prometheus``.
Each worker serves them next to faust's own sensor metrics on its web port at ``/metrics``.
Tests build a fresh :class:`StageMetrics` on their own ``CollectorRegistry``.
"""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram

_LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


@dataclass(frozen=True)
class StageMetrics:
    """Every metric a stage may update; stages label them with their own name."""

    messages: Counter
    articles: Counter
    events: Counter
    dead_letters: Counter
    processing_seconds: Histogram
    place_precision: Counter
    confidence: Histogram
    sink_written: Counter
    sink_duplicates: Counter


def build_metrics(registry: CollectorRegistry = REGISTRY) -> StageMetrics:
    """Register hadath's metrics on ``registry`` (once per registry)."""
    return StageMetrics(
        messages=Counter(
            "hadath_messages_total",
            "Messages consumed by a stage, by outcome (ok or dead_letter).",
            ["stage", "outcome"],
            registry=registry,
        ),
        articles=Counter(
            "hadath_articles_processed_total", "Articles a stage processed.", ["stage"], registry=registry
        ),
        events=Counter(
            "hadath_events_total",
            "Events emitted by a stage, by type and status.",
            ["stage", "type", "status"],
            registry=registry,
        ),
        dead_letters=Counter(
            "hadath_dead_letters_total",
            "Messages sent to a dead-letter topic, by stage and error class.",
            ["stage", "error"],
            registry=registry,
        ),
        processing_seconds=Histogram(
            "hadath_stage_processing_seconds",
            "Time a stage spends on one message (logic only), seconds.",
            ["stage"],
            buckets=_LATENCY_BUCKETS,
            registry=registry,
        ),
        place_precision=Counter(
            "hadath_event_place_precision_total",
            "Published events by place precision (none when no place).",
            ["precision"],
            registry=registry,
        ),
        confidence=Histogram(
            "hadath_event_confidence",
            "Confidence of published events.",
            ["type"],
            buckets=(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0),
            registry=registry,
        ),
        sink_written=Counter(
            "hadath_sink_events_written_total", "Events the sink stored (new or changed).", registry=registry
        ),
        sink_duplicates=Counter(
            "hadath_sink_duplicates_skipped_total",
            "Events the sink skipped as already stored unchanged.",
            registry=registry,
        ),
    )
