"""A throwaway PostgreSQL server in a temporary directory, for tests and ``make verify-dashboards``.

Uses Debian's PostgreSQL 15 server binaries (``initdb``, ``pg_ctl``) directly: no service manager, no Docker.
PostgreSQL refuses to run as root, so when this process is root the data directory is handed to the
``postgres`` system user and every server command runs through ``runuser -u postgres``. The server listens
on 127.0.0.1 only, on a free port, with ``trust`` authentication and durability switched off (fast, and the
data is thrown away anyway).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")
_DEBIAN_PACKAGE = "postgresql-15"
_SERVICE_USER = "postgres"
SUPERUSER = "hadath"


class PostgresUnavailable(RuntimeError):
    """The server binaries are missing and cannot be installed here."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _running_as_root() -> bool:
    return os.geteuid() == 0


def ensure_installed(install: bool = True) -> Path:
    """The directory of the server binaries; installs Debian's package with apt-get when absent and root."""
    if (PG_BIN / "initdb").exists():
        return PG_BIN
    if not install or not _running_as_root() or shutil.which("apt-get") is None:
        raise PostgresUnavailable(f"{PG_BIN}/initdb is missing; install it with: apt-get install -y {_DEBIAN_PACKAGE}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=True, env=env, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", _DEBIAN_PACKAGE], check=True, env=env, capture_output=True)
    if not (PG_BIN / "initdb").exists():
        raise PostgresUnavailable(f"apt-get installed {_DEBIAN_PACKAGE} but {PG_BIN}/initdb is still missing")
    return PG_BIN


@dataclass
class TemporaryPostgres:
    """One PostgreSQL server living in a temporary directory until :meth:`stop`."""

    port: int = field(default_factory=free_port)
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="hadath-pg-")))
    _started: bool = False

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    def url(self, database: str = "postgres") -> str:
        """libpq URL of ``database`` on this server (TCP on loopback)."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _as_server_user(self, argv: list[str]) -> list[str]:
        return ["runuser", "-u", _SERVICE_USER, "--", *argv] if _running_as_root() else argv

    def start(self, timeout_s: float = 30.0) -> TemporaryPostgres:
        """initdb, then start the server and wait until it accepts connections."""
        bin_dir = ensure_installed()
        self.data_dir.mkdir(parents=True)
        if _running_as_root():
            shutil.chown(self.root, user=_SERVICE_USER)
            shutil.chown(self.data_dir, user=_SERVICE_USER)
        subprocess.run(
            self._as_server_user([
                str(bin_dir / "initdb"), "-D", str(self.data_dir), "-U", SUPERUSER, "-A", "trust",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
            ]),
            check=True, capture_output=True,
        )
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        subprocess.run(
            self._as_server_user([
                str(bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-l", str(self.log_file), "-o", options,
                "-w", "-t", str(int(timeout_s)), "start",
            ]),
            check=True, capture_output=True,
        )
        self._started = True
        self._wait_ready(bin_dir, timeout_s)
        return self

    def _wait_ready(self, bin_dir: Path, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            ready = subprocess.run(
                [str(bin_dir / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)], capture_output=True
            )
            if ready.returncode == 0:
                return
            time.sleep(0.2)
        raise RuntimeError(f"PostgreSQL on port {self.port} not ready after {timeout_s}s; see {self.log_file}")

    def create_database(self, name: str) -> str:
        """Create an empty database and return its URL."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete its directory."""
        if self._started:
            subprocess.run(
                self._as_server_user([str(PG_BIN / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "stop"]),
                capture_output=True,
            )
            self._started = False
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> TemporaryPostgres:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
