"""Recovering from a broker that came back empty (the embedded broker keeps everything in memory).

When tansu restarts, its topics and committed offsets are gone, and it does not answer a fetch beyond
the end of a partition with OFFSET_OUT_OF_RANGE. So every stage worker checks every few seconds that
hadath's topics exist (creating the missing ones) and whether its source topic is still the same topic (its
topic id). On Apache Kafka neither happens and the check costs one metadata request.

A recreated source topic must be read again from offset 0. A seek to 0 when the check notices is not
enough (that was the flaky broker-restart test); what happens instead:

- the broker forgot the group, so the group rejoins, and the new assignment drops any earlier seek;
- until then the consumer fetches from its old positions: it skips the first messages of the new log and
  processes later ones. faust finishes those during the rejoin and commits their offsets, and tansu
  accepts the commit from a member it does not know. After the rejoin faust seeks to that stale offset.
- a fetch that waited through the rejoin returns the new assignment's records before faust resumes its
  flow; faust drops them and seeks back to the committed offsets, but aiokafka's ``seek_to_committed``
  leaves a partition with no committed offset (or 0) where it is, past the dropped records.

So: (1) "seek to committed" sends a partition with no committed offset (or 0) to its start
(:func:`read_uncommitted_partitions_from_start`); (2) in the rebalance, when faust has stopped its flow and
is about to seek to the committed offsets (its ``on_rebalance_complete`` signal), the guard commits offset 0
for its source partitions, overwriting stale commits, and drops faust's in-memory acks of them. It asks for a
rebalance when none is on its way, and rewinds at every rebalance for ``RESET_WINDOW_S`` after noticing, as
another replica's stale commit can land on a partition it gets later. Messages processed from the old
positions are processed again (at-least-once; the sink upserts).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import time
from typing import TYPE_CHECKING, Any

from aiokafka.structs import OffsetAndMetadata, TopicPartition
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

from shared.kafka import KafkaUnavailable, admin_client, create_missing_topics
from shared.settings import Settings

if TYPE_CHECKING:
    import faust

log = logging.getLogger("hadath.broker_reset")

CHECK_INTERVAL_S = 2.0
RESET_WINDOW_S = 30.0
"""After noticing a recreated source topic, every rebalance for this long rewinds the worker's partitions of it."""


def ensure_topics(admin: KafkaAdminClient, settings: Settings, watched: str) -> tuple[list[str], str | None]:
    """Create hadath's missing topics; return them and the topic id of ``watched`` (None if unknown)."""
    missing = create_missing_topics(admin, settings.kafka, settings.topics)
    described = admin.describe_topics([watched])
    topic_id = described[0].get("topic_id") if described else None
    return missing, str(topic_id) if topic_id else None


def read_uncommitted_partitions_from_start() -> None:
    """Make faust's seek to the committed offsets send a partition without one (or with 0) to its start.

    faust seeks to the committed offsets after every rebalance and whenever it drops records fetched while its
    flow was stopped; aiokafka's ``seek_to_committed`` skips such partitions, so the dropped records were
    skipped for good. The start is where a partition without a committed offset is read from anyway
    (``consumer_auto_offset_reset="earliest"``).
    """
    from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

    thread = AIOKafkaConsumerThread
    seek = getattr(thread.seek_to_committed, "__wrapped__", thread.seek_to_committed)

    @functools.wraps(seek)
    async def seek_to_committed(self: Any) -> Any:
        committed = await seek(self)
        uncommitted = [tp for tp, offset in committed.items() if not offset]
        if uncommitted:
            await self.call_thread(self._ensure_consumer().seek_to_beginning, *uncommitted)
        return committed

    thread.seek_to_committed = seek_to_committed  # type: ignore[method-assign]


