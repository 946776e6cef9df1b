"""Dead-letter headers: everything needed to explain and replay a failed message."""

from __future__ import annotations

import datetime as dt

from shared.dead_letter import (
    MAX_MESSAGE_CHARS,
    Header,
    Reason,
    SourceRecord,
    dead_letter_headers,
    original_headers,
    read_dead_letter,
)

NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
SOURCE = SourceRecord("articles.raw", 3, 42, 1_700_000_000_123, [("trace-id", b"abc")])


def headers_dict(headers: list[tuple[str, bytes]]) -> dict[str, str]:
    return {name: value.decode() for name, value in headers}


def test_headers_describe_stage_error_and_source() -> None:
    headers = headers_dict(dead_letter_headers("segmenter", Reason.decode, ValueError("bad json"), SOURCE, NOW))
    assert headers == {
        "trace-id": "abc",
        "hadath.error.stage": "segmenter",
        "hadath.error.reason": "decode",
        "hadath.error.exception.class.name": "builtins.ValueError",
        "hadath.error.exception.message": "bad json",
        "hadath.error.topic": "articles.raw",
        "hadath.error.partition": "3",
        "hadath.error.offset": "42",
        "hadath.error.timestamp": "1700000000123",
        "hadath.error.failed.at": "2026-01-02T03:04:05+00:00",
    }


def test_original_headers_come_first_and_stale_error_headers_are_replaced() -> None:
    replayed = SourceRecord("articles.raw", 0, 7, None, [("trace-id", b"abc"), (Header.stage.value, b"old")])
    headers = dead_letter_headers("detector", Reason.processing, RuntimeError("boom"), replayed, NOW)
    assert headers[0] == ("trace-id", b"abc")
    assert [value for name, value in headers if name == Header.stage.value] == [b"detector"]
    assert headers_dict(headers)[Header.source_timestamp.value] == ""


def test_long_messages_are_truncated_and_empty_ones_named() -> None:
    long = dead_letter_headers("s", Reason.processing, ValueError("x" * 10_000), SOURCE, NOW)
    assert len(headers_dict(long)[Header.exception_message.value]) == MAX_MESSAGE_CHARS
    empty = dead_letter_headers("s", Reason.processing, KeyError(), SOURCE, NOW)
    assert headers_dict(empty)[Header.exception_message.value] == "KeyError"


def test_read_back_round_trip() -> None:
    headers = dead_letter_headers("geolocator", Reason.time_budget, TimeoutError("slow"), SOURCE, NOW)
    info = read_dead_letter(headers)
    assert info is not None
    assert (info.stage, info.reason, info.topic, info.partition, info.offset, info.timestamp_ms) == (
        "geolocator", "time_budget", "articles.raw", 3, 42, 1_700_000_000_123,
    )
    assert info.exception_class == "builtins.TimeoutError"
    assert info.message == "slow"


def test_plain_headers_are_not_a_dead_letter_and_replay_strips_error_headers() -> None:
    assert read_dead_letter([("trace-id", b"abc")]) is None
    assert read_dead_letter(None) is None
    headers = dead_letter_headers("sink", Reason.decode, ValueError("x"), SOURCE, NOW)
    assert original_headers(headers) == [("trace-id", b"abc")]
