"""Articles from files: JSON lines, a .txt file (one article, id = file name), or a folder of both.

Shared by ``hadath publish`` and ``hadath extract`` so both read exactly the same articles.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from shared.schemas import Article

SUFFIXES = (".jsonl", ".json", ".ndjson", ".txt")


@dataclass(frozen=True)
class ArticleLine:
    """One input record: where it came from, its raw bytes, and the article or why it is not one."""

    origin: str
    raw: bytes
    article: Article | None
    error: str | None = None

    @property
    def key(self) -> bytes | None:
        """Kafka key: the article id, or the id field of an invalid line when it has one."""
        if self.article is not None:
            return self.article.id.encode()
        try:
            value = json.loads(self.raw)
        except ValueError:
            return None
        return str(value["id"]).encode() if isinstance(value, dict) and value.get("id") else None


def article_files(path: Path) -> list[Path]:
    """The files to read under ``path`` (itself, or a folder's .jsonl/.txt files, sorted)."""
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist")
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
    return [path]


def read_articles(path: Path) -> Iterator[ArticleLine]:
    """Every record under ``path``, valid or not, in file and line order."""
    for file in article_files(path):
        if file.suffix == ".txt":
            yield _text_article(file)
        else:
            yield from _json_lines(file)


def count_records(path: Path) -> int:
    """How many records read_articles will yield (for progress bars)."""
    total = 0
    for file in article_files(path):
        if file.suffix == ".txt":
            total += 1
        else:
            with file.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
    return total


def _text_article(file: Path) -> ArticleLine:
    raw_text = file.read_bytes()
    try:
        body = raw_text.decode("utf-8").strip()
        article = Article(id=file.stem, body=body, title=None)
    except (UnicodeDecodeError, ValidationError) as exc:
        return ArticleLine(str(file), raw_text, None, _short_error(exc))
    return ArticleLine(str(file), article.model_dump_json().encode(), article)


def _json_lines(file: Path) -> Iterator[ArticleLine]:
    with file.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            raw = line.rstrip(b"\r\n")
            if not raw.strip():
                continue
            origin = f"{file}:{number}"
            try:
                article = Article.model_validate_json(raw)
            except ValidationError as exc:
                yield ArticleLine(origin, raw, None, _short_error(exc))
                continue
            yield ArticleLine(origin, raw, article)


def _short_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ())) or "value"
        more = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        return f"{where}: {first.get('msg', 'invalid')}{more}"
    return str(exc)
