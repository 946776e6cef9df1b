"""``make verify-dashboards``: prove every dashboard query against real servers (Grafana itself is not needed).

1. Each dashboard JSON decodes with grafana-foundation-sdk: known panel types, typed panel options,
   Prometheus targets decoded as Prometheus queries, SQL targets carrying ``rawSql``; the decoded model
   re-encodes to the same panels.
2. A throwaway PostgreSQL 15 (``deploy/local_postgres.py``) and a real Prometheus (Debian's ``prometheus``;
   installed with apt-get when missing) scraping the local worker ports every second.
3. The pipeline (``hadath up`` on the embedded broker, PostgreSQL sink) processes the dev articles, then one
   malformed article (so the dead-letter series exist) and a replay of the articles (so the sink's
   duplicate counter moves).
4. Every PromQL expression is parsed by Prometheus (``/api/v1/format_query``) and run as an instant query
   and, for range panels, as a range query: each must return data. Expressions over kafka-exporter metrics
   (consumer lag) need real Apache Kafka: they must parse and name only metrics kafka-exporter exports.
   The alerting rules (``prometheus/alerts.yml``) must load and evaluate without error.
5. Every SQL query runs against the sink's database as Grafana's read-only role (``grafana_reader``, made by
   ``deploy/postgres/grafana_reader.psql``, the same script Compose runs) and must return rows.

Grafana macros are substituted before running, over the window from the pipeline's start to now:
PromQL ``$__range`` and ``$__rate_interval`` become that window in seconds (so rates cover the whole run);
SQL ``$__timeFilter(col)`` becomes ``col BETWEEN '<start>' AND '<end>'`` (UTC, RFC 3339),
``$__timeGroupAlias(col, $__interval)`` becomes ``floor(extract(epoch from col) / 60) * 60 AS "time"``
(``$__interval`` is taken as 60 s), ``$__timeFrom()`` / ``$__timeTo()`` the window's ends as timestamps.

Exit status 0 only when every check passed; a summary says how many queries ran against which server.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DASHBOARD_DIR = HERE / "grafana" / "dashboards"
READER_SCRIPT = HERE / "postgres" / "grafana_reader.psql"
READER_ROLE = "grafana_reader"
READER_PASSWORD = "verify-dashboards"
SQL_INTERVAL_S = 60
PROMETHEUS_SCRAPE_S = 1

# Metric families danielqsj/kafka-exporter serves (v1.x): the lag panels may only name these.
KAFKA_EXPORTER_METRICS = frozenset({
    "kafka_brokers", "kafka_broker_info",
    "kafka_topic_partitions", "kafka_topic_partition_current_offset", "kafka_topic_partition_oldest_offset",
    "kafka_topic_partition_in_sync_replica", "kafka_topic_partition_leader",
    "kafka_topic_partition_leader_is_preferred", "kafka_topic_partition_replicas",
    "kafka_topic_partition_under_replicated_partition",
    "kafka_consumergroup_current_offset", "kafka_consumergroup_current_offset_sum",
    "kafka_consumergroup_lag", "kafka_consumergroup_lag_sum", "kafka_consumergroup_members",
    "kafka_consumergroupzookeeper_lag_zookeeper", "kafka_exporter_build_info",
})


# ---------------------------------------------------------------- dashboards and their queries


@dataclass(frozen=True)
class Query:
    """One target of one panel."""

    dashboard: str
    panel: str
    ref_id: str
    datasource_type: str
    datasource_uid: str
    text: str
    range: bool = True
    format: str | None = None

    @property
    def label(self) -> str:
        return f"{self.dashboard} / {self.panel} [{self.ref_id}]"


def _panels(panels: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for panel in panels:
        yield panel
        yield from _panels(panel.get("panels", []))


def dashboard_queries(dashboard: dict[str, Any]) -> list[Query]:
    """Every query of every panel (rows included), with the datasource it goes to."""
    queries = []
    for panel in _panels(dashboard.get("panels", [])):
        for target in panel.get("targets", []):
            datasource = target.get("datasource") or panel.get("datasource") or {}
            text = target.get("expr") if datasource.get("type") == "prometheus" else target.get("rawSql")
            queries.append(Query(
                dashboard=dashboard.get("title", "?"), panel=panel.get("title", "?"), ref_id=target.get("refId", "?"),
                datasource_type=datasource.get("type", ""), datasource_uid=datasource.get("uid", ""),
                text=text or "", range=bool(target.get("range", not target.get("instant", False))),
                format=target.get("format"),
            ))
    return queries


@dataclass
class Decoded:
    """What grafana-foundation-sdk made of a dashboard."""

    panels: int = 0
    problems: list[str] = field(default_factory=list)


def decode_dashboard(dashboard: dict[str, Any]) -> Decoded:
    """Decode with grafana-foundation-sdk and report whatever it could not type."""
    from grafana_foundation_sdk.cog import runtime
    from grafana_foundation_sdk.cog.encoder import JSONEncoder
    from grafana_foundation_sdk.cog.plugins import register_default_plugins
    from grafana_foundation_sdk.models import prometheus
    from grafana_foundation_sdk.models.dashboard import Dashboard, Panel, RowPanel

    register_default_plugins()
    result = Decoded()
    try:
        model = Dashboard.from_json(dashboard)
    except Exception as exc:  # the SDK raises whatever its generated code hits
        result.problems.append(f"does not decode: {type(exc).__name__}: {exc}")
        return result
    for panel in model.panels or []:
        if isinstance(panel, RowPanel):
            continue
        result.panels += 1
        if not isinstance(panel, Panel):
            result.problems.append(f"{panel!r}: not a panel")
            continue
        where = f"panel {panel.title!r}"
        config = runtime.panelcfg_config(panel.type_val)
        if config is None:
            result.problems.append(f"{where}: panel type {panel.type_val!r} unknown to the SDK")
        elif config.options_from_json_hook is not None and isinstance(panel.options, dict):
            result.problems.append(f"{where}: options not decoded as {panel.type_val} options")
        for target in panel.targets or []:
            source = panel.datasource.type_val if panel.datasource else None
            if source == "prometheus" and not isinstance(target, prometheus.Dataquery):
                result.problems.append(f"{where}: Prometheus target not decoded as a Prometheus query")
            # The SDK has no SQL query model: it keeps SQL targets as a raw bag, which must still hold the SQL.
            sql_ok = isinstance(target, runtime.UnknownDataquery) and bool(target.data.get("rawSql"))
            if source == "grafana-postgresql-datasource" and not sql_ok:
                result.problems.append(f"{where}: SQL target without rawSql")
    encoded = json.loads(json.dumps(model, cls=JSONEncoder))
    before = [p.get("title") for p in dashboard.get("panels", [])]
    after = [p.get("title") for p in encoded.get("panels", [])]
    if before != after or encoded.get("uid") != dashboard.get("uid"):
        result.problems.append("re-encoding the decoded dashboard changed its panels or uid")
    return result


# ---------------------------------------------------------------- Grafana macros


@dataclass(frozen=True)
class TimeWindow:
    """The dashboard time range the queries are evaluated over (Unix seconds)."""

    start: float
    end: float

    @property
    def seconds(self) -> int:
        return max(1, round(self.end - self.start))

    @staticmethod
    def rfc3339(ts: float) -> str:
        return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _duration_s(text: str) -> int:
    """``$__interval``, ``'5m'``, ``30s``, ``1h`` as seconds."""
    text = text.strip().strip("'\"")
    if text == "$__interval":
        return SQL_INTERVAL_S
    match = re.fullmatch(r"(\d+)(ms|s|m|h|d)", text)
    if not match:
        raise ValueError(f"cannot read interval {text!r}")
    value, unit = int(match.group(1)), match.group(2)
    return max(1, {"ms": value // 1000, "s": value, "m": value * 60, "h": value * 3600, "d": value * 86400}[unit])


def expand_promql(expr: str, window: TimeWindow) -> str:
    """Grafana's PromQL variables as fixed durations over ``window``."""
    expr = expr.replace("$__rate_interval", f"{window.seconds}s").replace("$__range", f"{window.seconds}s")
    return expr.replace("$__interval", f"{SQL_INTERVAL_S}s")


