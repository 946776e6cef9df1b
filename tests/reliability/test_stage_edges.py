"""Every real stage decodes at its edge: poison becomes one dead letter (bytes, headers, metric, log), never a crash."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from shared.dead_letter import Header, SourceRecord, read_dead_letter
from shared.kafka import STAGES
from shared.metrics import StageMetrics
from shared.schemas import Article
from shared.settings import LimitSettings, Settings, SinkSettings
from shared.stage import Incoming, Stage, StageRunner
from tests.chaos.workload import dev_articles
from tests.factories import sample_article

NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)
POISON = [
    pytest.param(b"", id="empty"),
    pytest.param(b"not json", id="not-json"),
    pytest.param(b"\xff\xfe\x00\x01", id="invalid-utf8"),
    pytest.param(b'{"id": 1, "body": ["x"]}', id="wrong-types"),
    pytest.param(b"{}", id="missing-fields"),
    pytest.param(b"null", id="null"),
    pytest.param(b"[" * 20_000 + b"]" * 20_000, id="deeply-nested-json"),
    pytest.param(b'{"a":' * 5_000 + b"1" + b"}" * 5_000, id="deeply-nested-objects"),
]


def real_stage(name: str, tmp_path: Path, metrics: StageMetrics, limits: LimitSettings | None = None) -> Stage:  # type: ignore[type-arg]
    settings = Settings(sink=SinkSettings(database_url=f"sqlite:///{tmp_path / 'events.db'}"),
                        limits=limits or LimitSettings())
    module = importlib.import_module(f"services.{name}.app")
    stage: Stage = module.build_stage(settings, metrics)  # type: ignore[type-arg]
    if stage.warm_up is not None:
        stage.warm_up()  # as the worker does before consuming: lazy loading is not charged to the time budget
    return stage


def incoming(stage: Stage, value: bytes, key: bytes | None = b"art-9") -> Incoming:  # type: ignore[type-arg]
    return Incoming(key=key, value=value,
                    source=SourceRecord(stage.source_topic, 3, 41, 1_700_000_000_000, [("trace", b"abc")]))


def dead_letter_count(metrics: StageMetrics, stage: str) -> float:
    return sum(
        sample.value
        for family in metrics.messages.collect()
        for sample in family.samples
        if sample.name == "hadath_messages_total" and sample.labels == {"stage": stage, "outcome": "dead_letter"}
    )


@pytest.mark.parametrize("stage_name", STAGES)
@pytest.mark.parametrize("value", POISON)
def test_poison_becomes_one_dead_letter_with_original_bytes_headers_metric_and_log(
    stage_name: str, value: bytes, tmp_path: Path, metrics: StageMetrics, caplog: pytest.LogCaptureFixture
) -> None:
    stage = real_stage(stage_name, tmp_path, metrics)
    runner = StageRunner(stage, metrics, clock=lambda: NOW)
    with caplog.at_level(logging.WARNING, logger="hadath.stage"):
        [out] = runner.handle(incoming(stage, value))
    assert out.topic == f"{stage.source_topic}.dlq"
    assert (out.key, out.value) == (b"art-9", value)
    assert out.headers[0] == ("trace", b"abc")  # the source record's own headers first, untouched
    names = {name for name, _ in out.headers}
    assert {h.value for h in Header} <= names
    info = read_dead_letter(out.headers)
    assert info is not None
    assert (info.stage, info.reason, info.topic, info.partition, info.offset, info.timestamp_ms) == (
        stage_name, "decode", stage.source_topic, 3, 41, 1_700_000_000_000)
    assert info.exception_class and info.message and info.failed_at == NOW.isoformat()
    assert dead_letter_count(metrics, stage_name) == 1
    assert any(f"stage={stage_name}" in r.getMessage() and "offset=41" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("stage_name", STAGES)
def test_a_stage_keeps_working_after_a_run_of_poison(stage_name: str, tmp_path: Path, metrics: StageMetrics) -> None:
    """Poison never blocks: the next good message of the stage's own type is processed normally."""
    from services.detector.logic import detect
    from services.pipeline import extract
    from services.segmenter.logic import segment

    stage = real_stage(stage_name, tmp_path, metrics)
    runner = StageRunner(stage, metrics, clock=lambda: NOW)
    for param in POISON:
        runner.handle(incoming(stage, param.values[0]))  # type: ignore[arg-type]
    article = dev_articles()[0].model_copy(update={"id": "good-1"})
    good = {
        "segmenter": lambda: article.model_dump_json(),
        "detector": lambda: segment(article).model_dump_json(),
        "geolocator": lambda: detect(segment(article)).model_dump_json(),
        "sink": lambda: extract(article, NOW)[0].model_dump_json(),
    }[stage_name]()
    outputs = runner.handle(incoming(stage, good.encode(), b"good-1"))
    assert all(not out.topic.endswith(".dlq") for out in outputs)
    if stage.sink_topic:
        assert outputs and all(out.key == b"good-1" for out in outputs)


