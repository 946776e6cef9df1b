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


def test_segmented_tokens_travel_as_columns_and_come_back_as_rows() -> None:
    from services.segmenter.logic import segment
    from shared.schemas import SegmentedArticle

    body = "التقى الرئيس بوزير الخارجية في القاهرة."
    segmented = segment(Article(id="a", body=body))
    decoded = SegmentedArticle.model_validate_json(segmented.model_dump_json())
    assert decoded == segmented
    rows = decoded.token_rows()
    assert [t.text for t in rows] == body.rstrip(".").split()
    assert rows[2].prefixes == ("ب",) and rows[2].stem == "وزير"


def test_token_columns_must_line_up_and_stay_inside_the_body() -> None:
    from services.segmenter.logic import segment
    from shared.schemas import SegmentedArticle

    message = json.loads(segment(Article(id="a", body="التقى الرئيس بالوزير.")).model_dump_json())
    short = json.loads(json.dumps(message))
    short["tokens"]["norm"].pop()
    with pytest.raises(ValidationError, match="differ in length"):
        SegmentedArticle.model_validate(short)
    outside = json.loads(json.dumps(message))
    outside["tokens"]["end"][-1] = 10_000
    with pytest.raises(ValidationError, match="outside the article body"):
        SegmentedArticle.model_validate(outside)


def test_a_segmented_message_of_the_old_shape_is_refused_by_its_version() -> None:
    from services.segmenter.logic import segment
    from shared.schemas import SegmentedArticle

    message = json.loads(segment(Article(id="a", body="التقى الرئيس بالوزير.")).model_dump_json())
    assert message["schema_version"] == 2
    message["schema_version"] = 1  # version 1 carried one object per token
    with pytest.raises(ValidationError, match="schema_version"):
        SegmentedArticle.model_validate(message)
