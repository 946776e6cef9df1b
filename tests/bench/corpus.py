"""The benchmark corpus: the dev articles repeated with unique ids, so every copy is a distinct article.

Unique ids matter: event ids hash the article id, so copies give distinct events (the sink stores them
all instead of skipping duplicates) and per-article latency can be matched to what the sink stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from shared.schemas import Article

REPO = Path(__file__).resolve().parents[2]
DEV_ARTICLES = REPO / "tests" / "data" / "dev_articles.jsonl"


@dataclass(frozen=True)
class BenchArticle:
    """One article to publish: its id (also the Kafka key) and its serialized value."""

    id: str
    value: bytes
    source_id: str


def load_dev_articles(path: Path = DEV_ARTICLES) -> list[Article]:
    with path.open(encoding="utf-8") as lines:
        return [Article.model_validate_json(line) for line in lines if line.strip()]


def repeated(articles: list[Article], count: int, tag: str) -> list[BenchArticle]:
    """``count`` copies cycling through ``articles``, ids ``<dev id>~<tag>~<n>``."""
    out = []
    for n in range(count):
        article = articles[n % len(articles)]
        copy = article.model_copy(update={"id": f"{article.id}~{tag}~{n}"})
        out.append(BenchArticle(copy.id, copy.model_dump_json().encode(), article.id))
    return out