def expand_sql(sql: str, window: TimeWindow) -> str:
    """Grafana's PostgreSQL macros as plain SQL over ``window``."""
    start, end = TimeWindow.rfc3339(window.start), TimeWindow.rfc3339(window.end)

    def time_group(alias: bool) -> Callable[[re.Match[str]], str]:
        def replace(match: re.Match[str]) -> str:
            column, interval = (part.strip() for part in match.group(1).split(",", 1))
            seconds = _duration_s(interval)
            grouped = f"floor(extract(epoch from {column}) / {seconds}) * {seconds}"
            return f'{grouped} AS "time"' if alias else grouped
        return replace

    sql = re.sub(r"\$__timeGroupAlias\(([^()]*)\)", time_group(alias=True), sql)
    sql = re.sub(r"\$__timeGroup\(([^()]*)\)", time_group(alias=False), sql)
    sql = re.sub(r"\$__timeFilter\(([^()]*)\)", lambda m: f"{m.group(1).strip()} BETWEEN '{start}' AND '{end}'", sql)
    sql = sql.replace("$__timeFrom()", f"'{start}'::timestamptz").replace("$__timeTo()", f"'{end}'::timestamptz")
    sql = sql.replace("$__interval", f"'{SQL_INTERVAL_S}s'")
    if "$__" in sql:
        raise ValueError(f"unsupported Grafana macro left in: {sql}")
    return sql


