"""Segmentation: article -> sentences and clitic-split tokens with offsets into the body. Pure."""

from __future__ import annotations

import re

from shared.arabic import normalize
from shared.schemas import Article, SegmentedArticle, Sentence, Token

BACKEND = "builtin"

# A sentence ends at . ! ? ؟ or a line break, unless the full stop sits inside a number (3.5).
_SENTENCE_END = re.compile(r"(?:(?<!\d)\.(?!\d)|[!?؟\n]|\.(?=\s))+")
_TOKEN = re.compile(r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u06fa-\u06ff\u064b-\u065f\u0670\u0640]+|[A-Za-z]+|\d+")

_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with offsets, whitespace trimmed, empty ones dropped."""
    sentences: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        _append_sentence(sentences, text, start, match.end())
        start = match.end()
    _append_sentence(sentences, text, start, len(text))
    return sentences


def _append_sentence(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        out.append(Sentence(index=len(out), start=start, end=end, text=text[start:end]))


def split_clitics(norm: str) -> tuple[list[str], str, list[str]]:
    """(prefixes, stem, suffixes) of a normalised word; conservative so names stay whole."""
    prefixes: list[str] = []
    stem = norm
    if len(stem) > 3 and stem[0] in _CONJUNCTIONS:
        prefixes.append(stem[0])
        stem = stem[1:]
    if stem.startswith("لل") and len(stem) > 4:
        prefixes.extend(["ل", "ال"])
        stem = stem[2:]
    elif len(stem) > 4 and stem[0] in _PREPOSITIONS and stem[1:3] == "ال":
        prefixes.extend([stem[0], "ال"])
        stem = stem[3:]
    elif stem.startswith("ال") and len(stem) > 3:
        prefixes.append("ال")
        stem = stem[2:]
    return prefixes, stem, []


def tokenize(text: str, sentences: list[Sentence]) -> list[Token]:
    """Tokens of ``text`` with their sentence index and clitic analysis."""
    tokens: list[Token] = []
    bounds = [(s.start, s.end, s.index) for s in sentences]
    k = 0
    for match in _TOKEN.finditer(text):
        while k < len(bounds) - 1 and match.start() >= bounds[k][1]:
            k += 1
        if not bounds:
            break
        norm = normalize(match.group())
        if not norm:
            continue
        prefixes, stem, suffixes = split_clitics(norm)
        tokens.append(
            Token(
                start=match.start(), end=match.end(), text=match.group(), sentence=bounds[k][2],
                norm=norm, prefixes=prefixes, stem=stem, suffixes=suffixes,
            )
        )
    return tokens


def segment(article: Article) -> SegmentedArticle:
    """Split ``article.body`` into sentences and tokens (builtin offline backend)."""
    sentences = split_sentences(article.body)
    return SegmentedArticle(article=article, sentences=sentences, tokens=tokenize(article.body, sentences), segmenter=BACKEND)
