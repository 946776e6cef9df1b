"""The provisioned dashboards: generated from their script, decodable by grafana-foundation-sdk, wired to
provisioned datasources and to metrics hadath really registers."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from prometheus_client import CollectorRegistry

from shared.metrics import build_metrics

from .deploy_modules import load_deploy_module

REPO = Path(__file__).resolve().parents[2]
DASHBOARD_DIR = REPO / "deploy/grafana/dashboards"
build_dashboards = load_deploy_module("grafana/build_dashboards")
verify = load_deploy_module("verify_dashboards")


def dashboards() -> dict[str, dict[str, Any]]:
    return {path.name: json.loads(path.read_text()) for path in sorted(DASHBOARD_DIR.glob("*.json"))}


def test_committed_json_is_what_the_script_generates():
    assert set(dashboards()) == set(build_dashboards.DASHBOARDS)
    for name, build in build_dashboards.DASHBOARDS.items():
        expected = build_dashboards.render(build)
        assert (DASHBOARD_DIR / name).read_text() == expected, f"rerun build_dashboards.py for {name}"


def test_local_prometheus_config_is_up_to_date():
    prometheus_local = load_deploy_module("prometheus_local")
    assert prometheus_local.OUT.read_text() == prometheus_local.local_config()


@pytest.mark.parametrize("name", ["pipeline.json", "events.json"])
def test_dashboard_decodes_with_grafana_foundation_sdk(name: str):
    decoded = verify.decode_dashboard(dashboards()[name])
    assert decoded.problems == []
    assert decoded.panels >= 5


def test_decoding_reports_an_unknown_panel_type():
    broken = json.loads(json.dumps(dashboards()["events.json"]))
    broken["panels"][0]["type"] = "no-such-panel"
    assert any("no-such-panel" in p for p in verify.decode_dashboard(broken).problems)


def test_every_query_uses_a_provisioned_datasource_uid():
    provisioned = yaml.safe_load((REPO / "deploy/grafana/provisioning/datasources/hadath.yml").read_text())
    uids = {ds["uid"]: ds["type"] for ds in provisioned["datasources"]}
    for dashboard in dashboards().values():
        for query in verify.dashboard_queries(dashboard):
            assert uids.get(query.datasource_uid) == query.datasource_type, query


def test_hadath_metric_names_exist_in_the_metrics_contract():
    registry = CollectorRegistry()
    build_metrics(registry)
    suffixes = {"counter": ("_total",), "histogram": ("_bucket", "_sum", "_count"), "gauge": ("",)}
    exported = {family.name + suffix for family in registry.collect() for suffix in suffixes[family.type]}
    for dashboard in dashboards().values():
        for query in verify.dashboard_queries(dashboard):
            for metric in re.findall(r"\bhadath_\w+", query.text):
                assert metric in exported, f"{metric} is not registered by shared/metrics.py"


def test_dashboards_cover_what_operators_asked_for():
    texts = {name: " ".join(q.text for q in verify.dashboard_queries(d)) for name, d in dashboards().items()}
    pipeline, events = texts["pipeline.json"], texts["events.json"]
    for needle in ("histogram_quantile(0.5", "histogram_quantile(0.95", "histogram_quantile(0.99",
                   "kafka_consumergroup_lag", "hadath_dead_letters_total", "up{", "rebalance"):
        assert needle in pipeline
    for needle in ("latitude", "participants", "evidence", "status"):
        assert needle in events
    assert any(p["type"] == "geomap" for p in dashboards()["events.json"]["panels"])


def test_grafana_macros_are_substituted_into_runnable_text():
    window = verify.TimeWindow(start=1_700_000_000.0, end=1_700_000_600.0)
    sql = verify.expand_sql(
        "SELECT $__timeGroupAlias(extracted_at, $__interval), count(*) FROM events "
        "WHERE $__timeFilter(extracted_at) GROUP BY 1", window)
    assert "$__" not in sql
    assert "floor(extract(epoch from extracted_at) / 60) * 60 AS \"time\"" in sql
    assert "extracted_at BETWEEN '2023-11-14T22:13:20Z' AND '2023-11-14T22:23:20Z'" in sql
    promql = verify.expand_promql("rate(x[$__rate_interval]) + increase(y[$__range])", window)
    assert promql == "rate(x[600s]) + increase(y[600s])"


def test_readme_describes_every_panel():
    """The README's Operations section names every dashboard panel."""
    for path in [REPO / "README.md"]:
        text = path.read_text()
        for dashboard in dashboards().values():
            assert dashboard["title"] in text, f"{path} does not mention {dashboard['title']}"
            for panel in dashboard["panels"]:
                if panel["type"] != "row":
                    assert panel["title"].split(" (")[0] in text, f"{path} does not describe {panel['title']!r}"
