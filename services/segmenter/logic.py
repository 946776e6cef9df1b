"""Segmentation: article -> sentences and clitic-split tokens with offsets into the body. Pure.

The builtin backend is offline and in the project; ``farasa`` (settings.extraction.segmenter_backend)
asks Farasa's segmenter jar for the clitic splits and keeps the builtin offsets (services/segmenter/farasa.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import TypeAdapter

from services.segmenter.clitics import split_clitics
from services.segmenter.sentences import split_sentences
from shared.arabic import normalize
from shared.schemas import Article, SegmentedArticle, Sentence, Token
from shared.settings import ExtractionSettings

BACKEND = "builtin"
_TOKENS = TypeAdapter(list[Token])

_TOKEN = re.compile(r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u06fa-\u06ff\u064b-\u065f\u0670\u0640]+|[A-Za-z]+|\d+")

__all__ = ["segment", "split_clitics", "split_sentences", "token_fields", "token_spans", "tokenize"]


def token_spans(text: str, sentences: list[Sentence]) -> list[tuple[int, int, int]]:
    """(start, end, sentence index) of every word inside a sentence (clutter lines have none)."""
    spans = []
    k = 0
    for match in _TOKEN.finditer(text):
        while k < len(sentences) and match.start() >= sentences[k].end:
            k += 1
        if k == len(sentences):
            break
        if match.start() < sentences[k].start:
            continue
        spans.append((match.start(), match.end(), sentences[k].index))
    return spans


def token_fields(text: str, sentences: list[Sentence]) -> list[dict[str, object]]:
    """The fields of every token (plain dicts: one validation pass for the whole article is cheaper)."""
    fields: list[dict[str, object]] = []
    for start, end, sentence in token_spans(text, sentences):
        original = text[start:end]
        norm, prefixes, stem, suffixes = _analyse(original)
        if not norm:
            continue
        fields.append({"start": start, "end": end, "text": original, "sentence": sentence, "norm": norm,
                       "prefixes": list(prefixes), "stem": stem, "suffixes": list(suffixes)})
    return fields


@lru_cache(maxsize=200_000)
def _analyse(original: str) -> tuple[str, tuple[str, ...], str, tuple[str, ...]]:
    """(norm, prefixes, stem, suffixes) of one written word; news repeats words, so each is analysed once."""
    norm = normalize(original)
    if original.endswith("\u0640") and len(norm) == 1:  # لـ written apart: a bare proclitic
        return norm, (norm,), norm, ()
    prefixes, stem, suffixes = split_clitics(norm, original)
    return norm, tuple(prefixes), stem, tuple(suffixes)


def tokenize(text: str, sentences: list[Sentence]) -> list[Token]:
    """Tokens of ``text`` with their sentence index and clitic analysis (builtin rules)."""
    return _TOKENS.validate_python(token_fields(text, sentences))


def segment(article: Article, settings: ExtractionSettings | None = None) -> SegmentedArticle:
    """Split ``article.body`` into sentences and tokens with the configured backend (builtin by default)."""
    if settings is not None and settings.segmenter_backend == "farasa":
        from services.segmenter.farasa import segment_with_farasa

        return segment_with_farasa(article, settings)
    sentences = split_sentences(article.body)
    return SegmentedArticle.model_validate(
        {"article": article, "sentences": sentences, "tokens": token_fields(article.body, sentences),
         "segmenter": BACKEND}
    )
