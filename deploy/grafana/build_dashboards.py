"""Writes the provisioned Grafana dashboards (``dashboards/pipeline.json`` and ``dashboards/events.json``).

The dashboards are data derived from this script: edit the panels here, run
``.venv/bin/python deploy/grafana/build_dashboards.py`` and commit both. A test fails when the JSON files
and this script disagree. Metric names come from ``shared/metrics.py`` (hadath), faust's Prometheus
sensor (``faust_*``, name prefix set in ``shared/stage.py``) and kafka-exporter (``kafka_*``).

PromQL uses Grafana's ``$__rate_interval`` and ``$__range``; SQL uses ``$__timeFilter(col)`` and
``$__timeGroupAlias(col, $__interval)``. ``deploy/verify_dashboards.py`` substitutes them before running
each query against real servers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

PROMETHEUS = {"type": "prometheus", "uid": "hadath-prometheus"}
POSTGRES = {"type": "grafana-postgresql-datasource", "uid": "hadath-postgres"}
SCHEMA_VERSION = 39
OUT_DIR = Path(__file__).resolve().parent / "dashboards"

Panel = dict[str, Any]


def prom_target(expr: str, legend: str, ref: str = "A", instant: bool = False) -> dict[str, Any]:
    return {
        "datasource": PROMETHEUS,
        "refId": ref,
        "expr": expr,
        "legendFormat": legend,
        "range": not instant,
        "instant": instant,
        "editorMode": "code",
    }


def sql_target(raw_sql: str, fmt: str, ref: str = "A") -> dict[str, Any]:
    return {"datasource": POSTGRES, "refId": ref, "rawSql": raw_sql, "format": fmt,
            "rawQuery": True, "editorMode": "code"}


def panel(
    panel_id: int, title: str, kind: str, grid: tuple[int, int, int, int], targets: list[dict[str, Any]],
    description: str, datasource: dict[str, str] = PROMETHEUS, unit: str | None = None,
    options: dict[str, Any] | None = None, custom: dict[str, Any] | None = None,
) -> Panel:
    x, y, w, h = grid
    defaults: dict[str, Any] = {}
    if unit:
        defaults["unit"] = unit
    if custom:
        defaults["custom"] = custom
    return {
        "id": panel_id,
        "type": kind,
        "title": title,
        "description": description,
        "datasource": datasource,
        "gridPos": {"x": x, "y": y, "w": w, "h": h},
        "targets": targets,
        "fieldConfig": {"defaults": defaults, "overrides": []},
        "options": options or {},
    }


def row(panel_id: int, title: str, y: int) -> Panel:
    return {"id": panel_id, "type": "row", "title": title, "collapsed": False, "panels": [],
            "gridPos": {"x": 0, "y": y, "w": 24, "h": 1}}


def timeseries_options() -> dict[str, Any]:
    return {"legend": {"displayMode": "table", "placement": "right", "showLegend": True, "calcs": ["lastNotNull"]},
            "tooltip": {"mode": "multi", "sort": "desc"}}


def dashboard(uid: str, title: str, description: str, panels: list[Panel], refresh: str, time_from: str) -> dict:
    return {
        "uid": uid,
        "title": title,
        "description": description,
        "tags": ["hadath"],
        "editable": True,
        "schemaVersion": SCHEMA_VERSION,
        "version": 1,
        "refresh": refresh,
        "time": {"from": time_from, "to": "now"},
        "timezone": "utc",
        "graphTooltip": 1,
        "templating": {"list": []},
        "annotations": {"list": []},
        "links": [{"title": "Events", "type": "link", "url": "/d/hadath-events"},
                  {"title": "Pipeline", "type": "link", "url": "/d/hadath-pipeline"}],
        "panels": panels,
    }


STAGES_ORDER = 'stage=~"segmenter|detector|geolocator|sink"'
HADATH_JOBS = 'job=~"segmenter|detector|geolocator|sink"'
HADATH_GROUPS = 'consumergroup=~"hadath-.*"'


def pipeline_dashboard() -> dict:
    """Throughput, latency, lag, dead letters, workers and rebalances."""
    quantiles = [
        prom_target(
            f"histogram_quantile({q}, sum by (stage, le) "
            "(rate(hadath_stage_processing_seconds_bucket[$__rate_interval])))",
            f"{{{{stage}}}} p{int(q * 100)}", ref,
        )
        for q, ref in ((0.5, "A"), (0.95, "B"), (0.99, "C"))
    ]
    panels = [
        row(1, "Workers", 0),
        panel(2, "Workers up", "stat", (0, 1, 8, 5),
              [prom_target(f"sum by (job) (up{{{HADATH_JOBS}}})", "{{job}}", instant=True)],
              "Workers answering Prometheus scrapes, per stage (replicas summed).",
              options={"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                       "colorMode": "background", "graphMode": "none", "textMode": "value_and_name"}),
        panel(3, "Rebalances in progress", "timeseries", (8, 1, 8, 5),
              [prom_target(f"sum by (job) (faust_total_rebalances{{{HADATH_JOBS}}})", "{{job}} rebalancing", "A"),
               prom_target(f"sum by (job) (faust_total_rebalances_recovering{{{HADATH_JOBS}}})",
                           "{{job}} recovering", "B")],
              "Consumer-group rebalances under way and recovering (faust sensor gauges).",
              options=timeseries_options()),
        panel(4, "Rebalances completed", "stat", (16, 1, 8, 5),
              [prom_target(f"sum by (job) (increase(faust_rebalance_done_latency_count{{{HADATH_JOBS}}}[$__range]))",
                           "{{job}}", instant=True)],
              "Rebalances each stage finished in the selected time range (faust sensor).",
              options={"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                       "graphMode": "none", "textMode": "value_and_name"}),
        row(5, "Throughput and latency", 6),
        panel(6, "Messages per second by stage", "timeseries", (0, 7, 12, 8),
              [prom_target(f'sum by (stage) (rate(hadath_messages_total{{outcome="ok",{STAGES_ORDER}}}'
                           "[$__rate_interval]))",
                           "{{stage}}")],
              "Messages each stage processed successfully per second (all replicas).", unit="ops",
              options=timeseries_options()),
        panel(7, "Stage latency p50 / p95 / p99", "timeseries", (12, 7, 12, 8), quantiles,
              "Time one message spends in a stage's logic, from hadath_stage_processing_seconds.", unit="s",
              options=timeseries_options()),
        panel(8, "Kafka messages received per topic", "timeseries", (0, 15, 12, 7),
              [prom_target("sum by (topic) (rate(faust_messages_received_per_topic_total[$__rate_interval]))",
                           "{{topic}}")],
              "Messages faust consumers read per topic per second (faust sensor).", unit="ops",
              options=timeseries_options()),
        panel(9, "Events emitted per second", "timeseries", (12, 15, 12, 7),
              [prom_target("sum by (stage, type) (rate(hadath_events_total[$__rate_interval]))", "{{stage}} {{type}}")],
              "Events the detector finds and the geolocator publishes, by type.", unit="ops",
              options=timeseries_options()),
        row(10, "Consumer lag", 22),
        panel(11, "Consumer lag per topic and partition (kafka-exporter)", "timeseries", (0, 23, 12, 8),
              [prom_target(f"sum by (consumergroup, topic, partition) (kafka_consumergroup_lag{{{HADATH_GROUPS}}})",
                           "{{consumergroup}} {{topic}}[{{partition}}]")],
              "Messages not yet consumed per partition, from kafka-exporter (Compose deployment).", unit="short",
              options=timeseries_options()),
        panel(12, "Consumer lag per group and topic (kafka-exporter)", "bargauge", (12, 23, 6, 8),
              [prom_target(f"sum by (consumergroup, topic) (kafka_consumergroup_lag_sum{{{HADATH_GROUPS}}})",
                           "{{consumergroup}} {{topic}}", instant=True)],
              "Total lag of each hadath consumer group on each topic it reads.", unit="short",
              options={"displayMode": "gradient", "orientation": "horizontal",
                       "reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False}}),
        panel(13, "Uncommitted offsets (faust view)", "timeseries", (18, 23, 6, 8),
              [prom_target("max by (topic, partition) (faust_topic_partition_end_offset)"
                           " - on (topic, partition) max by (topic, partition) (faust_topic_partition_offset_commited)",
                           "{{topic}}[{{partition}}]")],
              "End offset minus committed offset per partition as the workers see it; works without "
              "kafka-exporter (embedded broker).", unit="short", options=timeseries_options()),
        row(14, "Errors and sink", 31),
        panel(15, "Dead letters by stage and error", "timeseries", (0, 32, 12, 8),
              [prom_target("sum by (stage, error) (increase(hadath_dead_letters_total[$__rate_interval]))",
                           "{{stage}} {{error}}")],
              "Messages sent to <topic>.dlq, by stage and error class. Should stay at zero.", unit="short",
              options=timeseries_options()),
        panel(16, "Sink writes and skipped duplicates", "timeseries", (12, 32, 12, 8),
              [prom_target("sum(rate(hadath_sink_events_written_total[$__rate_interval]))", "written", "A"),
               prom_target("sum(rate(hadath_sink_duplicates_skipped_total[$__rate_interval]))",
                           "duplicates skipped", "B")],
              "Events the sink stored (new or changed) and replays it recognised and skipped.", unit="ops",
              options=timeseries_options()),
    ]
    return dashboard("hadath-pipeline", "hadath / Pipeline",
                     "Throughput, latency, consumer lag, dead letters and workers of the hadath stream processors.",
                     panels, refresh="10s", time_from="now-1h")


def events_dashboard() -> dict:
    """What was extracted: events over time, on a map, who took part, the latest with their evidence."""
    pg_table = {"showHeader": True, "cellHeight": "sm", "footer": {"show": False, "reducer": ["sum"]}}
    panels = [
        panel(1, "Events stored", "stat", (0, 0, 6, 5),
              [sql_target("SELECT count(*) AS events FROM events WHERE $__timeFilter(extracted_at)", "table")],
              "Events the sink stored whose extraction time falls in the selected range.", datasource=POSTGRES,
              options={"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                       "graphMode": "none"}),
        panel(2, "Events by status", "piechart", (6, 0, 6, 5),
              [sql_target("SELECT status, count(*) AS events FROM events WHERE $__timeFilter(extracted_at) "
                          "GROUP BY status ORDER BY status", "table")],
              "occurred, planned, proposed or denied.", datasource=POSTGRES,
              options={"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": True},
                       "pieType": "donut", "legend": {"displayMode": "table", "placement": "right",
                                                      "showLegend": True, "values": ["value"]}}),
        panel(3, "Place precision of published events", "piechart", (12, 0, 6, 5),
              [prom_target("sum by (precision) (increase(hadath_event_place_precision_total[$__range]))",
                           "{{precision}}", instant=True)],
              "How precisely the geolocator placed the events it published (none: no place in the article).",
              options={"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                       "pieType": "donut", "legend": {"displayMode": "list", "placement": "right",
                                                      "showLegend": True}}),
        panel(4, "Median confidence by type", "stat", (18, 0, 6, 5),
              [prom_target("histogram_quantile(0.5, sum by (type, le) "
                           "(increase(hadath_event_confidence_bucket[$__range])))",
                           "{{type}}", instant=True)],
              "Median confidence of published events per type (from the geolocator's histogram).",
              unit="percentunit",
              options={"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                       "graphMode": "none", "textMode": "value_and_name"}),
        panel(5, "Events per type and status over time", "timeseries", (0, 5, 24, 8),
              [sql_target(
                  "SELECT $__timeGroupAlias(extracted_at, $__interval), type || ' / ' || status AS metric, "
                  "count(*) AS events FROM events WHERE $__timeFilter(extracted_at) "
                  "GROUP BY 1, 2 ORDER BY 1, 2", "time_series")],
              "Events stored per time bucket, split by type and status.", datasource=POSTGRES,
              custom={"drawStyle": "bars", "stacking": {"mode": "normal", "group": "A"}, "fillOpacity": 80},
              options=timeseries_options()),
        panel(6, "Where events happened", "geomap", (0, 13, 14, 12),
              [sql_target(
                  "SELECT place_name_en AS place, country_code AS country, lat AS latitude, lon AS longitude, "
                  "count(*) AS events, string_agg(DISTINCT type, ', ' ORDER BY type) AS types "
                  "FROM events WHERE $__timeFilter(extracted_at) AND lat IS NOT NULL "
                  "GROUP BY place_name_en, country_code, lat, lon ORDER BY events DESC", "table")],
              "Each located event place, sized by the number of events there.", datasource=POSTGRES,
              options={
                  "view": {"id": "coords", "lat": 25, "lon": 25, "zoom": 3},
                  "controls": {"showZoom": True, "mouseWheelZoom": True, "showAttribution": True},
                  "basemap": {"type": "default", "name": "Basemap"},
                  "layers": [{
                      "type": "markers", "name": "Events",
                      "location": {"mode": "coords", "latitude": "latitude", "longitude": "longitude"},
                      "config": {"showLegend": True,
                                 "style": {"size": {"field": "events", "min": 4, "max": 24, "fixed": 6},
                                           "color": {"fixed": "dark-orange"}, "opacity": 0.6}},
                      "tooltip": True,
                  }],
                  "tooltip": {"mode": "details"},
              }),
        panel(7, "Top participants", "table", (14, 13, 10, 12),
              [sql_target(
                  "SELECT p.value ->> 'name' AS participant, p.value ->> 'kind' AS kind, count(*) AS events, "
                  "string_agg(DISTINCT e.type, ', ' ORDER BY e.type) AS types "
                  "FROM events e CROSS JOIN LATERAL jsonb_array_elements(e.payload -> 'participants') AS p "
                  "WHERE $__timeFilter(e.extracted_at) GROUP BY 1, 2 ORDER BY events DESC, participant LIMIT 20",
                  "table")],
              "People, organisations and countries taking part in the most events (from the JSONB payload).",
              datasource=POSTGRES, options=pg_table),
        panel(8, "Latest events with evidence", "table", (0, 25, 24, 12),
              [sql_target(
                  "SELECT e.extracted_at AS time, e.type, e.status, e.date, e.place_name_en AS place, "
                  "e.country_code AS country, "
                  "(SELECT string_agg((p ->> 'name') || ' (' || (p ->> 'role') || ')', '، ') "
                  "FROM jsonb_array_elements(e.payload -> 'participants') AS p) AS participants, "
                  "e.payload ->> 'trigger' AS trigger, "
                  "(SELECT string_agg(ev ->> 'text', ' … ') FROM jsonb_array_elements(e.payload -> 'evidence') AS ev) "
                  "AS evidence, round(e.confidence::numeric, 2) AS confidence, e.article_id, e.source "
                  "FROM events e WHERE $__timeFilter(e.extracted_at) "
                  "ORDER BY e.extracted_at DESC, e.event_id LIMIT 100", "table")],
              "The most recent events, with participants (role), the trigger and the evidence sentences.",
              datasource=POSTGRES, options=pg_table),
    ]
    return dashboard("hadath-events", "hadath / Events",
                     "Meetings, visits and training agreements hadath extracted, from the PostgreSQL sink.",
                     panels, refresh="30s", time_from="now-24h")


DASHBOARDS = {"pipeline.json": pipeline_dashboard, "events.json": events_dashboard}


def render(build: Any) -> str:
    return json.dumps(build(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, build in DASHBOARDS.items():
        (OUT_DIR / name).write_text(render(build), encoding="utf-8")
        print(f"wrote {OUT_DIR / name}")


if __name__ == "__main__":
    main()
