"""The generic stage: decode at the edge, enforce limits, call pure logic, send, count, dead-letter.

Every service is one :class:`Stage` plus a few lines of configuration in ``services/<stage>/app.py``.
:class:`StageRunner` decides what to send for one consumed record (no I/O, unit-tested with fakes);
:func:`build_faust_app` wraps it in a thin faust agent that sends what the runner returns and waits for
the broker to acknowledge it before the consumed offset can be committed (at-least-once).

A bad message never raises out of the agent: invalid JSON or schema, an oversized body, a blown time
budget or any exception from the logic becomes a dead letter on ``<source topic>.dlq``.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from shared.dead_letter import Headers, Reason, SourceRecord, dead_letter_headers
from shared.metrics import StageMetrics
from shared.settings import KafkaSettings, LimitSettings, Settings

if TYPE_CHECKING:
    import faust

log = logging.getLogger("hadath.stage")

In = TypeVar("In", bound=BaseModel)


class BodyTooLarge(ValueError):
    """The article body is larger than limits.max_body_bytes."""


_ENVELOPE_BYTES = 64 * 1024
"""Room left for the key and headers below the producer's maximum request size."""

MAX_OUTPUT_BYTES = KafkaSettings.model_fields["max_message_bytes"].default - _ENVELOPE_BYTES
"""Largest output value a stage sends by default: below the producer's ``max_request_size`` (kafka.max_message_bytes).
Sending a larger one would crash the faust agent and lose the message, so it is dead-lettered instead."""


class OutputTooLarge(ValueError):
    """An output message is larger than MAX_OUTPUT_BYTES (e.g. the tokens of a long article)."""


class TimeBudgetExceeded(TimeoutError):
    """The stage spent more than limits.article_time_budget_s on one message."""


class EmptyMessage(ValueError):
    """The record has no value (a tombstone or an empty payload)."""


