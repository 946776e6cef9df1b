#!/bin/sh
# docker-entrypoint-initdb.d hook of the Compose PostgreSQL: creates Grafana's read-only role.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v reader_password="$GRAFANA_READER_PASSWORD" -v owner="$POSTGRES_USER" \
  -f /docker-entrypoint-initdb.d/grafana_reader.psql
