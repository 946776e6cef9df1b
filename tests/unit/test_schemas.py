"""Message schemas: the JSON Schema files are current, and the models enforce the contract."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from shared.schema_files import MODELS, SCHEMA_DIR, render_schemas, stale_schema_files
from shared.schemas import Article, Event, EventType, event_id
from tests.factories import sample_event


def test_json_schema_files_are_current() -> None:
    assert stale_schema_files() == [], "run `hadath schemas` and commit shared/jsonschema/"


def test_every_message_model_has_a_schema_file_with_schema_version() -> None:
    rendered = render_schemas()
    assert set(rendered) == set(MODELS)
    for name in MODELS:
        schema = json.loads((SCHEMA_DIR / name).read_text())
        assert "schema_version" in schema["properties"], name


def test_event_ids_are_deterministic_and_distinct() -> None:
    assert event_id("a", EventType.visit, 5) == event_id("a", EventType.visit, 5)
    assert len({event_id("a", EventType.visit, 5), event_id("a", EventType.visit, 6),
                event_id("b", EventType.visit, 5), event_id("a", EventType.meeting, 5)}) == 4


def test_event_round_trips_through_json() -> None:
    event = sample_event()
    assert Event.model_validate_json(event.model_dump_json()) == event


@pytest.mark.parametrize(
    "payload",
    [
        '{"id": "", "body": "x"}',
        '{"id": "a", "body": ""}',
        '{"body": "x"}',
        '{"id": "a", "body": "x", "published_at": "soon"}',
    ],
)
def test_invalid_articles_are_rejected(payload: str) -> None:
    with pytest.raises(ValidationError):
        Article.model_validate_json(payload)


def test_articles_ignore_unknown_fields() -> None:
    article = Article.model_validate_json('{"id": "a", "body": "نص", "extra": 1}')
    assert article.schema_version == 1
