"""Run the detector over the dev articles and write scorer-ready event lines (place from the geolocator if it works)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from services.detector.logic import detect
from services.segmenter.logic import segment
from shared.schemas import Article

DATA = Path(__file__).resolve().parents[1] / "data"


def detector_lines(articles_path: Path = DATA / "dev_articles.jsonl") -> list[str]:
    """One JSON line per detected event, with place null (scores type, participants and status)."""
    lines = []
    for raw in articles_path.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        article = Article.model_validate_json(raw)
        for event in detect(segment(article)).events:
            row = json.loads(event.model_dump_json())
            row.update(article_id=article.id, place=None)
            lines.append(json.dumps(row, ensure_ascii=False))
    return lines


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/detector_out.jsonl"
    Path(out).write_text("\n".join(detector_lines()) + "\n", encoding="utf-8")
