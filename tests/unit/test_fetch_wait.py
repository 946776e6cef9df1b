"""shared.kafka.set_faust_fetch_wait: faust's consumers get hadath's fetch wait instead of faust's fixed 1.5 s."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from faust.transport.drivers import aiokafka as faust_aiokafka

from shared.kafka import set_faust_fetch_wait
from shared.settings import KafkaSettings


def test_consumer_created_by_faust_gets_the_configured_fetch_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    def faust_creates(self: Any, transport: Any) -> SimpleNamespace:
        return SimpleNamespace(_fetch_max_wait_ms=1500, transport=transport)

    thread = faust_aiokafka.AIOKafkaConsumerThread
    monkeypatch.setattr(thread, "_create_worker_consumer", faust_creates)
    set_faust_fetch_wait(KafkaSettings(fetch_max_wait_s=0.25))
    set_faust_fetch_wait(KafkaSettings(fetch_max_wait_s=0.1))  # a second app in the process: re-wraps faust's, once

    consumer = thread._create_worker_consumer(object(), "transport")  # type: ignore[arg-type]
    assert consumer._fetch_max_wait_ms == 100
    assert consumer.transport == "transport"
    assert thread._create_worker_consumer.__wrapped__ is faust_creates  # type: ignore[attr-defined]


def test_fetch_wait_must_be_positive() -> None:
    with pytest.raises(ValueError):
        KafkaSettings(fetch_max_wait_s=0)
