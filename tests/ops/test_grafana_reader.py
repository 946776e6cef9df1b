"""Compose's read-only Grafana role (deploy/postgres/grafana_reader.psql) on a real PostgreSQL: created before
the sink makes its table, it can still read the events, and it cannot write."""

from __future__ import annotations

import subprocess

import psycopg
import pytest

from services.sink.postgres_store import PostgresEventStore

from .conftest import local_postgres
from .deploy_modules import REPO
from .test_postgres_store import make_event

pytestmark = pytest.mark.postgres


def test_reader_role_made_before_the_table_reads_but_cannot_write(postgres_url: str):
    owner = local_postgres.SUPERUSER
    subprocess.run(
        [str(local_postgres.PG_BIN / "psql"), postgres_url, "-v", "ON_ERROR_STOP=1", "-v", "reader_password=secret",
         "-v", f"owner={owner}", "-q", "-f", str(REPO / "deploy/postgres/grafana_reader.psql")],
        check=True, capture_output=True,
    )
    store = PostgresEventStore(postgres_url, pool_size=1)  # creates the events table after the grants
    try:
        store.upsert([make_event("a1", 10)])
    finally:
        store.close()
    reader_url = postgres_url.replace(f"{owner}@", "grafana_reader:secret@", 1)
    with psycopg.connect(reader_url) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (1,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM events")
