"""All configuration in one place: topic names, broker, sink, limits, security.

Read once from the environment (prefix ``HADATH_``, nested with ``__``, e.g.
``HADATH_KAFKA__BOOTSTRAP_SERVERS=kafka:9092``) into frozen objects. Logic never reads the
environment; it receives what it needs from these objects.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Topics(_Frozen):
    """Topic names. Each has a dead-letter twin: ``<name>.dlq``."""

    articles_raw: str = Field("articles.raw", description="Ingest: Article, keyed by article id.")
    articles_segmented: str = Field("articles.segmented", description="SegmentedArticle, keyed by article id.")
    events_detected: str = Field("events.detected", description="DetectedEvents (one per article).")
    events: str = Field("events.v1", description="Event, the published product, keyed by article id.")
    partitions: int = Field(4, ge=1, description="Partitions per topic when hadath creates them.")
    replication_factor: int = Field(1, ge=1, description="Replication factor when hadath creates topics.")

    def dlq(self, topic: str) -> str:
        """Dead-letter topic of ``topic``."""
        return f"{topic}.dlq"

    def all(self) -> list[str]:
        """Every topic hadath uses, dead-letter topics included, in flow order."""
        main = [self.articles_raw, self.articles_segmented, self.events_detected, self.events]
        return [t for topic in main for t in (topic, self.dlq(topic))]


class KafkaSettings(_Frozen):
    """How to reach Kafka. No bootstrap servers means: start the embedded broker."""

    bootstrap_servers: str | None = Field(None, description="host:port[,host:port]; empty runs the embedded broker.")
    embedded_host: str = Field("127.0.0.1", description="Interface the embedded broker listens on.")
    embedded_port: int = Field(19092, description="Port of the embedded broker.")
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = Field(
        "PLAINTEXT", description="Kafka security protocol."
    )
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = Field(
        None, description="SASL mechanism when the protocol is SASL_*."
    )
    sasl_username: str | None = Field(None, description="SASL user name.")
    sasl_password: SecretStr | None = Field(None, description="SASL password (never logged).")
    ssl_cafile: Path | None = Field(None, description="CA bundle to verify the brokers.")
    ssl_certfile: Path | None = Field(None, description="Client certificate (mutual TLS).")
    ssl_keyfile: Path | None = Field(None, description="Client private key (mutual TLS).")
    session_timeout_s: float = Field(6.0, description="Consumer group session timeout (short: fast rebalances).")
    heartbeat_interval_s: float = Field(1.0, description="Consumer group heartbeat interval.")
    max_message_bytes: int = Field(
        16 * 1024 * 1024,
        ge=1_000_000,
        description="Largest message hadath produces or fetches; topics it creates accept it (max.message.bytes). "
        "A segmented article carries every token, 6 to 7 times its body, so this must exceed 7 x "
        "limits.max_body_bytes. On an existing cluster raise message.max.bytes to match.",
    )
    fetch_max_wait_s: float = Field(
        0.05, gt=0,
        description="Longest a consumer fetch waits for new records. Kafka answers as soon as one arrives; the "
        "embedded tansu broker holds a fetch for much of this wait (faust's fixed 1.5 s added ~0.4 s per stage).",
    )
    producer_linger_s: float = Field(
        0.0, ge=0,
        description="How long a producer waits to fill a batch before sending it (Kafka's linger.ms).",
    )

    @property
    def servers(self) -> str:
        """The bootstrap servers actually used (the embedded broker's address when none is set)."""
        return self.bootstrap_servers or f"{self.embedded_host}:{self.embedded_port}"

    @property
    def embedded(self) -> bool:
        return not self.bootstrap_servers


class SinkSettings(_Frozen):
    """Where events are stored."""

    database_url: str = Field(
        "sqlite:///var/hadath-events.db",
        description="sqlite:///path (default) or postgresql://user:pass@host/db.",
    )
    pool_size: int = Field(4, ge=1, description="PostgreSQL connection pool size.")


class LimitSettings(_Frozen):
    """What a stage accepts before it dead-letters a message."""

    max_body_bytes: int = Field(1_000_000, ge=1, description="Largest article body (UTF-8 bytes) accepted.")
    article_time_budget_s: float = Field(5.0, gt=0, description="Most time one article may take in one stage.")
    min_arabic_ratio: float = Field(
        0.5, ge=0.0, le=1.0,
        description="Least share of a body's letters that must be Arabic; below it the segmenter dead-letters the "
        "article as not Arabic.",
    )


class ExtractionSettings(_Frozen):
    """Choices of the Arabic pipeline."""

    segmenter_backend: Literal["builtin", "farasa"] = Field("builtin", description="builtin (offline) or farasa.")
    farasa_jar_dir: Path | None = Field(None, description="Folder holding the Farasa jars for the farasa backend.")


class ServiceSettings(_Frozen):
    """Runtime of a faust worker."""

    web_port: int = Field(6066, description="First port for worker web servers (metrics at /metrics).")
    data_dir: Path = Field(Path("var/faust"), description="Where faust keeps its local state.")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field("INFO", description="Log level.")
    in_flight: int = Field(
        8, ge=1,
        description="Messages a worker handles while earlier ones still wait for the broker's ack (faust agent "
        "concurrency). Logic still runs one message at a time, in consumption order; 1 waits for every ack.",
    )


class Settings(BaseSettings):
    """Everything configurable, read from ``HADATH_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="HADATH_", env_nested_delimiter="__", frozen=True, extra="ignore")

    topics: Topics = Field(default_factory=Topics, description="Topic names and layout.")  # type: ignore[arg-type]
    kafka: KafkaSettings = Field(default_factory=KafkaSettings, description="Broker connection.")  # type: ignore[arg-type]
    sink: SinkSettings = Field(default_factory=SinkSettings, description="Event store.")  # type: ignore[arg-type]
    limits: LimitSettings = Field(default_factory=LimitSettings, description="Input limits.")  # type: ignore[arg-type]
    extraction: ExtractionSettings = Field(default_factory=ExtractionSettings, description="Arabic pipeline.")  # type: ignore[arg-type]
    service: ServiceSettings = Field(default_factory=ServiceSettings, description="Worker runtime.")  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
