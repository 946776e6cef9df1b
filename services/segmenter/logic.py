"""Segmentation: article -> sentences and clitic-split tokens with offsets into the body. Pure.

The builtin backend is offline and in the project; ``farasa`` (settings.extraction.segmenter_backend)
asks Farasa's segmenter jar for the clitic splits and keeps the builtin offsets (services/segmenter/farasa.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from services.segmenter.clitics import split_clitics
from services.segmenter.sentences import split_sentences
from shared.arabic import normalize
from shared.schemas import Article, SegmentedArticle, Sentence, TokenTable
from shared.settings import ExtractionSettings

BACKEND = "builtin"

_TOKEN = re.compile(r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u06fa-\u06ff\u064b-\u065f\u0670\u0640]+|[A-Za-z]+|\d+")

__all__ = ["segment", "split_clitics", "split_sentences", "token_spans", "token_table"]


def token_spans(text: str, sentences: list[Sentence]) -> list[tuple[int, int, int]]:
    """(start, end, sentence index) of every word inside a sentence (clutter lines have none)."""
    starts, ends, sentence_of = _span_columns(text, sentences)
    return list(zip(starts, ends, sentence_of, strict=True))


def _span_columns(text: str, sentences: list[Sentence]) -> tuple[list[int], list[int], list[int]]:
    """token_spans as three columns: starts, ends, sentence indexes."""
    starts: list[int] = []
    ends: list[int] = []
    sentence_of: list[int] = []
    for sentence in sentences:
        index = sentence.index
        for match in _TOKEN.finditer(text, sentence.start, sentence.end):
            start, end = match.span()
            starts.append(start)
            ends.append(end)
            sentence_of.append(index)
        if ends and ends[-1] == sentence.end < len(text):  # a word running on past the sentence's end
            ends[-1] = _TOKEN.match(text, starts[-1]).end()  # type: ignore[union-attr]
    return starts, ends, sentence_of


def token_table(text: str, sentences: list[Sentence]) -> TokenTable:
    """Every token of ``text`` with its sentence index and clitic analysis (builtin rules), as columns.

    Built column by column and not validated again: the segmenter produced every value itself.
    """
    starts, ends, sentence_of = _span_columns(text, sentences)
    analyses = list(map(_analyse, map(text.__getitem__, map(slice, starts, ends))))  # (C-level passes)
    if any(not norm for norm, *_ in analyses):  # a word normalisation empties (only marks): not a token
        kept = [k for k, analysis in enumerate(analyses) if analysis[0]]
        starts, ends, sentence_of = [starts[k] for k in kept], [ends[k] for k in kept], [sentence_of[k] for k in kept]
        analyses = [analyses[k] for k in kept]
    if not analyses:
        return TokenTable.model_construct(start=[], end=[], sentence=[], norm=[], prefixes=[], stem=[], suffixes=[])
    norms, prefixes, stems, suffixes = map(list, zip(*analyses, strict=True))
    return TokenTable.model_construct(
        start=starts, end=ends, sentence=sentence_of, norm=norms, prefixes=prefixes, stem=stems, suffixes=suffixes
    )


@lru_cache(maxsize=200_000)
def _analyse(original: str) -> tuple[str, tuple[str, ...], str, tuple[str, ...]]:
    """(norm, prefixes, stem, suffixes) of one written word; news repeats words, so each is analysed once."""
    norm = normalize(original)
    if original.endswith("\u0640") and len(norm) == 1:  # لـ written apart: a bare proclitic
        return norm, (norm,), norm, ()
    prefixes, stem, suffixes = split_clitics(norm, original)
    return norm, tuple(prefixes), stem, tuple(suffixes)


def segment(article: Article, settings: ExtractionSettings | None = None) -> SegmentedArticle:
    """Split ``article.body`` into sentences and tokens with the configured backend (builtin by default)."""
    if settings is not None and settings.segmenter_backend == "farasa":
        from services.segmenter.farasa import segment_with_farasa

        return segment_with_farasa(article, settings)
    sentences = split_sentences(article.body)
    return SegmentedArticle.model_construct(
        article=article, sentences=sentences, tokens=token_table(article.body, sentences), segmenter=BACKEND
    )
