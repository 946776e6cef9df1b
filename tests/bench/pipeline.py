"""Parts (b)-(d): a pipeline on a fresh embedded broker, timed from publish to what the sink stored.

Each run gets its own tansu broker (memory storage), topics, data dir, web ports and SQLite file, and
starts the workers as `hadath up` does (services.supervisor), either the real stages or the no-op ones.
Times come from one clock: the bench's wall clock at publish, and the sink's insert time (the real sink's
``stored_at`` column, the no-op sink's ``arrivals.stored_at``), both on this machine.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from kafka import KafkaProducer

from services.reading import assigned_consumer, poll_until_idle
from services.supervisor import Supervisor, WorkerProcess, child_env, ready_file
from shared.broker import EmbeddedBroker, free_port, port_open
from shared.kafka import STAGES, create_topics, make_producer
from shared.settings import Settings
from tests.bench.corpus import BenchArticle

READY_TIMEOUT_S = 120.0


def free_web_port_base() -> int:
    """A first port with 40 free ports after it (4 stages x 10 replicas) for the workers' web servers.

    Below Linux's ephemeral range (32768-60999), where outgoing connections could take a port checked free.
    """
    for base in range(22_000, 32_500, 250):
        if not any(port_open("127.0.0.1", base + i, 0.02) for i in range(40)):
            return base
    raise RuntimeError("no free port range for worker web servers")


class BenchSupervisor(Supervisor):
    """services.supervisor.Supervisor with a chosen worker module (the real CLI or the no-op apps)."""

    def __init__(self, env: dict[str, str], log_dir: Path, data_dir: Path, noop: bool) -> None:
        super().__init__(env, log_dir, data_dir)
        self.noop = noop

    def command(self, stage: str, replica: int) -> list[str]:
        if self.noop:
            return [sys.executable, "-m", "tests.bench.noop_apps", stage, "--replica", str(replica)]
        return [sys.executable, "-m", "services.cli", "worker", stage, "--replica", str(replica)]

    def start_worker(self, stage: str, replica: int = 0) -> WorkerProcess:
        name = f"{stage}-{replica}"
        ready_file(self.data_dir, stage, replica).unlink(missing_ok=True)
        log_path = self.log_dir / f"{name}.log"
        handle = log_path.open("ab")
        process = subprocess.Popen(
            self.command(stage, replica), env=self.env, stdout=handle, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
        worker = WorkerProcess(stage, replica, process, log_path, handle)
        self.workers[name] = worker
        return worker


@dataclass(frozen=True)
class Timed:
    """Articles published (with the wall-clock time each was sent) and how long publishing took."""

    sent_at: dict[str, float]
    publish_s: float

    @property
    def started(self) -> float:
        return min(self.sent_at.values())


def peak_rss_mb(pid: int) -> float | None:
    """Peak resident set size of a process (VmHWM), in MB, or None if it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a process has used so far, or None if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _parse_stored_at(value: str) -> float:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


