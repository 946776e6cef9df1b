"""``hadath up``: broker, topics, the four services, optional publishing, live events, clean stop."""

from __future__ import annotations

import signal
import time
from pathlib import Path
from types import FrameType

from pydantic import ValidationError
from rich.console import Console

from services.publishing import publish_path
from services.reading import assigned_consumer, now_ms, poll_until_idle
from services.sink.store import open_store
from services.supervisor import Supervisor, child_env
from shared.broker import EmbeddedBroker, port_open
from shared.kafka import STAGES, create_topics, web_port
from shared.schemas import Event
from shared.settings import Settings

READY_TIMEOUT_S = 120.0


def _stop_on_sigterm() -> None:
    def handler(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


def run_up(
    settings: Settings, *, publish: Path | None, exit_when_idle: float | None, database_url: str, workers: int,
    log_dir: Path, console: Console, status: Console,
) -> int:
    """Run the pipeline until Ctrl-C/SIGTERM or idleness; returns the process exit code."""
    from services.cli import _progress, describe_event

    _stop_on_sigterm()
    broker: EmbeddedBroker | None = None
    supervisor: Supervisor | None = None
    consumer = None
    code = 0
    seen = 0
    try:
        busy = [port for port in worker_ports(settings, workers) if port_open("127.0.0.1", port)]
        if busy:
            raise ValueError(
                f"worker web ports already in use: {busy} (another `hadath up` running?). Stop it, or shift the "
                "ports with HADATH_SERVICE__WEB_PORT"
            )
        if settings.kafka.embedded:
            broker = EmbeddedBroker(settings.kafka.embedded_host, settings.kafka.embedded_port).start()
            status.print(f"embedded broker on [bold]{broker.bootstrap_servers}[/] (memory storage)")
        else:
            status.print(f"using Kafka at [bold]{settings.kafka.servers}[/]")
        created = create_topics(settings.kafka, settings.topics)
        status.print(f"topics ready ({len(created)} created, {settings.topics.partitions} partitions each)")
        supervisor = Supervisor(child_env(settings.kafka.servers, database_url), log_dir, settings.service.data_dir)
        supervisor.start_all(workers)
        status.print(f"events store: {database_url}; worker logs: {log_dir}/")
        # Only events produced from now on: our fresh embedded broker starts empty; on an existing broker skip
        # history (by offset, and by timestamp because tansu answers "latest" offsets too low).
        since_ms = None if settings.kafka.embedded else now_ms() - 1000
        consumer = assigned_consumer(settings, [settings.topics.events], from_beginning=settings.kafka.embedded)
        with status.status(f"starting {len(supervisor.workers)} workers (joining consumer groups)…"):
            ready = supervisor.wait_ready(READY_TIMEOUT_S)
        if not ready:
            for worker in supervisor.exited() or supervisor.workers.values():
                status.print(f"[red]worker {worker.name} did not start[/]; last log lines:\n{worker.log_tail()}")
            return 1
        status.print("services running: " + ", ".join(sorted(supervisor.workers)))
        if publish is not None:
            report = publish_path(settings, publish, settings.topics.articles_raw, progress=_progress(status))
            status.print(f"published {report.published} article(s) from {publish}")
            for origin, reason in report.invalid[:10]:
                status.print(f"[yellow]skipped[/] {origin}: {reason}")
        hint = f"stops after {exit_when_idle:g}s without a new event" if exit_when_idle else "Ctrl-C stops"
        status.print(f"waiting for events ({hint})")
        last = time.monotonic()
        while True:
            batch = consumer.poll(timeout_ms=500)
            for part in batch.values():
                for record in part:
                    if since_ms is not None and record.timestamp < since_ms:
                        continue
                    last = time.monotonic()
                    try:
                        event = Event.model_validate_json(record.value or b"")
                    except ValidationError:
                        status.print(f"[yellow]unreadable message on {record.topic} at offset {record.offset}[/]")
                        continue
                    seen += 1
                    console.print(describe_event(event))
            dead = supervisor.exited()
            if dead:
                for worker in dead:
                    status.print(
                        f"[red]worker {worker.name} exited with code {worker.process.returncode}[/]; "
                        f"last log lines:\n{worker.log_tail()}"
                    )
                code = 1
                break
            if exit_when_idle is not None and time.monotonic() - last > exit_when_idle:
                status.print(f"no new event for {exit_when_idle:g}s: stopping")
                break
    except KeyboardInterrupt:
        status.print("stopping…")
    finally:
        dead_letters = _count_dead_letters(settings) if supervisor is not None else 0
        if consumer is not None:
            consumer.close()
        if supervisor is not None:
            codes = supervisor.stop_all(timeout_s=15)
            unclean = {name: rc for name, rc in codes.items() if rc != 0}
            if unclean and code == 0:
                status.print(f"[red]workers that did not stop cleanly:[/] {unclean}")
                code = code or 1
        if broker is not None:
            broker.stop()
    stored = _stored_count(database_url)
    status.print(f"{seen} event(s) seen on {settings.topics.events}; {stored} in the events store; "
                 f"{dead_letters} dead letter(s)")
    return code


def worker_ports(settings: Settings, workers: int) -> list[int]:
    return [web_port(stage, i, settings.service.web_port) for stage in STAGES for i in range(workers)]


def _count_dead_letters(settings: Settings) -> int:
    try:
        consumer = assigned_consumer(settings, [t for t in settings.topics.all() if t.endswith(".dlq")], True)
    except Exception:
        return 0
    try:
        return sum(1 for _ in poll_until_idle(consumer, 1.0))
    finally:
        consumer.close()


def _stored_count(database_url: str) -> str:
    try:
        store = open_store(database_url)
    except Exception as exc:
        return f"? ({exc})"
    try:
        return str(store.count())
    finally:
        store.close()
