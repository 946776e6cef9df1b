"""Articles for the chaos and stress runs: the dev articles repeated under new ids, and malformed messages.

Repeating real articles (not synthetic text) keeps the run honest: every stage does its real work, and the
expected events come from the same pure functions (``services.pipeline.extract`` / ``hadath extract``).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from shared.schemas import Article

REPO = Path(__file__).resolve().parents[2]
DEV_ARTICLES = REPO / "tests" / "data" / "dev_articles.jsonl"
ENGLISH_NEWS = "The defence minister met his counterpart in Paris on Monday to discuss joint training. " * 5


def dev_articles() -> list[Article]:
    """The dev articles shipped in tests/data."""
    with DEV_ARTICLES.open(encoding="utf-8") as handle:
        return [Article.model_validate_json(line) for line in handle if line.strip()]


def repeated_articles(count: int, prefix: str) -> list[Article]:
    """``count`` articles cycling through the dev articles, each with a new unique id."""
    templates = dev_articles()
    return [
        templates[i % len(templates)].model_copy(update={"id": f"{prefix}-{i:05d}-{templates[i % len(templates)].id}"})
        for i in range(count)
    ]


def write_jsonl(articles: list[Article], path: Path) -> Path:
    path.write_text("".join(article.model_dump_json() + "\n" for article in articles), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Malformed:
    """A message no stage may turn into events: the bytes to publish and the dead-letter reason expected."""

    kind: str
    key: bytes | None
    value: bytes
    reason: str  # hadath.error.reason the segmenter must give it


def malformed_messages(count: int, prefix: str, max_body_bytes: int, seed: int = 5) -> list[Malformed]:
    """``count`` malformed articles cycling through every kind of bad input the issue names."""
    rng = random.Random(seed)
    body = dev_articles()[0].body
    kinds = [
        lambda key: Malformed("invalid_json", key, b'{"id": "' + key + b'", "body": "unterminated', "decode"),
        lambda key: Malformed("not_json", key, b"\xff\xfe not even utf-8 \x00", "decode"),
        lambda key: Malformed("wrong_types", key, json.dumps({"id": key.decode(), "body": 42}).encode(), "decode"),
        lambda key: Malformed("missing_body", key, json.dumps({"id": key.decode()}).encode(), "decode"),
        lambda key: Malformed("missing_id", key, json.dumps({"body": body}, ensure_ascii=False).encode(), "decode"),
        lambda key: Malformed("empty_value", key, b"", "decode"),
        lambda key: Malformed("empty_body", key, json.dumps({"id": key.decode(), "body": ""}).encode(), "decode"),
        lambda key: Malformed("json_array", key, b"[" * 5000 + b"]" * 5000, "decode"),
        lambda key: Malformed(
            "huge_body", key,
            json.dumps({"id": key.decode(), "body": "ب" * (max_body_bytes // 2 + rng.randrange(1, 1000))},
                       ensure_ascii=False).encode(),
            "body_too_large",
        ),
        lambda key: Malformed(
            "not_arabic", key,
            json.dumps({"id": key.decode(), "body": ENGLISH_NEWS}).encode(),
            "not_arabic",
        ),
    ]
    return [kinds[i % len(kinds)](f"{prefix}-bad-{i:05d}".encode()) for i in range(count)]


def interleave(valid: list[tuple[bytes, bytes]], invalid: list[tuple[bytes | None, bytes]], seed: int = 7
               ) -> Iterator[tuple[bytes | None, bytes]]:
    """Valid and invalid (key, value) pairs in a reproducible random order."""
    mixed: list[tuple[bytes | None, bytes]] = [*valid, *invalid]
    random.Random(seed).shuffle(mixed)
    yield from mixed
