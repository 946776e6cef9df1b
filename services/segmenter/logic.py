"""Segmentation: article -> sentences and clitic-split tokens with offsets into the body. Pure.

The builtin backend is offline and in the project; ``farasa`` (settings.extraction.segmenter_backend)
asks Farasa's segmenter jar for the clitic splits and keeps the builtin offsets (services/segmenter/farasa.py).
"""

from __future__ import annotations

import re

from services.segmenter.clitics import split_clitics
from services.segmenter.sentences import split_sentences
from shared.arabic import normalize
from shared.schemas import Article, SegmentedArticle, Sentence, Token
from shared.settings import ExtractionSettings

BACKEND = "builtin"

_TOKEN = re.compile(r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u06fa-\u06ff\u064b-\u065f\u0670\u0640]+|[A-Za-z]+|\d+")

__all__ = ["segment", "split_clitics", "split_sentences", "token_spans", "tokenize"]


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


def tokenize(text: str, sentences: list[Sentence]) -> list[Token]:
    """Tokens of ``text`` with their sentence index and clitic analysis (builtin rules)."""
    tokens: list[Token] = []
    for start, end, sentence in token_spans(text, sentences):
        original = text[start:end]
        norm = normalize(original)
        if not norm:
            continue
        suffixes: list[str]
        if original.endswith("\u0640") and len(norm) == 1:  # لـ written apart: a bare proclitic
            prefixes, stem, suffixes = [norm], norm, []
        else:
            prefixes, stem, suffixes = split_clitics(norm, original)
        tokens.append(Token(start=start, end=end, text=original, sentence=sentence, norm=norm,
                            prefixes=prefixes, stem=stem, suffixes=suffixes))
    return tokens


def segment(article: Article, settings: ExtractionSettings | None = None) -> SegmentedArticle:
    """Split ``article.body`` into sentences and tokens with the configured backend (builtin by default)."""
    if settings is not None and settings.segmenter_backend == "farasa":
        from services.segmenter.farasa import segment_with_farasa

        return segment_with_farasa(article, settings)
    sentences = split_sentences(article.body)
    return SegmentedArticle(article=article, sentences=sentences, tokens=tokenize(article.body, sentences),
                            segmenter=BACKEND)
