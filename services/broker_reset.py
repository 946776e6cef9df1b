"""Recovering from a broker that came back empty (the embedded broker keeps everything in memory).

When tansu restarts, its topics and committed offsets are gone, and it does not answer a fetch beyond
the end of a partition with OFFSET_OUT_OF_RANGE: a consumer still positioned at offset N would silently
skip the first N messages of the new log. So every stage worker checks every few seconds that hadath's
topics exist (creating the missing ones) and whether its source topic is still the same topic (its
topic id); a recreated source topic is read again from the start. On Apache Kafka neither happens and
the check costs one metadata request.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

from shared.kafka import KafkaUnavailable, admin_client, create_missing_topics
from shared.settings import Settings

if TYPE_CHECKING:
    import faust

log = logging.getLogger("hadath.broker_reset")

CHECK_INTERVAL_S = 2.0


def ensure_topics(admin: KafkaAdminClient, settings: Settings, watched: str) -> tuple[list[str], str | None]:
    """Create hadath's missing topics; return them and the topic id of ``watched`` (None if unknown)."""
    missing = create_missing_topics(admin, settings.kafka, settings.topics)
    described = admin.describe_topics([watched])
    topic_id = described[0].get("topic_id") if described else None
    return missing, str(topic_id) if topic_id else None


class BrokerResetGuard:
    """Notices a recreated source topic and rewinds the worker's partitions of it to offset 0."""

    def __init__(self, app: faust.App, settings: Settings, source_topic: str) -> None:
        self.app = app
        self.settings = settings
        self.source_topic = source_topic
        self.topic_id: str | None = None
        self.admin: KafkaAdminClient | None = None

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
            rewound = await self.rewind()
            log.warning("%s was recreated (the broker restarted empty): reading it from the start (%s)",
                        self.source_topic, ", ".join(rewound) or "no partition assigned yet")
        self.topic_id = topic_id

    async def rewind(self) -> list[str]:
        consumer = self.app.consumer
        rewound = []
        for tp in sorted(consumer.assignment()):
            if tp.topic == self.source_topic:
                await consumer.seek(tp, 0)
                rewound.append(f"partition {tp.partition}")
        return rewound


def guard_against_broker_reset(app: faust.App, settings: Settings, source_topic: str) -> BrokerResetGuard:
    """Run the guard's check on a timer inside the worker."""
    guard = BrokerResetGuard(app, settings, source_topic)

    @app.timer(interval=CHECK_INTERVAL_S, on_leader=False)
    async def check_broker_state() -> None:
        try:
            await guard.check()
        except Exception as exc:  # e.g. mid-rebalance; never let the check take the worker down
            log.warning("broker state check failed: %r", exc)

    @app.on_before_shutdown.connect  # type: ignore[arg-type]
    async def close_admin(sender: object, **kwargs: object) -> None:
        guard.close()

    return guard
