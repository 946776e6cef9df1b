"""Segmentation: article -> sentences and clitic-split tokens with offsets into the body. Pure.

The builtin backend is offline and in the project; ``farasa`` (settings.extraction.segmenter_backend)
asks Farasa's segmenter jar for the clitic splits and keeps the builtin offsets (services/segmenter/farasa.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

from services.segmenter.clitics import split_clitics
from services.segmenter.sentences import split_sentences
from shared.arabic import normalize
from shared.schemas import Article, SegmentedArticle, Sentence, TokenTable
from shared.settings import ExtractionSettings

BACKEND = "builtin"

_ARABIC = r"\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u06fa-\u06ff\u064b-\u065f\u0670\u0640"
_TOKEN = re.compile(f"[{_ARABIC}]+|[A-Za-z]+|\\d+")  # a token: a run of Arabic script, of Latin letters or of digits
_TOKENS = re.compile(f"({_TOKEN.pattern})")  # (for split: tokens and the gaps between them)
# Runs of word characters, whatever their script. Written [c][c]* rather than [c]+ or an alternation: a
# pattern that opens with a character class lets the regex engine skip to the next run in a tight loop
# (otherwise it tries a match at every position).
_WORD_CHARS = f"[{_ARABIC}A-Za-z\\d]"
_RUNS = re.compile(f"({_WORD_CHARS}{_WORD_CHARS}*)")

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

    Read sentence by sentence with one C-level split into runs of word characters, whose running lengths
    are the offsets; almost every run is one token (a run mixing scripts, و2024, is split exactly, see
    :func:`_run_analysis`). Built column by column and not validated again: the segmenter produced every value.
    """
    starts: list[int] = []
    ends: list[int] = []
    sentence_of: list[int] = []
    analyses: list[tuple[str, tuple[str, ...], str, tuple[str, ...]]] = []
    size = len(text)
    for sentence in sentences:
        parts = _RUNS.split(sentence.text)  # gap, run, gap, run, ..., gap
        found = list(map(_run_analysis, parts[1::2]))
        if not all(found):  # a run of several tokens (None): this sentence the exact way
            parts = _TOKENS.split(sentence.text)
            found = list(map(_run_analysis, parts[1::2]))
        if not found:
            continue
        bounds = list(accumulate(map(len, parts), initial=sentence.start))
        starts += bounds[1:-1:2]
        ends += bounds[2:-1:2]
        if ends[-1] == sentence.end < size:  # a word running on past the sentence's end
            ends[-1] = _TOKEN.match(text, starts[-1]).end()  # type: ignore[union-attr]
            found[-1] = _run_analysis(text[starts[-1]:ends[-1]])
        analyses += found  # type: ignore[arg-type]  # (no None left: each part is one token)
        sentence_of += [sentence.index] * len(found)
    if not analyses:
        return _empty_table()
    norms, prefixes, stems, suffixes = map(list, zip(*analyses, strict=True))
    if not all(norms):  # a word normalisation empties (only marks): not a token
        kept = [k for k, norm in enumerate(norms) if norm]
        if not kept:
            return _empty_table()
        starts, ends, sentence_of = [starts[k] for k in kept], [ends[k] for k in kept], [sentence_of[k] for k in kept]
        norms, prefixes, stems, suffixes = ([column[k] for k in kept] for column in (norms, prefixes, stems, suffixes))
    return TokenTable.model_construct(
        start=starts, end=ends, sentence=sentence_of, norm=norms, prefixes=prefixes, stem=stems, suffixes=suffixes
    )


def _empty_table() -> TokenTable:
    return TokenTable.model_construct(start=[], end=[], sentence=[], norm=[], prefixes=[], stem=[], suffixes=[])


@lru_cache(maxsize=200_000)
def _run_analysis(run: str) -> tuple[str, tuple[str, ...], str, tuple[str, ...]] | None:
    """(norm, prefixes, stem, suffixes) of a run of word characters that is one token; None for a run that
    _TOKEN reads as several (و2024, abcد). News repeats words, so each run is looked at once."""
    if _TOKEN.match(run).end() != len(run):  # type: ignore[union-attr]
        return None
    norm = normalize(run)
    if run.endswith("\u0640") and len(norm) == 1:  # لـ written apart: a bare proclitic
        return norm, (norm,), norm, ()
    prefixes, stem, suffixes = split_clitics(norm, run)
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
