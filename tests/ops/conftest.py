"""Fixtures for the operations tests: a real PostgreSQL server for the session, a fresh database per module."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def _load_deploy_module(name: str) -> ModuleType:
    """Import a module from ``deploy/`` (scripts, not an installed package) by its path."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "deploy" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


local_postgres = _load_deploy_module("local_postgres")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    """One PostgreSQL 15 server for the whole test session (installed with apt-get if absent and root)."""
    try:
        local_postgres.ensure_installed()
    except local_postgres.PostgresUnavailable as exc:
        pytest.skip(str(exc))
    server = local_postgres.TemporaryPostgres().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def postgres_url(postgres_server: object, request: pytest.FixtureRequest) -> str:
    """URL of an empty database made for the requesting test module."""
    name = "t_" + re.sub(r"\W", "_", request.module.__name__.rsplit(".", 1)[-1]).lower()
    return postgres_server.create_database(name)  # type: ignore[attr-defined, no-any-return]
