"""Reading a topic from the command line: every partition, from the start or the end, no consumer group."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from kafka import KafkaConsumer, TopicPartition

from shared.kafka import make_consumer
from shared.settings import Settings


def assigned_consumer(settings: Settings, topics: list[str], from_beginning: bool) -> KafkaConsumer:
    """A consumer assigned to all partitions of ``topics`` (which must exist).

    Not from the beginning means from the end; the embedded broker answers "latest" offsets wrongly
    (too low), so readers that want only new records also drop records older than when they started.
    """
    consumer = make_consumer(settings.kafka)
    partitions: list[TopicPartition] = []
    for topic in topics:
        ids = consumer.partitions_for_topic(topic)
        if not ids:
            consumer.close()
            raise ValueError(f"topic {topic!r} does not exist at {settings.kafka.servers} (start `hadath up` first)")
        partitions.extend(TopicPartition(topic, p) for p in sorted(ids))
    consumer.assign(partitions)
    if from_beginning:
        consumer.seek_to_beginning(*partitions)
    else:
        consumer.seek_to_end(*partitions)
    return consumer


def read_topic(
    settings: Settings, topic: str, from_beginning: bool, idle_timeout_s: float | None
) -> Iterator[Any]:
    """Records of ``topic`` as they come; ends after idle_timeout_s without one (None: never)."""
    since_ms = None if from_beginning else now_ms()
    consumer = assigned_consumer(settings, [topic], from_beginning)
    try:
        yield from poll_until_idle(consumer, idle_timeout_s, since_ms)
    finally:
        consumer.close()


def now_ms() -> int:
    return int(time.time() * 1000)


def poll_until_idle(
    consumer: KafkaConsumer, idle_timeout_s: float | None, since_ms: int | None = None
) -> Iterator[Any]:
    """Records from ``consumer`` (only those stamped at or after since_ms, if given) until idle_timeout_s
    pass without one (None: forever)."""
    last = time.monotonic()
    while True:
        batch = consumer.poll(timeout_ms=500)
        records = [
            record for part in batch.values() for record in part if since_ms is None or record.timestamp >= since_ms
        ]
        yield from sorted(records, key=lambda r: (r.timestamp, r.partition, r.offset))
        if records:
            last = time.monotonic()
        elif idle_timeout_s is not None and time.monotonic() - last > idle_timeout_s:
            return
