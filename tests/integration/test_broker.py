"""Against the real embedded broker: topics, publish/consume, stage workers, dead letters, shutdown."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from services.cli import app
from services.reading import assigned_consumer, poll_until_idle
from services.sink.sqlite_store import SqliteEventStore
from services.sink.store import EventQuery
from services.supervisor import Supervisor, child_env
from shared.broker import EmbeddedBroker
from shared.dead_letter import read_dead_letter
from shared.kafka import create_topics, make_producer
from shared.settings import Settings, Topics, get_settings
from tests.factories import sample_article, sample_event

pytestmark = pytest.mark.integration
runner = CliRunner()


def read_all(settings: Settings, topic: str, idle_s: float = 1.5) -> list:  # type: ignore[type-arg]
    consumer = assigned_consumer(settings, [topic], from_beginning=True)
    try:
        return list(poll_until_idle(consumer, idle_s))
    finally:
        consumer.close()


def wait_for(settings: Settings, topic: str, count: int, timeout_s: float = 60) -> list:  # type: ignore[type-arg]
    deadline = time.monotonic() + timeout_s
    records: list = []  # type: ignore[type-arg]
    while time.monotonic() < deadline:
        records = read_all(settings, topic, 0.5)
        if len(records) >= count:
            return records
    return records


def test_topics_are_created_once_with_their_dead_letter_twins(kafka_broker: EmbeddedBroker) -> None:
    settings = get_settings()
    topics = Topics(articles_raw="t1.raw", articles_segmented="t1.seg", events_detected="t1.det", events="t1.ev")
    assert create_topics(settings.kafka, topics) == topics.all()
    assert create_topics(settings.kafka, topics) == []
    assert len(topics.all()) == 8 and "t1.raw.dlq" in topics.all()


def test_publish_and_consume_keep_key_value_and_headers(kafka_broker: EmbeddedBroker) -> None:
    settings = get_settings()
    topics = Topics(articles_raw="t2.raw", articles_segmented="t2.seg", events_detected="t2.det", events="t2.ev")
    create_topics(settings.kafka, topics)
    producer = make_producer(settings.kafka)
    for i in range(20):
        producer.send("t2.raw", key=f"k{i}".encode(), value=f"v{i}".encode(), headers=[("h", b"x")])
    producer.flush()
    producer.close()
    records = read_all(settings, "t2.raw")
    assert sorted(r.key for r in records) == sorted(f"k{i}".encode() for i in range(20))
    assert {r.key: r.value for r in records}[b"k7"] == b"v7"
    assert all(list(r.headers) == [("h", b"x")] for r in records)
    assert len({r.partition for r in records}) > 1  # keyed records spread over the 4 partitions


@pytest.fixture(scope="module")
def workers(kafka_broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Supervisor]:
    """A segmenter and a sink worker, as `hadath up` runs them."""
    settings = get_settings()
    create_topics(settings.kafka, settings.topics)
    tmp = tmp_path_factory.mktemp("workers")
    supervisor = Supervisor(
        child_env(settings.kafka.servers, f"sqlite:///{tmp / 'events.db'}"), tmp / "logs", settings.service.data_dir
    )
    supervisor.start_worker("segmenter")
    supervisor.start_worker("sink")
    try:
        assert supervisor.wait_ready(90), [w.log_tail() for w in supervisor.workers.values()]
        yield supervisor
    finally:
        supervisor.stop_all()


def test_segmenter_dead_letters_poison_and_carries_on(workers: Supervisor, tmp_path: Path) -> None:
    settings = get_settings()
    good = tmp_path / "good.jsonl"
    good.write_text(sample_article("seg-ok-1").model_dump_json() + "\n", encoding="utf-8")
    poison = tmp_path / "poison.jsonl"
    poison.write_text('{"id": "seg-poison", "body": 42}\nnot json at all\n', encoding="utf-8")
    assert runner.invoke(app, ["publish", str(poison), "--raw"]).exit_code == 0
    published = runner.invoke(app, ["publish", str(good)])
    assert published.exit_code == 0, published.output

    segmented = wait_for(settings, settings.topics.articles_segmented, 1)
    assert [r.key for r in segmented] == [b"seg-ok-1"]
    letters = wait_for(settings, settings.topics.dlq(settings.topics.articles_raw), 2)
    by_key = {r.key: r for r in letters}
    assert set(by_key) == {b"seg-poison", None}
    assert by_key[b"seg-poison"].value == b'{"id": "seg-poison", "body": 42}'
    info = read_dead_letter(by_key[b"seg-poison"].headers)
    assert info is not None and (info.stage, info.reason, info.topic) == ("segmenter", "decode", "articles.raw")
    assert all(w.alive() for w in workers.workers.values())

    consumed = runner.invoke(
        app, ["consume", "--topic", "articles.segmented", "--from-beginning", "--limit", "1", "--idle-timeout", "5"]
    )
    assert consumed.exit_code == 0, consumed.output
    assert [json.loads(line)["article"]["id"] for line in consumed.stdout.splitlines()] == ["seg-ok-1"]

    listed = runner.invoke(app, ["dlq", "--json", "--topic", "articles.raw", "--wait", "1"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {(row["key"], row["stage"], row["reason"]) for row in rows} == {
        ("seg-poison", "segmenter", "decode"), ("", "segmenter", "decode"),
    }


def test_dlq_replay_sends_each_dead_letter_back_once(workers: Supervisor) -> None:
    settings = get_settings()
    dlq = settings.topics.dlq(settings.topics.articles_raw)
    before = len(wait_for(settings, dlq, 2))
    replay = runner.invoke(app, ["dlq", "--replay", "--topic", dlq, "--wait", "2"])
    assert replay.exit_code == 0, replay.output
    assert f"replayed {before} dead letter" in replay.stderr
    # the replayed poison fails again, so the dead-letter topic grows by the same number
    assert len(wait_for(settings, dlq, 2 * before)) == 2 * before
    again = runner.invoke(app, ["dlq", "--replay", "--topic", dlq, "--wait", "2"])
    assert f"replayed {before} dead letter" in again.stderr  # only the new ones, not the first batch again


def test_sink_stores_each_event_once_and_dead_letters_bad_events(workers: Supervisor) -> None:
    settings = get_settings()
    events = [sample_event("sink-a", 0), sample_event("sink-a", 9), sample_event("sink-b", 0)]
    producer = make_producer(settings.kafka)
    for event in [*events, events[0], events[1]]:  # redelivery of two events
        producer.send(settings.topics.events, key=event.article_id.encode(), value=event.model_dump_json().encode())
    producer.send(settings.topics.events, key=b"sink-bad", value=b'{"event_id": "x"}')
    producer.flush()
    producer.close()
    db = Path(workers.env["HADATH_SINK__DATABASE_URL"].removeprefix("sqlite:///"))
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline:
        if db.exists():
            store = SqliteEventStore(db)
            stored = store.count()
            store.close()
            if stored >= 3:
                break
        time.sleep(0.5)
    letters = wait_for(settings, settings.topics.dlq(settings.topics.events), 1)
    assert [r.key for r in letters] == [b"sink-bad"]
    time.sleep(2)  # give the duplicates time to (not) be written
    store = SqliteEventStore(db)
    assert sorted(e.event_id for e in store.query(EventQuery())) == sorted(e.event_id for e in events)
    store.close()


def test_worker_stops_cleanly_on_sigterm_within_ten_seconds(workers: Supervisor) -> None:
    worker = workers.start_worker("detector")
    assert workers.wait_ready(90)
    started = time.monotonic()
    os.kill(worker.pid, signal.SIGTERM)
    code = worker.process.wait(timeout=15)
    assert code == 0
    assert time.monotonic() - started < 10
