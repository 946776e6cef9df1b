"""Shared fixtures: a real embedded broker for the session, fresh metrics registries, sample messages."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry

from shared.broker import EmbeddedBroker, free_port, port_open
from shared.metrics import StageMetrics, build_metrics
from shared.settings import get_settings

REPO = Path(__file__).resolve().parent.parent
DEV_ARTICLES = REPO / "tests" / "data" / "dev_articles.jsonl"


def free_web_port_base() -> int:
    """A first port with 40 free ports after it (4 stages x 10 replicas) for worker web servers.

    Below Linux's ephemeral range (32768-60999): a port free now there can be taken a moment later by any
    outgoing connection (a Kafka client's), and the worker then fails to bind its web server.
    """
    for _ in range(50):
        base = random.randrange(12_000, 32_000, 50)
        if not any(port_open("127.0.0.1", base + i, 0.05) for i in range(40)):
            return base
    raise RuntimeError("no free port range for worker web servers")


@pytest.fixture(scope="session")
def kafka_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedBroker]:
    """The real embedded broker on a free port; the environment points hadath (and subprocesses) at it."""
    broker = EmbeddedBroker(port=free_port()).start()
    overrides = {
        "HADATH_KAFKA__BOOTSTRAP_SERVERS": broker.bootstrap_servers,
        "HADATH_SERVICE__DATA_DIR": str(tmp_path_factory.mktemp("faust")),
        "HADATH_SERVICE__WEB_PORT": str(free_web_port_base()),
    }
    saved = {name: os.environ.get(name) for name in overrides}
    os.environ.update(overrides)
    get_settings.cache_clear()
    try:
        yield broker
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        get_settings.cache_clear()
        broker.stop()


@pytest.fixture
def metrics() -> StageMetrics:
    """hadath's metrics on a registry of their own (no state shared between tests)."""
    return build_metrics(CollectorRegistry())
