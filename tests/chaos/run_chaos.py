"""`make chaos`: two workers per stage, 2,000 articles, workers SIGKILLed at random; nothing lost or doubled.

The run: an embedded broker on a free port, the four stages with two replicas each (as ``hadath up
--workers 2`` starts them), the dev articles repeated under new ids published at a steady rate, and
meanwhile a worker of a random stage killed with SIGKILL at random moments (every stage at least once)
and restarted. When the sink stops growing, its contents are compared with ``hadath extract`` on the
same articles. The last line is ``CHAOS lost=N duplicated=N``; the exit code is 0 only when both are 0,
no worker died unless we killed it, and the run stayed within its time limit.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from services.dead_letters import dead_letter_topics, list_dead_letters
from services.sink.store import EventQuery, open_store
from services.supervisor import Supervisor, child_env
from shared.broker import EmbeddedBroker, free_port
from shared.kafka import STAGES, create_topics, make_producer
from shared.schemas import Article, Event
from shared.settings import Settings
from tests.chaos.snapshot import snapshot_code, snapshot_env
from tests.chaos.verdict import Verdict, compare
from tests.chaos.workload import repeated_articles, write_jsonl
from tests.conftest import free_web_port_base

IDLE_S = 45.0
"""Seconds without a new stored event after which the run stops waiting (rebalances take ~10 s)."""


def say(message: str) -> None:
    print(f"[chaos {time.strftime('%H:%M:%S')}] {message}", flush=True)


class Publisher(threading.Thread):
    """Publishes the articles to articles.raw at a steady rate, so kills land while work flows."""

    def __init__(self, settings: Settings, articles: list[Article], rate_per_s: float) -> None:
        super().__init__(name="publisher", daemon=True)
        self.settings = settings
        self.articles = articles
        self.rate_per_s = rate_per_s
        self.sent = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            producer = make_producer(self.settings.kafka)
            started = time.monotonic()
            for article in self.articles:
                producer.send(self.settings.topics.articles_raw, key=article.id.encode(),
                              value=article.model_dump_json().encode())
                self.sent += 1
                ahead = self.sent / self.rate_per_s - (time.monotonic() - started)
                if ahead > 0:
                    time.sleep(ahead)
            producer.flush(timeout=120)
            producer.close(timeout=10)
        except BaseException as exc:  # reported by the main thread
            self.error = exc


def stored_events(database_url: str) -> list[Event]:
    store = open_store(database_url)
    try:
        return store.query(EventQuery())
    finally:
        store.close()


def stored_count(database_url: str) -> int:
    try:
        store = open_store(database_url)
    except Exception:
        return 0
    try:
        return store.count()
    except Exception:
        return 0
    finally:
        store.close()


def dead_letter_summary(settings: Settings) -> Counter[tuple[str, str, str]]:
    """Dead letters by topic, stage and reason: valid articles must produce none, even under chaos."""
    letters = list_dead_letters(settings, dead_letter_topics(settings, None), idle_s=2.0)
    return Counter((d.dlq_topic, d.stage, f"{d.reason} {d.message[:120]}") for d in letters)


def expected_events(output: Path) -> list[Event]:
    with output.open(encoding="utf-8") as handle:
        return [Event.model_validate_json(line) for line in handle if line.strip()]


class Chaos:
    """Kills a random worker now and then and restarts it; remembers every kill so deaths we caused are known."""

    def __init__(self, supervisor: Supervisor, replicas: int, rng: random.Random) -> None:
        self.supervisor = supervisor
        self.replicas = replicas
        self.rng = rng
        self.pending = list(STAGES)
        rng.shuffle(self.pending)  # every stage first, in random order, then any stage
        self.kills: list[str] = []
        self.killed_pids: set[int] = set()

    def strike(self) -> None:
        stage = self.pending.pop(0) if self.pending else self.rng.choice(STAGES)
        name = f"{stage}-{self.rng.randrange(self.replicas)}"
        worker = self.supervisor.workers[name]
        if not worker.alive():
            return
        self.killed_pids.add(worker.pid)
        os.kill(worker.pid, signal.SIGKILL)
        worker.process.wait()
        worker.log_handle.close()
        self.kills.append(name)
        pause = self.rng.uniform(0.2, 3.0)
        say(f"SIGKILL {name} (pid {worker.pid}); restarting in {pause:.1f}s")
        time.sleep(pause)
        self.supervisor.start_worker(stage, int(name.rsplit("-", 1)[1]))

    def all_stages_hit(self) -> bool:
        return not self.pending

    def unexpected_deaths(self) -> list[str]:
        return [
            f"{w.name} (exit {w.process.returncode})"
            for w in self.supervisor.workers.values() if not w.alive() and w.pid not in self.killed_pids
        ]


def run(articles_count: int, replicas: int, rate: float, seed: int, time_limit_s: float, work: Path) -> int:
    started = time.monotonic()
    rng = random.Random(seed)
    broker = EmbeddedBroker(port=free_port()).start()
    database_url = f"sqlite:///{work / 'events.db'}"
    os.environ.update({
        "HADATH_KAFKA__BOOTSTRAP_SERVERS": broker.bootstrap_servers,
        "HADATH_SERVICE__DATA_DIR": str(work / "faust"),
        "HADATH_SERVICE__WEB_PORT": str(free_web_port_base()),
        "HADATH_SINK__DATABASE_URL": database_url,
        "HADATH_SERVICE__LOG_LEVEL": "WARNING",
    })
    settings = Settings()
    code = snapshot_code(work / "code")
    os.chdir(code)  # children run `python -m services.cli ...`: the current folder comes first on their path
    supervisor = Supervisor(
        snapshot_env(child_env(broker.bootstrap_servers, database_url), code), work / "logs", work / "faust"
    )
    extractor: subprocess.Popen[bytes] | None = None
    failures: list[str] = []
    try:
        create_topics(settings.kafka, settings.topics)
        articles = repeated_articles(articles_count, f"chaos{seed}")
        articles_file = write_jsonl(articles, work / "articles.jsonl")
        expected_file = work / "expected.jsonl"
        with expected_file.open("wb") as sink_file:
            extractor = subprocess.Popen(
                [sys.executable, "-m", "services.cli", "extract", str(articles_file)],
                stdout=sink_file, stderr=subprocess.DEVNULL, cwd=code, env=supervisor.env,
            )
        supervisor.start_all(replicas)
        say(f"broker {broker.bootstrap_servers}; {len(supervisor.workers)} workers starting; logs in {work / 'logs'}")
        if not supervisor.wait_ready(180):
            failures.append("workers did not join their groups in 180 s")
            for worker in supervisor.workers.values():
                say(f"{worker.name}: {worker.log_tail(5)}")
            return finish(None, failures, supervisor, broker, extractor)
        say(f"workers ready after {time.monotonic() - started:.0f}s; publishing {articles_count} articles "
            f"at {rate:g}/s while `hadath extract` computes the expected events")
        chaos = Chaos(supervisor, replicas, rng)
        publisher = Publisher(settings, articles, rate)
        publisher.start()

        expected: list[Event] | None = None
        last_count, last_change = -1, time.monotonic()
        next_kill = time.monotonic() + rng.uniform(2, 6)
        next_report = time.monotonic()
        deadline = started + time_limit_s
        while time.monotonic() < deadline:
            now = time.monotonic()
            if expected is None and extractor.poll() is not None:
                expected = expected_events(expected_file)
                say(f"`hadath extract` expects {len(expected)} events (exit {extractor.returncode})")
                if extractor.returncode != 0:
                    failures.append(f"hadath extract exited {extractor.returncode}")
            count = stored_count(database_url)
            if count != last_count:
                last_count, last_change = count, now
            flowing = publisher.is_alive() or (
                (expected is None or count < len(expected)) and now - last_change < IDLE_S
            )
            if now >= next_kill and (flowing or not chaos.all_stages_hit()):
                chaos.strike()
                next_kill = time.monotonic() + rng.uniform(3, 9)
            if now >= next_report:
                say(f"published {publisher.sent}/{articles_count}, stored {count} events, kills {len(chaos.kills)}")
                next_report = now + 10
            done = expected is not None and not publisher.is_alive() and chaos.all_stages_hit()
            if done and count >= len(expected) and now - last_change > 5:  # type: ignore[arg-type]
                break
            if done and now - last_change > IDLE_S:
                say(f"the sink made no progress for {IDLE_S:.0f} s: stop waiting")
                break
            time.sleep(0.5)
        else:
            failures.append(f"time limit of {time_limit_s:.0f}s reached")
        if publisher.error is not None:
            failures.append(f"publisher failed: {publisher.error!r}")
        if not chaos.all_stages_hit():
            failures.append(f"not every stage was killed: {chaos.kills}")
        deaths = chaos.unexpected_deaths()
        if deaths:
            failures.append(f"workers died without being killed: {deaths}")
        say(f"kills: {len(chaos.kills)} ({', '.join(chaos.kills)})")
        for (topic, stage, reason), n in sorted(dead_letter_summary(settings).items()):
            failures.append(f"{n} dead letter(s) on {topic} from {stage}: {reason}")
        if expected is None:
            failures.append("hadath extract did not finish")
            return finish(None, failures, supervisor, broker, extractor)
        verdict = compare(expected, stored_events(database_url))
        return finish(verdict, failures, supervisor, broker, extractor)
    except BaseException:
        finish(None, ["the harness itself failed"], supervisor, broker, extractor)
        raise


def finish(
    verdict: Verdict | None, failures: list[str], supervisor: Supervisor, broker: EmbeddedBroker,
    extractor: subprocess.Popen[bytes] | None,
) -> int:
    codes = supervisor.stop_all(timeout_s=15)
    unclean = {name: code for name, code in codes.items() if code not in (0, -signal.SIGKILL)}
    if unclean:
        failures.append(f"workers that did not stop cleanly on SIGTERM: {unclean}")
    if extractor is not None and extractor.poll() is None:
        extractor.kill()
        extractor.wait()
    broker.stop()
    for failure in failures:
        say(f"FAILED: {failure}")
    if verdict is None:
        print("CHAOS lost=-1 duplicated=-1", flush=True)
        return 1
    say(f"expected {verdict.expected} events, stored {verdict.stored}, unexpected {verdict.unexpected}; "
        f"lost e.g. {list(verdict.lost_examples)}, duplicated e.g. {list(verdict.duplicated_examples)}")
    print(verdict.line(), flush=True)
    return 0 if verdict.ok and not failures else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=2000, help="articles to publish (at least 2,000 for the issue)")
    parser.add_argument("--replicas", type=int, default=2, help="workers per stage")
    parser.add_argument("--rate", type=float, default=40.0, help="articles published per second")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: time-based, printed)")
    parser.add_argument("--time-limit", type=float, default=540.0, help="seconds before the run counts as failed")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs, database) for inspection")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time()) % 100_000
    say(f"seed {seed} (rerun with --seed {seed})")
    if args.keep:
        work = Path(tempfile.mkdtemp(prefix="hadath-chaos-"))
        say(f"work folder kept: {work}")
        return run(args.articles, args.replicas, args.rate, seed, args.time_limit, work)
    with tempfile.TemporaryDirectory(prefix="hadath-chaos-") as tmp:
        return run(args.articles, args.replicas, args.rate, seed, args.time_limit, Path(tmp))


if __name__ == "__main__":
    sys.exit(main())