class BenchPipeline:
    """Broker + workers of one pipeline (real or no-op), with ``replicas`` workers per stage."""

    def __init__(self, *, noop: bool, replicas: int, partitions: int, keep: bool = False) -> None:
        self.noop = noop
        self.replicas = replicas
        self.partitions = partitions
        self.keep = keep
        self.workdir = Path(tempfile.mkdtemp(prefix="hadath-bench-"))
        self.database = self.workdir / "events.db"
        self.broker = EmbeddedBroker(port=free_port())
        self.supervisor: BenchSupervisor | None = None
        self.settings: Settings | None = None
        self.startup_s = 0.0

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> BenchPipeline:
        started = time.monotonic()
        self.broker.start()
        web_base = free_web_port_base()
        env = child_env(self.broker.bootstrap_servers, f"sqlite:///{self.database}", {
            "HADATH_SERVICE__DATA_DIR": str(self.workdir / "faust"),
            "HADATH_SERVICE__WEB_PORT": str(web_base),
            "HADATH_TOPICS__PARTITIONS": str(self.partitions),
        })
        self.settings = Settings.model_validate({
            "kafka": {"bootstrap_servers": self.broker.bootstrap_servers},
            "topics": {"partitions": self.partitions},
        })
        create_topics(self.settings.kafka, self.settings.topics)
        self.supervisor = BenchSupervisor(env, self.workdir / "logs", self.workdir / "faust", self.noop)
        self.supervisor.start_all(self.replicas)
        if not self.supervisor.wait_ready(READY_TIMEOUT_S):
            tails = "\n".join(f"--- {w.name}\n{w.log_tail()}" for w in self.supervisor.workers.values())
            self.__exit__(None, None, None)
            raise RuntimeError(f"workers did not join their groups in {READY_TIMEOUT_S:g}s:\n{tails}")
        self.wait_balanced(READY_TIMEOUT_S)
        self.startup_s = time.monotonic() - started
        return self

    def balanced(self) -> bool:
        """Every stage's workers hold all partitions of its source topic between them, none twice."""
        assert self.supervisor is not None
        held: dict[str, list[int]] = {}
        for name, parts in self.assignments().items():
            held.setdefault(self.supervisor.workers[name].stage, []).extend(parts)
        return all(sorted(parts) == list(range(self.partitions)) for parts in held.values())

    def wait_balanced(self, timeout_s: float) -> None:
        """With several workers per stage, wait until the group rebalance that the later ones caused is over."""
        deadline = time.monotonic() + timeout_s
        while not self.balanced():
            if time.monotonic() > deadline:
                raise RuntimeError(f"consumer groups not balanced after {timeout_s:g}s: {self.assignments()}")
            time.sleep(0.2)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.supervisor is not None:
            self.supervisor.stop_all(timeout_s=15)
            self.supervisor = None
        self.broker.stop()
        if not self.keep:
            shutil.rmtree(self.workdir, ignore_errors=True)

    # ------------------------------------------------------------------ publishing

    def producer(self) -> KafkaProducer:
        assert self.settings is not None
        return make_producer(self.settings.kafka, client_id="hadath-bench")

    def publish_burst(self, articles: Iterable[BenchArticle]) -> Timed:
        """Publish as fast as the producer goes (batched sends, one flush at the end)."""
        assert self.settings is not None
        topic = self.settings.topics.articles_raw
        producer = self.producer()
        sent_at: dict[str, float] = {}
        started = time.monotonic()
        try:
            for article in articles:
                sent_at[article.id] = time.time()
                producer.send(topic, key=article.id.encode(), value=article.value)
            producer.flush(timeout=120)
        finally:
            producer.close(timeout=10)
        return Timed(sent_at, time.monotonic() - started)

    def publish_steady(self, articles: list[BenchArticle], rate: float) -> Timed:
        """Publish at ``rate`` articles/s on a fixed schedule (no catch-up bursts beyond the schedule)."""
        assert self.settings is not None
        topic = self.settings.topics.articles_raw
        producer = self.producer()
        sent_at: dict[str, float] = {}
        started = time.monotonic()
        try:
            for n, article in enumerate(articles):
                delay = started + n / rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                sent_at[article.id] = time.time()
                producer.send(topic, key=article.id.encode(), value=article.value)
            producer.flush(timeout=120)
        finally:
            producer.close(timeout=10)
        return Timed(sent_at, time.monotonic() - started)

    # ------------------------------------------------------------------ what the sink stored

    def stored_times(self) -> dict[str, tuple[int, float]]:
        """Per article id: (rows stored, time the last one was stored)."""
        if not self.database.exists():
            return {}
        db = sqlite3.connect(f"file:{self.database}?mode=ro", uri=True, timeout=30)
        try:
            if self.noop:
                rows = db.execute("SELECT key, count(*), max(stored_at) FROM arrivals GROUP BY key").fetchall()
                return {key: (count, float(last)) for key, count, last in rows}
            rows = db.execute("SELECT article_id, count(*), max(stored_at) FROM events GROUP BY article_id").fetchall()
            return {key: (count, _parse_stored_at(last)) for key, count, last in rows}
        except sqlite3.OperationalError:  # table not created yet
            return {}
        finally:
            db.close()

    def stored_count(self) -> int:
        return sum(count for count, _ in self.stored_times().values())

    def wait_stored(self, expected: int, timeout_s: float, idle_s: float = 30.0) -> dict[str, tuple[int, float]]:
        """Poll the sink until ``expected`` rows are stored, nothing new came for idle_s, or timeout_s."""
        deadline = time.monotonic() + timeout_s
        last_count, last_change = -1, time.monotonic()
        while True:
            stored = self.stored_times()
            count = sum(c for c, _ in stored.values())
            if count >= expected:
                return stored
            if count != last_count:
                last_count, last_change = count, time.monotonic()
            if time.monotonic() > deadline or time.monotonic() - last_change > idle_s:
                return stored
            self._check_workers()
            time.sleep(0.2)

    def _check_workers(self) -> None:
        assert self.supervisor is not None
        dead = self.supervisor.exited()
        if dead:
            tails = "\n".join(f"--- {w.name}\n{w.log_tail()}" for w in dead)
            raise RuntimeError(f"workers exited during the run:\n{tails}")

    # ------------------------------------------------------------------ processes

    def cpu_used(self) -> dict[str, float]:
        """CPU seconds each worker and the broker have used so far, by name."""
        assert self.supervisor is not None
        pids = {name: w.pid for name, w in self.supervisor.workers.items()}
        if self.broker.process is not None:
            pids["broker (tansu)"] = self.broker.process.pid
        used = {name: cpu_seconds(pid) for name, pid in pids.items()}
        return {name: seconds for name, seconds in used.items() if seconds is not None}

    def dead_letters(self) -> int:
        """Records on the dead-letter topics so far (every stage's)."""
        assert self.settings is not None
        topics = [topic for topic in self.settings.topics.all() if topic.endswith(".dlq")]
        consumer = assigned_consumer(self.settings, topics, from_beginning=True)
        try:
            return sum(1 for _ in poll_until_idle(consumer, 1.0))
        finally:
            consumer.close()

    def peak_rss(self) -> dict[str, float]:
        """VmHWM of every worker (MB), by worker name, plus the broker."""
        assert self.supervisor is not None
        peaks = {name: peak_rss_mb(w.pid) for name, w in self.supervisor.workers.items()}
        if self.broker.process is not None:
            peaks["broker (tansu)"] = peak_rss_mb(self.broker.process.pid)
        return {name: mb for name, mb in peaks.items() if mb is not None}

    def assignments(self) -> dict[str, list[int]]:
        """Partitions of its source topic each worker holds now (from its ready file, rewritten on rebalance)."""
        assert self.supervisor is not None and self.settings is not None
        topics = self.settings.topics
        sources = dict(zip(STAGES, (topics.articles_raw, topics.articles_segmented, topics.events_detected,
                                    topics.events), strict=True))
        out: dict[str, list[int]] = {}
        for name, worker in self.supervisor.workers.items():
            path = ready_file(self.supervisor.data_dir, worker.stage, worker.replica)
            text = path.read_text() if path.exists() else ""
            topic = re.escape(sources[worker.stage])
            out[name] = sorted(int(p) for p in re.findall(rf"topic='{topic}', partition=(\d+)", text))
        return out
