"""Publishing article files to Kafka (``hadath publish`` and ``hadath up --publish``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kafka.errors import KafkaError
from rich.progress import Progress

from services.article_files import count_records, read_articles
from shared.kafka import make_producer
from shared.settings import Settings


@dataclass
class PublishReport:
    topic: str
    published: int = 0
    invalid: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # sent but not acknowledged by the broker


def publish_path(
    settings: Settings, path: Path, topic: str, raw: bool = False, progress: Progress | None = None
) -> PublishReport:
    """Publish every article under ``path`` keyed by its id; invalid records are skipped unless ``raw``."""
    report = PublishReport(topic)
    total = count_records(path)
    producer = make_producer(settings.kafka)
    try:
        task = progress.add_task("publishing", total=total) if progress else None
        if progress:
            progress.start()
        sent: list[tuple[str, Any]] = []
        for line in read_articles(path):
            if line.article is None:
                report.invalid.append((line.origin, line.error or "invalid"))
            value = line.raw if raw else line.article.model_dump_json().encode() if line.article else None
            if value is not None:
                try:
                    sent.append((line.origin, producer.send(topic, key=line.key, value=value)))
                except KafkaError as exc:  # refused before sending, e.g. larger than the producer's max request
                    report.failed.append((line.origin, f"{type(exc).__name__}: {exc}"))
            if progress and task is not None:
                progress.advance(task)
        producer.flush(timeout=60)
        # Only what the broker acknowledged counts as published; the rest is reported, never silently dropped.
        for origin, future in sent:
            if future.succeeded():
                report.published += 1
            else:
                error = future.exception if future.is_done else "no acknowledgement from the broker within 60 s"
                report.failed.append((origin, f"{type(error).__name__}: {error}" if future.is_done else str(error)))
    finally:
        if progress:
            progress.stop()
        producer.close(timeout=10)
    return report
