"""Pathological input through the real stages (decode edge, limits, pure logic): events or a clean dead letter, fast.

"Clean" means a decode, size or not-Arabic dead letter: never an exception out of the runner, never the
time budget (a blown budget means catastrophic backtracking or a super-linear loop), never a crash in
the logic. Examples are bounded so the suite stays fast; hypothesis shrinks any failure to a small input.
"""

from __future__ import annotations

import importlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prometheus_client import CollectorRegistry

from shared.dead_letter import SourceRecord, read_dead_letter
from shared.metrics import build_metrics
from shared.schemas import Event
from shared.settings import LimitSettings, Settings, SinkSettings
from shared.stage import Incoming, Stage, StageRunner, TimeBudgetExceeded, time_budget
from tests.factories import sample_article

BUDGET_S = LimitSettings().article_time_budget_s
CLEAN_REASONS = {"decode", "body_too_large", "not_arabic", "output_too_large"}
BIDI_AND_INVISIBLE = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200b\u200c\u200d\ufeff"
CONTROLS = "".join(chr(c) for c in range(0x00, 0x20)) + "\x7f\x85\u2028\u2029"
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى" + "ًٌٍَُِّْـ" + "٠١٢٣٤٥٦٧٨٩،؛؟«»"
OTHER_SCRIPTS = "abcXYZ éßøЖжשלום中文日本語한국어ไทย👍🏽🇱🇾" + "\u0301\u0308"  # Latin, Cyrillic, Hebrew, CJK, emoji
PATHOLOGICAL_CHARS = list(ARABIC + BIDI_AND_INVISIBLE + CONTROLS + OTHER_SCRIPTS + " .()[]\"'\\/-:")
SCRIPT_SOUP = st.text(alphabet=st.sampled_from(PATHOLOGICAL_CHARS), min_size=1, max_size=3000)
# Arabic prose mixed with the soup: the extractors' real paths (triggers, names, places) get exercised too.
ARABIC_PHRASES = ["التقى الرئيس", " وزير الدفاع ", " في القاهرة ", " زار ", " اتفاقية تدريب عسكري ", " يوم الاثنين ",
                  "محمد بن سلمان", ". ", "، ", "\n"]

property_settings = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@dataclass(frozen=True)
class Outcome:
    events: list[Event]
    reason: str | None  # the dead-letter reason, None when the article went all the way through
    stage: str | None


class Chain:
    """The segmenter, detector and geolocator stages chained through their runners, as the stream runs them."""

    def __init__(self, tmp: Path) -> None:
        config = Settings(sink=SinkSettings(database_url=f"sqlite:///{tmp / 'events.db'}"))
        metrics = build_metrics(CollectorRegistry())
        self.runners = {
            name: StageRunner(importlib.import_module(f"services.{name}.app").build_stage(config, metrics), metrics)
            for name in ("segmenter", "detector", "geolocator", "sink")
        }
        for runner in self.runners.values():
            if runner.stage.warm_up is not None:
                runner.stage.warm_up()  # as workers do before consuming

    def stage(self, name: str) -> Stage:  # type: ignore[type-arg]
        return self.runners[name].stage

    def run(self, value: bytes, key: bytes = b"p") -> Outcome:
        values = [value]
        for name in ("segmenter", "detector", "geolocator"):
            stage = self.stage(name)
            following: list[bytes] = []
            for item in values:
                for out in self.runners[name].handle(incoming(stage.source_topic, key, item)):
                    if out.topic.endswith(".dlq"):
                        info = read_dead_letter(out.headers)
                        assert info is not None
                        return Outcome([], info.reason, name)
                    following.append(out.value)
            values = following
        return Outcome([Event.model_validate_json(v) for v in values], None, None)


def incoming(topic: str, key: bytes | None, value: bytes) -> Incoming:
    return Incoming(key=key, value=value, source=SourceRecord(topic, 0, 0, None))


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Chain:
    return Chain(tmp_path_factory.mktemp("chain"))


def article_bytes(body: str, title: str | None = None) -> bytes:
    return sample_article("p", body).model_copy(update={"title": title}).model_dump_json().encode()


def assert_clean(outcome: Outcome) -> None:
    assert outcome.reason is None or outcome.reason in CLEAN_REASONS, outcome


@property_settings
@given(char=st.sampled_from(PATHOLOGICAL_CHARS) | st.characters(exclude_categories=["Cs"]))
def test_one_character_repeated_100k_times(chain: Chain, char: str) -> None:
    started = time.perf_counter()
    outcome = chain.run(article_bytes(char * 100_000))
    assert_clean(outcome)
    assert time.perf_counter() - started < 3 * BUDGET_S  # three stages, each within its budget


@property_settings
@given(body=SCRIPT_SOUP)
def test_mixed_scripts_bidi_marks_and_control_characters(chain: Chain, body: str) -> None:
    assert_clean(chain.run(article_bytes(body, title=body[:50])))