def test_an_oversized_body_is_dead_lettered_with_its_size(tmp_path: Path, metrics: StageMetrics) -> None:
    stage = real_stage("segmenter", tmp_path, metrics, LimitSettings(max_body_bytes=1000))
    body = "ب" * 501  # 1002 bytes of UTF-8
    [out] = StageRunner(stage, metrics).handle(incoming(stage, sample_article("big", body).model_dump_json().encode()))
    info = read_dead_letter(out.headers)
    assert info is not None and info.reason == "body_too_large" and "1002 bytes" in info.message


def test_the_default_body_limit_is_one_megabyte() -> None:
    assert LimitSettings().max_body_bytes == 1_000_000


@pytest.mark.parametrize(
    "body",
    [
        "The defence minister met his counterpart in Paris on Monday.",
        "Министр обороны встретился с коллегой в Москве.",
        "1234567890 !!! ---",
        "国防部长周一在北京会见了他的同行。 وزير",
    ],
)
def test_the_segmenter_dead_letters_bodies_that_are_not_arabic(
    body: str, tmp_path: Path, metrics: StageMetrics
) -> None:
    stage = real_stage("segmenter", tmp_path, metrics)
    [out] = StageRunner(stage, metrics).handle(incoming(stage, sample_article("en", body).model_dump_json().encode()))
    info = read_dead_letter(out.headers)
    assert out.topic == "articles.raw.dlq"
    assert info is not None and info.reason == "not_arabic" and info.message.startswith("not Arabic")


def test_arabic_with_some_latin_names_and_numbers_is_accepted(tmp_path: Path, metrics: StageMetrics) -> None:
    body = "التقى وزير الدفاع نظيره الفرنسي في باريس (Paris) يوم 12 مايو 2024 لبحث التعاون مع NATO."
    stage = real_stage("segmenter", tmp_path, metrics)
    [out] = StageRunner(stage, metrics).handle(incoming(stage, sample_article("ar", body).model_dump_json().encode()))
    assert out.topic == "articles.segmented"
    assert json.loads(out.value)["article"]["id"] == "ar"


class Unserialisable(BaseModel):
    value: Any


def generic_stage(decode: Any = None, process: Any = None, observe: Any = None) -> Stage:  # type: ignore[type-arg]
    return Stage(
        name="edge", source_topic="in", sink_topic="out",
        decode=decode or Article.model_validate_json,
        process=process or (lambda article: [article]),
        key_of=lambda article: article.id, body_of=lambda article: article.body,
        limits=LimitSettings(), observe=observe,
    )


def good_article() -> bytes:
    return sample_article("edge-1").model_dump_json().encode()


def test_any_decode_failure_is_a_decode_dead_letter(metrics: StageMetrics) -> None:
    def recursing(value: bytes) -> Article:
        raise RecursionError("maximum recursion depth exceeded")

    stage = generic_stage(decode=recursing)
    [out] = StageRunner(stage, metrics).handle(incoming(stage, good_article()))
    info = read_dead_letter(out.headers)
    assert info is not None and info.reason == "decode" and info.exception_class.endswith("RecursionError")


def test_an_output_that_cannot_be_serialised_is_dead_lettered_not_raised(metrics: StageMetrics) -> None:
    stage = generic_stage(process=lambda article: [Unserialisable(value=object())])
    [out] = StageRunner(stage, metrics).handle(incoming(stage, good_article()))
    info = read_dead_letter(out.headers)
    assert out.topic == "in.dlq" and info is not None and info.reason == "processing"


def test_a_failing_metrics_observer_neither_raises_nor_loses_the_output(
    metrics: StageMetrics, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(metrics: StageMetrics, message: Article, outputs: Any) -> None:
        raise KeyError("label")

    stage = generic_stage(observe=broken)
    with caplog.at_level(logging.ERROR, logger="hadath.stage"):
        [out] = StageRunner(stage, metrics).handle(incoming(stage, good_article()))
    assert out.topic == "out" and out.key == b"edge-1"
    assert "metrics observer failed" in caplog.text


def test_an_article_whose_segmentation_exceeds_the_message_limit_is_dead_lettered(
    tmp_path: Path, metrics: StageMetrics
) -> None:
    """A segmented article carries every token (~6x its body): one above the producer's message limit is
    dead-lettered (it used to crash the faust agent and vanish). The limit is lowered here to 400 kB so that a
    150 kB body, far below the body limit, crosses it."""
    article = dev_articles()[0]
    long = article.model_copy(update={"id": "long", "body": (article.body + " ") * 22})
    assert len(long.body.encode()) < LimitSettings().max_body_bytes
    stage = real_stage("segmenter", tmp_path, metrics)
    runner = StageRunner(stage, metrics, max_output_bytes=400_000)
    [out] = runner.handle(incoming(stage, long.model_dump_json().encode(), b"long"))
    info = read_dead_letter(out.headers)
    assert out.topic == "articles.raw.dlq" and info is not None and info.reason == "output_too_large"
    assert "400000-byte" in info.message
