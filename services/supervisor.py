"""Process management for ``hadath up`` (and the chaos/bench harnesses): the stage workers as children.

Each worker is ``python -m services.cli worker <stage> --replica i`` with its output in a log file.
A worker signals it has joined its consumer group by writing ``<data_dir>/<stage>-<i>/ready`` (see
services.worker), so callers can wait until the pipeline actually consumes.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from shared.kafka import STAGES

_EXCEPTION_LINE = re.compile(r"^[\w.]+(Error|Exception|Exit)\b.*")


def ready_file(data_dir: Path, stage: str, replica: int) -> Path:
    """The file a worker writes once it has partitions assigned (the readiness signal)."""
    return Path(data_dir) / f"{stage}-{replica}" / "ready"


@dataclass
class WorkerProcess:
    """One running stage worker."""

    stage: str
    replica: int
    process: subprocess.Popen[bytes]
    log_path: Path
    log_handle: IO[bytes]
    started_at: float = field(default_factory=time.monotonic)

    @property
    def name(self) -> str:
        return f"{self.stage}-{self.replica}"

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def log_tail(self, lines: int = 12) -> str:
        """The end of the worker's log; when it crashed, the traceback up to the exception line."""
        try:
            text = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        starts = [i for i, line in enumerate(text) if line.startswith("Traceback")]
        if starts:
            block = text[starts[-1]:]
            ends = [i for i, line in enumerate(block) if _EXCEPTION_LINE.match(line)]
            if ends:
                return "\n".join(block[max(0, ends[-1] - lines + 1): ends[-1] + 1])
        return "\n".join(text[-lines:])


class Supervisor:
    """Starts, watches and stops stage workers; every child shares one environment (broker, sink)."""

    def __init__(self, env: dict[str, str], log_dir: Path, data_dir: Path) -> None:
        self.env = env
        self.log_dir = Path(log_dir)
        self.data_dir = Path(data_dir)
        self.workers: dict[str, WorkerProcess] = {}
        self.log_dir.mkdir(parents=True, exist_ok=True)

    def start_worker(self, stage: str, replica: int = 0) -> WorkerProcess:
        """Start (or restart) worker ``stage-replica``."""
        name = f"{stage}-{replica}"
        if name in self.workers and self.workers[name].alive():
            raise RuntimeError(f"worker {name} is already running")
        ready = ready_file(self.data_dir, stage, replica)
        ready.unlink(missing_ok=True)
        log_path = self.log_dir / f"{name}.log"
        handle = log_path.open("ab")
        process = subprocess.Popen(
            [sys.executable, "-m", "services.cli", "worker", stage, "--replica", str(replica)],
            env=self.env, stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C in the terminal reaches only us; we stop the workers in order
        )
        worker = WorkerProcess(stage, replica, process, log_path, handle)
        self.workers[name] = worker
        return worker

    def start_all(self, replicas: int = 1) -> list[WorkerProcess]:
        return [self.start_worker(stage, i) for stage in STAGES for i in range(replicas)]

    def ready(self) -> bool:
        """True when every running worker has joined its group and got its partitions."""
        return all(ready_file(self.data_dir, w.stage, w.replica).exists() for w in self.workers.values())

    def wait_ready(self, timeout_s: float = 60.0) -> bool:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.ready():
                return True
            if self.exited():
                return False
            time.sleep(0.2)
        return False

    def exited(self) -> list[WorkerProcess]:
        """Workers that have stopped (on their own or killed)."""
        return [w for w in self.workers.values() if not w.alive()]

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        self.workers[name].process.send_signal(sig)

    def stop_worker(self, name: str, timeout_s: float = 10.0) -> int:
        """SIGTERM, wait, SIGKILL after timeout_s; returns the exit code."""
        worker = self.workers[name]
        if worker.alive():
            worker.process.terminate()
        try:
            code = worker.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            worker.process.kill()
            code = worker.process.wait()
        worker.log_handle.close()
        return code

    def stop_all(self, timeout_s: float = 10.0) -> dict[str, int]:
        """Stop every worker (SIGTERM to all at once, then wait); exit codes by worker name."""
        for worker in self.workers.values():
            if worker.alive():
                worker.process.terminate()
        deadline = time.monotonic() + timeout_s
        codes: dict[str, int] = {}
        for name, worker in self.workers.items():
            try:
                codes[name] = worker.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                worker.process.kill()
                codes[name] = worker.process.wait()
                codes[name] = codes[name] if codes[name] != 0 else -signal.SIGKILL
            worker.log_handle.close()
        return codes


def child_env(bootstrap_servers: str, database_url: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for workers: ours, plus the broker and sink every child must agree on."""
    env = dict(os.environ)
    env["HADATH_KAFKA__BOOTSTRAP_SERVERS"] = bootstrap_servers
    env["HADATH_SINK__DATABASE_URL"] = database_url
    env.setdefault("PYTHONUNBUFFERED", "1")
    env.update(extra or {})
    return env
