"""The hadath command line, without a broker: help, files, extract, events, schemas, clear errors."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from services.article_files import count_records, read_articles
from services.cli import app, describe_event
from services.sink.sqlite_store import SqliteEventStore
from shared.schemas import Article, Event
from shared.settings import get_settings
from tests.factories import sample_article, sample_event

runner = CliRunner()


def test_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("up", "broker", "worker", "publish", "consume", "extract", "events", "dlq", "schemas"):
        assert command in result.output


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    lines = [
        sample_article("a1").model_dump_json(),
        "{broken json",
        json.dumps({"id": "a2"}),  # no body
        "",
        sample_article("a3").model_dump_json(),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "سرت-خبر.txt").write_text("  التقى الوزير بنظيره في سرت.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    return tmp_path


def test_article_files_read_jsonl_txt_and_folders(articles_dir: Path) -> None:
    lines = list(read_articles(articles_dir))
    assert count_records(articles_dir) == len(lines) == 5
    assert [line.article.id if line.article else None for line in lines] == ["a1", None, None, "a3", "سرت-خبر"]
    assert lines[1].error and lines[1].key is None
    assert lines[2].error and "body" in lines[2].error and lines[2].key == b"a2"
    assert lines[4].article is not None and lines[4].article.body == "التقى الوزير بنظيره في سرت."
    assert lines[1].origin.endswith("batch.jsonl:2")


def test_extract_prints_one_event_per_line_and_reports_invalid_records(
    articles_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_extract(article: Article, **_: object) -> list[Event]:
        return [sample_event(article.id, 0), sample_event(article.id, 5)]

    monkeypatch.setattr("services.pipeline.extract", fake_extract)
    result = runner.invoke(app, ["extract", str(articles_dir / "batch.jsonl")])
    assert result.exit_code == 0
    events = [Event.model_validate_json(line) for line in result.stdout.splitlines()]
    assert [(e.article_id, e.event_id) for e in events] == [
        ("a1", sample_event("a1", 0).event_id), ("a1", sample_event("a1", 5).event_id),
        ("a3", sample_event("a3", 0).event_id), ("a3", sample_event("a3", 5).event_id),
    ]
    assert "skipped" in result.stderr and "2 record(s) skipped" in result.stderr


def test_extract_keeps_going_when_an_article_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def flaky(article: Article, **_: object) -> list[Event]:
        if article.id == "a1":
            raise RuntimeError("cannot")
        return [sample_event(article.id)]

    monkeypatch.setattr("services.pipeline.extract", flaky)
    path = tmp_path / "a.jsonl"
    path.write_text(sample_article("a1").model_dump_json() + "\n" + sample_article("a2").model_dump_json() + "\n")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    assert [json.loads(line)["article_id"] for line in result.stdout.splitlines()] == ["a2"]
    assert "RuntimeError: cannot" in result.stderr


def test_missing_input_is_a_clear_error_without_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.output


def test_events_table_and_json(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    store = SqliteEventStore(db)
    store.upsert([sample_event("a1"), sample_event("a2").model_copy(update={"place": None})])
    store.close()
    as_json = runner.invoke(app, ["events", "--db", str(db), "--json"])
    assert as_json.exit_code == 0
    assert [Event.model_validate_json(line).article_id for line in as_json.stdout.splitlines()] == ["a1", "a2"]
    filtered = runner.invoke(app, ["events", "--db", str(db), "--json", "--country", "EG"])
    assert len(filtered.stdout.splitlines()) == 1
    table = runner.invoke(app, ["events", "--db", f"sqlite:///{db}"])
    assert table.exit_code == 0 and "2 event(s)" in table.stdout and "meeting" in table.stdout


def test_events_on_a_missing_store_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no events store" in result.stderr


def test_schemas_check_passes_on_the_committed_files() -> None:
    result = runner.invoke(app, ["schemas", "--check"])
    assert result.exit_code == 0, result.output


def test_unknown_stage_and_topic_are_user_errors() -> None:
    assert runner.invoke(app, ["worker", "nonsense"]).exit_code == 1
    result = runner.invoke(app, ["dlq", "--topic", "nope"])
    assert result.exit_code == 1 and "not a hadath dead-letter topic" in result.stderr


def test_describe_event_names_type_status_participants_and_place() -> None:
    line = describe_event(sample_event())
    for part in ("meeting", "occurred", "الرئيس", "الوزير", "Cairo", "EG", "city"):
        assert part in line
    assert "place unknown" in describe_event(sample_event().model_copy(update={"place": None}))


def test_unreachable_kafka_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from shared.broker import free_port
    from shared.settings import get_settings

    monkeypatch.setenv("HADATH_KAFKA__BOOTSTRAP_SERVERS", f"127.0.0.1:{free_port()}")
    get_settings.cache_clear()
    try:
        path = tmp_path / "a.jsonl"
        path.write_text(sample_article().model_dump_json() + "\n")
        result = runner.invoke(app, ["publish", str(path)])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert "no Kafka broker answers" in result.stderr and "Traceback" not in result.output


def test_extract_gives_up_on_an_article_at_the_time_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pathological article cannot hang the batch command: it fails at the stream's budget, the rest goes on."""

    def slow(article: Article, **_: object) -> list[Event]:
        if article.id == "a1":
            time.sleep(30)
        return [sample_event(article.id)]

    monkeypatch.setattr("services.pipeline.extract", slow)
    monkeypatch.setenv("HADATH_LIMITS__ARTICLE_TIME_BUDGET_S", "0.1")
    get_settings.cache_clear()
    path = tmp_path / "a.jsonl"
    path.write_text(sample_article("a1").model_dump_json() + "\n" + sample_article("a2").model_dump_json() + "\n")
    started = time.monotonic()
    try:
        result = runner.invoke(app, ["extract", str(path)])
    finally:
        monkeypatch.delenv("HADATH_LIMITS__ARTICLE_TIME_BUDGET_S")
        get_settings.cache_clear()
    assert time.monotonic() - started < 10
    assert [json.loads(line)["article_id"] for line in result.stdout.splitlines()] == ["a2"]
    assert "TimeBudgetExceeded" in result.stderr
