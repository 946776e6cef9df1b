"""A real pipeline for reliability tests: its own embedded broker, one worker per stage, a SQLite sink.

The workers run from a snapshot of the code (tests.chaos.snapshot), so edits made while a long test runs
cannot change what the restarted workers execute.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from services.supervisor import Supervisor, child_env
from shared.broker import EmbeddedBroker, free_port
from shared.kafka import create_topics
from shared.settings import KafkaSettings, LimitSettings, Settings
from tests.chaos.snapshot import snapshot_code, snapshot_env
from tests.conftest import free_web_port_base


@dataclass
class Pipeline:
    broker: EmbeddedBroker
    settings: Settings
    supervisor: Supervisor
    database_url: str
    work: Path


@contextmanager
def running_pipeline(
    work: Path, extra_env: dict[str, str] | None = None, limits: LimitSettings | None = None
) -> Iterator[Pipeline]:
    """Start broker, topics and the four workers in ``work``; stop everything on exit."""
    broker = EmbeddedBroker(port=free_port()).start()
    database_url = f"sqlite:///{work / 'events.db'}"
    code = snapshot_code(work / "code")
    env = snapshot_env(child_env(broker.bootstrap_servers, database_url, {
        "HADATH_SERVICE__DATA_DIR": str(work / "faust"),
        "HADATH_SERVICE__WEB_PORT": str(free_web_port_base()),
        **(extra_env or {}),
    }), code)
    kafka = KafkaSettings(bootstrap_servers=broker.bootstrap_servers)
    settings = Settings(kafka=kafka, limits=limits or LimitSettings())
    create_topics(settings.kafka, settings.topics)
    previous = Path.cwd()
    os.chdir(code)  # workers run `python -m services.cli`: the current folder leads their import path
    supervisor = Supervisor(env, work / "logs", work / "faust")
    try:
        supervisor.start_all(1)
        assert supervisor.wait_ready(120), {w.name: w.log_tail() for w in supervisor.workers.values()}
        yield Pipeline(broker, settings, supervisor, database_url, work)
    finally:
        os.chdir(previous)
        supervisor.stop_all(timeout_s=15)
        broker.stop()
