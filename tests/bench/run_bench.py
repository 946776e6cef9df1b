"""``make bench``: hadath's throughput, latency and memory, measured on this machine.

(a) in-process extraction on one core, per stage; (b) pipeline throughput over the embedded broker,
real vs a no-op pipeline of the same shape; (c) publish -> sink latency at a steady rate; (d) peak RSS of
every service. Ends with one ``BENCH ...`` line. Not a test: it asserts nothing, it reports.

    .venv/bin/python -m tests.bench.run_bench [--workers 2] [--articles 5000] [--rate 50] ...
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import shlex
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from shared.schemas import Article
from tests.bench.corpus import BenchArticle, load_dev_articles, repeated
from tests.bench.inprocess import STAGE_NAMES, ExtractionResult, measure_extraction, pin_to_one_core
from tests.bench.pipeline import BenchPipeline

log = logging.getLogger("hadath.bench")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Measure hadath's throughput, latency and memory.")
    parser.add_argument("--workers", type=int, default=1, help="Workers per stage in the pipeline runs (default 1).")
    parser.add_argument("--partitions", type=int, default=4, help="Partitions per topic (default 4, as hadath).")
    parser.add_argument("--extract-articles", type=int, default=2016,
                        help="Articles for part (a) (>= 2000; 2016 = 96 x the 21 dev articles).")
    parser.add_argument("--articles", type=int, default=5000, help="Articles published in the throughput runs.")
    parser.add_argument("--rate", type=float, default=50.0, help="Steady publish rate of the latency run (articles/s).")
    parser.add_argument("--latency-seconds", type=float, default=20.0, help="Duration of the latency run.")
    parser.add_argument("--timeout", type=float, default=200.0,
                        help="Most seconds a throughput run may take (keeps the bench bounded on a slow machine).")
    parser.add_argument("--low-rate", type=float, default=10.0,
                        help="Also measure latency at this lower rate first, for half as long (0: skip).")
    parser.add_argument("--latency-drain", type=float, default=60.0,
                        help="Most seconds to wait, after the steady publishing, for the last events.")
    parser.add_argument("--skip-noop", action="store_true", help="Skip the no-op pipeline (no ratio).")
    parser.add_argument("--keep", action="store_true", help="Keep the run directories (worker logs, SQLite).")
    return parser.parse_args(argv)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def header(argv: Sequence[str]) -> None:
    cpus = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    model = "?"
    try:
        with open("/proc/cpuinfo") as info:
            model = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), "?")
    except OSError:
        pass
    print("# hadath benchmark")
    print(f"command : {shlex.join([os.path.relpath(sys.executable), '-m', 'tests.bench.run_bench', *argv])}")
    print(f"machine : {cpus} cores ({usable} usable), {model}, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}")
    print(f"date    : {time.strftime('%Y-%m-%d %H:%M:%S %Z')}; {load_average()}")


def load_average() -> str:
    """The 1-minute load average: figures taken on a busy machine are lower than on an idle one."""
    if not hasattr(os, "getloadavg"):
        return "load average unknown"
    return f"load average {os.getloadavg()[0]:.2f} (1 min)"


def section(title: str) -> None:
    print(f"\n## {title}", flush=True)


@dataclass(frozen=True)
class Throughput:
    """One burst run: articles/s from the first publish to the last row stored, and what was stored."""

    articles: int
    expected_rows: int
    stored_rows: int
    publish_s: float
    elapsed_s: float
    cpu_s: dict[str, float]

    @property
    def cpu_ms_per_article(self) -> float:
        """CPU the workers and broker spent per article: what the run costs whatever else shares the machine."""
        return 1000 * sum(self.cpu_s.values()) / (self.articles * min(1.0, self.stored_rows / self.expected_rows))

    @property
    def complete(self) -> bool:
        return self.stored_rows >= self.expected_rows

    @property
    def per_second(self) -> float:
        """Articles/s; when the time limit hit first, the share of rows stored stands for the share of articles."""
        done = self.articles * min(1.0, self.stored_rows / self.expected_rows)
        return done / self.elapsed_s

    def describe(self, label: str) -> str:
        state = "all stored" if self.complete else (
            f"INCOMPLETE at the time limit: {self.expected_rows - self.stored_rows} rows not stored yet")
        return (f"  {label:<7}: {self.per_second:7.1f} articles/s  (published {self.articles} in "
                f"{self.publish_s:.1f} s; sink holds {self.stored_rows}/{self.expected_rows} rows, {state}; "
                f"last row stored {self.elapsed_s:.1f} s after the first publish)")


def throughput_run(
    pipeline: BenchPipeline, articles: list[BenchArticle], expected: int, timeout_s: float
) -> Throughput:
    """Publish ``articles`` in one burst and wait until the sink holds all ``expected`` rows (or timeout_s)."""
    cpu_before = pipeline.cpu_used()
    timed = pipeline.publish_burst(articles)
    stored = pipeline.wait_stored(expected, timeout_s)
    cpu_after = pipeline.cpu_used()
    wanted = {a.id for a in articles}
    rows = sum(count for key, (count, _) in stored.items() if key in wanted)
    last = max((at for key, (_, at) in stored.items() if key in wanted), default=time.time())
    cpu = {name: cpu_after[name] - cpu_before.get(name, 0.0) for name in cpu_after}
    return Throughput(len(articles), expected, rows, timed.publish_s, max(last - timed.started, 1e-9), cpu)


def show_cpu(run: Throughput) -> None:
    per_article = run.articles * min(1.0, run.stored_rows / run.expected_rows)
    parts = ", ".join(f"{name} {1000 * seconds / per_article:.2f}" for name, seconds in sorted(run.cpu_s.items()))
    print(f"           CPU ms per article: {parts}; total {run.cpu_ms_per_article:.2f}")


def show_ceiling(hadath: Throughput, noop: Throughput, extraction: ExtractionResult) -> None:
    """How far the ratio could rise if extraction cost nothing: the CPU hadath spends outside its logic."""
    logic_ms = 1000 * extraction.total_s / extraction.articles
    rest_ms = hadath.cpu_ms_per_article - logic_ms
    print(f"  of hadath's {hadath.cpu_ms_per_article:.2f} CPU ms per article, {logic_ms:.2f} is the extraction logic "
          f"(part a); the other {rest_ms:.2f} carries 1 article and {hadath.expected_rows / hadath.articles:.1f} "
          "events per article through faust, the broker and the sink's store (and holds the logic's slowdown "
          "when the processes share the cores)")
    print(f"  ceiling: with extraction free, the CPU cost ratio would be about {noop.cpu_ms_per_article / rest_ms:.2f}")


def show_assignments(pipeline: BenchPipeline) -> None:
    print("  partitions of its source topic each worker holds (consumer group assignment, from the workers):")
    for name, parts in sorted(pipeline.assignments().items()):
        print(f"    {name:<14} {parts}")


def merge_rss(total: dict[str, float], more: dict[str, float]) -> None:
    for name, mb in more.items():
        total[name] = max(mb, total.get(name, 0.0))


def latency_run(
    pipeline: BenchPipeline, articles: list[BenchArticle], rate: float, events_of: Counter[str], drain_s: float
) -> list[float]:
    """Publish at ``rate``, wait for the sink, print and return per-article latencies (ms)."""
    before = pipeline.stored_count()
    timed = pipeline.publish_steady(articles, rate)
    stored = pipeline.wait_stored(before + sum(events_of[a.source_id] for a in articles), drain_s)
    with_events = [a for a in articles if events_of[a.source_id]]
    complete = [a for a in with_events if a.id in stored and stored[a.id][0] >= events_of[a.source_id]]
    latencies = [1000 * (stored[a.id][1] - timed.sent_at[a.id]) for a in complete]
    missing = [a for a in with_events if a not in complete]
    note = f"{len(articles) - len(with_events)} without events never reach the sink"
    if missing:
        note += f"; {len(missing)} not completely stored {drain_s:g} s after the last publish, counted as that wait"
        latencies += [1000 * (time.time() - timed.sent_at[a.id]) for a in missing]
    print(f"  at {rate:g} articles/s for {len(articles) / rate:.0f} s: {len(with_events)} articles measured ({note})")
    if latencies:
        p50, p95, p99 = (percentile(latencies, q) for q in (50, 95, 99))
        print(f"    p50 {p50:.0f} ms   p95 {p95:.0f} ms   p99 {p99:.0f} ms   max {max(latencies):.0f} ms   "
              f"mean {statistics.fmean(latencies):.0f} ms")
    return latencies


def part_a(dev: list[Article], count: int) -> ExtractionResult:
    section(f"(a) in-process extraction, one core, {count} articles ({len(dev)} dev articles repeated)")
    affinity = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    pinned = pin_to_one_core()
    try:
        result = measure_extraction(dev, count)
    finally:
        if affinity is not None:
            os.sched_setaffinity(0, affinity)
    print(f"{pinned}; first article (loads lexicons, gazetteer) {result.warmup_s * 1000:.0f} ms, not counted; "
          "CPU time per stage")
    for stage in STAGE_NAMES:
        share = 100 * result.seconds[stage] / result.total_s
        print(f"  {stage:<10} {result.ms_per_article(stage):7.3f} ms/article  {share:5.1f} %")
    print(f"  {'total':<10} {1000 * result.total_s / result.articles:7.3f} ms/article  "
          f"=> {result.per_second:.0f} articles/s per core (CPU time)")
    print(f"  wall clock: {result.wall_per_second:.0f} articles/s (lower when other processes share the core)")
    print(f"  first pass over the {result.distinct} distinct articles (per-word caches cold): "
          f"{result.first_pass_per_second:.0f} articles/s (CPU time); the repeats reuse cached word analyses")
    return result


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("kafka").setLevel(logging.ERROR)  # the publisher's event-loop timing warnings under load
    began = time.monotonic()
    header(argv)
    dev = load_dev_articles()
    extraction = part_a(dev, args.extract_articles)
    events_of = extraction.events_by_source

    def expected_events(batch: list[BenchArticle]) -> int:
        return sum(events_of[a.source_id] for a in batch)

    rss: dict[str, float] = {}

    def pipeline(noop: bool) -> BenchPipeline:
        return BenchPipeline(noop=noop, replicas=args.workers, partitions=args.partitions, keep=args.keep)

    section(f"(b) pipeline throughput, embedded broker, {args.workers} worker(s) per stage, "
            f"{args.partitions} partitions per topic, {args.articles} articles in one burst")
    burst = repeated(dev, args.articles, "burst")
    with pipeline(noop=False) as real:
        print(f"hadath pipeline (services/*/app.py): {args.workers * 4} workers ready in {real.startup_s:.1f} s; "
              f"{load_average()}")
        hadath = throughput_run(real, burst, expected_events(burst), args.timeout)
        print(hadath.describe("hadath"))
        show_cpu(hadath)
        print(f"           dead letters: {real.dead_letters()}")
        if args.workers > 1:
            show_assignments(real)
        merge_rss(rss, real.peak_rss())
    noop_result: Throughput | None = None
    if not args.skip_noop:
        noop_burst = repeated(dev, args.articles, "noop")
        with pipeline(noop=True) as noop:
            print(f"no-op pipeline (tests/bench/noop_apps.py): workers ready in {noop.startup_s:.1f} s; "
                  f"{load_average()}")
            noop_result = throughput_run(noop, noop_burst, len(noop_burst), args.timeout)
            print(noop_result.describe("no-op"))
            show_cpu(noop_result)
            print(f"           dead letters: {noop.dead_letters()}")
            if args.workers > 1:
                show_assignments(noop)
    ratio = hadath.per_second / noop_result.per_second if noop_result else float("nan")
    print(f"  ratio hadath / no-op = {ratio:.2f} (throughput)")
    if noop_result:
        print(f"  CPU cost ratio no-op / hadath = {noop_result.cpu_ms_per_article / hadath.cpu_ms_per_article:.2f} "
              "(what the throughput ratio tends to when the machine's cores are the limit)")
        show_ceiling(hadath, noop_result, extraction)

    section(f"(c) latency publish -> sink at a steady {args.rate:g} articles/s for {args.latency_seconds:g} s "
            "(fresh pipeline)")
    print("  latency of an article = when the sink stored its last event (stored_at, set by SQLite at insert) "
          "- when the bench sent it")
    p99 = float("nan")
    with pipeline(noop=False) as real:
        print(f"  hadath pipeline ready in {real.startup_s:.1f} s; {load_average()}")
        if args.low_rate > 0:
            low = repeated(dev, int(args.low_rate * args.latency_seconds / 2), "low")
            latency_run(real, low, args.low_rate, events_of, args.latency_drain)
        steady = repeated(dev, int(args.rate * args.latency_seconds), "steady")
        latencies = latency_run(real, steady, args.rate, events_of, args.latency_drain)
        if latencies:
            p99 = percentile(latencies, 99)
        merge_rss(rss, real.peak_rss())
        print(f"  dead letters: {real.dead_letters()}")

    section("(d) peak RSS (VmHWM) of each process of the hadath pipeline, over runs (b) and (c)")
    for name, mb in sorted(rss.items()):
        print(f"  {name:<16} {mb:7.1f} MB")
    max_rss = max(mb for name, mb in rss.items() if not name.startswith("broker"))

    print(f"\nbench took {time.monotonic() - began:.0f} s; {load_average()} at the end")
    print(f"BENCH extract_per_core={extraction.per_second:.0f} pipeline_ratio={ratio:.2f} p99_ms={p99:.0f} "
          f"max_rss_mb={max_rss:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
