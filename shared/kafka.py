"""Kafka plumbing shared by the services and the CLI: client settings, topic creation, producers.

One source of truth for how hadath talks to Kafka, so faust (aiokafka) and kafka-python get the same
servers and the same security. Secrets stay ``SecretStr`` until the moment a client needs them.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import ssl
import time
from collections.abc import Iterable
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.admin import NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from shared.settings import KafkaSettings, Topics

log = logging.getLogger(__name__)

STAGES: tuple[str, ...] = ("segmenter", "detector", "geolocator", "sink")
"""The four services, in flow order."""

MAX_REPLICAS = 10
"""Replicas per stage that get their own web port (ports of one stage are MAX_REPLICAS apart)."""


def web_port(stage: str, replica: int = 0, first_port: int = 6066) -> int:
    """The web/metrics port of one worker: the one place that maps (stage, replica) to a port.

    With the default first port (settings.service.web_port = 6066): segmenter 6066, detector 6076,
    geolocator 6086, sink 6096; replica i of a stage listens on its base + i.
    """
    if not 0 <= replica < MAX_REPLICAS:
        raise ValueError(f"replica must be in 0..{MAX_REPLICAS - 1}, got {replica}")
    return first_port + STAGES.index(stage) * MAX_REPLICAS + replica


def consumer_group(stage: str) -> str:
    """Consumer group (and faust app id) of a stage; every replica of a stage joins it."""
    return f"hadath-{stage}"


class KafkaUnavailable(RuntimeError):
    """No broker answered at the configured bootstrap servers."""


def ssl_context(kafka: KafkaSettings) -> ssl.SSLContext | None:
    """TLS context for SSL/SASL_SSL (CA and optional client certificate), None for plaintext."""
    if kafka.security_protocol not in ("SSL", "SASL_SSL"):
        return None
    context = ssl.create_default_context(cafile=str(kafka.ssl_cafile) if kafka.ssl_cafile else None)
    if kafka.ssl_certfile:
        context.load_cert_chain(str(kafka.ssl_certfile), str(kafka.ssl_keyfile) if kafka.ssl_keyfile else None)
    return context


def kafka_python_config(kafka: KafkaSettings) -> dict[str, Any]:
    """Connection and security options for kafka-python clients (producer, consumer, admin)."""
    config: dict[str, Any] = {
        "bootstrap_servers": kafka.servers.split(","),
        "security_protocol": kafka.security_protocol,
    }
    context = ssl_context(kafka)
    if context is not None:
        config["ssl_context"] = context
    if kafka.security_protocol.startswith("SASL"):
        config["sasl_mechanism"] = kafka.sasl_mechanism or "PLAIN"
        config["sasl_plain_username"] = kafka.sasl_username
        config["sasl_plain_password"] = kafka.sasl_password.get_secret_value() if kafka.sasl_password else None
    return config


def faust_broker_options(kafka: KafkaSettings) -> dict[str, Any]:
    """``faust.App`` options for the broker connection, security and the fast group-join timings tansu needs."""
    import faust  # faust is heavy to import; the CLI only needs it in workers

    options: dict[str, Any] = {
        "broker": [f"kafka://{server}" for server in kafka.servers.split(",")],
        "broker_session_timeout": kafka.session_timeout_s,
        "broker_heartbeat_interval": kafka.heartbeat_interval_s,
        "producer_max_request_size": kafka.max_message_bytes,
        "consumer_max_fetch_size": kafka.max_message_bytes,
        "producer_linger": kafka.producer_linger_s,
    }
    context = ssl_context(kafka)
    if kafka.security_protocol.startswith("SASL"):
        options["broker_credentials"] = faust.SASLCredentials(
            username=kafka.sasl_username,
            password=kafka.sasl_password.get_secret_value() if kafka.sasl_password else None,
            mechanism=kafka.sasl_mechanism or "PLAIN",
            ssl_context=context,
        )
    elif context is not None:
        options["broker_credentials"] = faust.SSLCredentials(context)
    return options


def ensure_reachable(kafka: KafkaSettings, timeout_s: float = 3.0) -> None:
    """Fail fast (instead of after the clients' long retries) when no bootstrap server accepts connections."""
    from shared.broker import port_open

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for server in kafka.servers.split(","):
            host, _, port = server.strip().rpartition(":")
            if port.isdigit() and port_open(host.strip("[]") or "localhost", int(port), 0.5):
                return
        time.sleep(0.2)
    hint = " (no broker configured: run `hadath up` or `hadath broker`)" if kafka.embedded else ""
    raise KafkaUnavailable(f"no Kafka broker answers at {kafka.servers}{hint}")


def set_faust_fetch_wait(kafka: KafkaSettings) -> None:
    """Make faust's consumers wait at most ``kafka.fetch_max_wait_s`` per fetch (faust hard-codes 1.5 s).

    faust builds its aiokafka consumer with ``fetch_max_wait_ms=1500`` and no setting to change it; the
    consumer reads the value only when it starts, so it is set on the consumer right after faust creates it.
    """
    from faust.transport.drivers import aiokafka as faust_aiokafka

    thread = faust_aiokafka.AIOKafkaConsumerThread
    create = getattr(thread._create_worker_consumer, "__wrapped__", thread._create_worker_consumer)
    wait_ms = int(kafka.fetch_max_wait_s * 1000)

    @functools.wraps(create)
    def create_with_fetch_wait(self: Any, transport: Any) -> Any:
        consumer = create(self, transport)
        consumer._fetch_max_wait_ms = wait_ms
        return consumer

    thread._create_worker_consumer = create_with_fetch_wait  # type: ignore[method-assign]


def admin_client(kafka: KafkaSettings, timeout_s: float = 15.0, request_timeout_s: float = 30.0) -> KafkaAdminClient:
    """An admin client, retrying until the broker answers or timeout_s passes."""
    ensure_reachable(kafka)
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return KafkaAdminClient(
                client_id="hadath-admin", request_timeout_ms=int(request_timeout_s * 1000), **kafka_python_config(kafka)
            )
        except KafkaError as exc:
            if time.monotonic() > deadline:
                raise KafkaUnavailable(f"no Kafka broker answers at {kafka.servers}: {exc}") from exc
            time.sleep(0.5)


def create_topics(kafka: KafkaSettings, topics: Topics, names: Iterable[str] | None = None) -> list[str]:
    """Create hadath's topics (and their .dlq twins) if missing; returns the ones created now."""
    admin = admin_client(kafka)
    try:
        return create_missing_topics(admin, kafka, topics, names)
    finally:
        admin.close()


def create_missing_topics(
    admin: KafkaAdminClient, kafka: KafkaSettings, topics: Topics, names: Iterable[str] | None = None
) -> list[str]:
    """With an open admin client: create the missing ones of ``names`` (all of hadath's by default)."""
    wanted = list(names) if names is not None else topics.all()
    existing = set(admin.list_topics())
    missing = [name for name in wanted if name not in existing]
    if missing:
        accept = {"max.message.bytes": str(kafka.max_message_bytes)}
        new = [NewTopic(name, topics.partitions, topics.replication_factor, topic_configs=accept) for name in missing]
        with contextlib.suppress(TopicAlreadyExistsError):  # another process was faster
            admin.create_topics(new)
    return missing


def make_producer(kafka: KafkaSettings, **overrides: Any) -> KafkaProducer:
    """A kafka-python producer: acks=all, idempotence off (tansu loses producer ids on restart)."""
    config: dict[str, Any] = {
        "client_id": "hadath-cli",
        "acks": "all",
        "enable_idempotence": False,
        "retries": 5,
        "linger_ms": 5,
        "max_request_size": kafka.max_message_bytes,
        **kafka_python_config(kafka),
        **overrides,
    }
    ensure_reachable(kafka)
    try:
        return KafkaProducer(**config)
    except KafkaError as exc:
        raise KafkaUnavailable(f"no Kafka broker answers at {kafka.servers}") from exc


def make_consumer(kafka: KafkaSettings, **overrides: Any) -> KafkaConsumer:
    """A kafka-python consumer (not subscribed; callers assign or subscribe)."""
    config: dict[str, Any] = {
        "client_id": "hadath-cli",
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        "session_timeout_ms": int(kafka.session_timeout_s * 1000),
        "heartbeat_interval_ms": int(kafka.heartbeat_interval_s * 1000),
        "fetch_max_wait_ms": int(kafka.fetch_max_wait_s * 1000),
        "max_partition_fetch_bytes": kafka.max_message_bytes,
        "fetch_max_bytes": max(kafka.max_message_bytes, 52_428_800),
        **kafka_python_config(kafka),
        **overrides,
    }
    ensure_reachable(kafka)
    try:
        return KafkaConsumer(**config)
    except KafkaError as exc:
        raise KafkaUnavailable(f"no Kafka broker answers at {kafka.servers}") from exc
