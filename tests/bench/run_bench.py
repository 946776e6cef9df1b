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
from collections.abc import Sequence

from tests.bench.corpus import BenchArticle, load_dev_articles, repeated
from tests.bench.inprocess import STAGE_NAMES, measure_extraction, pin_to_one_core
from tests.bench.pipeline import BenchPipeline, Timed

log = logging.getLogger("hadath.bench")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Measure hadath's throughput, latency and memory.")
    parser.add_argument("--workers", type=int, default=1, help="Workers per stage in the pipeline runs (default 1).")
    parser.add_argument("--partitions", type=int, default=4, help="Partitions per topic (default 4, as hadath).")
    parser.add_argument("--extract-articles", type=int, default=2100, help="Articles for part (a) (>= 2000).")
    parser.add_argument("--articles", type=int, default=5000, help="Articles published in the throughput runs.")
    parser.add_argument("--rate", type=float, default=50.0, help="Steady publish rate of the latency run (articles/s).")
    parser.add_argument("--latency-seconds", type=float, default=30.0, help="Duration of the latency run.")
    parser.add_argument("--timeout", type=float, default=240.0, help="Most seconds to wait for one run's sink.")
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
    print(f"date    : {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")


def section(title: str) -> None:
    print(f"\n## {title}", flush=True)


def throughput_run(
    pipeline: BenchPipeline, articles: list[BenchArticle], expected: int, timeout_s: float
) -> tuple[float, int, Timed]:
    """Publish ``articles`` in one burst; articles/s until the sink holds all ``expected`` rows."""
    timed = pipeline.publish_burst(articles)
    stored = pipeline.wait_stored(expected, timeout_s)
    count = sum(c for c, _ in stored.values())
    wanted = {a.id for a in articles}
    done_articles = [key for key in stored if key in wanted]
    last = max((stored[key][1] for key in done_articles), default=timed.started)
    elapsed = max(last - timed.started, 1e-9)
    # Throughput over the articles that reached the sink (all of them when nothing is missing).
    reached = len(done_articles) if count < expected else len(articles)
    return reached / elapsed, count, timed


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    began = time.monotonic()
    header(argv)
    dev = load_dev_articles()

    # (a) -------------------------------------------------------------------------------------------
    section(f"(a) in-process extraction, one core, {args.extract_articles} articles "
            f"({len(dev)} dev articles repeated)")
    affinity = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    pinned = pin_to_one_core()
    result = measure_extraction(dev, args.extract_articles)
    if affinity is not None:
        os.sched_setaffinity(0, affinity)
    print(f"{pinned}; first article (loads lexicons, gazetteer) {result.warmup_s * 1000:.0f} ms, not counted")
    for stage in STAGE_NAMES:
        share = 100 * result.seconds[stage] / result.total_s
        print(f"  {stage:<10} {result.ms_per_article(stage):7.3f} ms/article  {share:5.1f} %")
    print(f"  {'total':<10} {1000 * result.total_s / result.articles:7.3f} ms/article  "
          f"=> {result.per_second:.0f} articles/s per core")
    events_per_source = result.events_by_source

    def expected_events(batch: list[BenchArticle]) -> int:
        return sum(events_per_source[a.source_id] for a in batch)

    # (b) + (c) + (d) on the real pipeline ---------------------------------------------------------
    section(f"(b) pipeline throughput, embedded broker, {args.workers} worker(s) per stage, "
            f"{args.partitions} partitions per topic")
    burst = repeated(dev, args.articles, "burst")
    steady = repeated(dev, int(args.rate * args.latency_seconds), "steady")
    results: dict[str, float] = {}
    with BenchPipeline(noop=False, replicas=args.workers, partitions=args.partitions, keep=args.keep) as real:
        print(f"hadath pipeline: {len(real.supervisor.workers) if real.supervisor else 0} workers ready "
              f"in {real.startup_s:.1f} s")
        wanted = expected_events(burst)
        rate, count, timed = throughput_run(real, burst, wanted, args.timeout)
        results["real"] = rate
        lost = wanted - count
        print(f"  published {len(burst)} articles in {timed.publish_s:.2f} s; sink holds {count}/{wanted} events "
              f"({'nothing lost' if lost == 0 else f'{lost} MISSING'})")
        print(f"  hadath : {rate:8.1f} articles/s  ({len(burst) / rate:.1f} s from first publish to last event stored)")
        if args.workers > 1:
            print("  partitions of each worker's source topic (consumer group assignment):")
            for name, parts in sorted(real.assignments().items()):
                print(f"    {name:<14} {parts}")
        rss = real.peak_rss()

        section(f"(c) latency publish -> sink at a steady {args.rate:g} articles/s for {args.latency_seconds:g} s")
        timed = real.publish_steady(steady, args.rate)
        stored = real.wait_stored(expected_events(steady) + count, args.timeout)
        latencies = [1000 * (stored[a.id][1] - timed.sent_at[a.id]) for a in steady if a.id in stored]
        with_events = sum(1 for a in steady if events_per_source[a.source_id])
        print("  latency of an article = time its last event was stored (the sink's stored_at, set by SQLite at "
              "insert) - time the bench sent it")
        print(f"  measured {len(latencies)} of {with_events} articles that have events "
              f"({len(steady) - with_events} of {len(steady)} published have none, so never reach the sink)")
        if latencies:
            p50, p95, p99 = (percentile(latencies, q) for q in (50, 95, 99))
            print(f"  p50 {p50:.0f} ms   p95 {p95:.0f} ms   p99 {p99:.0f} ms   max {max(latencies):.0f} ms   "
                  f"mean {statistics.fmean(latencies):.0f} ms")
        else:
            p99 = float("nan")
        rss = {name: max(mb, rss.get(name, 0.0)) for name, mb in real.peak_rss().items()}

    if not args.skip_noop:
        with BenchPipeline(noop=True, replicas=args.workers, partitions=args.partitions, keep=args.keep) as noop:
            print(f"\nno-op pipeline (tests/bench/noop_apps.py): workers ready in {noop.startup_s:.1f} s")
            noop_burst = repeated(dev, args.articles, "noop")
            rate, count, timed = throughput_run(noop, noop_burst, len(noop_burst), args.timeout)
            results["noop"] = rate
            print(f"  published {len(noop_burst)} articles in {timed.publish_s:.2f} s; "
                  f"sink holds {count}/{len(noop_burst)}")
            print(f"  no-op  : {rate:8.1f} articles/s  ({len(noop_burst) / rate:.1f} s)")
            if args.workers > 1:
                for name, parts in sorted(noop.assignments().items()):
                    print(f"    {name:<14} {parts}")
        ratio = results["real"] / results["noop"]
        print(f"  ratio hadath / no-op = {ratio:.2f}")
    else:
        ratio = float("nan")

    section("(d) peak RSS (VmHWM) of each process of the hadath pipeline")
    for name, mb in sorted(rss.items()):
        print(f"  {name:<16} {mb:7.1f} MB")
    max_rss = max(mb for name, mb in rss.items() if not name.startswith("broker"))

    print(f"\nbench took {time.monotonic() - began:.0f} s")
    print(f"BENCH extract_per_core={result.per_second:.0f} pipeline_ratio={ratio:.2f} p99_ms={p99:.0f} "
          f"max_rss_mb={max_rss:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