class Rejected(ValueError):
    """A stage's ``admit`` check refused a decoded message; ``reason`` says why (the dead-letter reason)."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Incoming:
    """A consumed record, as bytes."""

    key: bytes | None
    value: bytes | None
    source: SourceRecord


@dataclass(frozen=True)
class Outgoing:
    """A record to produce."""

    topic: str
    key: bytes | None
    value: bytes
    headers: Headers = field(default_factory=list)


@dataclass(frozen=True)
class Stage(Generic[In]):
    """What one service does: its topics, how it decodes, the pure logic, what it counts.

    ``process`` returns the messages to send to ``sink_topic`` (keyed by ``key_of`` the input); a stage
    without a sink topic (the events sink) does its writing inside ``process`` and returns nothing.
    ``observe`` updates stage-specific metrics after a successful message. ``warm_up`` runs once when the
    worker starts, so lexicons and indexes the logic builds lazily are ready before the first message
    (whose time budget would otherwise pay for them).
    """

    name: str
    source_topic: str
    sink_topic: str | None
    decode: Callable[[bytes], In]
    process: Callable[[In], Sequence[BaseModel]]
    key_of: Callable[[In], str]
    body_of: Callable[[In], str]
    limits: LimitSettings
    observe: Callable[[StageMetrics, In, Sequence[BaseModel]], None] | None = None
    warm_up: Callable[[], object] | None = None
    admit: Callable[[In], None] | None = None
    """Checks a decoded message before the logic runs; raises Rejected to dead-letter it with its reason."""

    @property
    def dlq_topic(self) -> str:
        return f"{self.source_topic}.dlq"


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Interrupt the block with TimeBudgetExceeded after ``seconds`` (hard stop in the main thread only).

    SIGALRM interrupts pure-Python loops; a single long C call (one regex match) finishes first, and the
    runner then still rejects the message because it checks the elapsed time afterwards. The alarm
    repeats every ALARM_REPEAT_S after the budget: an exception raised inside a garbage-collector
    callback or a ``__del__`` is printed and dropped by Python, and one dropped alarm must not let a
    message run for minutes (CI saw 215 s on a 5 s budget under hypothesis's gc callback).
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise TimeBudgetExceeded(f"stage took longer than its time budget of {seconds:g}s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, ALARM_REPEAT_S)
    try:
        yield
    finally:
        _disarm_alarm()
        signal.signal(signal.SIGALRM, previous)


ALARM_REPEAT_S = 0.2
"""How often the budget alarm fires again once the budget is spent, until the block ends."""


def _disarm_alarm() -> None:
    """Stop the repeating alarm, absorbing one that fires while we stop it (the block's own exception stands)."""
    while True:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
            return
        except TimeBudgetExceeded:
            continue


class StageRunner(Generic[In]):
    """Turns one consumed record into the records to produce, counting what happened."""

    def __init__(
        self,
        stage: Stage[In],
        metrics: StageMetrics,
        clock: Callable[[], dt.datetime] | None = None,
        max_output_bytes: int = MAX_OUTPUT_BYTES,
    ) -> None:
        self.stage = stage
        self.metrics = metrics
        self.max_output_bytes = max_output_bytes
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        # The series every successful message updates, looked up once (labels() takes a lock and a dict lookup).
        self._ok = metrics.messages.labels(stage.name, "ok")
        self._articles = metrics.articles.labels(stage.name)
        self._processing_seconds = metrics.processing_seconds.labels(stage.name)

    def handle(self, record: Incoming) -> list[Outgoing]:
        """Records to send for ``record``: the logic's outputs, or one dead letter. Never raises."""
        stage = self.stage
        try:
            if not record.value:
                raise EmptyMessage("message has no value")
            message = stage.decode(record.value)
        except Exception as exc:  # ValidationError, UnicodeDecodeError, but also e.g. RecursionError: all decode
            return self._dead_letter(record, Reason.decode, exc)
        body_bytes = len(stage.body_of(message).encode("utf-8", "surrogatepass"))
        if body_bytes > stage.limits.max_body_bytes:
            error = BodyTooLarge(f"article body is {body_bytes} bytes, limit is {stage.limits.max_body_bytes}")
            return self._dead_letter(record, Reason.body_too_large, error)
        budget = stage.limits.article_time_budget_s
        started = time.perf_counter()
        try:
            with time_budget(budget):
                if stage.admit is not None:
                    stage.admit(message)
                outputs = list(stage.process(message))
            elapsed = time.perf_counter() - started
            if elapsed > budget:
                raise TimeBudgetExceeded(f"stage took {elapsed:.2f}s, budget is {budget:g}s")
            key = stage.key_of(message).encode()
            values = [out.model_dump_json().encode() for out in outputs]  # an unserialisable output is dead-lettered
            largest = max((len(value) for value in values), default=0)
            if largest > self.max_output_bytes:
                raise OutputTooLarge(
                    f"an output message would be {largest} bytes, "
                    f"above the {self.max_output_bytes}-byte message limit"
                )
        except TimeBudgetExceeded as exc:
            return self._dead_letter(record, Reason.time_budget, exc)
        except Rejected as exc:
            return self._dead_letter(record, exc.reason, exc)
        except OutputTooLarge as exc:
            return self._dead_letter(record, Reason.output_too_large, exc)
        except Exception as exc:  # any logic failure is contained, never a crash
            return self._dead_letter(record, Reason.processing, exc)
        self._processing_seconds.observe(elapsed)
        self._ok.inc()
        self._articles.inc()
        if stage.observe is not None:
            try:
                stage.observe(self.metrics, message, outputs)
            except Exception:  # a metrics bug must not lose or block a processed message
                log.exception("stage %s: metrics observer failed for key %r", stage.name, (record.key or b"")[:80])
        if stage.sink_topic is None:
            return []
        return [Outgoing(stage.sink_topic, key, value) for value in values]

    def _dead_letter(self, record: Incoming, reason: Reason, error: BaseException) -> list[Outgoing]:
        stage = self.stage
        self.metrics.messages.labels(stage.name, "dead_letter").inc()
        self.metrics.dead_letters.labels(stage.name, type(error).__name__).inc()
        source = record.source
        log.warning(
            "dead letter: stage=%s reason=%s error=%s topic=%s partition=%s offset=%s key=%r: %s",
            stage.name, reason.value, type(error).__name__, source.topic, source.partition, source.offset,
            (record.key or b"")[:80], str(error)[:300],
        )
        headers = dead_letter_headers(stage.name, reason, error, source, self.clock())
        return [Outgoing(stage.dlq_topic, record.key, record.value or b"", headers)]


# ---------------------------------------------------------------- faust binding


def build_faust_app(stage: Stage[Any], settings: Settings, replica: int, metrics: StageMetrics) -> faust.App:
    """A faust app running ``stage``: raw bytes in and out, stateless, metrics on its web port."""
    import faust
    from faust.sensors.prometheus import setup_prometheus_sensors
    from prometheus_client import REGISTRY

    from shared.kafka import consumer_group, faust_broker_options, set_faust_fetch_wait, web_port

    if stage.warm_up is not None:
        started = time.perf_counter()
        stage.warm_up()
        log.info("stage %s warmed up in %.2fs", stage.name, time.perf_counter() - started)
    set_faust_fetch_wait(settings.kafka)
    datadir = Path(settings.service.data_dir) / f"{stage.name}-{replica}"
    datadir.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        consumer_group(stage.name),
        **faust_broker_options(settings.kafka),
        key_serializer="raw",
        value_serializer="raw",
        topic_allow_declare=False,  # hadath creates its topics explicitly
        topic_disable_leader=True,
        topic_partitions=settings.topics.partitions,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        store="memory://",
        autodiscover=False,
        web_port=web_port(stage.name, replica, settings.service.web_port),
        web_host="0.0.0.0",
        datadir=str(datadir),
    )
    # faust's sensor metrics and hadath's domain metrics share the default registry, so /metrics serves both.
    setup_prometheus_sensors(app, pattern="/metrics", registry=REGISTRY, name_prefix="faust")

    runner = StageRunner(stage, metrics, max_output_bytes=settings.kafka.max_message_bytes - _ENVELOPE_BYTES)
    source = app.topic(stage.source_topic, allow_empty=True)
    targets = {stage.dlq_topic: app.topic(stage.dlq_topic)}
    if stage.sink_topic:
        targets[stage.sink_topic] = app.topic(stage.sink_topic)

    async def run(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            message = event.message
            incoming = Incoming(
                key=message.key,
                value=message.value,
                source=SourceRecord(
                    topic=message.topic,
                    partition=message.partition,
                    offset=message.offset,
                    timestamp_ms=int(message.timestamp * 1000) if message.timestamp else None,
                    headers=list(message.headers or ()),
                ),
            )
            pending = [
                await targets[out.topic].send(key=out.key, value=out.value, headers=out.headers)
                for out in runner.handle(incoming)
            ]
            # Wait for the broker's ack before the offset of the consumed message can be committed.
            await asyncio.gather(*pending)

    # Several actors share the source queue: while one awaits its acks, the next message is processed. handle()
    # never awaits, so messages are processed one at a time in consumption order (sends reorder only if the
    # producer buffer is full); faust commits an offset only once every earlier offset is acked (it tracks
    # gaps), so delivery stays at-least-once.
    app.agent(source, name=f"hadath.{stage.name}", concurrency=settings.service.in_flight)(run)
    # The lexicons, gazetteer indexes and the app live as long as the worker. Frozen, the garbage collector no
    # longer walks them on each full collection, which took 0.2 to 0.5 s with them (a stall of the stream).
    gc.freeze()
    return app
