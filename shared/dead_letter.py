"""Dead-letter records: the original bytes plus headers saying what failed where. Pure.

Modelled on Kafka Connect's ``__connect.errors.*`` headers. A dead letter keeps the source record's
key, value and headers untouched and adds ``hadath.error.*`` headers, so ``hadath dlq`` can explain it
and ``hadath dlq --replay`` can send the original bytes back to the source topic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

PREFIX = "hadath.error."
MAX_MESSAGE_CHARS = 2000

Headers = list[tuple[str, bytes]]


class Reason(StrEnum):
    """Why a message was dead-lettered (the ``hadath.error.reason`` header)."""

    decode = "decode"  # not JSON, or not the schema of the topic
    body_too_large = "body_too_large"  # article body above limits.max_body_bytes
    time_budget = "time_budget"  # the stage took longer than limits.article_time_budget_s
    not_arabic = "not_arabic"  # too few Arabic letters in the body (limits.min_arabic_ratio)
    output_too_large = "output_too_large"  # an output message above Kafka's message size limit
    processing = "processing"  # the stage logic raised


class Header(StrEnum):
    stage = PREFIX + "stage"
    reason = PREFIX + "reason"
    exception_class = PREFIX + "exception.class.name"
    exception_message = PREFIX + "exception.message"
    source_topic = PREFIX + "topic"
    source_partition = PREFIX + "partition"
    source_offset = PREFIX + "offset"
    source_timestamp = PREFIX + "timestamp"
    failed_at = PREFIX + "failed.at"


@dataclass(frozen=True)
class SourceRecord:
    """Where the failed message came from."""

    topic: str
    partition: int
    offset: int
    timestamp_ms: int | None
    headers: Sequence[tuple[str, bytes]] = ()


@dataclass(frozen=True)
class DeadLetterInfo:
    """The ``hadath.error.*`` headers of a dead letter, read back."""

    stage: str
    reason: str
    exception_class: str
    message: str
    topic: str
    partition: int | None
    offset: int | None
    timestamp_ms: int | None
    failed_at: str


def dead_letter_headers(
    stage: str, reason: Reason, error: BaseException, source: SourceRecord, now: dt.datetime
) -> Headers:
    """The source record's own headers (minus stale error headers) followed by this failure's headers."""
    message = str(error) or type(error).__name__
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[: MAX_MESSAGE_CHARS - 1] + "…"
    added = {
        Header.stage: stage,
        Header.reason: reason.value,
        Header.exception_class: f"{type(error).__module__}.{type(error).__qualname__}",
        Header.exception_message: message,
        Header.source_topic: source.topic,
        Header.source_partition: str(source.partition),
        Header.source_offset: str(source.offset),
        Header.source_timestamp: "" if source.timestamp_ms is None else str(source.timestamp_ms),
        Header.failed_at: now.astimezone(dt.UTC).isoformat(),
    }
    return original_headers(source.headers) + [(name.value, value.encode()) for name, value in added.items()]


def original_headers(headers: Sequence[tuple[str, bytes]] | None) -> Headers:
    """Headers without hadath.error.* (what a replay sends back to the source topic)."""
    return [(name, bytes(value or b"")) for name, value in (headers or ()) if not name.startswith(PREFIX)]


def read_dead_letter(headers: Sequence[tuple[str, bytes]] | None) -> DeadLetterInfo | None:
    """The failure described by a dead letter's headers, or None if it carries none."""
    found = {
        name: (value or b"").decode("utf-8", "replace") for name, value in headers or () if name.startswith(PREFIX)
    }
    if Header.source_topic not in found:
        return None

    def as_int(header: Header) -> int | None:
        text = found.get(header, "")
        return int(text) if text.lstrip("-").isdigit() else None

    return DeadLetterInfo(
        stage=found.get(Header.stage, ""),
        reason=found.get(Header.reason, ""),
        exception_class=found.get(Header.exception_class, ""),
        message=found.get(Header.exception_message, ""),
        topic=found[Header.source_topic],
        partition=as_int(Header.source_partition),
        offset=as_int(Header.source_offset),
        timestamp_ms=as_int(Header.source_timestamp),
        failed_at=found.get(Header.failed_at, ""),
    )
