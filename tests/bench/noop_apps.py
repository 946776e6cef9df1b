"""A no-op pipeline of hadath's shape, the baseline the real pipeline is compared with.

Same four topics, same four consumer groups, same faust app options and the same stage runner
(shared.stage.build_faust_app: decode, limits, send, wait for the broker's ack, metrics); only the
logic differs: each stage reads the article id from the JSON and passes the bytes on unchanged. The last
stage records each arrival in a SQLite table (one transaction per message, like the real sink), so both
pipelines are timed the same way: until the last row is stored.

Run one worker: ``python -m tests.bench.noop_apps STAGE [--replica N]``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from services.supervisor import ready_file
from services.worker import _metrics
from shared.kafka import STAGES
from shared.settings import Settings, get_settings
from shared.stage import Stage, build_faust_app

ARRIVALS_SCHEMA = "CREATE TABLE IF NOT EXISTS arrivals (key TEXT NOT NULL, stored_at REAL NOT NULL)"


class Passthrough(BaseModel):
    """A message carried unchanged: its raw JSON and the article id read from it."""

    raw: bytes
    key: str

    def model_dump_json(self, **_: Any) -> str:  # type: ignore[override]
        """The original bytes, so the stage runner sends the message on as it came."""
        return self.raw.decode()


def decode_passthrough(raw: bytes) -> Passthrough:
    return Passthrough.model_construct(raw=raw, key=str(json.loads(raw)["id"]))


def sqlite_path(database_url: str) -> Path:
    if not database_url.startswith("sqlite:///"):
        raise ValueError(f"the no-op sink records into SQLite only, got {database_url!r}")
    return Path(database_url.removeprefix("sqlite:///"))


class ArrivalRecorder:
    """The no-op sink: one row (key, wall-clock time) per message, committed one by one."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=30.0, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(ARRIVALS_SCHEMA)

    def write(self, message: Passthrough) -> Sequence[BaseModel]:
        self.db.execute("INSERT INTO arrivals (key, stored_at) VALUES (?, ?)", (message.key, time.time()))
        return []


def build_noop_stage(name: str, settings: Settings) -> Stage[Passthrough]:
    topics = settings.topics
    flow = [topics.articles_raw, topics.articles_segmented, topics.events_detected, topics.events]
    index = STAGES.index(name)
    sink_topic = flow[index + 1] if index + 1 < len(flow) else None
    if sink_topic is None:
        recorder = ArrivalRecorder(sqlite_path(settings.sink.database_url))
        process = recorder.write
    else:
        def process(message: Passthrough) -> Sequence[BaseModel]:
            return [message]
    return Stage(
        name=name,
        source_topic=flow[index],
        sink_topic=sink_topic,
        decode=decode_passthrough,
        process=process,
        key_of=lambda message: message.key,
        body_of=lambda message: "",
        limits=settings.limits,
    )


def run_noop_worker(name: str, replica: int) -> None:
    """Like services.worker.run_worker, with the no-op stage."""
    import faust

    settings = get_settings()
    app = build_faust_app(build_noop_stage(name, settings), settings, replica, _metrics())
    ready = ready_file(settings.service.data_dir, name, replica)
    ready.unlink(missing_ok=True)

    @app.on_partitions_assigned.connect  # type: ignore[arg-type]
    async def _mark_ready(sender: object, assigned: object, **kwargs: object) -> None:
        ready.parent.mkdir(parents=True, exist_ok=True)
        ready.write_text(str(sorted(map(str, assigned))) if isinstance(assigned, set) else "")

    logging.getLogger("hadath").setLevel(settings.service.log_level)
    worker = faust.Worker(app, loglevel=settings.service.log_level, quiet=True, redirect_stdouts=False)
    worker.spinner = None  # as services.worker: no DEBUG root logger
    worker.execute_from_commandline()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=STAGES)
    parser.add_argument("--replica", type=int, default=0)
    args = parser.parse_args()
    run_noop_worker(args.stage, args.replica)


if __name__ == "__main__":
    main()
