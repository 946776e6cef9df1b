"""JSON Schema files for the message models, for consumers in other languages (``hadath schemas``)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from shared.schemas import Article, DetectedEvents, Event, SegmentedArticle

SCHEMA_DIR = Path(__file__).parent / "jsonschema"

MODELS: dict[str, type[BaseModel]] = {
    "article.json": Article,
    "segmented_article.json": SegmentedArticle,
    "detected_events.json": DetectedEvents,
    "event.json": Event,
}
"""File name -> model (topics: articles.raw, articles.segmented, events.detected, events.v1)."""


def render_schemas() -> dict[str, str]:
    """The JSON Schema text of every model, keyed by file name (deterministic: sorted keys)."""
    return {
        name: json.dumps(model.model_json_schema(mode="serialization"), ensure_ascii=False, indent=2, sort_keys=True)
        + "\n"
        for name, model in MODELS.items()
    }


def stale_schema_files(directory: Path = SCHEMA_DIR) -> list[str]:
    """Files that are missing or differ from what the models generate now."""
    stale = []
    for name, text in render_schemas().items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale


def write_schema_files(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
