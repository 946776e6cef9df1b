"""Settings from the environment, and how they become Kafka client options (secrets kept secret)."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from shared.kafka import STAGES, faust_broker_options, kafka_python_config, web_port
from shared.settings import KafkaSettings, Settings


def test_environment_overrides_nested_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HADATH_KAFKA__BOOTSTRAP_SERVERS", "k1:9092,k2:9092")
    monkeypatch.setenv("HADATH_LIMITS__MAX_BODY_BYTES", "2048")
    monkeypatch.setenv("HADATH_SINK__DATABASE_URL", "postgresql://u@h/db")
    settings = Settings()
    assert settings.kafka.servers == "k1:9092,k2:9092" and not settings.kafka.embedded
    assert settings.limits.max_body_bytes == 2048
    assert settings.sink.database_url == "postgresql://u@h/db"


def test_defaults_run_embedded() -> None:
    kafka = KafkaSettings()
    assert kafka.embedded and kafka.servers == "127.0.0.1:19092"
    assert kafka_python_config(kafka) == {"bootstrap_servers": ["127.0.0.1:19092"], "security_protocol": "PLAINTEXT"}
    options = faust_broker_options(kafka)
    assert options["broker"] == ["kafka://127.0.0.1:19092"]
    assert (options["broker_session_timeout"], options["broker_heartbeat_interval"]) == (6.0, 1.0)
    assert "broker_credentials" not in options


def test_sasl_scram_over_tls_reaches_both_clients_and_the_password_stays_hidden() -> None:
    kafka = KafkaSettings(
        bootstrap_servers="kafka:9093", security_protocol="SASL_SSL", sasl_mechanism="SCRAM-SHA-512",
        sasl_username="hadath", sasl_password="s3cret",  # type: ignore[arg-type]
    )
    assert "s3cret" not in repr(kafka) and "s3cret" not in str(kafka.model_dump())
    config = kafka_python_config(kafka)
    assert (config["security_protocol"], config["sasl_mechanism"]) == ("SASL_SSL", "SCRAM-SHA-512")
    assert (config["sasl_plain_username"], config["sasl_plain_password"]) == ("hadath", "s3cret")
    assert isinstance(config["ssl_context"], ssl.SSLContext)
    credentials = faust_broker_options(kafka)["broker_credentials"]
    assert (credentials.username, credentials.password, credentials.mechanism.value) == (
        "hadath", "s3cret", "SCRAM-SHA-512",
    )
    assert credentials.protocol.value == "SASL_SSL"
    assert "s3cret" not in repr(credentials)


def test_sasl_plain_without_tls() -> None:
    kafka = KafkaSettings(bootstrap_servers="k:9092", security_protocol="SASL_PLAINTEXT", sasl_username="u",
                          sasl_password="p")  # type: ignore[arg-type]
    config = kafka_python_config(kafka)
    assert config["sasl_mechanism"] == "PLAIN" and "ssl_context" not in config
    credentials = faust_broker_options(kafka)["broker_credentials"]
    assert credentials.protocol.value == "SASL_PLAINTEXT"


def test_tls_only() -> None:
    kafka = KafkaSettings(bootstrap_servers="k:9093", security_protocol="SSL")
    assert isinstance(kafka_python_config(kafka)["ssl_context"], ssl.SSLContext)
    assert faust_broker_options(kafka)["broker_credentials"].protocol.value == "SSL"


def test_web_ports_one_range_per_stage() -> None:
    assert [web_port(stage) for stage in STAGES] == [6066, 6076, 6086, 6096]
    assert web_port("sink", 2) == 6098
    assert web_port("detector", 1, first_port=30000) == 30011
    with pytest.raises(ValueError):
        web_port("sink", 10)


def test_readme_documents_every_setting() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    names = [
        f"HADATH_{group.upper()}__{name.upper()}"
        for group, field in Settings.model_fields.items()
        for name in field.annotation.model_fields  # type: ignore[union-attr]
    ]
    assert [name for name in names if f"`{name}`" not in readme] == []
