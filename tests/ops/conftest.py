"""Fixtures for the operations tests: a real PostgreSQL server for the session, a fresh database per module."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from .deploy_modules import load_deploy_module

local_postgres = load_deploy_module("local_postgres")


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
