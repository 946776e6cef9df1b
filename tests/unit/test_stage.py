"""The generic stage runner: every error path ends in one dead letter, never an exception."""

from __future__ import annotations

import time
from collections.abc import Sequence

import pytest
from pydantic import BaseModel

from shared.dead_letter import SourceRecord, read_dead_letter
from shared.metrics import StageMetrics
from shared.schemas import Article
from shared.settings import LimitSettings
from shared.stage import ALARM_REPEAT_S, Incoming, Stage, StageRunner, TimeBudgetExceeded
from tests.factories import sample_article


class Echo(BaseModel):
    article_id: str
    length: int


def make_stage(process, limits: LimitSettings | None = None, sink_topic: str | None = "out") -> Stage[Article]:  # type: ignore[no-untyped-def]
    return Stage(
        name="test",
        source_topic="in",
        sink_topic=sink_topic,
        decode=Article.model_validate_json,
        process=process,
        key_of=lambda article: article.id,
        body_of=lambda article: article.body,
        limits=limits or LimitSettings(),
    )


def echo(article: Article) -> Sequence[BaseModel]:
    return [Echo(article_id=article.id, length=len(article.body)), Echo(article_id=article.id, length=0)]


def record(value: bytes | None, key: bytes | None = b"k") -> Incoming:
    return Incoming(key=key, value=value, source=SourceRecord("in", 1, 9, 1000, [("h", b"v")]))




def metrics_value(metrics: StageMetrics, name: str, labels: dict[str, str]) -> float:
    collectors = {
        "hadath_messages_total": metrics.messages,
        "hadath_dead_letters_total": metrics.dead_letters,
        "hadath_articles_processed_total": metrics.articles,
    }
    for family in collectors[name].collect():
        for sample in family.samples:
            if sample.name == name and sample.labels == labels:
                return float(sample.value)
    return 0.0


def test_ok_message_sends_every_output_keyed_by_article_id(metrics: StageMetrics) -> None:
    article = sample_article("a-7")
    out = StageRunner(make_stage(echo), metrics).handle(record(article.model_dump_json().encode(), key=b"other"))
    assert [(o.topic, o.key) for o in out] == [("out", b"a-7"), ("out", b"a-7")]
    assert Echo.model_validate_json(out[0].value) == Echo(article_id="a-7", length=len(article.body))
    assert metrics_value(metrics, "hadath_messages_total", {"stage": "test", "outcome": "ok"}) == 1
    assert metrics_value(metrics, "hadath_articles_processed_total", {"stage": "test"}) == 1


def test_stage_without_sink_topic_sends_nothing(metrics: StageMetrics) -> None:
    out = StageRunner(make_stage(echo, sink_topic=None), metrics).handle(
        record(sample_article().model_dump_json().encode())
    )
    assert out == []


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (b"{not json", "ValidationError"),
        (b'{"id": "x"}', "ValidationError"),  # body missing
        (b'{"id": 5, "body": ["list"]}', "ValidationError"),
        (b"\xff\xfe\x00garbage", "ValidationError"),
        (b"", "EmptyMessage"),
        (None, "EmptyMessage"),
    ],
)
def test_undecodable_messages_are_dead_lettered_with_original_bytes(
    metrics: StageMetrics, value: bytes | None, error: str
) -> None:
    out = StageRunner(make_stage(echo), metrics).handle(record(value))
    assert len(out) == 1
    letter = out[0]
    assert (letter.topic, letter.key, letter.value) == ("in.dlq", b"k", value or b"")
    assert letter.headers[0] == ("h", b"v")
    info = read_dead_letter(letter.headers)
    assert info is not None
    assert (info.stage, info.reason, info.topic, info.partition, info.offset) == ("test", "decode", "in", 1, 9)
    assert info.exception_class.endswith(error)
    assert metrics_value(metrics, "hadath_dead_letters_total", {"stage": "test", "error": error}) == 1
    assert metrics_value(metrics, "hadath_messages_total", {"stage": "test", "outcome": "dead_letter"}) == 1


def test_body_over_the_limit_is_dead_lettered(metrics: StageMetrics) -> None:
    calls: list[str] = []

    def record_call(article: Article) -> Sequence[BaseModel]:
        calls.append(article.id)
        return []

    stage = make_stage(record_call, LimitSettings(max_body_bytes=100))
    body = "ب" * 51  # 102 UTF-8 bytes
    out = StageRunner(stage, metrics).handle(record(sample_article(body=body).model_dump_json().encode()))
    info = read_dead_letter(out[0].headers)
    assert info is not None and info.reason == "body_too_large"
    assert "102 bytes" in info.message
    assert calls == []


def test_logic_exception_is_dead_lettered_not_raised(metrics: StageMetrics) -> None:
    def broken(article: Article) -> Sequence[BaseModel]:
        raise NotImplementedError("detector not ready")

    out = StageRunner(make_stage(broken), metrics).handle(record(sample_article().model_dump_json().encode()))
    info = read_dead_letter(out[0].headers)
    assert info is not None
    assert (info.reason, info.exception_class, info.message) == (
        "processing", "builtins.NotImplementedError", "detector not ready",
    )


def test_time_budget_interrupts_a_runaway_python_loop(metrics: StageMetrics) -> None:
    def spin(article: Article) -> Sequence[BaseModel]:
        while True:
            pass

    started = time.monotonic()
    out = StageRunner(make_stage(spin, LimitSettings(article_time_budget_s=0.3)), metrics).handle(
        record(sample_article().model_dump_json().encode())
    )
    assert time.monotonic() - started < 2
    info = read_dead_letter(out[0].headers)
    assert info is not None and info.reason == "time_budget"


def test_time_budget_fires_again_when_its_first_alarm_is_dropped(metrics: StageMetrics) -> None:
    """Python drops an exception raised inside a gc callback or __del__; the budget must still end the message."""
    dropped = []

    def spin_through_one_dropped_alarm(article: Article) -> Sequence[BaseModel]:
        give_up_at = time.monotonic() + 5
        while time.monotonic() < give_up_at:
            try:
                while time.monotonic() < give_up_at:
                    pass
            except TimeBudgetExceeded as exc:
                if dropped:
                    raise
                dropped.append(exc)  # what a gc callback does with it
        return []

    started = time.monotonic()
    stage = make_stage(spin_through_one_dropped_alarm, LimitSettings(article_time_budget_s=0.2))
    out = StageRunner(stage, metrics).handle(record(sample_article().model_dump_json().encode()))
    assert len(dropped) == 1
    assert time.monotonic() - started < 2
    info = read_dead_letter(out[0].headers)
    assert info is not None and info.reason == "time_budget"
    time.sleep(3 * ALARM_REPEAT_S)  # and once the message is over, the repeating alarm is off


def test_time_budget_also_applies_to_calls_that_cannot_be_interrupted(metrics: StageMetrics) -> None:
    def slow_c_call(article: Article) -> Sequence[BaseModel]:
        time.sleep(0.35)  # interrupted by the alarm too, or measured afterwards
        return []

    out = StageRunner(make_stage(slow_c_call, LimitSettings(article_time_budget_s=0.2)), metrics).handle(
        record(sample_article().model_dump_json().encode())
    )
    info = read_dead_letter(out[0].headers)
    assert info is not None and info.reason == "time_budget"


def test_runner_carries_on_after_a_poison_message(metrics: StageMetrics) -> None:
    runner = StageRunner(make_stage(echo), metrics)
    assert runner.handle(record(b"poison"))[0].topic == "in.dlq"
    assert [o.topic for o in runner.handle(record(sample_article().model_dump_json().encode()))] == ["out", "out"]
