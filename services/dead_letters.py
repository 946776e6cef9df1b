"""Reading and replaying dead-letter topics (``hadath dlq``)."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any

from kafka import TopicPartition
from kafka.structs import OffsetAndMetadata

from services.reading import assigned_consumer, now_ms, poll_until_idle
from shared.dead_letter import original_headers, read_dead_letter
from shared.kafka import make_consumer, make_producer
from shared.settings import Settings

REPLAY_GROUP = "hadath-dlq-replay"


@dataclass(frozen=True)
class DeadLetter:
    dlq_topic: str
    partition: int
    offset: int
    key: str
    stage: str
    reason: str
    exception_class: str
    message: str
    source_topic: str
    source_partition: int | None
    source_offset: int | None
    failed_at: str
    value_preview: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def dead_letter_topics(settings: Settings, topic: str | None) -> list[str]:
    """The .dlq topics to read: all of hadath's, or the one named (given as X.dlq or as its source X)."""
    every = [t for t in settings.topics.all() if t.endswith(".dlq")]
    if topic is None:
        return every
    name = topic if topic.endswith(".dlq") else settings.topics.dlq(topic)
    if name not in every:
        raise ValueError(f"{topic!r} is not a hadath dead-letter topic; choose one of {', '.join(every)}")
    return [name]


def _describe(record: Any) -> DeadLetter:
    info = read_dead_letter(record.headers)
    value = (record.value or b"")[:200].decode("utf-8", "replace")
    return DeadLetter(
        dlq_topic=record.topic,
        partition=record.partition,
        offset=record.offset,
        key=(record.key or b"").decode("utf-8", "replace"),
        stage=info.stage if info else "",
        reason=info.reason if info else "",
        exception_class=info.exception_class if info else "",
        message=info.message if info else "(no hadath.error headers)",
        source_topic=info.topic if info else record.topic.removesuffix(".dlq"),
        source_partition=info.partition if info else None,
        source_offset=info.offset if info else None,
        failed_at=info.failed_at if info else "",
        value_preview=value,
    )


def list_dead_letters(settings: Settings, topics: list[str], idle_s: float) -> list[DeadLetter]:
    """Every dead letter in ``topics`` (read from the beginning until idle_s pass without a new one)."""
    consumer = assigned_consumer(settings, topics, from_beginning=True)
    try:
        return [_describe(record) for record in poll_until_idle(consumer, idle_s)]
    finally:
        consumer.close()


def replay_dead_letters(settings: Settings, topics: list[str], idle_s: float) -> int:
    """Republish dead letters not replayed before to their source topics; commit so each goes back once.

    Only dead letters older than this replay are sent: one that fails again lands on the same topic
    while we read it, and is left for the next replay (its partition is paused and the commit stops
    just before it).
    """
    started_ms = now_ms()
    consumer = make_consumer(settings.kafka, group_id=REPLAY_GROUP)
    producer = make_producer(settings.kafka)
    next_offsets: dict[TopicPartition, int] = {}
    replayed = 0
    try:
        consumer.subscribe(topics)
        deadline = time.monotonic() + 30
        last = time.monotonic()
        assigned = False
        while (not assigned and time.monotonic() < deadline) or time.monotonic() - last <= idle_s:
            if not assigned and consumer.assignment():
                assigned, last = True, time.monotonic()  # the idle clock starts once we own partitions
            sent = 0
            for tp, records in consumer.poll(timeout_ms=500).items():
                for record in records:
                    if record.timestamp >= started_ms:
                        consumer.pause(tp)  # dead-lettered again during this replay: next time
                        break
                    info = read_dead_letter(record.headers)
                    target = info.topic if info else record.topic.removesuffix(".dlq")
                    producer.send(target, key=record.key, value=record.value, headers=original_headers(record.headers))
                    next_offsets[tp] = record.offset + 1
                    sent += 1
            if sent:
                replayed += sent
                last = time.monotonic()
        producer.flush(timeout=60)
        if next_offsets:
            consumer.commit({tp: OffsetAndMetadata(offset, "", -1) for tp, offset in next_offsets.items()})
    finally:
        producer.close(timeout=10)
        consumer.close()
    return replayed