def kafka_exporter_metrics_named(expr: str) -> set[str]:
    return set(re.findall(r"\bkafka_[a-z_]+\b", expr))


# ---------------------------------------------------------------- servers


def ensure_prometheus() -> Path:
    """The ``prometheus`` binary; installs Debian's package with apt-get when absent (root only)."""
    found = shutil.which("prometheus")
    if found:
        return Path(found)
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise RuntimeError("prometheus is missing: apt-get install -y prometheus")
    print("installing Debian's prometheus package (apt-get) ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "prometheus"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    found = shutil.which("prometheus")
    if not found:
        raise RuntimeError("apt-get installed prometheus but the binary is not on PATH")
    return Path(found)


class Prometheus:
    """A real Prometheus in a temporary directory, scraping the local workers every second."""

    def __init__(self, root: Path, config: str, port: int) -> None:
        self.root = root
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        (root / "prometheus.yml").write_text(config, encoding="utf-8")
        self.log = (root / "prometheus.log").open("wb")
        self.process = subprocess.Popen(
            [str(ensure_prometheus()), f"--config.file={root / 'prometheus.yml'}",
             f"--storage.tsdb.path={root / 'tsdb'}", f"--web.listen-address=127.0.0.1:{port}",
             "--storage.tsdb.retention.time=1h", "--log.level=warn"],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )

    def wait_ready(self, timeout_s: float = 60.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"prometheus exited with {self.process.returncode}; see {self.root}/prometheus.log")
            try:
                with urllib.request.urlopen(f"{self.url}/-/ready", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.3)
        raise RuntimeError("prometheus did not become ready")

    def api(self, path: str, **params: str) -> dict[str, Any]:
        """GET an /api/v1 endpoint; returns the JSON body, also for 4xx errors (which carry the message)."""
        url = f"{self.url}/api/v1/{path}?{urllib.parse.urlencode(params)}"
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return json.loads(response.read())  # type: ignore[no-any-return]
        except urllib.error.HTTPError as exc:
            return json.loads(exc.read())  # type: ignore[no-any-return]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


# ---------------------------------------------------------------- the checks


@dataclass
class Tally:
    """Outcome of every check, printed at the end."""

    failures: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    server_versions: dict[str, str] = field(default_factory=dict)

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    def fail(self, message: str) -> None:
        self.failures.append(message)
        print(f"  FAIL {message}", flush=True)


def check_decoding(dashboards: dict[str, dict[str, Any]], tally: Tally) -> None:
    for name, dashboard in dashboards.items():
        decoded = decode_dashboard(dashboard)
        tally.count("dashboards decoded with grafana-foundation-sdk")
        tally.count("panels decoded", decoded.panels)
        for problem in decoded.problems:
            tally.fail(f"{name}: {problem}")
        print(f"  {name}: {decoded.panels} panels decoded, {len(decoded.problems)} problems", flush=True)


def check_promql(queries: list[Query], prometheus: Prometheus, window: TimeWindow, tally: Tally) -> None:
    for query in queries:
        expr = expand_promql(query.text, window)
        parsed = prometheus.api("format_query", query=expr)
        tally.count("PromQL parsed by Prometheus")
        if parsed.get("status") != "success":
            tally.fail(f"{query.label}: does not parse: {parsed.get('error')}")
            continue
        exporter_metrics = kafka_exporter_metrics_named(expr)
        if exporter_metrics:
            unknown = exporter_metrics - KAFKA_EXPORTER_METRICS
            tally.count("PromQL over kafka-exporter metrics (parse + names only)")
            if unknown:
                tally.fail(f"{query.label}: kafka-exporter does not export {sorted(unknown)}")
            else:
                print(f"  ok   {query.label}: parses; kafka-exporter metrics {sorted(exporter_metrics)}", flush=True)
            continue
        instant = prometheus.api("query", query=expr, time=f"{window.end:.3f}")
        tally.count("PromQL instant queries run on Prometheus")
        series = instant.get("data", {}).get("result", []) if instant.get("status") == "success" else []
        if not series:
            tally.fail(f"{query.label}: instant query returned no data: {expr} {instant.get('error', '')}")
            continue
        values = [float(s["value"][1]) for s in series]
        nonzero = any(v != 0 and v == v for v in values)  # v == v: not NaN
        tally.count("PromQL instant queries with a non-zero value", int(nonzero))
        detail = f"{len(series)} series, max {max(values):.4g}"
        if query.range:
            ranged = prometheus.api("query_range", query=expr, start=f"{window.start:.3f}", end=f"{window.end:.3f}",
                                    step=str(PROMETHEUS_SCRAPE_S))
            tally.count("PromQL range queries run on Prometheus")
            if ranged.get("status") != "success" or not ranged["data"]["result"]:
                tally.fail(f"{query.label}: range query returned no data: {expr}")
                continue
            detail += f"; range: {sum(len(s['values']) for s in ranged['data']['result'])} points"
        print(f"  ok   {query.label}: {detail}", flush=True)


def check_alert_rules(prometheus: Prometheus, tally: Tally) -> None:
    """The alerting rules (deploy/prometheus/alerts.yml) loaded and evaluated without error on live data."""
    groups = prometheus.api("rules", type="alert").get("data", {}).get("groups", [])
    rules = [rule for group in groups for rule in group.get("rules", [])]
    if not rules:
        tally.fail("no alerting rules loaded from alerts.yml")
    for rule in rules:
        tally.count("alert rules evaluated by Prometheus")
        if rule.get("health") != "ok":
            tally.fail(f"alert {rule.get('name')}: health {rule.get('health')}: {rule.get('lastError', '')}")
        else:
            print(f"  ok   alert {rule['name']}: evaluated, state {rule.get('state')}", flush=True)


def check_sql(queries: list[Query], reader_url: str, window: TimeWindow, tally: Tally) -> None:
    import psycopg

    with psycopg.connect(reader_url) as conn:
        conn.read_only = True
        tally.server_versions["postgres"] = str(conn.execute("SHOW server_version").fetchone()[0])  # type: ignore[index]
        conn.rollback()
        for query in queries:
            sql = expand_sql(query.text, window)
            tally.count("SQL queries run on PostgreSQL (as grafana_reader)")
            try:
                with conn.cursor() as cur:
                    cur.execute(sql)  # type: ignore[arg-type]  # dashboard text, no parameters
                    rows = cur.fetchall()
                    columns = [c.name for c in cur.description or []]
            except psycopg.Error as exc:
                conn.rollback()
                tally.fail(f"{query.label}: {type(exc).__name__}: {exc}".strip())
                continue
            conn.rollback()
            if not rows:
                tally.fail(f"{query.label}: returned no rows: {sql}")
            elif query.format == "time_series" and "time" not in columns:
                tally.fail(f"{query.label}: time_series query without a 'time' column")
            else:
                tally.count("SQL queries returning rows")
                print(f"  ok   {query.label}: {len(rows)} rows ({', '.join(columns)})", flush=True)


# ---------------------------------------------------------------- the pipeline


def grant_reader(bin_dir: Path, admin_url: str, owner: str) -> None:
    """Run Compose's grafana_reader script on the sink database."""
    subprocess.run(
        [str(bin_dir / "psql"), admin_url, "-v", "ON_ERROR_STOP=1", "-v", f"reader_password={READER_PASSWORD}",
         "-v", f"owner={owner}", "-q", "-f", str(READER_SCRIPT)],
        check=True, stdout=subprocess.DEVNULL,
    )


def count_events(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url) as conn:
            row = conn.execute("SELECT count(*) FROM events").fetchone()
            return int(row[0]) if row else 0
    except psycopg.Error:
        return 0


def wait_for_events(url: str, pipeline: subprocess.Popen[bytes], timeout_s: float, settle_s: float = 5.0) -> int:
    """Wait until the sink has stored events and the count has stopped moving for ``settle_s``."""
    deadline = time.monotonic() + timeout_s
    last, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        if pipeline.poll() is not None:
            raise RuntimeError(f"the pipeline exited early with {pipeline.returncode}")
        current = count_events(url)
        if current != last:
            last, since = current, time.monotonic()
        elif current > 0 and time.monotonic() - since >= settle_s:
            return current
        time.sleep(0.5)
    raise RuntimeError(f"the sink stored {last} events within {timeout_s}s")


# ---------------------------------------------------------------- main


def load_dashboards() -> dict[str, dict[str, Any]]:
    return {path.name: json.loads(path.read_text()) for path in sorted(DASHBOARD_DIR.glob("*.json"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=Path, default=REPO / "tests" / "data" / "dev_articles.jsonl")
    parser.add_argument("--timeout", type=float, default=180.0, help="Seconds to wait for the pipeline.")
    parser.add_argument("--keep", action="store_true", help="Keep the temporary directory (logs, configs).")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(HERE))
    dashboards = load_dashboards()
    queries = [q for d in dashboards.values() for q in dashboard_queries(d)]
    promql = [q for q in queries if q.datasource_type == "prometheus"]
    sql = [q for q in queries if q.datasource_type == "grafana-postgresql-datasource"]
    other = [q for q in queries if q not in promql and q not in sql]
    tally = Tally()
    for query in other:
        tally.fail(f"{query.label}: datasource {query.datasource_type!r} cannot be verified")

    print(f"1/4 decoding {len(dashboards)} dashboards with grafana-foundation-sdk", flush=True)
    check_decoding(dashboards, tally)

    workdir = Path(tempfile.mkdtemp(prefix="hadath-verify-"))
    servers: list[str] = []
    try:
        run_against_servers(args, workdir, promql, sql, tally, servers)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        tally.fail(f"could not run the queries: {exc}")
        print_log_tails(workdir)
        args.keep = True

    if args.keep:
        print(f"kept {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    print("\nverify-dashboards summary")
    for what, n in tally.counts.items():
        print(f"  {n:4d}  {what}")
    for line in servers:
        print(f"  server: {line}")
    print(f"  decoder: grafana-foundation-sdk {sdk_version()} ({len(dashboards)} dashboards)")
    if tally.failures:
        print(f"FAILED: {len(tally.failures)} problem(s)")
        return 1
    print("OK: every dashboard decodes and every query returned data")
    return 0


def run_against_servers(
    args: argparse.Namespace, workdir: Path, promql: list[Query], sql: list[Query], tally: Tally, servers: list[str]
) -> None:
    """Steps 2 to 5: servers, pipeline, then every query; ``servers`` receives one line per server used."""
    from local_postgres import SUPERUSER, TemporaryPostgres, ensure_installed, free_port
    from prometheus_local import ALERTS, local_config

    with ExitStack() as stack:
        print("2/4 starting PostgreSQL 15 and Prometheus", flush=True)
        bin_dir = ensure_installed()
        postgres = stack.enter_context(TemporaryPostgres())
        sink_url = postgres.create_database("hadath")
        first_web_port = free_web_port_range()
        config = local_config(f"{PROMETHEUS_SCRAPE_S}s", rule_file=str(ALERTS), first_port=first_web_port)
        prometheus = Prometheus(workdir, config, free_port())
        stack.callback(prometheus.stop)
        prometheus.wait_ready()

        print(f"3/4 running the pipeline on {args.articles.name} (sink {sink_url})", flush=True)
        window_start = time.time()
        env = hadath_env(workdir, free_port(), first_web_port)
        pipeline = start_pipeline(workdir, env, sink_url, args.articles)
        stack.callback(stop_pipeline, pipeline)
        stored = wait_for_events(sink_url, pipeline, args.timeout)
        wait_for_metric(prometheus, "hadath_sink_events_written_total > 0", timeout_s=30)
        exercise_error_and_replay_paths(workdir, env, args.articles, prometheus, args.timeout)
        stored = wait_for_events(sink_url, pipeline, args.timeout)
        grant_reader(bin_dir, sink_url, SUPERUSER)
        time.sleep(4 * PROMETHEUS_SCRAPE_S + 1)  # a few scrapes after the last message
        window = TimeWindow(window_start, time.time())
        print(f"  the sink stored {stored} events; window {window.seconds}s", flush=True)

        print(f"4/4 running {len(promql)} PromQL and {len(sql)} SQL queries", flush=True)
        check_promql(promql, prometheus, window, tally)
        check_alert_rules(prometheus, tally)
        reader_url = sink_url.replace(f"{SUPERUSER}@", f"{READER_ROLE}:{READER_PASSWORD}@", 1)
        check_sql(sql, reader_url, window, tally)
        prom_requests = sum(n for what, n in tally.counts.items() if what.startswith("PromQL") and "Prometheus" in what)
        servers.append(
            f"Prometheus {prometheus_version()} at 127.0.0.1:{prometheus.port}: {prom_requests} API requests for "
            f"{len(promql)} PromQL expressions and the alert rules (scraping the 4 local workers from port "
            f"{first_web_port} every {PROMETHEUS_SCRAPE_S}s)")
        servers.append(
            f"PostgreSQL {tally.server_versions.get('postgres', '?')} at 127.0.0.1:{postgres.port}: {len(sql)} SQL "
            f"queries as {READER_ROLE} on the sink's database ({stored} events)")


def print_log_tails(workdir: Path, lines: int = 15) -> None:
    """The end of hadath up's log and of each worker's log, to see why the pipeline failed."""
    for log in [workdir / "hadath-up.log", *sorted((workdir / "logs").glob("*.log"))]:
        if log.exists():
            tail = log.read_text(errors="replace").splitlines()[-lines:]
            print(f"--- {log.name}", *tail, sep="\n  ", flush=True)


def sdk_version() -> str:
    from importlib.metadata import version

    return version("grafana-foundation-sdk")


def prometheus_version() -> str:
    out = subprocess.run([str(ensure_prometheus()), "--version"], capture_output=True, text=True).stdout
    match = re.search(r"version (\S+)", out)
    return match.group(1) if match else "?"


def hadath_env(workdir: Path, broker_port: int, first_web_port: int) -> dict[str, str]:
    """Environment for ``hadath``: the embedded broker and worker web servers on free ports, state in ``workdir``."""
    return {
        **os.environ,
        "HADATH_KAFKA__EMBEDDED_PORT": str(broker_port),
        "HADATH_SERVICE__WEB_PORT": str(first_web_port),
        "HADATH_SERVICE__DATA_DIR": str(workdir / "faust"),
        "PYTHONUNBUFFERED": "1",
    }


def hadath_command() -> list[str]:
    return [sys.executable, "-m", "services.cli"]


def start_pipeline(workdir: Path, env: dict[str, str], sink_url: str, articles: Path) -> subprocess.Popen[bytes]:
    """``hadath up`` (embedded broker, four workers, PostgreSQL sink) publishing ``articles``; runs until stopped."""
    log = (workdir / "hadath-up.log").open("wb")
    return subprocess.Popen(
        [*hadath_command(), "up", "--publish", str(articles), "--db", sink_url, "--log-dir", str(workdir / "logs")],
        env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True,
    )


def free_web_port_range(span: int = 40) -> int:
    """A first worker web port with ``span`` free ports after it (4 stages x 10 replicas)."""
    import random
    import socket

    def in_use(port: int) -> bool:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(0.05)
            return sock.connect_ex(("127.0.0.1", port)) == 0

    for _ in range(50):
        first = random.randrange(41_000, 49_000, 50)
        if not any(in_use(first + i) for i in range(span)):
            return first
    raise RuntimeError("no free port range for the worker web servers")


def stop_pipeline(pipeline: subprocess.Popen[bytes]) -> None:
    """Ctrl-C for ``hadath up``: it stops its workers and the embedded broker in order."""
    if pipeline.poll() is None:
        pipeline.send_signal(signal.SIGINT)
        try:
            pipeline.wait(timeout=60)
        except subprocess.TimeoutExpired:
            pipeline.kill()
            pipeline.wait()


MALFORMED_ARTICLES = ('{"id": "verify-no-body"}', "not json at all")


def publish(env: dict[str, str], path: Path, raw: bool = False) -> None:
    """``hadath publish`` to the pipeline's embedded broker."""
    publish_env = {**env, "HADATH_KAFKA__BOOTSTRAP_SERVERS": f"127.0.0.1:{env['HADATH_KAFKA__EMBEDDED_PORT']}"}
    command = [*hadath_command(), "publish", *(["--raw"] if raw else []), str(path)]
    done = subprocess.run(command, env=publish_env, cwd=REPO, capture_output=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"hadath publish {path.name} failed: {done.stderr.decode(errors='replace')[-2000:]}")


def exercise_error_and_replay_paths(
    workdir: Path, env: dict[str, str], articles: Path, prometheus: Prometheus, timeout_s: float
) -> None:
    """Malformed articles in two rounds (a counter series only shows an increase after its first scrape) and a
    replay of the articles (the sink's duplicate path)."""
    broken = workdir / "malformed.jsonl"
    broken.write_text("\n".join(MALFORMED_ARTICLES) + "\n", encoding="utf-8")
    publish(env, broken, raw=True)
    wait_for_metric(prometheus, "sum(hadath_dead_letters_total) > 0", timeout_s=60)
    publish(env, broken, raw=True)
    publish(env, articles)
    wait_for_metric(prometheus, f"sum(hadath_dead_letters_total) >= {2 * len(MALFORMED_ARTICLES)}", timeout_s=60)
    wait_for_metric(prometheus, "hadath_sink_duplicates_skipped_total > 0", timeout_s=timeout_s)


def wait_for_metric(prometheus: Prometheus, expr: str, timeout_s: float) -> None:
    """Wait until Prometheus has scraped a sample making ``expr`` non-empty."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        answer = prometheus.api("query", query=expr)
        if answer.get("status") == "success" and answer["data"]["result"]:
            return
        time.sleep(0.5)
    raise RuntimeError(f"Prometheus never saw {expr}")


if __name__ == "__main__":
    sys.exit(main())
