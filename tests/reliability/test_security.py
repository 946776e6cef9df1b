"""Security: secrets stay hidden, SQL is parameterised, the container runs unprivileged."""

from __future__ import annotations

import ast
import logging
import re
from pathlib import Path

import pytest

from services.sink.sqlite_store import SqliteEventStore
from services.sink.store import EventQuery
from shared.kafka import faust_broker_options, kafka_python_config
from shared.settings import Settings
from tests.factories import sample_event

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "pw-7f3a-do-not-log"


@pytest.mark.parametrize("mechanism", ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"])
@pytest.mark.parametrize("protocol", ["SASL_PLAINTEXT", "SASL_SSL"])
def test_the_sasl_password_reaches_the_clients_but_no_repr_dump_or_log(
    mechanism: str, protocol: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("HADATH_KAFKA__BOOTSTRAP_SERVERS", "kafka-1:9093,kafka-2:9093")
    monkeypatch.setenv("HADATH_KAFKA__SECURITY_PROTOCOL", protocol)
    monkeypatch.setenv("HADATH_KAFKA__SASL_MECHANISM", mechanism)
    monkeypatch.setenv("HADATH_KAFKA__SASL_USERNAME", "hadath")
    monkeypatch.setenv("HADATH_KAFKA__SASL_PASSWORD", PASSWORD)
    settings = Settings()
    assert settings.kafka.sasl_password is not None
    assert settings.kafka.sasl_password.get_secret_value() == PASSWORD

    config = kafka_python_config(settings.kafka)
    credentials = faust_broker_options(settings.kafka)["broker_credentials"]
    assert config["sasl_plain_password"] == PASSWORD and credentials.password == PASSWORD  # handed over, once
    assert (config["sasl_mechanism"], credentials.mechanism.value) == (mechanism, mechanism)
    assert config["security_protocol"] == credentials.protocol.value == protocol

    with caplog.at_level(logging.DEBUG):
        logging.getLogger("hadath.test").info("settings: %s | %r | %s", settings, settings.kafka, credentials)
        logging.getLogger("hadath.test").warning("as JSON: %s", settings.model_dump_json())
    rendered = [repr(settings), str(settings), settings.model_dump_json(), str(settings.model_dump()),
                repr(credentials), caplog.text]
    assert all(PASSWORD not in text for text in rendered)
    assert "**********" in repr(settings.kafka)


def test_sink_sql_is_parameterised_only() -> None:
    """No SQL built by formatting values: every execute() gets a constant, or a name built from constants."""
    offenders = []
    for path in sorted((REPO / "services" / "sink").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in {
                "execute", "executemany", "executescript",
            } and node.args:
                sql = node.args[0]
                formatted = isinstance(sql, ast.JoinedStr) or (
                    isinstance(sql, ast.BinOp) and isinstance(sql.op, ast.Mod | ast.Add)
                ) or (isinstance(sql, ast.Call) and isinstance(sql.func, ast.Attribute) and sql.func.attr == "format")
                if formatted:
                    offenders.append(f"{path.name}:{node.lineno}")
        # f-strings that interpolate anything but a whitelisted column name into SQL text
        for match in re.finditer(r'f"([^"]*\{(?!column\})[^"]*\}[^"]*)"', path.read_text(encoding="utf-8")):
            if re.search(r"\b(SELECT|INSERT|UPDATE|DELETE|WHERE)\b", match.group(1)):
                offenders.append(f"{path.name}: {match.group(0)}")
    assert not offenders, offenders


def test_hostile_values_are_data_not_sql(tmp_path: Path) -> None:
    store = SqliteEventStore(tmp_path / "events.db")
    hostile = "x'); DROP TABLE events; --"
    event = sample_event(hostile)
    store.upsert([event])
    assert [e.article_id for e in store.query(EventQuery(article_id=hostile))] == [hostile]
    assert store.query(EventQuery(type="meeting' OR '1'='1")) == []
    assert store.query(EventQuery(country="EG' OR 1=1 --")) == []
    assert store.count() == 1
    store.close()


def test_the_container_runs_as_an_unprivileged_user() -> None:
    lines = [line.strip() for line in (REPO / "Dockerfile").read_text(encoding="utf-8").splitlines()]
    last_from = max(i for i, line in enumerate(lines) if line.upper().startswith("FROM "))
    users = [line.split(None, 1)[1] for line in lines[last_from:] if line.upper().startswith("USER ")]
    assert users, "the runtime stage sets no USER: it would run as root"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0"}
    entry = next(i for i, line in enumerate(lines) if line.upper().startswith("ENTRYPOINT"))
    assert entry > max(i for i, line in enumerate(lines) if line.upper().startswith("USER "))
