"""Publishing article files to Kafka (``hadath publish`` and ``hadath up --publish``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rich.progress import Progress

from services.article_files import count_records, read_articles
from shared.kafka import make_producer
from shared.settings import Settings


@dataclass
class PublishReport:
    topic: str
    published: int = 0
    invalid: list[tuple[str, str]] = field(default_factory=list)


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
        for line in read_articles(path):
            if line.article is None:
                report.invalid.append((line.origin, line.error or "invalid"))
            if line.article is not None and not raw:
                producer.send(topic, key=line.key, value=line.article.model_dump_json().encode())
                report.published += 1
            elif raw:
                producer.send(topic, key=line.key, value=line.raw)
                report.published += 1
            if progress and task is not None:
                progress.advance(task)
        producer.flush(timeout=60)
    finally:
        if progress:
            progress.stop()
        producer.close(timeout=10)
    return report