@property_settings
@given(parts=st.lists(st.sampled_from(ARABIC_PHRASES) | SCRIPT_SOUP.map(lambda s: s[:40]), min_size=1, max_size=200))
def test_arabic_prose_interleaved_with_noise(chain: Chain, parts: list[str]) -> None:
    outcome = chain.run(article_bytes("".join(parts)))
    assert_clean(outcome)
    for event in outcome.events:
        assert event.article_id == "p" and 0.0 <= event.confidence <= 1.0


@property_settings
@given(value=st.binary(min_size=0, max_size=5000))
def test_random_bytes_at_every_stage_edge_become_a_decode_dead_letter(chain: Chain, value: bytes) -> None:
    for name in ("segmenter", "detector", "geolocator", "sink"):
        stage = chain.stage(name)
        [out] = chain.runners[name].handle(incoming(stage.source_topic, b"k", value))
        info = read_dead_letter(out.headers)
        assert out.topic == f"{stage.source_topic}.dlq" and out.value == value
        assert info is not None and info.reason == "decode"


@property_settings
@given(prefix=st.binary(max_size=200), suffix=st.binary(max_size=200),
       body=st.sampled_from(["مرحبا", "التقى الرئيس بالوزير"]))
def test_invalid_utf8_inside_an_otherwise_valid_article(chain: Chain, prefix: bytes, suffix: bytes, body: str) -> None:
    raw = json.dumps({"id": "p", "body": "BODY"}).encode().replace(b"BODY", prefix + body.encode() + suffix)
    assert_clean(chain.run(raw))


@property_settings
@given(depth=st.integers(min_value=1, max_value=200_000), opener=st.sampled_from(["[", '{"a":', '{"body":']))
def test_deeply_nested_json_is_a_decode_dead_letter(chain: Chain, depth: int, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    value = (opener * depth + "1" + closer * depth).encode()
    for name in ("segmenter", "detector", "geolocator", "sink"):
        stage = chain.stage(name)
        [out] = chain.runners[name].handle(incoming(stage.source_topic, b"k", value))
        info = read_dead_letter(out.headers)
        assert info is not None and info.reason == "decode"


@property_settings
@given(field=st.sampled_from(["id", "title", "source", "url", "language"]),
       text=st.sampled_from(PATHOLOGICAL_CHARS).map(lambda c: c * 50_000))
def test_pathological_metadata_fields(chain: Chain, field: str, text: str) -> None:
    payload = {"id": "p", "body": "التقى الرئيس بالوزير في القاهرة.", field: text}
    assert_clean(chain.run(json.dumps(payload, ensure_ascii=False).encode()))


def test_the_body_limit_holds_for_a_body_just_over_a_megabyte(chain: Chain) -> None:
    outcome = chain.run(article_bytes("ب" * 500_001))  # 1,000,002 bytes of UTF-8
    assert (outcome.stage, outcome.reason) == ("segmenter", "body_too_large")


REPEATED_TRIGGER = "التقى " * 20_000  # 120 kB: one sentence holding 20,000 meeting triggers


def _detect_seconds(body: str) -> float:
    from services.detector.logic import detect
    from services.segmenter.logic import segment

    segmented = segment(sample_article("p", body))
    started = time.perf_counter()
    detect(segmented)
    return time.perf_counter() - started


def test_detector_time_grows_linearly_with_the_triggers_of_one_unpunctuated_run() -> None:
    """Four times the triggers cost about four times the time, not sixteen. The segmenter cuts a run with no
    stop at MAX_SENTENCE_CHARS, and the merge checks cost the same for any number of mentions, so no scan
    done per trigger grows with the article."""
    _detect_seconds("التقى الرئيس بالوزير.")  # lexicons built outside the timing
    small = min(_detect_seconds("التقى " * 800) for _ in range(2))
    large = min(_detect_seconds("التقى " * 3200) for _ in range(2))
    assert large / small < 8, f"800 triggers {small:.2f} s, 3,200 triggers {large:.2f} s"


def test_the_stream_contains_the_slow_input_as_a_time_budget_dead_letter(chain: Chain) -> None:
    """Whatever the logic costs, the stage gives up at its budget with a clean dead letter and carries on."""
    started = time.perf_counter()
    outcome = chain.run(article_bytes(REPEATED_TRIGGER))
    assert outcome.reason in {None, "time_budget", "output_too_large"}
    assert time.perf_counter() - started < 3 * BUDGET_S + 2
    assert chain.run(article_bytes("التقى الرئيس بالوزير في القاهرة.")).reason is None


def test_time_budget_exception_is_what_the_budget_raises() -> None:
    with pytest.raises(TimeBudgetExceeded), time_budget(0.05):
        while True:
            pass


