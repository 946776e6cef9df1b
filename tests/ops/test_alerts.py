"""Prometheus alerting rules: valid, unit-tested with promtool, loaded by both Prometheus configs."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from .deploy_modules import REPO

PROMETHEUS_DIR = REPO / "deploy/prometheus"


@pytest.fixture
def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        pytest.skip("promtool missing (apt-get install prometheus; make verify-dashboards installs it)")
    return found


def test_alert_rules_pass_their_promtool_unit_tests(promtool: str):
    result = subprocess.run([promtool, "test", "rules", "alerts_test.yml"], cwd=PROMETHEUS_DIR,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alert_has_a_unit_test():
    rules = yaml.safe_load((PROMETHEUS_DIR / "alerts.yml").read_text())
    alerts = {rule["alert"] for group in rules["groups"] for rule in group["rules"]}
    tests = yaml.safe_load((PROMETHEUS_DIR / "alerts_test.yml").read_text())
    tested = {case["alertname"] for test in tests["tests"] for case in test["alert_rule_test"] if case["exp_alerts"]}
    assert alerts == tested


@pytest.mark.parametrize("config", ["prometheus.yml", "prometheus.local.yml"])
def test_both_prometheus_configs_load_the_alerts(config: str):
    loaded = yaml.safe_load((PROMETHEUS_DIR / config).read_text())
    assert loaded["rule_files"] == ["alerts.yml"]
