"""10,000 messages, good and bad mixed, through the real pipeline: every event stored once, every bad one explained.

One worker per stage on a broker of its own. The valid articles are the dev articles repeated under new
ids (some published twice, as a duplicate delivery); the malformed ones cover invalid JSON, wrong types,
missing fields, empty values and bodies, deeply nested JSON, oversized and non-Arabic bodies. The expected
events come from ``hadath extract`` on the same valid articles; the sink must hold exactly those, each once.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.dead_letters import dead_letter_topics, list_dead_letters
from services.sink.store import EventQuery, open_store
from shared.kafka import make_producer
from shared.schemas import Event
from shared.settings import LimitSettings
from tests.chaos.verdict import compare
from tests.chaos.workload import interleave, malformed_messages, repeated_articles, write_jsonl
from tests.pipeline_harness import Pipeline, running_pipeline

pytestmark = pytest.mark.integration

TOTAL = 10_000
VALID = 600  # distinct valid articles (each costs ~80 ms of extraction; 2 cores)
DUPLICATES = 200  # valid articles published a second time, same key and bytes
MAX_BODY_BYTES = 20_000  # lowered so the oversized bodies stay small and quick to publish
TIME_LIMIT_S = 240.0


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pipeline]:
    extra_env = {"HADATH_SERVICE__LOG_LEVEL": "WARNING", "HADATH_LIMITS__MAX_BODY_BYTES": str(MAX_BODY_BYTES)}
    with running_pipeline(
        tmp_path_factory.mktemp("stress"), extra_env, LimitSettings(max_body_bytes=MAX_BODY_BYTES)
    ) as running:
        yield running


def stored(database_url: str) -> list[Event]:
    store = open_store(database_url)
    try:
        return store.query(EventQuery())
    finally:
        store.close()


def test_ten_thousand_mixed_messages(pipeline: Pipeline) -> None:
    settings, supervisor = pipeline.settings, pipeline.supervisor
    pids = {name: worker.pid for name, worker in supervisor.workers.items()}
    articles = repeated_articles(VALID, "stress")
    bad = malformed_messages(TOTAL - VALID - DUPLICATES, "stress", MAX_BODY_BYTES)
    articles_file = write_jsonl(articles, pipeline.work / "valid.jsonl")
    extractor = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "extract", str(articles_file)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=supervisor.env, cwd=Path.cwd(),
    )
    valid = [(a.id.encode(), a.model_dump_json().encode()) for a in articles]
    messages = list(interleave([*valid, *valid[:DUPLICATES]], [(m.key, m.value) for m in bad]))
    assert len(messages) == TOTAL
    started = time.monotonic()
    producer = make_producer(settings.kafka, max_request_size=2_000_000)
    for key, value in messages:
        producer.send(settings.topics.articles_raw, key=key, value=value)
    producer.flush(timeout=120)
    producer.close()

    output, _ = extractor.communicate(timeout=TIME_LIMIT_S)
    assert extractor.returncode == 0
    expected = [Event.model_validate_json(line) for line in output.splitlines() if line.strip()]
    assert len(expected) > VALID  # the dev articles average more than one event each

    dlq = settings.topics.dlq(settings.topics.articles_raw)
    letters: list = []  # type: ignore[type-arg]
    events: list[Event] = []
    while time.monotonic() - started < TIME_LIMIT_S:
        events = stored(pipeline.database_url)
        if len(events) >= len(expected):
            letters = list_dead_letters(settings, dead_letter_topics(settings, None), idle_s=1.0)
            if len(letters) >= len(bad):
                break
        time.sleep(2)
    time.sleep(3)  # let any late duplicate (there must be none) arrive
    events = stored(pipeline.database_url)
    letters = list_dead_letters(settings, dead_letter_topics(settings, None), idle_s=2.0)

    verdict = compare(expected, events)
    assert (verdict.lost, verdict.duplicated) == (0, 0), verdict

    reasons = {m.key.decode(): m.reason for m in bad if m.key is not None}
    seen = Counter(letter.key for letter in letters)
    assert all(letter.dlq_topic == dlq for letter in letters), Counter(letter.dlq_topic for letter in letters)
    assert seen == Counter(reasons.keys()), "each malformed message dead-lettered exactly once, nothing else"
    wrong = [(letter.key, letter.reason, reasons[letter.key]) for letter in letters
             if letter.reason != reasons[letter.key]]
    assert not wrong, wrong[:5]
    assert all(letter.message and letter.stage == "segmenter" for letter in letters)

    assert {name: worker.pid for name, worker in supervisor.workers.items()} == pids
    assert all(worker.alive() for worker in supervisor.workers.values()), supervisor.exited()
    print(f"\nstress: {TOTAL} messages, {len(events)} events stored, {len(letters)} dead letters, "
          f"{time.monotonic() - started:.0f}s")