class BrokerResetGuard:
    """Notices a recreated source topic and has the worker read its partitions of it again from offset 0."""

    def __init__(self, app: faust.App, settings: Settings, source_topic: str) -> None:
        self.app = app
        self.settings = settings
        self.source_topic = source_topic
        self.topic_id: str | None = None
        self.admin: KafkaAdminClient | None = None
        self.reset_at: float | None = None
        """When the check noticed a recreation (monotonic seconds); None before any."""
        self.rewound = True
        """Whether a rebalance has rewound the source partitions since then."""

    def broker_state(self) -> tuple[list[str], str | None]:
        """ensure_topics over one admin client kept open between checks (a new one each time costs ~17 ms CPU)."""
        if self.admin is None:
            kafka = self.settings.kafka
            self.admin = admin_client(kafka, timeout_s=CHECK_INTERVAL_S, request_timeout_s=CHECK_INTERVAL_S)
        try:
            return ensure_topics(self.admin, self.settings, self.source_topic)
        except Exception:
            self.close()  # a broker that went away: connect afresh next time
            raise

    def close(self) -> None:
        admin, self.admin = self.admin, None
        if admin is not None:
            with contextlib.suppress(Exception):
                admin.close()

    async def check(self) -> None:
        try:
            created, topic_id = await asyncio.get_running_loop().run_in_executor(None, self.broker_state)
        except (KafkaUnavailable, KafkaError, OSError) as exc:  # broker down: the next tick tries again
            log.debug("broker state check skipped: %r", exc)
            return
        if created:
            log.warning("the broker had lost topics %s: recreated them", ", ".join(created))
        if topic_id is None:
            return
        if self.topic_id is not None and topic_id != self.topic_id:
            self.reset_at, self.rewound = time.monotonic(), False
            log.warning("%s was recreated (the broker restarted empty): it is read from the start after the "
                        "group's rebalance", self.source_topic)
        self.topic_id = topic_id
        if not self.rewound and not self.app.rebalancing:  # no rebalance on its way: ask for one
            thread = self.consumer._thread
            await thread.call_thread(thread._ensure_consumer()._coordinator.request_rejoin)

    @property
    def consumer(self) -> Any:
        """faust's consumer, with the private parts the rewind needs."""
        return self.app.consumer

    def rewinding(self) -> bool:
        """Whether the rebalance in progress must rewind the source partitions."""
        if self.reset_at is None:
            return False
        return not self.rewound or time.monotonic() - self.reset_at < RESET_WINDOW_S

    async def rewind(self) -> list[int]:
        """Commit offset 0 for the assigned source partitions and drop faust's in-memory acks of them.

        Runs in a rebalance before faust seeks to the committed offsets, with its flow stopped.
        """
        consumer = self.consumer
        tps = sorted(tp for tp in consumer.assignment() if tp.topic == self.source_topic)
        if tps:
            thread = consumer._thread
            offsets = {TopicPartition(tp.topic, tp.partition): OffsetAndMetadata(0, "") for tp in tps}
            await thread.call_thread(thread._ensure_consumer().commit, offsets)
        for tp in tps:
            for acks in (consumer._acked, consumer._acked_index, consumer._gap):
                acks.pop(tp, None)
        return [tp.partition for tp in tps]


def guard_against_broker_reset(app: faust.App, settings: Settings, source_topic: str) -> BrokerResetGuard:
    """Run the guard's check on a timer inside the worker, and its rewind in the rebalances that need it."""
    read_uncommitted_partitions_from_start()
    guard = BrokerResetGuard(app, settings, source_topic)

    @app.timer(interval=CHECK_INTERVAL_S, on_leader=False)
    async def check_broker_state() -> None:
        try:
            await guard.check()
        except Exception as exc:  # e.g. mid-rebalance; never let the check take the worker down
            log.warning("broker state check failed: %r", exc)

    @app.on_rebalance_complete.connect  # type: ignore[arg-type]
    async def rewind_recreated_source(sender: object, **kwargs: object) -> None:
        if not guard.rewinding():
            return
        try:
            partitions = await guard.rewind()
        except Exception as exc:  # the next check asks for another rebalance
            log.warning("rewinding %s failed: %r", source_topic, exc)
            return
        guard.rewound = True
        log.warning("%s: reading it from the start (partitions %s)", source_topic,
                    ", ".join(map(str, partitions)) or "none assigned")

    @app.on_before_shutdown.connect  # type: ignore[arg-type]
    async def close_admin(sender: object, **kwargs: object) -> None:
        guard.close()

    return guard
